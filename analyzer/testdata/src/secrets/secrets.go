// Package secrets holds DSNs with passwords everywhere a DSN can hold one:
// no output format may print them.
package secrets

const (
	a = "redis://h:6379?password=hunter2&pool_size=-1&abc=1"
	b = "postgres://u:hunter2@h/db?pool_max_conns=0&password=hunter2"
	c = "postgres://u@h/db?sslpassword=hunter2&sslmode=bogus"
	d = "mysql://u:hunter2@h/db?connection_limit=0"
	e = "sqlserver://u:hunter2@h?password=hunter2&dial+timeout=abc"
	// Keys go-redis does not know, whose names say they hold secrets:
	// unknown-option-rejected names each, but never its value.
	f = "redis://h:6379/0?auth_token=hunter2&access_token=hunter2&passwd=hunter2&token=hunter2&secret=hunter2&api_key=hunter2&credentials=hunter2"
	g = "rediss://:hunter2@h:6379/0?auth_token=hunter2"
)

func keyvalue() {
	_ = []string{"password=hunter2 connect_timeout=5s"}
}

func more() {
	_ = []string{
		"app:hunter2@tcp(db:3306)/app?timeout=5",
		"server=db;user id=sa;password=hunter2;dial timeout=abc",
		"host=db password='hunter2' sslpassword=hunter2 pool_max_conns=10",
	}
}
