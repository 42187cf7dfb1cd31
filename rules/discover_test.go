package rules

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestDiscover(t *testing.T) {
	root := write(t, map[string]string{
		".poolcheck.toml":                  "# above the module: never found\n",
		"mod/go.mod":                       "module example.com/m\n",
		"mod/.poolcheck.toml":              "",
		"mod/a/b/c.go":                     "package b\n",
		"mod/nested/.poolcheck.toml":       "",
		"mod/nested/deep/x.go":             "package deep\n",
		"bare/go.mod":                      "module example.com/bare\n",
		"bare/pkg/x.go":                    "package pkg\n",
		"outside/sub/.keep":                "",
		"outside/.poolcheck.toml":          "",
		"outside/sub/deeper/.poolcheck.md": "",
		"repo/.poolcheck.toml":             "# above the repository: never found\n",
		"repo/web/.git/HEAD":               "ref: refs/heads/main\n",
		"repo/web/app/.env":                "",
	})
	tests := []struct {
		dir, want string
	}{
		{"mod", "mod/.poolcheck.toml"},
		{"mod/a/b", "mod/.poolcheck.toml"},                // searches up
		{"mod/nested/deep", "mod/nested/.poolcheck.toml"}, // the nearest wins
		{"bare/pkg", ""},                                  // stops at go.mod
		{"outside/sub/deeper", "outside/.poolcheck.toml"}, // no go.mod: up to the first policy
		{"repo/web/app", ""},                              // stops at .git
	}
	// A Cache, asked in table order and in reverse (so that deep
	// directories come first and their parents are answered from what
	// the walk up recorded), answers as Discover does.
	var inOrder, reversed Cache
	for i, tt := range tests {
		want := ""
		if tt.want != "" {
			want = filepath.Join(root, tt.want)
		}
		got, err := Discover(filepath.Join(root, tt.dir))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("Discover(%s) = %q, want %q", tt.dir, got, want)
		}
		rev := tests[len(tests)-1-i]
		for _, q := range []struct {
			c   *Cache
			dir string
		}{{&inOrder, tt.dir}, {&reversed, rev.dir}, {&reversed, tt.dir}} {
			got, err := q.c.Discover(filepath.Join(root, q.dir))
			if err != nil {
				t.Fatal(err)
			}
			w, _ := Discover(filepath.Join(root, q.dir))
			if got != w {
				t.Errorf("Cache.Discover(%s) = %q, want %q", q.dir, got, w)
			}
		}
	}
}

// A .poolcheck.toml that is not a regular file (a named pipe, a
// directory, a dangling link) is an error, never passed over for the
// built-in policy; loading a pipe does not wait for a writer.
func TestDiscoverNotRegular(t *testing.T) {
	for name, mk := range map[string]func(p string) error{
		"pipe":     func(p string) error { return syscall.Mkfifo(p, 0o644) },
		"dir":      func(p string) error { return os.Mkdir(p, 0o755) },
		"dangling": func(p string) error { return os.Symlink("nowhere.toml", p) },
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module m\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, FileName)
		if err := mk(p); err != nil {
			t.Fatal(err)
		}
		if got, err := Discover(dir); err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: Discover = %q, %v; want an error", name, got, err)
		}
		if name != "dangling" {
			if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: Load: %v; want not a regular file", name, err)
			}
		}
	}
}
