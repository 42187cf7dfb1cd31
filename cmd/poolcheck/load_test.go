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
