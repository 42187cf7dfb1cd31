// Package incident is the shape of the original incident: production
// reads DATABASE_URL untouched, and a test helper appends pool settings
// to it for the test database.
package incident

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Open connects to the database named by DATABASE_URL.
func Open(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
}
