package dsn

import "testing"

// TestKeyValue re-expresses pgx v5.12.0 pgconn/parse_keyword_value_test.go,
// the keyword/value cases of pgconn/config_test.go, and lib/pq v1.12.3
// connector_test.go TestParseOpts (with pgx's answer where they differ).
func TestKeyValue(t *testing.T) {
	kv := KindKeyValue
	run(t, []tc{
		{in: "", kind: kv, ins: &InsertPoint{Offset: 0, Sep: ""}},
		{in: "   ", kind: kv, ins: &InsertPoint{Offset: 3, Sep: ""}},
		{in: "host=localhost", kind: kv, hosts: []Host{h("localhost", "")}, params: []pv{{"host", "localhost", ""}}, ins: &InsertPoint{Offset: end, Sep: " "}},
		{in: "host=localhost user=jack password=secret port=5432 dbname=mydb", kind: kv, hosts: []Host{h("localhost", "5432")}, user: "jack", pw: "secret", db: "mydb",
			params: []pv{{"host", "localhost", ""}, {"user", "jack", ""}, {"password", "secret", ""}, {"port", "5432", ""}, {"dbname", "mydb", ""}}},
		{in: "host='local host'", kind: kv, hosts: []Host{h("local host", "")}, params: []pv{{"host", "local host", "'local host'"}}},
		{in: "host='' user=jack", kind: kv, hosts: []Host{h("", "")}, user: "jack", params: []pv{{"host", "", "''"}, {"user", "jack", ""}}},
		{name: "empty values", in: "host= user= password= port= database=", kind: kv,
			params: []pv{{"host", "user=", ""}, {"password", "port=", ""}, {"database", "", ""}}, hosts: []Host{h("user=", "")}, pw: "port="},
		{in: "user=", kind: kv, params: []pv{{"user", "", ""}}, ins: &InsertPoint{Offset: end, Sep: "'' "}},
		{in: "host=x  user=y", kind: kv, hosts: []Host{h("x", "")}, user: "y", params: []pv{{"host", "x", ""}, {"user", "y", ""}}},
		{in: "dbname=foo ", kind: kv, db: "foo", params: []pv{{"dbname", "foo", ""}}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{in: "dbname=foo\t", kind: kv, db: "foo", params: []pv{{"dbname", "foo", ""}}},
		{in: "dbname='foo'  ", kind: kv, db: "foo", params: []pv{{"dbname", "foo", "'foo'"}}},
		{in: " host=x", kind: kv, hosts: []Host{h("x", "")}, params: []pv{{"host", "x", ""}}},
		{in: "host = x", kind: kv, hosts: []Host{h("x", "")}, params: []pv{{"host", "x", ""}}},
		{in: "  host\t=\tlocalhost  ", kind: kv, hosts: []Host{h("localhost", "")}, params: []pv{{"host", "localhost", ""}}},

		// Backslashes: dropped, the next byte taken literally.
		{in: `host='a\\b'`, kind: kv, hosts: []Host{h(`a\b`, "")}, params: []pv{{"host", `a\b`, `'a\\b'`}}},
		{in: `host='a\'b'`, kind: kv, hosts: []Host{h("a'b", "")}, params: []pv{{"host", "a'b", `'a\'b'`}}},
		{in: `password='p\'w'`, kind: kv, pw: `'p\'w'`, params: []pv{{"password", "p'w", `'p\'w'`}}},
		{in: `host=a\\b`, kind: kv, hosts: []Host{h(`a\b`, "")}, params: []pv{{"host", `a\b`, `a\\b`}}},
		{in: `host=a\'b`, kind: kv, hosts: []Host{h("a'b", "")}, params: []pv{{"host", "a'b", `a\'b`}}},
		{in: `host='a\nb'`, kind: kv, hosts: []Host{h("anb", "")}, params: []pv{{"host", "anb", `'a\nb'`}}},
		{in: `host=a\ b`, kind: kv, hosts: []Host{h("a b", "")}, params: []pv{{"host", "a b", `a\ b`}}},
		{name: "trailing backslash escapes the end", in: `host=a\`, kind: kv, hosts: []Host{h("a", "")}, params: []pv{{"host", "a", `a\`}},
			ins: &InsertPoint{Offset: 6, Sep: " "}},
		{in: `host=\`, kind: kv, hosts: []Host{h("", "")}, params: []pv{{"host", "", `\`}}, ins: &InsertPoint{Offset: 5, Sep: "'' "}},
		{in: `host=a\\b\`, kind: kv, hosts: []Host{h(`a\b`, "")}, params: []pv{{"host", `a\b`, `a\\b\`}}},
		{in: `x=x\`, kind: kv, params: []pv{{"x", "x", `x\`}}},
		{in: `sslcert=C:\\path\\to\\cert`, kind: kv, params: []pv{{"sslcert", `C:\path\to\cert`, `C:\\path\\to\\cert`}}},
		{in: `sslcert=C:\path\to\cert`, kind: kv, params: []pv{{"sslcert", "C:pathtocert", `C:\path\to\cert`}}},
		{name: "escaped space is not trailing space", in: `host=a\ `, kind: kv, hosts: []Host{h("a ", "")}, params: []pv{{"host", "a ", `a\ `}},
			ins: &InsertPoint{Offset: end, Sep: " "}},

		// Errors.
		{in: "host", kind: kv, err: "invalid keyword/value", at: "host"},
		{in: "=", kind: kv, err: "invalid keyword/value", at: "="},
		{in: "= user=jack", kind: kv, err: "invalid keyword/value", at: "= user"},
		{in: "0 0=", kind: kv, err: `missing "=" after keyword`, at: " 0="},
		{in: "us er=jack", kind: kv, err: `missing "=" after keyword`, at: " er"},
		{in: "a b c=d", kind: kv, err: `missing "=" after keyword`, at: " b c"},
		{in: "host=x us\ter=jack", kind: kv, err: `missing "=" after keyword`, at: "\ter"},
		{in: "application_name=my app host=x", kind: kv, err: `missing "=" after keyword`, at: " host"},
		{in: "'a'=b", kind: kv, params: []pv{{"'a'", "b", ""}}},
		{in: `host='`, kind: kv, err: "unterminated quoted string", at: "'"},
		{in: `host='a`, kind: kv, err: "unterminated quoted string", at: "'a"},
		{in: `='\`, kind: kv, err: "unterminated quoted string", at: `'\`},
		{in: `0='\`, kind: kv, err: "unterminated quoted string", at: `'\`},
		{in: `host='a\`, kind: kv, err: "unterminated quoted string", at: `'a\`},
		{in: `host='a\\b\`, kind: kv, err: "unterminated quoted string", at: `'a`},
		{in: `\`, kind: kv, err: "invalid keyword/value", at: `\`},
		{in: "host=x\x00", kind: kv, err: "forbidden NUL byte", at: "\x00"},
		{in: "host=h db\x00name=d", kind: kv, err: "forbidden NUL byte", at: "\x00"},
		{in: "user=foo blah", kind: kv, err: "invalid keyword/value", at: "blah"},
		{in: "user=foo blah   ", kind: kv, err: "invalid keyword/value", at: "blah"},
		{in: "dbname user=goodbye", kind: kv, err: `missing "=" after keyword`, at: " user"},
		{in: "dbname=hello user='unterminated", kind: kv, err: "unterminated quoted string", at: "'unterminated"},

		// pgconn config_test.go.
		{in: "user=jack password=secret host=localhost port=5432 dbname=mydb sslmode=disable application_name=pgxtest search_path=myschema connect_timeout=5",
			kind: kv, user: "jack", pw: "secret", hosts: []Host{h("localhost", "5432")}, db: "mydb",
			params: []pv{{"user", "jack", ""}, {"password", "secret", ""}, {"host", "localhost", ""}, {"port", "5432", ""}, {"dbname", "mydb", ""},
				{"sslmode", "disable", ""}, {"application_name", "pgxtest", ""}, {"search_path", "myschema", ""}, {"connect_timeout", "5", ""}}},
		{in: `user='jack\'s' host='localhost' dbname='mydb' sslmode='disable'`, kind: kv, user: "jack's", hosts: []Host{h("localhost", "")}, db: "mydb",
			params: []pv{{"user", "jack's", `'jack\'s'`}, {"host", "localhost", "'localhost'"}, {"dbname", "mydb", "'mydb'"}, {"sslmode", "disable", "'disable'"}}},
		{in: "user = 'jack' password = '' host = 'localhost'", kind: kv, user: "jack", pw: "''", hosts: []Host{h("localhost", "")},
			params: []pv{{"user", "jack", "'jack'"}, {"password", "", "''"}, {"host", "localhost", "'localhost'"}}},
		{in: "host=foo,bar,baz port=1,2,3 dbname=mydb", kind: kv, db: "mydb", hosts: []Host{h("foo", "1"), h("bar", "2"), h("baz", "3")},
			params: []pv{{"host", "foo,bar,baz", ""}, {"port", "1,2,3", ""}, {"dbname", "mydb", ""}}},
		{in: "host=foo,bar,baz port=5432", kind: kv, hosts: []Host{h("foo", "5432"), h("bar", "5432"), h("baz", "5432")},
			params: []pv{{"host", "foo,bar,baz", ""}, {"port", "5432", ""}}},
		{name: "pgx skips an empty user", in: "user=jack user=", kind: kv, user: "jack", params: []pv{{"user", "jack", ""}, {"user", "", ""}}},

		// lib/pq TestParseOpts.
		{in: "dbname = hello user=goodbye", kind: kv, db: "hello", user: "goodbye", params: []pv{{"dbname", "hello", ""}, {"user", "goodbye", ""}}},
		{in: "dbname=hello user= goodbye", kind: kv, db: "hello", user: "goodbye", params: []pv{{"dbname", "hello", ""}, {"user", "goodbye", ""}}},
		{in: "host=localhost password='correct horse battery staple'", kind: kv, hosts: []Host{h("localhost", "")}, pw: "'correct horse battery staple'",
			params: []pv{{"host", "localhost", ""}, {"password", "correct horse battery staple", "'correct horse battery staple'"}}},
		{in: "dbname=データベース password=パスワード", kind: kv, db: "データベース", pw: "パスワード", params: []pv{{"dbname", "データベース", ""}, {"password", "パスワード", ""}}},
		{in: "dbname=hello user=   ", kind: kv, db: "hello", params: []pv{{"dbname", "hello", ""}, {"user", "", ""}}, ins: &InsertPoint{Offset: end, Sep: "'' "}},
		{name: "a value after spaces swallows the next pair", in: "user= password=foo", kind: kv, user: "password=foo", params: []pv{{"user", "password=foo", ""}}},
		{in: `user=a\ \'\\b`, kind: kv, user: `a '\b`, params: []pv{{"user", `a '\b`, `a\ \'\\b`}}},
		{name: "lib/pq rejects a trailing backslash; pgx drops it", in: `user=x\`, kind: kv, user: "x", params: []pv{{"user", "x", `x\`}}},
	})
}
