// Package dsnforms covers every form a DSN takes in Go code.
package dsnforms

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jmoiron/sqlx"
	"github.com/redis/go-redis/v9"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"fixtures/src/dsnforms/config"
)

const (
	// A named constant, used below.
	primaryDSN = "postgres://app@db:5432/app?pool_max_conns=0&pool_health_check_period=0s" // want `\[pool-size-below-one\] pool_max_conns=0: pool_max_conns too small; write 4` `\[value-panics\] pool_health_check_period=0s`
	// A constant concatenation.
	replicaDSN = "postgres://app@replica:5432/app" + "?connect_timeout=5s" // want `\[unit-suffix-rejected\] connect_timeout=5s: invalid connect_timeout`
)

func open(ctx context.Context) {
	_, _ = pgxpool.New(ctx, primaryDSN)
	_, _ = pgxpool.New(ctx, replicaDSN)
	_, _ = pgxpool.New(ctx, config.ReportsDSN)

	// Raw string, interpreted string with escapes.
	_, _ = pgx.Connect(ctx, `host=db user=app connect_timeout=2s`)         // want `\[unit-suffix-rejected\] connect_timeout=2s`
	_, _ = pgx.Connect(ctx, "postgres://app@db/app?\x63onnect_timeout=3s") // want `\[unit-suffix-rejected\] connect_timeout=3s`

	// pool_* keys given to a driver that sends them to the server.
	_, _ = sql.Open("pgx", "postgres://app@db/app?pool_max_conns=10")                                              // want `\[pool-param-forwarded\] pool_max_conns=10: .*unrecognized configuration parameter`
	_, _ = gorm.Open(postgres.Open("host=db user=app pool_max_conns=10"), &gorm.Config{})                          // want `\[pool-param-forwarded\] pool_max_conns=10`
	_, _ = gorm.Open(postgres.New(postgres.Config{DSN: "postgres://app@db/app?pool_min_conns=2"}), &gorm.Config{}) // want `\[pool-param-forwarded\] pool_min_conns=2`

	// MySQL durations need a unit.
	_, _ = sqlx.Open("mysql", "app:secret@tcp(db:3306)/app?timeout=5&readTimeout=30s") // want `\[duration-missing-unit\] timeout=5: time: missing unit in duration "5"; write 5s`

	// go-redis URL: 0 fails at once.
	_, _ = redis.ParseURL("redis://cache:6379/0?pool_timeout=0&dial_timeout=0") // want `\[value-fails-fast\] pool_timeout=0` `\[value-fails-fast\] dial_timeout=0`

	// A fmt template: verbs are not constant, the rest is judged.
	_, _ = pgxpool.New(ctx, fmt.Sprintf("postgres://%s:%s@%s/app?pool_max_conns=%d&pool_health_check_period=-1s", "u", os.Getenv("PW"), "db", 4)) // want `\[value-panics\] pool_health_check_period=-1s`

	// An environment fallback.
	_, _ = pgxpool.New(ctx, cmp.Or(os.Getenv("DATABASE_URL"), "postgres://app@localhost/app?pool_max_conns=0")) // want `\[pool-size-below-one\] pool_max_conns=0`
	dsn := os.Getenv("CACHE_URL")
	if dsn == "" {
		dsn = "redis://localhost:6379?dial_timeout=0" // want `\[value-fails-fast\] dial_timeout=0`
	}
	_, _ = redis.ParseURL(dsn)

	// net/url building.
	q := url.Values{"pool_max_conns": {"0"}} // want `\[pool-size-below-one\] pool_max_conns=0`
	q.Set("pool_health_check_period", "0s")  // want `\[value-panics\] pool_health_check_period=0s`
	_ = q
}
