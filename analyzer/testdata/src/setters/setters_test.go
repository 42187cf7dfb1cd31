package setters

import (
	"database/sql"
	"testing"
	"time"
)

// A test helper in a test file: test scope.
func newTestDB(t *testing.T) *sql.DB {
	db, err := sql.Open("pgx", "postgres://app@localhost/app_test?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1) // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns\) in test code; policy wants ≥ 2`
	db.SetConnMaxLifetime(30 * time.Second)
	return db
}
