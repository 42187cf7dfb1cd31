// Package dbx is a stand-in for github.com/pocketbase/dbx v1.12.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package dbx

import "database/sql"

type DB struct{}

func Open(driverName, dsn string) (*DB, error) { panic("stand-in") }

func MustOpen(driverName, dsn string) (*DB, error) { panic("stand-in") }

func (db *DB) DB() *sql.DB { panic("stand-in") }
