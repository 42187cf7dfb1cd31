package flow

import (
	"cmp"
	"database/sql"
	"flag"
	"os"
	"strconv"
	"time"
)

// A flag's default is what runs when the operator passes nothing: it is
// judged, and fixed, where it is written.
var maxConns = flag.Int("db-max-conns", 0, "maximum open connections") // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), flag -db-max-conns\)`

var lifetime time.Duration

func init() {
	flag.DurationVar(&lifetime, "db-lifetime", 0, "connection lifetime") // want `\[prod-lifetime-unlimited\] conn_max_lifetime defaults to unlimited`
}

// envInt returns def when the variable is unset or not a number.
func envInt(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

func openFromFlags() {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(*maxConns)
	db.SetConnMaxLifetime(lifetime)
	db.SetMaxIdleConns(envInt("DB_MAX_IDLE", 0)) // want `\[idle-churn\] SetMaxIdleConns\(0\), the fallback of envInt\("DB_MAX_IDLE", 0\)`
	db.SetConnMaxIdleTime(cmp.Or(idleFromEnv(), time.Minute))
}

func idleFromEnv() time.Duration {
	d, _ := time.ParseDuration(os.Getenv("DB_IDLE"))
	return d
}

// Values known only at run time stay unknown: no default in code.
func openRuntime(n int) {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(flag.NArg() + n)
	db.SetMaxIdleConns(envInt("DB_MAX_IDLE", n))
	db.SetConnMaxLifetime(max(lifetime, time.Hour))
}
