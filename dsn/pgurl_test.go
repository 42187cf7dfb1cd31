package dsn

import "testing"

func h(name, port string) Host { return Host{Name: name, Port: port} }

// TestPgURL re-expresses the cases of pgx v5.12.0 pgconn/parse_url_test.go
// (itself a port of libpq's 001_uri.pl) and the URL cases of
// pgconn/config_test.go.
func TestPgURL(t *testing.T) {
	run(t, []tc{
		// libpq 001_uri.pl successes.
		{in: "postgresql://uri-user:secret@host:12345/db", hosts: []Host{h("host", "12345")}, user: "uri-user", pw: "secret", db: "db"},
		{in: "postgresql://uri-user@host:12345/db", hosts: []Host{h("host", "12345")}, user: "uri-user", db: "db"},
		{in: "postgresql://uri-user@host/db", hosts: []Host{h("host", "")}, user: "uri-user", db: "db"},
		{in: "postgresql://uri-user@host:12345/", hosts: []Host{h("host", "12345")}, user: "uri-user"},
		{in: "postgresql://uri-user@host/", hosts: []Host{h("host", "")}, user: "uri-user"},
		{in: "postgresql://uri-user@", user: "uri-user"},
		{in: "postgresql://host:12345/", hosts: []Host{h("host", "12345")}},
		{in: "postgresql://host:12345", hosts: []Host{h("host", "12345")}},
		{in: "postgresql://host/db", hosts: []Host{h("host", "")}, db: "db"},
		{in: "postgresql://host", hosts: []Host{h("host", "")}},
		{in: "postgresql://", ins: &InsertPoint{Offset: end, Sep: "?"}},
		{in: "postgresql://?hostaddr=127.0.0.1", params: []pv{{"hostaddr", "127.0.0.1", ""}}},
		{in: "postgresql://example.com?hostaddr=63.1.2.4", hosts: []Host{h("example.com", "")}, params: []pv{{"hostaddr", "63.1.2.4", ""}}},
		{in: "postgresql://%68ost/", hosts: []Host{h("host", "")}},
		{in: "postgresql://host/db?user=uri-user", hosts: []Host{h("host", "")}, db: "db", user: "uri-user", params: []pv{{"user", "uri-user", ""}}},
		{in: "postgresql://host/db?u%73er=someotheruser&port=12345", hosts: []Host{h("host", "12345")}, db: "db", user: "someotheruser",
			params: []pv{{"user", "someotheruser", ""}, {"port", "12345", ""}}},
		{in: "postgresql://host:12345?user=uri-user", hosts: []Host{h("host", "12345")}, user: "uri-user", params: []pv{{"user", "uri-user", ""}}},
		{in: "postgresql://host?", hosts: []Host{h("host", "")}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{in: "postgresql://[::1]:12345/db", hosts: []Host{h("::1", "12345")}, db: "db"},
		{in: "postgresql://[::1]/db", hosts: []Host{h("::1", "")}, db: "db"},
		{in: "postgresql://[2001:db8::1234]/", hosts: []Host{h("2001:db8::1234", "")}},
		{in: "postgresql://[200z:db8::1234]/", hosts: []Host{h("200z:db8::1234", "")}}, // bracket contents unvalidated
		{in: "postgresql://[::1]", hosts: []Host{h("::1", "")}},
		{in: "postgres://"},
		{in: "postgres:///"},
		{in: "postgres:///db", db: "db"},
		{in: "postgres://uri-user@/db", user: "uri-user", db: "db"},
		{in: "postgres://?host=/path/to/socket/dir", hosts: []Host{h("/path/to/socket/dir", "")}, params: []pv{{"host", "/path/to/socket/dir", ""}}},
		{in: "postgres://@host", hosts: []Host{h("host", "")}},
		{in: "postgres://host:/", hosts: []Host{h("host", "")}},
		{in: "postgres://:12345/", hosts: []Host{h("", "12345")}},
		{in: "postgres://otheruser@?host=/no/such/directory", user: "otheruser", hosts: []Host{h("/no/such/directory", "")}, params: []pv{{"host", "/no/such/directory", ""}}},
		{in: "postgres://otheruser@:12345/db?host=/path/to/socket", user: "otheruser", db: "db", hosts: []Host{h("/path/to/socket", "12345")}, params: []pv{{"host", "/path/to/socket", ""}}},
		{in: "postgres://%2Fvar%2Flib%2Fpostgresql/dbname", hosts: []Host{h("/var/lib/postgresql", "")}, db: "dbname"},
		{name: "spaces around query keys and values", in: "postgresql://host?  user = uri-user & port  = 12345 ", hosts: []Host{h("host", "12345")}, user: "uri-user",
			params: []pv{{"user", "uri-user", ""}, {"port", "12345", ""}}, ins: &InsertPoint{Offset: end, Sep: "&"}},
		{in: "postgresql://host?sslmode=verify-full", hosts: []Host{h("host", "")}, params: []pv{{"sslmode", "verify-full", ""}}},
		// pgx accepts unknown keys; libpq rejects them.
		{in: "postgresql://host/db?u%7aer=someotheruser&port=12345", hosts: []Host{h("host", "12345")}, db: "db",
			params: []pv{{"uzer", "someotheruser", ""}, {"port", "12345", ""}}},
		{in: "postgresql://host?uzer=", hosts: []Host{h("host", "")}, params: []pv{{"uzer", "", ""}}},

		// libpq 001_uri.pl failures.
		{in: "postgres://[::1", err: `matching "]"`, at: "["},
		{in: "postgres://[]", err: "IPv6 host address may not be empty", at: "[]"},
		{in: "postgres://[::1]z", err: "unexpected character", at: "z"},
		{in: "postgresql://host?zzz", err: `missing key/value separator "="`, at: "zzz"},
		{in: "postgresql://host?value1&value2", err: `missing key/value separator "="`, at: "value1"},
		{in: "postgresql://host?key=key=value", err: `extra key/value separator "="`, at: "=value"},
		{in: "postgres://host?dbname=%XXfoo", err: "invalid percent-encoded token", at: "%XX"},
		{in: "postgresql://a%00b", err: "forbidden value %00", at: "%00"},
		{in: "postgresql://%zz", err: "invalid percent-encoded token", at: "%zz"},
		{in: "postgresql://%1", err: "invalid percent-encoded token", at: "%1"},
		{in: "postgresql://%", err: "invalid percent-encoded token", at: "%"},
		{in: "postgresql://host?  user user  =  uri  & port = 12345 12 ", err: "unexpected spaces", at: " user  ="},
		{in: "postgresql://host?  user  =  uri-user  & port = 12345 12 ", err: "unexpected spaces", at: " 12 "},

		// Multiple hosts (pgx's own corpus).
		{in: "postgres://h1,h2/db", hosts: []Host{h("h1", ""), h("h2", "")}, db: "db"},
		{in: "postgres://h1,h2:5433/db", hosts: []Host{h("h1", ""), h("h2", "5433")}, db: "db"},
		{in: "postgres://h1:5433,h2/db", hosts: []Host{h("h1", "5433"), h("h2", "")}, db: "db"},
		{in: "postgres://h1:1,h2:2,h3:3/db", hosts: []Host{h("h1", "1"), h("h2", "2"), h("h3", "3")}, db: "db"},
		{in: "postgres://a%2Cb/", hosts: []Host{h("a", ""), h("b", "")}},
		{in: "postgres://h1,,h2/db", hosts: []Host{h("h1", ""), h("", ""), h("h2", "")}, db: "db"},
		{in: "postgres://,h2/", hosts: []Host{h("", ""), h("h2", "")}},
		{in: "postgres://h1,/db", hosts: []Host{h("h1", ""), h("", "")}, db: "db"},
		{in: "postgres://[::1]:5432,[::2]/db", hosts: []Host{h("::1", "5432"), h("::2", "")}, db: "db"},
		{in: "postgres://h1:1,h2:2/db?port=9", hosts: []Host{h("h1", "9"), h("h2", "9")}, db: "db", params: []pv{{"port", "9", ""}}},
		{in: "postgres://h1:%2C/", hosts: []Host{h("h1", "")}},
		{name: "spaces only at the ends of a host list", in: "postgres:// h1,h2 /db", hosts: []Host{h("h1", ""), h("h2", "")}, db: "db"},
		{name: "interior space in a host list", in: "postgres://h1 ,h2/db", err: "unexpected spaces", at: " ,h2"},

		// NUL bytes; secrets stay out of messages.
		{in: "postgres://host/db?application_name=foo\x00options=bar", err: "forbidden NUL byte", at: "\x00"},
		{in: "postgres://ho\x00st/db", err: "forbidden NUL byte", at: "\x00"},
		{in: "postgres://user:sec%zzret@host/db", err: "invalid percent-encoded token in password", at: "%zz"},
		{in: "postgres://user:sec%00ret@host/db", err: "forbidden value %00 in percent-encoded value in password", at: "%00"},
		{in: "postgres://user:sec ret@host/db", err: "unexpected spaces found in password", at: " ret"},
		{in: "postgres://host/db?password=sec%zzret", err: "invalid percent-encoded token in password", at: "%zz"},
		{in: "postgres://host/db?sslpassword=sec%zzret", err: "invalid percent-encoded token in password", at: "%zz"},

		// Userinfo rules: the first '@' before any '/' ends it.
		{in: "postgres://a@b@host/", user: "a", hosts: []Host{h("b@host", "")}},
		{in: "postgres://user:pa:ss@host/", user: "user", pw: "pa:ss", hosts: []Host{h("host", "")}},
		{in: "postgres://us%40er@host/", user: "us@er", hosts: []Host{h("host", "")}},
		{in: "postgres://host/db@x", hosts: []Host{h("host", "")}, db: "db@x"},
		{in: "postgres://:secret@host/", pw: "secret", hosts: []Host{h("host", "")}},
		{name: "at in a query before any slash is userinfo", in: "postgres://host?x=a@b", user: "host?x=a", hosts: []Host{h("b", "")}},
		{in: "postgres://user:@host", user: "user", pw: "-", hosts: []Host{h("host", "")}},

		// Data bytes that RFC 3986 treats as structure.
		{in: "postgres://host/db?application_name=a#b", hosts: []Host{h("host", "")}, db: "db", params: []pv{{"application_name", "a#b", ""}}},
		{in: "postgres://host/db?options=-c+search_path%3Dfoo", hosts: []Host{h("host", "")}, db: "db", params: []pv{{"options", "-c+search_path=foo", "-c+search_path%3Dfoo"}}},
		{in: "postgres://host/a/b", hosts: []Host{h("host", "")}, db: "a/b"},
		{name: "repeated keys are kept in order", in: "postgres://host/db?application_name=first&application_name=second", hosts: []Host{h("host", "")}, db: "db",
			params: []pv{{"application_name", "first", ""}, {"application_name", "second", ""}}},
		{name: "ssl=true is kept as written", in: "postgres://host/db?ssl=true", hosts: []Host{h("host", "")}, db: "db", params: []pv{{"ssl", "true", ""}}},
		{name: "dbname in the query overrides the path", in: "postgres://localhost/x?dbname=foo&sslmode=disable", hosts: []Host{h("localhost", "")}, db: "foo",
			params: []pv{{"dbname", "foo", ""}, {"sslmode", "disable", ""}}},
		{name: "query password overrides userinfo", in: "postgres://u:a@h/?password=b", user: "u", pw: "b", hosts: []Host{h("h", "")}, params: []pv{{"password", "b", ""}}},

		// pgconn config_test.go URLs.
		{in: "postgres://jack:secret@localhost:5432/mydb?sslmode=disable&application_name=pgxtest&search_path=myschema&connect_timeout=5",
			hosts: []Host{h("localhost", "5432")}, user: "jack", pw: "secret", db: "mydb",
			params: []pv{{"sslmode", "disable", ""}, {"application_name", "pgxtest", ""}, {"search_path", "myschema", ""}, {"connect_timeout", "5", ""}}},
		{in: "postgres:///foo?host=/tmp", db: "foo", hosts: []Host{h("/tmp", "")}, params: []pv{{"host", "/tmp", ""}}},
		{in: `postgres:///foo?host=C:\tmp`, db: "foo", hosts: []Host{h(`C:\tmp`, "")}, params: []pv{{"host", `C:\tmp`, ""}}},
		{in: "postgresql://jack@[2001:db8::1]:5433/mydb?sslmode=disable", user: "jack", db: "mydb", hosts: []Host{h("2001:db8::1", "5433")}, params: []pv{{"sslmode", "disable", ""}}},
		{in: "postgres://jack:secret@foo,bar,baz/mydb?sslmode=disable", user: "jack", pw: "secret", db: "mydb",
			hosts: []Host{h("foo", ""), h("bar", ""), h("baz", "")}, params: []pv{{"sslmode", "disable", ""}}},
		{in: "postgres://jack:secret@:1/mydb?sslmode=disable", user: "jack", pw: "secret", db: "mydb", hosts: []Host{h("", "1")}, params: []pv{{"sslmode", "disable", ""}}},
		{name: "the seed's shape", in: "postgres://u@db/app?connection_limit=1&pool_timeout=5&connect_timeout=5", user: "u", db: "app", hosts: []Host{h("db", "")},
			params: []pv{{"connection_limit", "1", ""}, {"pool_timeout", "5", ""}, {"connect_timeout", "5", ""}}, ins: &InsertPoint{Offset: end, Sep: "&"}},

		// Scheme case: pgx matches the prefix exactly.
		{in: "POSTGRES://host/db", kind: KindURL, err: "lower-case", at: "POSTGRES"},
		{in: "Postgresql://host/db", kind: KindURL, err: "lower-case", at: "Postgresql"},
	})
}

func TestPgURLTrailingAmpersand(t *testing.T) {
	run(t, []tc{
		{in: "postgres://h/db?a=1&", hosts: []Host{h("h", "")}, db: "db", params: []pv{{"a", "1", ""}}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{in: "postgres://h/db?&a=1", err: `missing key/value separator`, at: "&a=1"},
		{in: "postgres://h/db?a=1&&b=2", err: `missing key/value separator`, at: "&b=2"},
	})
}
