package db

import (
	"database/sql"
	"flag"
	"time"
)

var maxConns = flag.Int("db-max-conns", 0, "maximum open connections")

func openDB(dsn string, maxOpen int, lifetime time.Duration) (*sql.DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(maxOpen)
	db.SetConnMaxLifetime(lifetime)
	return db, nil
}

func Open(dsn string) (*sql.DB, error) { return openDB(dsn, *maxConns, 30*time.Minute) }
