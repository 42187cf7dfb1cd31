package find

import (
	"go/ast"
	"go/token"
	"strconv"
	"testing"
)

// checkLiteral decodes src as a literal at position 100 and checks its
// value against strconv.Unquote and, for one with no escape, every span
// and slice of the direct mapping against the escape-by-escape one.
func checkLiteral(t *testing.T, src string) {
	t.Helper()
	lit := &ast.BasicLit{ValuePos: 100, Kind: token.STRING, Value: src}
	want, err := strconv.Unquote(src)
	l, ok := decodeLiteral(lit)
	if err != nil || !ok {
		return // malformed: the type checker rejects it first
	}
	if src[0] == '"' && l.value != want {
		t.Fatalf("%s: value %q, want %q", src, l.value, want)
	}
	if l.offs != nil {
		return
	}
	slow, ok := decodeEscaped(lit, src[1:len(src)-1], lit.ValuePos+1)
	if !ok || slow.value != l.value {
		t.Fatalf("%s: direct %q, escaped %q %v", src, l.value, slow.value, ok)
	}
	n := len(l.value)
	for a := -1; a <= n+1; a++ {
		for b := a - 1; b <= n+1; b++ {
			p1, e1, ok1 := l.span(a, b)
			p2, e2, ok2 := slow.span(a, b)
			if p1 != p2 || e1 != e2 || ok1 != ok2 {
				t.Fatalf("%s: span(%d, %d) = %d %d %v, want %d %d %v", src, a, b, p1, e1, ok1, p2, e2, ok2)
			}
			if !ok2 {
				continue // slices are taken between characters
			}
			s1, s2 := l.slice(a, b), slow.slice(a, b)
			for i := 0; i <= b-a; i++ {
				q1, _, _ := s1.span(i, i)
				q2, _, _ := s2.span(i, i)
				if q1 != q2 || s1.value != s2.value {
					t.Fatalf("%s: slice(%d, %d) at %d: %d %q, want %d %q", src, a, b, i, q1, s1.value, q2, s2.value)
				}
			}
		}
	}
}

func TestLiteral(t *testing.T) {
	for _, src := range []string{
		`""`, `"postgres://u@h/db?pool_max_conns=1"`, "`a=1 b=2`", "`x\ry`",
		`"a\tb"`, `"\u00e9t\u00e9"`, `"x\x41y"`, `"été"`, `"\""`,
		"\"\x84\"", // invalid UTF-8: U+FFFD, as go/constant decodes it
	} {
		checkLiteral(t, src)
	}
	// An escape is mapped to its source: the edit of "b" in "a\tb" is at
	// its own byte, past the two-byte escape.
	l, _ := decodeLiteral(&ast.BasicLit{ValuePos: 100, Value: `"a\tb"`})
	if p, e, ok := l.span(2, 3); !ok || p != 104 || e != 105 {
		t.Errorf(`span of "b" in "a\tb" = %d %d %v, want 104 105 true`, p, e, ok)
	}
	if _, _, ok := l.span(1, 2); !ok {
		t.Errorf(`span of the tab in "a\tb" = false, want true`)
	}
}

func FuzzLiteral(f *testing.F) {
	for _, s := range []string{`"a=1"`, "`b=2`", `"\n"`, "`\r`", `"é"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) < 2 {
			return
		}
		checkLiteral(t, src)
	})
}
