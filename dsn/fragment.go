package dsn

import "strings"

// parseFragment parses a bare query fragment: an optional leading '?' or
// '&', then key=value pairs separated by '&'. Empty pairs are skipped.
// Keys and values are decoded as net/url's query decoder does ('+' is a
// space), which is how the drivers that take such fragments read them
// (go-redis, go-mssqldb, go-sqlite3, Prisma); pgx would keep a '+'. The
// fragment is stricter than a URL query, since it carries no scheme to
// prove it is one: every pair needs '=' and a key, and white space and
// control bytes are errors. known, when not nil, must accept every key.
func parseFragment(s string, known func(string) bool) (*DSN, error) {
	if i := strings.IndexFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f }); i >= 0 {
		return nil, fail(KindFragment, i, "unexpected space or control character in query fragment")
	}
	d := newDSN(s, KindFragment, strings.Count(s, "&")+1)
	lead := 0
	if s != "" && (s[0] == '?' || s[0] == '&') {
		lead = 1
	}
	for q := lead; q < len(s); {
		end := indexByte(s, q, len(s), '&')
		if end < 0 {
			end = len(s)
		}
		if end > q {
			if err := fragmentPair(d, q, end, known); err != nil {
				return nil, err
			}
		}
		q = end + 1
	}
	d.Insert = InsertPoint{Offset: len(s), Sep: "&"}
	if len(s) == lead {
		d.Insert.Sep = "" // empty, or only the leading '?' or '&'
	} else if s[len(s)-1] == '&' {
		d.Insert.Sep = ""
	}
	return d, nil
}

func fragmentPair(d *DSN, lo, hi int, known func(string) bool) error {
	s := d.Input
	eq := indexByte(s, lo, hi, '=')
	switch {
	case eq < 0:
		return fail(KindFragment, lo, `missing "=" in query parameter`)
	case eq == lo:
		return fail(KindFragment, lo, "empty key in query parameter")
	}
	key, err := queryUnescape(s[lo:eq])
	if err != nil {
		return fail(KindFragment, badEscapeAt(s, lo, eq), "invalid URL escape in query parameter key")
	}
	val, err := queryUnescape(s[eq+1 : hi])
	if err != nil {
		return fail(KindFragment, badEscapeAt(s, eq+1, hi), "invalid URL escape in query parameter value")
	}
	if known != nil && !known(key) {
		return fail(KindFragment, lo, "not a known connection parameter")
	}
	d.Params = append(d.Params, Param{Key: key, Value: val, KeySpan: Span{lo, eq}, ValueSpan: Span{eq + 1, hi}})
	return nil
}
