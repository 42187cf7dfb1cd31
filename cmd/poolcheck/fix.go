package main

import (
	"errors"
	"fmt"
	"go/token"
	"io"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/internal/atomicfile"
	"github.com/poolcheck/poolcheck/internal/editset"
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
	edits map[string]*editset.Set
	owner map[*report.Finding][]string // finding -> the files its fix edits
}

// planFixes takes the first fix of each finding in order, unless one of
// its edits cannot be placed or overlaps an edit taken before.
func planFixes(out *outcome, stderr io.Writer) *fixPlan {
	p := &fixPlan{edits: make(map[string]*editset.Set), owner: make(map[*report.Finding][]string)}
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
		if !p.take(edits) {
			overlapped++
			continue
		}
		for name := range edits {
			p.owner[f] = append(p.owner[f], name)
		}
	}
	if overlapped > 0 {
		fmt.Fprintf(stderr, "poolcheck: %d fix(es) overlapped another and were not applied; run again\n", overlapped)
	}
	return p
}

// placeAll places every edit of a fix, by file.
func placeAll(out *outcome, tes []analysis.TextEdit) (map[string][]editset.Edit, error) {
	m := make(map[string][]editset.Edit)
	for _, te := range tes {
		name, e, err := out.src.place(out.fset, te)
		if err != nil {
			return nil, err
		}
		m[name] = append(m[name], e)
	}
	return m, nil
}

// take adds the edits of one fix, or none when one overlaps an edit
// taken before.
func (p *fixPlan) take(edits map[string][]editset.Edit) bool {
	for name, es := range edits {
		set := p.edits[name]
		if set == nil {
			set = &editset.Set{}
		}
		if !set.Fits(es) {
			return false
		}
	}
	for name, es := range edits {
		set := p.edits[name]
		if set == nil {
			set = &editset.Set{}
			p.edits[name] = set
		}
		set.TryAdd(es)
	}
	return true
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
		fixed, ok := p.edits[name].Apply(old)
		if !ok {
			failed = append(failed, atomicfile.Failure{Name: name, Err: errMoved})
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

// posString spells pos as file:line:col, relative to the working directory.
func posString(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return fmt.Sprintf("%s:%d:%d", relPath(p.Filename), p.Line, p.Column)
}

var errMoved = errors.New("an edit does not replace the bytes it was made for; not fixed")
