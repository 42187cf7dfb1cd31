package flow

import (
	"database/sql"
	"net/url"
	"os"
)

// Locals that every assignment gives a constant, read where a condition
// turns all values but one away: that one is what the code reads. It is
// written in more than one place, so there is no fix.
func insecureQuery(insecure bool) string {
	q := url.Values{}
	mode := ""
	if insecure {
		mode = "disable" // want `\[prod-tls-disabled\] tls_mode is disable \(sslmode, the one value mode holds here\)`
	}
	if mode != "" {
		q.Add("sslmode", mode)
	}
	return "postgres://app@db/app?" + q.Encode()
}

func sizedPool(single bool) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	n := 0
	if single {
		n = 1
	}
	if n > 0 {
		db.SetMaxOpenConns(n) // want `\[prod-single-connection\] max_open is 1 \(SetMaxOpenConns, the one value n holds here\)`
	}
	return db
}

// Two values reach the setter: unknown.
func twoValues(single bool) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	idle := 0
	if single {
		idle = 5
	}
	db.SetMaxIdleConns(idle)
	return db
}

// One value is not a constant: unknown.
func notConstant() *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@db/app?sslmode=require")
	conns := 0
	if os.Getenv("X") != "" {
		conns = len(os.Getenv("X"))
	}
	if conns != 5 {
		db.SetMaxOpenConns(conns)
	}
	return db
}
