// Package branches opens one handle for several drivers: settings in a
// branch for a driver are judged as that driver.
package branches

import (
	"database/sql"
	"os"
)

func open(dialect string) *sql.DB {
	var db *sql.DB
	switch dialect {
	case "mysql":
		db, _ = sql.Open("mysql", "app@tcp(db:3306)/app?timeout=5") // want `\[duration-missing-unit\]`
	case "sqlite3":
		db, _ = sql.Open("sqlite3", "file:app.db")
	}
	if dialect == "sqlite3" {
		db.SetMaxOpenConns(1) // one writer: fine for SQLite
	}
	if dialect == "mysql" {
		db.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
	}
	return db
}

// A *sql.DB whose driver name is not constant may be SQLite: one
// connection is not judged.
func unknown() *sql.DB {
	db, _ := sql.Open(os.Getenv("DB_DRIVER"), os.Getenv("DB_DSN"))
	db.SetMaxOpenConns(1)
	return db
}
