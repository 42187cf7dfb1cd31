// Package modroot finds the module root of a directory, the nearest
// directory at or above it holding a go.mod, once per directory for the
// process: a module's packages share their parents, golangci-lint runs
// them all in one process, and both the policy search and the paths of
// findings ask.
package modroot

import (
	"os"
	"path/filepath"
	"sync"
)

var roots sync.Map // dir -> root

// Find returns the nearest directory at or above dir holding a go.mod,
// or "". dir is a clean absolute path.
func Find(dir string) string {
	if root, ok := roots.Load(dir); ok {
		return root.(string)
	}
	root := dir
	if fi, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil || !fi.Mode().IsRegular() {
		if parent := filepath.Dir(dir); parent != dir {
			root = Find(parent)
		} else {
			root = ""
		}
	}
	roots.Store(dir, root)
	return root
}

// Is reports whether dir holds a go.mod.
func Is(dir string) bool { return Find(dir) == dir }
