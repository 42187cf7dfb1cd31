//go:build pooltag

// Package tagged opens its pool in a file built only with the pooltag
// tag: with the tag, Open's n reaches the setter.
package tagged

import (
	"database/sql"
	"os"
)

func Open(n int) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(n)
	return db
}
