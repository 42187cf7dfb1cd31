package looseforms

import (
	"net/url"
	"os"
)

// A fragment after a computed separator, appended to a variable whose
// name says it holds a connection string.
func withPool() string {
	connString := os.Getenv("DATABASE_URL")
	sep := "?"
	connString += sep + "pool_max_conns=0" // want `\[pool-size-below-one\] pool_max_conns=0`
	return connString
}

// A MySQL DSN whose network is the default: user@(host:port)/db.
var mysqlDefaultNet = "root:pw@(localhost:3306)/app?parseTime=true&tls=false" // want `\[prod-tls-disabled\]`

// SQLite pragmas added with net/url.
func sqlitePragmas(u *url.URL) {
	q := u.Query()
	q.Add("_pragma", "busy_timeout(0)")
	q.Add("_pragma", "journal_mode(wall)") // want `\[value-silently-replaced\] _pragma:journal_mode=wall`
	u.RawQuery = q.Encode()
}
