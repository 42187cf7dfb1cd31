package quiet

import (
	"database/sql"
	"fmt"
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

// A subtest's name is not a connection string, however it reads.
func TestNames(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run(fmt.Sprintf("postgres://app@db/app?pool_max_conns=1&n=%d", n), func(t *testing.T) {})
	}
	t.Run("postgres://app@db/app?pool_max_conns=1", func(t *testing.T) {})
	t.Run("host=db connect_timeout=1 "+t.Name(), func(t *testing.T) {})
}
