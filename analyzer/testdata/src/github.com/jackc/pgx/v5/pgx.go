// Package pgx is a stand-in for github.com/jackc/pgx/v5 v5.12.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package pgx

import (
	"context"

	"github.com/jackc/pgx/v5/pgconn"
)

type Conn struct{}

type ConnConfig struct {
	pgconn.Config
}

func Connect(ctx context.Context, connString string) (*Conn, error) { panic("stand-in") }

func ConnectConfig(ctx context.Context, connConfig *ConnConfig) (*Conn, error) { panic("stand-in") }

func ParseConfig(connString string) (*ConnConfig, error) { panic("stand-in") }
