package catalog

import "testing"

func TestForScheme(t *testing.T) {
	tests := map[string]Driver{
		"postgres": Postgres, "postgresql": Postgres, "mysql": MySQL, "sqlserver": SQLServer,
		"redis": Redis, "rediss": Redis, "file": SQLite3, "prisma": Prisma, "POSTGRES": "", "http": "",
	}
	for scheme, want := range tests {
		if got, _ := ForScheme(scheme); got != want {
			t.Errorf("ForScheme(%q) = %q, want %q", scheme, got, want)
		}
	}
}

func TestForSQLName(t *testing.T) {
	tests := map[string]Driver{
		"postgres": PQ, "pgx": Pgx, "pgx/v5": Pgx, "mysql": MySQL, "sqlserver": SQLServer,
		"mssql": SQLServer, "azuresql": SQLServer, "sqlite3": SQLite3, "sqlite": SQLite, "nosuch": "",
	}
	for name, want := range tests {
		if got, _ := ForSQLName(name); got != want {
			t.Errorf("ForSQLName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestForParams(t *testing.T) {
	tests := []struct {
		hint Driver
		keys []string
		want Driver
	}{
		{Postgres, []string{"connection_limit", "pool_timeout", "connect_timeout"}, Prisma},
		{Postgres, []string{"sslmode", "pool_max_conns"}, Pgxpool},
		{Postgres, []string{"sslmode", "connect_timeout"}, Postgres},
		{Postgres, []string{"ssl"}, Postgres},                                // pgx reads it too
		{Postgres, []string{"pool_max_conns", "connection_limit"}, Postgres}, // a tie
		{Postgres, []string{"pool_max_conns", "pool_min_conns", "connection_limit"}, Pgxpool},
		{MySQL, []string{"connection_limit"}, Prisma},
		{MySQL, []string{"timeout", "tls"}, MySQL},
		{Pgx, []string{"pool_max_conns"}, Pgx}, // a sink's driver is final
		{PQ, []string{"connection_limit"}, PQ},
		{"", []string{"connection_limit", "pool_timeout", "connect_timeout"}, Prisma}, // the seed fragment
		{"", []string{"pool_timeout"}, ""},                                            // Prisma or go-redis
		{"", []string{"pool_max_conns"}, Pgxpool},
		{"", []string{"max_idle_conns", "pool_size"}, Redis},
		{"", []string{"_busy_timeout"}, ""}, // both sqlite drivers
		{"", []string{"readTimeout"}, MySQL},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if got := ForParams(tt.hint, tt.keys); got != tt.want {
			t.Errorf("ForParams(%q, %v) = %q, want %q", tt.hint, tt.keys, got, tt.want)
		}
	}
}

func TestFragmentKey(t *testing.T) {
	for _, key := range []string{"connection_limit", "pool_timeout", "connect_timeout", "pool_max_conns",
		"sslmode", "tls", "readTimeout", "_busy_timeout", "idle_timeout", "dial timeout", "Encrypt"} {
		if !FragmentKey(key) {
			t.Errorf("FragmentKey(%q) = false", key)
		}
	}
	for _, key := range []string{"host", "dbname", "foo", "SetMaxOpenConns", "MaxConns", "utm_source"} {
		if FragmentKey(key) {
			t.Errorf("FragmentKey(%q) = true", key)
		}
	}
}

func TestSchemeTLS(t *testing.T) {
	if m, _ := SchemeTLS("rediss"); m != "verify-full" {
		t.Errorf("rediss = %q", m)
	}
	if m, _ := SchemeTLS("redis"); m != "disable" {
		t.Errorf("redis = %q", m)
	}
	// go-redis setupUnixConn sets no TLSConfig (found by difftest).
	if m, ok := SchemeTLS("unix"); m != "disable" || !ok {
		t.Errorf("unix = %q, %v", m, ok)
	}
}

func TestSinks(t *testing.T) {
	seen := make(map[string]bool)
	for _, s := range Sinks() {
		id := s.Pkg + "." + s.Recv + "." + s.Func + "." + s.Field
		if seen[id] {
			t.Errorf("duplicate sink %s", id)
		}
		seen[id] = true
		if s.Source == "" {
			t.Errorf("sink %s has no Source", id)
		}
		switch {
		case s.DriverArg >= 0 && (s.Driver != "" || s.DSNArg != s.DriverArg+1):
			t.Errorf("sink %s: a driver-name sink takes the DSN next and fixes no driver", id)
		case s.DriverArg < 0 && Info(s.Driver) == nil:
			t.Errorf("sink %s: unknown driver %q", id, s.Driver)
		case s.Field != "" && s.DSNArg >= 0:
			t.Errorf("sink %s: a field sink has no DSN argument", id)
		}
	}
	for _, id := range []string{"database/sql..Open.", "gorm.io/driver/postgres..Config.DSN",
		"github.com/redis/go-redis/v9..ParseClusterURL.", "github.com/jackc/pgx/v5/pgxpool..New."} {
		if !seen[id] {
			t.Errorf("missing sink %s", id)
		}
	}
}

// TestJudged: mocks and facades over another pool are not judged.
func TestJudged(t *testing.T) {
	for d, want := range map[Driver]bool{Pgx: true, SQL: true, "no-such": true, SQLMock: false, PgxFacade: false} {
		if got := Judged(d); got != want {
			t.Errorf("Judged(%s) = %v, want %v", d, got, want)
		}
	}
}
