package main

import (
	"bytes"
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"slices"

	"github.com/poolcheck/poolcheck/internal/udiff"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/report"
)

// fileEdit is a text edit in byte offsets of one file.
type fileEdit struct {
	start, end int
	text       string
}

// applyFixes applies the first fix of every finding and returns the
// findings it fixed. A fix that overlaps an edit already taken is skipped
// whole; identical edits (the same import from two fixes) are applied
// once. With diff, it prints a unified diff instead of writing.
func applyFixes(out *outcome, diff bool, w, stderr io.Writer) (map[*report.Finding]bool, error) {
	byFile, fixed, skipped := collectEdits(out)
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, name := range files {
		old, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		fixedSrc := apply(old, byFile[name])
		if diff {
			fmt.Fprint(w, udiff.Unified(relPath(name), old, fixedSrc))
			continue
		}
		if err := os.WriteFile(name, fixedSrc, 0o644); err != nil {
			return nil, err
		}
	}
	if skipped > 0 {
		fmt.Fprintf(stderr, "poolcheck: %d fix(es) overlapped another and were not applied; run again\n", skipped)
	}
	return fixed, nil
}

// collectEdits gathers the edits of the first fix of each finding, by
// file, dropping whole fixes that conflict with edits taken before.
func collectEdits(out *outcome) (map[string][]fileEdit, map[*report.Finding]bool, int) {
	byFile := make(map[string][]fileEdit)
	fixed := make(map[*report.Finding]bool)
	skipped := 0
	for _, f := range out.findings {
		if len(f.Diagnostic.SuggestedFixes) == 0 {
			continue
		}
		edits := toFileEdits(out.fset, f.Diagnostic.SuggestedFixes[0].TextEdits)
		if conflict(byFile, edits) {
			skipped++
			continue
		}
		for name, es := range edits {
			for _, e := range es {
				if !slices.Contains(byFile[name], e) {
					byFile[name] = append(byFile[name], e)
				}
			}
		}
		fixed[f] = true
	}
	return byFile, fixed, skipped
}

func toFileEdits(fset *token.FileSet, tes []analysis.TextEdit) map[string][]fileEdit {
	m := make(map[string][]fileEdit)
	for _, te := range tes {
		s, e := fset.Position(te.Pos), fset.Position(editEnd(te))
		m[s.Filename] = append(m[s.Filename], fileEdit{s.Offset, e.Offset, string(te.NewText)})
	}
	return m
}

// conflict reports whether any new edit overlaps, without being equal
// to, an edit already taken.
func conflict(taken, edits map[string][]fileEdit) bool {
	for name, es := range edits {
		for _, e := range es {
			for _, t := range taken[name] {
				if e == t {
					continue
				}
				if e.start < t.end && t.start < e.end || e.start == t.start {
					return true
				}
			}
		}
	}
	return false
}

// apply rewrites src with non-overlapping edits.
func apply(src []byte, edits []fileEdit) []byte {
	slices.SortFunc(edits, func(a, b fileEdit) int { return cmp.Compare(a.start, b.start) })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		buf.Write(src[last:e.start])
		buf.WriteString(e.text)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes()
}
