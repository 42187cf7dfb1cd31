// Package store opens the service's PostgreSQL pools.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
)

// Config is the database section of the service configuration.
type Config struct {
	Host     string
	Port     int
	User     string
	Password string
	Name     string
	MaxConns int
}

const primaryDSN = "postgres://app:secret@db.internal:5432/app?sslmode=require&connect_timeout=10&pool_max_conns=20&pool_min_conns=2&pool_max_conn_lifetime=1h"

const replicaDSN = "host=replica.internal port=5432 user=app dbname=app sslmode=disable"

// OpenPrimary opens the pgx pool of the primary.
func OpenPrimary(ctx context.Context) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(primaryDSN)
	if err != nil {
		return nil, fmt.Errorf("parse primary: %w", err)
	}
	cfg.MaxConns = 50
	cfg.MinConns = 5
	cfg.MaxConnLifetime = 30 * time.Minute
	cfg.MaxConnIdleTime = 5 * time.Minute
	cfg.HealthCheckPeriod = time.Minute
	return pgxpool.NewWithConfig(ctx, cfg)
}

// OpenReplica opens the read replica through database/sql.
func OpenReplica() (*sql.DB, error) {
	db, err := sql.Open("postgres", replicaDSN)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(0)
	db.SetMaxIdleConns(10)
	db.SetConnMaxLifetime(0)
	return db, nil
}

// OpenFromConfig builds the DSN from the configuration.
func OpenFromConfig(c Config) (*sqlx.DB, error) {
	dsn := fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=verify-full&connect_timeout=5",
		c.User, c.Password, c.Host, c.Port, c.Name)
	db, err := sqlx.Connect("postgres", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(c.MaxConns)
	db.SetMaxIdleConns(c.MaxConns / 2)
	db.SetConnMaxIdleTime(10 * time.Minute)
	return db, nil
}

// OpenFromEnv takes the DSN from the environment and adds a pool size.
func OpenFromEnv(ctx context.Context) (*pgxpool.Pool, error) {
	dsn := os.Getenv("DATABASE_URL")
	dsn += "?pool_max_conns=500"
	return pgxpool.New(ctx, dsn)
}

// User is a row of the users table.
type User struct {
	ID    int64  `db:"id"`
	Email string `db:"email"`
}

// Users lists the users.
func Users(ctx context.Context, db *sqlx.DB) ([]User, error) {
	var us []User
	err := db.SelectContext(ctx, &us, "SELECT id, email FROM users ORDER BY id LIMIT $1", 100)
	return us, err
}
