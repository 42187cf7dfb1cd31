package flow // want package:"poolcheck field reaches"

import (
	"database/sql"
	"os"
	"time"
)

// DBConfig's fields reach the setters in OpenConfigured: every constant
// written into them is a value of those settings, judged where it is
// written; a default in a struct tag is what runs when nobody sets it.
type DBConfig struct {
	MaxOpenConns int           `env:"DB_MAX_OPEN" envDefault:"0"` // want `\[prod-pool-unbounded\] max_open defaults to unlimited \(SetMaxOpenConns\(0\), DBConfig.MaxOpenConns's default tag\)` MaxOpenConns:"poolcheck default 0"
	MaxIdleConns int           `env:"DB_MAX_IDLE"`                // want MaxIdleConns:"poolcheck default 0"
	Lifetime     time.Duration `env:"DB_LIFETIME"`                // want Lifetime:"poolcheck default time.Hour"
	Retries      int           `envDefault:"0"`                   // want Retries:"poolcheck default 0"
}

func DefaultDBConfig() DBConfig {
	return DBConfig{MaxIdleConns: 0, Lifetime: time.Hour} // want `\[idle-churn\] SetMaxIdleConns\(0\), DBConfig.MaxIdleConns`
}

func OpenConfigured(c DBConfig) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(c.MaxOpenConns)
	db.SetMaxIdleConns(c.MaxIdleConns)
	db.SetConnMaxLifetime(c.Lifetime)
	return db
}
