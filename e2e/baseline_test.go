package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`
	Func    string `json:"func"`
	Setting string `json:"setting"`
	Found   string `json:"found"`
	Count   int    `json:"count"`
}

// wantBaseline is the fixture's baseline, by hand: one entry per rule,
// file, function, setting and value, with how often it occurs.
var wantBaseline = []baselineEntry{
	{"prod-single-connection", "app/app.go", "Start", "max_open", "1", 1},
	{"prod-tls-disabled", "db/db.go", "Open", "tls_mode", "disable", 1},
	{"unit-suffix-rejected", "db/db.go", "Open", "connect_timeout", "5s", 1},
	{"test-acquire-timeout-too-short", "db/db_test.go", "useTestDatabase", "acquire_timeout", "5", 1},
	{"test-connect-timeout-too-short", "db/db_test.go", "useTestDatabase", "connect_timeout", "5", 1},
	{"test-pool-too-small", "db/db_test.go", "useTestDatabase", "max_open", "1", 1},
	{"pool-param-forwarded", "legacy/legacy.go", "Open", "connection_limit", "5", 1},
	{"max-idle-above-max-open", "pool/pool.go", "Pair", "max_idle", "200", 2},
	{"max-idle-above-max-open", "pool/pool.go", "Size", "max_idle", "200", 1},
}

// shiftLines adds a comment block at the top of every Go file, so that
// every finding moves down.
func shiftLines(t *testing.T, dir string) {
	t.Helper()
	for _, f := range []string{"app/app.go", "db/db.go", "db/db_test.go", "legacy/legacy.go", "pool/pool.go", "store/store.go"} {
		path := filepath.Join(dir, f)
		write(t, path, "// Copyright the fixture's authors.\n//\n// An unrelated edit.\n\n"+read(t, path))
	}
}

func TestBaseline(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-write-baseline", "baseline.json", "./...")
	if r.code != 0 {
		t.Fatalf("-write-baseline: want exit 0; %s", r)
	}
	var b baselineFile
	decodeStrict(t, read(t, filepath.Join(dir, "baseline.json")), &b)
	if b.Version != 1 || strings.Join(entries(b.Findings), "\n") != strings.Join(entries(wantBaseline), "\n") {
		t.Fatalf("baseline:\n%s\nwant:\n%s", strings.Join(entries(b.Findings), "\n"), strings.Join(entries(wantBaseline), "\n"))
	}

	shiftLines(t, dir)
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r = check(t, dir, "-baseline", "baseline.json", "-format", format, "./...")
		if r.code != 0 || r.stderr != "" {
			t.Errorf("-format %s: after shifting every line the baseline must still hide all; %s", format, r)
		}
	}
	r = check(t, dir, "-baseline", "baseline.json", "-format", "json", "./...")
	var rep jsonReport
	decodeStrict(t, r.stdout, &rep)
	if len(rep.Findings) != 0 || rep.Summary.Baselined != len(defaultFindings) {
		t.Errorf("json summary %+v, want %d baselined", rep.Summary, len(defaultFindings))
	}
}

// TestBaselineCounts: each entry hides as many findings as its count;
// the rest are reported, and entries left over are stale.
func TestBaselineCounts(t *testing.T) {
	dir := fixture(t)
	if r := check(t, dir, "-write-baseline", "baseline.json", "./pool"); r.code != 0 {
		t.Fatal(r)
	}
	pool := filepath.Join(dir, "pool/pool.go")
	orig := read(t, pool)

	// The same finding in a new function is new.
	write(t, pool, orig+"\n// Triple sizes a third pool.\nfunc Triple(a, b, c *sql.DB) {\n\tPair(a, b)\n\tc.SetMaxOpenConns(100)\n\tc.SetMaxIdleConns(200)\n}\n")
	r := check(t, dir, "-baseline", "baseline.json", "./pool")
	if r.code != 1 || len(gotLines(r.stdout)) != 1 || !strings.Contains(r.stdout, "[max-idle-above-max-open]") {
		t.Errorf("a new finding in a new function must show; %s", r)
	}
	write(t, pool, strings.Replace(orig, "func Pair(primary, replica *sql.DB) {", "func Pair(primary, replica, spare *sql.DB) {\n\tspare.SetMaxOpenConns(100)\n\tspare.SetMaxIdleConns(200)", 1))
	r = check(t, dir, "-baseline", "baseline.json", "./pool")
	if r.code != 1 || len(gotLines(r.stdout)) != 1 {
		t.Errorf("a third finding where the baseline counts two must show; %s", r)
	}

	// One of the two fixed: nothing to report, one entry stale.
	write(t, pool, strings.Replace(orig, "replica.SetMaxIdleConns(200)", "replica.SetMaxIdleConns(50)", 1))
	r = check(t, dir, "-baseline", "baseline.json", "./pool")
	if r.code != 0 || r.stdout != "" {
		t.Errorf("stale entries do not change the exit code; %s", r)
	}
	if !strings.Contains(r.stderr, "warning") || !strings.Contains(r.stderr, "max-idle-above-max-open pool/pool.go Pair() max_idle=200 (1)") {
		t.Errorf("want a warning naming the stale entry; stderr:\n%s", r.stderr)
	}
}

func TestBadBaseline(t *testing.T) {
	dir := fixture(t)
	good := `{"version": 1, "tool": "poolcheck", "findings": [{"rule": "r", "file": "f.go", "func": "", "setting": "", "found": "", "count": 1}]}`
	tests := map[string]string{
		"unknown field": strings.Replace(good, `"count"`, `"cnt"`, 1),
		"version":       strings.Replace(good, `"version": 1`, `"version": 2`, 1),
		"count":         strings.Replace(good, `"count": 1`, `"count": 0`, 1),
		"duplicate":     strings.Replace(good, `]}`, `, {"rule": "r", "file": "f.go", "func": "", "setting": "", "found": "", "count": 1}]}`, 1),
		"not json":      "findings: []",
	}
	if r := check(t, dir, "-baseline", "missing.json", "./pool"); r.code != 2 {
		t.Errorf("missing baseline: want exit 2; %s", r)
	}
	write(t, filepath.Join(dir, "good.json"), good)
	if r := check(t, dir, "-baseline", "good.json", "-fail-on", "error", "./pool"); r.code != 0 {
		t.Errorf("a valid baseline: %s", r)
	}
	for name, text := range tests {
		write(t, filepath.Join(dir, "bad.json"), text)
		if r := check(t, dir, "-baseline", "bad.json", "./pool"); r.code != 2 || !strings.Contains(r.stderr, "baseline") {
			t.Errorf("%s: want exit 2 and a message; %s", name, r)
		}
	}
}

// TestWriteBaselineRefusesPartial: a package that does not load would
// leave its findings out of the baseline.
func TestWriteBaselineRefusesPartial(t *testing.T) {
	dir := fixture(t)
	write(t, filepath.Join(dir, "broken/broken.go"), "package broken\n\nfunc f() int { return \"x\" }\n")
	r := check(t, dir, "-write-baseline", "baseline.json", "./...")
	if r.code != 2 {
		t.Errorf("want exit 2; %s", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "baseline.json")); err == nil {
		t.Error("a partial baseline was written")
	}
}

func entries(es []baselineEntry) []string {
	var out []string
	for _, e := range es {
		data, _ := json.Marshal(e)
		out = append(out, string(data))
	}
	return out
}
