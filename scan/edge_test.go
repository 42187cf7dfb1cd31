package scan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestByteOrderMark: a UTF-8 byte-order mark at the start of a file
// does not hide its first line, in any format, and a fix keeps it.
func TestByteOrderMark(t *testing.T) {
	const url = "postgres://app@db/app?sslmode=disable"
	files := map[string]string{
		"a.env":        "DATABASE_URL=" + url + "\n",
		"a.toml":       `database_url = "` + url + `"` + "\n",
		"a.yaml":       "database_url: " + url + "\nother: 1\n",
		"a.json":       `{"database_url": "` + url + `"}` + "\n",
		"a.properties": "database.url=" + url + "\n",
		"a.ini":        "database_url=" + url + "\n",
		"a.js":         `const url = "` + url + `";` + "\n",
	}
	dir := t.TempDir()
	for name, src := range files {
		writeFile(t, filepath.Join(dir, name), "\uFEFF"+src)
	}
	res, err := Scan([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := make(map[string]bool)
	for _, f := range res.Findings {
		if f.Rule == "prod-tls-disabled" && f.Pos.Line == 1 {
			found[filepath.Base(f.File)] = true
		}
	}
	for name := range files {
		if !found[name] {
			t.Errorf("%s: the first line, after a byte-order mark, gave no finding (errors: %v)", name, res.Errors)
		}
	}
	if _, err := Apply(res, false, nil); err != nil {
		t.Fatal(err)
	}
	for name, src := range files {
		want := "\uFEFF" + strings.Replace(src, "sslmode=disable", "sslmode=require", 1)
		if got := readFile(t, filepath.Join(dir, name)); got != want {
			t.Errorf("%s after -fix: %q, want %q", name, got, want)
		}
	}
}

// TestFilesNotScanned: what a scan does not read is said on stderr; a
// file named on the command line that cannot be read is an error.
func TestFilesNotScanned(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "dump.env")
	writeFile(t, big, "")
	if err := os.Truncate(big, maxSize+1); err != nil { // sparse: no bytes written
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "main.go"), "package main\n")
	r := runCLI(t, dir, "scan", ".")
	if r.code != 0 || !strings.Contains(r.stderr, "dump.env: not scanned: larger than the 64 MiB limit") {
		t.Errorf("a walk over a large file: exit %d, want 0 and a note\n%s", r.code, r.stderr)
	}
	r = runCLI(t, dir, "scan", "dump.env")
	if r.code != 2 || !strings.Contains(r.stderr, "dump.env: not scanned: larger than the 64 MiB limit") {
		t.Errorf("a large file named: exit %d, want 2\n%s", r.code, r.stderr)
	}
	r = runCLI(t, dir, "scan", "main.go")
	if r.code != 0 || !strings.Contains(r.stderr, "main.go: not scanned: Go files are read by poolcheck ./...") {
		t.Errorf("a Go file named: exit %d\n%s", r.code, r.stderr)
	}
}
