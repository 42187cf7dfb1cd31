package dsn

import (
	"strings"
	"testing"
)

// editInputs has one or more DSNs of every grammar, with the shapes that
// make inserting or replacing tricky.
var editInputs = []struct {
	in   string
	kind Kind
}{
	{"postgres://u:p@h:5432/db?sslmode=disable&connect_timeout=5", KindURL},
	{"postgres://h", KindURL},
	{"postgres://h?", KindURL},
	{"postgres://h/db?a=1&", KindURL},
	{"postgres://h?x=a@b", KindURL},
	{"postgresql://host?  user = uri-user & port  = 12345 ", KindURL},
	{"redis://:pw@h:6379/0?pool_size=10#frag", KindURL},
	{"redis://h?e&x=1", KindURL},
	{"unix:///tmp/s.sock", KindURL},
	{"sqlserver://sa:pw@h/inst?database=db&connection+timeout=30", KindURL},
	{"mysql://u:p@h/db", KindURL},
	{"host=h user=u password='p w' connect_timeout=5", KindKeyValue},
	{"host=h ", KindKeyValue},
	{"host=", KindKeyValue},
	{"host=  ", KindKeyValue},
	{`host=a\`, KindKeyValue},
	{`host=\`, KindKeyValue},
	{`host=a\ `, KindKeyValue},
	{"", KindKeyValue},
	{"u:p@tcp(h:3306)/db?timeout=5s&loc=UTC&x=a%2Fb", KindMySQL},
	{"/db", KindMySQL},
	{"/db?", KindMySQL},
	{"", KindMySQL},
	{"server=h;user id=u;password=\"a;b\";connection timeout=30", KindADO},
	{"server=h;", KindADO},
	{"server=h; ", KindADO},
	{"encrypt;x= y ", KindADO},
	{"", KindADO},
	{"?connection_limit=1&pool_timeout=5", KindFragment},
	{"?", KindFragment},
	{"a=1&", KindFragment},
}

// freshValues need encoding in one grammar or another.
var freshValues = []string{"10", "", "20s", "a b", "it's", `back\slash`, "a;b", `q"uote`, "a&b=c", "x/y?z#w", "100%", "+plus", " lead", "trail ", "ünï", "@", ","}

func TestSetValueAndAdd(t *testing.T) {
	for _, c := range editInputs {
		d, err := ParseAs(c.in, c.kind)
		if err != nil {
			t.Fatalf("ParseAs(%q): %v", c.in, err)
		}
		for _, v := range freshValues {
			checkSetValue(t, d, v)
			checkAdd(t, d, "pool_max_conns", v)
		}
	}
}

func TestSetValueEncoding(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind Kind
		i    int
		v    string
		want string
	}{
		{"postgres://h?connect_timeout=5s", KindURL, 0, "5", "postgres://h?connect_timeout=5"},
		{"postgres://h?application_name=x", KindURL, 0, "a b&c", "postgres://h?application_name=a%20b%26c"},
		{"host=h application_name=x", KindKeyValue, 1, "it's me", `host=h application_name='it\'s me'`},
		{"host=h application_name=x", KindKeyValue, 1, "", `host=h application_name=''`},
		{"/db?timeout=5", KindMySQL, 0, "5s", "/db?timeout=5s"},
		{"/db?loc=UTC", KindMySQL, 0, "Asia/Tokyo", "/db?loc=Asia%2FTokyo"},
		{"server=h;app name=x", KindADO, 1, `a;"b"`, `server=h;app name="a;""b"""`},
		{"server=h;encrypt", KindADO, 1, "true", "server=h;encrypt=true"},
		{"redis://h?e", KindURL, 0, "1", "redis://h?e=1"},
	} {
		d, err := ParseAs(c.in, c.kind)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.SetValue(c.i, c.v).Apply(c.in); got != c.want {
			t.Errorf("SetValue(%d, %q) on %q = %q, want %q", c.i, c.v, c.in, got, c.want)
		}
	}
	d, _ := Parse("postgres://h?a=1")
	if e := d.SetValue(5, "x"); e != (Edit{}) {
		t.Errorf("SetValue out of range = %+v", e)
	}
}

func TestAdd(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind Kind
		want string
	}{
		{"postgres://u@db/app", KindURL, "postgres://u@db/app?connection_limit=10"},
		{"postgres://u@db/app?sslmode=disable", KindURL, "postgres://u@db/app?sslmode=disable&connection_limit=10"},
		{"postgres://u@db/app?", KindURL, "postgres://u@db/app?connection_limit=10"},
		{"redis://h/0#x", KindURL, "redis://h/0?connection_limit=10#x"},
		{"host=h", KindKeyValue, "host=h connection_limit=10"},
		{"host=h ", KindKeyValue, "host=h connection_limit=10"},
		{"host=", KindKeyValue, "host='' connection_limit=10"},
		{`host=a\`, KindKeyValue, "host=a connection_limit=10"},
		{"u@tcp(h)/db", KindMySQL, "u@tcp(h)/db?connection_limit=10"},
		{"", KindMySQL, "/?connection_limit=10"},
		{"server=h", KindADO, "server=h;connection_limit=10"},
		{"server=h;", KindADO, "server=h;connection_limit=10"},
		{"?a=1", KindFragment, "?a=1&connection_limit=10"},
	} {
		d, err := ParseAs(c.in, c.kind)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Add("connection_limit", "10").Apply(c.in); got != c.want {
			t.Errorf("Add on %q = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestShown(t *testing.T) {
	for _, c := range []struct {
		in      string
		kind    Kind
		span    Span // {0, 0}: the whole input
		patches []Patch
		want    string
	}{
		{"host=1 sslmode=1 connect_timeout=5", KindKeyValue, Span{}, []Patch{{Span{5, 6}, "%s"}, {Span{15, 16}, "…"}}, "host=%s sslmode=… connect_timeout=5"},
		// A secret is masked whatever a patch says.
		{"postgres://u:1@h/db?sslmode=1", KindURL, Span{}, []Patch{{Span{13, 14}, "%s"}, {Span{28, 29}, "%s"}}, "postgres://u:xxxxx@h/db?sslmode=%s"},
		{"host=h password=1 sslmode=1", KindKeyValue, Span{}, []Patch{{Span{16, 17}, "%s"}, {Span{26, 27}, "%s"}}, "host=h password=xxxxx sslmode=%s"},
		// A span shows its own bytes and patches only.
		{"host=1 sslmode=1", KindKeyValue, Span{15, 16}, []Patch{{Span{5, 6}, "%s"}, {Span{15, 16}, "%d"}}, "%d"},
		{"host=h password=abc", KindKeyValue, Span{16, 19}, nil, "xxxxx"},
		{"host=h password=abc", KindKeyValue, Span{17, 19}, nil, "xxxxx"},
	} {
		d, err := ParseAs(c.in, c.kind)
		if err != nil {
			t.Fatal(err)
		}
		span := c.span
		if span == (Span{}) {
			span = Span{0, len(c.in)}
		}
		if got := d.Shown(span, c.patches); got != c.want {
			t.Errorf("Shown(%q, %v) = %q, want %q", c.in, span, got, c.want)
		}
	}
}

func TestRedacted(t *testing.T) {
	for _, c := range []struct {
		in   string
		kind Kind
		want string
	}{
		{"postgres://jack:secret@h/db", KindURL, "postgres://jack:xxxxx@h/db"},
		{"postgres://jack@h/db", KindURL, "postgres://jack@h/db"},
		{"postgres://jack:@h/db", KindURL, "postgres://jack:@h/db"},
		{"postgres://h/db?password=supersecret&sslpassword=x2&pass%77ord=y", KindURL, "postgres://h/db?password=xxxxx&sslpassword=xxxxx&pass%77ord=xxxxx"},
		{"host=h password='se cret' user=u", KindKeyValue, "host=h password=xxxxx user=u"},
		{"user:pa:ss@tcp(h)/db", KindMySQL, "user:xxxxx@tcp(h)/db"},
		{"server=h;PWD=\"a;b\";uid=u", KindADO, "server=h;PWD=xxxxx;uid=u"},
		{"redis://:pw@h/0", KindURL, "redis://:xxxxx@h/0"},
		{"sqlserver://sa:p%40ss@h", KindURL, "sqlserver://sa:xxxxx@h"},
		{"?password=x1&api_key=k&pool_timeout=5", KindFragment, "?password=xxxxx&api_key=xxxxx&pool_timeout=5"},
		// A ?password= parameter overrides the userinfo one; both are masked.
		{"postgres://u:hunter2@h/db?pool_max_conns=0&password=other", KindURL, "postgres://u:xxxxx@h/db?pool_max_conns=0&password=xxxxx"},
		{"redis://u:hunter2@h/0?password=other", KindURL, "redis://u:xxxxx@h/0?password=xxxxx"},
	} {
		d, err := ParseAs(c.in, c.kind)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Redacted(); got != c.want {
			t.Errorf("Redacted(%q) = %q, want %q", c.in, got, c.want)
		}
		checkRedacted(t, d)
	}
}

// TestErrorsHideSecrets: messages never quote the input.
func TestErrorsHideSecrets(t *testing.T) {
	for _, s := range []string{
		"postgres://user:sec%zzret@host/db",
		"postgres://user:sec ret@host/db",
		"postgres://host/db?password=sec%zzret",
		"postgres://a@user:secret:part@host/db?x",
		"password=sec ret host=x",
		"password='secret",
		"user:secret@tcp(h/db",
		"user:secret@h/db?x=%zz",
		"redis://u:secret%zz@h",
		"redis://u:secret@h:x",
		"sqlserver://u:secret@h?password=secret",
	} {
		d, err := Parse(s)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", s, d)
			continue
		}
		if strings.Contains(err.Error(), "sec") {
			t.Errorf("Parse(%q) error %q holds the secret", s, err)
		}
	}
}

// TestEditNotOK: where removing a value would change how the rest of the
// DSN reads, SetValue refuses instead of writing a wrong DSN.
func TestEditNotOK(t *testing.T) {
	d, err := Parse("postgres://?=/&@=") // the '/' stops pgx's '@' lookahead
	if err != nil {
		t.Fatal(err)
	}
	if e := d.SetValue(0, "0"); e.OK() {
		t.Errorf("SetValue gave %+v, want a refusal", e)
	}
	if got := (Edit{Start: -1, End: -1}).Apply("abc"); got != "abc" {
		t.Errorf("a refused edit changed the input: %q", got)
	}
}
