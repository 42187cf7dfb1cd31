package find

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A literal is a decoded Go string literal with, for every byte of its
// value, the source offset of the escape that produced it.
type literal struct {
	lit   *ast.BasicLit
	value string
	// For a literal with no escape (most), offs and first are nil and
	// value byte i is at base+i. Otherwise:
	base  token.Pos
	offs  []token.Pos // len(value)+1: source position of each value byte, then of the closing quote
	first []bool      // len(value)+1: byte starts an escape (an edit may begin or end here)
}

// decodeLiteral decodes a string BasicLit. It reports false for a
// malformed literal, which the type checker would have rejected anyway.
func decodeLiteral(lit *ast.BasicLit) (*literal, bool) {
	src := lit.Value
	if len(src) < 2 || src[0] != '"' && src[0] != '`' || src[len(src)-1] != src[0] {
		return nil, false // not a string literal: a rune, or malformed
	}
	body := src[1 : len(src)-1]
	base := lit.ValuePos + 1
	// Invalid UTF-8 in an interpreted string decodes to U+FFFD, as
	// go/constant has it.
	if !strings.ContainsRune(body, escapeOf(src[0])) && (src[0] == '`' || utf8.ValidString(body)) {
		return &literal{lit: lit, value: body, base: base}, true
	}
	return decodeEscaped(lit, body, base)
}

// decodeEscaped maps each value byte of a literal to its escape.
func decodeEscaped(lit *ast.BasicLit, body string, base token.Pos) (*literal, bool) {
	if lit.Value[0] == '`' {
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

// escapeOf is the byte that makes a literal's value differ from its
// source: a backslash in an interpreted string, a carriage return
// (dropped) in a raw one.
func escapeOf(quote byte) rune {
	if quote == '`' {
		return '\r'
	}
	return '\\'
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
	if start < 0 || end > len(l.value) || start > end {
		return token.NoPos, token.NoPos, false
	}
	if l.offs == nil {
		if !l.boundary(start) || !l.boundary(end) {
			return token.NoPos, token.NoPos, false
		}
		return l.base + token.Pos(start), l.base + token.Pos(end), true
	}
	if !l.first[start] || !l.first[end] {
		return token.NoPos, token.NoPos, false
	}
	return l.offs[start], l.offs[end], true
}

// boundary reports whether an edit of a literal with no escape may
// begin or end before value byte i: not inside a character of an
// interpreted string (a raw string's bytes are each their own).
func (l *literal) boundary(i int) bool {
	return i == len(l.value) || l.raw() || utf8.RuneStart(l.value[i])
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

// slice returns the literal restricted to value bytes [a, b), which
// are between characters.
func (l *literal) slice(a, b int) *literal {
	if l.offs == nil {
		return &literal{lit: l.lit, value: l.value[a:b], base: l.base + token.Pos(a)}
	}
	return &literal{
		lit:   l.lit,
		value: l.value[a:b],
		offs:  l.offs[a : b+1],
		first: l.first[a : b+1],
	}
}
