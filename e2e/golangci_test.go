package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// golangci returns the custom golangci-lint that
// scripts/build-golangci.sh builds, named by POOLCHECK_GOLANGCI.
func golangci(t *testing.T) string {
	t.Helper()
	bin := os.Getenv("POOLCHECK_GOLANGCI")
	if bin == "" {
		missing(t, "POOLCHECK_GOLANGCI is not set (scripts/build-golangci.sh /tmp/golangci-lint builds it; then POOLCHECK_GOLANGCI=/tmp/golangci-lint)")
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("POOLCHECK_GOLANGCI: %v", err)
	}
	return bin
}

// lint runs golangci-lint in dir with a cache of its own: golangci-lint
// keys its cache on sources and settings, not on policy files.
func lint(t *testing.T, bin, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()}, bin, args...)
}

// lintIssues runs golangci-lint with JSON output and returns the
// poolcheck issues as "file:line:col: [rule]", sorted. An issue that is
// not a finding (golangci-lint's "related information") fails the test.
func lintIssues(t *testing.T, bin, dir string) ([]string, int, result) {
	t.Helper()
	return lintIssuesCached(t, bin, dir, t.TempDir())
}

// lintIssuesCached is lintIssues with golangci-lint's cache in cache.
func lintIssuesCached(t *testing.T, bin, dir, cache string) ([]string, int, result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "issues.json")
	r := run(t, dir, []string{"GOLANGCI_LINT_CACHE=" + cache}, bin, "run", "--output.json.path="+out, "./...")
	var rep struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
			SuggestedFixes []json.RawMessage
		}
	}
	if err := json.Unmarshal([]byte(read(t, out)), &rep); err != nil {
		t.Fatalf("golangci-lint JSON: %v\n%s", err, r)
	}
	var lines []string
	fixes := 0
	for _, is := range rep.Issues {
		if is.FromLinter != "poolcheck" {
			continue
		}
		if !strings.HasPrefix(is.Text, "[") {
			// golangci-lint makes an issue of each related information,
			// which --fix never removes: the plugin must give none.
			t.Errorf("an issue that is no finding: %s:%d: %q", is.Pos.Filename, is.Pos.Line, is.Text)
			continue
		}
		rule := is.Text[:strings.Index(is.Text, "]")+1]
		lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", is.Pos.Filename, is.Pos.Line, is.Pos.Column, rule))
		if len(is.SuggestedFixes) > 0 {
			fixes++
		}
	}
	sort.Strings(lines)
	return lines, fixes, r
}

// all are the fixture's findings under its .golangci.yml, which names
// policies/strict.toml.
func all() []finding { return append(append([]finding{}, defaultFindings...), strictFindings...) }

func withFix(fs []finding) int {
	n := 0
	for _, f := range fs {
		if f.want != "" {
			n++
		}
	}
	return n
}

func TestGolangciFindings(t *testing.T) {
	bin := golangci(t)
	dir := fixture(t)
	got, fixes, r := lintIssues(t, bin, dir)
	if r.code != 1 {
		t.Errorf("want exit 1 for issues; %s", r)
	}
	sameLines(t, "golangci-lint issues", got, textLines(t, dir, "", all()))
	if fixes != withFix(all()) {
		t.Errorf("%d issues carry a fix, want %d", fixes, withFix(all()))
	}
}

// TestGolangciPolicyPath runs from a subdirectory: the policy path in
// the settings is relative to the configuration file, not to the
// working directory.
func TestGolangciPolicyPath(t *testing.T) {
	bin := golangci(t)
	dir := fixture(t)
	got, _, r := lintIssues(t, bin, filepath.Join(dir, "pool"))
	if r.code != 1 {
		t.Errorf("want exit 1; %s", r)
	}
	sameLines(t, "issues from pool/", got, textLines(t, dir, "", in("pool", all())))
}

// TestGolangciAcrossPackages: app's finding needs store's summary,
// which the plugin keeps in memory, not in facts. golangci-lint does not
// analyze store when it is outside the patterns (a run in app/) or when
// its issues are cached and only app changed: the plugin then
// summarizes store from source.
func TestGolangciAcrossPackages(t *testing.T) {
	bin := golangci(t)
	dir := fixture(t)
	want := textLines(t, dir, "", in("app", all()))
	if len(want) == 0 {
		t.Fatal("the fixture has no finding in app/")
	}
	got, _, _ := lintIssues(t, bin, filepath.Join(dir, "app"))
	sameLines(t, "issues from app/", got, want)

	cache := t.TempDir()
	got, _, _ = lintIssuesCached(t, bin, dir, cache)
	sameLines(t, "cold cache", got, textLines(t, dir, "", all()))
	app := filepath.Join(dir, "app", "app.go")
	write(t, app, read(t, app)+"\n// changed: golangci-lint analyzes app again, store's issues come from its cache\n")
	got, _, r := lintIssuesCached(t, bin, dir, cache)
	sameLines(t, "warm cache, app changed", got, textLines(t, dir, "", all()))
	if r.code != 1 {
		t.Errorf("want exit 1 for issues; %s", r)
	}
}

func TestGolangciFailOn(t *testing.T) {
	bin := golangci(t)
	dir := fixture(t)
	cfg := filepath.Join(dir, ".golangci.yml")
	write(t, cfg, strings.Replace(read(t, cfg), "fail-on: info", "fail-on: error", 1))
	got, _, _ := lintIssues(t, bin, dir)
	var want []finding
	for _, f := range all() {
		if f.severity == "error" {
			want = append(want, f)
		}
	}
	sameLines(t, "fail-on: error", got, textLines(t, dir, "", want))
}

func TestGolangciFix(t *testing.T) {
	bin := golangci(t)
	dir := fixture(t)
	// Without strict.toml, whose max_open fix would move the max_idle
	// bound under the max_idle fix.
	cfg := filepath.Join(dir, ".golangci.yml")
	write(t, cfg, strings.Replace(read(t, cfg), "policy: policies/strict.toml", "", 1))
	r := lint(t, bin, dir, "run", "--fix", "./...")
	if r.code != 1 || !strings.Contains(r.stdout, "[pool-param-forwarded]") {
		t.Errorf("--fix leaves the finding without a fix: want it and exit 1; %s", r)
	}
	wantFixed(t, "testdata/fixture", dir)
	// A second run reports only what has no fix: no issue is left
	// over from a fixed finding (such as its related information).
	got, _, _ := lintIssues(t, bin, dir)
	var unfixable []finding
	for _, f := range defaultFindings {
		if f.want == "" {
			unfixable = append(unfixable, f)
		}
	}
	sameLines(t, "after --fix", got, textLines(t, dir, "", unfixable))
}

func TestGolangciBadSettings(t *testing.T) {
	bin := golangci(t)
	tests := []struct {
		from, to string
		want     string
	}{
		{"fail-on: info", "fail_on: info", `unknown field "fail_on"`},
		{"policy: policies/strict.toml", "polcy: policies/strict.toml", `unknown field "polcy"`},
		{"fail-on: info", "fail-on: fatal", `fail-on: unknown severity "fatal"`},
		{"policy: policies/strict.toml", "policy: policies/nope.toml", "policies/nope.toml"},
	}
	for _, tt := range tests {
		dir := fixture(t)
		cfg := filepath.Join(dir, ".golangci.yml")
		write(t, cfg, strings.Replace(read(t, cfg), tt.from, tt.to, 1))
		r := lint(t, bin, dir, "run", "./...")
		if r.code == 0 || r.code == 1 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%s: want a failure (not 0, not 1 for issues) naming %q; %s", tt.to, tt.want, r)
		}
	}
}

// TestRepoLint runs the repository's own .golangci.yml, with the
// poolcheck plugin enabled on top of it, on the repository and on each
// of its Go modules: all must be clean. poolcheck's CLI must pass on
// each module too, in Go mode and in scan mode: the README's first
// command runs it on this repository.
func TestRepoLint(t *testing.T) {
	bin := golangci(t)
	cfg := filepath.Join(t.TempDir(), ".golangci.yml")
	write(t, cfg, withPoolcheck(t, read(t, filepath.Join(checkout, ".golangci.yml"))))
	for _, mod := range []string{".", "e2e", "difftest", "bench"} {
		dir := filepath.Join(checkout, mod)
		if r := run(t, dir, nil, bin, "run", "--config", cfg, "./..."); r.code != 0 {
			t.Errorf("golangci-lint in %s: %s", dir, r)
		}
		if r := run(t, dir, nil, poolcheck, "./..."); r.code != 0 {
			t.Errorf("poolcheck ./... in %s: %s", dir, r)
		}
		if r := run(t, dir, nil, poolcheck, "scan", "."); r.code != 0 {
			t.Errorf("poolcheck scan . in %s: %s", dir, r)
		}
	}
}

// withPoolcheck enables the poolcheck module plugin in a golangci-lint
// configuration that has a linters.enable list and linters.settings.
func withPoolcheck(t *testing.T, cfg string) string {
	t.Helper()
	enable := "linters:\n  default: none\n  enable:\n"
	settings := "\n  settings:\n"
	if !strings.Contains(cfg, enable) || !strings.Contains(cfg, settings) {
		t.Fatalf("the repository's .golangci.yml no longer has the shape withPoolcheck edits")
	}
	cfg = strings.Replace(cfg, enable, enable+"    - poolcheck\n", 1)
	return strings.Replace(cfg, settings, settings+"    custom:\n      poolcheck:\n        type: module\n        description: connection-pool settings\n", 1)
}
