package flow

import (
	"database/sql"
	"time"
)

// Options as structs: a constructor writes its parameter into a field
// that a method passes to a setter. A call with a constant is judged
// where it is written.
type lifetimeOpt struct{ lifetime time.Duration }

func (o lifetimeOpt) apply(db *sql.DB) { db.SetConnMaxLifetime(o.lifetime) }

func WithLifetime(d time.Duration) lifetimeOpt { return lifetimeOpt{lifetime: d} } // want WithLifetime:"poolcheck func summary"

type idleOpt struct{ n int }

func (o *idleOpt) apply(db *sql.DB) { db.SetMaxIdleConns(o.n) }

func WithIdle(n int) *idleOpt { // want WithIdle:"poolcheck func summary"
	o := &idleOpt{}
	o.n = n
	return o
}

// WithDoubled changes its parameter before it stores it: calls are not
// judged.
func WithDoubled(d time.Duration) lifetimeOpt {
	d *= 2
	return lifetimeOpt{lifetime: d}
}

func openWithOpts(dsn string) {
	db, _ := sql.Open("pgx", dsn)
	WithLifetime(0).apply(db) // want `\[prod-lifetime-unlimited\] conn_max_lifetime is unlimited \(SetConnMaxLifetime\(0\), WithLifetime's d at optstruct.go:15\)`
	WithIdle(0).apply(db)     // want `\[idle-churn\]`
	WithLifetime(time.Hour).apply(db)
	WithDoubled(0).apply(db)
}

// A compound assignment changes the parameter: x *= 2 is not x = 2.
func openScaled(dsn string, n int) {
	db, _ := sql.Open("pgx", dsn)
	n *= 2
	db.SetMaxOpenConns(n)
}

func useScaled() { openScaled("postgres://db/app", 1) }
