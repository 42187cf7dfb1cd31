package quiet

import (
	"database/sql"
	"testing"

	_ "github.com/lib/pq"
)

// sslmode=disable is fine against a local test database.
func TestLocal(t *testing.T) {
	db, err := sql.Open("postgres", "postgres://app@localhost:5432/app_test?sslmode=disable&connect_timeout=10")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(10)
	_ = db
}
