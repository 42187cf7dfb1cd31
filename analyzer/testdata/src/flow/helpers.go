package flow

import (
	"context"
	"database/sql"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/lib/pq"
)

// A DSN built by a helper is judged where it reaches the sink, with the
// sink's driver: lib/pq sends Prisma's keys to the server.
func testURL() string {
	return os.Getenv("DATABASE_URL") + "?connection_limit=1&pool_timeout=5" // want `\[pool-param-forwarded\] connection_limit=1` `\[pool-param-forwarded\] pool_timeout=5`
}

func openWithHelper() {
	db, _ := sql.Open("postgres", testURL())
	_ = db
}

type Config struct{ User, Host string }

// A template returned to pgxpool: its keys are read as pgxpool reads them.
func dsn(cfg Config) string {
	return fmt.Sprintf("postgres://%s@%s/app?pool_max_conns=%d&pool_min_conns=0&pool_health_check_period=0s", cfg.User, cfg.Host, 10) // want `\[value-panics\] pool_health_check_period=0s`
}

func openPool(ctx context.Context, cfg Config) {
	pool, _ := pgxpool.New(ctx, dsn(cfg))
	_ = pool
}
