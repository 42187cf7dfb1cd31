package scan

import "strings"

// parseINI reads an .ini file: [section] headers, key = value or
// key: value lines, comments on lines of their own starting with ';' or
// '#', and after a value when a blank precedes the ';' or '#'. A value in
// matching double or single quotes loses them (no escapes). A value's key
// is "section.key"; it applies to tests when its section is "test" or
// "testing".
func parseINI(f *fileScan) {
	src := f.src
	section := ""
	for i := 0; i < len(src); i = nextLine(src, i) {
		i = skipBlanks(src, i)
		e := lineEnd(src, i)
		if i >= e {
			continue
		}
		switch src[i] {
		case ';', '#':
			f.comment(i, e, i+1, e)
			continue
		case '[':
			if j := strings.IndexByte(string(src[i:e]), ']'); j > 0 {
				section = strings.TrimSpace(string(src[i+1 : i+j]))
				iniTrailer(f, i+j+1, e)
			}
			continue
		}
		k := i
		for i < e && src[i] != '=' && src[i] != ':' {
			i++
		}
		if i >= e {
			continue
		}
		key := strings.TrimSpace(string(src[k:i]))
		a := skipBlanks(src, i+1)
		b := a
		for b < e && !iniComment(src, a, b) {
			b++
		}
		if b < e {
			f.comment(b, e, b+1, e)
		}
		for b > a && (src[b-1] == ' ' || src[b-1] == '\t') {
			b--
		}
		if b-a >= 2 && (src[a] == '"' || src[a] == '\'') && src[b-1] == src[a] {
			a, b = a+1, b-1
		}
		if b <= a {
			continue
		}
		name := key
		if section != "" {
			name = section + "." + key
		}
		f.value(value{t: rawText(src, a, b, encINI), key: name, test: isTestWord(section)})
	}
}

// iniComment reports a comment starting at b in a value starting at a:
// ';' or '#' after a blank.
func iniComment(src []byte, a, b int) bool {
	return (src[b] == ';' || src[b] == '#') && b > a && (src[b-1] == ' ' || src[b-1] == '\t')
}

// iniTrailer records a comment after a section header.
func iniTrailer(f *fileScan, i, e int) {
	i = skipBlanks(f.src, i)
	if i < e && (f.src[i] == ';' || f.src[i] == '#') {
		f.comment(i, e, i+1, e)
	}
}

// rawText is a literal whose bytes are the file's, without escapes.
func rawText(src []byte, a, b int, enc encoder) *text {
	var t builder
	t.grow(b - a)
	t.begin(a, enc)
	for i := a; i < b; i++ {
		t.add(src[i], i)
	}
	t.end(b)
	return t.text()
}

// encINI writes bytes as they are, refusing comment and quote characters
// and blanks at either end, which the reader would trim.
func encINI(s string) (string, bool) {
	return s, !strings.ContainsAny(s, ";#\"'\r\n") && strings.TrimSpace(s) == s
}

// parseProperties reads a Java .properties file as
// java.util.Properties.load does: comment lines start with '#' or '!';
// a line ending in an odd number of backslashes continues on the next
// (whose leading blanks are dropped); the key ends at the first
// unescaped '=', ':' or blank; the value follows blanks and at most one
// '=' or ':'; escapes are \t \n \r \f \uXXXX, and a backslash before any
// other character is that character. A value's key is the property name
// (spring.datasource.url).
func parseProperties(f *fileScan) {
	src := f.src
	for i := 0; i < len(src); {
		i = skipWS(src, i)
		if i >= len(src) {
			return
		}
		if src[i] == '#' || src[i] == '!' {
			e := lineEnd(src, i)
			f.comment(i, e, i+1, e)
			i = e
			continue
		}
		var key builder
		key.begin(i, nil)
		i = propRun(src, i, &key, true)
		key.end(i)
		i = skipPropBlanks(src, i)
		if i < len(src) && (src[i] == '=' || src[i] == ':') {
			i = skipPropBlanks(src, i+1)
		}
		var val builder
		val.begin(i, encProperties)
		i = propRun(src, i, &val, false)
		val.end(i)
		if t := val.text(); t.s != "" {
			f.value(value{t: t, key: string(key.s)})
		}
	}
}

// skipWS skips blanks and line breaks.
func skipWS(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// propRun decodes a key (stopping at an unescaped '=', ':' or blank) or a
// value (to the end of the logical line) into b and returns where it
// stopped.
func propRun(src []byte, i int, b *builder, key bool) int {
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			return i
		case key && (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f'):
			return i
		case c == '\\':
			if i+1 >= len(src) {
				return i + 1
			}
			e := src[i+1]
			switch e {
			case '\n', '\r': // a continuation: the break and the next line's blanks go
				j := i + 2
				if e == '\r' && j < len(src) && src[j] == '\n' {
					j++
				}
				j = skipPropBlanks(src, j)
				b.end(i)
				b.begin(j, b.parts[len(b.parts)-1].enc)
				i = j
				continue
			case 'u':
				if r := hex4(src, i+2); r >= 0 {
					b.esc(string(rune(r)), i)
					i += 6
					continue
				}
			}
			b.esc(string([]byte{propEscape(e)}), i)
			i += 2
		default:
			b.add(c, i)
			i++
		}
	}
	return i
}

// skipPropBlanks skips what Properties.load takes for white space within
// a line: space, tab and form feed.
func skipPropBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f') {
		i++
	}
	return i
}

func propEscape(e byte) byte {
	switch e {
	case 't':
		return '\t'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	}
	return e
}

func encProperties(s string) (string, bool) {
	if strings.ContainsAny(s, "\r\n") {
		return "", false
	}
	return strings.NewReplacer(`\`, `\\`, " ", `\ `, "\t", `\t`, "\f", `\f`).Replace(s), true
}
