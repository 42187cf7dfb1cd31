package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestTextFindings(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "./...")
	if r.code != 1 {
		t.Fatalf("want exit 1 for findings; %s", r)
	}
	sameLines(t, "findings", gotLines(r.stdout), textLines(t, dir, "", defaultFindings))
	if strings.Contains(r.stdout+r.stderr, "s3cret") {
		t.Error("the DSN password is in the output")
	}
}

func TestPolicyAndMinSeverity(t *testing.T) {
	dir := fixture(t)
	pool := in("pool", defaultFindings)
	tests := []struct {
		args []string
		want []finding
	}{
		{[]string{"./pool"}, pool},
		{[]string{"-policy", "policies/strict.toml", "./pool"}, append(in("pool", strictFindings), pool...)},
		{[]string{"-policy", "policies/strict.toml", "-min-severity", "warning", "./pool"}, pool},
		{[]string{"-min-severity", "error", "./pool"}, nil},
	}
	for _, tt := range tests {
		r := check(t, dir, tt.args...)
		sameLines(t, strings.Join(tt.args, " "), gotLines(r.stdout), textLines(t, dir, "", tt.want))
	}
}

// TestExitCodes runs each case in every format: the exit code must not
// depend on the format.
func TestExitCodes(t *testing.T) {
	dir := fixture(t)
	write(t, filepath.Join(dir, "bad.toml"), "[[rule]]\nid = \"test-pool-too-small\"\nmni = 3\n")
	write(t, filepath.Join(dir, "testdata/broken/broken.go"), "package broken\n\nfunc f() int { return \"x\" }\n")
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"findings", []string{"./..."}, 1},
		{"warnings only, fail on error", []string{"-fail-on", "error", "./pool"}, 0},
		{"warnings only, fail on warning", []string{"-fail-on", "warning", "./pool"}, 1},
		{"info only, fail on info", []string{"-policy", "policies/info-only.toml", "./pool"}, 1},
		{"info only, fail on warning", []string{"-policy", "policies/info-only.toml", "-fail-on", "warning", "./pool"}, 0},
		{"nothing reported", []string{"-min-severity", "error", "./pool"}, 0},
		{"no such package", []string{"./cmd"}, 2},
		{"package that does not compile", []string{"./testdata/broken"}, 2}, // out of ./...
		{"bad policy", []string{"-policy", "bad.toml", "./..."}, 2},
		{"missing policy", []string{"-policy", "nope.toml", "./..."}, 2},
		{"bad fail level", []string{"-fail-on", "fatal", "./..."}, 2},
		{"bad flag", []string{"-no-such-flag", "./..."}, 2},
		{"no packages", []string{}, 2},
	}
	formats := [][]string{{"-format", "text"}, {"-format", "json"}, {"-format", "sarif"}, {"-format", "github"}, {"-json"}}
	for _, tt := range tests {
		for _, f := range formats {
			r := check(t, dir, append(append([]string{}, f...), tt.args...)...)
			if r.code != tt.code {
				t.Errorf("%s (%s): exit %d, want %d\n%s", tt.name, strings.Join(f, " "), r.code, tt.code, r.stderr)
			}
		}
	}
}

func TestBadFormat(t *testing.T) {
	dir := fixture(t)
	for _, args := range [][]string{
		{"-format", "xml", "./..."},
		{"-json", "-format", "sarif", "./..."},
		{"-inventory", "-format", "sarif", "./..."},
		{"-json", "-baseline", "b.json", "./..."},
		{"-write-baseline", "b.json", "-fix", "./..."},
	} {
		if r := check(t, dir, args...); r.code != 2 || r.stderr == "" {
			t.Errorf("%s: want exit 2 and a message; %s", strings.Join(args, " "), r)
		}
	}
}

// fixed is the fixture after -fix: each finding's value replaced by the
// value it wants, which is also what the seed incident's fix wrote.
var fixed = map[string][][2]string{
	"db/db.go":      {{"sslmode=disable&connect_timeout=5s", "sslmode=require&connect_timeout=5"}},
	"db/db_test.go": {{"connection_limit=1&pool_timeout=5&connect_timeout=5", "connection_limit=10&pool_timeout=20&connect_timeout=10"}},
	"pool/pool.go":  {{"SetMaxIdleConns(200)", "SetMaxIdleConns(100)"}},
	"app/app.go":    {{"store.Open(dsn, 1)", "store.Open(dsn, 10)"}},
}

func wantFixed(t *testing.T, orig, dir string) {
	t.Helper()
	for file, reps := range fixed {
		want := read(t, filepath.Join(orig, file))
		for _, r := range reps {
			want = strings.ReplaceAll(want, r[0], r[1])
		}
		if got := read(t, filepath.Join(dir, file)); got != want {
			t.Errorf("%s after the fix:\n%s\nwant:\n%s", file, got, want)
		}
	}
	if got, want := read(t, filepath.Join(dir, "legacy/legacy.go")), read(t, filepath.Join(orig, "legacy/legacy.go")); got != want {
		t.Error("legacy/legacy.go has no fix but changed")
	}
}

func TestFix(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-fix", "./...")
	if r.code != 1 {
		t.Errorf("-fix leaves an error without a fix: want exit 1; %s", r)
	}
	// Only what -fix could not mend is reported.
	sameLines(t, "after -fix", gotLines(r.stdout), textLines(t, dir, "", in("legacy", defaultFindings)))
	wantFixed(t, "testdata/fixture", dir)
	if r := check(t, dir, "-fail-on", "error", "./db", "./pool"); r.code != 0 || r.stdout != "" {
		t.Errorf("a second run finds something left to fix; %s", r)
	}
}

func TestDiff(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-diff", "./...")
	if r.code != 1 {
		t.Errorf("-diff: want the exit code of the findings, 1; %s", r)
	}
	for _, f := range []string{"db/db.go", "db/db_test.go", "pool/pool.go"} {
		if read(t, filepath.Join(dir, f)) != read(t, filepath.Join("testdata/fixture", f)) {
			t.Errorf("-diff wrote %s", f)
		}
		if !strings.Contains(r.stdout, "--- "+f+"\n+++ "+f+"\n") {
			t.Errorf("-diff has no patch for %s", f)
		}
	}
	for _, reps := range fixed {
		for _, rep := range reps {
			if !strings.Contains(r.stdout, rep[1]) {
				t.Errorf("-diff does not add %q", rep[1])
			}
		}
	}
	// The patch applies and gives what -fix writes.
	write(t, filepath.Join(dir, "fix.patch"), r.stdout)
	if p := run(t, dir, nil, "git", "apply", "-p0", "fix.patch"); p.code != 0 {
		t.Fatalf("git apply: %s", p)
	}
	wantFixed(t, "testdata/fixture", dir)
}

// TestXToolsJSON checks that -json keeps the shape of go vet -json:
// package path, analyzer name, then diagnostics.
func TestXToolsJSON(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-json", "./pool")
	if r.code != 1 {
		t.Errorf("-json: want exit 1; %s", r)
	}
	var tree map[string]map[string][]struct {
		Posn           string `json:"posn"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, r.stdout)
	}
	diags := tree["example.com/fixture/pool"]["poolcheck"]
	if len(diags) != len(in("pool", defaultFindings)) {
		t.Fatalf("-json: %d diagnostics for the pool package, want %d\n%s", len(diags), len(in("pool", defaultFindings)), r.stdout)
	}
	for _, d := range diags {
		if !strings.Contains(d.Message, "[max-idle-above-max-open]") || len(d.SuggestedFixes) != 1 {
			t.Errorf("-json diagnostic %+v", d)
		}
	}
}

// TestXToolsJSONFix: after -fix, -json shows what remains, as the text
// output does, with the exit code of what remains.
func TestXToolsJSONFix(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-json", "-fix", "./...")
	if r.code != 1 {
		t.Errorf("-json -fix leaves an error without a fix: want exit 1; %s", r)
	}
	var tree map[string]map[string][]struct {
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatalf("-json output: %v\n%s", err, r.stdout)
	}
	n := 0
	for _, byAnalyzer := range tree {
		n += len(byAnalyzer["poolcheck"])
	}
	if want := len(in("legacy", defaultFindings)); n != want {
		t.Errorf("-json -fix: %d diagnostics, want the %d that have no fix\n%s", n, want, r.stdout)
	}
	wantFixed(t, "testdata/fixture", dir)
}
