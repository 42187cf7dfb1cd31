package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Outside a module, poolcheck says that no go.mod was found.
func TestNoModule(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte("package x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("GOWORK", "off")
	for _, pattern := range []string{".", "./..."} {
		var stdout, stderr bytes.Buffer
		code := run([]string{pattern}, &stdout, &stderr)
		if code != exitError || !strings.Contains(stderr.String(), "no go.mod in "+dir+" or any directory above it") {
			t.Errorf("poolcheck %s: exit %d\n%s", pattern, code, stderr.String())
		}
	}
}

// A package with in-package tests is analyzed as its test variant; its
// plain variant only tells its importers what it knows. That includes
// what it reports on its constants: an importer that uses the constant
// does not report the same finding again (xpkg/store uses config's
// DefaultDSN; both have in-package tests).
func TestShadowedConstant(t *testing.T) {
	dir, err := filepath.Abs("../../analyzer/testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	t.Setenv("GOFLAGS", "-mod=mod")
	var stdout, stderr bytes.Buffer
	run([]string{"./src/xpkg/..."}, &stdout, &stderr)
	out := stdout.String()
	if !strings.Contains(out, "src/xpkg/config/config.go:30:50: [duration-missing-unit]") {
		t.Fatalf("config's finding on DefaultDSN is missing:\n%s%s", out, stderr.String())
	}
	if strings.Contains(out, "src/xpkg/store/store.go:33") {
		t.Errorf("store reports config's finding on DefaultDSN again:\n%s", out)
	}
}
