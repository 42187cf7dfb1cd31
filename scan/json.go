package scan

import (
	"bytes"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// parseJSON reads JSON as RFC 8259 has it, and JSONC as editors write it
// (tsconfig.json, devcontainer.json): // and /* */ comments and trailing
// commas are accepted, nothing else is. Every string value is a value;
// its key is the name of the member that holds it (or holds the array
// that holds it), and it applies to tests when a member on its path is
// named "test" or "testing" (Sequelize's config.json, package.json's
// "test" script). Decoded strings are what encoding/json decodes,
// invalid UTF-8 and lone surrogates becoming U+FFFD; the fuzz test
// checks it.
func parseJSON(f *fileScan) {
	p := &jsonParser{f: f, src: f.src}
	if len(p.src) >= 3 && string(p.src[:3]) == "\xef\xbb\xbf" {
		p.pos = 3
	}
	p.ws()
	if p.pos >= len(p.src) {
		return // an empty file
	}
	if !p.value("", false, 0) {
		return
	}
	p.ws()
	if p.pos < len(p.src) && !p.failed {
		p.fail("unexpected %s after the top-level value", p.what())
	}
}

// maxDepth bounds nesting, as encoding/json does (10000).
const maxDepth = 10000

type jsonParser struct {
	f      *fileScan
	src    []byte
	pos    int
	failed bool
}

func (p *jsonParser) fail(format string, args ...any) bool {
	if !p.failed {
		p.failed = true
		p.f.errorf(p.pos, "invalid JSON: "+format, args...)
	}
	return false
}

// what describes the byte at pos for an error message.
func (p *jsonParser) what() string {
	if p.pos >= len(p.src) {
		return "end of file"
	}
	c := p.src[p.pos]
	if c < 0x20 || c >= 0x7f {
		return "byte 0x" + hex2(c)
	}
	return "'" + string(c) + "'"
}

// ws skips white space and comments, recording the comments.
func (p *jsonParser) ws() {
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.pos++
		case c == '/' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '/':
			e := lineEnd(p.src, p.pos)
			p.f.comment(p.pos, e, p.pos+2, e)
			p.pos = e
		case c == '/' && p.pos+1 < len(p.src) && p.src[p.pos+1] == '*':
			e := bytes.Index(p.src[p.pos+2:], []byte("*/"))
			if e < 0 {
				p.fail("unterminated comment")
				p.pos = len(p.src)
				return
			}
			end := p.pos + 2 + e + 2
			p.f.comment(p.pos, end, p.pos+2, end-2)
			p.pos = end
		default:
			return
		}
	}
}

// value reads one value; key names the member it belongs to.
func (p *jsonParser) value(key string, test bool, depth int) bool {
	if depth > maxDepth {
		return p.fail("nesting deeper than %d", maxDepth)
	}
	p.ws()
	if p.pos >= len(p.src) {
		return p.fail("unexpected end of file")
	}
	switch c := p.src[p.pos]; {
	case c == '{':
		return p.object(test, depth)
	case c == '[':
		return p.array(key, test, depth)
	case c == '"':
		t, ok := p.str()
		if ok {
			p.f.value(value{t: t, key: key, test: test})
		}
		return ok
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	for _, w := range []string{"true", "false", "null"} {
		if strings.HasPrefix(string(p.src[p.pos:min(len(p.src), p.pos+len(w))]), w) {
			p.pos += len(w)
			return true
		}
	}
	return p.fail("unexpected %s", p.what())
}

func (p *jsonParser) object(test bool, depth int) bool {
	p.pos++ // {
	for first := true; ; first = false {
		p.ws()
		if p.pos >= len(p.src) {
			return p.fail("unexpected end of file in an object")
		}
		if p.src[p.pos] == '}' {
			p.pos++
			return true
		}
		if !first {
			if p.src[p.pos] != ',' {
				return p.fail("expected ',' or '}' after an object member, found %s", p.what())
			}
			p.pos++
			p.ws()
			if p.pos < len(p.src) && p.src[p.pos] == '}' { // trailing comma (JSONC)
				p.pos++
				return true
			}
		}
		if p.pos >= len(p.src) || p.src[p.pos] != '"' {
			return p.fail("expected a member name in double quotes, found %s", p.what())
		}
		k, ok := p.str()
		if !ok {
			return false
		}
		p.ws()
		if p.pos >= len(p.src) || p.src[p.pos] != ':' {
			return p.fail("expected ':' after a member name, found %s", p.what())
		}
		p.pos++
		if !p.value(k.s, test || isTestWord(k.s), depth+1) {
			return false
		}
	}
}

func (p *jsonParser) array(key string, test bool, depth int) bool {
	p.pos++ // [
	for first := true; ; first = false {
		p.ws()
		if p.pos >= len(p.src) {
			return p.fail("unexpected end of file in an array")
		}
		if p.src[p.pos] == ']' {
			p.pos++
			return true
		}
		if !first {
			if p.src[p.pos] != ',' {
				return p.fail("expected ',' or ']' after an array element, found %s", p.what())
			}
			p.pos++
			p.ws()
			if p.pos < len(p.src) && p.src[p.pos] == ']' { // trailing comma (JSONC)
				p.pos++
				return true
			}
		}
		if !p.value(key, test, depth+1) {
			return false
		}
	}
}

// number checks the JSON number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() bool {
	s, i := p.src, p.pos
	if s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case digits() == 0:
		p.pos = i
		return p.fail("invalid number")
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			p.pos = i
			return p.fail("invalid number: no digits after '.'")
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			p.pos = i
			return p.fail("invalid number: no digits in the exponent")
		}
	}
	p.pos = i
	return true
}

// str reads a string at pos (the opening quote).
func (p *jsonParser) str() (*text, bool) {
	t, end, msg := decodeJSONString(p.src, p.pos)
	if msg != "" {
		p.pos = end
		return nil, p.fail("%s", msg)
	}
	p.pos = end
	return t, true
}

// decodeJSONString decodes the JSON string whose opening quote is at i.
// It returns the text, the offset after the closing quote, or a message.
func decodeJSONString(src []byte, i int) (*text, int, string) {
	var t builder
	if k := bytes.IndexByte(src[i+1:], '"'); k >= 0 {
		t.grow(k)
	}
	t.begin(i+1, encJSON)
	j := i + 1
	for j < len(src) {
		c := src[j]
		switch {
		case c == '"':
			t.end(j)
			return t.text(), j + 1, ""
		case c == '\\':
			if j+1 >= len(src) {
				return nil, j, "unterminated string"
			}
			e := src[j+1]
			if r, ok := jsonEscapes[e]; ok {
				t.esc(r, j)
				j += 2
				continue
			}
			if e != 'u' {
				return nil, j, "invalid escape \\" + printable(e) + " in a string"
			}
			r, n := jsonU(src, j)
			if n == 0 {
				return nil, j, "invalid \\u escape in a string"
			}
			t.esc(string(r), j)
			j += n
		case c < 0x20:
			return nil, j, "control character 0x" + hex2(c) + " in a string (write it as an escape)"
		case c < utf8.RuneSelf:
			t.add(c, j)
			j++
		default:
			r, size := utf8.DecodeRune(src[j:])
			if r == utf8.RuneError && size == 1 {
				t.esc(string(utf8.RuneError), j)
				j++
				continue
			}
			for k := 0; k < size; k++ {
				o := -1
				if k == 0 {
					o = j
				}
				t.add(src[j+k], o)
			}
			j += size
		}
	}
	return nil, j, "unterminated string"
}

var jsonEscapes = map[byte]string{'"': "\"", '\\': "\\", '/': "/", 'b': "\b", 'f': "\f", 'n': "\n", 'r': "\r", 't': "\t"}

// jsonU reads \uXXXX at j, and a second one for a surrogate pair. It
// returns the rune (U+FFFD for a lone surrogate, as encoding/json) and
// the bytes read, 0 when the escape is malformed.
func jsonU(src []byte, j int) (rune, int) {
	r := hex4(src, j+2)
	if r < 0 {
		return 0, 0
	}
	if utf16.IsSurrogate(rune(r)) {
		if j+7 < len(src) && src[j+6] == '\\' && src[j+7] == 'u' {
			if r2 := hex4(src, j+8); r2 >= 0 {
				if d := utf16.DecodeRune(rune(r), rune(r2)); d != utf8.RuneError {
					return d, 12
				}
			}
		}
		return utf8.RuneError, 6
	}
	return rune(r), 6
}

// hex4 reads four hex digits at i, or returns -1.
func hex4(src []byte, i int) int {
	if i+4 > len(src) {
		return -1
	}
	n := 0
	for _, c := range src[i : i+4] {
		d := unhex(c)
		if d < 0 {
			return -1
		}
		n = n<<4 | d
	}
	return n
}

func unhex(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

func printable(c byte) string {
	if c < 0x20 || c >= 0x7f {
		return "x" + hex2(c)
	}
	return string(c)
}

// encJSON spells s inside a JSON string.
func encJSON(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20:
			b.WriteString(`\u00` + hex2(c))
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}
