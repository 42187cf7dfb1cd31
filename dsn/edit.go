package dsn

import (
	"net/url"
	"strings"
)

// encode writes value v of key as the grammar needs it.
func (d *DSN) encode(key, v string) string {
	switch d.Kind {
	case KindKeyValue:
		return kvQuote(v)
	case KindADO:
		return adoQuote(v)
	case KindMySQL:
		if mysqlReadsRaw(key, v) {
			return v // the driver does not unescape these; see mysqlRaw
		}
		return url.QueryEscape(v)
	}
	return pctEncode(v)
}

// encodeKey writes a new key. Only URL-style grammars decode keys.
func (d *DSN) encodeKey(key string) string {
	if d.Kind == KindURL || d.Kind == KindFragment {
		return pctEncode(key)
	}
	return key
}

// hasEquals reports whether p is written with '=' (a URL query or ADO
// part may hold a bare key).
func (d *DSN) hasEquals(p Param) bool {
	return strings.IndexByte(d.Input[p.KeySpan.End:p.ValueSpan.Start], '=') >= 0
}

// lower is strings.ToLower without the allocation for lower-case ASCII.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}

// queryInsert is the insert point at the end of s, whose query starts
// with the '?' at q: "&" after a pair, nothing after the bare '?' or a
// trailing '&'.
func queryInsert(s string, q int) InsertPoint {
	if len(s) == q+1 || s[len(s)-1] == '&' {
		return InsertPoint{Offset: len(s)}
	}
	return InsertPoint{Offset: len(s), Sep: "&"}
}

// failed is the edit SetValue and Add return when they cannot write the
// change safely.
var failed = Edit{Start: -1, End: -1}

// verify re-parses the edited input and returns e when parameter i then
// reads key=value and every other parameter reads as before; failed
// otherwise. It guards rare inputs where a removed byte shifts the
// grammar's structure (a '/' in a value that stopped pgx's '@' lookahead).
func (d *DSN) verify(e Edit, i int, key, value string) Edit {
	d2, err := ParseAs(e.Apply(d.Input), d.Kind)
	if err == nil && d.pragmas {
		d2.ExpandPragmas()
	}
	if err != nil || len(d2.Params) < len(d.Params) || len(d2.Params) > len(d.Params)+1 || i >= len(d2.Params) {
		return failed
	}
	if p := d2.Params[i]; !d.sameKey(p.Key, key) || p.Value != value {
		return failed
	}
	for j, p := range d.Params {
		if j != i && (d2.Params[j].Key != p.Key || d2.Params[j].Value != p.Value) {
			return failed
		}
	}
	return e
}
