package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"io"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/internal/atomicfile"
	"github.com/poolcheck/poolcheck/internal/udiff"
)

// applyFixes applies the first fix of every finding to the bytes that
// were analysed and returns the findings it fixed. A fix whose edits do
// not land on the bytes they expect, or that overlaps an edit already
// taken, is skipped whole; identical edits (the same import from two
// fixes) are applied once. A file is written only if it still holds what
// was analysed, and atomically (internal/atomicfile). With diff, it
// prints a unified diff instead of writing.
func applyFixes(out *outcome, diff bool, w, stderr io.Writer) (map[*report.Finding]bool, error) {
	plan := planFixes(out, stderr)
	files, failed := plan.files(out.src)
	if diff {
		var shown []string
		for _, f := range files {
			if err := atomicfile.Unchanged(f); err != nil {
				failed = append(failed, atomicfile.Failure{Name: f.Name, Err: err})
				continue
			}
			fmt.Fprint(w, udiff.Unified(relPath(f.Name), f.Old, f.New))
			shown = append(shown, f.Name)
		}
		for _, f := range failed {
			fmt.Fprintf(stderr, "poolcheck: %s: %v\n", relPath(f.Name), f.Err)
		}
		return plan.fixedIn(shown), nil
	}
	written, notWritten := atomicfile.Write(files)
	failed = append(failed, notWritten...)
	fixed := plan.fixedIn(written)
	if len(failed) == 0 {
		return fixed, nil
	}
	return fixed, writeFailure(written, failed)
}

// writeFailure says which files -fix wrote and which it did not.
func writeFailure(written []string, failed []atomicfile.Failure) error {
	var b strings.Builder
	for _, f := range failed {
		fmt.Fprintf(&b, "\n  not fixed: %s: %v", relPath(f.Name), f.Err)
	}
	names := make([]string, len(written))
	for i, n := range written {
		names[i] = relPath(n)
	}
	if len(names) == 0 {
		return fmt.Errorf("-fix wrote no file:%s", b.String())
	}
	return fmt.Errorf("-fix wrote %s; %d file(s) not written:%s", strings.Join(names, ", "), len(failed), b.String())
}

// A fixPlan is the edits taken, by file, and the findings they fix.
type fixPlan struct {
	edits map[string]*editSet
	owner map[*report.Finding][]string // finding -> the files its fix edits
}

// planFixes takes the first fix of each finding in order, unless one of
// its edits cannot be placed or overlaps an edit taken before.
func planFixes(out *outcome, stderr io.Writer) *fixPlan {
	p := &fixPlan{edits: make(map[string]*editSet), owner: make(map[*report.Finding][]string)}
	overlapped := 0
	for _, f := range out.findings {
		if len(f.Diagnostic.SuggestedFixes) == 0 {
			continue
		}
		edits, err := placeAll(out, f.Diagnostic.SuggestedFixes[0].TextEdits)
		if err != nil {
			fmt.Fprintf(stderr, "poolcheck: %s: fix not applied: %v\n", posString(out.fset, f.Diagnostic.Pos), err)
			continue
		}
		if p.conflicts(edits) {
			overlapped++
			continue
		}
		for name, es := range edits {
			set := p.edits[name]
			if set == nil {
				set = &editSet{}
				p.edits[name] = set
			}
			for _, e := range es {
				set.add(e)
			}
			p.owner[f] = append(p.owner[f], name)
		}
	}
	if overlapped > 0 {
		fmt.Fprintf(stderr, "poolcheck: %d fix(es) overlapped another and were not applied; run again\n", overlapped)
	}
	return p
}

// placeAll places every edit of a fix, by file.
func placeAll(out *outcome, tes []analysis.TextEdit) (map[string][]fileEdit, error) {
	m := make(map[string][]fileEdit)
	for _, te := range tes {
		name, e, err := out.src.place(out.fset, te)
		if err != nil {
			return nil, err
		}
		m[name] = append(m[name], e)
	}
	return m, nil
}

func (p *fixPlan) conflicts(edits map[string][]fileEdit) bool {
	for name, es := range edits {
		for _, e := range es {
			if set := p.edits[name]; set != nil && set.overlaps(e) {
				return true
			}
		}
	}
	return false
}

// files returns each file with edits, old and new, in name order, and
// the files whose edits do not land on the bytes they expect.
func (p *fixPlan) files(src *sources) ([]atomicfile.File, []atomicfile.Failure) {
	names := make([]string, 0, len(p.edits))
	for name := range p.edits {
		names = append(names, name)
	}
	slices.Sort(names)
	var out []atomicfile.File
	var failed []atomicfile.Failure
	for _, name := range names {
		old := src.analysed(name)
		fixed, err := p.edits[name].apply(old)
		if err != nil {
			failed = append(failed, atomicfile.Failure{Name: name, Err: err})
			continue
		}
		out = append(out, atomicfile.File{Name: name, Old: old, New: fixed})
	}
	return out, failed
}

// fixedIn returns the findings whose fix edits only files in done.
func (p *fixPlan) fixedIn(done []string) map[*report.Finding]bool {
	ok := make(map[string]bool, len(done))
	for _, n := range done {
		ok[n] = true
	}
	fixed := make(map[*report.Finding]bool)
	for f, names := range p.owner {
		if !slices.ContainsFunc(names, func(n string) bool { return !ok[n] }) {
			fixed[f] = true
		}
	}
	return fixed
}

// An editSet holds the edits taken in one file, sorted by start. Fixes
// arrive in source order, so adding is almost always appending, and an
// overlap test is a binary search: the whole plan is O(n log n).
type editSet struct{ edits []fileEdit }

// overlaps reports whether e overlaps, without being equal to, an edit
// of the set. Two insertions at one offset overlap.
func (s *editSet) overlaps(e fileEdit) bool {
	i, _ := slices.BinarySearchFunc(s.edits, e.start, func(x fileEdit, start int) int { return cmp.Compare(x.start, start) })
	for _, j := range []int{i - 1, i, i + 1} {
		if j < 0 || j >= len(s.edits) || s.edits[j] == e {
			continue
		}
		t := s.edits[j]
		if e.start < t.end && t.start < e.end || e.start == t.start {
			return true
		}
	}
	return false
}

// add inserts e in order; an edit equal to one in the set is kept once.
func (s *editSet) add(e fileEdit) {
	i, _ := slices.BinarySearchFunc(s.edits, e.start, func(x fileEdit, start int) int { return cmp.Compare(x.start, start) })
	for j := i; j < len(s.edits) && s.edits[j].start == e.start; j++ {
		if s.edits[j] == e {
			return
		}
	}
	s.edits = slices.Insert(s.edits, i, e)
}

// apply rewrites src with the set's edits, which do not overlap, after
// checking that each replaces the bytes it expects.
func (s *editSet) apply(src []byte) ([]byte, error) {
	var buf bytes.Buffer
	last := 0
	for _, e := range s.edits {
		if e.end > len(src) || string(src[e.start:e.end]) != e.old {
			return nil, errMoved
		}
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), nil
}

var errMoved = errors.New("an edit does not replace the bytes it was made for; not fixed")

// posString spells pos as file:line:col, relative to the working directory.
func posString(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", relPath(p.Filename), p.Line, p.Column)
}
