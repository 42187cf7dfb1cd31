// Package postgres is a stand-in for gorm.io/driver/postgres v1.6.3: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package postgres

import "gorm.io/gorm"

type Config struct {
	DriverName string
	DSN        string
}

func Open(dsn string) gorm.Dialector { panic("stand-in") }

func New(config Config) gorm.Dialector { panic("stand-in") }
