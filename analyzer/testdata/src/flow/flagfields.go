package flow

import (
	"database/sql"
	"flag"
	"os"
	"time"

	"github.com/urfave/cli/v2"
)

// ServerConfig is filled from the command line: the flag's default is
// what runs when the operator passes nothing.
type ServerConfig struct {
	MaxOpen int
	MaxIdle int
}

func (c *ServerConfig) Register(fs *flag.FlagSet) {
	fs.IntVar(&c.MaxOpen, "db-max-open", 1, "most open connections") // want `\[prod-single-connection\] .*flag -db-max-open default`
	fs.IntVar(&c.MaxIdle, "db-max-idle", 5, "idle connections kept")
}

func OpenServer(c *ServerConfig) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(c.MaxOpen)
	db.SetMaxIdleConns(c.MaxIdle)
	return db
}

// The same with urfave/cli: the flag literal's Value is the default of
// the field its Destination points to.
type WorkerConfig struct {
	MaxOpen  int
	Lifetime time.Duration
}

func WorkerFlags(c *WorkerConfig) []any {
	return []any{
		&cli.IntFlag{Name: "db-max-open", Value: 0, Destination: &c.MaxOpen},                 // want `\[prod-pool-unbounded\] .*flag --db-max-open default`
		&cli.DurationFlag{Name: "db-lifetime", Value: time.Second, Destination: &c.Lifetime}, // want `\[prod-lifetime-too-short\] .*flag --db-lifetime default`
	}
}

func OpenWorker(c *WorkerConfig) *sql.DB {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
	db.SetMaxOpenConns(c.MaxOpen)
	db.SetConnMaxLifetime(c.Lifetime)
	return db
}
