package flow

import (
	"database/sql"
	"time"
)

// Pool settings read through getters of the package's own options: a
// value written into the field a getter returns is judged where it is
// written, scaled as the getter scales it.
type DBOpts struct {
	maxOpen      int
	lifetimeSecs int
	idle         int
}

func (o DBOpts) MaxOpen() int { return o.maxOpen } // want MaxOpen:"poolcheck func summary"

func (o DBOpts) Lifetime() time.Duration { // want Lifetime:"poolcheck func summary"
	return time.Duration(o.lifetimeSecs) * time.Second
}

// Idle computes: not a getter, nothing is followed through it.
func (o DBOpts) Idle() int { return o.idle + 1 }

func openOpts(o DBOpts) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	db.SetMaxOpenConns(o.MaxOpen())
	db.SetConnMaxLifetime(o.Lifetime())
	db.SetMaxIdleConns(o.Idle())
	return db
}

func UseOpts() *sql.DB {
	return openOpts(DBOpts{
		maxOpen:      1, // want `\[prod-single-connection\] max_open is 1 \(SetMaxOpenConns, DBOpts.maxOpen\)`
		lifetimeSecs: 0, // want `\[prod-lifetime-unlimited\] conn_max_lifetime is unlimited \(SetConnMaxLifetime\(0 \* time.Second\), DBOpts.lifetimeSecs\)`
		idle:         -1,
	})
}
