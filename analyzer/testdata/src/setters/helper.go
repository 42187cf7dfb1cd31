package setters

import (
	"database/sql"
	"testing"
)

// OpenForTest is a test helper in a non-test file: it takes testing.TB,
// so it is test code.
func OpenForTest(tb testing.TB) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@localhost/app_test?connect_timeout=3") // want `\[test-connect-timeout-too-short\] connect_timeout is 3s \(connect_timeout=3\) in test code`
	db.SetMaxOpenConns(1)                                                           // want `\[test-pool-too-small\]`
	return db
}
