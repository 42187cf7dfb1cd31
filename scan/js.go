package scan

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// The JavaScript/TypeScript tokenizer. It knows exactly what it must to
// find strings: comments (// and /* */, a #! line), string literals
// (escapes, line continuations; an unterminated one ends at the line's
// end), template literals with ${...} parts nested to any depth (the
// parts are tokenized as expressions of their own), regular expression
// literals (told from division by the token before the '/', as parsers
// do; one that does not close on its line is a '/'), numbers,
// identifiers and punctuators. It never fails: any input gives tokens,
// and the fuzz test holds it to that and to spans that tile the input
// in order.

// jkind is a token kind.
type jkind uint8

const (
	jIdent jkind = iota + 1 // identifiers and keywords, #private names
	jNum
	jStr // '...' or "..."
	jTmpl
	jRegex
	jPunct
)

// jtok is a token: its kind and bytes.
type jtok struct {
	kind       jkind
	start, end int
	nl         bool   // a line break comes between it and the token before
	tmpl       *jtmpl // for jTmpl
}

// jtmpl is a template literal: the raw text around its ${...} parts.
type jtmpl struct {
	chunks [][2]int // len(holes)+1 ranges of raw text
	holes  []jhole
}

// jhole is one ${...} part: its bytes, "${" and "}" included, and its
// tokens.
type jhole struct {
	start, end int
	toks       []jtok
}

// maxRegex bounds a regular expression literal, so that a line of
// divisions read as regex starts costs linear time.
const maxRegex = 4096

// maxNest bounds the nesting of template literals in ${...} parts; a
// deeper part is skipped as opaque text.
const maxNest = 100

type jsLexer struct {
	src     []byte
	pos     int
	f       *fileScan // records comments; nil to drop them
	depth   int
	guessed bool // a '/' that may start a regex did not close on its line
}

// lexJS tokenizes a whole file.
func lexJS(src []byte, f *fileScan) []jtok {
	l := &jsLexer{src: src, f: f}
	if len(src) >= 3 && string(src[:3]) == "\xef\xbb\xbf" {
		l.pos = 3
	}
	if l.pos+1 < len(src) && src[l.pos] == '#' && src[l.pos+1] == '!' {
		e := lineEnd(src, l.pos)
		l.pos = e
	}
	return l.stream(false)
}

func (l *jsLexer) text(t jtok) string { return string(l.src[t.start:t.end]) }

// stream reads tokens to the end of the input, or in a ${...} part to
// its closing brace (consumed).
func (l *jsLexer) stream(inHole bool) []jtok {
	var out []jtok
	if !inHole {
		out = make([]jtok, 0, len(l.src)/6)
	}
	braces := 0
	for {
		nl := l.skip()
		if l.pos >= len(l.src) {
			return out
		}
		c := l.src[l.pos]
		t := jtok{start: l.pos, nl: nl}
		switch {
		case c == '}' && inHole && braces == 0:
			l.pos++
			return out
		case identStart(c):
			l.ident()
			t.kind = jIdent
		case '0' <= c && c <= '9' || c == '.' && l.pos+1 < len(l.src) && '0' <= l.src[l.pos+1] && l.src[l.pos+1] <= '9':
			l.number()
			t.kind = jNum
		case c == '"' || c == '\'':
			l.quoted(c)
			t.kind = jStr
		case c == '`':
			t.tmpl = l.template()
			t.kind = jTmpl
		case c == '/' && regexAllowed(l, out) && l.regex():
			t.kind = jRegex
		default:
			l.punct()
			t.kind = jPunct
			switch c {
			case '{':
				braces++
			case '}':
				braces--
			}
		}
		t.end = l.pos
		out = append(out, t)
	}
}

// skip skips blanks, line breaks and comments (recorded), and reports
// whether a line break was among them.
func (l *jsLexer) skip() bool {
	nl := false
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\n' || c == '\r':
			nl = true
			l.pos++
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			l.pos++
		case c == '/' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '/':
			e := l.pos + 2
			for e < len(l.src) && !lineTerm(l.src, e) {
				e++
			}
			body := e
			if body > l.pos+2 && l.src[body-1] == '\r' {
				body--
			}
			l.comment(l.pos, e, l.pos+2, body)
			l.pos = e
		case c == '/' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '*':
			e := bytes.Index(l.src[l.pos+2:], []byte("*/"))
			end, stop := len(l.src), len(l.src)
			if e >= 0 {
				stop = l.pos + 2 + e
				end = stop + 2
			}
			if bytes.ContainsAny(l.src[l.pos:end], "\n\r\u2028\u2029") {
				nl = true
			}
			l.comment(l.pos, end, l.pos+2, stop)
			l.pos = end
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(l.src[l.pos:])
			switch r {
			case '\u2028', '\u2029':
				nl = true
			case '\u00a0', '\ufeff', '\u1680', '\u202f', '\u205f', '\u3000':
			default:
				if r < '\u2000' || r > '\u200a' {
					return nl
				}
			}
			l.pos += size
		default:
			return nl
		}
	}
	return nl
}

func (l *jsLexer) comment(start, end, body, stop int) {
	if l.f != nil {
		l.f.comment(start, end, body, stop)
	}
}

// lineTerm reports a line terminator at i: \n, \r, U+2028, U+2029.
func lineTerm(src []byte, i int) bool {
	c := src[i]
	return c == '\n' || c == '\r' || c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9)
}

func identStart(c byte) bool {
	return c == '_' || c == '$' || c == '#' || c == '\\' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf
}

func identByte(c byte) bool { return keyByte(c) || c == '$' || c == '\\' || c >= utf8.RuneSelf }

func (l *jsLexer) ident() {
	l.pos++
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if !identByte(c) || lineTerm(l.src, l.pos) {
			return
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRune(l.src[l.pos:])
			if r == '\u00a0' || r == '\ufeff' || r >= '\u2000' && r <= '\u200a' || r == '\u3000' {
				return
			}
			l.pos += size
			continue
		}
		l.pos++
	}
}

func (l *jsLexer) number() {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case keyByte(c) || c == '.':
			l.pos++
		case (c == '+' || c == '-') && l.pos > 0 && (l.src[l.pos-1] == 'e' || l.src[l.pos-1] == 'E'):
			l.pos++
		default:
			return
		}
	}
}

// quoted reads a string literal; it ends at its quote, or before a line
// break or the end of the input when it is not closed.
func (l *jsLexer) quoted(q byte) {
	l.pos++
	for l.pos < len(l.src) {
		switch c := l.src[l.pos]; c {
		case q:
			l.pos++
			return
		case '\\':
			l.pos += 2
			if l.pos <= len(l.src) && l.src[l.pos-1] == '\r' && l.pos < len(l.src) && l.src[l.pos] == '\n' {
				l.pos++
			}
		case '\n', '\r':
			return
		default:
			l.pos++
		}
	}
	l.pos = len(l.src)
}

// template reads a template literal and the tokens of its parts.
func (l *jsLexer) template() *jtmpl {
	l.pos++
	tm := &jtmpl{}
	cs := l.pos
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case c == '\\':
			l.pos = min(l.pos+2, len(l.src))
		case c == '`':
			tm.chunks = append(tm.chunks, [2]int{cs, l.pos})
			l.pos++
			return tm
		case c == '$' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '{':
			tm.chunks = append(tm.chunks, [2]int{cs, l.pos})
			h := jhole{start: l.pos}
			l.pos += 2
			if l.depth < maxNest {
				l.depth++
				h.toks = l.stream(true)
				l.depth--
			} else {
				l.opaque()
			}
			h.end = l.pos
			tm.holes = append(tm.holes, h)
			cs = l.pos
		default:
			l.pos++
		}
	}
	tm.chunks = append(tm.chunks, [2]int{cs, len(l.src)})
	return tm
}

// opaque skips a ${...} part too deeply nested to tokenize, to its
// closing brace by counting braces.
func (l *jsLexer) opaque() {
	depth := 0
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				l.pos++
				return
			}
			depth--
		}
		l.pos++
	}
}

// regex reads a regular expression literal at the '/' at pos, with its
// flags. It reads nothing and returns false when the literal does not
// close on its line: the '/' is then a punctuator.
func (l *jsLexer) regex() bool {
	j := l.pos + 1
	class := false
	for j < len(l.src) && j-l.pos < maxRegex && !lineTerm(l.src, j) {
		switch l.src[j] {
		case '\\':
			j++
			if j < len(l.src) && lineTerm(l.src, j) {
				l.guessed = true
				return false
			}
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				j++
				for j < len(l.src) && (keyByte(l.src[j]) || l.src[j] == '$') {
					j++
				}
				l.pos = j
				return true
			}
		}
		j++
	}
	l.guessed = true
	return false
}

// regexAllowed reports whether a '/' after the tokens out starts a
// regular expression: at the start, after a punctuator other than ')',
// ']', '}', "++" and "--", and after a keyword that precedes an
// expression. After '}' a block may have ended, so it is a regex there
// too; the cost of a wrong guess is one line.
func regexAllowed(l *jsLexer, out []jtok) bool {
	if len(out) == 0 {
		return true
	}
	p := out[len(out)-1]
	switch p.kind {
	case jPunct:
		switch l.text(p) {
		case ")", "]", "++", "--":
			return false
		}
		return true
	case jIdent:
		return exprKeywords[l.text(p)]
	}
	return false
}

var exprKeywords = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "case": true, "do": true, "else": true,
	"yield": true, "await": true,
}

// puncts are the punctuators, longest first.
var puncts = []string{
	">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
	"%=", "&=", "|=", "^=", "**", "<<", ">>",
}

// punctsBy lists the punctuators of two bytes or more by first byte.
var punctsBy = func() [256][]string {
	var by [256][]string
	for _, p := range puncts {
		by[p[0]] = append(by[p[0]], p)
	}
	return by
}()

func (l *jsLexer) punct() {
	rest := l.src[l.pos:min(len(l.src), l.pos+4)]
	for _, p := range punctsBy[rest[0]] {
		if len(rest) >= len(p) && string(rest[:len(p)]) == p {
			// "?." before a digit is '?' then a number: a ? .5 : 1
			if p == "?." && len(rest) > 2 && '0' <= rest[2] && rest[2] <= '9' {
				continue
			}
			l.pos += len(p)
			return
		}
	}
	if l.src[l.pos] >= utf8.RuneSelf {
		_, size := utf8.DecodeRune(l.src[l.pos:])
		l.pos += size
		return
	}
	l.pos++
}

// decodeJS decodes the cooked value of a string literal's or template
// chunk's raw bytes [a, b) into t, as the literal's own part.
func decodeJS(t *builder, src []byte, a, b int, template bool) {
	for i := a; i < b; {
		c := src[i]
		switch {
		case c == '\\' && i+1 < b:
			n, s := jsEscape(src, i, b)
			t.esc(s, i)
			i += n
		case template && c == '\r':
			n := 1
			if i+1 < b && src[i+1] == '\n' {
				n = 2
			}
			t.esc("\n", i) // a template normalizes CR and CRLF to LF
			i += n
		default:
			t.add(c, i)
			i++
		}
	}
}

// jsEscape decodes the escape at i (a backslash): the bytes it takes and
// the text it stands for. A malformed escape stands for its character.
func jsEscape(src []byte, i, b int) (int, string) {
	e := src[i+1]
	switch e {
	case 'n':
		return 2, "\n"
	case 'r':
		return 2, "\r"
	case 't':
		return 2, "\t"
	case 'b':
		return 2, "\b"
	case 'f':
		return 2, "\f"
	case 'v':
		return 2, "\v"
	case '\n':
		return 2, ""
	case '\r':
		if i+2 < b && src[i+2] == '\n' {
			return 3, ""
		}
		return 2, ""
	case 'x':
		if i+4 <= b && unhex(src[i+2]) >= 0 && unhex(src[i+3]) >= 0 {
			return 4, string(rune(unhex(src[i+2])<<4 | unhex(src[i+3])))
		}
	case 'u':
		if i+2 < b && src[i+2] == '{' {
			j, v := i+3, 0
			for j < b && unhex(src[j]) >= 0 && v <= utf8.MaxRune {
				v = v<<4 | unhex(src[j])
				j++
			}
			if j < b && src[j] == '}' && j > i+3 && v <= utf8.MaxRune {
				return j + 1 - i, string(rune(v))
			}
		} else if v := hex4(src[:b], i+2); v >= 0 {
			return 6, string(rune(v))
		}
	case '0', '1', '2', '3', '4', '5', '6', '7':
		j, v := i+1, 0
		for j < b && j < i+4 && '0' <= src[j] && src[j] <= '7' && v*8+int(src[j]-'0') <= 255 {
			v = v*8 + int(src[j]-'0')
			j++
		}
		return j - i, string(rune(v))
	}
	if lineTerm(src, i+1) { // \ before U+2028 or U+2029: a continuation
		return 4, ""
	}
	_, size := utf8.DecodeRune(src[i+1 : b])
	return 1 + size, string(src[i+1 : i+1+size])
}

// The JS encoders: a fix keeps the literal's quotes and escapes what it
// must.
func encJSQuote(q byte) encoder {
	return func(s string) (string, bool) {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			switch c := s[i]; {
			case c == q || c == '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case c == '\n':
				b.WriteString(`\n`)
			case c == '\r':
				b.WriteString(`\r`)
			case c < 0x20:
				b.WriteString(`\x` + hex2(c))
			default:
				b.WriteByte(c)
			}
		}
		return b.String(), true
	}
}

var (
	encJSSingle = encJSQuote('\'')
	encJSDouble = encJSQuote('"')
)

func encJSTemplate(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' || c == '`':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '$' && (i+1 == len(s) || s[i+1] == '{'): // a '{' may follow in the file
			b.WriteString(`\$`)
		case c == '\r': // a raw CR would read as LF
			b.WriteString(`\r`)
		case c == '\n': // a raw LF after a CR in the file would make a CRLF, one LF
			b.WriteString(`\n`)
		case c == '{' && i == 0: // a '$' may precede in the file
			b.WriteString(`\{`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}
