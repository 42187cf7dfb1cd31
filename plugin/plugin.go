// Package plugin is poolcheck as a golangci-lint v2 module plugin.
//
// Build a custom golangci-lint with it (see .custom-gcl.yml or
// scripts/build-golangci.sh) and enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [poolcheck]
//	  settings:
//	    custom:
//	      poolcheck:
//	        type: module
//	        description: connection-pool settings
//	        settings:
//	          policy: .poolcheck.toml   # relative to this file; optional
//	          fail-on: warning          # error, warning or info; optional
//
// Unknown setting keys and bad values fail the run before any package
// is analyzed.
package plugin

import (
	"fmt"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer"
	"github.com/poolcheck/poolcheck/rules"
)

func init() {
	register.Plugin("poolcheck", New)
}

// Settings are the plugin's settings in .golangci.yml.
type Settings struct {
	// Policy is a policy file. A relative path is relative to the
	// directory of the golangci-lint configuration; ${config-path}
	// names that directory. Empty: each package uses the nearest
	// .poolcheck.toml up to its module root, else the built-in policy.
	Policy string `json:"policy"`

	// FailOn is the lowest severity reported: error, warning or info
	// (the default). golangci-lint fails on every issue it reports, so
	// this is also the fail level. It sets the analyzer's min-severity.
	FailOn string `json:"fail-on"`
}

// flagSettings maps each analyzer flag to the setting that gives its
// value; "" leaves the flag at its default. A flag with no setting has
// a fixed value: golangci-lint decides itself whether issues in
// generated files are reported (linters.exclusions.generated), so the
// analyzer reports them all; and it turns related information into
// issues of their own that --fix never removes, so the analyzer names
// the related place in the message instead. golangci-lint reports only
// the main module's packages, so the others are skipped. plugin_test.go
// checks that every flag of the analyzer is here.
var flagSettings = []struct {
	flag, setting string
	value         func(s Settings) string
}{
	{"policy", "policy", func(s Settings) string { return s.Policy }},
	{"min-severity", "fail-on", func(s Settings) string { return s.FailOn }},
	{"generated", "", func(Settings) string { return "true" }},
	{"related", "", func(Settings) string { return "false" }},
	{"test-packages", "", func(Settings) string { return "" }},
	{"shadowed", "", func(Settings) string { return "" }},
	{"module-only", "", func(Settings) string { return "true" }},
}

// keys lists the setting keys, for error messages.
func keys() string {
	var ks []string
	for _, f := range flagSettings {
		if f.setting != "" {
			ks = append(ks, f.setting)
		}
	}
	return strings.Join(ks, ", ")
}

// Plugin is a configured poolcheck for golangci-lint.
type Plugin struct {
	analyzer *analysis.Analyzer
}

// New decodes the settings strictly and configures a fresh analyzer.
func New(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("poolcheck settings: %w (the settings are: %s)", err, keys())
	}
	if s.Policy, err = resolvePolicy(s.Policy); err != nil {
		return nil, err
	}
	// Summaries in memory, not facts: with facts golangci-lint would
	// type-check every dependency from source (analyzer/store.go).
	a := analyzer.NewInProcess()
	for _, f := range flagSettings {
		if v := f.value(s); v != "" {
			if err := a.Flags.Set(f.flag, v); err != nil {
				return nil, fmt.Errorf("poolcheck settings: %s: %w", f.setting, err)
			}
		}
	}
	return &Plugin{analyzer: a}, nil
}

// resolvePolicy makes a policy path absolute against the configuration
// directory and loads it, so that a bad policy fails at start.
func resolvePolicy(p string) (string, error) {
	if p == "" {
		return "", nil
	}
	if strings.Contains(strings.ReplaceAll(p, placeholder, ""), "${") {
		return "", fmt.Errorf("poolcheck settings: policy %q: only %s is expanded", p, placeholder)
	}
	dir, err := configDir()
	if err != nil {
		return "", fmt.Errorf("poolcheck settings: policy: %w", err)
	}
	p = resolve(dir, p)
	if _, err := rules.Load(p); err != nil {
		return "", fmt.Errorf("poolcheck settings: policy: %w", err)
	}
	return p, nil
}

// BuildAnalyzers returns the configured analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode asks for type information: the analyzer needs types.
func (p *Plugin) GetLoadMode() string { return register.LoadModeTypesInfo }
