package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poolcheck/poolcheck/internal/doubling"
	"github.com/poolcheck/poolcheck/scan"
)

// scanned returns the outcome of scanning a .env file with n findings.
func scanned(b *testing.B, n int) *outcome {
	dir := b.TempDir()
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "DB%d_URL=postgres://app@db/app?sslmode=disable\n", i)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.env"), []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	res, err := scan.Scan([]string{dir}, scan.Options{Workers: 1})
	if err != nil || len(res.Findings) != n {
		b.Fatalf("scan: %v, %d findings", err, len(res.Findings))
	}
	out, _ := scanOutcome(res, "")
	return out
}

// BenchmarkPrintFindings prints n and 2n findings in every format and
// reports the time per finding at each size and their ratio: 1 when
// printing is linear in the findings, 2 when it is quadratic.
func BenchmarkPrintFindings(b *testing.B) {
	const n = 20_000
	small, large := scanned(b, n), scanned(b, 2*n)
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			doubling.Run(b, n, "finding",
				func() time.Duration { return printTime(b, f.print, small) },
				func() time.Duration { return printTime(b, f.print, large) })
		})
	}
}

func printTime(b *testing.B, printer func(io.Writer, *outcome) error, out *outcome) time.Duration {
	start := time.Now()
	if err := printer(io.Discard, out); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
