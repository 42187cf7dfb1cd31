package store // want package:"poolcheck field reaches"

// Store opens pools with the config package's values.

import (
	"database/sql"
	"fmt"
	"os"

	"github.com/spf13/viper"

	"fixtures/src/xpkg/config"
)

// A default written in another package is judged at the setting, and
// says where it is written.
func Open(c config.DB) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(c.MaxOpenConns) // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), the default of DB.MaxOpenConns at config.go:18\)`
	db.SetMaxIdleConns(c.MaxIdleConns)
	return db
}

// OpenSized's n reaches the setter: callers in other packages are
// judged where they call.
func OpenSized(dsn string, n int) *sql.DB { // want OpenSized:"poolcheck func summary"
	db, _ := sql.Open("pgx", dsn)
	db.SetMaxOpenConns(n)
	return db
}

func OpenDefault() {
	db, _ := sql.Open("mysql", config.DefaultDSN)       // reported in config, not again here
	db.SetMaxIdleConns(config.EnvInt("DB_MAX_IDLE", 0)) // want `\[idle-churn\] SetMaxIdleConns\(0\), the fallback of config.EnvInt`
}

// A constructor of another package's struct: the defaults it returns
// are that package's business; no fact is set on its fields here.
func DefaultDB() config.DB { return config.DB{MaxOpenConns: 5, MaxIdleConns: 2} }

// OpenViper reads its lifetime from viper; the flag that sets the key's
// default is registered by a package that imports this one.
func OpenViper() *sql.DB {
	db, _ := sql.Open("mysql", os.Getenv("DSN"))
	db.SetConnMaxLifetime(viper.GetDuration("db.lifetime"))
	return db
}

// A default written in another package that fills a template's verb: the
// finding stays in the template, with no fix.
func PGInfo() string {
	mode := config.EnvStr("PGSSLMODE", config.DefaultSSLMode)
	return fmt.Sprintf("host=%s sslmode=%s", os.Getenv("PGHOST"), mode) // want `\[prod-tls-disabled\] tls_mode defaults to disable \(sslmode, the fallback of config.EnvStr\("PGSSLMODE", config.DefaultSSLMode\)\)`
}

// Getters of another package's options return the defaults its Defaults
// method sets: judged at the setting.
func OpenWith(o config.Options) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	db.SetMaxOpenConns(o.MaxOpenConns()) // no default: unknown
	db.SetMaxIdleConns(o.Twice())        // not a getter: unknown
	db.SetConnMaxLifetime(o.Lifetime())  // want `\[prod-lifetime-unlimited\] conn_max_lifetime defaults to unlimited \(SetConnMaxLifetime\(-1 \* time.Second\), the default Options.Lifetime\(\) returns, set at config.go:\d+\)`
	return db
}

// A nested default of another package's constructor.
func OpenServer(s config.Server) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	db.SetConnMaxLifetime(s.Pool.Lifetime) // a unit in the default: nothing to say
	db.SetConnMaxIdleTime(s.Pool.IdleTime) // want `\[duration-without-unit\] SetConnMaxIdleTime\(300\) is 300 nanoseconds`
	db.SetMaxOpenConns(s.Pool.MaxOpen)     // want `\[prod-single-connection\] max_open defaults to 1 \(SetMaxOpenConns, the default of PoolConfig.MaxOpen at config.go:\d+\)`
	return db
}

// OpenPool applies another package's options and reads their fields.
func OpenPool(opts ...config.PoolOption) *sql.DB {
	var o config.PoolOptions
	for _, opt := range opts {
		opt(&o)
	}
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	db.SetMaxOpenConns(o.MaxConns)
	db.SetConnMaxLifetime(o.Lifetime)
	return db
}

// limits are pool sizes read from viper: a per-pool key, or a split of
// an older total key when that one is set. The flags live in app.
type limits struct{ open, idle, spare, replica int }

func poolLimits() limits {
	total := viper.GetInt("db.total_conns")
	open := viper.GetInt("db.pool.max_open")
	idle := viper.GetInt("db.pool.max_idle")
	if total != 0 && open != 0 {
		total = 0
	}
	return limits{
		open:    split(open, total, true),
		idle:    split(idle, total, false),
		spare:   twice(viper.GetInt("db.pool.spare")),
		replica: split(viper.GetInt("db.replica.max_open"), viper.GetInt("db.replica.total"), true),
	}
}

// split passes n through when it is set or when total is 0.
func split(n, total int, big bool) int {
	if n != 0 {
		return n
	}
	if total == 0 {
		return 0
	}
	w := max(total*7/10, 1)
	if big {
		return w
	}
	return max(total-w, 1)
}

// twice does not pass its argument through.
func twice(n int) int { return n * 2 }

// OpenLimited sizes its pools with poolLimits: the flags' defaults in
// app are what runs when nobody sets the keys.
func OpenLimited() (*sql.DB, *sql.DB) {
	l := poolLimits()
	db, _ := sql.Open("mysql", os.Getenv("DSN"))
	db.SetMaxOpenConns(l.open)
	db.SetMaxIdleConns(l.idle)
	db.SetMaxIdleConns(l.spare)
	replica, _ := sql.Open("mysql", os.Getenv("REPLICA_DSN"))
	replica.SetMaxOpenConns(l.replica)
	return db, replica
}

// OpenEnv reads a struct that setup.Load builds, but store does not
// import setup: nothing says what the fields hold here.
func OpenEnv(e config.Env) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(e.MaxOpen)
	return db
}

// OpenTable reads another package's options table through its getters.
func OpenTable(t *config.Table) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(t.MaxConns()) // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), the default Table.MaxConns\(\) returns, set at config.go:\d+\)`
	db.SetConnMaxLifetime(t.Lifetime())
	db.SetMaxIdleConns(t.Idle())
	return db
}

// OpenShared reads Shared through getters: the default its package's
// code gives MaxOpen through Defaults(1, …) is judged here.
func OpenShared(s config.Shared) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(s.MaxOpenConns()) // want `\[prod-single-connection\] max_open defaults to 1 \(SetMaxOpenConns, the default Shared.MaxOpenConns\(\) returns, set at config.go:\d+\)`
	db.SetMaxIdleConns(s.MaxIdleConns())
	return db
}
