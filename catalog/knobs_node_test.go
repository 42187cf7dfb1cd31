package catalog

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// npmCite is a pinned npm package followed by a file:line somewhere in a
// Source.
var npmCite = regexp.MustCompile(`[a-z0-9@/.-]+@\d+\.\d+\.\d+ \S+\.(js|ts):\d+`)

func TestNodeRows(t *testing.T) {
	rows := Options("")
	if len(rows) == 0 {
		t.Fatal("no option rows")
	}
	for _, k := range rows {
		name := string(k.Driver) + " " + k.Key
		if !k.Option || k.API != nil {
			t.Errorf("%s: an option row is an Option and no API", name)
		}
		if !npmCite.MatchString(k.Source) {
			t.Errorf("%s: Source %q cites no package@version file:line", name, k.Source)
		}
		if Info(k.Driver) == nil || Info(k.Driver).Family != "node" {
			t.Errorf("%s: not a Node driver", name)
		}
		if k.Setting != "" && !unitAllowed(k.Setting.Kind(), k.Unit) {
			t.Errorf("%s: unit %d cannot spell a %s", name, k.Unit, k.Setting)
		}
		if k.Default != "" {
			v, p := k.Parse(k.Default)
			if got, ok := k.Format(v); p != nil || !ok || got != k.Default {
				t.Errorf("%s: default %q reads back as %q (%v)", name, k.Default, got, p)
			}
		}
		for _, s := range k.Special {
			_, num := splitOp(s.Raw)
			if _, err := k.readNumber(num); err != nil {
				t.Errorf("%s: special %q does not read", name, s.Raw)
			}
		}
	}
	for _, d := range nodeDrivers {
		if !npmCite.MatchString(d.Source) {
			t.Errorf("%s: Source %q cites no package@version file:line", d.Name, d.Source)
		}
	}
	for _, s := range NodeSinks() {
		if !strings.Contains(s.Source, "@") || len(s.Export) == 0 {
			t.Errorf("sink %s %v: no pinned Source or no export", s.Package, s.Export)
		}
	}
}

// Option rows are not DSN keys: "max" must not make a query fragment a
// DSN, nor reach the Go analyzer's tables.
func TestNodeRowsAreNotDSNKeys(t *testing.T) {
	for _, k := range Knobs() {
		if k.Option {
			t.Errorf("Knobs lists option %s %s", k.Driver, k.Key)
		}
	}
	for _, key := range []string{"max", "min", "connectionLimit", "pool.max", "idleTimeoutMillis"} {
		if FragmentKey(key) {
			t.Errorf("FragmentKey(%q)", key)
		}
	}
	if _, ok := Lookup(NodePg, "max"); ok {
		t.Error("Lookup finds an option")
	}
}

func TestNodeValues(t *testing.T) {
	tests := []struct {
		d        Driver
		key, raw string
		want     Value
		problem  string
		special  Meaning
	}{
		{NodePg, "max", "1", count(1), "", 0},
		{NodePg, "max", "0", count(0), "", MeansDefault},
		{NodePg, "max", "-1", count(-1), CodeTooSmall, 0},
		{NodePg, "idleTimeoutMillis", "30000", dur(30 * time.Second), "", 0},
		{NodePg, "idleTimeoutMillis", "0", dur(0), "", MeansUnlimited},
		{NodePg, "idleTimeoutMillis", "-1", dur(-time.Millisecond), CodeChurn, 0},
		{NodePg, "maxLifetimeSeconds", "60", dur(time.Minute), "", 0},
		{Knex, "pool.max", "0", count(0), CodeTooSmall, 0},
		{Knex, "pool.min", "-1", count(-1), CodeNegative, 0},
		{Knex, "acquireConnectionTimeout", "0", dur(0), CodeUnparsable, 0},
		{Knex, "pool.acquireTimeoutMillis", "2000", dur(2 * time.Second), "", 0},
		{Sequelize, "pool.acquire", "0", dur(0), "", MeansDefault},
		{Sequelize, "pool.max", "0", count(0), CodeTooSmall, 0},
		{MySQL2, "connectionLimit", "0", count(0), "", MeansUnlimited},
		{MySQL2, "waitForConnections", "false", Value{}, CodeFailsFast, 0},
		{MySQL2, "waitForConnections", "true", word("true"), "", 0},
		{MySQL2, "connectTimeout", "0", dur(0), "", MeansUnlimited},
	}
	for _, tt := range tests {
		k, ok := LookupOption(tt.d, tt.key)
		if !ok {
			t.Errorf("%s %s: no row", tt.d, tt.key)
			continue
		}
		v, p := k.Parse(tt.raw)
		if v != tt.want || code(p) != tt.problem {
			t.Errorf("%s %s=%s: %+v %q, want %+v %q", tt.d, tt.key, tt.raw, v, code(p), tt.want, tt.problem)
		}
		var m Meaning
		if sp := k.SpecialFor(v); sp != nil {
			m = sp.Is
		}
		if m != tt.special {
			t.Errorf("%s %s=%s: special %d, want %d", tt.d, tt.key, tt.raw, m, tt.special)
		}
	}
}

func TestNodeForSetting(t *testing.T) {
	ks := ForSetting(NodePg, AcquireTimeout)
	if len(ks) != 1 || ks[0].Key != "connectionTimeoutMillis" {
		t.Errorf("ForSetting(node-postgres, acquire_timeout) = %v", ks)
	}
	if got, _ := ks[0].Format(dur(20 * time.Second)); got != "20000" {
		t.Errorf("20s in ms = %q", got)
	}
}
