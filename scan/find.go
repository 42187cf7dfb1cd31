package scan

import (
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

// A value is a string that a file assigns, as a format parser found it.
type value struct {
	t     *text
	key   string         // the name it is assigned to: env var, YAML/JSON/TOML key, JS variable or property
	keyed bool           // the format says it is a connection string (a Prisma datasource url)
	test  bool           // the format knows it applies to tests only (a NODE_ENV guard, a "test" section)
	hint  catalog.Driver // the driver the format implies (Prisma for .prisma files), or ""
	use   [2]int         // JS: the file bytes of the code that builds it
	name  string         // JS: what it is assigned to, or the function that returns it, for messages
}

// parsed is a DSN read from a value; t is the part of the value it
// covers (the whole value, a query fragment at its end, or a URL inside
// a command line).
type parsed struct {
	t *text
	d *dsn.DSN
}

// dsnsOf returns the connection strings a value holds, deciding as the
// Go analyzer does how sure it must be:
//
//   - a URL with a scheme the catalog knows counts anywhere;
//   - under a connection-string name (DATABASE_URL, dsn, ...) every
//     grammar counts: keyword/value, MySQL, ADO, and fragments whose keys
//     drivers read;
//   - after a part that is not constant (process.env.X + "?...",
//     `${url}?...`, ${VAR}?... in .env), the constant tail counts as a
//     query fragment when it starts with '?' or '&', every key is one a
//     driver reads and one at least is a pool, timeout or TLS key;
//   - a whole value that starts with '?' or '&' counts as a fragment
//     when every key is a pool, timeout or TLS key;
//   - otherwise, URLs of a known scheme inside a longer text (a command
//     line in package.json scripts or a CI step) count one by one.
func dsnsOf(v value) []parsed {
	t := v.t
	if len(t.parts) == 0 || t.s == "" {
		return nil
	}
	keyed := v.keyed || connKey(v.key)
	if !t.parts[0].hole || keyed {
		if d, err := dsn.Parse(t.s); err == nil && accept(d, keyed) {
			return []parsed{{t, d}}
		}
	}
	if p := fragmentTail(t); p != nil {
		return []parsed{*p}
	}
	return embedded(t)
}

// accept reports whether a parsed DSN counts where it was found.
func accept(d *dsn.DSN, keyed bool) bool {
	switch d.Kind {
	case dsn.KindURL:
		_, known := catalog.ForScheme(d.Scheme)
		return known || keyed
	case dsn.KindFragment:
		lead := d.Input != "" && (d.Input[0] == '?' || d.Input[0] == '&')
		return (keyed || lead) && allKeys(d, catalog.FragmentKey)
	}
	return keyed
}

// fragmentTail reads the constant tail of a value that starts with a
// part that is not constant as a query fragment.
func fragmentTail(t *text) *parsed {
	tail := t.tail()
	if tail == 0 || tail == len(t.s) || t.s[tail] != '?' && t.s[tail] != '&' {
		return nil
	}
	u := t.slice(tail, len(t.s))
	d, err := dsn.ParseFragment(u.s, readKey)
	if err != nil || len(d.Params) == 0 || !anyKey(d, catalog.FragmentKey) {
		return nil
	}
	return &parsed{u, d}
}

// embedded finds URLs of a known scheme inside a longer text: from the
// scheme, which must not follow a letter, digit or ':' (jdbc:postgresql://
// is a JDBC URL, read by other drivers), to white space or a quote.
func embedded(t *text) []parsed {
	var out []parsed
	for i := 0; i < len(t.s); {
		j := strings.Index(t.s[i:], "://")
		if j < 0 {
			break
		}
		j += i
		k := j
		for k > 0 && schemeByte(t.s[k-1]) {
			k--
		}
		i = j + 3
		if k == j || k > 0 && (t.s[k-1] == ':' || alnum(t.s[k-1])) {
			continue
		}
		if _, ok := catalog.ForScheme(t.s[k:j]); !ok {
			continue
		}
		e := i
		for e < len(t.s) && !urlStop(t.s[e]) {
			e++
		}
		u := t.slice(k, e)
		if d, err := dsn.Parse(u.s); err == nil && d.Kind == dsn.KindURL {
			out = append(out, parsed{u, d})
		}
		i = e
	}
	return out
}

func urlStop(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v', '"', '\'', '`', '<', '>':
		return true
	}
	return false
}

func schemeByte(c byte) bool { return alnum(c) || c == '+' || c == '-' || c == '.' }

func alnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func allKeys(d *dsn.DSN, known func(string) bool) bool {
	for _, p := range d.Params {
		if !known(p.Key) {
			return false
		}
	}
	return len(d.Params) > 0
}

func anyKey(d *dsn.DSN, known func(string) bool) bool {
	for _, p := range d.Params {
		if known(p.Key) {
			return true
		}
	}
	return false
}

// readKey reports whether any driver reads key: a pool, timeout or TLS
// knob, or a key the catalog lists as read but not modelled (schema,
// sslcert, application_name, ...).
func readKey(key string) bool { return catalog.FragmentKey(key) || keys().other[strings.ToLower(key)] }

// connKey reports whether a name says its value is a connection string:
// it holds dsn, connection string or conn str, or a database word
// (db, database, datasource, postgres, pg, mysql, redis, sql, mongo...)
// together with url, uri or connection. Case, '_', '-' and '.' are
// ignored: DATABASE_URL, databaseUrl, spring.datasource.url, db-uri.
func connKey(name string) bool {
	if name == "" {
		return false
	}
	n := normName(name)
	for _, w := range connWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	db := false
	for _, w := range dbWords {
		if strings.Contains(n, w) {
			db = true
			break
		}
	}
	if !db {
		return false
	}
	for _, w := range locWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

var (
	connWords = []string{"dsn", "connectionstring", "connstring", "connstr"}
	dbWords   = []string{"db", "database", "datasource", "postgres", "pg", "mysql", "mariadb", "redis", "sql", "prisma", "cache"}
	locWords  = []string{"url", "uri", "connection"}
)

// normName lower-cases name and drops '_', '-', '.' and spaces.
func normName(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_' || c == '-' || c == '.' || c == ' ':
		case 'A' <= c && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// testWords are the names of a test environment: NODE_ENV values, and
// the section and key names ("test:" in database.yml, config.json, a
// knexfile, a CI job) whose contents apply to tests only.
var testWords = []string{"test", "testing"}

func isTestWord(s string) bool {
	for _, w := range testWords {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}
