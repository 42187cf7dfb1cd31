package dsn

import "strings"

// parsePgURL parses a postgres:// or postgresql:// URL exactly as pgx
// v5.12.0 parseURLSettings (pgconn/parse_url.go) does, which follows
// libpq's conninfo_uri_parse_options. lib/pq v1.12.3 uses net/url instead
// and differs; see doc.go.
func parsePgURL(s string) (*DSN, error) {
	if i := strings.IndexByte(s, 0); i >= 0 {
		return nil, fail(KindURL, i, "forbidden NUL byte in connection string")
	}
	var p int
	switch {
	case strings.HasPrefix(s, "postgresql://"):
		p = len("postgresql://")
	case strings.HasPrefix(s, "postgres://"):
		p = len("postgres://")
	default:
		return nil, fail(KindURL, 0, "pgx and lib/pq read a URL only after a lower-case postgres:// or postgresql:// prefix")
	}
	d := newDSN(s, KindURL, strings.Count(s[p:], "&")+1)
	d.Scheme, d.Driver = s[:p-3], "postgres"

	p, err := pgUserinfo(d, p)
	if err != nil {
		return nil, err
	}
	var hl hostList
	p, err = hl.parse(s, p)
	if err != nil {
		return nil, err
	}
	hosts, hasHost, err := hl.decode(s, 0, "host")
	if err != nil {
		return nil, err
	}
	ports, hasPort, err := hl.decode(s, 1, "port")
	if err != nil {
		return nil, err
	}
	if p < len(s) && s[p] == '/' {
		q := indexByte(s, p+1, len(s), '?')
		if q < 0 {
			q = len(s)
		}
		if q > p+1 {
			v, _, err := libpqDecode(s, p+1, q, true, true, "database name")
			if err != nil {
				return nil, err
			}
			d.Database = v
		}
		p = q
	}
	d.Insert = InsertPoint{Offset: len(s), Sep: "?"}
	if p < len(s) && s[p] == '?' {
		if err := pgQuery(d, p+1); err != nil {
			return nil, err
		}
		d.Insert = queryInsert(s, p)
	}
	pgOverrides(d, &hosts, &hasHost, &ports, &hasPort)
	zipHosts(d, hosts, hasHost, ports, hasPort)
	return d, nil
}

// pgUserinfo reads user[:password]@ when an '@' comes before any '/',
// the libpq lookahead rule: an '@' even inside what looks like a query
// ends the user information.
func pgUserinfo(d *DSN, p int) (int, error) {
	s := d.Input
	at := p
	for at < len(s) && s[at] != '@' && s[at] != '/' {
		at++
	}
	if at == len(s) || s[at] != '@' {
		return p, nil
	}
	colon := indexByte(s, p, at, ':')
	uend := at
	if colon >= 0 {
		uend = colon
	}
	if uend > p {
		v, _, err := libpqDecode(s, p, uend, true, true, "user name")
		if err != nil {
			return 0, err
		}
		d.User = v
	}
	if colon >= 0 {
		d.HasPassword = true
		d.Password = Span{colon + 1, at}
		d.userinfo = d.Password
		if at > colon+1 {
			if _, _, err := libpqDecode(s, colon+1, at, true, true, "password"); err != nil {
				return 0, err
			}
		}
	}
	return at + 1, nil
}

// hostList holds the raw elements of a libpq netloc list
// (h1:p1,[::1]:p2,...): element i is the host and port span of one
// entry, the port span empty when the entry has none.
type hostList struct {
	n     int
	first [2]Span
	more  [][2]Span
}

func (hl *hostList) add(e [2]Span) {
	if hl.n == 0 {
		hl.first = e
	} else {
		hl.more = append(hl.more, e)
	}
	hl.n++
}

func (hl *hostList) elem(i int) [2]Span {
	if i == 0 {
		return hl.first
	}
	return hl.more[i-1]
}

// parse reads the netloc list starting at p and returns the index after it.
func (hl *hostList) parse(s string, p int) (int, error) {
	for {
		var h Span
		if p < len(s) && s[p] == '[' {
			end := indexByte(s, p, len(s), ']')
			switch {
			case end < 0:
				return 0, fail(KindURL, p, `end of string reached when looking for matching "]" in IPv6 host address in URI`)
			case end == p+1:
				return 0, fail(KindURL, p, "IPv6 host address may not be empty in URI")
			}
			h = Span{p + 1, end}
			p = end + 1
			if p < len(s) && !strings.ContainsRune(":/?,", rune(s[p])) {
				return 0, fail(KindURL, p, `unexpected character in URI (expected ":" or "/")`)
			}
		} else {
			end := netlocEnd(s, p, false)
			h = Span{p, end}
			p = end
		}
		port := Span{p, p}
		if p < len(s) && s[p] == ':' {
			end := netlocEnd(s, p+1, true)
			port = Span{p + 1, end}
			p = end
		}
		hl.add([2]Span{h, port})
		if p >= len(s) || s[p] != ',' {
			return p, nil
		}
		p++
	}
}

// netlocEnd returns the index of the first byte at or after p that ends
// a host (port is false) or a port (port is true), or len(s).
func netlocEnd(s string, p int, port bool) int {
	for ; p < len(s); p++ {
		switch s[p] {
		case '/', '?', ',':
			return p
		case ':':
			if !port {
				return p
			}
		}
	}
	return len(s)
}

// decode returns the decoded comma-joined list of the hosts (part 0) or
// ports (part 1), and whether pgx stores it: only when the joined raw
// list is not empty, so h1,h2 stores port ",". pgx decodes the joined
// list as one string, so spaces are skipped only at its two ends.
func (hl *hostList) decode(s string, part int, what string) (string, bool, error) {
	if hl.n == 0 || hl.n == 1 && hl.first[part].Len() == 0 {
		return "", false, nil
	}
	if hl.n == 1 {
		e := hl.first[part]
		v, _, err := libpqDecode(s, e.Start, e.End, true, true, what)
		return v, err == nil, errOrNil(err)
	}
	var b strings.Builder
	for i := 0; i < hl.n; i++ {
		e := hl.elem(i)[part]
		v, _, err := libpqDecode(s, e.Start, e.End, i == 0, i == hl.n-1, what)
		if err != nil {
			return "", false, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(v)
	}
	return b.String(), true, nil
}

// errOrNil converts a nil *Error to a nil error.
func errOrNil(e *Error) error {
	if e == nil {
		return nil
	}
	return e
}

// pgQuery parses the query at s[q:] as pgx parseURLQueryParams:
// '&'-separated pairs with exactly one raw '=', both halves decoded.
func pgQuery(d *DSN, q int) error {
	s := d.Input
	for q < len(s) {
		end, eq, extra := q, -1, -1
		plain := true // no '%' or ' ': the raw bytes are the value
		for ; end < len(s) && s[end] != '&'; end++ {
			switch s[end] {
			case '=':
				if eq < 0 {
					eq = end
				} else if extra < 0 {
					extra = end
				}
			case '%', ' ':
				plain = false
			}
		}
		if eq < 0 {
			return fail(KindURL, q, `missing key/value separator "=" in URI query parameter`)
		}
		if extra >= 0 {
			return fail(KindURL, extra, `extra key/value separator "=" in URI query parameter`)
		}
		if plain {
			d.Params = append(d.Params, Param{Key: s[q:eq], Value: s[eq+1 : end], KeySpan: Span{q, eq}, ValueSpan: Span{eq + 1, end}})
			q = end + 1
			continue
		}
		key, ks, err := libpqDecode(s, q, eq, true, true, "query parameter key")
		if err != nil {
			return err
		}
		val, vs, err := libpqDecode(s, eq+1, end, true, true, "query parameter value")
		if err != nil {
			if isSecretKey(key) {
				err.Msg = strings.Replace(err.Msg, "query parameter value", "password", 1)
			}
			return err
		}
		d.Params = append(d.Params, Param{Key: key, Value: val, KeySpan: ks, ValueSpan: vs})
		q = end + 1
	}
	return nil
}

// pgOverrides applies the parameters that pgx and libpq read into the
// DSN fields, last one winning. In keyword/value strings pgx skips an
// empty user.
func pgOverrides(d *DSN, hosts *string, hasHost *bool, ports *string, hasPort *bool) {
	for i := range d.Params {
		p := &d.Params[i]
		switch p.Key {
		case "host":
			*hosts, *hasHost = p.Value, true
		case "port":
			*ports, *hasPort = p.Value, true
		case "dbname", "database":
			d.Database = p.Value
		case "user":
			if p.Value != "" || d.Kind == KindURL {
				d.User = p.Value
			}
		case "password":
			d.HasPassword, d.Password = true, p.ValueSpan
		}
	}
}
