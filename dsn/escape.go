package dsn

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// libpqDecode decodes s[lo:hi] as libpq's conninfo_uri_decode does (pgx
// parse_url.go uriDecode): %XX only, %00 forbidden, '+' literal, leading
// and trailing spaces skipped, interior spaces rejected. lead and trail
// say whether spaces may be skipped at each end, which is false inside a
// host or port list that pgx decodes as a whole. It returns the value,
// the span without the skipped spaces, and an error naming what.
func libpqDecode(s string, lo, hi int, lead, trail bool, what string) (string, Span, *Error) {
	vlo, vhi := lo, hi
	if lead {
		vlo = skipBlank(s, lo, hi)
	}
	if trail {
		for vhi > vlo && s[vhi-1] == ' ' {
			vhi--
		}
	}
	sp := Span{vlo, vhi}
	plain := true
	for i := vlo; i < vhi; i++ {
		switch s[i] {
		case ' ':
			return "", sp, fail(KindURL, i, "unexpected spaces found in "+what+", use percent-encoded spaces (%20) instead")
		case '%':
			if plain = false; !validEscape(s, i, vhi) {
				return "", sp, fail(KindURL, i, "invalid percent-encoded token in "+what)
			}
			if s[i+1] == '0' && s[i+2] == '0' {
				return "", sp, fail(KindURL, i, "forbidden value %00 in percent-encoded value in "+what)
			}
			i += 2
		}
	}
	if plain {
		return s[vlo:vhi], sp, nil
	}
	return pctDecode(s[vlo:vhi], false), sp, nil
}

func skipBlank(s string, lo, hi int) int {
	for lo < hi && s[lo] == ' ' {
		lo++
	}
	return lo
}

func validEscape(s string, i, hi int) bool {
	if i+2 >= hi {
		return false
	}
	_, ok1 := unhex(s[i+1])
	_, ok2 := unhex(s[i+2])
	return ok1 && ok2
}

// pctDecode decodes valid %XX escapes, and '+' as a space when plus is
// set. Invalid escapes pass through; callers validate first.
func pctDecode(s string, plus bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && validEscape(s, i, len(s)):
			hi, _ := unhex(s[i+1])
			lo, _ := unhex(s[i+2])
			c = hi<<4 | lo
			i += 2
		case c == '+' && plus:
			c = ' '
		}
		b.WriteByte(c)
	}
	return b.String()
}

// firstBadEscape returns the offset of the first '%' in s[lo:hi] that is
// not followed by two hex digits, or -1.
func firstBadEscape(s string, lo, hi int) int {
	for i := lo; i < hi; i++ {
		if s[i] == '%' && !validEscape(s, i, hi) {
			return i
		}
	}
	return -1
}

// queryUnescape is url.QueryUnescape that returns a substring when
// nothing is escaped.
func queryUnescape(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, nil
	}
	return url.QueryUnescape(s)
}

// pctEncode percent-encodes every byte but the RFC 3986 unreserved ones,
// which every URL decoder in play reads back unchanged: libpq's, net/url's
// query and path decoders, and the fragment decoder.
func pctEncode(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s)+2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b = append(b, c)
			continue
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	return string(b)
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// kvUnescape applies libpq's backslash rule to a keyword/value value: a
// backslash is dropped and the byte after it taken literally; a trailing
// backslash is dropped.
func kvUnescape(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			if i++; i == len(s) {
				break
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// kvQuote writes v as a keyword/value value: bare when pgx and lib/pq
// both read it back unchanged, else single-quoted with ' and \ escaped.
func kvQuote(v string) string {
	if v != "" && !strings.ContainsFunc(v, kvSpecial) {
		return v
	}
	var b strings.Builder
	b.Grow(len(v) + 4)
	b.WriteByte('\'')
	for i := 0; i < len(v); i++ {
		if v[i] == '\'' || v[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('\'')
	return b.String()
}

// kvSpecial reports runes that a bare value cannot hold: quotes,
// backslashes and white space (lib/pq splits on Unicode spaces too).
func kvSpecial(r rune) bool {
	return r == '\'' || r == '\\' || unicode.IsSpace(r) || r == utf8.RuneError
}

// adoUnquote decodes an ADO value as msdsn splitConnectionString does:
// "..." loses its quotes and "" becomes ".
func adoUnquote(v string) string {
	if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
		v = strings.ReplaceAll(v[1:len(v)-1], `""`, `"`)
	}
	return validRunes(v)
}

// validRunes mirrors msdsn's []rune round trip: each invalid UTF-8 byte
// becomes U+FFFD.
func validRunes(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return string([]rune(s))
}

// adoQuote writes v as an ADO value, double-quoting it when it holds a
// ';' or '"', or white space at either end.
func adoQuote(v string) string {
	if !strings.ContainsAny(v, `;"`) && strings.TrimSpace(v) == v {
		return v
	}
	return `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
}
