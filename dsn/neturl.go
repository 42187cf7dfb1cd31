package dsn

import (
	"errors"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// netParts is a URL as net/url reads it: url.Parse for validation and
// decoded parts, plus the byte offsets of the parts this package edits.
type netParts struct {
	u        *url.URL
	userinfo Span // before the last '@' of the authority; Start -1 when absent
	host     Span // after it, up to the path
	query    int  // index of the '?' that starts the query, or -1
	end      int  // index of the '#' that starts the fragment, or len(input)
}

// parseNetURL parses a URL the way drivers built on net/url read it
// (go-redis, go-mssqldb, and tools that take mysql:// or prisma:// URLs):
// url.Parse decides validity and decodes, and url.Query's rules split
// the query: '&'-separated pairs, '+' is a space, pairs with a ';' or a
// bad escape are dropped, a pair without '=' has an empty value.
func parseNetURL(s string, sc *scheme) (*DSN, error) {
	np, err := splitNetURL(s)
	if err != nil {
		return nil, err
	}
	d := newDSN(s, KindURL, strings.Count(s, "&")+1)
	d.Scheme, d.Driver = np.u.Scheme, sc.driver
	if ui := np.u.User; ui != nil {
		d.User = ui.Username()
		if _, ok := ui.Password(); ok {
			colon := indexByte(s, np.userinfo.Start, np.userinfo.End, ':')
			d.HasPassword, d.Password = true, Span{colon + 1, np.userinfo.End}
			d.userinfo = d.Password
		}
	}
	netQuery(d, np)
	d.Insert = InsertPoint{Offset: np.end, Sep: "?"}
	if np.query >= 0 {
		d.Insert = queryInsert(s[:np.end], np.query)
	}
	if err := sc.fields(d, np); err != nil {
		return nil, err
	}
	return d, nil
}

// splitNetURL runs url.Parse and finds the offsets of the parts.
func splitNetURL(s string) (*netParts, error) {
	np := &netParts{userinfo: Span{-1, -1}, query: -1, end: len(s)}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		np.end = i
	}
	_, colon := urlScheme(s)
	a := colon + 3
	np.query = indexByte(s, a, np.end, '?')
	rest := np.end
	if np.query >= 0 {
		rest = np.query
	}
	aend := indexByte(s, a, rest, '/')
	if aend < 0 {
		aend = rest
	}
	np.host = Span{a, aend}
	if at := strings.LastIndexByte(s[a:aend], '@'); at >= 0 {
		np.userinfo = Span{a, a + at}
		np.host.Start = a + at + 1
	}
	u, err := url.Parse(s)
	if err != nil {
		return nil, netURLError(s, np, err)
	}
	np.u = u
	return np, nil
}

// netURLError turns a url.Parse error into an *Error that points at the
// part at fault. It never repeats the error text, which quotes the URL.
func netURLError(s string, np *netParts, err error) *Error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var esc url.EscapeError
	var ihe url.InvalidHostError
	msg := err.Error()
	switch {
	case strings.Contains(msg, "control character"):
		return fail(KindURL, strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }), "invalid control character in URL")
	case strings.Contains(msg, "invalid userinfo"):
		return fail(KindURL, np.userinfo.Start, "invalid character in user information")
	case errors.As(err, &esc):
		return fail(KindURL, badEscapeIn(s, np), "invalid URL escape")
	case errors.As(err, &ihe):
		return fail(KindURL, np.host.Start, "invalid character in host name")
	case strings.Contains(msg, "port"):
		return fail(KindURL, np.host.Start+strings.LastIndexByte(s[np.host.Start:np.host.End], ':'), "invalid port after host")
	case strings.Contains(msg, "host") || strings.Contains(msg, "IP-literal"):
		return fail(KindURL, np.host.Start, "invalid host")
	}
	return fail(KindURL, 0, "invalid URL")
}

// badEscapeIn finds the '%' that url.Parse rejected: a malformed escape,
// or an escaped ASCII byte in the host.
func badEscapeIn(s string, np *netParts) int {
	if i := firstBadEscape(s, 0, len(s)); i >= 0 {
		return i
	}
	for i := np.host.Start; i+2 < np.host.End; i++ {
		if s[i] == '%' && s[i+1] < '8' && s[i:i+3] != "%25" {
			return i
		}
	}
	return np.host.Start
}

// netQuery adds the query parameters as url.Query reads them.
func netQuery(d *DSN, np *netParts) {
	if np.query < 0 {
		return
	}
	s := d.Input
	q, end := np.query+1, np.end
	if strings.Count(s[q:end], "&")+1 > 10000 {
		return // url.ParseQuery's limit: Query() then returns no values
	}
	for q <= end {
		pe := indexByte(s, q, end, '&')
		if pe < 0 {
			pe = end
		}
		if pe > q && indexByte(s, q, pe, ';') < 0 {
			netPair(d, q, pe)
		}
		q = pe + 1
	}
}

func netPair(d *DSN, lo, hi int) {
	s := d.Input
	eq := indexByte(s, lo, hi, '=')
	kend, vs := hi, Span{hi, hi}
	if eq >= 0 {
		kend, vs = eq, Span{eq + 1, hi}
	}
	key, err := queryUnescape(s[lo:kend])
	if err != nil {
		return
	}
	val, err := queryUnescape(s[vs.Start:vs.End])
	if err != nil {
		return
	}
	d.Params = append(d.Params, Param{Key: key, Value: val, KeySpan: Span{lo, kend}, ValueSpan: vs})
}

// lastParam returns the value of the last parameter named key.
func lastParam(d *DSN, key string) (string, bool) {
	for i := len(d.Params) - 1; i >= 0; i-- {
		if d.sameKey(d.Params[i].Key, key) {
			return d.Params[i].Value, true
		}
	}
	return "", false
}

func urlHost(d *DSN, u *url.URL) {
	if u.Host != "" {
		d.Hosts = append(d.Hosts, Host{Name: u.Hostname(), Port: u.Port()})
	}
}

// pathDatabase: host:port, and the path names the database.
func pathDatabase(d *DSN, np *netParts) error {
	urlHost(d, np.u)
	d.Database = strings.TrimPrefix(np.u.Path, "/")
	return nil
}

// redisTCP follows go-redis setupTCPConn and setupClusterConn: the path
// is an optional database number, a db parameter overrides it, and each
// addr parameter (ParseClusterURL) adds a host.
func redisTCP(d *DSN, np *netParts) error {
	urlHost(d, np.u)
	f := strings.FieldsFunc(np.u.Path, func(r rune) bool { return r == '/' })
	switch len(f) {
	case 0:
	case 1:
		if _, err := strconv.Atoi(f[0]); err != nil {
			return fail(KindURL, np.host.End, "redis: invalid database number")
		}
		d.Database = f[0]
	default:
		return fail(KindURL, np.host.End, "redis: invalid URL path")
	}
	redisParams(d)
	return nil
}

// redisUnix follows go-redis setupUnixConn: the path is the socket.
func redisUnix(d *DSN, np *netParts) error {
	if strings.TrimSpace(np.u.Path) == "" {
		return fail(KindURL, np.host.End, "redis: empty unix socket path")
	}
	d.Hosts = append(d.Hosts, Host{Name: np.u.Path})
	redisParams(d)
	return nil
}

func redisParams(d *DSN) {
	if v, _ := lastParam(d, "db"); v != "" {
		d.Database = v
	}
	for _, p := range d.Params {
		if p.Key == "addr" {
			h, port, err := net.SplitHostPort(p.Value)
			if err != nil {
				h = p.Value
			}
			d.Hosts = append(d.Hosts, Host{Name: h, Port: port})
		}
	}
}

// mssqlURL follows go-mssqldb splitConnectionStringURL: the path names
// the instance (kept in the host name as host\instance, as the driver
// builds its server value), the database is a parameter, and a key
// given twice, in any case, is an error, also against the keys the URL
// itself sets (user id, password, server, port).
func mssqlURL(d *DSN, np *netParts) error {
	u := np.u
	name := u.Hostname()
	if u.Path != "" {
		name += `\` + u.Path[1:]
	}
	d.Hosts = append(d.Hosts, Host{Name: name, Port: u.Port()})
	seen := map[string]bool{"server": true}
	if u.User != nil {
		seen["user id"] = true
		if d.HasPassword {
			seen["password"] = true
		}
	}
	if u.Port() != "" {
		seen["port"] = true
	}
	for _, p := range d.Params {
		k := strings.ToLower(p.Key)
		if seen[k] {
			return fail(KindURL, p.KeySpan.Start, "key provided more than once (connection string keys are case-insensitive)")
		}
		seen[k] = true
		if k == "database" {
			d.Database = p.Value
		}
	}
	return nil
}
