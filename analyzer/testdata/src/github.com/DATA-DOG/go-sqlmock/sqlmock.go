// Package sqlmock is a stand-in for github.com/DATA-DOG/go-sqlmock v1.5.2: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package sqlmock

import "database/sql"

type sqlmock struct{}

type Sqlmock interface{}

func New(options ...func(*sqlmock) error) (*sql.DB, Sqlmock, error) { panic("stand-in") }
