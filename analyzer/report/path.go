package report

import (
	"os"
	"path/filepath"
	"sync"
)

// Rel returns file relative to its module root, slash-separated, which
// is what the policy's path globs match.
func (r *Reporter) Rel(file string) string {
	root := moduleRoot(filepath.Dir(file))
	if root == "" {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// roots remembers moduleRoot per directory for the process: a module's
// packages share their parents, and golangci-lint runs them all in one.
var roots sync.Map // dir -> root

// moduleRoot returns the nearest directory at or above dir holding a
// go.mod, or "".
func moduleRoot(dir string) string {
	if root, ok := roots.Load(dir); ok {
		return root.(string)
	}
	root := dir
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		if parent := filepath.Dir(dir); parent != dir {
			root = moduleRoot(parent)
		} else {
			root = ""
		}
	}
	roots.Store(dir, root)
	return root
}
