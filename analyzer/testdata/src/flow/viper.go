package flow

import (
	"database/sql"
	"flag"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// viper.SetDefault gives the value a getter of the same key returns when
// the configuration does not set it.
func viperDefaults() {
	viper.SetDefault("db.max_open", 0) // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), the default of "db.max_open" \(viper.SetDefault\)\)`
	viper.SetDefault("db.max_idle", 5)
	db, _ := sql.Open("pgx", "postgres://db/app")
	db.SetMaxOpenConns(viper.GetInt("db.max_open"))
	db.SetMaxIdleConns(viper.GetInt("db.max_idle"))
}

// Configuration is an application's own interface over viper.
type Configuration interface {
	GetInt(key string) int
	GetDuration(key string) time.Duration
	SetDefault(key string, value any)
}

func storeFromConfig(configuration Configuration, prefix string) *sql.DB {
	configuration.SetDefault(prefix+"connection_max_idle", 0) // want `\[idle-churn\] SetMaxIdleConns\(0\), the default of prefix \+ "connection_max_idle" \(configuration.SetDefault\)`
	db, _ := sql.Open("mysql", "app@tcp(db:3306)/app")
	db.SetMaxIdleConns(configuration.GetInt(prefix + "connection_max_idle"))
	return db
}

// A key built at run time matches only in the function that sets it.
func storeElsewhere(configuration Configuration, prefix string) {
	db, _ := sql.Open("mysql", "app@tcp(db:3306)/app")
	db.SetMaxIdleConns(configuration.GetInt(prefix + "connection_max_idle"))
}

// A flag of a package that binds its flags to viper is the default of
// the key of its name.
func boundFlags(fs *pflag.FlagSet) {
	fs.Duration("db.lifetime", 0, "connection lifetime") // want `\[prod-lifetime-unlimited\] conn_max_lifetime defaults to unlimited \(SetConnMaxLifetime\(0\), flag --db.lifetime default, bound to viper\)`
	_ = viper.BindPFlags(fs)
}

func openBound() {
	db, _ := sql.Open("pgx", "postgres://db/app")
	db.SetConnMaxLifetime(viper.GetDuration("db.lifetime"))
}

// Two defaults for one key: which one runs is not known here.
func twoDefaults(prod bool) {
	if prod {
		viper.SetDefault("db.max_open_2", 20)
	} else {
		viper.SetDefault("db.max_open_2", 0)
	}
	db, _ := sql.Open("pgx", "postgres://db/app")
	db.SetMaxOpenConns(viper.GetInt("db.max_open_2"))
}

// A string GetDuration parses is not judged here.
func parsedDefault() {
	viper.SetDefault("db.idle_time", "0s")
	db, _ := sql.Open("pgx", "postgres://db/app")
	db.SetConnMaxIdleTime(viper.GetDuration("db.idle_time"))
}

// A flag of the standard flag package is not bound by viper.BindPFlags.
func stdFlag() {
	_ = flag.Int("db.max_open_std", 0, "max open")
	db, _ := sql.Open("pgx", "postgres://db/app")
	db.SetMaxOpenConns(viper.GetInt("db.max_open_std"))
}
