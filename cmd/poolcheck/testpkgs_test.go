package main

import (
	"bytes"
	"strings"
	"testing"
)

// Packages that only tests import, directly or through one another,
// are test code; a package production code imports is not.
func TestTestOnlyPackages(t *testing.T) {
	const open = "\nimport \"database/sql\"\n\nfunc Open() {\n\tdb, _ := sql.Open(\"pgx\", \"postgres://app@db/app?sslmode=disable\")\n\tdb.SetMaxOpenConns(1)\n}\n"
	module(t, map[string]string{
		"app/app.go":                "package app\n\nimport _ \"m/internal/shared\"\n",
		"app/app_test.go":           "package app\n\nimport (\n\t_ \"m/internal/fixtures\"\n\t_ \"m/internal/shared\"\n)\n",
		"internal/fixtures/fix.go":  "package fixtures\n\nimport _ \"m/internal/chain\"\n" + open,
		"internal/chain/chain.go":   "package chain\n" + open,
		"internal/shared/shared.go": "package shared\n" + open,
		"internal/dbtest/dbtest.go": "package dbtest\n" + open,
		"internal/latest/latest.go": "package latest\n" + open,
		"cmd/tool/main.go":          "package main\n\nfunc main() {}\n",
		"internal/unused/unused.go": "package unused\n" + open,
	})
	var stdout, stderr bytes.Buffer
	run([]string{"./..."}, &stdout, &stderr)
	got := stdout.String()
	for pkg, rule := range map[string]string{
		"internal/fixtures/": "test-pool-too-small", // only app's tests import it
		"internal/chain/":    "test-pool-too-small", // only a test package imports it
		"internal/dbtest/":   "test-pool-too-small", // its name says so
		"internal/shared/":   "prod-single-connection",
		"internal/latest/":   "prod-single-connection", // a word, not a test package
		"internal/unused/":   "prod-single-connection", // nothing imports it
	} {
		var line string
		for _, l := range strings.Split(got, "\n") {
			if !strings.HasPrefix(l, pkg) {
				continue
			}
			if strings.Contains(l, "SetMaxOpenConns") {
				line = l
			}
			if rule == "test-pool-too-small" && strings.Contains(l, "[prod-") {
				t.Errorf("%s is test code, but: %s", pkg, l)
			}
		}
		if !strings.Contains(line, "["+rule+"]") {
			t.Errorf("%s: want %s, got %q", pkg, rule, line)
		}
	}
	if t.Failed() {
		t.Log(got, stderr.String())
	}
}
