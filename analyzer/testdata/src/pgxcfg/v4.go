package pgxcfg

import (
	"context"
	"time"

	pgxpoolv4 "github.com/jackc/pgx/v4/pgxpool"
)

// pgx v4's pool: MaxConns 0 panics, and a lifetime of 0 closes every
// connection when it is released (v5 reads 0 as no limit).
func v4Pool(ctx context.Context, dsn string) (*pgxpoolv4.Pool, error) {
	cfg, err := pgxpoolv4.ParseConfig(dsn)
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = 0        // want `\[value-panics\] MaxConns: 0`
	cfg.MaxConnLifetime = 0 // want `\[idle-churn\] MaxConnLifetime: 0: every connection is expired`
	cfg.MaxConnIdleTime = 5 * time.Minute
	return pgxpoolv4.ConnectConfig(ctx, cfg)
}
