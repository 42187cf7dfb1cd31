package quiet

import (
	"database/sql"
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
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

// A mock has no server and no real pool behind it.
func TestMocked(t *testing.T) {
	db, mock, err := sqlmock.New()
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	_ = mock
}
