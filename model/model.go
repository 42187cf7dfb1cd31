// Package model is the neutral description of connection pools that the
// finders produce and the policy judges. It knows nothing of Go syntax or
// file formats.
package model

import "github.com/poolcheck/poolcheck/catalog"

// Source says where a setting was written.
type Source uint8

// The sources.
const (
	Param Source = iota + 1 // a DSN parameter
	Arg                     // a Go call argument: db.SetMaxOpenConns(1)
	Field                   // a Go struct field: cfg.MaxConns = 1, Options{PoolSize: 1}
)

// Site is one setting written somewhere.
type Site struct {
	Setting catalog.Setting // "" when the driver does not know Key
	Key     string          // as written: "connection_limit", "SetMaxOpenConns", "MaxConns"
	Raw     string          // the value as written: "5", "5s", "5 * time.Second"
	Const   bool            // the value is a constant and Value holds it
	Value   catalog.Value
	Problem *catalog.Problem // the driver rejects or misreads Raw
	Knob    *catalog.Knob    // nil when the driver does not know Key
	Foreign *catalog.Knob    // the knob Key belongs to in another driver, when Knob is nil
	Source  Source
	// Via says how a value not written at the setting reaches it: "flag
	// -db-max-conns", "openDB's maxOpen". Default is true for a value
	// that holds when nobody sets it at run time (a flag's default).
	Via     string
	Default bool
	// Unitless is a Go duration written as a bare number (300 is 300 ns):
	// the duration-without-unit check reports it, and value rules do not
	// judge the nanoseconds it means.
	Unitless bool
	Ref      any // the finder's handle: position and editable span
}

// Pool is the set of sites that configure one connection pool.
type Pool struct {
	ID     string // stable within a run, for inventories: "file.go:12"
	Driver catalog.Driver
	Path   string   // slash-separated file path, for scope globs
	Scopes []string // scope names that hold for this pool ("test", "prod", ...)
	DSN    string   // redacted DSN, "" when the pool has none
	Sites  []*Site
	// Partial is true when part of the configuration is not visible (a
	// DSN from the environment with a constant fragment appended), so a
	// missing setting may be set elsewhere.
	Partial bool
	// Local is true when every host is a Unix socket: nothing crosses a
	// network, and pgx and lib/pq ignore the TLS settings.
	Local bool
	Ref   any // the finder's handle for pool-level findings (a missing setting)
}

// Get returns the last site that sets s, or nil.
func (p *Pool) Get(s catalog.Setting) *Site {
	for i := len(p.Sites) - 1; i >= 0; i-- {
		if p.Sites[i].Setting == s {
			return p.Sites[i]
		}
	}
	return nil
}

// In reports whether the pool is in scope name.
func (p *Pool) In(name string) bool {
	for _, s := range p.Scopes {
		if s == name {
			return true
		}
	}
	return false
}
