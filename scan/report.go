package scan

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/dsnsite"
	"github.com/poolcheck/poolcheck/internal/editset"
	"github.com/poolcheck/poolcheck/model"
	"github.com/poolcheck/poolcheck/rules"
)

// DocURL is where every rule is documented, by id: the Go analyzer's.
const DocURL = report.DocURL

// fileRun judges the values of one file.
type fileRun struct {
	w        walked
	rel      string
	pol      *rules.Policy
	min      rules.Severity
	src      []byte
	lines    []int // offsets of line starts, built on demand
	findings []*Finding
	scopes   [2][]string // the scopes of the file's code, outside and inside test regions
}

// scopesFor returns the policy scopes of the file's code, test or not,
// matched once per file.
func (r *fileRun) scopesFor(test bool) []string {
	i := 0
	if test {
		i = 1
	}
	if r.scopes[i] == nil {
		r.scopes[i] = r.pol.ScopesFor(r.rel, test)
	}
	return r.scopes[i]
}

// judge evaluates every DSN a value holds, as the Go analyzer evaluates
// a DSN constant: one pool per DSN, one site per parameter.
func (r *fileRun) judge(v value) {
	for _, p := range dsnsOf(v) {
		pool := dsnsite.Pool(p.d, v.hint)
		if !catalog.Judged(pool.Driver) {
			continue
		}
		patches := r.patches(p)
		if patches != nil {
			pool.DSN = p.d.Shown(dsn.Span{End: len(p.d.Input)}, patches)
		}
		for _, s := range pool.Sites {
			prm := p.d.Params[s.Ref.(int)]
			if !p.t.constant(prm.ValueSpan.Start, prm.ValueSpan.End) {
				s.Const, s.Value, s.Problem = false, catalog.Value{}, nil
				s.Raw = p.d.Shown(prm.ValueSpan, patches)
			}
		}
		pool.Partial = v.t.holes() || p.d.Kind == dsn.KindFragment
		pool.Path = r.rel
		pool.Scopes = r.scopesFor(v.test)
		a, _ := p.t.extent(0, len(p.t.s))
		pool.ID = r.rel + ":" + strconv.Itoa(r.position(a).Line)
		for _, viol := range r.pol.Evaluate(pool) {
			r.violation(p, pool, viol)
			r.via(r.findings[len(r.findings)-1], v)
		}
	}
}

// patches returns how the holes of p's text show in p's DSN: as the
// file's own bytes (${HOST}), or "…" when those are long or span
// lines; never as the placeholder that parsed. Nil when p has none.
func (r *fileRun) patches(p parsed) []dsn.Patch {
	if p.d.Input != p.t.s {
		return nil
	}
	var out []dsn.Patch
	for _, h := range p.t.parts {
		if !h.hole {
			continue
		}
		shown := "…"
		if 0 <= h.src0 && h.src0 < h.src1 && h.src1 <= len(r.src) {
			if src := r.src[h.src0:h.src1]; len(src) <= 40 && !bytes.ContainsAny(src, "\r\n") {
				shown = string(src)
			}
		}
		out = append(out, dsn.Patch{Span: dsn.Span{Start: h.start, End: h.end}, Text: shown})
	}
	return out
}

// violation records one policy violation.
func (r *fileRun) violation(p parsed, pool *model.Pool, v rules.Violation) {
	f := &Finding{
		Rule: v.Rule.ID, Severity: v.Rule.Severity, Setting: v.Rule.Setting,
		Message: "[" + v.Rule.ID + "] " + v.Message, URL: DocURL + v.Rule.ID,
		Found: v.Found, Want: v.Want, Driver: pool.Driver, Scopes: pool.Scopes, DSN: pool.DSN,
		File: r.w.path, Path: r.rel, problem: len(v.Rule.Problems) > 0,
	}
	a, b := 0, len(p.t.s)
	if v.Site != nil {
		f.Setting, f.Key = v.Site.Setting, v.Site.Key
		a, b = span(p, v.Site)
	}
	f.Pos, f.End = r.span(p.t, a, b)
	if v.Other != nil {
		oa, ob := span(p, v.Other)
		pos, end := r.span(p.t, oa, ob)
		f.Related = []Related{{Pos: pos, End: end, Message: v.Other.Key + " is set here"}}
	}
	f.Fix = fixFor(p, pool, v)
	r.findings = append(r.findings, f)
}

// via names, in the message of a finding on a constant declared away
// from the code that builds the connection string, that code: its name
// and where it is.
func (r *fileRun) via(f *Finding, v value) {
	if v.use[1] == 0 || f.Pos.Offset >= v.use[0] && f.Pos.Offset < v.use[1] {
		return
	}
	p := r.position(v.use[0])
	name := "the connection string"
	if v.name != "" {
		name = v.name
	}
	verb := "built"
	if v.t == nil {
		verb = "created" // a library's pool
	}
	f.Message += " (in " + name + ", " + verb + " at line " + strconv.Itoa(p.Line) + ")"
}

// span returns the text bytes of a site's value.
func span(p parsed, s *model.Site) (int, int) {
	i, _ := s.Ref.(int)
	if i < 0 || i >= len(p.d.Params) {
		return 0, len(p.t.s)
	}
	vs := p.d.Params[i].ValueSpan
	if vs.Start == vs.End { // an empty value: point at its key
		ks := p.d.Params[i].KeySpan
		return ks.Start, vs.End
	}
	return vs.Start, vs.End
}

// fixFor returns the edit that gives the setting the value the rule
// wants: in place, or added to the DSN when the setting is missing.
func fixFor(p parsed, pool *model.Pool, v rules.Violation) *Fix {
	if v.Want == "" {
		return nil
	}
	if v.Site != nil {
		i, _ := v.Site.Ref.(int)
		e, ok := p.t.edit(p.d.SetValue(i, v.Want))
		if !ok {
			return nil
		}
		return &Fix{Message: "set " + v.Site.Key + " to " + v.Want, Edits: []Edit{{e.start, e.end, e.text}}}
	}
	for _, k := range catalog.ForSetting(pool.Driver, v.Rule.Setting) {
		if k.API != nil {
			continue
		}
		e, ok := p.t.edit(p.d.Add(k.Key, v.Want))
		if !ok {
			return nil
		}
		return &Fix{Message: "add " + k.Key + "=" + v.Want, Edits: []Edit{{e.start, e.end, e.text}}}
	}
	return nil
}

// span maps text bytes [a, b) to positions in the file.
func (r *fileRun) span(t *text, a, b int) (Position, Position) {
	from, to := t.extent(a, b)
	return r.position(from), r.position(to)
}

// position returns the line and byte column of a file offset.
func (r *fileRun) position(off int) Position {
	if r.lines == nil {
		r.lines = lineStarts(r.src)
	}
	off = min(max(off, 0), len(r.src))
	i := sort.Search(len(r.lines), func(i int) bool { return r.lines[i] > off }) - 1
	return Position{Offset: off, Line: i + 1, Col: off - r.lines[i] + 1}
}

// lineStarts returns the offset of each line's first byte; lines end at
// "\n", so a CRLF file's lines end with '\r' as Go tools count them.
func lineStarts(src []byte) []int {
	out := []int{0}
	for i, c := range src {
		if c == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}

// settle dedupes, orders and drops overlapping fixes: one finding per
// place and rule (the most severe), in file order, a threshold's fix
// before a problem's at the same place, and a fix that overlaps one
// taken before dropped (identical edits do not conflict).
func (r *fileRun) settle() {
	type key struct {
		start, end int
		rule       string
	}
	seen := make(map[key]*Finding)
	out := r.findings[:0]
	for _, f := range r.findings {
		k := key{f.Pos.Offset, f.End.Offset, f.Rule}
		if old, ok := seen[k]; ok {
			scopes := union(old.Scopes, f.Scopes)
			if f.Severity > old.Severity {
				*old = *f
			}
			if len(scopes) > len(old.Scopes) { // a JS constant used in two scopes
				old.Scopes = scopes
				old.Message += " (used in " + strings.Join(scopes, " and ") + " code)"
			}
			continue
		}
		seen[k] = f
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b *Finding) int {
		return cmp.Or(cmp.Compare(a.Pos.Offset, b.Pos.Offset), cmp.Compare(fixRank(a), fixRank(b)), cmp.Compare(b.Severity, a.Severity))
	})
	var taken editset.Set
	for _, f := range out {
		if f.Fix != nil && !taken.TryAdd(toSet(r.src, f.Fix.Edits)) {
			f.Fix = nil
		}
	}
	r.findings = out
}

// toSet spells edits of src for an editset, with the bytes they replace.
func toSet(src []byte, edits []Edit) []editset.Edit {
	out := make([]editset.Edit, len(edits))
	for i, e := range edits {
		out[i] = editset.Edit{Start: e.Start, End: e.End, New: e.New}
		if 0 <= e.Start && e.Start <= e.End && e.End <= len(src) {
			out[i].Old = string(src[e.Start:e.End])
		}
	}
	return out
}

// union returns a's scopes and those of b that a lacks.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// fixRank orders findings at one place for fixing: a threshold's fix
// writes a value in the driver's unit, so it also mends a value the
// driver rejects; a problem's fix only mends the spelling.
func fixRank(f *Finding) int {
	if f.problem {
		return 1
	}
	return 0
}
