package scan

import "strings"

// parseEnv reads a .env file as dotenv (Node's dotenv, which Prisma and
// most JS tools load) and docker compose read it:
//
//	# a comment
//	export KEY=value         # "export " is optional; so is space around '='
//	KEY="double quoted\n"    # may span lines; \n \r \t \" \\ \$ are escapes
//	KEY='single quoted'      # literal; may span lines
//	KEY=`backtick quoted`    # literal (dotenv)
//	KEY=unquoted value       # ends at '#' or the end of the line, trimmed
//
// ${VAR} and $VAR in unquoted and double-quoted values are expanded by
// dotenv-expand and compose: they are not constant. A line without '='
// is ignored, as dotenv ignores it.
func parseEnv(f *fileScan) {
	src := f.src
	for i := 0; i < len(src); {
		i = skipBlanks(src, i)
		if i >= len(src) {
			break
		}
		switch src[i] {
		case '\n', '\r':
			i++
			continue
		case '#':
			e := lineEnd(src, i)
			f.comment(i, e, i+1, e)
			i = e
			continue
		}
		i = envLine(f, i)
	}
}

// envLine reads one assignment starting at i and returns where the next
// line starts.
func envLine(f *fileScan, i int) int {
	src := f.src
	if rest := string(src[i:min(len(src), i+7)]); strings.HasPrefix(rest, "export") && len(rest) == 7 && (rest[6] == ' ' || rest[6] == '\t') {
		i = skipBlanks(src, i+7)
	}
	k := i
	for i < len(src) && envKeyByte(src[i]) {
		i++
	}
	key := string(src[k:i])
	i = skipBlanks(src, i)
	if key == "" || i >= len(src) || src[i] != '=' && src[i] != ':' {
		return lineEnd(src, i)
	}
	i = skipBlanks(src, i+1)
	if i < len(src) {
		switch q := src[i]; q {
		case '"', '\'', '`':
			if t, end, ok := envQuoted(src, i); ok {
				f.value(value{t: t, key: key})
				return envTrailer(f, end)
			}
		}
	}
	// Unquoted: to '#' or the end of the line, trailing blanks trimmed.
	e := i
	for e < len(src) && src[e] != '#' && src[e] != '\n' && src[e] != '\r' {
		e++
	}
	v := e
	for v > i && (src[v-1] == ' ' || src[v-1] == '\t') {
		v--
	}
	if v > i {
		f.value(value{t: envText(src, i, v, encEnvBare, false, true), key: key})
	}
	return envTrailer(f, e)
}

// envTrailer reads what may follow a value: blanks and a comment.
func envTrailer(f *fileScan, i int) int {
	src := f.src
	i = skipBlanks(src, i)
	if i < len(src) && src[i] == '#' {
		e := lineEnd(src, i)
		f.comment(i, e, i+1, e)
		return e
	}
	return lineEnd(src, i)
}

// envQuoted reads a quoted value starting at the quote at i; it returns
// false when the quote is not closed, and the value is then read bare.
func envQuoted(src []byte, i int) (*text, int, bool) {
	q := src[i]
	j := i + 1
	for j < len(src) && src[j] != q {
		if q == '"' && src[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(src) {
		return nil, 0, false
	}
	switch q {
	case '"':
		return envText(src, i+1, j, encEnvDouble, true, true), j + 1, true
	case '\'':
		return envText(src, i+1, j, encEnvSingle, false, false), j + 1, true
	}
	return envText(src, i+1, j, encEnvBacktick, false, false), j + 1, true
}

// envText decodes src[a:b]: escapes when double-quoted, ${VAR} and $VAR
// as holes when expand is set.
func envText(src []byte, a, b int, enc encoder, double, expand bool) *text {
	var t builder
	t.grow(b - a)
	t.begin(a, enc)
	for i := a; i < b; {
		c := src[i]
		switch {
		case double && c == '\\' && i+1 < b:
			if r, ok := envEscapes[src[i+1]]; ok {
				t.esc(r, i)
				i += 2
				continue
			}
		case expand && c == '$' && i+1 < b && (src[i+1] == '{' || envKeyStart(src[i+1])):
			e := i + 1
			if src[e] == '{' {
				for e < b && src[e] != '}' {
					e++
				}
				e = min(e+1, b)
			} else {
				for e < b && keyByte(src[e]) {
					e++
				}
			}
			t.end(i)
			t.hole(i, e)
			t.begin(e, enc)
			i = e
			continue
		}
		t.add(c, i)
		i++
	}
	t.end(b)
	return t.text()
}

var envEscapes = map[byte]string{'n': "\n", 'r': "\r", 't': "\t", '"': "\"", '\\': "\\", '$': "$"}

// The .env encoders refuse what the readers disagree about, and write
// the rest as it is. A fix writes numbers, durations and words.
func encEnvBare(s string) (string, bool) {
	return s, !strings.ContainsAny(s, " \t\r\n#\"'`$\\")
}

func encEnvDouble(s string) (string, bool) {
	if strings.ContainsAny(s, "\r\n$`") {
		return "", false
	}
	return strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s), true
}

func encEnvSingle(s string) (string, bool)   { return s, !strings.ContainsAny(s, "'\r\n") }
func encEnvBacktick(s string) (string, bool) { return s, !strings.ContainsAny(s, "`\r\n") }

func envKeyByte(c byte) bool  { return keyByte(c) || c == '.' || c == '-' }
func envKeyStart(c byte) bool { return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func skipBlanks(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	return i
}

// lineEnd returns the offset of the line break at or after i (before a
// "\r\n"), or len(src).
func lineEnd(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	if i > 0 && i <= len(src) && src[i-1] == '\r' && i < len(src) {
		return i - 1
	}
	return i
}
