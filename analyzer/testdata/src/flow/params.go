package flow

import (
	"context"
	"database/sql"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// openDB's parameters reach the setters: each call with known arguments
// is a pool of its own, judged where the call is (see params_test.go).
func openDB(dsn string, maxOpen, maxIdle int, lifetime time.Duration) *sql.DB {
	db, _ := sql.Open("pgx", dsn)
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(maxIdle)
	db.SetConnMaxLifetime(lifetime)
	return db
}

func production(dsn string) {
	openDB(dsn, 20, 40, 0) // want `\[max-idle-above-max-open\] max_idle is 40 \(SetMaxIdleConns, openDB's maxIdle at params.go:16\)` `\[prod-lifetime-unlimited\]`
}

// A helper that passes its own parameter on: the flow follows it.
func openSmall(dsn string, n int) *sql.DB { return openDB(dsn, n, n, time.Hour) }

func tooSmall(dsn string) {
	openSmall(dsn, 1) // want `\[prod-single-connection\]`
}

// Options that set pgxpool.Config fields in a returned closure.
type Option func(*pgxpool.Config)

func WithMaxConns(n int32) Option { // want WithMaxConns:"poolcheck func summary"
	return func(c *pgxpool.Config) { c.MaxConns = n }
}

func New(ctx context.Context, dsn string, opts ...Option) *pgxpool.Pool { // want New:"poolcheck func summary"
	cfg, _ := pgxpool.ParseConfig(dsn)
	for _, o := range opts {
		o(cfg)
	}
	p, _ := pgxpool.NewWithConfig(ctx, cfg)
	return p
}

// A parameter that only looks like a pool setting, and never reaches
// one, gives nothing.
func retries(maxOpen int) int { return maxOpen * 2 }

func quiet() { _ = retries(1) }
