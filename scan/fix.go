package scan

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/internal/atomicfile"
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
	byFile := make(map[string][]Edit)
	var order []string
	var fixed []*Finding
	for _, f := range r.Findings {
		if f.Fix == nil || len(f.Fix.Edits) == 0 {
			continue
		}
		if conflicts(f.Fix.Edits, byFile[f.File]) {
			continue
		}
		if _, ok := byFile[f.File]; !ok {
			order = append(order, f.File)
		}
		for _, e := range f.Fix.Edits {
			if !slices.Contains(byFile[f.File], e) {
				byFile[f.File] = append(byFile[f.File], e)
			}
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
		fixedSrc, ok := applyEdits(old, byFile[name])
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

// applyEdits rewrites src with non-overlapping edits.
func applyEdits(src []byte, edits []Edit) ([]byte, bool) {
	edits = slices.Clone(edits)
	slices.SortFunc(edits, func(a, b Edit) int { return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End)) })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, false
		}
		buf.Write(src[last:e.Start])
		buf.WriteString(e.New)
		last = e.End
	}
	buf.Write(src[last:])
	return buf.Bytes(), true
}
