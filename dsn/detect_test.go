package dsn

import "testing"

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Kind
	}{
		{"postgres://u@h/db", KindURL},
		{"postgresql://h", KindURL},
		{"POSTGRES://h", KindURL}, // Parse then rejects it, as pgx does
		{"redis://h", KindURL},
		{"rediss://h", KindURL},
		{"unix:///tmp/s", KindURL},
		{"sqlserver://h", KindURL},
		{"mysql://h/db", KindURL},
		{"http://example.com/?a=1&b=2", KindUnknown},
		{"mongodb://h/db", KindUnknown},
		{"file:///tmp/x.db", KindUnknown},
		{"?connection_limit=1", KindFragment},
		{"&pool_timeout=5", KindFragment},
		{"a=1&b=2", KindFragment},
		{"server=h;user id=u;password=p", KindADO},
		{"Data Source=h;Initial Catalog=db;", KindADO},
		{"user:pass@tcp(localhost:3306)/db?parseTime=true", KindMySQL},
		{"root@/db", KindMySQL},
		{"tcp(127.0.0.1)/db", KindMySQL},
		{"host=localhost dbname=x", KindKeyValue},
		{"  sslmode = disable", KindKeyValue},
		{"host=x password=a;b", KindKeyValue},

		// Prose and other strings.
		{"", KindUnknown},
		{"hello world", KindUnknown},
		{"error: timeout=5", KindUnknown},
		{"/users", KindUnknown},
		{"/etc/passwd", KindUnknown},
		{"api/v1/users", KindUnknown},
		{"see user@example.com/docs", KindUnknown},
		{"git@github.com:org/repo", KindUnknown},
		{"user:pass@localhost:3306/db", KindUnknown}, // net(addr) missing
		{"SELECT * FROM t WHERE a=1", KindUnknown},
		{"a == b", KindKeyValue}, // Parse then rejects it, as pgx does
		{"key=value&other", KindUnknown},
		{"-timeout=5s", KindUnknown},
		{"k=v; other", KindKeyValue}, // not every ';' part is key=value
	} {
		if got := Detect(c.in); got != c.want {
			t.Errorf("Detect(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

// TestParseProse checks that text which is not a connection string is
// not accepted as one: Parse runs on every string constant.
func TestParseProse(t *testing.T) {
	for _, s := range []string{
		"connection_limit=1 is bad",
		"error: timeout=5",
		"sslmode=disable is insecure",
		"Set sslmode=disable",
		"SELECT * FROM t WHERE a=1",
		"level=info msg=%s user-agent=x", // keyword/value shape, but "user-agent" is no key
		"x=1 y",
		"/users?limit=10",
		"hello",
		"a;b",
		"note=1; see the docs",
		"--flag=value",
		"http://example.com/?sslmode=disable",
		"Call foo@bar(x)/2 now",
		"key=value&other",
		"1=2",
		"k==v&x",
	} {
		if d, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) accepted as %v: %+v", s, d.Kind, d.Params)
		}
	}
}

func TestParseUnknownKind(t *testing.T) {
	for _, s := range []string{"hello", "level=info msg=%s user-agent=x", "http://h"} {
		_, err := Parse(s)
		if e, ok := err.(*Error); !ok || e.Kind != KindUnknown {
			t.Errorf("Parse(%q) error = %v, want Kind unknown", s, err)
		}
	}
	_, err := Parse("postgres://h?zzz")
	if e, ok := err.(*Error); !ok || e.Kind != KindURL {
		t.Errorf("malformed URL error = %v, want Kind url", err)
	}
	if _, err := ParseAs("x", Kind(42)); err == nil {
		t.Error("ParseAs with a bad kind succeeded")
	}
	if got := Kind(42).String(); got != "Kind(42)" {
		t.Errorf("Kind(42).String() = %q", got)
	}
}
