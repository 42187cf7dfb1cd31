package find

import (
	"cmp"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/dsnsite"
	"github.com/poolcheck/poolcheck/model"
)

// How sure we are that a text is meant as a DSN.
type context uint8

const (
	loose  context = iota // a string constant: a plausible DSN of any grammar (dsnsite.Plausible)
	concat                // a constant joined with values: its constant tail may be a fragment too
	named                 // appended to a variable whose name says it holds a DSN: a tail after a computed separator counts
	sink                  // passed to a DSN sink: every grammar counts
)

// parsed is a DSN read from a text; t is the part of the text it
// covers, full the whole text. hint is the driver its shape and keys
// name when no sink names one.
type parsed struct {
	t, full *text
	d       *dsn.DSN
	hint    catalog.Driver
}

// patches returns how the holes of p's text show in p's DSN, or nil
// when there are none (or the DSN was not parsed from that text).
func (p *parsed) patches() []dsn.Patch {
	if p.d.Input != p.t.s {
		return nil
	}
	return p.t.patches()
}

// parseText reads t as a DSN, or nil. Holes stand for values; when the
// whole does not parse, the constant tail may still be a query fragment.
func parseText(t *text, driver catalog.Driver, ctx context) *parsed {
	if len(t.parts) == 0 {
		return nil
	}
	if isSQLite(driver) {
		return parseSQLite(t)
	}
	if ctx != sink && strings.HasPrefix(t.s, "file:") && t.parts[0].konst {
		// A SQLite URI (file:app.db?_pragma=...): its query, when its
		// keys are SQLite's.
		if p := parseSQLite(t); p != nil {
			if hint, ok := dsnsite.Plausible(p.d); ok && isSQLite(hint) {
				p.hint = hint
				return p
			}
		}
		return nil
	}
	if t.parts[0].konst || ctx == sink {
		if d, err := dsn.Parse(t.s); err == nil {
			if hint, ok := accept(d, ctx); ok {
				return &parsed{t: t, full: t, d: d, hint: hint}
			}
		}
	}
	if ctx == loose {
		return nil
	}
	// The constant tail as a query fragment: "?a=1" or "&a=1" after a
	// value, or any fragment at a sink.
	tail := t.tail()
	if tail < len(t.s) && tail > 0 && !isSep(t.s[tail]) && !isSep(t.s[tail-1]) {
		// The query of a URL template whose scheme or host is a value
		// ("%s://%s/db?sslmode=disable"). Otherwise, off a sink, only a
		// separator variable's byte before the tail counts (sep +
		// "_pragma=...").
		if q := urlQuery(t.s, tail); q >= 0 {
			tail = q
		} else if ctx == concat {
			return nil
		}
	}
	if tail == len(t.s) {
		return nil
	}
	u := t.slice(tail, len(t.s))
	d, err := dsn.ParseFragment(u.s, catalog.FragmentKey)
	if err != nil || len(d.Params) == 0 {
		return nil
	}
	hint, _ := dsnsite.Plausible(d)
	return &parsed{t: u, full: t, d: d, hint: hint}
}

// accept reports whether a parsed DSN counts in its context, and the
// driver it names: at a sink every DSN counts, elsewhere only one that
// dsnsite.Plausible finds plausible.
func accept(d *dsn.DSN, ctx context) (catalog.Driver, bool) {
	if ctx == sink {
		return "", true
	}
	return dsnsite.Plausible(d)
}

func isSep(b byte) bool { return b == '?' || b == '&' }

// urlQuery returns where the query starts in the constant tail of a URL
// template, s[tail:]: at its '?', when s has a "://" before it. -1 if not.
func urlQuery(s string, tail int) int {
	q := strings.IndexByte(s[tail:], '?')
	if q < 0 || !strings.Contains(s[:tail+q], "://") {
		return -1
	}
	return tail + q
}

func isSQLite(d catalog.Driver) bool { return family(d) == "sqlite" }

// parseSQLite reads a SQLite DSN: a file name, then parameters after '?'.
func parseSQLite(t *text) *parsed {
	i := strings.IndexByte(t.s, '?')
	if i < 0 {
		d := &dsn.DSN{Input: t.s, Kind: dsn.KindFragment, Insert: dsn.InsertPoint{Offset: len(t.s), Sep: "?"}}
		return &parsed{t: t, full: t, d: d}
	}
	u := t.slice(i, len(t.s))
	d, err := dsn.ParseAs(u.s, dsn.KindFragment)
	if err != nil {
		return nil
	}
	return &parsed{t: u, full: t, d: d}
}

// inMemory reports an in-memory SQLite DSN without a shared cache.
func inMemory(p *parsed) bool {
	s := p.full.s
	mem := s == ":memory:" || strings.HasPrefix(s, "file::memory:") || len(p.d.Lookup("mode")) > 0 && p.d.Lookup("mode")[0].Value == "memory"
	shared := false
	for _, c := range p.d.Lookup("cache") {
		shared = c.Value == "shared"
	}
	return mem && !shared
}

// dsnItem records a parsed DSN as an item: one pool, one site per
// parameter, each with a Ref that can rewrite it in place.
func (f *finder) dsnItem(c inspector.Cursor, p *parsed, driver catalog.Driver, h Handle, whole ast.Node) *Item {
	pool := dsnsite.Pool(p.d, cmp.Or(driver, p.hint))
	patches := p.patches()
	if patches != nil {
		pool.DSN = p.d.Shown(dsn.Span{End: len(p.d.Input)}, patches)
	}
	w := f.where(c)
	for _, s := range pool.Sites {
		i, _ := s.Ref.(int)
		param := p.d.Params[i]
		if !p.t.constant(param.ValueSpan.Start, param.ValueSpan.End) {
			s.Const, s.Value, s.Problem = false, catalog.Value{}, nil
			s.Raw = p.d.Shown(param.ValueSpan, patches)
		}
		vs, ve := p.t.inner(param.ValueSpan.Start, param.ValueSpan.End)
		pos, end := p.t.extent(vs, ve)
		part := p.t.at(vs, ve)
		ref := &Ref{Pos: pos, End: end, Edit: p.setter(i), Via: p.via(dsn.Span{Start: vs, End: ve}), Where: w}
		if part != nil && part.at.IsValid() {
			ref.ValueAt = part.at
		}
		if part != nil && part.foreign != nil {
			ref.Via, ref.Foreign, ref.ValueAt = part.foreign, true, part.foreign.Pos()
		}
		if part != nil && part.def != "" {
			s.Via, s.Default = part.def, true
			ref.Listed = part.hole
		}
		if part != nil && part.listed.IsValid() {
			s.Via, ref.Listed, ref.ValueAt = join(s.Via, part.note), part.listed, part.pos
		}
		f.holeField(p, i, s.Knob, pool.Driver)
		s.Ref = ref
	}
	pos, end := whole.Pos(), whole.End()
	pool.Ref = &Ref{Pos: pos, End: end, Add: p.adder(), Whole: p.whole, Where: w}
	pool.Partial = p.t.holes() || p.d.Kind == dsn.KindFragment
	it := &Item{Pool: pool, Handle: h, Driver: driver, Where: w, Pos: pos, End: end, Guard: f.guard(c)}
	it.Memory = isSQLite(driver) && inMemory(p)
	if c := p.constOf(); c != nil {
		it.Uses = f.uses(c)
	}
	f.res.Items = append(f.res.Items, it)
	return it
}

// holeField records the field of the application's struct that fills
// the value of parameter i, if one does, as reaching k.
func (f *finder) holeField(p *parsed, i int, k *catalog.Knob, driver catalog.Driver) {
	if k == nil {
		return
	}
	if h := p.t.fieldHole(p.d.Params[i].ValueSpan); h != nil {
		f.addFieldFlow(fieldFlow{field: h.field, owner: h.owner, knob: k, source: model.Param, driver: driver})
	}
}

// formatUses records the fields that fill the verbs of the DSN format
// constant c where fmt.Sprintf(c, ...) uses it in this package.
func (f *finder) formatUses(c *types.Const) {
	for cur := range f.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if f.fmtFunc(call) != "Sprintf" || len(call.Args) == 0 {
			continue
		}
		if k, _ := f.constDecl(ast.Unparen(call.Args[0])); k != c {
			continue
		}
		u := f.fmtText(call)
		if u == nil {
			continue
		}
		p := parseText(u, "", concat)
		if p == nil {
			continue
		}
		pool := dsnsite.Pool(p.d, p.hint)
		filled := make([]bool, len(pool.Sites))
		for j, s := range pool.Sites {
			i, _ := s.Ref.(int)
			f.holeField(p, i, s.Knob, pool.Driver)
			filled[j] = argFilled(p, i, call)
		}
		if slices.Contains(filled, true) {
			// The values the call's constant arguments give are judged
			// here; the format's own bytes, at its declaration. dsnItem
			// makes the same sites in the same order.
			it := f.dsnItem(cur, p, "", Handle{}, call)
			var sites []*model.Site
			for j, s := range it.Pool.Sites {
				if filled[j] {
					sites = append(sites, s)
				}
			}
			it.Pool.Sites = sites
		}
	}
}

// argFilled reports whether a constant argument of call writes the value
// of parameter i: fmt.Sprintf(format, "disable") for sslmode='%s'.
func argFilled(p *parsed, i int, call *ast.CallExpr) bool {
	span := p.d.Params[i].ValueSpan
	start, end := p.t.inner(span.Start, span.End)
	part := p.t.at(start, end)
	return part != nil && part.konst && len(call.Args) > 1 && call.Args[1].Pos() <= part.pos && part.pos < call.Rparen
}

// fieldHole returns the hole that a field of the application's struct
// fills when it is the whole value in span, maybe between quotes:
// sslmode=%s, sslmode='%s'.
func (t *text) fieldHole(span dsn.Span) *part {
	for i := range t.parts {
		p := &t.parts[i]
		if p.field == nil || p.start < span.Start || p.end > span.End {
			continue
		}
		before, after := t.s[span.Start:p.start], t.s[p.end:span.End]
		if before == after && (before == "" || before == "'" || before == `"`) {
			return p
		}
	}
	return nil
}

// setter returns the edit function for parameter i.
func (p *parsed) setter(i int) func(string) ([]analysis.TextEdit, bool) {
	return func(raw string) ([]analysis.TextEdit, bool) {
		return p.t.edit(p.d.SetValue(i, raw))
	}
}

// whole replaces the whole DSN text.
func (p *parsed) whole(s string) ([]analysis.TextEdit, bool) {
	return p.full.edit(dsn.Edit{Start: 0, End: len(p.full.s), New: s})
}

// adder returns the edit function that inserts a parameter.
func (p *parsed) adder() func(key, raw string) ([]analysis.TextEdit, bool) {
	return func(key, raw string) ([]analysis.TextEdit, bool) {
		return p.t.edit(p.d.Add(key, raw))
	}
}

// via returns the named constant the bytes of span came through.
func (p *parsed) via(s dsn.Span) *types.Const {
	if part := p.t.at(s.Start, s.End); part != nil {
		return part.via
	}
	return nil
}

// constOf returns the named constant the whole DSN came through, if one.
func (p *parsed) constOf() *types.Const {
	var c *types.Const
	for _, part := range p.t.parts {
		if part.via == nil || c != nil && part.via != c {
			return nil
		}
		c = part.via
	}
	return c
}

// edit maps a DSN edit onto the source literal that holds its bytes.
func (t *text) edit(e dsn.Edit) ([]analysis.TextEdit, bool) {
	if !e.OK() {
		return nil, false
	}
	e = t.innerEdit(e)
	if p := t.at(e.Start, e.End); p != nil && p.num != nil {
		return p.numEdit(e)
	}
	p, pos, end, ok := t.span(e.Start, e.End)
	if !ok {
		return nil, false
	}
	body, ok := p.lit.encode(e.New)
	if !ok {
		return nil, false
	}
	return []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte(body)}}, true
}

// numEdit rewrites an integer constant a fmt verb printed, when the edit
// replaces all of its bytes with another integer.
func (p *part) numEdit(e dsn.Edit) ([]analysis.TextEdit, bool) {
	if e.Start != p.start || e.End != p.end || e.New == "" || strings.Trim(e.New, "0123456789") != "" {
		return nil, false
	}
	return []analysis.TextEdit{{Pos: p.num.Pos(), End: p.num.End(), NewText: []byte(e.New)}}, true
}
