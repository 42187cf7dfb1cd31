package flow

import (
	"database/sql"
	"reflect"
	"testing"

	"github.com/redis/go-redis/v9"
)

// Values a test compares with are expectations, not pools: a config
// literal in a variable named want, a DSN in a variable the test only
// compares and prints, redis options it only compares.
func TestExpectations(t *testing.T) {
	want := DBConfig{MaxOpenConns: 1, MaxIdleConns: 1}
	if got := (DBConfig{}); got != want {
		t.Errorf("got %v, want %v", got, want)
	}

	dsn := "root:@tcp(db:3306)/app?timeout=1s"
	if got := dsnOf(); got != dsn {
		t.Errorf("dsn %v, want %v", got, dsn)
	}

	opts := &redis.Options{Addr: "localhost:6379", PoolSize: 1}
	if !reflect.DeepEqual(optionsOf(), opts) {
		t.Fatal("options differ")
	}
}

// The same values used: each is a pool setting again.
func TestUsed(t *testing.T) {
	cfg := DBConfig{MaxOpenConns: 1, MaxIdleConns: 1} // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns, DBConfig.MaxOpenConns\)`
	OpenConfigured(cfg)

	dsn := "postgres://app@db/app?connect_timeout=1" // want `\[test-connect-timeout-too-short\]`
	if dsn != "" {
		db, _ := sql.Open("pgx", dsn)
		_ = db
	}

	opts := &redis.Options{Addr: "localhost:6379", PoolSize: 1} // want `\[test-pool-too-small\]`
	_ = redis.NewClient(opts)
}

func dsnOf() string             { return "" }
func optionsOf() *redis.Options { return nil }
