// Package looseforms holds connection strings that reach no sink
// poolcheck knows: they are judged by their own shape and keys.
package looseforms

import (
	"database/sql"
	"fmt"
	"os"
	"strings"
)

// Open is the project's own opener: poolcheck does not know it.
func Open(dsn string) (*sql.DB, error) { return sql.Open(os.Getenv("DRIVER"), dsn) } // want Open:"poolcheck func summary"

// A Sprintf template passed to the project's own function.
func migrate(user, pass, host string, port int) {
	_, _ = Open(fmt.Sprintf("postgres://%s:%s@%v:%v/app?sslmode=disable", user, pass, host, port)) // want `\[prod-tls-disabled\]`
}

// golang-migrate's URL of a Postgres-wire database (lib/pq reads it
// once migrate sets the scheme to postgres).
func migrateCockroach(host string) {
	_, _ = Open(fmt.Sprintf("cockroach://root@%s:26257/app?sslmode=%s&x-migrations-table=m", host, "disable")) // want `\[prod-tls-disabled\]`
}

// A keyword/value template returned from a helper.
func kvDSN(host, user string) string {
	return fmt.Sprintf("host=%s user=%s dbname=app sslmode=disable", host, user) // want `\[prod-tls-disabled\]`
}

// A MySQL DSN kept in a struct field.
type Config struct{ DSN string }

var defaults = Config{DSN: "root@tcp(127.0.0.1:3306)/app?tls=false"} // want `\[prod-tls-disabled\]`

// A fragment appended to a slice of parameters.
func params() string {
	ps := []string{"application_name=app"}
	ps = append(ps, "sslmode=disable") // want `\[prod-tls-disabled\]`
	return strings.Join(ps, " ")
}

// A fragment appended to a URL from the environment: the keys name the
// family (sslmode is postgres) although no sink names the driver.
func fromEnv() string {
	databaseURL := os.Getenv("DATABASE_URL")
	databaseURL += "?sslmode=disable" // want `\[fragment-double-query\]` `\[prod-tls-disabled\]`
	return databaseURL
}

// Text that only looks like a connection string stays quiet.
func decoys(level string, n int) {
	fmt.Printf("level=%s msg=%s\n", level, "started")
	_ = fmt.Errorf("connect_timeout must be positive, got %d", n)
	_ = fmt.Sprintf("database URL, e.g. postgres://user@host/db (default %q)", "none")
	_ = "http://example.com/api?timeout=5&max_conns=1"
	_ = "mongodb://db:27017/app?maxPoolSize=1"
	_ = "http://example.com/api?sslmode=disable"
	_ = "HOME=/root PATH=/usr/bin"
	_ = "a=1 b=2"
	_ = "host=db port=5432"
	_ = `
database:
  url: ${DATABASE_URL}
  pool: 5
`
	_ = "user@example.com/profile"
}

// Several DSNs in one literal are several pools: each is judged.
type Cluster struct{ Primary, Replica string }

var cluster = Cluster{
	Primary: "postgres://app@primary/app?sslmode=disable", // want `\[prod-tls-disabled\]`
	Replica: "postgres://app@replica/app?sslmode=require",
}

var shards = []string{
	"postgres://app@shard1/app?sslmode=disable", // want `\[prod-tls-disabled\]`
	"postgres://app@shard2/app?sslmode=disable", // want `\[prod-tls-disabled\]`
}

// A comparison checks a value: it sets none.
func isDefault(url string) bool {
	if strings.Contains(url, "sslmode=disable") {
		return false
	}
	switch url {
	case "host=db dbname=app sslmode=disable":
		return true
	}
	return url == "user=postgres dbname=app sslmode=disable"
}
