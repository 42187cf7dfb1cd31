package incident

import (
	"os"
	"testing"
)

// useTestDatabase points DATABASE_URL at the test database, with the
// pool settings the Prisma test client reads.
func useTestDatabase(t *testing.T) {
	t.Setenv("DATABASE_URL", os.Getenv("TEST_DATABASE_URL")+"?connection_limit=1&pool_timeout=5&connect_timeout=5") // want `\[test-pool-too-small\] max_open is 1 \(connection_limit\)` `acquire_timeout` `connect_timeout`
}

func TestOpen(t *testing.T) {
	useTestDatabase(t)
	if _, err := Open(t.Context()); err != nil {
		t.Skip(err)
	}
}
