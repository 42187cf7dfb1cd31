package plugin

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/poolcheck/poolcheck/analyzer"
)

// strictPolicy is a valid policy with a rule of its own.
const strictPolicy = `
[[rule]]
id = "prod-pool-over-50"
title = "Production pool above 50 connections"
why = "Four services share one server."
setting = "max_open"
scope = "prod"
severity = "info"
max = 50
`

// inConfigDir makes a directory with a .golangci.yml and a policy in
// it, and moves the test there.
func inConfigDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".golangci.yml"), "version: \"2\"\n")
	write(t, filepath.Join(dir, "policies", "strict.toml"), strictPolicy)
	t.Chdir(dir)
	return dir
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("poolcheck")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if mode := p.GetLoadMode(); mode != register.LoadModeTypesInfo {
		t.Errorf("load mode %q, want %q", mode, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != "poolcheck" {
		t.Fatalf("BuildAnalyzers() = %v, %v; want the poolcheck analyzer", as, err)
	}
}

func TestSettingsApplied(t *testing.T) {
	dir := inConfigDir(t)
	tests := []struct {
		settings     map[string]any
		policy, fail string
	}{
		{map[string]any{}, "", "info"},
		{map[string]any{"fail-on": "warning"}, "", "warning"},
		{map[string]any{"policy": "policies/strict.toml"}, filepath.Join(dir, "policies", "strict.toml"), "info"},
		{map[string]any{"policy": "${config-path}/policies/strict.toml", "fail-on": "error"}, filepath.Join(dir, "policies", "strict.toml"), "error"},
		{map[string]any{"policy": filepath.Join(dir, "policies", "strict.toml")}, filepath.Join(dir, "policies", "strict.toml"), "info"},
	}
	for _, tt := range tests {
		p, err := New(tt.settings)
		if err != nil {
			t.Errorf("New(%v): %v", tt.settings, err)
			continue
		}
		fs := &p.(*Plugin).analyzer.Flags
		if got := fs.Lookup("policy").Value.String(); got != tt.policy {
			t.Errorf("New(%v): policy flag %q, want %q", tt.settings, got, tt.policy)
		}
		if got := fs.Lookup("min-severity").Value.String(); got != tt.fail {
			t.Errorf("New(%v): min-severity flag %q, want %q", tt.settings, got, tt.fail)
		}
	}
}

func TestBadSettingsFail(t *testing.T) {
	inConfigDir(t)
	tests := []struct {
		settings map[string]any
		want     string // in the error
	}{
		{map[string]any{"polcy": "x.toml"}, `unknown field "polcy"`},
		{map[string]any{"fail_on": "error"}, `unknown field "fail_on"`},
		{map[string]any{"min-severity": "error"}, `unknown field "min-severity"`},
		{map[string]any{"fail-on": "critical"}, `fail-on: unknown severity "critical"`},
		{map[string]any{"fail-on": 3}, "cannot unmarshal number"},
		{map[string]any{"policy": "missing.toml"}, "missing.toml"},
		{map[string]any{"policy": "${base-path}/policies/strict.toml"}, "only ${config-path} is expanded"},
	}
	for _, tt := range tests {
		_, err := New(tt.settings)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%v) = %v, want an error with %q", tt.settings, err, tt.want)
		}
	}
}

func TestBadPolicyFails(t *testing.T) {
	dir := inConfigDir(t)
	write(t, filepath.Join(dir, "bad.toml"), "[[rule]]\nid = \"test-pool-too-small\"\nsevrity = \"error\"\n")
	_, err := New(map[string]any{"policy": "bad.toml"})
	if err == nil || !strings.Contains(err.Error(), "bad.toml:3") {
		t.Errorf("New with a policy that has an unknown key: %v, want an error at bad.toml:3", err)
	}
}

// TestEveryFlagHasASetting keeps the plugin in step with the analyzer:
// a new analyzer flag needs a setting here.
func TestEveryFlagHasASetting(t *testing.T) {
	a := analyzer.New()
	mapped := make(map[string]bool)
	for _, f := range flagSettings {
		if a.Flags.Lookup(f.flag) == nil {
			t.Errorf("setting %s maps to flag -%s, which the analyzer does not have", f.setting, f.flag)
		}
		mapped[f.flag] = true
	}
	a.Flags.VisitAll(func(f *flag.Flag) {
		if !mapped[f.Name] {
			t.Errorf("analyzer flag -%s has no plugin setting", f.Name)
		}
	})
}

// TestOwnAnalyzer checks that each plugin configures its own analyzer
// and leaves the CLI's global one alone.
func TestOwnAnalyzer(t *testing.T) {
	inConfigDir(t)
	p1, err := New(map[string]any{"fail-on": "error"})
	if err != nil {
		t.Fatal(err)
	}
	p2, err := New(map[string]any{"fail-on": "warning"})
	if err != nil {
		t.Fatal(err)
	}
	a1, a2 := p1.(*Plugin).analyzer, p2.(*Plugin).analyzer
	if a1 == a2 || a1 == analyzer.Analyzer {
		t.Fatal("plugins share an analyzer")
	}
	for _, c := range []struct {
		name string
		fs   *flag.FlagSet
		want string
	}{{"first", &a1.Flags, "error"}, {"second", &a2.Flags, "warning"}, {"global", &analyzer.Analyzer.Flags, "info"}} {
		if got := c.fs.Lookup("min-severity").Value.String(); got != c.want {
			t.Errorf("%s analyzer: min-severity %q, want %q", c.name, got, c.want)
		}
	}
}
