package dsn

import "strings"

// detectors are tried in order; the first that matches names the grammar.
// They look at shape only; Parse then holds the text to its grammar and
// to plausible keys.
var detectors = []struct {
	kind  Kind
	match func(string) bool
}{
	{KindURL, knownScheme},        // postgres://, redis://, ...
	{KindUnknown, anyScheme},      // http://, mongodb://, file://
	{KindFragment, queryLead},     // ?a=1, &a=1
	{KindADO, looksADO},           // server=h;user id=u
	{KindMySQL, looksMySQL},       // u:p@tcp(h:3306)/db
	{KindFragment, looksFragment}, // a=1&b=2
	{KindKeyValue, looksKeyValue}, // host=h dbname=d
}

func knownScheme(s string) bool {
	name, _ := urlScheme(s)
	return name != "" && lookupScheme(name) != nil
}

func anyScheme(s string) bool {
	name, _ := urlScheme(s)
	return name != ""
}

func queryLead(s string) bool { return s != "" && (s[0] == '?' || s[0] == '&') }

// looksADO: a ';' outside quotes, and every non-blank part is key=value
// with a key of letters, digits, spaces and underscores.
func looksADO(s string) bool {
	if !strings.Contains(s, ";") {
		return false
	}
	d, _ := parseADO(s)
	if len(d.Params) < 1 {
		return false
	}
	for _, p := range d.Params {
		if !adoKey(p.Key) || strings.IndexByte(s[p.KeySpan.End:p.ValueSpan.Start], '=') < 0 {
			return false
		}
	}
	return true
}

// looksMySQL: a '/' after user@ or net(addr), with no white space
// before it, and a network name of letters, digits and underscores.
func looksMySQL(s string) bool {
	slash := strings.LastIndexByte(s, '/')
	if slash <= 0 || strings.ContainsAny(s[:slash], " \t\r\n") {
		return false
	}
	left := s[:slash]
	at := strings.LastIndexByte(left, '@')
	netw := left[at+1:]
	if i := strings.IndexByte(netw, '('); i >= 0 {
		if !strings.HasSuffix(netw, ")") {
			return false
		}
		netw = netw[:i]
	} else if at < 0 {
		return false
	}
	return identOf(netw, false)
}

// looksFragment: no white space, a '&', and key=value pairs.
func looksFragment(s string) bool {
	if !strings.Contains(s, "&") || strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	for _, pair := range strings.Split(s, "&") {
		k, _, ok := strings.Cut(pair, "=")
		if pair != "" && (!ok || !identOf(k, true)) {
			return false
		}
	}
	return true
}

// looksKeyValue: the text starts with keyword =, and is not a query
// string that failed looksFragment (a '&' and no white space).
func looksKeyValue(s string) bool {
	if strings.Contains(s, "&") && !strings.ContainsAny(s, " \t\r\n") {
		return false
	}
	i := skipSpace(s, 0)
	eq := indexByte(s, i, len(s), '=')
	if eq < 0 {
		return false
	}
	lo, hi := trimSpace(s, i, eq)
	return identOf(s[lo:hi], true)
}

// identOf reports whether s is letters, digits and '_' (and '.', as in
// custom server settings, when dots is set), not starting with a digit.
// The empty string counts only when dots is not set.
func identOf(s string, dots bool) bool {
	if s == "" {
		return !dots
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_':
		case '0' <= c && c <= '9' || dots && c == '.':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// adoKey reports whether k looks like an ADO keyword: letters, digits,
// spaces and underscores, starting with a letter.
func adoKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case ('0' <= c && c <= '9' || c == ' ' || c == '_') && i > 0:
		default:
			return false
		}
	}
	return k != ""
}

// plausible holds a parsed DSN to the keys a connection string can have,
// so that prose that happens to parse ("a=b", "x=1 y=2" in a log format)
// is not taken for one. URLs and MySQL DSNs prove themselves by shape.
func plausible(d *DSN) (int, bool) {
	for _, p := range d.Params {
		ok := true
		switch d.Kind {
		case KindKeyValue, KindFragment:
			ok = identOf(p.Key, true)
		case KindADO:
			ok = adoKey(p.Key)
		}
		if !ok {
			return p.KeySpan.Start, false
		}
	}
	return 0, len(d.Params) > 0 || d.Kind == KindURL || d.Kind == KindMySQL
}
