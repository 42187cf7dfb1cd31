package e2e

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// stressFile has fixes of several kinds: DSN values (shorter and longer
// than the value they replace), setter arguments, and a unit-less
// duration whose fix adds the time import.
const stressFile = `package p%d

import "database/sql"

func Open%d() {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=disable&connect_timeout=5s")
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(200)
	db.SetConnMaxLifetime(300)
}
`

// stressModule writes a module of n packages with many fixes each.
func stressModule(t *testing.T, dir string, n int) []string {
	t.Helper()
	write(t, filepath.Join(dir, "go.mod"), "module stress\n\ngo 1.26.0\n")
	var files []string
	for i := range n {
		name := fmt.Sprintf("p%d/p.go", i)
		write(t, filepath.Join(dir, name), fmt.Sprintf(stressFile, i, i))
		files = append(files, name)
	}
	return files
}

// TestFixConcurrent runs two poolcheck -fix at once on one module, as a
// pre-commit hook and an editor may, 20 times: every file must end
// untouched or exactly as a single run leaves it, never a mix.
func TestFixConcurrent(t *testing.T) {
	const packages = 30
	ref := t.TempDir()
	files := stressModule(t, ref, packages)
	orig := make(map[string]string)
	for _, f := range files {
		orig[f] = read(t, filepath.Join(ref, f))
	}
	if r := check(t, ref, "-fix", "./..."); r.code != 0 && r.code != 1 {
		t.Fatalf("a single -fix: %s", r)
	}
	fixed := make(map[string]string)
	for _, f := range files {
		fixed[f] = read(t, filepath.Join(ref, f))
		if fixed[f] == orig[f] {
			t.Fatalf("%s: a single run fixed nothing", f)
		}
	}
	if r := check(t, ref, "./..."); r.code != 0 {
		t.Fatalf("a single -fix does not settle: %s", r)
	}
	for i := range 20 {
		dir := t.TempDir()
		stressModule(t, dir, packages)
		var wg sync.WaitGroup
		var results [2]string
		for j := range results {
			wg.Go(func() {
				cmd := exec.Command(poolcheck, "-fix", "./...")
				cmd.Dir = dir
				out, _ := cmd.CombinedOutput()
				results[j] = string(out)
			})
		}
		wg.Wait()
		for _, f := range files {
			got := read(t, filepath.Join(dir, f))
			if got != orig[f] && got != fixed[f] {
				t.Fatalf("run %d: %s is neither untouched nor as one run leaves it:\n%s\noutputs:\n%s\n%s",
					i, f, got, results[0], results[1])
			}
		}
		for _, out := range results {
			if strings.Contains(out, "panic") {
				t.Fatalf("run %d: %s", i, out)
			}
		}
	}
}
