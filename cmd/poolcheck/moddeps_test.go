package main

import (
	"bytes"
	"strings"
	"testing"
)

// poolcheck ./app judges app with the facts of the module packages it
// imports, as ./... does, and reports nothing in them: not in store,
// not in store's tests, not in the package store imports in turn.
func TestModuleDeps(t *testing.T) {
	module(t, map[string]string{
		"app/app.go": "package app\n\nimport \"m/store\"\n\nfunc Start(dsn string) { store.Open(dsn, 1) }\n",
		"store/store.go": "package store\n\nimport (\n\t\"database/sql\"\n\n\t\"m/internal/size\"\n)\n\n" +
			"func Open(dsn string, maxOpen int) {\n\tdb, _ := sql.Open(\"pgx\", dsn)\n\tdb.SetMaxOpenConns(maxOpen)\n\tsize.Idle(db, 1)\n}\n",
		"store/store_test.go":   "package store\n\nimport \"testing\"\n\nfunc TestOpen(t *testing.T) { Open(\"postgres://db/app?sslmode=disable\", 1) }\n",
		"store/x_test.go":       "package store_test\n\nimport (\n\t\"testing\"\n\n\t\"m/store\"\n)\n\nfunc TestX(t *testing.T) { store.Open(\"postgres://db/app\", 1) }\n",
		"internal/size/size.go": "package size\n\nimport \"database/sql\"\n\nfunc Idle(db *sql.DB, n int) { db.SetMaxIdleConns(n); db.SetMaxOpenConns(0) }\n",
	})
	for _, pattern := range []string{"./app", "./..."} {
		var stdout, stderr bytes.Buffer
		code := run([]string{pattern}, &stdout, &stderr)
		if code != exitFindings {
			t.Errorf("poolcheck %s: exit %d, want %d\n%s%s", pattern, code, exitFindings, stdout.String(), stderr.String())
		}
		var app, other []string
		for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
			switch {
			case l == "":
			case strings.HasPrefix(l, "app/"):
				app = append(app, l)
			default:
				other = append(other, l)
			}
		}
		if len(app) != 1 || !strings.Contains(app[0], "[prod-single-connection] max_open is 1 (SetMaxOpenConns, Open's maxOpen at store.go:11)") {
			t.Errorf("poolcheck %s: app's findings %q, want the pool of one through store.Open", pattern, app)
		}
		if pattern == "./app" && len(other) > 0 {
			t.Errorf("poolcheck ./app reported in packages it only imports:\n%s", strings.Join(other, "\n"))
		}
		if pattern == "./..." && len(other) == 0 {
			t.Errorf("poolcheck ./... found nothing in store and size; the test proves nothing")
		}
	}
}
