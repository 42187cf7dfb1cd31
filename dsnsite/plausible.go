package dsnsite

import (
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

// Plausible reports whether d, read from a string that reaches no DSN
// sink the analyzer can see (a constant, a Sprintf template, a fragment
// kept in a variable or appended to a slice), is a connection string,
// and the driver its shape and keys name. It must stay quiet on text
// that only looks like one: log formats, flag help, KEY=VALUE lines,
// URLs of other schemes. So each grammar needs its own evidence:
//
//   - a URL: a scheme of a known driver;
//   - keyword/value (libpq): every key is one a postgres driver reads,
//     and a key that only a connection string has (sslmode,
//     connect_timeout, host with dbname or user);
//   - a MySQL DSN: a network with an address, tcp(...) or unix(...),
//     and keys the driver reads;
//   - ADO (sqlserver): a server key, and every key one go-mssqldb reads;
//   - a query fragment: every key one that a family of drivers reads,
//     and at least one a pool, timeout or TLS setting; the family
//     (catalog.ForKeys) names the driver.
func Plausible(d *dsn.DSN) (catalog.Driver, bool) {
	d.ExpandPragmas()
	keys := make([]string, len(d.Params))
	for i, p := range d.Params {
		keys[i] = p.Key
	}
	switch d.Kind {
	case dsn.KindURL:
		drv, ok := catalog.ForScheme(d.Scheme)
		return drv, ok
	case dsn.KindKeyValue:
		return catalog.Postgres, allRead(keys, catalog.Pgx, catalog.PQ, catalog.Pgxpool) && libpqEvidence(keys)
	case dsn.KindMySQL:
		return catalog.MySQL, mysqlNet(d.Input) && allRead(keys, catalog.MySQL)
	case dsn.KindADO:
		return catalog.SQLServer, hasKey(keys, "server", "data source", "address", "addr") && allRead(keys, catalog.SQLServer)
	case dsn.KindFragment:
		if !slices.ContainsFunc(keys, catalog.FragmentKey) {
			return "", false // no setting: nothing to judge
		}
		return catalog.ForKeys(keys) // every key read by one family
	}
	return "", false
}

// allRead reports whether every key is read by one of drivers.
func allRead(keys []string, drivers ...catalog.Driver) bool {
	for _, k := range keys {
		read := false
		for _, d := range drivers {
			read = read || catalog.Reads(d, k)
		}
		if !read {
			return false
		}
	}
	return true
}

// libpqEvidence reports keys that only a libpq connection string has
// together: a setting the catalog models, or a host with a database or
// user. "host=a port=b" alone could be anything.
func libpqEvidence(keys []string) bool {
	for _, k := range keys {
		if catalog.FragmentKey(k) {
			return true
		}
	}
	return hasKey(keys, "host", "hostaddr") && hasKey(keys, "dbname", "user", "database")
}

// mysqlNet reports a MySQL DSN with a network address: user@tcp(host)/db
// or unix(/path)/db.
func mysqlNet(s string) bool {
	for _, n := range []string{"tcp(", "tcp4(", "tcp6(", "unix(", "("} { // "user@(host)/db": tcp
		if i := strings.Index(s, n); i == 0 || i > 0 && s[i-1] == '@' {
			return true
		}
	}
	return false
}

// hasKey reports whether keys holds one of names, in any case.
func hasKey(keys []string, names ...string) bool {
	for _, k := range keys {
		for _, n := range names {
			if strings.EqualFold(k, n) {
				return true
			}
		}
	}
	return false
}
