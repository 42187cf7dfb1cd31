package app

import (
	"database/sql"
	"testing"
)

func TestOpen(t *testing.T) {
	db, err := sql.Open("postgres", "postgres://test:test@localhost:5432/test?sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	defer db.Close()
}
