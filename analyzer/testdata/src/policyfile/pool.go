// Package policyfile is judged by its own .poolcheck.toml.
package policyfile

import (
	"database/sql"
	"testing"
)

func openForTest(t *testing.T) *sql.DB {
	db, _ := sql.Open("pgx", "postgres://app@localhost/app_test")
	db.SetMaxOpenConns(3) // want `\[test-pool-too-small\] max_open is 3 \(SetMaxOpenConns\) in test code; policy wants ≥ 4`
	return db
}
