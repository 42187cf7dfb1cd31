package main

import (
	"bytes"
	"encoding/json"
	"testing"
)

// -inventory says where a value given through a named constant is
// written: this package's declaration, or another package's.
func TestInventoryValueAt(t *testing.T) {
	module(t, map[string]string{
		"config/config.go": "package config\n\nconst MaxIdle = 4\n",
		"store/store.go": `package store

import (
	"database/sql"

	"m/config"
)

const maxOpen = 20

func Open() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(config.MaxIdle)
	db.SetConnMaxIdleTime(0)
}
`,
	})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-inventory", "-format", "json", "./..."}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got struct {
		Settings []invEntry `json:"settings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err, stdout.String())
	}
	want := map[string]string{"max_open": "store/store.go:9", "max_idle": "config/config.go:3", "conn_max_idle_time": ""}
	for _, e := range got.Settings {
		w, ok := want[e.Setting]
		if !ok {
			continue
		}
		delete(want, e.Setting)
		if e.ValueAt != w {
			t.Errorf("%s at %s:%d: value_at %q, want %q", e.Setting, e.File, e.Line, e.ValueAt, w)
		}
	}
	for s := range want {
		t.Errorf("%s not listed: %s", s, stdout.String())
	}
}
