package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
)

const validDir = "../testdata/policy/valid/"

func TestOverride(t *testing.T) {
	p, err := Load(validDir + "override.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := p.Rule("test-pool-too-small")
	if r.Min.N != 4 || r.Severity != Warning || r.Suggest.N != 10 || r.Title != Default().Rule(r.ID).Title {
		t.Errorf("override: min %v severity %v suggest %v title %q", r.Min, r.Severity, r.Suggest, r.Title)
	}
	if got, want := r.origins(), validDir+"override.toml:11 (overrides default)"; got != want {
		t.Errorf("origin %q, want %q", got, want)
	}
	if !p.Rule("prod-tls-disabled").Disabled || p.Rule("connect-timeout-required").Disabled {
		t.Error("disable/enable not applied")
	}
	// A rule turned on or off by a list comes from that list.
	for id, want := range map[string]string{
		"connect-timeout-required": validDir + "override.toml:5 (enable) (overrides default)",
		"prod-tls-disabled":        validDir + "override.toml:4 (disable) (overrides default)",
	} {
		if got := p.Rule(id).origins(); got != want {
			t.Errorf("%s: origin %q, want %q", id, got, want)
		}
	}
	last := p.Rules()[len(p.Rules())-1]
	if last.ID != "migrations-single-connection" || last.Origin != validDir+"override.toml:16" {
		t.Errorf("new rule %s from %s", last.ID, last.Origin)
	}
	// The default policy is not modified.
	d := Default()
	if d.Rule("test-pool-too-small").Min.N != 2 || d.Rule("prod-tls-disabled").Disabled || d.Rule("migrations-single-connection") != nil {
		t.Error("loading an override changed the default policy")
	}
	// The override judges.
	vs := p.Evaluate(params(catalog.Prisma, ScopeTest, "connection_limit=3", "pool_timeout=20", "connect_timeout=10"))
	if len(vs) != 1 || vs[0].Rule.ID != "test-pool-too-small" || vs[0].Rule.Severity != Warning {
		t.Errorf("got %s", dump(vs))
	}
}

func TestChain(t *testing.T) {
	p, err := Load(validDir + "chain.toml")
	if err != nil {
		t.Fatal(err)
	}
	r := p.Rule("test-pool-too-small")
	if r.Min.N != 4 || r.Severity != Error {
		t.Errorf("min %v severity %v", r.Min, r.Severity)
	}
	want := validDir + "chain.toml:5 (overrides default, " + validDir + "override.toml:11)"
	if got := r.origins(); got != want {
		t.Errorf("origin %q, want %q", got, want)
	}
	if p.Rule("prod-tls-disabled").Disabled || p.Rule("migrations-single-connection") == nil {
		t.Error("chain lost a setting")
	}
	if got := p.ScopesFor("migrations/001.go", false); strings.Join(got, ",") != "prod,migrations" {
		t.Errorf("scopes %q", got)
	}
}

func TestNone(t *testing.T) {
	p, err := Load(validDir + "none.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Rules()) != 1 || len(p.Rules()[0].Examples) != 2 {
		t.Fatalf("rules %d", len(p.Rules()))
	}
}

func TestWriteRules(t *testing.T) {
	p := mustLoad(t, `extends = "none"
[[rule]]
id = "a-rule"
title = "t"
why = "w"
setting = "max_open"
scope = "test"
severity = "error"
min = 2
[[rule]]
id = "b"
title = "t"
why = "w"
setting = "tls_mode"
scope = "prod"
drivers = ["!sqlite3", "!sqlite"]
severity = "warning"
enabled = false
forbid = ["disable", "allow"]
`)
	var b strings.Builder
	if err := p.WriteRules(&b); err != nil {
		t.Fatal(err)
	}
	origin := p.Rules()[0].Origin[:len(p.Rules()[0].Origin)-2] // ".../p.toml"
	// Columns are as wide as their widest cell plus two spaces.
	row := func(cells ...string) string {
		return fmt.Sprintf("%-8s%-10s%-7s%-29s%-18s%s\n", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
	}
	want := row("ID", "SEVERITY", "SCOPE", "CONSTRAINT", "DRIVERS", "ORIGIN") +
		row("a-rule", "error", "test", "max_open ≥ 2", "all", origin+":2") +
		row("b", "off", "prod", "tls_mode not disable, allow", "!sqlite3,!sqlite", origin+":10")
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestExplain(t *testing.T) {
	p := mustLoad(t, `extends = "none"
[[rule]]
id = "idle"
title = "More idle connections than open ones"
why = """
database/sql lowers MaxIdleConns to MaxOpenConns.
"""
setting = "max_idle"
scope = "any"
severity = "warning"
relation = "<= max_open"
before = "db.SetMaxIdleConns(20)"
after = "db.SetMaxIdleConns(10)"
`)
	got, ok := p.Explain("idle")
	if !ok {
		t.Fatal("no rule")
	}
	origin := p.Rule("idle").Origin
	want := `idle: More idle connections than open ones

Severity:  warning
Status:    enabled; turn it off with disable = ["idle"] in .poolcheck.toml
Scope:     any
Drivers:   all
Rule:      max_idle ≤ max_open
Origin:    ` + origin + `

database/sql lowers MaxIdleConns to MaxOpenConns.

Before:
    db.SetMaxIdleConns(20)

After:
    db.SetMaxIdleConns(10)
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, ok := p.Explain("nope"); ok {
		t.Error("explained a missing rule")
	}
}

func TestExclude(t *testing.T) {
	p, err := Load(validDir + "exclude.toml")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"gen/db.go":                        true,
		"gen/sub/db.go":                    true,
		"internal/testdata/recorded/a.go":  true,
		"internal/testdata/recorded/a.txt": false,
		"internal/gen/db.go":               false,
		"db.go":                            false,
	} {
		if got := p.Excluded(path); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", path, got, want)
		}
	}
	if !p.Rule("prod-tls-disabled").Disabled {
		t.Error("the extended policy was not applied")
	}
	if Default().Excluded("gen/db.go") {
		t.Error("the default policy excludes nothing")
	}
}
