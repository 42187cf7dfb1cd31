// Package scopes covers a constant used in test and production code.
package scopes

import (
	"context"

	"github.com/jackc/pgx/v5/pgxpool"
)

// sharedDSN is used by production code and by a test.
const sharedDSN = "postgres://app@db/app?pool_max_conns=1&sslmode=disable" // want `\[test-pool-too-small\] max_open is 1 \(pool_max_conns\) in test code; policy wants ≥ 2 \(the constant is also used in prod code; the stricter verdict is reported\)` `\[prod-tls-disabled\] .*\(the constant is also used in test code; the stricter verdict is reported\)`

func Open(ctx context.Context) (*pgxpool.Pool, error) { return pgxpool.New(ctx, sharedDSN) }
