// Package pgconn is a stand-in for github.com/jackc/pgx/v5/pgconn v5.12.0: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package pgconn

import (
	"crypto/tls"
	"time"
)

type Config struct {
	Host           string
	Port           uint16
	Database       string
	User           string
	Password       string
	ConnectTimeout time.Duration
	TLSConfig      *tls.Config
}
