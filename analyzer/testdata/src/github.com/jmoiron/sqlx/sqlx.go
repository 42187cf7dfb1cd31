// Package sqlx is a stand-in for github.com/jmoiron/sqlx v1.4.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package sqlx

import "database/sql"

type DB struct {
	*sql.DB
}

func Open(driverName, dataSourceName string) (*DB, error) { panic("stand-in") }

func Connect(driverName, dataSourceName string) (*DB, error) { panic("stand-in") }

func MustConnect(driverName, dataSourceName string) *DB { panic("stand-in") }
