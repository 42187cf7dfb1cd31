// Package entdb opens the ent driver over database/sql.
package entdb

import (
	"database/sql"
	"time"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Open returns an ent driver with a sized pool.
func Open() (*entsql.Driver, error) {
	db, err := sql.Open("pgx", "postgresql://app:secret@db.internal/app?sslmode=require")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(25)
	db.SetMaxIdleConns(25)
	db.SetConnMaxLifetime(5 * time.Minute)
	return entsql.OpenDB(dialect.Postgres, db), nil
}
