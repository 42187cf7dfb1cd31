package dsn

import (
	"net"
	"net/url"
	"strings"
)

// parseMySQL parses a go-sql-driver/mysql v1.10.1 DSN as ParseDSN does:
//
//	[user[:password]@][net[(addr)]]/dbname[?param1=value1&paramN=valueN]
//
// The last '/' ends the address, the last '@' before it ends the user
// information, and the first ':' in that splits user from password. User
// and password are not decoded. The database name is path-unescaped.
// Parameter values are query-unescaped, except for the keys the driver
// reads raw (mysqlRaw). Pairs without '=' are ignored, as the driver
// ignores them.
func parseMySQL(s string) (*DSN, error) {
	d := newDSN(s, KindMySQL, strings.Count(s, "&")+1)
	d.Driver = "mysql"
	slash := strings.LastIndexByte(s, '/')
	if slash < 0 {
		if s != "" {
			return nil, fail(KindMySQL, len(s), "invalid DSN: missing the slash separating the database name")
		}
		d.Insert = InsertPoint{Offset: 0, Sep: "/?"}
		return d, nil
	}
	netw, addr, err := mysqlAddr(d, slash)
	if err != nil {
		return nil, err
	}
	q := indexByte(s, slash+1, len(s), '?')
	dbEnd := q
	if q < 0 {
		dbEnd = len(s)
	}
	if q >= 0 {
		if err := mysqlParams(d, q+1); err != nil {
			return nil, err
		}
	}
	db, uerr := url.PathUnescape(s[slash+1 : dbEnd])
	if uerr != nil {
		return nil, fail(KindMySQL, badEscapeAt(s, slash+1, dbEnd), "invalid dbname: invalid URL escape")
	}
	d.Database = db
	if addr.Len() <= 0 && netw.Len() > 0 && !mysqlDefaultNet(s[netw.Start:netw.End]) {
		return nil, fail(KindMySQL, netw.Start, "default addr for network unknown")
	}
	if addr.Len() > 0 {
		d.Hosts = append(d.Hosts, mysqlHost(s[netw.Start:netw.End], s[addr.Start:addr.End]))
	}
	d.Insert = InsertPoint{Offset: len(s), Sep: "?"}
	if q >= 0 {
		d.Insert = queryInsert(s, q)
	}
	return d, nil
}

// mysqlAddr reads [user[:password]@][net[(addr)]] before the slash at i.
// addr is {-1, -1} when no address is written.
func mysqlAddr(d *DSN, i int) (netw, addr Span, err error) {
	s := d.Input
	addr = Span{-1, -1}
	if i == 0 {
		return Span{}, addr, nil
	}
	j := strings.LastIndexByte(s[:i], '@')
	if j >= 0 {
		k := indexByte(s, 0, j, ':')
		if k < 0 {
			k = j
		} else {
			d.HasPassword, d.Password = true, Span{k + 1, j}
		}
		d.User = s[:k]
	}
	for k := j + 1; k < i; k++ {
		if s[k] != '(' {
			continue
		}
		if s[i-1] != ')' {
			if strings.IndexByte(s[k+1:i], ')') >= 0 {
				return netw, addr, fail(KindMySQL, i, "invalid DSN: did you forget to escape a param value?")
			}
			return netw, addr, fail(KindMySQL, k, "invalid DSN: network address not terminated (missing closing brace)")
		}
		return Span{j + 1, k}, Span{k + 1, i - 1}, nil
	}
	return Span{j + 1, i}, addr, nil
}

// mysqlDefaultNet reports the networks Config.normalize has a default
// address for; any other network without an address is an error.
func mysqlDefaultNet(n string) bool { return n == "tcp" || n == "unix" }

func mysqlHost(netw, addr string) Host {
	if netw == "tcp" || netw == "" {
		if h, p, err := net.SplitHostPort(addr); err == nil {
			return Host{Name: h, Port: p}
		}
	}
	return Host{Name: addr}
}

// mysqlRaw lists the parameters whose values parseDSNParams reads
// without query-unescaping them.
var mysqlRaw = map[string]bool{
	"allowAllFiles": true, "allowCleartextPasswords": true, "allowFallbackToPlaintext": true,
	"allowNativePasswords": true, "allowOldPasswords": true, "checkConnLiveness": true,
	"clientFoundRows": true, "charset": true, "collation": true, "columnsWithAlias": true,
	"compress": true, "interpolateParams": true, "multiStatements": true, "parseTime": true,
	"timeTruncate": true, "readTimeout": true, "rejectReadOnly": true, "timeout": true,
	"writeTimeout": true, "maxAllowedPacket": true,
}

// mysqlReadsRaw reports whether the driver reads key's value v raw. tls
// is raw for a bool, "skip-verify" and "preferred", and unescaped as a
// registered config name otherwise.
func mysqlReadsRaw(key, v string) bool {
	if key == "tls" {
		_, ok := mysqlBool(v)
		lv := strings.ToLower(v)
		return ok || lv == "skip-verify" || lv == "preferred"
	}
	return mysqlRaw[key]
}

// mysqlBool is the driver's readBool.
func mysqlBool(v string) (bool, bool) {
	switch v {
	case "true", "TRUE", "True", "1":
		return true, true
	case "false", "FALSE", "False", "0":
		return false, true
	}
	return false, false
}

// mysqlParams parses the query at s[q:] as parseDSNParams.
func mysqlParams(d *DSN, q int) error {
	s := d.Input
	for q <= len(s) {
		end := indexByte(s, q, len(s), '&')
		if end < 0 {
			end = len(s)
		}
		if eq := indexByte(s, q, end, '='); eq >= 0 {
			key, raw := s[q:eq], s[eq+1:end]
			if key == "strict" {
				return fail(KindMySQL, q, "strict mode has been removed (the driver panics on this parameter)")
			}
			val := raw
			if !mysqlReadsRaw(key, raw) {
				v, err := url.QueryUnescape(raw)
				if err != nil {
					return fail(KindMySQL, badEscapeAt(s, eq+1, end), "invalid URL escape in parameter value")
				}
				val = v
			}
			d.Params = append(d.Params, Param{Key: key, Value: val, KeySpan: Span{q, eq}, ValueSpan: Span{eq + 1, end}})
		}
		q = end + 1
	}
	return nil
}

// badEscapeAt returns the offset of the first bad escape in s[lo:hi], or lo.
func badEscapeAt(s string, lo, hi int) int {
	if i := firstBadEscape(s, lo, hi); i >= 0 {
		return i
	}
	return lo
}
