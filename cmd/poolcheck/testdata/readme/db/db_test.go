package db

import (
	"testing"
	"time"
)

func TestOpen(t *testing.T) {
	db, err := openDB("postgres://app@localhost/app_test", 1, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
}
