package dsn

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// parseADO parses a sqlserver ADO string as go-mssqldb v1.11.2 msdsn
// splitConnectionString does. Parts are separated by ';' outside double
// quotes (a '"' anywhere toggles quoting, "" inside quotes is a quote);
// a part is key[=value], both trimmed of Unicode space; a value wrapped
// in '"' loses the quotes and "" becomes ". Keys compare
// case-insensitively. A part without '=' is a key with an empty value.
// The driver never fails here, and neither does this parser.
func parseADO(s string) (*DSN, error) {
	d := newDSN(s, KindADO, strings.Count(s, ";")+1)
	d.Driver = "sqlserver"
	start, tail, inQuote := 0, 0, false
	for i := 0; i <= len(s); i++ {
		switch {
		case i == len(s) || s[i] == ';' && !inQuote:
			adoPart(d, start, i)
			start, tail = i+1, start
		case s[i] == '"':
			if inQuote && i+1 < len(s) && s[i+1] == '"' {
				i++
			} else {
				inQuote = !inQuote
			}
		}
	}
	adoFields(d)
	// A new part goes after a ';', unless the last part is blank. Inside
	// an unterminated quote nothing can be appended without changing the
	// quoted value; the ';' is then swallowed too (documented limit).
	d.Insert = InsertPoint{Offset: len(s), Sep: ";"}
	if !inQuote && adoBlank(s[tail:]) {
		d.Insert.Sep = ""
	}
	return d, nil
}

func adoBlank(s string) bool { return strings.TrimSpace(s) == "" }

// adoPart adds the parameter in s[lo:hi], if any.
func adoPart(d *DSN, lo, hi int) {
	s := d.Input
	eq := indexByte(s, lo, hi, '=')
	kend := hi
	if eq >= 0 {
		kend = eq
	}
	klo, khi := trimUnicode(s, lo, kend)
	if khi == klo {
		return
	}
	vs := Span{hi, hi}
	if eq >= 0 {
		vlo, vhi := trimUnicode(s, eq+1, hi)
		vs = Span{vlo, vhi}
	}
	d.Params = append(d.Params, Param{
		Key:       validRunes(s[klo:khi]),
		Value:     adoUnquote(s[vs.Start:vs.End]),
		KeySpan:   Span{klo, khi},
		ValueSpan: vs,
	})
}

// trimUnicode is strings.TrimSpace on s[lo:hi], returning bounds.
func trimUnicode(s string, lo, hi int) (int, int) {
	for lo < hi {
		r, n := utf8.DecodeRuneInString(s[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		lo += n
	}
	for hi > lo {
		r, n := utf8.DecodeLastRuneInString(s[lo:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= n
	}
	return lo, hi
}

// adoRole maps the lower-case keys (and msdsn synonyms) that name the
// server, user, password and database to the DSN field they fill. The
// catalog owns the full synonym table; these are only the identity keys.
var adoRole = map[string]byte{
	"server": 's', "data source": 's', "address": 's', "network address": 's', "addr": 's',
	"port":    'p',
	"user id": 'u', "user": 'u', "uid": 'u',
	"password": 'w', "pwd": 'w',
	"database": 'd', "initial catalog": 'd',
}

// adoRoleOf looks key up in adoRole, lower-casing it as the driver does
// (strings.ToLower), without allocating for short ASCII keys.
func adoRoleOf(key string) byte {
	var buf [24]byte
	if len(key) > len(buf) {
		return adoRole[strings.ToLower(key)]
	}
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c >= 0x80:
			return adoRole[strings.ToLower(key)]
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return adoRole[string(buf[:len(key)])]
}

// adoFields fills Hosts, User, Password and Database, the last setting
// winning as in the driver's map. A server value may carry a protocol
// prefix (tcp:) and a ",port" suffix.
func adoFields(d *DSN) {
	var host Host
	hasHost := false
	for _, p := range d.Params {
		switch adoRoleOf(p.Key) {
		case 's':
			host.Name, hasHost = p.Value, true
			host.Name = strings.TrimPrefix(host.Name, "tcp:")
			host.Name = strings.TrimPrefix(host.Name, "admin:")
			if h, port, ok := strings.Cut(host.Name, ","); ok && port != "" && !strings.Contains(port, ",") {
				host.Name, host.Port = h, port
			}
		case 'p':
			host.Port = p.Value
		case 'u':
			d.User = p.Value
		case 'w':
			d.HasPassword, d.Password = true, p.ValueSpan
		case 'd':
			d.Database = p.Value
		}
	}
	if hasHost || host.Port != "" {
		d.Hosts = append(d.Hosts, host)
	}
}
