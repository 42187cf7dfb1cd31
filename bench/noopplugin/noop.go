// Package noopplugin is a golangci-lint v2 module plugin, "noop", that
// does nothing. bench/ builds it into the same golangci-lint binary as
// poolcheck's plugin and runs that binary once with only noop enabled,
// once with only poolcheck, to measure what poolcheck adds to a
// golangci-lint run. It asks for the same load mode as poolcheck
// (types info) and, like the CLI's no-op, requires no other analyzer.
//
// With the setting report: true it reports one issue at the package
// clause of every file and does nothing else: what golangci-lint itself
// spends on issues (its cache of each package's issues, its processing
// of each), which a linter that finds something pays and the no-op
// does not.
package noopplugin

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

func init() {
	register.Plugin("noop", New)
}

// Settings are the plugin's settings.
type Settings struct {
	Report bool `json:"report"`
}

// Plugin is the no-op linter.
type Plugin struct{ s Settings }

// New reads the settings.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, err
	}
	return Plugin{s}, nil
}

// BuildAnalyzers returns an analyzer that reports nothing, or one issue
// per file.
func (p Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	run := func(*analysis.Pass) (any, error) { return nil, nil }
	if p.s.Report {
		run = func(pass *analysis.Pass) (any, error) {
			for _, f := range pass.Files {
				pass.Reportf(f.Package, "noop: one issue per file")
			}
			return nil, nil
		}
	}
	return []*analysis.Analyzer{{
		Name: "noop",
		Doc:  "does nothing; the floor poolcheck is measured against",
		Run:  run,
	}}, nil
}

// GetLoadMode asks for what poolcheck asks for.
func (Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
