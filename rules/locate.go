package rules

import (
	"sort"
	"strconv"
	"strings"
)

// BurntSushi/toml keys its positions by the dotted key without array
// indices, so every [[rule]] shares one entry: the last one. The locator
// reads the (already valid) document once more and records where every
// key of every array element is.

// pos is a 1-based line and byte column.
type pos struct{ line, col int }

// entry is one key of the document.
type entry struct {
	path  string // with array indices: rule[0].example[1].bad
	plain string // without: rule.example.bad
	key   pos    // the key, or the '[' of a table header
	val   pos    // the value; zero for table headers
	text  string // the value as written; "" for table headers
	elem  bool   // an element of an array value
}

// locator finds keys in a TOML document.
type locator struct {
	src     string
	lines   []int // byte offset of each line start
	i       int
	count   map[string]int // array-of-tables path -> elements so far
	entries []entry
	byPath  map[string]int
}

func locate(src string) *locator {
	l := &locator{src: src, lines: []int{0}, count: map[string]int{}, byPath: map[string]int{}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			l.lines = append(l.lines, i+1)
		}
	}
	l.document()
	return l
}

// find returns the entry for an indexed path.
func (l *locator) find(path string) (entry, bool) {
	i, ok := l.byPath[path]
	if !ok {
		return entry{}, false
	}
	return l.entries[i], true
}

func (l *locator) posAt(off int) pos {
	n := sort.Search(len(l.lines), func(i int) bool { return l.lines[i] > off }) - 1
	return pos{line: n + 1, col: off - l.lines[n] + 1}
}

func (l *locator) add(e entry) int {
	l.entries = append(l.entries, e)
	l.byPath[e.path] = len(l.entries) - 1
	return len(l.entries) - 1
}

func (l *locator) document() {
	ctx := ""
	for {
		l.blank(true)
		start := l.i
		if l.i >= len(l.src) {
			return
		}
		if l.src[l.i] == '[' {
			ctx = l.header()
		} else {
			l.keyval(ctx)
		}
		if l.i <= start { // not TOML after all: give up rather than loop
			return
		}
	}
}

// header reads [a.b] or [[a.b]] and returns the indexed table path.
func (l *locator) header() string {
	at := l.posAt(l.i)
	array := strings.HasPrefix(l.src[l.i:], "[[")
	l.i++
	if array {
		l.i++
	}
	parts := l.key()
	l.i += strings.IndexByte(l.src[l.i:], ']') + 1
	if array {
		l.i++
	}
	path := ""
	for k, p := range parts {
		path = join(path, p)
		switch n, seen := l.count[path]; {
		case array && k == len(parts)-1:
			l.count[path] = n + 1
			path += index(n)
		case seen:
			path += index(n - 1)
		}
	}
	l.add(entry{path: path, plain: strings.Join(parts, "."), key: at})
	return path
}

// keyval reads key = value inside table path ctx.
func (l *locator) keyval(ctx string) {
	at := l.posAt(l.i)
	path := ctx
	for _, p := range l.key() {
		path = join(path, p)
	}
	l.i++ // '='
	l.blank(false)
	n := l.add(entry{path: path, plain: plain(path), key: at, val: l.posAt(l.i)})
	start := l.i
	l.value(path)
	l.entries[n].text = l.src[start:l.i]
}

// key reads a dotted key up to '=' or ']'.
func (l *locator) key() []string {
	var parts []string
	for {
		l.blank(false)
		parts = append(parts, l.keyPart())
		l.blank(false)
		if l.i >= len(l.src) || l.src[l.i] != '.' {
			return parts
		}
		l.i++
	}
}

func (l *locator) keyPart() string {
	if l.i < len(l.src) && (l.src[l.i] == '"' || l.src[l.i] == '\'') {
		start := l.i
		l.str()
		s := l.src[start+1 : l.i-1]
		if l.src[start] == '"' {
			if u, err := strconv.Unquote(l.src[start:l.i]); err == nil {
				s = u
			}
		}
		return s
	}
	start := l.i
	for l.i < len(l.src) && bare(l.src[l.i]) {
		l.i++
	}
	return l.src[start:l.i]
}

// value skips one value, recording the keys of inline tables and the
// elements of arrays under path.
func (l *locator) value(path string) {
	if l.i >= len(l.src) {
		return
	}
	switch l.src[l.i] {
	case '"', '\'':
		l.str()
	case '[':
		l.array(path)
	case '{':
		l.table(path)
	default:
		for l.i < len(l.src) && !strings.ContainsRune(",]}#\r\n", rune(l.src[l.i])) {
			l.i++
		}
	}
}

func (l *locator) array(path string) {
	l.i++
	for n := 0; ; n++ {
		l.blank(true)
		if l.i >= len(l.src) || l.src[l.i] == ']' {
			l.i++
			return
		}
		at := l.posAt(l.i)
		el := path + index(n)
		k := l.add(entry{path: el, plain: plain(el), key: at, val: at, elem: true})
		start := l.i
		l.value(el)
		l.entries[k].text = l.src[start:l.i]
		l.blank(true)
		if l.i < len(l.src) && l.src[l.i] == ',' {
			l.i++
		}
	}
}

func (l *locator) table(path string) {
	l.i++
	for {
		l.blank(false)
		if l.i >= len(l.src) || l.src[l.i] == '}' {
			l.i++
			return
		}
		l.keyval(path)
		l.blank(false)
		if l.i < len(l.src) && l.src[l.i] == ',' {
			l.i++
		}
	}
}

// str skips a basic, literal or multi-line string.
func (l *locator) str() {
	q := l.src[l.i]
	if triple := strings.Repeat(string(q), 3); strings.HasPrefix(l.src[l.i:], triple) {
		l.i += 3
		for l.i < len(l.src) && !strings.HasPrefix(l.src[l.i:], triple) {
			l.skipChar(q)
		}
		l.i += 3
		for l.i < len(l.src) && l.src[l.i] == q { // """a"""" ends with a quote in the string
			l.i++
		}
		return
	}
	l.i++
	for l.i < len(l.src) && l.src[l.i] != q {
		l.skipChar(q)
	}
	l.i++
}

// skipChar steps over one character of a string quoted with q.
func (l *locator) skipChar(q byte) {
	if q == '"' && l.src[l.i] == '\\' {
		l.i++
	}
	l.i++
}

// blank skips spaces and comments, and newlines too when nl is true.
func (l *locator) blank(nl bool) {
	for l.i < len(l.src) {
		switch c := l.src[l.i]; {
		case c == ' ' || c == '\t' || (nl && (c == '\n' || c == '\r')):
			l.i++
		case c == '#':
			for l.i < len(l.src) && l.src[l.i] != '\n' {
				l.i++
			}
		default:
			return
		}
	}
}

func bare(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func index(n int) string { return "[" + strconv.Itoa(n) + "]" }

// plain drops the array indices of a path.
func plain(path string) string {
	var b strings.Builder
	skip := false
	for _, c := range path {
		switch {
		case c == '[':
			skip = true
		case c == ']':
			skip = false
		case !skip:
			b.WriteRune(c)
		}
	}
	return b.String()
}
