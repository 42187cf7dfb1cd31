package report

import (
	"os"
	"path/filepath"
)

// Rel returns file relative to its module root, slash-separated, which
// is what the policy's path globs match.
func (r *Reporter) Rel(file string) string {
	dir := filepath.Dir(file)
	root, ok := r.roots[dir]
	if !ok {
		root = moduleRoot(dir)
		r.roots[dir] = root
	}
	if root == "" {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}

// moduleRoot returns the nearest directory at or above dir holding a
// go.mod, or "".
func moduleRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}
