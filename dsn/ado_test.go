package dsn

import "testing"

// TestADO re-expresses the ADO cases of go-mssqldb v1.11.2
// msdsn/conn_str_test.go.
func TestADO(t *testing.T) {
	ado := KindADO
	run(t, []tc{
		{in: `server=server\instance;database=testdb;user id=tester;password=pwd`, kind: ado, hosts: []Host{h(`server\instance`, "")},
			db: "testdb", user: "tester", pw: "pwd",
			params: []pv{{"server", `server\instance`, ""}, {"database", "testdb", ""}, {"user id", "tester", ""}, {"password", "pwd", ""}},
			ins:    &InsertPoint{Offset: end, Sep: ";"}},
		{in: "server=.", kind: ado, hosts: []Host{h(".", "")}, params: []pv{{"server", ".", ""}}},
		{in: "ServerSPN=serverspn;Workstation ID=workstid", kind: ado, params: []pv{{"ServerSPN", "serverspn", ""}, {"Workstation ID", "workstid", ""}}},
		{in: "log=63;port=1000", kind: ado, hosts: []Host{h("", "1000")}, params: []pv{{"log", "63", ""}, {"port", "1000", ""}}},
		{in: "connection timeout=3;dial timeout=4;keepalive=5;", kind: ado,
			params: []pv{{"connection timeout", "3", ""}, {"dial timeout", "4", ""}, {"keepalive", "5", ""}}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{in: `server=test;password="pass;word"`, kind: ado, hosts: []Host{h("test", "")}, pw: `"pass;word"`,
			params: []pv{{"server", "test", ""}, {"password", "pass;word", `"pass;word"`}}},
		{in: `password="[2+R2B6O:fF/[;]cJsr"`, kind: ado, pw: `"[2+R2B6O:fF/[;]cJsr"`, params: []pv{{"password", "[2+R2B6O:fF/[;]cJsr", `"[2+R2B6O:fF/[;]cJsr"`}}},
		{in: `server=host;user id=user;password="complex;pass=word"`, kind: ado, hosts: []Host{h("host", "")}, user: "user", pw: `"complex;pass=word"`,
			params: []pv{{"server", "host", ""}, {"user id", "user", ""}, {"password", "complex;pass=word", `"complex;pass=word"`}}},
		{in: `password="value with ""quotes"" inside"`, kind: ado, pw: `"value with ""quotes"" inside"`,
			params: []pv{{"password", `value with "quotes" inside`, `"value with ""quotes"" inside"`}}},
		{in: `Server=tcp:sql.database.windows.net,1433;Initial Catalog=MyDatabase;User Id=testadmin@sql.database.windows.net;Password="[2+R2B6O:fF/[;]cJsr"`,
			kind: ado, hosts: []Host{h("sql.database.windows.net", "1433")}, db: "MyDatabase", user: "testadmin@sql.database.windows.net", pw: `"[2+R2B6O:fF/[;]cJsr"`,
			params: []pv{{"Server", "tcp:sql.database.windows.net,1433", ""}, {"Initial Catalog", "MyDatabase", ""},
				{"User Id", "testadmin@sql.database.windows.net", ""}, {"Password", "[2+R2B6O:fF/[;]cJsr", `"[2+R2B6O:fF/[;]cJsr"`}}},
		{in: `password=""`, kind: ado, pw: `""`, params: []pv{{"password", "", `""`}}},
		{in: `password=";;"`, kind: ado, pw: `";;"`, params: []pv{{"password", ";;", `";;"`}}},
		{in: `server="服务器;name";password="密码;word"`, kind: ado, hosts: []Host{h("服务器;name", "")}, pw: `"密码;word"`,
			params: []pv{{"server", "服务器;name", `"服务器;name"`}, {"password", "密码;word", `"密码;word"`}}},
		{in: `password="测试""密码"""`, kind: ado, pw: `"测试""密码"""`, params: []pv{{"password", `测试"密码"`, `"测试""密码"""`}}},
		{in: "Data Source=somehost;Initial Catalog=mydb;Connect Timeout=30", kind: ado, hosts: []Host{h("somehost", "")}, db: "mydb",
			params: []pv{{"Data Source", "somehost", ""}, {"Initial Catalog", "mydb", ""}, {"Connect Timeout", "30", ""}}},
		{in: ";;=;", kind: ado, ins: &InsertPoint{Offset: end, Sep: ""}},
		{in: "", kind: ado, ins: &InsertPoint{Offset: 0, Sep: ""}},

		// Trimming, bare keys, quote toggling.
		{in: " Connect Timeout = 30 ; ", kind: ado, params: []pv{{"Connect Timeout", "30", ""}}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{name: "a part without = is a key", in: "encrypt;a=1", kind: ado, params: []pv{{"encrypt", "", ""}, {"a", "1", ""}}},
		{name: "a quote in a bare value swallows the rest", in: `a=x"y;b=1`, kind: ado, params: []pv{{"a", `x"y;b=1`, ""}}},
		{name: "server port and a later port key", in: "server=h,1;port=2", kind: ado, hosts: []Host{h("h", "2")},
			params: []pv{{"server", "h,1", ""}, {"port", "2", ""}}},
		{name: "server with two commas keeps them", in: "server=h,1,2", kind: ado, hosts: []Host{h("h,1,2", "")}, params: []pv{{"server", "h,1,2", ""}}},
		{name: "invalid UTF-8 reads as U+FFFD", in: "app=\xff", kind: ado, params: []pv{{"app", "\uFFFD", "\xff"}}},
	})
}

func TestADOLookupFoldsCase(t *testing.T) {
	d, err := ParseAs("Connection Timeout=5;CONNECTION TIMEOUT=6", KindADO)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Lookup("connection timeout"); len(got) != 2 || got[1].Value != "6" {
		t.Errorf("Lookup = %+v", got)
	}
	u, err := Parse("sqlserver://h?Database=x")
	if err != nil {
		t.Fatal(err)
	}
	if got := u.Lookup("database"); len(got) != 1 {
		t.Errorf("sqlserver URL Lookup = %+v", got)
	}
	p, _ := Parse("postgres://h?Sslmode=x")
	if got := p.Lookup("sslmode"); len(got) != 0 {
		t.Errorf("postgres Lookup folded case: %+v", got)
	}
}
