package rules

import (
	"path/filepath"
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
		"mod/a/.poolcheck.toml/README":     "a directory, not a policy\n",
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
		{"mod/a/b", "mod/.poolcheck.toml"},                // searches up; a/.poolcheck.toml is a directory
		{"mod/nested/deep", "mod/nested/.poolcheck.toml"}, // the nearest wins
		{"bare/pkg", ""},                                  // stops at go.mod
		{"outside/sub/deeper", "outside/.poolcheck.toml"}, // no go.mod: up to the first policy
		{"repo/web/app", ""},                              // stops at .git
	}
	for _, tt := range tests {
		got, err := Discover(filepath.Join(root, tt.dir))
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if tt.want != "" {
			want = filepath.Join(root, tt.want)
		}
		if got != want {
			t.Errorf("Discover(%s) = %q, want %q", tt.dir, got, want)
		}
	}
}
