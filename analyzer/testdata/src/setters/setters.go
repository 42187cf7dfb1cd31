// Package setters covers the database/sql pool setters on every handle
// that reaches them.
package setters

import (
	"database/sql"
	"time"

	entsql "entgo.io/ent/dialect/sql"
	"github.com/jmoiron/sqlx"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	_ "github.com/jackc/pgx/v5/stdlib"
)

const idleConns = 50

// On *sql.DB, with typed durations and a local assigned once.
func plain() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	maxOpen := 0
	db.SetMaxOpenConns(maxOpen) // want `\[prod-pool-unbounded\] max_open is unlimited \(SetMaxOpenConns\(0\)\) in production code`
	db.SetMaxIdleConns(idleConns)
	db.SetConnMaxLifetime(0) // want `\[prod-lifetime-unlimited\]`
	db.SetConnMaxIdleTime(5 * time.Minute)
}

// Idle above open: database/sql clamps it.
func clamped() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(idleConns) // want `\[max-idle-above-max-open\] max_idle is 50 \(SetMaxIdleConns\(idleConns\)\) but max_open is 10`
}

// On sqlx's embedded *sql.DB.
func viaSqlx() {
	db := sqlx.MustConnect("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(1)      // want `\[prod-single-connection\] max_open is 1`
	db.SetConnMaxLifetime(300) // want `\[duration-without-unit\] SetConnMaxLifetime\(300\) is 300 nanoseconds`
}

// On gorm's DB().
func viaGorm() {
	gdb, _ := gorm.Open(postgres.Open("postgres://app@db/app"), &gorm.Config{})
	sqlDB, _ := gdb.DB()
	sqlDB.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}

// On ent's driver DB().
func viaEnt() {
	drv, _ := entsql.Open("postgres", "postgres://app@db/app")
	db := drv.DB()
	db.SetMaxOpenConns(0) // want `\[prod-pool-unbounded\]`
}

// A SQLite pool of one is right.
func sqlite() {
	db, _ := sql.Open("sqlite3", "file:app.db")
	db.SetMaxOpenConns(1)
}

// A lifetime of seconds reconnects all the time; minutes are fine.
func shortLifetime() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetConnMaxLifetime(5 * time.Second) // want `\[prod-lifetime-too-short\] conn_max_lifetime is 5s`
	db2, _ := sql.Open("pgx", "postgres://app@db/app")
	db2.SetConnMaxLifetime(5 * time.Minute)
}
