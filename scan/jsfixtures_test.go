package scan

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

// jsFixtures are the JS/TS fixture trees: each has a want.txt with the
// findings, positions checked by hand, and fixed/ with what -fix writes.
var jsFixtures = []string{"rollback.txtar", "node-postgres.txtar", "knex.txtar", "sequelize.txtar", "mysql2.txtar", "prisma-client.txtar"}

// TestJSFixtures scans each tree, compares the findings, checks that no
// password reaches a finding or an output format, applies the fixes,
// compares the files and scans again: nothing is left.
func TestJSFixtures(t *testing.T) {
	for _, name := range jsFixtures {
		t.Run(name, func(t *testing.T) {
			dir, ar := tree(t, name)
			res := scanDir(t, dir)
			want := ""
			secrets := []string{"s3cr3t", "test-pass"}
			for _, f := range ar.Files {
				if f.Name == "want.txt" {
					want = string(f.Data)
				}
			}
			if got := lines(res.Findings); got != want {
				t.Fatalf("findings:\n%s\nwant:\n%s", got, want)
			}
			all, err := json.Marshal(res.Findings) // every field the formats print from
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range secrets {
				if bytes.Contains(all, []byte(s)) {
					t.Errorf("a finding holds a password: %s", all)
				}
			}
			if _, err := Apply(res, false, nil); err != nil {
				t.Fatal(err)
			}
			for file, want := range fixedFiles(ar) {
				if got := readFile(t, filepath.Join(dir, file)); got != want {
					t.Errorf("%s after -fix:\n%s\nwant:\n%s", file, got, want)
				}
			}
			if again := scanDir(t, dir); len(again.Findings) != 0 {
				t.Errorf("after -fix:\n%s", lines(again.Findings))
			}
		})
	}
}
