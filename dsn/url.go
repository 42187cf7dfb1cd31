package dsn

import "strings"

// A scheme is one supported URL scheme.
type scheme struct {
	name   string
	driver string // the DSN's Driver hint
	// exact: the driver recognises the URL only by a case-sensitive
	// prefix, so "POSTGRES://" is not a URL to it.
	exact bool
	// parse parses a URL of this scheme; netURL schemes share parseNetURL
	// and differ in fields.
	parse  func(s string, sc *scheme) (*DSN, error)
	fields func(d *DSN, u *netParts) error
}

// schemes lists the URL schemes the package reads.
var schemes = []scheme{
	{name: "postgres", driver: "postgres", exact: true, parse: pgScheme},
	{name: "postgresql", driver: "postgres", exact: true, parse: pgScheme},
	{name: "mysql", driver: "mysql", parse: parseNetURL, fields: pathDatabase},                  // Prisma and other tools
	{name: "sqlserver", driver: "sqlserver", exact: true, parse: parseNetURL, fields: mssqlURL}, // go-mssqldb
	{name: "redis", driver: "redis", parse: parseNetURL, fields: redisTCP},                      // go-redis ParseURL, ParseClusterURL
	{name: "rediss", driver: "redis", parse: parseNetURL, fields: redisTCP},
	{name: "unix", driver: "redis", parse: parseNetURL, fields: redisUnix},
	{name: "prisma", parse: parseNetURL, fields: pathDatabase}, // Prisma Accelerate
	{name: "prisma+postgres", parse: parseNetURL, fields: pathDatabase},
	// golang-migrate's Postgres-wire schemes: net/url parses them, the
	// scheme becomes postgres, and lib/pq or pgx reads the rest
	// (v4.20.1 database/cockroachdb, redshift, yugabytedb, pgx).
	{name: "cockroach", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "cockroachdb", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "crdb-postgres", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "redshift", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "yugabyte", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "yugabytedb", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "ysql", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "pgx", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "pgx4", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
	{name: "pgx5", driver: "postgres", parse: parseNetURL, fields: pathDatabase},
}

func pgScheme(s string, _ *scheme) (*DSN, error) { return parsePgURL(s) }

// urlScheme returns the scheme of s when s starts with scheme "://",
// and the index of the "://".
func urlScheme(s string) (string, int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') && i > 0:
		case c == ':' && i > 0 && strings.HasPrefix(s[i:], "://"):
			return s[:i], i
		default:
			return "", -1
		}
	}
	return "", -1
}

func lookupScheme(name string) *scheme {
	for i := range schemes {
		if strings.EqualFold(schemes[i].name, name) {
			return &schemes[i]
		}
	}
	return nil
}

// parseURL parses s as a URL of a supported scheme.
func parseURL(s string) (*DSN, error) {
	name, _ := urlScheme(s)
	sc := lookupScheme(name)
	switch {
	case name == "":
		return nil, fail(KindURL, 0, "missing scheme://")
	case sc == nil:
		return nil, fail(KindURL, 0, "unsupported URL scheme")
	case sc.exact && name != sc.name:
		return nil, fail(KindURL, 0, "the driver reads a URL only after a lower-case "+sc.name+":// prefix")
	}
	return sc.parse(s, sc)
}
