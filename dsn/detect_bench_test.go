package dsn_test

import (
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

var benchKind dsn.Kind

// detectInputs are what the analyzer hands to Detect: connection strings
// of each grammar, fragments, and the ordinary strings that make up most
// of a program's literals.
var detectInputs = []struct{ name, s string }{
	{"url", "postgres://app:secret@db.internal:5432/app?sslmode=require&connect_timeout=10"},
	{"keyvalue", "host=db.internal port=5432 user=app dbname=app sslmode=require"},
	{"mysql", "app:secret@tcp(db.internal:3306)/app?parseTime=true&timeout=5s"},
	{"ado", "Server=tcp:db.internal,1433;Initial Catalog=app;User Id=app"},
	{"fragment-lead", "?connection_limit=10&pool_timeout=20&connect_timeout=10"},
	{"fragment-bare", "pool_max_conns=20&pool_min_conns=2"},
	{"not-dsn-text", "failed to read the configuration file: %v"},
	{"not-dsn-http", "https://example.com/api/v1/users?page=2"},
}

// BenchmarkDetect is grammar detection, fragments included, on each
// kind of input.
func BenchmarkDetect(b *testing.B) {
	for _, in := range detectInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				benchKind = dsn.Detect(in.s)
			}
		})
	}
}

var benchFragment *dsn.DSN

// BenchmarkParseFragmentKnown is the analyzer's fragment detection: a
// constant tail such as base + "?connection_limit=10&..." parsed as a
// fragment whose every key must be a known driver parameter
// (catalog.FragmentKey). "unknown" is the common rejection.
func BenchmarkParseFragmentKnown(b *testing.B) {
	for _, in := range []struct{ name, s string }{
		{"known", "?connection_limit=10&pool_timeout=20&connect_timeout=10"},
		{"unknown", "?page=2&sort=name&order=asc"},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				benchFragment, _ = dsn.ParseFragment(in.s, catalog.FragmentKey)
			}
		})
	}
}
