package dsn

import "strings"

// parseKV parses a libpq keyword/value string exactly as pgx v5.12.0
// parseKeywordValueSettings (pgconn/config.go) does: pairs separated by
// ASCII white space, spaces allowed around '=', values bare or
// single-quoted, a backslash taking the next byte literally.
func parseKV(s string) (*DSN, error) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return nil, fail(KindKeyValue, i, "forbidden NUL byte in connection string")
	}
	d := newDSN(s, KindKeyValue, strings.Count(s, "="))
	d.Driver = "postgres"
	dangling := false
	for i := skipSpace(s, 0); i < len(s); {
		eq := indexByte(s, i, len(s), '=')
		if eq < 0 {
			return nil, fail(KindKeyValue, i, "invalid keyword/value")
		}
		klo, khi := trimSpace(s, i, eq)
		for j := klo; j < khi; j++ {
			if isSpace(s[j]) {
				return nil, fail(KindKeyValue, j, `missing "=" after keyword in connection info string`)
			}
		}
		var vs Span
		var err *Error
		vs, dangling, err = kvValue(s, skipSpace(s, eq+1))
		if err != nil {
			return nil, err
		}
		if khi == klo {
			return nil, fail(KindKeyValue, eq, "invalid keyword/value")
		}
		d.Params = append(d.Params, Param{Key: s[klo:khi], Value: kvDecode(s, vs), KeySpan: Span{klo, khi}, ValueSpan: vs})
		i = skipSpace(s, vs.End)
	}
	var hosts, ports string
	var hasHost, hasPort bool
	pgOverrides(d, &hosts, &hasHost, &ports, &hasPort)
	zipHosts(d, hosts, hasHost, ports, hasPort)
	d.Insert = kvInsert(d, dangling)
	return d, nil
}

// kvValue returns the raw span of the value starting at v, quotes
// included, and whether it is bare and ends in a backslash that escapes
// the end of the input.
func kvValue(s string, v int) (Span, bool, *Error) {
	if v == len(s) {
		return Span{v, v}, false, nil
	}
	if s[v] != '\'' {
		end := v
		for ; end < len(s) && !isSpace(s[end]); end++ {
			if s[end] == '\\' {
				if end++; end == len(s) {
					return Span{v, end}, true, nil
				}
			}
		}
		return Span{v, end}, false, nil
	}
	for end := v + 1; end < len(s); end++ {
		switch s[end] {
		case '\'':
			return Span{v, end + 1}, false, nil
		case '\\':
			end++
		}
	}
	return Span{}, false, fail(KindKeyValue, v, "unterminated quoted string in connection info string")
}

func kvDecode(s string, vs Span) string {
	if vs.Len() > 0 && s[vs.Start] == '\'' {
		return kvUnescape(s[vs.Start+1 : vs.End-1])
	}
	return kvUnescape(s[vs.Start:vs.End])
}

// kvInsert returns where a new pair goes: after the last value, with a
// space unless white space already ends the input. Two cases need care.
// A bare empty last value would swallow the new pair (host= k=v reads
// host as "k=v"), so the separator is "” ". A bare last value that ends
// in a backslash escaping the end of the input would escape the
// separator, so the pair goes before that backslash and Add removes it;
// it contributes nothing to the value.
func kvInsert(d *DSN, dangling bool) InsertPoint {
	s := d.Input
	if len(d.Params) == 0 {
		return InsertPoint{Offset: len(s)}
	}
	vs := d.Params[len(d.Params)-1].ValueSpan
	off := len(s)
	if dangling {
		off = vs.End - 1
	}
	switch {
	case off == vs.Start:
		return InsertPoint{Offset: off, Sep: "'' "}
	case !dangling && vs.End < len(s):
		return InsertPoint{Offset: off}
	}
	return InsertPoint{Offset: off, Sep: " "}
}
