// Package noopplugin is a golangci-lint v2 module plugin, "noop", that
// does nothing. bench/ builds it into the same golangci-lint binary as
// poolcheck's plugin and runs that binary once with only noop enabled,
// once with only poolcheck, to measure what poolcheck adds to a
// golangci-lint run. It asks for the same load mode as poolcheck
// (types info) and, like the CLI's no-op, requires no other analyzer.
package noopplugin

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("noop", New)
}

// Plugin is the no-op linter.
type Plugin struct{}

// New ignores the settings.
func New(any) (register.LinterPlugin, error) { return Plugin{}, nil }

// BuildAnalyzers returns an analyzer that reports nothing.
func (Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{{
		Name: "noop",
		Doc:  "does nothing; the floor poolcheck is measured against",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}}, nil
}

// GetLoadMode asks for what poolcheck asks for.
func (Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
