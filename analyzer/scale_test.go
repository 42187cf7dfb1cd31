package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer"
	"github.com/poolcheck/poolcheck/internal/doubling"
)

// findingsPkg loads a package of one file with n package-level DSN
// variables, each with one finding and one fix.
func findingsPkg(b *testing.B, n int) []*packages.Package {
	dir := b.TempDir()
	var sb strings.Builder
	sb.WriteString("package q\n\n")
	for i := range n {
		fmt.Fprintf(&sb, "var dsn%d = \"postgres://app@db/app?sslmode=disable\"\n", i)
	}
	for name, text := range map[string]string{"go.mod": "module q\n\ngo 1.26\n", "q.go": sb.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=", "GOPROXY=off")}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		b.Fatalf("load: %v", err)
	}
	return pkgs
}

// BenchmarkFindingsScale analyses a package with n and then 2n findings
// (loading excluded) and reports the time per finding at each size and
// their ratio: 1 when the analysis is linear in the findings, 2 when it
// is quadratic.
func BenchmarkFindingsScale(b *testing.B) {
	for _, n := range []int{6_250, 12_500, 25_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			small, large := findingsPkg(b, n), findingsPkg(b, 2*n)
			doubling.Run(b, n, "finding",
				func() time.Duration { return analyzeTime(b, small, n) },
				func() time.Duration { return analyzeTime(b, large, 2*n) })
		})
	}
}

func analyzeTime(b *testing.B, pkgs []*packages.Package, want int) time.Duration {
	start := time.Now()
	g, err := checker.Analyze([]*analysis.Analyzer{analyzer.New()}, pkgs, nil)
	d := time.Since(start)
	if err != nil || g.Roots[0].Err != nil {
		b.Fatal(err, g.Roots[0].Err)
	}
	if got := len(g.Roots[0].Result.(*analyzer.Result).Findings); got != want {
		b.Fatalf("%d findings, want %d", got, want)
	}
	return d
}
