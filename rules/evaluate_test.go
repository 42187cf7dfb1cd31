package rules

import (
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// evalPolicy has one rule of each kind; extends = "none" keeps the
// default rules out of the way.
const evalPolicy = `
extends = "none"

[[rule]]
id = "acquire-min"
title = "t"
why = "w"
setting = "acquire_timeout"
scope = "test"
severity = "warning"
min = "10s"
suggest = "20s"

[[rule]]
id = "connect-min"
title = "t"
why = "w"
setting = "connect_timeout"
scope = "test"
severity = "warning"
min = "10s"

[[rule]]
id = "open-min"
title = "t"
why = "w"
setting = "max_open"
scope = "test"
severity = "error"
min = 2
suggest = 10

[[rule]]
id = "single"
title = "t"
why = "w"
setting = "max_open"
scope = "prod"
drivers = ["!sqlite3", "!sqlite"]
severity = "warning"
forbid = [1]

[[rule]]
id = "idle"
title = "t"
why = "w"
setting = "max_idle"
scope = "any"
severity = "warning"
relation = "<= max_open"

[[rule]]
id = "tls"
title = "t"
why = "w"
setting = "tls_mode"
scope = "prod"
severity = "warning"
forbid = ["disable"]
suggest = "require"

[[rule]]
id = "suffix"
title = "t"
why = "w"
problems = ["unit-suffix"]
scope = "any"
severity = "error"

[[rule]]
id = "required"
title = "t"
why = "w"
setting = "connect_timeout"
scope = "prod"
severity = "info"
required = true
suggest = "10s"

[[rule]]
id = "pgxpool-cap"
title = "t"
why = "w"
setting = "max_open"
scope = "any"
drivers = ["pgxpool"]
severity = "info"
max = 50

[[rule]]
id = "off"
title = "t"
why = "w"
setting = "max_open"
scope = "any"
severity = "error"
enabled = false
max = 0
`

func TestEvaluate(t *testing.T) {
	p := mustLoad(t, evalPolicy)
	partial := params(catalog.Postgres, ScopeProd, "sslmode=require")
	partial.Partial = true
	notConst := params(catalog.Prisma, ScopeTest, "pool_timeout=1")
	notConst.Sites[0].Const = false
	sqlite := &model.Pool{Driver: catalog.SQLite3, Scopes: []string{ScopeProd}, Sites: []*model.Site{
		{Setting: catalog.MaxOpen, Key: "SetMaxOpenConns", Raw: "1", Const: true, Value: catalog.Value{Kind: catalog.Count, N: 1}, Source: model.Arg},
	}}
	tests := []struct {
		name string
		pool *model.Pool
		want []Violation // Rule holds only the id
	}{
		{"prisma pool_timeout=5 is 5 s", params(catalog.Prisma, ScopeTest, "connection_limit=10", "pool_timeout=5"), []Violation{
			{Rule: &Rule{ID: "acquire-min"}, Found: "5", Want: "20",
				Message: "acquire_timeout is 5s (pool_timeout=5) in test code; policy wants ≥ 10s"}}},
		{"prisma pool_timeout=10 is 10 s", params(catalog.Prisma, ScopeTest, "pool_timeout=10"), nil},
		{"prisma pool_timeout=0 waits forever", params(catalog.Prisma, ScopeTest, "pool_timeout=0"), nil},
		{"mysql timeout=500ms is 0.5 s", params(catalog.MySQL, ScopeTest, "timeout=500ms"), []Violation{
			{Rule: &Rule{ID: "connect-min"}, Found: "500ms", Want: "10s",
				Message: "connect_timeout is 500ms (timeout) in test code; policy wants ≥ 10s"}}},
		{"redis dial_timeout=3 is 3 s", params(catalog.Redis, ScopeTest, "dial_timeout=3"), []Violation{
			{Rule: &Rule{ID: "connect-min"}, Found: "3", Want: "10s",
				Message: "connect_timeout is 3s (dial_timeout=3) in test code; policy wants ≥ 10s"}}},
		{"redis dial_timeout=10 is 10 s", params(catalog.Redis, ScopeTest, "dial_timeout=10"), nil},
		{"pgxpool connect_timeout=0 is the default", params(catalog.Pgxpool, ScopeTest, "connect_timeout=0"), nil},
		{"the seed", params(catalog.Prisma, ScopeTest, "connection_limit=1", "pool_timeout=5", "connect_timeout=5"), []Violation{
			{Rule: &Rule{ID: "acquire-min"}, Found: "5", Want: "20",
				Message: "acquire_timeout is 5s (pool_timeout=5) in test code; policy wants ≥ 10s"},
			{Rule: &Rule{ID: "connect-min"}, Found: "5", Want: "10",
				Message: "connect_timeout is 5s (connect_timeout=5) in test code; policy wants ≥ 10s"},
			{Rule: &Rule{ID: "open-min"}, Found: "1", Want: "10",
				Message: "max_open is 1 (connection_limit) in test code; policy wants ≥ 2"}}},
		{"the fix", params(catalog.Prisma, ScopeTest, "connection_limit=10", "pool_timeout=20", "connect_timeout=10"), nil},
		{"one connection in production", params(catalog.Prisma, ScopeProd, "connection_limit=1", "connect_timeout=10"), []Violation{
			{Rule: &Rule{ID: "single"}, Found: "1",
				Message: "max_open is 1 (connection_limit) in production code; policy wants not 1"}}},
		{"sqlite is exempt", sqlite, nil},
		{"max_idle above max_open", calls(catalog.SQL, ScopeProd, "SetMaxOpenConns=10", "SetMaxIdleConns=20"), []Violation{
			{Rule: &Rule{ID: "idle"}, Found: "20", Want: "10",
				Message: "max_idle is 20 (SetMaxIdleConns) but max_open is 10 (SetMaxOpenConns); policy wants max_idle ≤ max_open"}}},
		{"max_idle under unlimited max_open", calls(catalog.SQL, ScopeProd, "SetMaxOpenConns=0", "SetMaxIdleConns=20"), nil},
		{"max_idle equal to max_open", calls(catalog.SQL, ScopeProd, "SetMaxOpenConns=10", "SetMaxIdleConns=10"), nil},
		{"sslmode=disable in production", params(catalog.Postgres, ScopeProd, "sslmode=disable", "connect_timeout=10"), []Violation{
			{Rule: &Rule{ID: "tls"}, Found: "disable", Want: "require",
				Message: "tls_mode is disable (sslmode) in production code; policy wants not disable"}}},
		{"tls=false in production", params(catalog.MySQL, ScopeProd, "tls=false", "timeout=10s"), []Violation{
			{Rule: &Rule{ID: "tls"}, Found: "false", Want: "skip-verify",
				Message: "tls_mode is disable (tls=false) in production code; policy wants not disable"}}},
		{"sslmode=disable in test code", params(catalog.Postgres, ScopeTest, "sslmode=disable"), nil},
		{"unit suffix", params(catalog.Pgx, ScopeProd, "connect_timeout=5s"), []Violation{
			{Rule: &Rule{ID: "suffix"}, Found: "5s", Want: "5",
				Message: "connect_timeout=5s: invalid connect_timeout (strconv.ParseInt: parsing \"5s\": invalid syntax); write 5"}}},
		// The fix of the spelling also meets the test rule's minimum, so
		// one round of fixes is enough.
		{"unit suffix settled by a value rule", params(catalog.Pgx, ScopeTest, "connect_timeout=5s"), []Violation{
			{Rule: &Rule{ID: "suffix"}, Found: "5s", Want: "10",
				Message: "connect_timeout=5s: invalid connect_timeout (strconv.ParseInt: parsing \"5s\": invalid syntax); write 10"}}},
		{"required and missing", params(catalog.Postgres, ScopeProd, "sslmode=require"), []Violation{
			{Rule: &Rule{ID: "required"}, Want: "10",
				Message: "connect_timeout is not set in production code; policy wants it set"}}},
		{"required in a partial pool", partial, nil},
		{"driver filter admits", params(catalog.Pgxpool, ScopeTest, "pool_max_conns=100"), []Violation{
			{Rule: &Rule{ID: "pgxpool-cap"}, Found: "100", Want: "50",
				Message: "max_open is 100 (pool_max_conns); policy wants ≤ 50"}}},
		{"driver filter rejects", params(catalog.Prisma, ScopeTest, "connection_limit=100"), nil},
		{"not constant", notConst, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.Evaluate(tt.pool)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d violations, want %d:\n%s", len(got), len(tt.want), dump(got))
			}
			for i, g := range got {
				w := tt.want[i]
				if g.Rule.ID != w.Rule.ID || g.Found != w.Found || g.Want != w.Want || g.Message != w.Message {
					t.Errorf("violation %d:\n got %s %q %q %q\nwant %s %q %q %q", i,
						g.Rule.ID, g.Found, g.Want, g.Message, w.Rule.ID, w.Found, w.Want, w.Message)
				}
				if (g.Site == nil) != (g.Rule.Required) {
					t.Errorf("violation %d: Site = %v", i, g.Site)
				}
			}
		})
	}
}

func dump(vs []Violation) string {
	s := ""
	for _, v := range vs {
		s += v.Rule.ID + ": " + v.Message + " [found " + v.Found + ", want " + v.Want + "]\n"
	}
	return s
}
