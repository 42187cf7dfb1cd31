// Package mysql is a stand-in for github.com/go-sql-driver/mysql v1.10.1: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package mysql

import (
	"crypto/tls"
	"time"
)

type Config struct {
	User         string
	Passwd       string
	Net          string
	Addr         string
	DBName       string
	Params       map[string]string
	TLSConfig    string
	TLS          *tls.Config
	Timeout      time.Duration
	ReadTimeout  time.Duration
	WriteTimeout time.Duration
}

func (cfg *Config) FormatDSN() string { panic("stand-in") }

func NewConfig() *Config { panic("stand-in") }

func ParseDSN(dsn string) (cfg *Config, err error) { panic("stand-in") }
