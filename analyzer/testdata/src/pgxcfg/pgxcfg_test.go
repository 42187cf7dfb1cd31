package pgxcfg

import (
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

func TestConfig(t *testing.T) {
	cfg, err := pgxpool.ParseConfig("postgres://app@localhost/app_test")
	if err != nil {
		t.Skip(err)
	}
	cfg.MaxConns = 1                                // want `\[test-pool-too-small\] max_open is 1 \(MaxConns\) in test code`
	cfg.ConnConfig.ConnectTimeout = 2 * time.Second // want `\[test-connect-timeout-too-short\] connect_timeout is 2s \(ConnectTimeout: 2 \* time.Second\) in test code`
}
