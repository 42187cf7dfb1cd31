// Package newsinks covers xorm, pocketbase/dbx, gorm over
// github.com/glebarez/sqlite, and SQLite's _pragma parameters.
package newsinks

import (
	"database/sql"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/pocketbase/dbx"
	"gorm.io/gorm"
	"xorm.io/xorm"
)

// xorm opens a database/sql pool; its Engine setters are the pool's.
func openXorm() {
	engine, _ := xorm.NewEngine("postgres", "postgres://app@db/app?sslmode=disable") // want `\[prod-tls-disabled\]`
	engine.SetMaxOpenConns(1)                                                        // want `\[prod-single-connection\]`
	engine.SetConnMaxLifetime(300)                                                   // want `\[duration-without-unit\]`
	engine.SetMaxIdleConns(10)                                                       // want `\[max-idle-above-max-open\]`
}

// dbx.Open is sql.Open; its DB() is the *sql.DB.
func openDbx() {
	db, _ := dbx.Open("mysql", "app@tcp(db:3306)/app?timeout=5") // want `\[duration-missing-unit\]`
	sqlDB := db.DB()
	sqlDB.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}

// gorm over glebarez: SQLite, which reads only _pragma. One connection
// is fine for SQLite; _busy_timeout is ignored.
func openGlebarez() {
	db, _ := gorm.Open(sqlite.Open("app.db?_busy_timeout=5000&_pragma=journal_mode(WAL)")) // want `\[pool-param-ignored\] _busy_timeout=5000`
	sqlDB, _ := db.DB()
	sqlDB.SetMaxOpenConns(1)
	_, _ = gorm.Open(sqlite.Dialector{DSN: "app.db?_pragma=journal_mode(wall)"}) // want `\[value-silently-replaced\] _pragma:journal_mode=wall`
}

// modernc.org/sqlite (sql.Open("sqlite")): _pragma=busy_timeout(N) sets
// the busy timeout; mattn/go-sqlite3 ignores _pragma.
func openSQLite() {
	db, _ := sql.Open("sqlite", "file:app.db?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)")
	db.SetMaxOpenConns(1)
	_, _ = sql.Open("sqlite", "file:app.db?_journal_mode=WALL")          // want `\[enum-value-rejected\]`
	_, _ = sql.Open("sqlite3", "file:app.db?_pragma=busy_timeout(5000)") // want `\[pool-param-ignored\] _pragma:busy_timeout=5000`
	_ = time.Second
}
