package looseforms

import (
	"database/sql"
	"flag"
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

// A format constant: its verbs are holes, not values.
const connInfoFormat = "user='%s' host='%s' dbname='%s' sslmode='%s' connect_timeout=%d"

// Expected results in a test table are compared, not used.
var expectations = []struct{ in, want string }{
	{in: "postgres://db/app", want: "host=db dbname=app sslmode=disable connect_timeout=1"},
}

// A flag default the condition around the setter turns away never
// reaches it.
var maxIdle = flag.Int("db-max-idle", -1, "idle connections; -1 leaves the default")

func tune(db *sql.DB) {
	if *maxIdle >= 0 {
		db.SetMaxIdleConns(*maxIdle)
	}
}
