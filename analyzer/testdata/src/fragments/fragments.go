// Package fragments covers constant query fragments appended to values.
package fragments

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

func open(ctx context.Context) {
	url := os.Getenv("DATABASE_URL")
	url += "?pool_max_conns=0" // want `\[pool-size-below-one\] pool_max_conns=0` `\[fragment-double-query\]`
	_, _ = pgxpool.New(ctx, url)

	_, _ = pgxpool.New(ctx, os.Getenv("DATABASE_URL")+"&pool_health_check_period=0s") // want `\[value-panics\]`

	// Not a pool key: not a DSN fragment.
	_ = os.Getenv("APP_URL") + "?page=1&size=20"
}
