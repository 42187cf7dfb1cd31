package scan

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// envWith writes a .env file with n findings (one prod-tls-disabled per
// line) into a fresh directory, and returns the directory.
func envWith(b *testing.B, n int) string {
	dir := b.TempDir()
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "DB%d_URL=postgres://app@db/app?sslmode=disable\n", i)
	}
	writeFile(b, filepath.Join(dir, "a.env"), sb.String())
	return dir
}

// BenchmarkScanFindings scans a file with n and then 2n findings, and
// reports the time per finding at each size and their ratio, which is 1
// when the time is linear in the findings (2 when it is quadratic).
func BenchmarkScanFindings(b *testing.B) {
	for _, n := range []int{12_500, 25_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			small, large := envWith(b, n), envWith(b, 2*n)
			var ts, tl time.Duration
			for b.Loop() {
				ts += scanTime(b, small, n)
				tl += scanTime(b, large, 2*n)
			}
			per := func(d time.Duration, k int) float64 { return float64(d.Nanoseconds()) / float64(b.N) / float64(k) }
			b.ReportMetric(per(ts, n), "ns/finding-n")
			b.ReportMetric(per(tl, 2*n), "ns/finding-2n")
			b.ReportMetric(per(tl, 2*n)/per(ts, n), "ratio")
		})
	}
}

func scanTime(b *testing.B, dir string, want int) time.Duration {
	start := time.Now()
	res, err := Scan([]string{dir}, Options{Workers: 1})
	d := time.Since(start)
	if err != nil || len(res.Findings) != want {
		b.Fatalf("scan: %v, %d findings, want %d", err, len(res.Findings), want)
	}
	return d
}
