package report

import (
	"path/filepath"

	"github.com/poolcheck/poolcheck/internal/modroot"
)

// Rel returns file relative to its module root, slash-separated, which
// is what the policy's path globs match.
func (r *Reporter) Rel(file string) string {
	root := modroot.Find(filepath.Dir(file))
	if root == "" {
		return filepath.ToSlash(file)
	}
	rel, err := filepath.Rel(root, file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(rel)
}
