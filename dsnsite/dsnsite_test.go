package dsnsite

import (
	"slices"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/model"
)

func TestSite(t *testing.T) {
	tests := []struct {
		drv           catalog.Driver
		key, value    string
		setting       catalog.Setting
		value0        catalog.Value
		problem       string // problem code, "" for none
		knob, foreign bool
	}{
		{catalog.Prisma, "connection_limit", "1", catalog.MaxOpen, catalog.Value{Kind: catalog.Count, N: 1}, "", true, false},
		{catalog.Prisma, "pool_timeout", "5", catalog.AcquireTimeout, catalog.Value{Kind: catalog.Duration, D: 5e9}, "", true, false},
		{catalog.MySQL, "timeout", "500ms", catalog.ConnectTimeout, catalog.Value{Kind: catalog.Duration, D: 5e8}, "", true, false},
		{catalog.Redis, "dial_timeout", "3", catalog.ConnectTimeout, catalog.Value{Kind: catalog.Duration, D: 3e9}, "", true, false},
		{catalog.Pgx, "connect_timeout", "5s", catalog.ConnectTimeout, catalog.Value{}, "unit-suffix", true, false},
		// pool_max_conns is pgxpool's: sent to the server by pgx.
		{catalog.Pgx, "pool_max_conns", "10", "", catalog.Value{}, "forwarded", false, true},
		// a server parameter no driver models: passed on, not judged.
		{catalog.Pgx, "search_path", "app", "", catalog.Value{}, "", false, false},
		// go-redis rejects every key it does not read.
		{catalog.Redis, "idle_check_frequency", "1m", "", catalog.Value{}, "unknown-option", false, false},
	}
	for _, tt := range tests {
		s := Site(tt.drv, dsn.Param{Key: tt.key, Value: tt.value})
		code := ""
		if s.Problem != nil {
			code = s.Problem.Code
		}
		if s.Setting != tt.setting || code != tt.problem || (s.Knob != nil) != tt.knob || (s.Foreign != nil) != tt.foreign {
			t.Errorf("%s %s=%s: setting %q problem %q knob %v foreign %v", tt.drv, tt.key, tt.value, s.Setting, code, s.Knob != nil, s.Foreign != nil)
		}
		if tt.value0.Kind != catalog.Unknown && s.Value != tt.value0 {
			t.Errorf("%s %s=%s: value %+v, want %+v", tt.drv, tt.key, tt.value, s.Value, tt.value0)
		}
		if s.Key != tt.key || s.Raw != tt.value || !s.Const || s.Source != model.Param {
			t.Errorf("%s %s=%s: site %+v", tt.drv, tt.key, tt.value, s)
		}
	}
}

func TestPool(t *testing.T) {
	tests := []struct {
		in   string
		hint catalog.Driver
		want catalog.Driver
	}{
		{"postgresql://app:secret@localhost:5432/app_test?connection_limit=1&pool_timeout=5", "", catalog.Prisma},
		{"postgres://app:secret@db:5432/app?pool_max_conns=10", "", catalog.Pgxpool},
		{"postgres://app:secret@db:5432/app?pool_max_conns=10", catalog.PQ, catalog.PQ},
		{"postgres://app:secret@db:5432/app?sslmode=disable", "", catalog.Postgres},
		{"app:secret@tcp(db:3306)/app?timeout=5s", "", catalog.MySQL},
		{"redis://:secret@cache:6379/0?dial_timeout=3", "", catalog.Redis},
	}
	for _, tt := range tests {
		d, err := dsn.Parse(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		p := Pool(d, tt.hint)
		if p.Driver != tt.want {
			t.Errorf("%s: driver %s, want %s", tt.in, p.Driver, tt.want)
		}
		if strings.Contains(p.DSN, "secret") {
			t.Errorf("%s: DSN not redacted: %s", tt.in, p.DSN)
		}
		if len(p.Sites) != len(d.Params) {
			t.Fatalf("%s: %d sites for %d params", tt.in, len(p.Sites), len(d.Params))
		}
		for i, s := range p.Sites {
			if s.Ref != i || s.Key != d.Params[i].Key {
				t.Errorf("%s: site %d: ref %v key %s", tt.in, i, s.Ref, s.Key)
			}
		}
	}
}

// TestRepeatedKey: a driver that reads the last of a repeated key is
// judged on that one only; one whose behaviour differs keeps them all.
func TestRepeatedKey(t *testing.T) {
	tests := []struct {
		in   string
		hint catalog.Driver
		refs []int // the params that become sites
	}{
		{"postgres://h/db?ssl=false&ssl=true", catalog.Pgx, []int{1}},
		{"host=h pool_max_conns=1 pool_max_conns=10", catalog.Pgxpool, []int{0, 2}},
		{"app@tcp(db:3306)/app?timeout=1s&readTimeout=2s&timeout=5s", catalog.MySQL, []int{0, 1, 2}}, // parsed in order: a bad early one fails
		{"redis://cache:6379/0?pool_size=1&pool_size=10", "", []int{1}},
		{"postgres://h/db?sslmode=disable&sslmode=require", "", []int{0, 1}}, // lib/pq reads the first, pgx the last
	}
	for _, tt := range tests {
		d, err := dsn.Parse(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		var got []int
		for _, s := range Pool(d, tt.hint).Sites {
			got = append(got, s.Ref.(int))
		}
		if !slices.Equal(got, tt.refs) {
			t.Errorf("%s: sites for params %v, want %v", tt.in, got, tt.refs)
		}
	}
}

// TestSSLAliasURLOnly: ssl=true means sslmode=require in a pgx URL only;
// in keyword/value form it is sent to the server, which refuses it.
func TestSSLAliasURLOnly(t *testing.T) {
	for in, forwarded := range map[string]bool{
		"postgres://h/db?ssl=true": false,
		"host=h ssl=true":          true,
	} {
		d, err := dsn.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		p := Pool(d, catalog.Pgx)
		s := p.Sites[len(p.Sites)-1]
		got := s.Problem != nil && s.Problem.Code == catalog.CodeForwarded && s.Setting == ""
		if got != forwarded || !forwarded && s.Value.S != "require" {
			t.Errorf("%s: setting %q value %v problem %v; want forwarded %v", in, s.Setting, s.Value, s.Problem, forwarded)
		}
	}
}

// TestLocal: a postgres pool whose hosts are all Unix sockets is local.
func TestLocal(t *testing.T) {
	for in, local := range map[string]bool{
		"host=/var/run/postgresql sslmode=disable":      true,
		"postgres://u@db/app?sslmode=disable&host=/tmp": true,
		"host=/tmp,db sslmode=disable":                  false,
		"host=db sslmode=disable":                       false,
		"postgres://u@db/app?sslmode=disable":           false,
		"dbname=app sslmode=disable":                    false, // no host: pgx picks one at run time
		"app@unix(/tmp/mysql.sock)/app?tls=false":       false, // not postgres
	} {
		d, err := dsn.Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Pool(d, "").Local; got != local {
			t.Errorf("%s: Local = %v, want %v", in, got, local)
		}
	}
}

// TestPlausibleKeyValue: a keyword/value string off a sink counts when
// every key is one a Postgres driver reads (pgxpool's pool_ keys too)
// and one shows it is a connection string.
func TestPlausibleKeyValue(t *testing.T) {
	for in, want := range map[string]bool{
		"host=db dbname=app sslmode=disable":                           true,
		"host=db dbname=app pool_max_conns=1":                          true,
		"host=db dbname=app sslmode=disable pool_max_conn_lifetime=1h": true,
		"host=db pool_max_conns=1":                                     true,
		"host=db port=5432":                                            false,
		"host=db dbname=app colour=blue":                               false,
		"level=info msg=started pool_max_conns=1":                      false,
	} {
		d, err := dsn.Parse(in)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if _, got := Plausible(d); got != want {
			t.Errorf("Plausible(%q) = %v, want %v", in, got, want)
		}
	}
}
