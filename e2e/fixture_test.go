package e2e

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// finding is what the fixture must produce, written down from the
// default policy (rules/default.toml), not from poolcheck's output. The
// value is the last bytes of anchor, which occurs once in the file;
// the finding points at exactly those bytes.
type finding struct {
	file     string // module-relative
	rule     string
	severity string
	anchor   string
	value    string // the value found, as the driver spells it
	want     string // the value the fix writes; "" when there is no fix
	setting  string
	scope    string
	driver   string
}

// defaultFindings are the fixture's findings under the default policy.
var defaultFindings = []finding{
	// pgx rejects sslmode=disable in production, and "5s": it reads
	// connect_timeout as whole seconds.
	{"db/db.go", "prod-tls-disabled", "warning", "sslmode=disable", "disable", "require", "tls_mode", "prod", "pgx"},
	{"db/db.go", "unit-suffix-rejected", "error", "connect_timeout=5s", "5s", "5", "connect_timeout", "prod", "pgx"},
	// The incident: a one-connection test pool with 5 s timeouts; the
	// fixes are the reviewed 10 / 20 s / 10 s.
	{"db/db_test.go", "test-pool-too-small", "error", "connection_limit=1", "1", "10", "max_open", "test", "prisma"},
	{"db/db_test.go", "test-acquire-timeout-too-short", "warning", "pool_timeout=5", "5", "20", "acquire_timeout", "test", "prisma"},
	{"db/db_test.go", "test-connect-timeout-too-short", "warning", "&connect_timeout=5", "5", "10", "connect_timeout", "test", "prisma"},
	// lib/pq sends a parameter it does not know to the server.
	{"legacy/legacy.go", "pool-param-forwarded", "error", "connection_limit=5", "5", "", "", "prod", "pq"},
	// A pool of one, written where store.Open is called in another
	// package: found through store's facts by every driver.
	{"app/app.go", "prod-single-connection", "warning", "store.Open(dsn, 1", "1", "10", "max_open", "prod", "pgx"},
	// MaxIdle above MaxOpen, three times; the fix is MaxOpen.
	{"pool/pool.go", "max-idle-above-max-open", "warning", "db.SetMaxIdleConns(200", "200", "100", "max_idle", "prod", "database/sql"},
	{"pool/pool.go", "max-idle-above-max-open", "warning", "primary.SetMaxIdleConns(200", "200", "100", "max_idle", "prod", "database/sql"},
	{"pool/pool.go", "max-idle-above-max-open", "warning", "replica.SetMaxIdleConns(200", "200", "100", "max_idle", "prod", "database/sql"},
}

// strictFindings are what policies/strict.toml adds: max_open ≤ 50, info.
var strictFindings = []finding{
	{"pool/pool.go", "prod-pool-over-50", "info", "db.SetMaxOpenConns(100", "100", "50", "max_open", "prod", "database/sql"},
	{"pool/pool.go", "prod-pool-over-50", "info", "primary.SetMaxOpenConns(100", "100", "50", "max_open", "prod", "database/sql"},
	{"pool/pool.go", "prod-pool-over-50", "info", "replica.SetMaxOpenConns(100", "100", "50", "max_open", "prod", "database/sql"},
}

// in returns the findings of one package directory.
func in(dir string, fs []finding) []finding {
	var out []finding
	for _, f := range fs {
		if strings.HasPrefix(f.file, dir+"/") {
			out = append(out, f)
		}
	}
	return out
}

// pos is where a finding's value lies in the file: byte offset, and
// 1-based line and byte column.
type pos struct{ offset, line, col int }

// locate finds f's value in the fixture copy at root.
func (f finding) locate(t *testing.T, root string) (start, end pos) {
	t.Helper()
	src := read(t, filepath.Join(root, f.file))
	if n := strings.Count(src, f.anchor); n != 1 {
		t.Fatalf("%s: anchor %q occurs %d times, want once", f.file, f.anchor, n)
	}
	if !strings.HasSuffix(f.anchor, f.value) {
		t.Fatalf("anchor %q does not end with %q", f.anchor, f.value)
	}
	off := strings.Index(src, f.anchor) + len(f.anchor) - len(f.value)
	return at(src, off), at(src, off+len(f.value))
}

func at(src string, off int) pos {
	line := strings.Count(src[:off], "\n") + 1
	col := off - strings.LastIndex(src[:off], "\n")
	return pos{off, line, col}
}

// textLines is how the text format prints fs: "file:line:col: [rule]",
// with paths under prefix, sorted.
func textLines(t *testing.T, root, prefix string, fs []finding) []string {
	t.Helper()
	var out []string
	for _, f := range fs {
		s, _ := f.locate(t, root)
		out = append(out, fmt.Sprintf("%s%s:%d:%d: [%s]", prefix, f.file, s.line, s.col, f.rule))
	}
	sort.Strings(out)
	return out
}

// gotLines cuts each text line after its rule id, sorted.
func gotLines(stdout string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		if i := strings.Index(l, "] "); i >= 0 {
			l = l[:i+1]
		}
		if l != "" {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n  %s\nwant:\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
