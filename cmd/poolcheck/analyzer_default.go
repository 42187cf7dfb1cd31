//go:build !poolcheck_noop

package main

import (
	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer"
)

// newAnalyzer returns the analyzer the CLI runs: poolcheck. Built with
// -tags poolcheck_noop, the CLI runs a no-op instead (analyzer_noop.go),
// which bench/ uses to measure the cost of loading alone.
func newAnalyzer() *analysis.Analyzer { return analyzer.New() }
