package flow

import (
	"database/sql"
	"time"
)

// A parameter in seconds that a helper multiplies by time.Second: the
// argument is judged at the call, scaled, with no fix (it is in seconds,
// the fix's unit is the knob's).
func openLifetime(dsn string, lifetimeSecs int) *sql.DB {
	db, _ := sql.Open("pgx", dsn)
	db.SetConnMaxLifetime(time.Duration(lifetimeSecs) * time.Second)
	return db
}

func openIdle(dsn string, secs int) *sql.DB {
	db, _ := sql.Open("pgx", dsn)
	db.SetConnMaxIdleTime(time.Second * time.Duration(secs))
	return db
}

// A parameter changed in the body, or multiplied by a value that is not
// constant, is not the argument scaled.
func openChanged(dsn string, secs int) *sql.DB {
	db, _ := sql.Open("pgx", dsn)
	secs++
	db.SetConnMaxLifetime(time.Duration(secs) * time.Second)
	return db
}

func openByUnit(dsn string, n int, unit time.Duration) *sql.DB {
	db, _ := sql.Open("pgx", dsn)
	db.SetConnMaxLifetime(time.Duration(n) * unit)
	return db
}

func scaledCallers() {
	const url = "postgres://app@db/app?sslmode=require"
	openLifetime(url, 0) // want `\[prod-lifetime-unlimited\] conn_max_lifetime is unlimited \(SetConnMaxLifetime\(0 \* time.Second\), openLifetime's lifetimeSecs at scaled.go:13\)`
	openLifetime(url, 300)
	openIdle(url, 300) // 300 s: no unit missing, nothing to say
	openChanged(url, 0)
	openByUnit(url, 0, time.Second)
}
