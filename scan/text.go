package scan

import (
	"slices"

	"github.com/poolcheck/poolcheck/dsn"
)

// hole stands for a part of a value that is not constant (an
// interpolation, a variable). A digit fits every DSN grammar wherever a
// host, port, user or value may go; the Go analyzer uses the same.
const hole = "1"

// A text is a string value that a file assigns, decoded as the format
// reads it, with the way back from each of its bytes to the file.
type text struct {
	s        string
	off      []int // per byte of s: the file offset where its encoding starts; -1 inside an escape
	parts    []part
	untraced bool // read, but not traced back to the file's bytes (see unmapped)
}

// A part is a run of text bytes from one source: a literal, or a hole.
type part struct {
	start, end int // bytes of s
	hole       bool
	src0, src1 int     // the file bytes the part came from; for a literal, its content without quotes
	enc        encoder // spells new bytes for this literal; nil: not editable
}

// An encoder spells a decoded string in a literal's syntax (quoting,
// escapes), or reports that it cannot.
type encoder func(string) (string, bool)

// builder assembles a text part by part.
type builder struct {
	s     []byte
	off   []int
	parts []part
}

// grow makes room for n more bytes.
func (b *builder) grow(n int) {
	b.s = slices.Grow(b.s, n)
	b.off = slices.Grow(b.off, n)
}

// begin starts a literal whose content starts at file offset src.
func (b *builder) begin(src int, enc encoder) {
	b.parts = append(b.parts, part{start: len(b.s), end: len(b.s), src0: src, src1: src, enc: enc})
}

// add appends one decoded byte whose encoding starts at file offset at.
func (b *builder) add(c byte, at int) {
	b.s = append(b.s, c)
	b.off = append(b.off, at)
}

// esc appends the bytes an escape at file offset at decodes to: only the
// first is a boundary an edit may start or end at.
func (b *builder) esc(bs string, at int) {
	for i := 0; i < len(bs); i++ {
		o := -1
		if i == 0 {
			o = at
		}
		b.add(bs[i], o)
	}
}

// end closes the current literal; its content ends at file offset src.
func (b *builder) end(src int) {
	if len(b.parts) == 0 {
		return
	}
	p := &b.parts[len(b.parts)-1]
	p.end, p.src1 = len(b.s), src
}

// hole appends a part that is not constant, from file bytes [src0, src1).
func (b *builder) hole(src0, src1 int) {
	b.parts = append(b.parts, part{start: len(b.s), end: len(b.s) + len(hole), hole: true, src0: src0, src1: src1})
	for i := 0; i < len(hole); i++ {
		o := -1
		if i == 0 {
			o = src0
		}
		b.s = append(b.s, hole[i])
		b.off = append(b.off, o)
	}
}

func (b *builder) text() *text {
	return &text{s: string(b.s), off: b.off, parts: b.parts}
}

// literal is a text of one literal: decoded bytes s at file offsets off.

func literal(s string, off []int, src0, src1 int, enc encoder) *text {
	return &text{s: s, off: off, parts: []part{{start: 0, end: len(s), src0: src0, src1: src1, enc: enc}}}
}

// holes reports whether any part is not constant.
func (t *text) holes() bool {
	for _, p := range t.parts {
		if p.hole {
			return true
		}
	}
	return false
}

// constant reports whether bytes [a, b) are all constant.
func (t *text) constant(a, b int) bool {
	for _, p := range t.parts {
		if p.hole && p.end > a && p.start < b {
			return false
		}
	}
	return true
}

// tail returns where the constant run at the end of t starts.
func (t *text) tail() int {
	start := len(t.s)
	for i := len(t.parts) - 1; i >= 0 && !t.parts[i].hole; i-- {
		start = t.parts[i].start
	}
	return start
}

// boundary returns the file offset of text offset i within part p, or
// -1 when i is inside an escape.
func (t *text) boundary(p *part, i int) int {
	if i == p.end {
		return p.src1
	}
	if i == p.start {
		return p.src0
	}
	return t.off[i]
}

// slice returns bytes [a, b) of t as a text of their own.
func (t *text) slice(a, b int) *text {
	u := &text{s: t.s[a:b], off: t.off[a:b]}
	for _, p := range t.parts {
		lo, hi := max(a, p.start), min(b, p.end)
		empty := lo == hi && p.start == p.end && lo == a // an empty part at the start
		if lo >= hi && !empty {
			continue
		}
		q := p
		if !p.hole {
			q.src0, q.src1 = t.boundary(&p, lo), t.boundary(&p, hi)
			if q.src0 < 0 || q.src1 < 0 { // cut inside an escape: positions only
				q.src0, q.src1, q.enc = t.near(&p, lo, -1), t.near(&p, hi, +1), nil
			}
		}
		q.start, q.end = lo-a, hi-a
		u.parts = append(u.parts, q)
	}
	return u
}

// fileEdit replaces the file bytes [start, end) with text.
type fileEdit struct {
	start, end int
	text       string
}

// edit maps a DSN edit of t's bytes onto the literal that holds them.
func (t *text) edit(e dsn.Edit) (fileEdit, bool) {
	for i := range t.parts {
		p := &t.parts[i]
		if p.hole || p.enc == nil || e.Start < p.start || e.End > p.end {
			continue
		}
		from, to := t.boundary(p, e.Start), t.boundary(p, e.End)
		if from < 0 || to < 0 || to < from {
			return fileEdit{}, false
		}
		s, ok := p.enc(e.New)
		if !ok {
			return fileEdit{}, false
		}
		return fileEdit{from, to, s}, true
	}
	return fileEdit{}, false
}

// extent maps text bytes [a, b) to the file bytes they came from, for
// positions: the literal bytes when known, else the hole's expression.
func (t *text) extent(a, b int) (int, int) {
	if len(t.parts) == 0 {
		return 0, 0
	}
	pa := &t.parts[len(t.parts)-1]
	for i := range t.parts {
		if a < t.parts[i].end {
			pa = &t.parts[i]
			break
		}
	}
	pb := pa
	if b > a {
		for i := range t.parts {
			if b > t.parts[i].start && b <= t.parts[i].end {
				pb = &t.parts[i]
				break
			}
		}
	}
	from, to := t.near(pa, a, -1), t.near(pb, b, +1)
	if to < from {
		to = from
	}
	return from, to
}

// near returns the file offset of text offset i in part p, moving in
// direction dir past bytes inside an escape.
func (t *text) near(p *part, i, dir int) int {
	if p.hole {
		if dir < 0 {
			return p.src0
		}
		return p.src1
	}
	i = min(max(i, p.start), p.end)
	for {
		if o := t.boundary(p, i); o >= 0 {
			return o
		}
		i += dir
		if i <= p.start {
			return p.src0
		}
		if i >= p.end {
			return p.src1
		}
	}
}
