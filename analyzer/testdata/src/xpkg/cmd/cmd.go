package cmd // want package:"poolcheck field reaches"

// cmd opens a pool with the struct setup.Load builds: the fallbacks
// there are what runs when nobody sets the variables.

import (
	"database/sql"
	"os"
	"time"

	"fixtures/src/xpkg/setup"
)

func Run() *sql.DB {
	cfg, _ := setup.Load(time.Second)
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(cfg.MaxOpen)     // want `\[prod-single-connection\] max_open defaults to 1 \(SetMaxOpenConns\(config.DefaultMaxOpen\), the default of Env.MaxOpen at config.go:\d+\)`
	db.SetConnMaxLifetime(cfg.Lifetime) // want `\[prod-lifetime-unlimited\] conn_max_lifetime defaults to unlimited \(SetConnMaxLifetime\(0\), the default of Env.Lifetime at setup.go:\d+\)`
	db.SetMaxIdleConns(cfg.Idle)        // two constructors disagree: unknown
	db.SetConnMaxIdleTime(cfg.Timeout)  // a parameter of Load: unknown
	db.SetMaxIdleConns(cfg.MaxIdle)     // Load and LoadReplica disagree: unknown
	return db
}
