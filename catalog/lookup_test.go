package catalog

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		d       Driver
		key     string
		wantKey string
		wantOK  bool
	}{
		{SQLServer, "connect timeout", "connection timeout", true},
		{SQLServer, "Timeout", "connection timeout", true},
		{SQLServer, " Connection Timeout ", "connection timeout", true},
		{SQLServer, "Dial Timeout", "dial timeout", true},
		{SQLServer, "ENCRYPT", "encrypt", true},
		{Redis, "idle_timeout", "conn_max_idle_time", true},
		{Redis, "max_conn_age", "conn_max_lifetime", true},
		{SQLite3, "_timeout", "_busy_timeout", true},
		{SQLite, "_timeout", "_busy_timeout", true},
		{Pgx, "pool_max_conns", "", false},
		{Pgx, "SSLMODE", "", false},
		{MySQL, "readtimeout", "", false},
		{MySQL, "readTimeout", "readTimeout", true},
		{SQL, "SetMaxOpenConns", "", false},
		{"nosuch", "x", "", false},
	}
	for _, tt := range tests {
		k, ok := Lookup(tt.d, tt.key)
		if ok != tt.wantOK || (ok && k.Key != tt.wantKey) {
			t.Errorf("Lookup(%s, %q) = %v %v, want %q %v", tt.d, tt.key, k, ok, tt.wantKey, tt.wantOK)
		}
	}
}

func TestLookupAPIDeclaringType(t *testing.T) {
	k := api(t, "github.com/jackc/pgx/v5/pgconn", "Config", "ConnectTimeout")
	if k.Setting != ConnectTimeout || k.API.Kind != Field {
		t.Errorf("pgconn.Config.ConnectTimeout = %+v", k)
	}
	if _, ok := LookupAPI("github.com/jackc/pgx/v5", "ConnConfig", "ConnectTimeout"); ok {
		t.Errorf("ConnectTimeout is declared by pgconn.Config, not pgx.ConnConfig")
	}
	for _, typ := range []string{"Options", "ClusterOptions", "UniversalOptions", "FailoverOptions", "RingOptions"} {
		for _, f := range []string{"PoolSize", "MinIdleConns", "MaxIdleConns", "MaxActiveConns", "PoolTimeout",
			"DialTimeout", "ReadTimeout", "WriteTimeout", "ConnMaxIdleTime", "ConnMaxLifetime"} {
			api(t, redisPkg, typ, f)
		}
	}
	if k := api(t, "database/sql", "DB", "SetMaxIdleConns"); k.API.Kind != Method || k.Unit != UnitGoCount {
		t.Errorf("SetMaxIdleConns = %+v", k)
	}
}

// TestRedisPrerelease: go-redis v9's pre-release path has the same
// option fields but MaxActiveConns, and its own ReadTimeout default.
func TestRedisPrerelease(t *testing.T) {
	const old = "github.com/go-redis/redis/v9"
	for _, typ := range []string{"Options", "ClusterOptions", "UniversalOptions", "FailoverOptions", "RingOptions"} {
		if _, ok := LookupAPI(old, typ, "MaxActiveConns"); ok {
			t.Errorf("%s.%s.MaxActiveConns: the pre-releases have no such field", old, typ)
		}
		if k := api(t, old, typ, "PoolSize"); k.Setting != MaxOpen || !strings.Contains(k.Source, "v9.0.0-rc.1") {
			t.Errorf("%s.%s.PoolSize = %+v", old, typ, k)
		}
	}
	if got := api(t, old, "Options", "ReadTimeout").Special[0].Means; got != "the default: 3 s" {
		t.Errorf("old ReadTimeout 0 = %q", got)
	}
	if got := api(t, redisPkg, "Options", "ReadTimeout").Special[0].Means; got != "the default: 5 s" {
		t.Errorf("ReadTimeout 0 = %q", got)
	}
}

// TestRedisV8: go-redis v8 names the lifetime MaxConnAge and the idle
// time IdleTimeout, has neither MaxIdleConns nor MaxActiveConns, and
// its own defaults.
func TestRedisV8(t *testing.T) {
	const v8 = "github.com/go-redis/redis/v8"
	for _, typ := range []string{"Options", "ClusterOptions", "UniversalOptions", "FailoverOptions", "RingOptions"} {
		for _, f := range []string{"MaxActiveConns", "MaxIdleConns", "ConnMaxLifetime", "ConnMaxIdleTime"} {
			if _, ok := LookupAPI(v8, typ, f); ok {
				t.Errorf("%s.%s.%s: v8 has no such field", v8, typ, f)
			}
		}
		if k := api(t, v8, typ, "MaxConnAge"); k.Setting != ConnMaxLifetime || !strings.Contains(k.Source, "v8.11.5") {
			t.Errorf("%s.%s.MaxConnAge = %+v", v8, typ, k)
		}
		if k := api(t, v8, typ, "IdleTimeout"); k.Setting != ConnMaxIdleTime || k.Special[0].Means != "the default: 5 min" {
			t.Errorf("%s.%s.IdleTimeout = %+v", v8, typ, k)
		}
	}
	if got := api(t, v8, "Options", "ReadTimeout").Special[0].Means; got != "the default: 3 s" {
		t.Errorf("v8 ReadTimeout 0 = %q", got)
	}
}

// TestPgxV4: pgx v4's pgxpool.Config panics on MaxConns < 1 and churns
// with MaxConnLifetime <= 0, where v5 returns an error and keeps
// connections forever.
func TestPgxV4(t *testing.T) {
	const v4 = "github.com/jackc/pgx/v4/pgxpool"
	for _, f := range []string{"MinIdleConns", "PingTimeout"} {
		if _, ok := LookupAPI(v4, "Config", f); ok {
			t.Errorf("%s.Config.%s: v4 has no such field", v4, f)
		}
	}
	tests := []struct {
		field, value, code string
	}{
		{"MaxConns", "0", CodePanics},
		{"MaxConnLifetime", "0", CodeChurn},
		{"MaxConnIdleTime", "0", CodeChurn},
		{"HealthCheckPeriod", "0", CodePanics},
		{"MaxConns", "10", ""},
		{"MaxConnLifetime", "3600000000000", ""},
	}
	for _, tt := range tests {
		k := api(t, v4, "Config", tt.field)
		_, p := k.Parse(tt.value)
		got := ""
		if p != nil {
			got = p.Code
		}
		if got != tt.code {
			t.Errorf("v4 %s=%s: problem %q, want %q", tt.field, tt.value, got, tt.code)
		}
	}
	if k := api(t, "github.com/jackc/pgx/v5/pgxpool", "Config", "MaxConnLifetime"); len(k.Special) == 0 || k.Special[0].Means != "no lifetime limit (v5.11.0+, Pool.isExpired)" {
		t.Errorf("v5 MaxConnLifetime = %+v", k.Special)
	}
}

func TestForeign(t *testing.T) {
	tests := []struct {
		d          Driver
		key        string
		wantDriver Driver
	}{
		{Pgx, "pool_max_conns", Pgxpool},
		{PQ, "pool_max_conns", Pgxpool},
		{Postgres, "pool_health_check_period", Pgxpool},
		{Pgx, "connection_limit", Prisma},
		{MySQL, "connection_limit", Prisma},
		{Prisma, "pool_max_conns", Pgxpool},
		{Pgxpool, "pool_max_conns", ""}, // known
		{Redis, "connection_limit", ""}, // another family
		{Pgx, "application_name", ""},
	}
	for _, tt := range tests {
		k, ok := Foreign(tt.d, tt.key)
		var got Driver
		if ok {
			got = k.Driver
		}
		if got != tt.wantDriver {
			t.Errorf("Foreign(%s, %q) = %q, want %q", tt.d, tt.key, got, tt.wantDriver)
		}
	}
}

func TestUnrecognized(t *testing.T) {
	tests := []struct {
		d    Driver
		key  string
		code string
		kind ProblemKind
	}{
		{Pgx, "pool_max_conns", CodeForwarded, Rejected},
		{Pgx, "search_path", CodeForwarded, Misread},
		{Pgx, "host", "", 0},
		{Pgx, "sslmode", "", 0},
		{PQ, "pool_max_conns", CodeForwarded, Rejected},
		{MySQL, "connection_limit", CodeForwarded, Rejected},
		{MySQL, "sql_mode", CodeForwarded, Misread},
		{MySQL, "parseTime", "", 0},
		{Redis, "idle_check_frequency", CodeUnknownOption, Rejected},
		{Redis, "addr", "", 0},
		{SQLServer, "pool size", CodeIgnored, Misread},
		{SQLServer, "Initial Catalog", "", 0},
		{SQLite3, "_busy", CodeIgnored, Misread},
		{Prisma, "pool_max_conns", CodeIgnored, Misread},
		{Prisma, "pgbouncer", "", 0},
		{SQL, "x", "", 0},
	}
	for _, tt := range tests {
		p := Unrecognized(tt.d, tt.key)
		var kind ProblemKind
		if p != nil {
			kind = p.Kind
		}
		if code(p) != tt.code || kind != tt.kind {
			t.Errorf("Unrecognized(%s, %q) = %+v, want %s/%v", tt.d, tt.key, p, tt.code, tt.kind)
		}
	}
	if p := Unrecognized(Redis, "foo"); p.Text != "redis: unexpected option: foo" {
		t.Errorf("redis text = %q", p.Text)
	}
}

func TestForSetting(t *testing.T) {
	tests := []struct {
		d    Driver
		s    Setting
		want []string
	}{
		{Prisma, MaxOpen, []string{"connection_limit"}},
		{Pgxpool, MaxOpen, []string{"pool_max_conns", "MaxConns", "MaxConns"}}, // v5's field, then v4's
		{Pgx, ConnectTimeout, []string{"connect_timeout", "ConnectTimeout"}},
		{MySQL, ConnectTimeout, []string{"timeout", "Timeout"}},
		{Redis, MaxOpen, []string{"pool_size", "max_active_conns"}},
		{SQL, MaxIdle, []string{"SetMaxIdleConns", "SetMaxIdleConns"}}, // *sql.DB's, then *xorm.Engine's
		{SQLite3, BusyTimeout, []string{"_busy_timeout"}},
		{MySQL, MaxOpen, nil},
	}
	for _, tt := range tests {
		got := ForSetting(tt.d, tt.s)
		if tt.d == Redis {
			got = got[:2] // then the option structs' fields
		}
		if len(got) != len(tt.want) {
			t.Errorf("ForSetting(%s, %s) = %d knobs, want %v", tt.d, tt.s, len(got), tt.want)
			continue
		}
		for i, k := range got {
			if k.Key != tt.want[i] {
				t.Errorf("ForSetting(%s, %s)[%d] = %s, want %s", tt.d, tt.s, i, k.Key, tt.want[i])
			}
		}
	}
}
