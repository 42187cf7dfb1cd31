package scan

import (
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// parseTOML reads TOML. github.com/BurntSushi/toml (the policy loader's
// parser) decides whether the file is valid and what each string is; it
// does not say where a value is, so a scanner here walks the same text
// for the byte offsets, key paths and comments. A string whose bytes do
// not decode to one of the strings the parser decoded is reported
// without a fix; the fuzz test checks that the two agree on every
// string of every file the parser accepts.
//
// A value's key is the last key of its path ([database] url = ... is
// "database.url"); it applies to tests when a table or key on its path
// is "test" or "testing". A policy file (a [[rule]] array whose tables
// have an id) is not scanned: its bad examples are bad on purpose.
func parseTOML(f *fileScan) {
	var doc map[string]any
	if _, err := toml.Decode(string(f.src), &doc); err != nil {
		f.errs = append(f.errs, tomlError(f.src, err))
		return
	}
	if isPolicy(doc) {
		return
	}
	want := make(map[string]int)
	collectStrings(doc, want)
	s := &tomlScanner{f: f, src: f.src, want: want}
	s.file()
}

// tomlError turns a BurntSushi error into a positioned one. The parser
// quotes the text it found ("expected value but found \"hunter2\""),
// which may be a secret written without quotes: such text is left out.
func tomlError(src []byte, err error) parseError {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e := parseError{off: -1, line: pe.Position.Line, msg: "invalid TOML: " + quoted.ReplaceAllString(pe.Message, `"…"`)}
		if pe.Position.Start > 0 && pe.Position.Start <= len(src) {
			e.off = pe.Position.Start
		}
		return e
	}
	return parseError{off: -1, msg: "invalid TOML: " + err.Error()}
}

var quoted = regexp.MustCompile(`"[^"]*"`)

// isPolicy reports a poolcheck policy: [[rule]] tables with an id.
func isPolicy(doc map[string]any) bool {
	rs, ok := doc["rule"].([]map[string]any)
	if !ok || len(rs) == 0 {
		return false
	}
	_, id := rs[0]["id"]
	return id
}

// collectStrings counts every string value of a decoded document.
func collectStrings(v any, into map[string]int) {
	switch x := v.(type) {
	case string:
		into[x]++
	case map[string]any:
		for _, e := range x {
			collectStrings(e, into)
		}
	case []map[string]any:
		for _, e := range x {
			collectStrings(e, into)
		}
	case []any:
		for _, e := range x {
			collectStrings(e, into)
		}
	}
}

type tomlScanner struct {
	f     *fileScan
	src   []byte
	pos   int
	table []string       // the current table's key path
	want  map[string]int // strings the parser decoded, by count
	depth int
}

// file walks a document the parser accepted.
func (s *tomlScanner) file() {
	for s.pos < len(s.src) {
		s.blank(true)
		if s.pos >= len(s.src) {
			return
		}
		if s.src[s.pos] == '[' {
			s.header()
			continue
		}
		start := s.pos
		path := s.keyPath()
		s.blank(false)
		if s.pos >= len(s.src) || s.src[s.pos] != '=' || len(path) == 0 {
			s.pos = max(nextLine(s.src, start), s.pos+1)
			continue
		}
		s.pos++
		s.value(append(append([]string(nil), s.table...), path...))
	}
}

// header reads [table] or [[array.of.tables]].
func (s *tomlScanner) header() {
	s.pos++
	if s.pos < len(s.src) && s.src[s.pos] == '[' {
		s.pos++
	}
	s.blank(false)
	s.table = s.keyPath()
	for s.pos < len(s.src) && s.src[s.pos] != '\n' && s.src[s.pos] != '#' {
		s.pos++
	}
}

// keyPath reads a dotted key: bare, "basic" or 'literal' parts.
func (s *tomlScanner) keyPath() []string {
	var path []string
	for s.pos < len(s.src) {
		s.blank(false)
		if s.pos >= len(s.src) {
			break
		}
		switch c := s.src[s.pos]; {
		case c == '"' || c == '\'':
			t, end := s.str()
			if t == nil {
				return path
			}
			path = append(path, t.s)
			s.pos = end
		case keyByte(c) || c == '-':
			k := s.pos
			for s.pos < len(s.src) && (keyByte(s.src[s.pos]) || s.src[s.pos] == '-') {
				s.pos++
			}
			path = append(path, string(s.src[k:s.pos]))
		default:
			return path
		}
		s.blank(false)
		if s.pos >= len(s.src) || s.src[s.pos] != '.' {
			break
		}
		s.pos++
	}
	return path
}

// value reads the value of key path.
func (s *tomlScanner) value(path []string) {
	s.depth++
	defer func() { s.depth-- }()
	s.blank(false)
	if s.pos >= len(s.src) || s.depth > maxDepth {
		return
	}
	switch s.src[s.pos] {
	case '"', '\'':
		start := s.pos
		t, end := s.str()
		if t == nil {
			s.pos = len(s.src)
			return
		}
		s.pos = end
		if s.want[t.s] > 0 {
			s.want[t.s]--
		} else {
			t = unmapped(t.s, start)
		}
		test := false
		for _, k := range path {
			test = test || isTestWord(k)
		}
		s.f.value(value{t: t, key: strings.Join(path, "."), test: test})
	case '[':
		s.pos++
		for s.pos < len(s.src) {
			s.blank(true)
			if s.pos >= len(s.src) || s.src[s.pos] == ']' {
				s.pos++
				return
			}
			if s.src[s.pos] == ',' {
				s.pos++
				continue
			}
			before := s.pos
			s.value(path)
			if s.pos == before {
				s.pos++
			}
		}
	case '{':
		s.pos++
		for s.pos < len(s.src) {
			s.blank(true)
			if s.pos >= len(s.src) || s.src[s.pos] == '}' {
				s.pos++
				return
			}
			if s.src[s.pos] == ',' {
				s.pos++
				continue
			}
			before := s.pos
			k := s.keyPath()
			s.blank(false)
			if s.pos < len(s.src) && s.src[s.pos] == '=' {
				s.pos++
				s.value(append(append([]string(nil), path...), k...))
			}
			if s.pos == before {
				s.pos++
			}
		}
	default: // a number, date, boolean: to a delimiter
		for s.pos < len(s.src) && strings.IndexByte(" \t\r\n,]}#", s.src[s.pos]) < 0 {
			s.pos++
		}
	}
}

// blank skips spaces and tabs, comments (recorded), and line breaks
// when nl is set.
func (s *tomlScanner) blank(nl bool) {
	for s.pos < len(s.src) {
		switch c := s.src[s.pos]; {
		case c == ' ' || c == '\t':
			s.pos++
		case nl && (c == '\n' || c == '\r'):
			s.pos++
		case c == '#':
			e := lineEnd(s.src, s.pos)
			s.f.comment(s.pos, e, s.pos+1, e)
			s.pos = e
		default:
			return
		}
	}
}

// str decodes the string at pos: "basic", 'literal', """multi-line
// basic""" or ”'multi-line literal”'. It returns the text and the
// offset after it, or nil.
func (s *tomlScanner) str() (*text, int) {
	src, i := s.src, s.pos
	q := src[i]
	multi := i+2 < len(src) && src[i+1] == q && src[i+2] == q
	var t builder
	j := i + 1
	if multi {
		j = i + 3
		// A line break right after the opening delimiter is trimmed.
		if j < len(src) && src[j] == '\n' {
			j++
		} else if j+1 < len(src) && src[j] == '\r' && src[j+1] == '\n' {
			j += 2
		}
	}
	enc := encTOMLBasic
	switch {
	case q == '\'' && multi:
		enc = encTOMLMultiLiteral
	case q == '\'':
		enc = encTOMLLiteral
	case multi:
		enc = encTOMLMultiBasic
	}
	t.begin(j, enc)
	for j < len(src) {
		c := src[j]
		if c == q {
			if !multi {
				t.end(j)
				return t.text(), j + 1
			}
			if j+2 < len(src) && src[j+1] == q && src[j+2] == q {
				// Up to two quotes may precede the closing delimiter.
				n := 3
				for n < 5 && j+n < len(src) && src[j+n] == q {
					n++
				}
				for k := 0; k < n-3; k++ {
					t.add(q, j+k)
				}
				t.end(j + n - 3)
				return t.text(), j + n
			}
		}
		if c == '\\' && q == '"' && j+1 < len(src) {
			e := src[j+1]
			if r, ok := tomlEscapes[e]; ok {
				t.esc(r, j)
				j += 2
				continue
			}
			if n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]; n > 0 && j+2+n <= len(src) {
				v := 0
				for _, h := range src[j+2 : j+2+n] {
					v = v<<4 | max(unhex(h), 0)
				}
				t.esc(string(rune(v)), j)
				j += 2 + n
				continue
			}
			if multi { // a line-ending backslash trims the break and the blanks after it
				k := j + 1
				for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
					k++
				}
				if k < len(src) && (src[k] == '\n' || src[k] == '\r') {
					for k < len(src) && isYAMLSpace(src[k]) {
						k++
					}
					t.end(j)
					t.begin(k, enc)
					j = k
					continue
				}
			}
		}
		if multi && c == '\r' && j+1 < len(src) && src[j+1] == '\n' {
			// TOML normalizes a CRLF in a multi-line string to LF.
			t.esc("\n", j)
			j += 2
			continue
		}
		if c >= utf8.RuneSelf {
			_, size := utf8.DecodeRune(src[j:])
			for k := 0; k < size && j+k < len(src); k++ {
				o := -1
				if k == 0 {
					o = j
				}
				t.add(src[j+k], o)
			}
			j += size
			continue
		}
		t.add(c, j)
		j++
	}
	return nil, 0
}

var tomlEscapes = map[byte]string{'b': "\b", 't': "\t", 'n': "\n", 'f': "\f", 'r': "\r", 'e': "\x1b", '"': "\"", '\\': "\\"}

// The TOML encoders.
func encTOMLBasic(s string) (string, bool) { return encJSON(s) }

func encTOMLMultiBasic(s string) (string, bool) {
	if strings.Contains(s, `"""`) {
		return "", false
	}
	return encJSON(s)
}

func encTOMLLiteral(s string) (string, bool) {
	return s, !strings.ContainsAny(s, "'\r\n") && !hasControl(s)
}

func encTOMLMultiLiteral(s string) (string, bool) {
	return s, !strings.Contains(s, "'") && !hasControl(s)
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 && s[i] != '\t' || s[i] == 0x7f {
			return true
		}
	}
	return false
}
