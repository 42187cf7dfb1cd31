// Package stdlib is a stand-in for github.com/jackc/pgx/v5/stdlib v5.12.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package stdlib

import (
	"database/sql"
	"database/sql/driver"

	"github.com/jackc/pgx/v5/pgxpool"
)

type connector struct{}

type OptionOpenDB func(*connector)

func GetPoolConnector(pool *pgxpool.Pool, opts ...OptionOpenDB) driver.Connector { panic("stand-in") }

func OpenDBFromPool(pool *pgxpool.Pool, opts ...OptionOpenDB) *sql.DB { panic("stand-in") }
