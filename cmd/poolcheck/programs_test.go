package main

import (
	"bytes"
	"strings"
	"testing"
)

const ignoredProgram = `//go:build ignore

package main

import "database/sql"

func main() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(1)
}
`

// A //go:build ignore program that imports a sink package is checked
// with the package whose directory holds it; one that imports none is
// not loaded, and one that does not compile is named and left out.
func TestIgnoredPrograms(t *testing.T) {
	module(t, map[string]string{
		"app/app.go":    "package app\n",
		"app/client.go": ignoredProgram,
		"app/seed.go":   strings.Replace(ignoredProgram, "db.SetMaxOpenConns(1)", "db.SetMaxOpenConns(1)\n\tundefined()", 1),
		"app/gen.go":    "//go:build ignore\n\npackage main\n\nfunc main() { println(\"postgres://app@db/app?sslmode=disable\") }\n",
		"app/other.go":  strings.Replace(ignoredProgram, "//go:build ignore", "//go:build linux && !linux", 1),
	})
	var stdout, stderr bytes.Buffer
	code := run([]string{"./..."}, &stdout, &stderr)
	out := stdout.String()
	if code != exitFindings || !strings.Contains(out, "app/client.go:9:") || strings.Count(out, "prod-single-connection") != 1 {
		t.Errorf("exit %d, want %d and one finding in app/client.go:9\n%s%s", code, exitFindings, out, stderr.String())
	}
	if !strings.Contains(stderr.String(), "app/seed.go: not checked: a //go:build ignore program that does not load") {
		t.Errorf("stderr does not name the program that does not load:\n%s", stderr.String())
	}
	for _, name := range []string{"gen.go", "other.go"} {
		if strings.Contains(out+stderr.String(), name) {
			t.Errorf("%s was loaded:\n%s%s", name, out, stderr.String())
		}
	}
}
