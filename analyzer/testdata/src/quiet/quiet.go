// Package quiet holds code that looks like pool configuration but is
// not, or is fine: poolcheck must say nothing here.
package quiet

import (
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/http"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	_ "github.com/mattn/go-sqlite3"
	"github.com/redis/go-redis/v9"
)

// A project's own pool type with the same method names as *sql.DB.
type Pool struct{ max int }

func (p *Pool) SetMaxOpenConns(n int)              { p.max = n }
func (p *Pool) SetConnMaxLifetime(d time.Duration) {}

// An SMTP pool with a MaxConns field.
type SMTPPool struct {
	MaxConns    int
	ReadTimeout time.Duration
}

// A project's own config struct with database/sql-like names.
type DBConfig struct {
	MaxOpenConns int
	MaxIdleConns int
	URL          string
}

var errLimit = errors.New("connection_limit=1 is too small for parallel tests")

func configure() {
	p := &Pool{}
	p.SetMaxOpenConns(1)
	p.SetConnMaxLifetime(300)

	smtp := SMTPPool{MaxConns: 1, ReadTimeout: time.Second}
	smtp.MaxConns = 0

	cfg := DBConfig{MaxOpenConns: 1, MaxIdleConns: 100}
	cfg.MaxOpenConns = 0

	tr := &http.Transport{MaxIdleConns: 1, MaxIdleConnsPerHost: 100}
	srv := &http.Server{ReadTimeout: time.Millisecond, WriteTimeout: 1}
	_, _ = tr, srv

	log.Printf("pool settings: connection_limit=%d pool_timeout=%d", 1, 5)
	_ = fmt.Errorf("bad DSN: timeout=%s", "5")
	_ = errLimit
}

// SQLite wants a single connection: SetMaxOpenConns(1) is right there.
func openSQLite() (*sql.DB, error) {
	db, err := sql.Open("sqlite3", "file:app.db?_busy_timeout=5000")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// In redis.Options a zero PoolTimeout means the default.
func newRedis() *redis.Client {
	return redis.NewClient(&redis.Options{Addr: "localhost:6379", PoolTimeout: 0, DialTimeout: 0})
}

// A *sql.DB over a pgxpool.Pool: pgxpool pools, so idle 0 is right.
func facade(pool *pgxpool.Pool) *sql.DB {
	c := stdlib.GetPoolConnector(pool)
	db := sql.OpenDB(c)
	db.SetMaxIdleConns(0)
	return db
}

func facade2(pool *pgxpool.Pool) {
	db := stdlib.OpenDBFromPool(pool)
	db.SetMaxIdleConns(0)
}

// Over a Unix socket nothing crosses a network, and pgx ignores sslmode.
func unixSocket() (*sql.DB, error) {
	return sql.Open("pgx", "host=/var/run/postgresql dbname=app sslmode=disable connect_timeout=10")
}
