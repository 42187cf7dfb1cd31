package scan

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// tree writes the files of a txtar archive in testdata (those not under
// fixed/) to a fresh directory that is the top of a git repository, and
// returns it with the archive.
func tree(t *testing.T, name string) (string, *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if strings.HasPrefix(f.Name, "fixed/") || f.Name == "want.txt" {
			continue
		}
		writeFile(t, filepath.Join(dir, f.Name), string(f.Data))
	}
	return dir, ar
}

// fixedFiles returns the files of an archive under fixed/, by path.
func fixedFiles(ar *txtar.Archive) map[string]string {
	out := make(map[string]string)
	for _, f := range ar.Files {
		if name, ok := strings.CutPrefix(f.Name, "fixed/"); ok {
			out[name] = string(f.Data)
		}
	}
	return out
}

func writeFile(t testing.TB, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scanDir scans dir with the default policy and fails on file errors.
func scanDir(t *testing.T, dir string) *Result {
	t.Helper()
	res, err := Scan([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors {
		t.Errorf("file error: %v", e)
	}
	return res
}

// lines spells findings as "path:line:col: message", one per line.
func lines(fs []*Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Path + ":" + itoa(f.Pos.Line) + ":" + itoa(f.Pos.Col) + ": " + f.Message + "\n")
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }
