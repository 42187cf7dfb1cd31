package find

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/dsn"
)

// hole stands for a value that is not constant inside a text. A digit
// fits every DSN grammar wherever a host, port, user or value may go.
const hole = "1"

// A text is the value of a string expression assembled from constants
// and non-constant holes, with a way back from each byte to the source.
type text struct {
	s     string
	parts []part
}

// A part is a run of text bytes from one source.
type part struct {
	start, end int
	konst      bool
	lit        *literal     // the literal holding these bytes; nil: not editable here
	via        *types.Const // the named constant of this package the bytes came through
	foreign    *types.Const // the constant of another package the bytes are
	pos, endp  token.Pos    // source extent of the expression
	verb       bool         // a fmt verb
	num        ast.Expr     // an integer constant a verb printed: edits rewrite it whole
	def        string       // a default that applies when nobody sets the value: where it comes from
	hole       token.Pos    // with def: the argument whose verb the default fills
	field      *types.Var   // the application's struct field a verb's hole prints
	owner      string       // the name of that field's struct type
	sep        bool         // a variable that holds "?" or "&": not constant, but a separator
	// listed is where bytes written elsewhere are read (a local's one
	// value, written at pos), and note says how they get there.
	listed token.Pos
	note   string
	shown  string    // what a hole shows in messages and inventories: its verb; "" for "…"
	at     token.Pos // where a constant the bytes scale is declared: c/time.Second
}

func (t *text) add(p part, s string) {
	p.start = len(t.s)
	t.s += s
	p.end = len(t.s)
	t.parts = append(t.parts, p)
}

func (t *text) append(u *text) {
	off := len(t.s)
	t.s += u.s
	for _, p := range u.parts {
		p.start += off
		p.end += off
		t.parts = append(t.parts, p)
	}
}

// holes reports whether any part is not constant.
func (t *text) holes() bool {
	for _, p := range t.parts {
		if !p.konst {
			return true
		}
	}
	return false
}

// patches returns how t's holes show in a DSN parsed from t.s: as the
// verb they stand for, or "…"; never as the placeholder that parsed.
func (t *text) patches() []dsn.Patch {
	var out []dsn.Patch
	for _, p := range t.parts {
		if !p.konst && !p.sep {
			out = append(out, dsn.Patch{Span: dsn.Span{Start: p.start, End: p.end}, Text: cmp.Or(p.shown, "…")})
		}
	}
	return out
}

// constant reports whether bytes [start, end) are all constant.
func (t *text) constant(start, end int) bool {
	for _, p := range t.parts {
		if p.end > start && p.start < end && !p.konst {
			return false
		}
		if p.start >= end {
			break
		}
	}
	return true
}

// at returns the part holding bytes [start, end), or nil when the range
// crosses parts. An empty range at a part boundary belongs to the part
// on its left.
func (t *text) at(start, end int) *part {
	for i := range t.parts {
		p := &t.parts[i]
		if start >= p.start && end <= p.end && (start < p.end || start == end) {
			return p
		}
	}
	return nil
}

// tail returns the offset where the constant run at the end of t starts.
func (t *text) tail() int {
	start := len(t.s)
	for i := len(t.parts) - 1; i >= 0 && t.parts[i].konst; i-- {
		start = t.parts[i].start
	}
	return start
}

// span maps text bytes [start, end) to an editable source range.
func (t *text) span(start, end int) (*part, token.Pos, token.Pos, bool) {
	p := t.at(start, end)
	if p == nil || p.lit == nil {
		return nil, token.NoPos, token.NoPos, false
	}
	base := p.start
	pos, endp, ok := p.lit.span(start-base, end-base)
	return p, pos, endp, ok
}

// inner returns the bytes between the quotes of a quoted value when one
// part holds them and the quotes come from around it: sslmode='%s'
// filled with "disable" is the argument's bytes. Else start, end.
func (t *text) inner(start, end int) (int, int) {
	if end-start <= 2 || t.at(start, end) != nil {
		return start, end
	}
	if q := t.s[start]; (q != '\'' && q != '"') || t.s[end-1] != q || t.at(start+1, end-1) == nil {
		return start, end
	}
	return start + 1, end - 1
}

// innerEdit moves an edit of a quoted value (see inner) to the bytes
// between the quotes, which stay: the new value without its quotes, when
// it needs none but them.
func (t *text) innerEdit(e dsn.Edit) dsn.Edit {
	start, end := t.inner(e.Start, e.End)
	if start == e.Start {
		return e
	}
	q, n := t.s[e.Start], e.New
	if len(n) >= 2 && n[0] == q && n[len(n)-1] == q {
		n = n[1 : len(n)-1]
	}
	if n == "" || strings.ContainsAny(n, "\\'\"") {
		return e
	}
	return dsn.Edit{Start: start, End: end, New: n}
}

// extent maps text bytes [start, end) to the source they came from, for
// diagnostics: the literal bytes when known, else the whole expression.
func (t *text) extent(start, end int) (token.Pos, token.Pos) {
	if _, pos, endp, ok := t.span(start, end); ok {
		return pos, endp
	}
	if p := t.at(start, end); p != nil {
		return p.pos, p.endp
	}
	var pos, endp token.Pos
	for _, p := range t.parts {
		if p.end > start && p.start < end {
			if pos == token.NoPos {
				pos = p.pos
			}
			endp = p.endp
		}
	}
	return pos, endp
}

// slice returns bytes [a, b) of t as a text of their own.
func (t *text) slice(a, b int) *text {
	u := &text{}
	for _, p := range t.parts {
		lo, hi := max(a, p.start), min(b, p.end)
		if lo >= hi {
			continue
		}
		q := p
		if p.lit != nil {
			q.lit = p.lit.slice(lo-p.start, hi-p.start)
		}
		u.add(q, t.s[lo:hi])
	}
	return u
}

// readAt returns t with the parts written outside [lo, hi) read at lo:
// a named constant's bytes, listed where the code uses them.
func (t *text) readAt(lo, hi token.Pos) *text {
	if t == nil {
		return nil
	}
	out := &text{s: t.s, parts: slices.Clone(t.parts)}
	for i, p := range out.parts {
		if !p.listed.IsValid() && p.pos.IsValid() && (p.pos < lo || p.pos >= hi) {
			out.parts[i].listed = lo
		}
	}
	return out
}

// frozen returns t with no part editable, read at listed: its bytes are
// written in more than one place, which note names.
func (t *text) frozen(listed token.Pos, note string) *text {
	if t == nil {
		return nil
	}
	out := &text{s: t.s, parts: slices.Clone(t.parts)}
	for i := range out.parts {
		out.parts[i].lit, out.parts[i].listed, out.parts[i].note = nil, listed, note
	}
	return out
}
