package dsn

import "testing"

// TestMySQL re-expresses go-sql-driver/mysql v1.10.1 dsn_test.go
// (testDSNs and TestDSNParserInvalid) for the grammar.
func TestMySQL(t *testing.T) {
	my := KindMySQL
	run(t, []tc{
		{in: "username:password@protocol(address)/dbname?param=value", kind: my, user: "username", pw: "password", db: "dbname",
			hosts: []Host{h("address", "")}, params: []pv{{"param", "value", ""}}, ins: &InsertPoint{Offset: end, Sep: "&"}},
		{in: "username:password@protocol(address)/dbname?param=value&columnsWithAlias=true&multiStatements=true", kind: my, user: "username", pw: "password",
			db: "dbname", hosts: []Host{h("address", "")}, params: []pv{{"param", "value", ""}, {"columnsWithAlias", "true", ""}, {"multiStatements", "true", ""}}},
		{in: "user@unix(/path/to/socket)/dbname?charset=utf8", kind: my, user: "user", db: "dbname", hosts: []Host{h("/path/to/socket", "")},
			params: []pv{{"charset", "utf8", ""}}},
		{in: "user:password@tcp(localhost:5555)/dbname?charset=utf8mb4,utf8&tls=skip-verify", kind: my, user: "user", pw: "password", db: "dbname",
			hosts: []Host{h("localhost", "5555")}, params: []pv{{"charset", "utf8mb4,utf8", ""}, {"tls", "skip-verify", ""}}},
		{in: "user:password@/dbname?loc=UTC&timeout=30s&readTimeout=1s&writeTimeout=1s&allowAllFiles=1&maxAllowedPacket=16777216&tls=false",
			kind: my, user: "user", pw: "password", db: "dbname",
			params: []pv{{"loc", "UTC", ""}, {"timeout", "30s", ""}, {"readTimeout", "1s", ""}, {"writeTimeout", "1s", ""}, {"allowAllFiles", "1", ""},
				{"maxAllowedPacket", "16777216", ""}, {"tls", "false", ""}}},
		{in: "user:p@ss(word)@tcp([de:ad:be:ef::ca:fe]:80)/dbname?loc=Local", kind: my, user: "user", pw: "p@ss(word)", db: "dbname",
			hosts: []Host{h("de:ad:be:ef::ca:fe", "80")}, params: []pv{{"loc", "Local", ""}}},
		{in: "/dbname", kind: my, db: "dbname", ins: &InsertPoint{Offset: end, Sep: "?"}},
		{in: "/dbname%2Fwithslash", kind: my, db: "dbname/withslash"},
		{in: "@/", kind: my},
		{in: "/", kind: my},
		{in: "", kind: my, ins: &InsertPoint{Offset: 0, Sep: "/?"}},
		{in: "user:p@/ssword@/", kind: my, user: "user", pw: "p@/ssword"},
		{in: "unix/?arg=%2Fsome%2Fpath.ext", kind: my, params: []pv{{"arg", "/some/path.ext", "%2Fsome%2Fpath.ext"}}, ins: &InsertPoint{Offset: end, Sep: "&"}},
		{in: "tcp(127.0.0.1)/dbname", kind: my, db: "dbname", hosts: []Host{h("127.0.0.1", "")}},
		{in: "tcp(de:ad:be:ef::ca:fe)/dbname", kind: my, db: "dbname", hosts: []Host{h("de:ad:be:ef::ca:fe", "")}},
		{in: "foo:bar@tcp(192.168.1.50:3307)/baz?timeout=10s&connectionAttributes=program_name:MySQLGoDriver%2FTest,program_version:1.2.3",
			kind: my, user: "foo", pw: "bar", db: "baz", hosts: []Host{h("192.168.1.50", "3307")},
			params: []pv{{"timeout", "10s", ""}, {"connectionAttributes", "program_name:MySQLGoDriver/Test,program_version:1.2.3", "program_name:MySQLGoDriver%2FTest,program_version:1.2.3"}}},

		// Query values: unescaped, except where the driver reads them raw.
		{name: "unknown keys are query-unescaped", in: "/db?x=a+b%21", kind: my, db: "db", params: []pv{{"x", "a b!", "a+b%21"}}},
		{name: "timeout is read raw", in: "/db?timeout=5%73", kind: my, db: "db", params: []pv{{"timeout", "5%73", ""}}},
		{name: "pairs without = are ignored", in: "/db?a&b=1&&", kind: my, db: "db", params: []pv{{"b", "1", ""}}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{name: "first = splits", in: "/db?a=b=c", kind: my, db: "db", params: []pv{{"a", "b=c", ""}}},
		{name: "empty query", in: "u@tcp(h)/db?", kind: my, user: "u", db: "db", hosts: []Host{h("h", "")}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{name: "user and password are not decoded", in: "u%41:p%zz@/db", kind: my, user: "u%41", pw: "p%zz", db: "db"},

		// TestDSNParserInvalid.
		{in: "@net(addr/", kind: my, err: "missing closing brace", at: "(addr"},
		{in: "@tcp(/", kind: my, err: "missing closing brace", at: "(/"},
		{in: "tcp(/", kind: my, err: "missing closing brace", at: "(/"},
		{in: "(/", kind: my, err: "missing closing brace", at: "(/"},
		{in: "net(addr)//", kind: my, err: "did you forget to escape a param value?", at: "/"},
		{in: "User:pass@tcp(1.2.3.4:3306)", kind: my, err: "missing the slash", at: "$"},
		{in: "net()/", kind: my, err: "default addr for network unknown", at: "net()"},
		{in: "user:pass@tcp(127.0.0.1:3306)/db/name", kind: my, err: "did you forget to escape", at: "/name"},
		{in: "user:password@/dbname?connectionAttributes=attr1:/unescaped/value", kind: my, err: "default addr for network unknown", at: "/dbname"},
		{in: "/db?a=%zz", kind: my, err: "invalid URL escape", at: "%zz"},
		{in: "/d%zzb", kind: my, err: "invalid dbname", at: "%zz"},
		{in: "/db?strict=true", kind: my, err: "strict mode has been removed", at: "strict"},
		{in: "path/to/file", kind: my, err: "default addr for network unknown", at: "path"},
	})
}
