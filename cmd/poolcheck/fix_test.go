package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// module writes a module of files into a temporary directory, makes it
// the working directory, and returns it.
func module(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module m\n\ngo 1.26.0\n"
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	return dir
}

const singleConn = `package %s

import "database/sql"

func Open() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(1)
}
`

func pkgSrc(name string) string { return strings.Replace(singleConn, "%s", name, 1) }

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// analyzeFix runs the analysis as the CLI does for args, and returns the
// options and outcome, so that a test can act between analysis and fix.
func analyzeFix(t *testing.T, args ...string) (*options, *outcome) {
	t.Helper()
	var stderr bytes.Buffer
	o, err := parseFlags(args, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer()
	if err := o.configure(a.Flags.Set); err != nil {
		t.Fatal(err)
	}
	out, err := o.analyze(a, &stderr)
	if err != nil || out.failed {
		t.Fatalf("analyze: %v %s", err, stderr.String())
	}
	return o, out
}

// A file edited after it was analysed keeps the edit: the fix is for
// bytes that are no longer there.
func TestFixFileChangedSinceAnalysed(t *testing.T) {
	module(t, map[string]string{"a/a.go": pkgSrc("a"), "b/b.go": pkgSrc("b")})
	o, out := analyzeFix(t, "-fix", "./...")
	edited := "// a line added at the top while poolcheck ran\n" + pkgSrc("a")
	if err := os.WriteFile("a/a.go", []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	err := o.settle(out, &stdout, &stderr)
	if err == nil || !strings.Contains(err.Error(), "a/a.go: changed since it was analysed") {
		t.Errorf("settle: %v; want a/a.go named as changed", err)
	}
	if !strings.Contains(err.Error(), "-fix wrote b/b.go") {
		t.Errorf("settle: %v; want b/b.go named as written", err)
	}
	if got := readFile(t, "a/a.go"); got != edited {
		t.Errorf("a/a.go was rewritten:\n%s", got)
	}
	if got := readFile(t, "b/b.go"); !strings.Contains(got, "SetMaxOpenConns(10)") {
		t.Errorf("b/b.go was not fixed:\n%s", got)
	}
	// The finding in a/a.go is still reported; b/b.go's is fixed.
	if !strings.Contains(stdout.String(), "a/a.go:7:") || strings.Contains(stdout.String(), "b/b.go") {
		t.Errorf("remaining findings:\n%s", stdout.String())
	}
}

// A read-only file in the middle of a run: the others are written, and
// the error names both.
func TestFixReadOnlyFile(t *testing.T) {
	module(t, map[string]string{"a/a.go": pkgSrc("a"), "b/b.go": pkgSrc("b"), "c/c.go": pkgSrc("c")})
	if err := os.Chmod("b/b.go", 0o444); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"-fix", "./..."}, &stdout, &stderr)
	if code != exitError {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitError, stderr.String())
	}
	msg := stderr.String()
	for _, want := range []string{"-fix wrote a/a.go, c/c.go", "1 file(s) not written", "not fixed: b/b.go: read-only"} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	if !strings.Contains(readFile(t, "a/a.go"), "(10)") || !strings.Contains(readFile(t, "c/c.go"), "(10)") {
		t.Error("a/a.go and c/c.go were not fixed")
	}
	if readFile(t, "b/b.go") != pkgSrc("b") {
		t.Error("the read-only b/b.go changed")
	}
}

// A fix is written atomically with the file's permissions kept, and
// leaves no temporary file.
func TestFixKeepsMode(t *testing.T) {
	module(t, map[string]string{"a/a.go": pkgSrc("a")})
	if err := os.Chmod("a/a.go", 0o600); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-fix", "./..."}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d; %s%s", code, stdout.String(), stderr.String())
	}
	fi, err := os.Stat("a/a.go")
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	entries, err := os.ReadDir("a")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("a/ holds %d entries, want only a.go", len(entries))
	}
}

const cgoFile = `package c

/*
#include <stdlib.h>
// Comment lines make the generated file longer than the source,
// so offsets in it fall outside the source.
// one
// two
// three
*/
import "C"

import "database/sql"

func Open() {
	_ = C.rand()
	db0, _ := sql.Open("pgx", "postgres://app@db/app"); _ = C.rand(); db0.SetMaxOpenConns(1)
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=disable")
	db.SetMaxOpenConns(1)
}
`

// In a file that imports "C", analysis sees cgo's output; fixes and
// offsets map back to the source, and a line cgo rewrote gets no fix.
func TestFixCgo(t *testing.T) {
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler for cgo")
	}
	t.Setenv("CGO_ENABLED", "1")
	module(t, map[string]string{"c/c.go": cgoFile})
	var stdout, stderr bytes.Buffer
	code := run([]string{"-format", "json", "./..."}, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d; %s", code, stderr.String())
	}
	// Every reported offset points at the bytes its line and column name.
	// The values are the first bytes of their anchors.
	for _, anchor := range []string{`disable")`, "1)\n}"} {
		off := strings.Index(cgoFile, anchor)
		if !strings.Contains(stdout.String(), `"offset": `+strconv.Itoa(off)+",") {
			t.Errorf("no finding at offset %d (%q) in:\n%s", off, anchor, stdout.String())
		}
	}
	stdout.Reset()
	stderr.Reset()
	code = run([]string{"-fix", "./..."}, &stdout, &stderr)
	if code != exitFindings {
		t.Errorf("exit %d, want 1 for the finding left on the line cgo rewrote; %s", code, stderr.String())
	}
	want := strings.NewReplacer("sslmode=disable", "sslmode=require", "SetMaxOpenConns(1)\n}", "SetMaxOpenConns(10)\n}").Replace(cgoFile)
	if got := readFile(t, "c/c.go"); got != want {
		t.Errorf("after -fix:\n%s\nwant:\n%s", got, want)
	}
	if !strings.Contains(stderr.String(), "cgo rewrote this line") {
		t.Errorf("stderr does not say why the rewritten line got no fix:\n%s", stderr.String())
	}
}

// A DSN constant used by another package is reported once, on the
// constant, with its fix; after -fix nothing is left.
func TestForeignConstantOnce(t *testing.T) {
	module(t, map[string]string{
		"config/config.go": "package config\n\nconst DSN = \"postgres://app@db/app?sslmode=disable\"\n",
		"app/app.go":       "package app\n\nimport (\n\t\"database/sql\"\n\n\t\"m/config\"\n)\n\nfunc Open() {\n\tdb, _ := sql.Open(\"pgx\", config.DSN)\n\t_ = db\n}\n",
	})
	for _, args := range [][]string{{"./..."}, {"-json", "./..."}} {
		var stdout, stderr bytes.Buffer
		run(args, &stdout, &stderr)
		if n := strings.Count(stdout.String(), "policy wants not disable"); n != 1 || !strings.Contains(stdout.String(), "config.go") {
			t.Errorf("%v: %d findings, want one on config.go:\n%s%s", args, n, stdout.String(), stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-fix", "./..."}, &stdout, &stderr); code != exitOK {
		t.Errorf("-fix: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	stdout.Reset()
	if code := run([]string{"./..."}, &stdout, &stderr); code != exitOK {
		t.Errorf("after -fix: exit %d\n%s", code, stdout.String())
	}
}
