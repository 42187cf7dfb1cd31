package app // want package:"poolcheck field reaches"

// app uses the store in production code too.

import (
	"os"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"fixtures/src/xpkg/config"
	_ "fixtures/src/xpkg/store"
)

// A value written here into a field that fills another package's DSN
// template is judged, and fixed, here.
func PG() config.PG {
	return config.PG{Host: os.Getenv("PGHOST"), SSL: "disable"} // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode, PG.SSL\)`
}

// A flag bound to viper whose key another package reads into a setting:
// its default is what runs.
func Flags(fs *pflag.FlagSet) {
	fs.Duration("db.lifetime", 0, "connection lifetime") // want `\[prod-lifetime-unlimited\] conn_max_lifetime defaults to unlimited \(SetConnMaxLifetime\(0\), flag --db.lifetime default, bound to viper, read at store.go:\d+\)`
	_ = viper.BindPFlags(fs)
}

// Flags whose keys reach setters through store's split helper: the
// per-pool key's default runs when the total key is 0, and not when it
// is set (db.replica.total). db.pool.spare is doubled on its way.
func PoolFlags(fs *pflag.FlagSet) {
	fs.Int("db.total_conns", 0, "deprecated total")
	fs.Int("db.pool.max_open", 0, "max open") // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), flag --db.pool.max_open default, bound to viper, read at store.go:\d+ with --db.total_conns at its default 0\)`
	fs.Int("db.pool.max_idle", 0, "max idle") // want `\[idle-churn\] SetMaxIdleConns\(0\), flag --db.pool.max_idle default, bound to viper, read at store.go:\d+ with --db.total_conns at its default 0`
	fs.Int("db.pool.spare", 0, "spare")
	fs.Int("db.replica.max_open", 0, "replica max open")
	fs.Int("db.replica.total", 10, "replica total")
	_ = viper.BindPFlags(fs)
}

// A value written into a field that another package quotes into the DSN
// it builds with +=.
func Conn() config.Conn {
	return config.Conn{Host: os.Getenv("PGHOST"), SSLMode: "disable"} // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode, Conn.SSLMode\)`
}

// A value that a helper other than a quoting one turns into the DSN's.
func Mode() config.Mode { return config.Mode{SSLMode: "disable"} }

// store reads Options through getters: a value written here into the
// field a getter returns is judged here, scaled as the getter scales it.
func Opts() config.Options {
	return config.Options{MaxOpen: 1, LifetimeSeconds: 0, Debug: true} // want `\[prod-single-connection\] max_open is 1 \(SetMaxOpenConns, Options.MaxOpen\)` `\[prod-lifetime-unlimited\] conn_max_lifetime is unlimited \(SetConnMaxLifetime\(0 \* time.Second\), Options.LifetimeSeconds\)`
}

// A parameter of another package's method that stores it in the field
// a getter returns: judged at the call.
func Tuned() config.Options {
	var o config.Options
	o.Defaults(1) // want `\[prod-single-connection\] max_open is 1 \(SetMaxOpenConns, Defaults's conns at config.go:\d+\)`
	return o
}

// Twice is no getter: what it reads is not followed.
func Doubled() config.Options { return config.Options{MaxIdle: 0} }
