package scopes

import (
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"
)

// NewTestPool is a test helper in a non-test file: it takes *testing.T,
// so its use of sharedDSN is test code.
func NewTestPool(t *testing.T) *pgxpool.Pool {
	pool, err := pgxpool.New(t.Context(), sharedDSN)
	if err != nil {
		t.Skip(err)
	}
	return pool
}
