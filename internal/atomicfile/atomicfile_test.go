package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	name := func(s string) string { return filepath.Join(dir, s) }
	mk := func(s, content string, mode os.FileMode) {
		t.Helper()
		if err := os.WriteFile(name(s), []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(name(s), mode); err != nil {
			t.Fatal(err)
		}
	}
	mk("ok.go", "old", 0o640)
	mk("changed.go", "edited meanwhile", 0o644)
	mk("readonly.go", "old", 0o444)
	if err := syscall.Mkfifo(name("pipe.go"), 0o644); err != nil {
		t.Fatal(err)
	}
	files := []File{
		{Name: name("ok.go"), Old: []byte("old"), New: []byte("new")},
		{Name: name("changed.go"), Old: []byte("old"), New: []byte("new")},
		{Name: name("readonly.go"), Old: []byte("old"), New: []byte("new")},
		{Name: name("missing.go"), Old: []byte("old"), New: []byte("new")},
		{Name: name("pipe.go"), Old: []byte("old"), New: []byte("new")},
	}
	written, failed := Write(files)
	if !slices.Equal(written, []string{name("ok.go")}) {
		t.Errorf("written = %q, want only ok.go", written)
	}
	why := make(map[string]error)
	for _, f := range failed {
		why[filepath.Base(f.Name)] = f.Err
	}
	if !errors.Is(why["changed.go"], ErrChanged) {
		t.Errorf("changed.go: %v, want ErrChanged", why["changed.go"])
	}
	if !errors.Is(why["readonly.go"], ErrReadOnly) {
		t.Errorf("readonly.go: %v, want ErrReadOnly", why["readonly.go"])
	}
	if !errors.Is(why["missing.go"], os.ErrNotExist) {
		t.Errorf("missing.go: %v, want not exist", why["missing.go"])
	}
	if why["pipe.go"] == nil {
		t.Errorf("a named pipe was written")
	}
	check := func(s, want string, mode os.FileMode) {
		t.Helper()
		data, err := os.ReadFile(name(s))
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(name(s))
		if err != nil {
			t.Fatal(err)
		}
		if string(data) != want || fi.Mode().Perm() != mode {
			t.Errorf("%s = %q %v, want %q %v", s, data, fi.Mode().Perm(), want, mode)
		}
	}
	check("ok.go", "new", 0o640)
	check("changed.go", "edited meanwhile", 0o644)
	check("readonly.go", "old", 0o444)
	// No temporary file is left behind.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %q, want the four files only", names)
	}
}
