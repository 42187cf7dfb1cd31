// Package pgxpool is a stand-in for github.com/jackc/pgx/v4/pgxpool v4.18.3: only the
// declarations the fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package pgxpool

import (
	"context"
	"time"
)

type Config struct {
	MaxConnLifetime       time.Duration
	MaxConnLifetimeJitter time.Duration
	MaxConnIdleTime       time.Duration
	MaxConns              int32
	MinConns              int32
	HealthCheckPeriod     time.Duration
	LazyConnect           bool
}

type Pool struct{}

func ParseConfig(connString string) (*Config, error) { panic("stand-in") }

func ConnectConfig(ctx context.Context, config *Config) (*Pool, error) { panic("stand-in") }
