// Package pgxcfg covers pgxpool.Config and pgx.ConnConfig fields.
package pgxcfg

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

func newPool(ctx context.Context) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig("postgres://app@db/app?pool_max_conns=20")
	if err != nil {
		return nil, err
	}
	cfg.MaxConns = 0 // want `\[pool-size-below-one\] MaxConns: 0: MaxSize must be >= 1`
	cfg.MinConns = 2
	cfg.MaxConnLifetime = 60             // want `\[duration-without-unit\] MaxConnLifetime\(60\) is 60 nanoseconds`
	cfg.HealthCheckPeriod = -time.Second // want `\[value-panics\] HealthCheckPeriod: -time.Second`
	cfg.ConnConfig.ConnectTimeout = 5 * time.Second
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	cfg.MaxConns = 50 // want `\[config-after-new\] cfg.MaxConns is set after the pool was created from it on line 22`
	return pool, err
}

func connect(ctx context.Context) (*pgx.Conn, error) {
	cc, err := pgx.ParseConfig("postgres://app@db/app")
	if err != nil {
		return nil, err
	}
	cc.ConnectTimeout = 0
	return pgx.ConnectConfig(ctx, cc)
}
