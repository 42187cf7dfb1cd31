package dsn

import "testing"

// TestNetURL covers the net/url-based schemes: go-redis v9.23.0 ParseURL
// and ParseClusterURL, go-mssqldb v1.11.2 sqlserver:// URLs
// (msdsn/conn_str_test.go), mysql:// and Prisma URLs.
func TestNetURL(t *testing.T) {
	run(t, []tc{
		// go-redis.
		{in: "redis://localhost:6379/3", hosts: []Host{h("localhost", "6379")}, db: "3", ins: &InsertPoint{Offset: end, Sep: "?"}},
		{in: "redis://:pw@localhost/2?pool_size=10&dial_timeout=5s", hosts: []Host{h("localhost", "")}, pw: "pw", db: "2",
			params: []pv{{"pool_size", "10", ""}, {"dial_timeout", "5s", ""}}},
		{in: "rediss://user:p%40ss@[::1]:6380/0?db=4", hosts: []Host{h("::1", "6380")}, user: "user", pw: "p%40ss", db: "4", params: []pv{{"db", "4", ""}}},
		{in: "REDIS://h", kind: KindURL, hosts: []Host{h("h", "")}},
		{in: "unix:///tmp/redis.sock?db=1&password=s", hosts: []Host{h("/tmp/redis.sock", "")}, db: "1", params: []pv{{"db", "1", ""}, {"password", "s", ""}}},
		{name: "plus is a space in a net/url query", in: "redis://h?client_name=a+b", hosts: []Host{h("h", "")}, params: []pv{{"client_name", "a b", "a+b"}}},
		{name: "last db wins", in: "redis://h/1?db=2&db=3", hosts: []Host{h("h", "")}, db: "3", params: []pv{{"db", "2", ""}, {"db", "3", ""}}},
		{name: "bad pairs are dropped as url.Query drops them", in: "redis://h?a=%zz&b;c=1&&d=2&e", hosts: []Host{h("h", "")},
			params: []pv{{"d", "2", ""}, {"e", "", ""}}},
		{name: "fragment", in: "redis://h?a=1#frag", hosts: []Host{h("h", "")}, params: []pv{{"a", "1", ""}}, ins: &InsertPoint{Offset: 13, Sep: "&"}},
		{name: "empty query", in: "redis://h?", hosts: []Host{h("h", "")}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{name: "cluster addr", in: "redis://h1:1?addr=h2:2&addr=h3:3", hosts: []Host{h("h1", "1"), h("h2", "2"), h("h3", "3")},
			params: []pv{{"addr", "h2:2", ""}, {"addr", "h3:3", ""}}},
		{in: "redis://h/a", err: "invalid database number", at: "/a"},
		{in: "redis://h/1/2", err: "invalid URL path", at: "/1/2"},
		{in: "unix://", err: "empty unix socket path", at: "$"},
		{in: "redis://h:abc", err: "invalid port", at: ":abc"},
		{in: "redis://u:p%zz@h", err: "invalid URL escape", at: "%zz"},
		{in: "redis://h\x7f", err: "control character", at: "\x7f"},
		{in: "redis://a[b", err: "invalid host", at: "a[b"},
		{in: "redis://u s@h", err: "invalid character in user information", at: "u s"},

		// go-mssqldb sqlserver:// URLs: the path is the instance.
		{in: "sqlserver://somehost?connection+timeout=30", hosts: []Host{h("somehost", "")}, params: []pv{{"connection timeout", "30", ""}}},
		{in: "sqlserver://someuser:@somehost?connection+timeout=30", hosts: []Host{h("somehost", "")}, user: "someuser", pw: "-",
			params: []pv{{"connection timeout", "30", ""}}},
		{in: `sqlserver://DOMAIN%5Cuser:pass@somehost`, hosts: []Host{h("somehost", "")}, user: `DOMAIN\user`, pw: "pass"},
		{in: "sqlserver://someuser:foo%3A%2F%5C%21~%40;bar@somehost:1434/someinstance?connection+timeout=30",
			hosts: []Host{h(`somehost\someinstance`, "1434")}, user: "someuser", pw: "foo%3A%2F%5C%21~%40;bar", params: []pv{{"connection timeout", "30", ""}}},
		{in: "sqlserver://sa:sa@localhost/sqlexpress?database=master&log=127&dial+timeout=30", hosts: []Host{h(`localhost\sqlexpress`, "")},
			user: "sa", pw: "sa", db: "master", params: []pv{{"database", "master", ""}, {"log", "127", ""}, {"dial timeout", "30", ""}}},
		{in: "sqlserver://host?key=value1&key=value2", err: "provided more than once", at: "key=value2"},
		{in: "sqlserver://host?TrustServerCertificate=true&trustservercertificate=false", err: "provided more than once", at: "trustservercertificate"},
		{in: "sqlserver://u:p@host?password=x", err: "provided more than once", at: "password"},
		{in: "sqlserver://\x00", err: "control character", at: "\x00"},
		{in: "SQLSERVER://h", kind: KindURL, err: "lower-case", at: "SQLSERVER"},

		// mysql:// (Prisma and other tools) and Prisma Accelerate.
		{in: "mysql://root:pw@db:3306/app?connection_limit=5&pool_timeout=10", hosts: []Host{h("db", "3306")}, user: "root", pw: "pw", db: "app",
			params: []pv{{"connection_limit", "5", ""}, {"pool_timeout", "10", ""}}},
		{in: "prisma://accelerate.prisma-data.net/?api_key=abc", hosts: []Host{h("accelerate.prisma-data.net", "")}, params: []pv{{"api_key", "abc", ""}}},

		// golang-migrate's Postgres-wire schemes.
		{in: "cockroach://root@db:26257/migrate?sslmode=disable&x-custom=foobar", hosts: []Host{h("db", "26257")}, user: "root", db: "migrate",
			params: []pv{{"sslmode", "disable", ""}, {"x-custom", "foobar", ""}}},
		{in: "pgx5://app:pw@db/app?connect_timeout=5", hosts: []Host{h("db", "")}, user: "app", pw: "pw", db: "app", params: []pv{{"connect_timeout", "5", ""}}},

		// Other schemes.
		{in: "http://example.com", err: "not a connection string"},
		{in: "mongodb://h/db", kind: KindURL, err: "unsupported URL scheme"},
		{in: "redis:h", kind: KindURL, err: "missing scheme://"},
	})
}
