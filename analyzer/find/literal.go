package find

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// A literal is a decoded Go string literal with, for every byte of its
// value, the source offset of the escape that produced it.
type literal struct {
	lit   *ast.BasicLit
	value string
	offs  []token.Pos // len(value)+1: source position of each value byte, then of the closing quote
	first []bool      // len(value)+1: byte starts an escape (an edit may begin or end here)
}

// decodeLiteral decodes a string BasicLit. It reports false for a
// malformed literal, which the type checker would have rejected anyway.
func decodeLiteral(lit *ast.BasicLit) (*literal, bool) {
	src := lit.Value
	if len(src) < 2 {
		return nil, false
	}
	body := src[1 : len(src)-1]
	base := lit.ValuePos + 1
	if src[0] == '`' {
		return decodeRaw(lit, body, base), true
	}
	l := &literal{lit: lit}
	var sb strings.Builder
	for i := 0; i < len(body); {
		r, multi, tail, err := strconv.UnquoteChar(body[i:], '"')
		if err != nil {
			return nil, false
		}
		n := len(body) - i - len(tail)
		before := sb.Len()
		if multi {
			sb.WriteRune(r)
		} else {
			sb.WriteByte(byte(r))
		}
		for j := before; j < sb.Len(); j++ {
			l.offs = append(l.offs, base+token.Pos(i))
			l.first = append(l.first, j == before)
		}
		i += n
	}
	l.value = sb.String()
	l.offs = append(l.offs, base+token.Pos(len(body)))
	l.first = append(l.first, true)
	return l, true
}

// decodeRaw maps a raw string literal. Carriage returns are dropped from
// raw strings by the compiler.
func decodeRaw(lit *ast.BasicLit, body string, base token.Pos) *literal {
	l := &literal{lit: lit}
	var sb strings.Builder
	for i := 0; i < len(body); i++ {
		if body[i] == '\r' {
			continue
		}
		sb.WriteByte(body[i])
		l.offs = append(l.offs, base+token.Pos(i))
		l.first = append(l.first, true)
	}
	l.value = sb.String()
	l.offs = append(l.offs, base+token.Pos(len(body)))
	l.first = append(l.first, true)
	return l
}

// raw reports whether the literal is a raw (backquoted) string.
func (l *literal) raw() bool { return l.lit.Value[0] == '`' }

// span maps value bytes [start, end) to source positions. It reports
// false when an end falls inside an escape sequence.
func (l *literal) span(start, end int) (token.Pos, token.Pos, bool) {
	if start < 0 || end > len(l.value) || start > end || !l.first[start] || !l.first[end] {
		return token.NoPos, token.NoPos, false
	}
	return l.offs[start], l.offs[end], true
}

// encode spells s as the body of a literal of the same kind, or reports
// false when it cannot (a backquote or CR in a raw string).
func (l *literal) encode(s string) (string, bool) {
	if l.raw() {
		if strings.ContainsAny(s, "`\r") {
			return "", false
		}
		return s, true
	}
	q := strconv.Quote(s)
	return q[1 : len(q)-1], true
}

// slice returns the literal restricted to value bytes [a, b).
func (l *literal) slice(a, b int) *literal {
	return &literal{
		lit:   l.lit,
		value: l.value[a:b],
		offs:  l.offs[a : b+1],
		first: l.first[a : b+1],
	}
}
