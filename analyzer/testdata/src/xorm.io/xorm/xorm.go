// Package xorm is a stand-in for xorm.io/xorm v1.4.3: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package xorm

import (
	"database/sql"
	"time"
)

type Engine struct{}

func NewEngine(driverName, dataSourceName string, driverOptions ...func(db *sql.DB) error) (*Engine, error) {
	panic("stand-in")
}

func NewEngineWithParams(driverName, dataSourceName string, params map[string]string) (*Engine, error) {
	panic("stand-in")
}

func (engine *Engine) SetMaxOpenConns(conns int) { panic("stand-in") }

func (engine *Engine) SetMaxIdleConns(conns int) { panic("stand-in") }

func (engine *Engine) SetConnMaxLifetime(d time.Duration) { panic("stand-in") }

func (engine *Engine) SetConnMaxIdleTime(d time.Duration) { panic("stand-in") }
