package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/catalog"
)

func finding(rule, file, fn, setting, key, found string) *report.Finding {
	return &report.Finding{Rule: rule, File: file, Func: fn, Setting: catalog.Setting(setting), Key: key, Found: found}
}

// TestBaselineRoundTrip writes findings and applies the file to a later
// run: counts per key, stale entries warned about, exit code untouched.
func TestBaselineRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	before := []*report.Finding{
		finding("max-idle-above-max-open", "p.go", "Pair", "max_idle", "SetMaxIdleConns", "200"),
		finding("max-idle-above-max-open", "p.go", "Pair", "max_idle", "SetMaxIdleConns", "200"),
		finding("pool-param-forwarded", "l.go", "Open", "", "connection_limit", "5"),
		finding("pool-param-forwarded", "l.go", "Open", "", "pool_timeout", "5"),
	}
	var stderr bytes.Buffer
	o := &options{writeBaseline: path}
	if err := o.saveBaseline(&outcome{findings: before}, &stderr); err != nil {
		t.Fatal(err)
	}

	after := []*report.Finding{
		finding("max-idle-above-max-open", "p.go", "Pair", "max_idle", "SetMaxIdleConns", "200"), // hidden
		finding("max-idle-above-max-open", "p.go", "Size", "max_idle", "SetMaxIdleConns", "200"), // new function
		finding("pool-param-forwarded", "l.go", "Open", "", "connection_limit", "5"),             // hidden
		finding("pool-param-forwarded", "l.go", "Open", "", "pool_timeout", "6"),                 // new value
	}
	out := &outcome{findings: slices.Clone(after)}
	stderr.Reset()
	o = &options{baseline: path}
	if err := o.applyBaseline(out, &stderr); err != nil {
		t.Fatal(err)
	}
	if out.hidden != 2 || len(out.findings) != 2 || out.findings[0] != after[1] || out.findings[1] != after[3] {
		t.Errorf("hidden %d, kept %v; want the Size and the pool_timeout=6 findings kept", out.hidden, out.findings)
	}
	for _, stale := range []string{
		"max-idle-above-max-open p.go Pair() max_idle=200 (1)",
		"pool-param-forwarded l.go Open() pool_timeout=5 (1)",
	} {
		if !strings.Contains(stderr.String(), stale) {
			t.Errorf("no warning for the stale %q:\n%s", stale, stderr.String())
		}
	}
}

func TestWriteBaselineSorted(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	fs := []*report.Finding{
		finding("r2", "b.go", "F", "s", "k", "1"),
		finding("r1", "b.go", "F", "s", "k", "1"),
		finding("r1", "a.go", "G", "s", "k", "1"),
		finding("r1", "b.go", "F", "s", "k", "1"),
	}
	o := &options{writeBaseline: path}
	if err := o.saveBaseline(&outcome{findings: fs}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b baselineFile
	if err := json.Unmarshal(data, &b); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range b.Findings {
		got = append(got, fmt.Sprintf("%s %s %s x%d", e.File, e.Func, e.Rule, e.Count))
	}
	want := []string{"a.go G r1 x1", "b.go F r1 x2", "b.go F r2 x1"}
	if !slices.Equal(got, want) {
		t.Errorf("entries %v, want %v (by file, function, rule)", got, want)
	}
}

// TestBaselineKeepsMeta: findings about ignore directives are neither
// recorded nor hidden, as the directive rules cannot be suppressed.
func TestBaselineKeepsMeta(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	fs := []*report.Finding{
		finding(report.IgnoreUnused, "a.go", "F", "", "", ""),
		finding("r1", "a.go", "F", "s", "k", "1"),
	}
	o := &options{writeBaseline: path}
	if err := o.saveBaseline(&outcome{findings: fs}, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), report.IgnoreUnused) {
		t.Errorf("baseline records a directive finding:\n%s", data)
	}
	// A hand-written entry for a meta finding hides nothing either.
	k := keyOf(fs[0])
	hand := baselineFile{Version: baselineVersion, Tool: "poolcheck",
		Findings: []baselineEntry{{k.rule, k.file, k.fn, k.setting, k.found, 1}}}
	data, err = json.Marshal(hand)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := &outcome{findings: slices.Clone(fs)}
	o = &options{baseline: path}
	if err := o.applyBaseline(out, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if len(out.findings) != 2 {
		t.Errorf("kept %d findings, want both", len(out.findings))
	}
}
