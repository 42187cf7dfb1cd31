// Package sqlitemem covers in-memory SQLite through database/sql.
package sqlitemem

import (
	"database/sql"

	_ "github.com/mattn/go-sqlite3"
)

func shared() (*sql.DB, error) { return sql.Open("sqlite3", "file::memory:?cache=shared") }

func single() (*sql.DB, error) {
	db, err := sql.Open("sqlite3", ":memory:")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

func broken() (*sql.DB, error) {
	return sql.Open("sqlite3", ":memory:") // want `\[sqlite-memory-shared\]`
}
