package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/analyzer/report"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 1

// baselineFile is what -write-baseline writes and -baseline reads.
type baselineFile struct {
	Version  int             `json:"version"`
	Tool     string          `json:"tool"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is count findings with the same key. Line numbers are
// left out on purpose: an edit elsewhere in the file must not revive
// a finding.
type baselineEntry struct {
	Rule    string `json:"rule"`
	File    string `json:"file"`    // relative to the module root
	Func    string `json:"func"`    // enclosing function, "" at package level
	Setting string `json:"setting"` // canonical; the parameter as written when it has none
	Found   string `json:"found"`
	Count   int    `json:"count"`
}

// baselineKey is what a finding is matched by.
type baselineKey struct {
	rule, file, fn, setting, found string
}

func keyOf(f *report.Finding) baselineKey {
	return baselineKey{f.Rule, f.File, f.Func, cmp.Or(string(f.Setting), f.Key), f.Found}
}

func (e baselineEntry) key() baselineKey {
	return baselineKey{e.Rule, e.File, e.Func, e.Setting, e.Found}
}

// String spells a key for people: "rule file func() setting=found".
func (k baselineKey) String() string {
	s := k.rule + " " + k.file
	if k.fn != "" {
		s += " " + k.fn + "()"
	}
	if k.setting != "" || k.found != "" {
		s += " " + k.setting + "=" + k.found
	}
	return s
}

// saveBaseline writes every current finding to the -write-baseline file.
// It refuses when a package failed, since the baseline would miss its
// findings.
func (o *options) saveBaseline(out *outcome, stderr io.Writer) error {
	if out.failed {
		return fmt.Errorf("not writing %s: some packages did not load or analyze", o.writeBaseline)
	}
	counts := make(map[baselineKey]int)
	saved := 0
	for _, f := range out.findings {
		if !isMeta(f) {
			counts[keyOf(f)]++
			saved++
		}
	}
	b := baselineFile{Version: baselineVersion, Tool: "poolcheck", Findings: []baselineEntry{}}
	for k, n := range counts {
		b.Findings = append(b.Findings, baselineEntry{k.rule, k.file, k.fn, k.setting, k.found, n})
	}
	slices.SortFunc(b.Findings, func(x, y baselineEntry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Func, y.Func), cmp.Compare(x.Rule, y.Rule),
			cmp.Compare(x.Setting, y.Setting), cmp.Compare(x.Found, y.Found))
	})
	var buf bytes.Buffer
	if err := writeJSON(&buf, b); err != nil {
		return err
	}
	if err := os.WriteFile(o.writeBaseline, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "poolcheck: wrote %d finding(s) to %s\n", saved, o.writeBaseline)
	return nil
}

// applyBaseline hides the findings the -baseline file records, one per
// count, and warns about entries that match nothing. Stale entries do
// not change the exit code: fixing a finding must not break the build.
func (o *options) applyBaseline(out *outcome, stderr io.Writer) error {
	left, err := loadBaseline(o.baseline)
	if err != nil {
		return err
	}
	kept := out.findings[:0]
	for _, f := range out.findings {
		if k := keyOf(f); left[k] > 0 && !isMeta(f) {
			left[k]--
			out.hidden++
			continue
		}
		kept = append(kept, f)
	}
	out.findings = kept
	warnStale(stderr, o.baseline, left)
	return nil
}

// loadBaseline reads a baseline file strictly into counts by key.
func loadBaseline(path string) (map[baselineKey]int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b baselineFile
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if b.Version != baselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, want %d", path, b.Version, baselineVersion)
	}
	counts := make(map[baselineKey]int)
	for i, e := range b.Findings {
		if err := e.check(counts); err != nil {
			return nil, fmt.Errorf("baseline %s: entry %d: %w", path, i+1, err)
		}
		counts[e.key()] = e.Count
	}
	return counts, nil
}

func (e baselineEntry) check(seen map[baselineKey]int) error {
	switch {
	case e.Rule == "" || e.File == "":
		return errors.New(`"rule" and "file" are required`)
	case e.Count < 1:
		return fmt.Errorf("count %d, want at least 1", e.Count)
	case seen[e.key()] > 0:
		return fmt.Errorf("duplicate of an earlier entry: %s", e.key())
	}
	return nil
}

// warnStale prints the entries with counts left over, sorted.
func warnStale(w io.Writer, path string, left map[baselineKey]int) {
	var lines []string
	total := 0
	for k, n := range left {
		if n > 0 {
			total += n
			lines = append(lines, fmt.Sprintf("  %s (%d)", k, n))
		}
	}
	if total == 0 {
		return
	}
	slices.Sort(lines)
	fmt.Fprintf(w, "poolcheck: warning: baseline %s: %d recorded finding(s) no longer occur; rewrite it with -write-baseline:\n%s\n",
		path, total, strings.Join(lines, "\n"))
}

// isMeta reports a finding about an ignore directive itself: like the
// directive, a baseline cannot hide it.
func isMeta(f *report.Finding) bool {
	return f.Rule == report.IgnoreUnused || f.Rule == report.IgnoreMalformed
}
