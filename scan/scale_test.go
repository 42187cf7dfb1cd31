package scan

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poolcheck/poolcheck/internal/doubling"
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
			doubling.Run(b, n, "finding",
				func() time.Duration { return scanTime(b, small, n) },
				func() time.Duration { return scanTime(b, large, 2*n) })
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
