// Package sqlite is a stand-in for github.com/glebarez/sqlite v1.11.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package sqlite

import "gorm.io/gorm"

const DriverName = "sqlite"

type Dialector struct {
	DriverName string
	DSN        string
}

func Open(dsn string) gorm.Dialector { panic("stand-in") }

func (dialector Dialector) Name() string { panic("stand-in") }

func (dialector Dialector) Initialize(db *gorm.DB) (err error) { panic("stand-in") }
