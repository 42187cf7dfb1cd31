//go:build poolcheck_noop

package main

import (
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer"
)

// newAnalyzer returns an analyzer that does nothing, driven exactly as
// poolcheck is: same flags, same result type, same load. It requires no
// other analyzer (not even inspect), so a run of this binary costs what
// loading and type-checking cost, and nothing else. bench/ builds it
// with go build -tags poolcheck_noop ./cmd/poolcheck.
func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "poolcheck",
		Doc:        "poolcheck built with -tags poolcheck_noop: does nothing",
		ResultType: reflect.TypeFor[*analyzer.Result](),
		Run:        func(*analysis.Pass) (any, error) { return &analyzer.Result{}, nil },
	}
	// The flags the CLI sets; the values are accepted and ignored.
	a.Flags.String("policy", "", "ignored")
	a.Flags.String("min-severity", "info", "ignored")
	a.Flags.Bool("generated", false, "ignored")
	a.Flags.Bool("related", true, "ignored")
	a.Flags.String("test-packages", "", "ignored")
	a.Flags.String("shadowed", "", "ignored")
	a.Flags.Bool("module-only", false, "ignored")
	return a
}
