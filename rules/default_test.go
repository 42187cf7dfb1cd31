package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
)

func TestDefaultLoads(t *testing.T) {
	if _, err := loadDefault(); err != nil {
		t.Fatal(err)
	}
}

// TestDefaultRules holds every default rule to the documentation
// standard: stable id, title, why, before and after, examples.
func TestDefaultRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Default().Rules() {
		switch {
		case !kebab.MatchString(r.ID) || seen[r.ID]:
			t.Errorf("%s: bad or duplicate id", r.ID)
		case r.Title == "" || strings.Count(strings.TrimSpace(r.Why), "\n\n") > 0 || len(r.Why) < 80:
			t.Errorf("%s: needs a title and one paragraph of why", r.ID)
		case r.Before == "" || r.After == "":
			t.Errorf("%s: needs before and after", r.ID)
		case r.Origin != DefaultName:
			t.Errorf("%s: origin %q", r.ID, r.Origin)
		}
		seen[r.ID] = true
		bad, good := 0, 0
		for _, ex := range r.Examples {
			bad += min(len(ex.Bad), 1)
			good += min(len(ex.Good), 1)
		}
		if bad == 0 || good == 0 {
			t.Errorf("%s: needs a bad and a good example", r.ID)
		}
	}
}

// TestDefaultExamples proves every default rule on its examples, as the
// loader does, and shows each violation for review.
func TestDefaultExamples(t *testing.T) {
	for _, r := range Default().Rules() {
		if r.Check != "" {
			continue
		}
		for _, ex := range r.Examples {
			for _, c := range []struct {
				s   string
				bad bool
			}{{ex.Bad, true}, {ex.Good, false}} {
				if msg := r.try(ex, c.s, c.bad); msg != "" {
					t.Errorf("%s: %s: %s", r.ID, c.s, msg)
				}
			}
			if ex.Bad == "" {
				continue
			}
			pool, err := examplePool(ex.Bad, catalog.Driver(ex.Driver), r.exampleScope(ex))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range r.judge(pool, nil) {
				t.Logf("%-32s %s [found %q, want %q]", r.ID, v.Message, v.Found, v.Want)
				if strings.Contains(v.Message, "secret") {
					t.Errorf("%s: message shows a password: %s", r.ID, v.Message)
				}
			}
		}
	}
}

// TestDefaultPolicy pins what the issue asks of the default policy.
func TestDefaultPolicy(t *testing.T) {
	p := Default()
	tests := []struct {
		id       string
		severity Severity
		scope    string
		setting  catalog.Setting
		disabled bool
	}{
		{"test-pool-too-small", Error, ScopeTest, catalog.MaxOpen, false},
		{"test-acquire-timeout-too-short", Warning, ScopeTest, catalog.AcquireTimeout, false},
		{"test-connect-timeout-too-short", Warning, ScopeTest, catalog.ConnectTimeout, false},
		{"max-idle-above-max-open", Warning, ScopeAny, catalog.MaxIdle, false},
		{"unit-suffix-rejected", Error, ScopeAny, "", false},
		{"duration-missing-unit", Error, ScopeAny, "", false},
		{"pool-size-below-one", Error, ScopeAny, "", false},
		{"value-panics", Error, ScopeAny, "", false},
		{"value-fails-fast", Error, ScopeAny, "", false},
		{"value-silently-replaced", Error, ScopeAny, "", false},
		{"pool-param-forwarded", Error, ScopeAny, "", false},
		{"prod-pool-unbounded", Warning, ScopeProd, catalog.MaxOpen, false},
		{"prod-single-connection", Warning, ScopeProd, catalog.MaxOpen, false},
		{"prod-lifetime-unlimited", Warning, ScopeProd, catalog.ConnMaxLifetime, false},
		{"prod-acquire-timeout-unlimited", Warning, ScopeProd, catalog.AcquireTimeout, false},
		{"prod-tls-disabled", Warning, ScopeProd, catalog.TLSMode, false},
		{"connect-timeout-required", Warning, ScopeProd, catalog.ConnectTimeout, true},
	}
	for _, tt := range tests {
		r := p.Rule(tt.id)
		if r == nil {
			t.Errorf("%s: missing", tt.id)
			continue
		}
		if r.Severity != tt.severity || r.Scope != tt.scope || r.Setting != tt.setting || r.Disabled != tt.disabled {
			t.Errorf("%s: %v %s %s disabled=%v", tt.id, r.Severity, r.Scope, r.Setting, r.Disabled)
		}
	}
	for _, c := range CheckNames {
		if rs := p.Checks(c); len(rs) != 1 {
			t.Errorf("check %s: %d rules", c, len(rs))
		}
	}
	for _, id := range []string{"prod-single-connection", "test-pool-too-small"} {
		if got := p.Rule(id).Drivers; !slices.Equal(got, []string{"!sqlite3", "!sqlite", "!glebarez-sqlite", "!unknown"}) {
			t.Errorf("%s drivers %q: SQLite, and a pool that may be SQLite, are exempt", id, got)
		}
	}
}

// TestDefaultSeed runs the incident's URL through the default policy.
func TestDefaultSeed(t *testing.T) {
	const seed = "postgresql://app:secret@localhost:5432/app_test?connection_limit=1&pool_timeout=5&connect_timeout=5"
	for _, tt := range []struct {
		scope string
		want  []string
	}{
		{ScopeTest, []string{
			"test-pool-too-small: max_open is 1 (connection_limit) in test code; policy wants ≥ 2 [want 10]",
			"test-acquire-timeout-too-short: acquire_timeout is 5s (pool_timeout=5) in test code; policy wants ≥ 10s [want 20]",
			"test-connect-timeout-too-short: connect_timeout is 5s (connect_timeout=5) in test code; policy wants ≥ 10s [want 10]",
		}},
		// Production is untouched by the fix; one connection there is a
		// warning of its own.
		{ScopeProd, []string{
			"prod-single-connection: max_open is 1 (connection_limit) in production code; policy wants not 1 [want 10]",
		}},
	} {
		pool, err := examplePool(seed, "", tt.scope)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range Default().Evaluate(pool) {
			got = append(got, v.Rule.ID+": "+v.Message+" [want "+v.Want+"]")
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.scope, got, tt.want)
		}
		if strings.Contains(pool.DSN, "secret") {
			t.Errorf("pool DSN not redacted: %s", pool.DSN)
		}
	}
}
