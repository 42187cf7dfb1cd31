package flow

import (
	"database/sql"
	"os"
	"time"

	"github.com/magiconair/properties"
	"gopkg.in/ini.v1"
)

// Configuration libraries whose getters take a default: the default is
// what runs when the file has no such key.
func openFromProperties(p *properties.Properties) {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(p.GetInt("db.max_open", 0))                   // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), the fallback of p.GetInt\("db.max_open", 0\)\)`
	db.SetConnMaxLifetime(p.GetDuration("db.lifetime", time.Second)) // want `\[prod-lifetime-too-short\]`
	db.SetMaxIdleConns(p.GetInt("db.max_idle", 2))
}

func openFromINI() {
	cfg, _ := ini.Load("app.ini")
	sec := cfg.Section("database")
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(sec.Key("MAX_OPEN_CONNS").MustInt(0)) // want `\[prod-pool-unbounded\] max_open defaults to unlimited`
	db.SetMaxIdleConns(sec.Key("MAX_IDLE_CONNS").MustInt())
	db.SetConnMaxLifetime(sec.Key("CONN_MAX_LIFETIME").MustDuration(time.Hour))
}
