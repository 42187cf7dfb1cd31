package scan

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestIncident is the seed incident end to end: the three test findings
// on prismaClient.mjs, nothing for the production .env, node_modules or
// what .gitignore ignores, and -fix writes 10 / 20 / 10.
func TestIncident(t *testing.T) {
	dir, ar := tree(t, "incident.txtar")
	res := scanDir(t, dir)
	want := `packages/database/prismaClient.mjs:9:37: [test-pool-too-small] max_open is 1 (connection_limit) in test code; policy wants ≥ 2
packages/database/prismaClient.mjs:9:52: [test-acquire-timeout-too-short] acquire_timeout is 5s (pool_timeout=5) in test code; policy wants ≥ 10s
packages/database/prismaClient.mjs:9:70: [test-connect-timeout-too-short] connect_timeout is 5s (connect_timeout=5) in test code; policy wants ≥ 10s
`
	if got := lines(res.Findings); got != want {
		t.Fatalf("findings:\n%s\nwant:\n%s", got, want)
	}
	for _, f := range res.Findings {
		if f.Driver != "prisma" || strings.Join(f.Scopes, ",") != "test" || f.Fix == nil {
			t.Errorf("%s: driver %s scopes %v fix %v", f.Rule, f.Driver, f.Scopes, f.Fix)
		}
	}

	var diff bytes.Buffer
	if _, err := Apply(res, true, &diff); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(diff.String(), "+    return url + '?connection_limit=10&pool_timeout=20&connect_timeout=10';") {
		t.Errorf("diff:\n%s", diff.String())
	}
	fixed, err := Apply(res, false, nil)
	if err != nil || len(fixed) != 3 {
		t.Fatalf("Apply: %d fixed, %v", len(fixed), err)
	}
	for name, want := range fixedFiles(ar) {
		if got := readFile(t, filepath.Join(dir, name)); got != want {
			t.Errorf("%s after -fix:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if again := scanDir(t, dir); len(again.Findings) != 0 {
		t.Errorf("after -fix:\n%s", lines(again.Findings))
	}
}
