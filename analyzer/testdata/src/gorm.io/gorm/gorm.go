// Package gorm is a stand-in for gorm.io/gorm v1.31.2: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package gorm

import "database/sql"

type DB struct{}

func (db *DB) DB() (*sql.DB, error) { panic("stand-in") }

type Config struct{}

func (c *Config) Apply(config *Config) error { panic("stand-in") }

func (c *Config) AfterInitialize(db *DB) error { panic("stand-in") }

type Dialector interface {
	Name() string
	Initialize(*DB) error
}

type Option interface {
	Apply(*Config) error
	AfterInitialize(*DB) error
}

func Open(dialector Dialector, opts ...Option) (db *DB, err error) { panic("stand-in") }
