package catalog

import (
	"testing"
	"time"
)

const (
	pgxpoolPkg = "github.com/jackc/pgx/v5/pgxpool"
	redisPkg   = "github.com/redis/go-redis/v9"
)

func TestParse(t *testing.T) {
	tests := []struct {
		d    Driver
		key  string
		raw  string
		want Value
		code string
	}{
		{Pgxpool, "pool_max_conns", "10", count(10), ""},
		{Pgxpool, "pool_max_conn_lifetime", "1h30m", dur(90 * time.Minute), ""},
		{Pgxpool, "pool_max_conn_lifetime", "0", dur(0), ""},
		{Pgx, "connect_timeout", "5", dur(5 * time.Second), ""},
		{Pgx, "sslmode", "verify-full", word("verify-full"), ""},
		{Pgx, "ssl", "true", word("require"), ""},
		// pgx configTLS: an empty sslmode is the default prefer (found by difftest).
		{Pgx, "sslmode", "", word("prefer"), ""},
		{Pgxpool, "sslmode", "", word("prefer"), ""},
		{PQ, "sslmode", "", Value{}, CodeNotInEnum},    // lib/pq: "" is not supported
		{Postgres, "ssl", "true", word("require"), ""}, // as pgx reads a URL
		{PQ, "sslmode", "pqgo-custom", Value{}, ""},
		{MySQL, "timeout", "10s", dur(10 * time.Second), ""},
		{MySQL, "tls", "skip-verify", word("require"), ""},
		{MySQL, "tls", "Preferred", word("prefer"), ""},
		{MySQL, "tls", "1", word("verify-full"), ""},
		{MySQL, "tls", "custom", Value{}, ""},
		// parseDSNParams folds skip-verify and preferred only, and an
		// empty tls is no TLS (found by difftest).
		{MySQL, "tls", "sKIP-vERIFY", word("require"), ""},
		{MySQL, "tls", "PreFerred", word("prefer"), ""},
		{MySQL, "tls", "", word("disable"), ""},
		{MySQL, "tls", "tRUE", Value{}, ""}, // a config name, as readBool is exact
		{SQLServer, "dial timeout", "30", dur(30 * time.Second), ""},
		{SQLServer, "encrypt", "DISABLE", word("disable"), ""},
		{SQLServer, "encrypt", "false", word("allow"), ""},
		{SQLServer, "encrypt", "strict", word("verify-full"), ""},
		{Redis, "dial_timeout", "3", dur(3 * time.Second), ""},
		{Redis, "read_timeout", "6s", dur(6 * time.Second), ""},
		{Redis, "pool_size", "", count(10), ""},
		{Redis, "pool_timeout", "", dur(6 * time.Second), ""},
		{SQLite3, "_busy_timeout", "5000", dur(5 * time.Second), ""},
		{SQLite3, "_timeout", "", dur(5 * time.Second), ""},
		{SQLite, "_busy_timeout", "250", dur(250 * time.Millisecond), ""},
		{Prisma, "connection_limit", "10", count(10), ""},
		{Prisma, "connection_limit", "+3", count(3), ""},
		{Prisma, "pool_timeout", "20", dur(20 * time.Second), ""},
		{Prisma, "sslmode", "require", word("require"), ""},
	}
	for _, tt := range tests {
		got, p := knob(t, tt.d, tt.key).Parse(tt.raw)
		if got != tt.want || code(p) != tt.code {
			t.Errorf("%s %s=%q: got %+v %v, want %+v %q", tt.d, tt.key, tt.raw, got, p, tt.want, tt.code)
		}
	}
}

func TestParseAPI(t *testing.T) {
	tests := []struct {
		pkg, typ, member, raw string
		want                  Value
	}{
		{"database/sql", "DB", "SetMaxOpenConns", "25", count(25)},
		{"database/sql", "DB", "SetConnMaxLifetime", "300000000000", dur(5 * time.Minute)},
		{"database/sql", "DB", "SetConnMaxLifetime", "5 * time.Minute", dur(5 * time.Minute)},
		{"database/sql", "DB", "SetConnMaxIdleTime", "time.Minute", dur(time.Minute)},
		{"database/sql", "DB", "SetConnMaxIdleTime", "5", dur(5)},
		{pgxpoolPkg, "Config", "MaxConnLifetime", "-1", dur(-1)},
		{redisPkg, "ClusterOptions", "PoolTimeout", "-1 * time.Second", dur(-time.Second)},
		{"github.com/go-sql-driver/mysql", "Config", "TLSConfig", "skip-verify", word("require")},
	}
	for _, tt := range tests {
		got, _ := api(t, tt.pkg, tt.typ, tt.member).Parse(tt.raw)
		if got != tt.want {
			t.Errorf("%s.%s=%q: got %+v, want %+v", tt.typ, tt.member, tt.raw, got, tt.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct {
		d    Driver
		key  string
		v    Value
		want string
		ok   bool
	}{
		{Prisma, "pool_timeout", dur(20 * time.Second), "20", true},
		{Prisma, "pool_timeout", dur(1500 * time.Millisecond), "", false},
		{Prisma, "connection_limit", count(10), "10", true},
		{Prisma, "connection_limit", dur(time.Second), "", false},
		{Pgxpool, "pool_max_conn_lifetime", dur(time.Hour), "1h", true},
		{Pgxpool, "pool_max_conn_lifetime", dur(90 * time.Minute), "1h30m", true},
		{Pgxpool, "pool_max_conn_idle_time", dur(90 * time.Second), "1m30s", true},
		{MySQL, "timeout", dur(10 * time.Second), "10s", true},
		{MySQL, "readTimeout", dur(500 * time.Millisecond), "500ms", true},
		{Redis, "dial_timeout", dur(20 * time.Second), "20s", true},
		{SQLite3, "_busy_timeout", dur(20 * time.Second), "20000", true},
		{SQLite3, "_busy_timeout", dur(time.Microsecond), "", false},
		{MySQL, "tls", word("verify-full"), "true", true},
		{MySQL, "tls", word("verify-ca"), "", false},
		{SQLServer, "encrypt", word("verify-full"), "true", true},
		{SQLServer, "encrypt", word("allow"), "false", true},
		{Pgx, "sslmode", word("verify-full"), "verify-full", true},
		{Pgx, "sslmode", count(1), "", false},
	}
	for _, tt := range tests {
		got, ok := knob(t, tt.d, tt.key).Format(tt.v)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s %s Format(%+v) = %q %v, want %q %v", tt.d, tt.key, tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFormatGoDuration(t *testing.T) {
	k := api(t, "database/sql", "DB", "SetConnMaxLifetime")
	tests := []struct {
		d    time.Duration
		want string
	}{
		{20 * time.Second, "20 * time.Second"},
		{time.Minute, "time.Minute"},
		{90 * time.Minute, "90 * time.Minute"},
		{2 * time.Hour, "2 * time.Hour"},
		{500 * time.Millisecond, "500 * time.Millisecond"},
		{0, "0"},
		{-1, "-1"},
		{1500, "1500"},
	}
	for _, tt := range tests {
		got, ok := k.Format(dur(tt.d))
		if !ok || got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.d, got, tt.want)
		}
		if back, _ := k.Parse(got); back.D != tt.d {
			t.Errorf("Parse(%q) = %v, want %v", got, back.D, tt.d)
		}
	}
}

func TestSpecialFor(t *testing.T) {
	tests := []struct {
		k    *Knob
		v    Value
		want Meaning
	}{
		{knob(t, Prisma, "pool_timeout"), dur(0), MeansUnlimited},
		{knob(t, Prisma, "pool_timeout"), dur(time.Second), 0},
		{api(t, "database/sql", "DB", "SetMaxOpenConns"), count(-3), MeansUnlimited},
		{api(t, redisPkg, "Options", "ReadTimeout"), dur(-2), MeansUnlimited},
		{api(t, redisPkg, "Options", "ReadTimeout"), dur(0), MeansDefault},
		{knob(t, Pgxpool, "pool_max_conn_lifetime"), dur(0), MeansUnlimited},
	}
	for _, tt := range tests {
		var got Meaning
		if s := tt.k.SpecialFor(tt.v); s != nil {
			got = s.Is
		}
		if got != tt.want {
			t.Errorf("%s %s SpecialFor(%+v) = %v, want %v", tt.k.Driver, tt.k.Key, tt.v, got, tt.want)
		}
	}
}
