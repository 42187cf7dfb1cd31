package dsn

import "testing"

var benchDSN *DSN

func bench(b *testing.B, s string, k Kind) {
	b.ReportAllocs()
	for b.Loop() {
		d, err := ParseAs(s, k)
		if err != nil {
			b.Fatal(err)
		}
		benchDSN = d
	}
}

// A typical postgres URL with 5 parameters.
func BenchmarkParseURL(b *testing.B) {
	bench(b, "postgres://app:secret@db.internal:5432/app?sslmode=require&connect_timeout=10&pool_max_conns=20&pool_min_conns=2&pool_max_conn_lifetime=1h", KindURL)
}

func BenchmarkParseRedisURL(b *testing.B) {
	bench(b, "redis://:secret@cache:6379/0?pool_size=20&min_idle_conns=2&dial_timeout=5s&read_timeout=3s&pool_timeout=4s", KindURL)
}

func BenchmarkParseKeyValue(b *testing.B) {
	bench(b, "host=db.internal port=5432 user=app password='se cret' dbname=app sslmode=require connect_timeout=10", KindKeyValue)
}

func BenchmarkParseMySQL(b *testing.B) {
	bench(b, "app:secret@tcp(db.internal:3306)/app?parseTime=true&timeout=5s&readTimeout=30s&writeTimeout=30s&loc=UTC", KindMySQL)
}

func BenchmarkParseADO(b *testing.B) {
	bench(b, "Server=tcp:db.internal,1433;Initial Catalog=app;User Id=app;Password=secret;Connection Timeout=30", KindADO)
}

func BenchmarkParseFragment(b *testing.B) {
	bench(b, "?connection_limit=10&pool_timeout=20&connect_timeout=10", KindFragment)
}

// BenchmarkParse includes detection, on the URL of BenchmarkParseURL.
func BenchmarkParse(b *testing.B) {
	s := "postgres://app:secret@db.internal:5432/app?sslmode=require&connect_timeout=10&pool_max_conns=20&pool_min_conns=2&pool_max_conn_lifetime=1h"
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(s)
		if err != nil {
			b.Fatal(err)
		}
		benchDSN = d
	}
}
