// Package flow follows values to the pool across functions.
package flow

import "database/sql"

// A *sql.DB kept in a field: opened with SQLite in the constructor and
// limited to one connection in a method. The driver is known through the
// field, so SQLite's single writer is not judged.
type Store struct{ db *sql.DB }

func NewStore(path string) *Store { // want NewStore:"poolcheck func summary"
	db, _ := sql.Open("sqlite", path)
	return &Store{db: db}
}

func (s *Store) Tune() {
	s.db.SetMaxOpenConns(1)
}

// The same shape on postgres: one connection is a finding.
type Repo struct{ db *sql.DB }

func NewRepo(dsn string) *Repo { // want NewRepo:"poolcheck func summary"
	r := &Repo{}
	r.db, _ = sql.Open("pgx", dsn)
	return r
}

func (r *Repo) Tune() {
	r.db.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}
