// Package pgxpool is a stand-in for github.com/jackc/pgx/v5/pgxpool v5.12.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package pgxpool

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

type Pool struct{}

type Config struct {
	ConnConfig        *pgx.ConnConfig
	MaxConnLifetime   time.Duration
	MaxConnIdleTime   time.Duration
	MaxConns          int32
	MinConns          int32
	MinIdleConns      int32
	HealthCheckPeriod time.Duration
}

func New(ctx context.Context, connString string) (*Pool, error) { panic("stand-in") }

func NewWithConfig(ctx context.Context, config *Config) (*Pool, error) { panic("stand-in") }

func ParseConfig(connString string) (*Config, error) { panic("stand-in") }
