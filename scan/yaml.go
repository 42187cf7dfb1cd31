package scan

import (
	"bytes"
	"cmp"
	"errors"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// parseYAML reads YAML with go.yaml.in/yaml/v3, the YAML organization's
// maintained continuation of gopkg.in/yaml.v3 (a port of libyaml), every
// document of a stream. Every string scalar is a value:
//
//   - in a mapping, its key names it (environment: {DATABASE_URL: ...},
//     env: {DATABASE_URL: ...} in CI workflows);
//   - a sequence item NAME=value is split at the first '=' (docker
//     compose's list form: environment: [DATABASE_URL=...]);
//   - in a mapping with a name key, the value key is named by it
//     (Kubernetes env: - name: DATABASE_URL  value: ...);
//   - it applies to tests when a key on its path is "test" or "testing"
//     (database.yml, a CI job named test).
//
// yaml.v3 gives each node's line and column (in characters); the
// scalar's bytes are then read again from there, and the byte mapping is
// used only when the bytes decode to the parser's own value. Otherwise
// (multi-line plain and quoted scalars the decoders here do not fold,
// block scalars) findings point at the scalar and carry no fix.
//
// A file that does not parse is an error with its line. A file with
// template syntax ({{ }} or {% %}: Helm, Jinja, Ansible) is a template,
// not YAML: when it does not parse it is skipped without an error.
func parseYAML(f *fileScan) {
	y := &yamlWalk{f: f, lines: yamlLines(f.src)}
	dec := yaml.NewDecoder(bytes.NewReader(f.src))
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !bytes.Contains(f.src, []byte("{{")) && !bytes.Contains(f.src, []byte("{%")) {
				f.errs = append(f.errs, yamlError(f.src, y.lines, err))
			}
			break
		}
		y.node(&n, "", false, false)
	}
	y.comments()
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// yamlError turns a yaml.v3 error into a positioned one. yaml.v3 gives
// the line where the enclosing block starts (libyaml's context mark),
// not the line of the problem; the problem's line is the first line at
// which a prefix of the file stops parsing, found by bisection, and
// never before the line yaml.v3 gives.
func yamlError(src []byte, lines []int, err error) parseError {
	msg := err.Error()
	e := parseError{off: -1}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		e.line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if n := firstBadLine(src, lines); n > e.line {
		e.line = n
	}
	e.msg = "invalid YAML: " + msg
	return e
}

// firstBadLine returns the smallest n such that the file's first n lines
// do not parse, or 0.
func firstBadLine(src []byte, lines []int) int {
	bad := func(n int) bool {
		end := len(src)
		if n < len(lines) {
			end = lines[n]
		}
		dec := yaml.NewDecoder(bytes.NewReader(src[:end]))
		for {
			var node yaml.Node
			err := dec.Decode(&node)
			if errors.Is(err, io.EOF) {
				return false
			}
			if err != nil {
				return true
			}
		}
	}
	lo, hi := 1, len(lines)
	if !bad(hi) {
		return 0
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if bad(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

type yamlWalk struct {
	f      *fileScan
	lines  []int    // line starts, as libyaml counts lines
	skip   [][2]int // bytes of quoted and block scalars: no comment starts there
	sorted bool
	depth  int
}

// node walks n; key names the mapping key or list entry it belongs to.
func (y *yamlWalk) node(n *yaml.Node, key string, test, flow bool) {
	if n == nil || y.depth > maxDepth {
		return
	}
	y.depth++
	defer func() { y.depth-- }()
	flow = flow || n.Style&yaml.FlowStyle != 0
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			y.node(c, key, test, flow)
		}
	case yaml.MappingNode:
		name := ""
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k, v := n.Content[i], n.Content[i+1]; k.Value == "name" && v.Kind == yaml.ScalarNode {
				name = v.Value
			}
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			y.scalar(k, flow, false) // for the comment scan only
			kk := k.Value
			if kk == "value" && name != "" {
				kk = name
			}
			y.node(v, kk, test || isTestWord(k.Value), flow)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && c.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
				if name, ok := envAssign(c.Value); ok {
					if t := y.scalar(c, flow, true); t != nil {
						v := t.slice(len(name)+1, len(t.s))
						y.f.value(value{t: v, key: name, test: test})
						continue
					}
				}
			}
			y.node(c, key, test, flow)
		}
	case yaml.ScalarNode:
		if t := y.scalar(n, flow, true); t != nil {
			y.f.value(value{t: t, key: key, test: test})
		}
	}
}

// envAssign reports a NAME=value list entry and its name.
func envAssign(s string) (string, bool) {
	i := strings.IndexByte(s, '=')
	if i <= 0 || !envKeyStart(s[0]) {
		return "", false
	}
	for j := 1; j < i; j++ {
		if !envKeyByte(s[j]) {
			return "", false
		}
	}
	return s[:i], true
}

// nonStrings are the tags of scalars that are not strings.
var nonStrings = map[string]bool{"!!int": true, "!!float": true, "!!bool": true, "!!null": true, "!!timestamp": true, "!!binary": true}

// scalar returns the text of a string scalar (nil for other scalars,
// or when want is false), recording the bytes of quoted and block
// scalars for the comment scan.
func (y *yamlWalk) scalar(n *yaml.Node, flow, want bool) *text {
	if n.Kind != yaml.ScalarNode {
		return nil
	}
	off := y.offset(n.Line, n.Column)
	if off < 0 {
		return nil
	}
	off = skipProperties(y.f.src, off)
	var t *text
	end := -1
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		t, end = yamlDouble(y.f.src, off)
	case n.Style&yaml.SingleQuotedStyle != 0:
		t, end = yamlSingle(y.f.src, off)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		end = blockEnd(y.f.src, off)
	default:
		t = yamlPlain(y.f.src, off, flow)
	}
	if end > off {
		y.skip = append(y.skip, [2]int{off, end})
	}
	if !want || nonStrings[n.ShortTag()] {
		return nil
	}
	if t == nil || t.s != n.Value {
		// Not read back exactly: the place is known, the bytes are not.
		return unmapped(n.Value, off)
	}
	return t
}

// unmapped is a text whose bytes cannot be traced to the file: every
// position is at, and no edit can be made.
func unmapped(s string, at int) *text {
	off := make([]int, len(s))
	for i := range off {
		off[i] = -1
	}
	t := literal(s, off, at, at, nil)
	t.untraced = true
	return t
}

// offset converts yaml.v3's 1-based line and column (in characters) to a
// byte offset, or -1.
func (y *yamlWalk) offset(line, col int) int {
	if line < 1 || line > len(y.lines) || col < 1 {
		return -1
	}
	i := y.lines[line-1]
	for c := 1; c < col; c++ {
		if i >= len(y.f.src) {
			return -1
		}
		_, size := utf8.DecodeRune(y.f.src[i:])
		i += size
	}
	return i
}

// yamlLines returns the offsets where lines start, with libyaml's line
// breaks: \r\n, \r, \n, U+0085, U+2028 and U+2029.
func yamlLines(src []byte) []int {
	out := []int{0}
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		out[0] = 3
	}
	for i := out[0]; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			out = append(out, i+1)
		case c == '\n':
			out = append(out, i+1)
		case c == 0xc2 && i+1 < len(src) && src[i+1] == 0x85:
			i++
			out = append(out, i+1)
		case c == 0xe2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xa8 || src[i+2] == 0xa9):
			i += 2
			out = append(out, i+1)
		}
	}
	return out
}

// skipProperties skips an anchor (&a) and a tag (!t, !!str, !<...>) and
// the blanks after them.
func skipProperties(src []byte, i int) int {
	for i < len(src) && (src[i] == '&' || src[i] == '!') {
		for i < len(src) && src[i] != ' ' && src[i] != '\t' && src[i] != '\n' && src[i] != '\r' {
			i++
		}
		i = skipBlanks(src, i)
	}
	return i
}

// yamlPlain reads a one-line plain scalar at i: to a comment (" #"), a
// mapping indicator (": " or ':' at the end), the end of the line, or in
// a flow collection ',', '[', ']', '{', '}'; trailing blanks are not
// part of it.
func yamlPlain(src []byte, i int, flow bool) *text {
	j := i
	for j < len(src) {
		c := src[j]
		if c == '\n' || c == '\r' || c == '#' && j > i && (src[j-1] == ' ' || src[j-1] == '\t') {
			break
		}
		if c == ':' && (j+1 >= len(src) || isYAMLSpace(src[j+1]) || flow && strings.IndexByte(",[]{}", src[j+1]) >= 0) {
			break
		}
		if flow && strings.IndexByte(",[]{}", c) >= 0 {
			break
		}
		j++
	}
	for j > i && (src[j-1] == ' ' || src[j-1] == '\t') {
		j--
	}
	var t builder
	t.grow(j - i)
	t.begin(i, encYAMLPlain)
	for k := i; k < j; k++ {
		t.add(src[k], k)
	}
	t.end(j)
	return t.text()
}

func isYAMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// yamlSingle reads a single-quoted scalar on one line: ” is a quote.
func yamlSingle(src []byte, i int) (*text, int) {
	if i >= len(src) || src[i] != '\'' {
		return nil, -1
	}
	var t builder
	t.begin(i+1, encYAMLSingle)
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\'':
			if j+1 < len(src) && src[j+1] == '\'' {
				t.esc("'", j)
				j++
				continue
			}
			t.end(j)
			return t.text(), j + 1
		case '\n', '\r':
			return nil, closingQuote(src, j, '\'')
		}
		t.add(src[j], j)
	}
	return nil, -1
}

// yamlDouble reads a double-quoted scalar on one line, with YAML's
// escapes.
func yamlDouble(src []byte, i int) (*text, int) {
	if i >= len(src) || src[i] != '"' {
		return nil, -1
	}
	var t builder
	t.begin(i+1, encYAMLDouble)
	for j := i + 1; j < len(src); {
		c := src[j]
		switch c {
		case '"':
			t.end(j)
			return t.text(), j + 1
		case '\n', '\r':
			return nil, closingQuote(src, j, '"')
		case '\\':
			if j+1 >= len(src) {
				return nil, -1
			}
			e := src[j+1]
			if r, ok := yamlEscapes[e]; ok {
				t.esc(r, j)
				j += 2
				continue
			}
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
			if n == 0 || j+2+n > len(src) {
				return nil, closingQuote(src, j+1, '"')
			}
			v, err := strconv.ParseUint(string(src[j+2:j+2+n]), 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return nil, closingQuote(src, j+1, '"')
			}
			t.esc(string(rune(v)), j)
			j += 2 + n
			continue
		}
		t.add(c, j)
		j++
	}
	return nil, -1
}

var yamlEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v", 'f': "\f",
	'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// closingQuote finds the end of a quoted scalar that spans lines, for
// the comment scan: the offset after its closing quote, or -1.
func closingQuote(src []byte, j int, q byte) int {
	for ; j < len(src); j++ {
		switch {
		case q == '"' && src[j] == '\\':
			j++
		case src[j] == q && q == '\'' && j+1 < len(src) && src[j+1] == '\'':
			j++
		case src[j] == q:
			return j + 1
		}
	}
	return -1
}

// blockEnd returns where a block scalar whose indicator (| or >) is at
// i ends: after the last line indented at least as its first content
// line.
func blockEnd(src []byte, i int) int {
	j := lineEnd(src, i)
	indent := -1
	end := j
	for j < len(src) {
		j = nextLine(src, j)
		if j >= len(src) {
			break
		}
		k := j
		for k < len(src) && src[k] == ' ' {
			k++
		}
		e := lineEnd(src, k)
		if k == e { // an empty line belongs to the scalar
			j = e
			continue
		}
		if indent < 0 {
			indent = k - j
		}
		if k-j < indent || indent == 0 {
			break
		}
		end, j = e, e
	}
	return end
}

// nextLine returns the start of the line after the break at or after i.
func nextLine(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i + 1
}

// comments finds the comments of the file: a '#' at the start of a line
// or after a blank, outside quoted and block scalars (a plain scalar
// cannot hold " #").
func (y *yamlWalk) comments() {
	src := y.f.src
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '#')
		if j < 0 {
			return
		}
		j += i
		i = j + 1
		if j > 0 && src[j-1] != ' ' && src[j-1] != '\t' && src[j-1] != '\n' && src[j-1] != '\r' {
			continue
		}
		if y.skipped(j) {
			continue
		}
		e := lineEnd(src, j)
		y.f.comment(j, e, j+1, e)
		i = e
	}
}

// skipped reports whether off lies in a quoted or block scalar. The
// ranges are sorted and merged once, then searched.
func (y *yamlWalk) skipped(off int) bool {
	if !y.sorted {
		slices.SortFunc(y.skip, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
		merged := y.skip[:0]
		for _, r := range y.skip {
			if n := len(merged); n > 0 && r[0] <= merged[n-1][1] {
				merged[n-1][1] = max(merged[n-1][1], r[1])
				continue
			}
			merged = append(merged, r)
		}
		y.skip, y.sorted = merged, true
	}
	i := sort.Search(len(y.skip), func(i int) bool { return y.skip[i][1] > off })
	return i < len(y.skip) && y.skip[i][0] <= off
}

// The YAML encoders. A plain scalar takes only bytes that cannot end it
// or start a comment; the quoted styles escape what they must.
func encYAMLPlain(s string) (string, bool) {
	for i := 0; i < len(s); i++ {
		if !plainSafe(s[i]) {
			return "", false
		}
	}
	return s, true
}

// plainSafe reports a byte that can neither end a plain scalar nor
// start a comment in it.
func plainSafe(c byte) bool { return alnum(c) || strings.IndexByte("._~%+-/=&?:@", c) >= 0 }

func encYAMLSingle(s string) (string, bool) {
	for _, r := range s {
		if !yamlPrintable(r) || r == '\n' || r == '\r' {
			return "", false
		}
	}
	return strings.ReplaceAll(s, "'", "''"), true
}

func encYAMLDouble(s string) (string, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == utf8.RuneError:
			return "", false
		case r < 0x20 || !yamlPrintable(r) || r == 0x85:
			b.WriteString(`\u` + fmt4(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// yamlPrintable reports a character YAML allows in a file as it is.
func yamlPrintable(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || 0x20 <= r && r <= 0x7e || r == 0x85 ||
		0xa0 <= r && r <= 0xd7ff || 0xe000 <= r && r <= 0xfffd || 0x10000 <= r && r <= 0x10ffff
}

// fmt4 spells r in four hex digits.
func fmt4(r rune) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[r>>12&15], digits[r>>8&15], digits[r>>4&15], digits[r&15]})
}
