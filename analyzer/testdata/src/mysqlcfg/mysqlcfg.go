// Package mysqlcfg covers go-sql-driver/mysql's Config.
package mysqlcfg

import (
	"database/sql"
	"time"

	"github.com/go-sql-driver/mysql"
)

func open() (*sql.DB, error) {
	cfg := mysql.Config{User: "app", Net: "tcp", Addr: "db:3306", DBName: "app", Timeout: 5, ReadTimeout: 30 * time.Second} // want `\[duration-without-unit\] Timeout\(5\) is 5 nanoseconds`
	cfg.WriteTimeout = 30 * time.Second
	return sql.Open("mysql", cfg.FormatDSN())
}

func openTLSOff() (*sql.DB, error) {
	return sql.Open("mysql", "app@tcp(db:3306)/app?tls=false&timeout=10s") // want `\[prod-tls-disabled\] tls_mode is disable \(tls=false\) in production code`
}
