package dsn

import (
	"strings"
	"testing"
)

// The fuzz targets take an input and a fresh value. Each checks that
// parsing never panics, that a failure is an *Error with an offset in
// the input, and that a parsed DSN keeps its invariants: spans inside
// the input and in order, SetValue and Add round-trip through a
// re-parse, and Redacted hides every secret it can be shown to hide.

var fuzzSeeds = map[Kind][]string{
	KindURL: {
		"postgres://jack:secret@localhost:5432/mydb?sslmode=disable&pool_max_conns=5",
		"postgresql://h1:1,[::1]:2,h3/db?application_name=a%20b&connect_timeout=5",
		"postgres://host?x=a@b", "postgres://[::1]z", "postgresql://host?  user = u & port = 1 ",
		"postgres://u:p%zz@h", "postgres://h/db?a=1&", "postgres://a%2Cb/",
		"redis://:pw@localhost:6379/2?pool_size=10#f", "rediss://u:p@[::1]:1/3?db=4&addr=h2:2",
		"unix:///tmp/s.sock?db=1", "redis://h?e&a=%zz&b;c=1",
		"sqlserver://sa:p%40ss@h:1433/inst?database=db&connection+timeout=30", "sqlserver://h?a=1&A=2",
		"mysql://root:pw@db:3306/app?connection_limit=5", "prisma+postgres://h/?api_key=k",
	},
	KindKeyValue: {
		"host=localhost user=jack password='se cret' dbname=mydb sslmode=disable",
		`host='a\'b' x=a\ b y=\`, "host= user=", "  a = b  ", "us er=x", "host='", `='\`, "=x", "host=x\x00",
	},
	KindMySQL: {
		"user:password@tcp(localhost:5555)/dbname?charset=utf8&tls=true&timeout=5s",
		"user:p@ss(word)@tcp([de:ad:be:ef::ca:fe]:80)/dbname?loc=Local", "/dbname%2Fwithslash",
		"@/", "", "user:p@/ssword@/", "unix/?arg=%2Fsome%2Fpath.ext", "net()/", "tcp(/", "net(addr)//", "/db?a&b=1&&",
	},
	KindADO: {
		`Server=tcp:h,1433;Initial Catalog=db;User Id=sa;Password="a;""b""";Connect Timeout=30`,
		"server=h; ", `a=x"y;b=1`, ";;=;", "encrypt;x= y ", "app=\xff",
	},
	KindFragment: {
		"?connection_limit=1&pool_timeout=5", "&connect_timeout=5", "a=1&b=x+y%21&", "?", "?a", "?=1", "?a=%zz",
	},
}

func fuzzKind(f *testing.F, k Kind) {
	for _, s := range fuzzSeeds[k] {
		f.Add(s, "10")
		f.Add(s, "a b&c'\\\";%")
	}
	f.Fuzz(func(t *testing.T, s, v string) {
		d, err := ParseAs(s, k)
		checkParsed(t, s, k, d, err, v)
	})
}

func checkParsed(t *testing.T, s string, k Kind, d *DSN, err error, v string) {
	if err != nil {
		e, ok := err.(*Error)
		if !ok || e.Offset < 0 || e.Offset > len(s) || d != nil {
			t.Fatalf("%q: bad error %#v", s, err)
		}
		return
	}
	if d.Input != s || d.Kind != k {
		t.Fatalf("%q: DSN %+v", s, d)
	}
	checkInvariants(t, d)
	checkSetValue(t, d, v)
	checkAdd(t, d, "zz_key", v)
	checkRedacted(t, d)
}

func FuzzURL(f *testing.F)      { fuzzKind(f, KindURL) }
func FuzzKeyValue(f *testing.F) { fuzzKind(f, KindKeyValue) }
func FuzzMySQL(f *testing.F)    { fuzzKind(f, KindMySQL) }
func FuzzADO(f *testing.F)      { fuzzKind(f, KindADO) }
func FuzzFragment(f *testing.F) { fuzzKind(f, KindFragment) }

// FuzzParse checks Parse and Detect on any text: Parse accepts only in
// the grammar Detect names, and only plausible keys.
func FuzzParse(f *testing.F) {
	for _, seeds := range fuzzSeeds {
		for _, s := range seeds {
			f.Add(s, "5s")
		}
	}
	for _, s := range []string{"connection_limit=1 is bad", "error: timeout=5", "/users", "a=1&b", "Call foo@bar(x)/2"} {
		f.Add(s, "5s")
	}
	f.Fuzz(func(t *testing.T, s, v string) {
		k := Detect(s)
		d, err := Parse(s)
		if err == nil {
			if k == KindUnknown {
				t.Fatalf("%q: Parse accepts what Detect calls unknown", s)
			}
			if _, ok := plausible(d); !ok {
				t.Fatalf("%q: implausible DSN accepted", s)
			}
		}
		if e, ok := err.(*Error); ok && e.Kind != KindUnknown && e.Kind != k {
			t.Fatalf("%q: error kind %v, detected %v", s, e.Kind, k)
		}
		checkParsed(t, s, k, d, err, v)
	})
}

// FuzzPragma parses a fragment, expands its _pragma parameters and
// checks the same invariants: the narrowed spans hold the values, and
// SetValue on a pragma's argument round-trips.
func FuzzPragma(f *testing.F) {
	for _, s := range []string{
		"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)", "_pragma=busy_timeout=5000",
		"?_pragma= busy_timeout ( 10 ) ", "?_pragma=foreign_keys(1)&_busy_timeout=5", "?_pragma=(1)",
		"?_pragma=busy_timeout(", "?_pragma=busy_timeout%285000%29", "?_pragma=main.cache_size(-2000)",
		"?_pragma=busy_timeout%3d10000", "_pragma=Busy_Timeout%3D250&_pragma=journal_mode%3dwal",
	} {
		f.Add(s, "10")
	}
	f.Fuzz(func(t *testing.T, s, v string) {
		d, err := ParseAs(s, KindFragment)
		if err != nil {
			return
		}
		d.ExpandPragmas()
		d.ExpandPragmas() // idempotent
		for _, p := range d.Params {
			if strings.HasPrefix(p.Key, PragmaKey) && s[p.ValueSpan.Start:p.ValueSpan.End] != p.Value {
				t.Fatalf("%q: %s spans %q, value %q", s, p.Key, s[p.ValueSpan.Start:p.ValueSpan.End], p.Value)
			}
		}
		checkInvariants(t, d)
		checkSetValue(t, d, v)
	})
}
