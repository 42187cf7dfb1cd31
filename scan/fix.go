package scan

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/internal/atomicfile"
	"github.com/poolcheck/poolcheck/internal/editset"
	"github.com/poolcheck/poolcheck/internal/udiff"
)

// Apply applies the first fix of every finding in r, file by file, and
// returns the findings it fixed. Edits are the exact bytes of a value:
// quotes, escapes, the rest of the line and the file's line endings are
// left as they are. A fix that overlaps an edit taken before is skipped
// whole; identical edits are applied once. A file that changed since the
// scan is not written (an error names it); the others are written
// atomically (internal/atomicfile).
//
// With diff, Apply writes a unified diff of each file to w and writes no
// file.
func Apply(r *Result, diff bool, w io.Writer) ([]*Finding, error) {
	byFile := make(map[string]*editset.Set)
	var order []string
	var fixed []*Finding
	for _, f := range r.Findings {
		if f.Fix == nil || len(f.Fix.Edits) == 0 {
			continue
		}
		set := byFile[f.File]
		if set == nil {
			set = &editset.Set{}
		}
		if !set.TryAdd(toSet(r.sources[f.File], f.Fix.Edits)) {
			continue
		}
		if byFile[f.File] == nil {
			byFile[f.File] = set
			order = append(order, f.File)
		}
		fixed = append(fixed, f)
	}
	slices.Sort(order)
	var errs []error
	var files []atomicfile.File
	for _, name := range order {
		old, ok := r.sources[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: not scanned", name))
			continue
		}
		fixedSrc, ok := byFile[name].Apply(old)
		if !ok {
			errs = append(errs, fmt.Errorf("%s: an edit lies outside the file; not fixed", name))
			continue
		}
		files = append(files, atomicfile.File{Name: name, Old: old, New: fixedSrc})
	}
	done := make(map[string]bool)
	if diff {
		for _, f := range files {
			if err := atomicfile.Unchanged(f); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
				continue
			}
			if _, err := io.WriteString(w, udiff.Unified(f.Name, f.Old, f.New)); err != nil {
				return nil, err
			}
			done[f.Name] = true
		}
	} else {
		written, failed := atomicfile.Write(files)
		for _, n := range written {
			done[n] = true
		}
		for _, f := range failed {
			errs = append(errs, f)
		}
		if len(failed) > 0 && len(written) > 0 {
			errs = append(errs, fmt.Errorf("-fix wrote %s", strings.Join(written, ", ")))
		}
	}
	fixed = slices.DeleteFunc(fixed, func(f *Finding) bool { return !done[f.File] })
	return fixed, errors.Join(errs...)
}
