// Package sql is a stand-in for entgo.io/ent/dialect/sql v0.14.5: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package sql

import "database/sql"

type Driver struct{}

func (d Driver) DB() *sql.DB { panic("stand-in") }

func Open(dialect, source string) (*Driver, error) { panic("stand-in") }
