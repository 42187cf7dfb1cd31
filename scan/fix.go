package scan

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/poolcheck/poolcheck/internal/udiff"
)

// Apply applies the first fix of every finding in r, file by file, and
// returns the findings it fixed. Edits are the exact bytes of a value:
// quotes, escapes, the rest of the line and the file's line endings are
// left as they are. A fix that overlaps an edit taken before is skipped
// whole; identical edits are applied once. A file that changed since the
// scan is not written (an error names it).
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
	done := make(map[string]bool)
	for _, name := range order {
		old, ok := r.sources[name]
		if !ok {
			errs = append(errs, fmt.Errorf("%s: not scanned", name))
			continue
		}
		now, err := os.ReadFile(name)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %s", name, reason(err)))
			continue
		}
		if !bytes.Equal(now, old) {
			errs = append(errs, fmt.Errorf("%s: changed since it was scanned; not fixed", name))
			continue
		}
		fixedSrc, ok := applyEdits(old, byFile[name])
		if !ok {
			errs = append(errs, fmt.Errorf("%s: an edit lies outside the file; not fixed", name))
			continue
		}
		if diff {
			if _, err := io.WriteString(w, udiff.Unified(name, old, fixedSrc)); err != nil {
				return nil, err
			}
			done[name] = true
			continue
		}
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(name, fixedSrc, mode); err != nil {
			errs = append(errs, fmt.Errorf("%s: %s", name, reason(err)))
			continue
		}
		done[name] = true
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
