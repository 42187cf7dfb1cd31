package catalog

import "testing"

func TestProblems(t *testing.T) {
	tests := []struct {
		d         Driver
		key, raw  string
		code      string
		kind      ProblemKind
		text, fix string
	}{
		{Pgx, "connect_timeout", "5s", CodeUnitSuffix, Rejected,
			`invalid connect_timeout (strconv.ParseInt: parsing "5s": invalid syntax)`, "5"},
		{Pgx, "connect_timeout", "-1", CodeNegative, Rejected, "invalid connect_timeout (negative timeout)", ""},
		{Pgx, "sslmode", "foo", CodeNotInEnum, Rejected, "failed to configure TLS (sslmode is invalid)", ""},
		{Pgx, "sslmode", "DISABLE", CodeNotInEnum, Rejected, "failed to configure TLS (sslmode is invalid)", ""},
		{Pgx, "ssl", "false", CodeForwarded, Rejected, "", ""},
		{Postgres, "ssl", "false", CodeForwarded, Rejected, "", ""},
		{PQ, "connect_timeout", "5s", CodeUnitSuffix, Rejected,
			`pq: wrong value for "connect_timeout": strconv.ParseInt: parsing "5s": invalid syntax`, "5"},
		{PQ, "sslmode", "foo", CodeNotInEnum, Rejected,
			`pq: wrong value for "sslmode": "foo" is not supported; supported values are disable, allow, prefer, require, verify-full, or verify-ca`, ""},
		{Pgxpool, "pool_max_conns", "0", CodeTooSmall, Rejected, "pool_max_conns too small", ""},
		{Pgxpool, "pool_max_conns", "x", CodeUnparsable, Rejected,
			`cannot parse pool_max_conns (strconv.ParseInt: parsing "x": invalid syntax)`, ""},
		{Pgxpool, "pool_max_conns", "3000000000", CodeUnparsable, Rejected,
			`cannot parse pool_max_conns (strconv.ParseInt: parsing "3000000000": value out of range)`, ""},
		{Pgxpool, "pool_max_conn_lifetime", "3600", CodeMissingUnit, Rejected,
			`cannot parse pool_max_conn_lifetime (time: missing unit in duration "3600")`, "1h"},
		{Pgxpool, "pool_health_check_period", "0s", CodePanics, Rejected, "", "1m"},
		{Pgxpool, "pool_max_conn_idle_time", "0", CodeChurn, Misread, "", ""},
		{MySQL, "timeout", "5", CodeMissingUnit, Rejected, `time: missing unit in duration "5"`, "5s"},
		{MySQL, "readTimeout", "5x", CodeUnparsable, Rejected, `time: unknown unit "x" in duration "5x"`, ""},
		{MySQL, "readTimeout", "-1s", CodeNegative, Misread, "", ""},
		{MySQL, "allowFallbackToPlaintext", "yes", CodeUnparsable, Rejected, "invalid bool value: yes", ""},
		{SQLServer, "dial timeout", "5s", CodeUnitSuffix, Rejected,
			`invalid dial timeout '5s': strconv.ParseUint: parsing "5s": invalid syntax`, "5"},
		{SQLServer, "dial timeout", "-1", CodeUnparsable, Rejected,
			`invalid dial timeout '-1': strconv.ParseUint: parsing "-1": invalid syntax`, ""},
		{SQLServer, "dial timeout", "0", CodeIgnoredValue, Misread, "", ""},
		{SQLServer, "connect timeout", "5s", CodeUnitSuffix, Rejected,
			`invalid connection timeout '5s': strconv.ParseUint: parsing "5s": invalid syntax`, "5"},
		{SQLServer, "encrypt", "Maybe", CodeNotInEnum, Rejected, "invalid encrypt 'maybe'", ""},
		{Redis, "pool_timeout", "0", CodeFailsFast, Misread, "", ""},
		{Redis, "dial_timeout", "-5s", CodeFailsFast, Misread, "", ""},
		{Redis, "pool_size", "-1", CodePanics, Rejected, "", ""},
		{Redis, "pool_size", "x", CodeUnparsable, Rejected,
			`redis: invalid pool_size number: strconv.Atoi: parsing "x": invalid syntax`, ""},
		{Redis, "dial_timeout", "5x", CodeUnparsable, Rejected,
			`redis: invalid dial_timeout duration: time: unknown unit "x" in duration "5x"`, ""},
		{Redis, "max_idle_conns", "-1", CodeChurn, Misread, "", ""},
		{SQLite3, "_busy_timeout", "5s", CodeUnitSuffix, Rejected,
			`Invalid _busy_timeout: 5s: strconv.ParseInt: parsing "5s": invalid syntax`, "5000"},
		{SQLite, "_busy_timeout", "x", CodeUnparsable, Rejected,
			`invalid _busy_timeout "x": strconv.ParseInt: parsing "x": invalid syntax`, ""},
		{Prisma, "pool_timeout", "5s", CodeUnitSuffix, Rejected, "", "5"},
		{Prisma, "connection_limit", "-1", CodeUnparsable, Rejected, "", ""},
		{Prisma, "sslmode", "verify-full", CodeIgnoredValue, Misread, "", "require"},
		{Postgres, "connect_timeout", "5s", CodeUnitSuffix, Rejected, "", "5"},
		{Postgres, "connect_timeout", "-1", CodeNegative, Rejected, "", ""},
	}
	for _, tt := range tests {
		_, p := knob(t, tt.d, tt.key).Parse(tt.raw)
		if p == nil {
			t.Errorf("%s %s=%q: no problem, want %s", tt.d, tt.key, tt.raw, tt.code)
			continue
		}
		if p.Code != tt.code || p.Kind != tt.kind || p.Fix != tt.fix || (tt.text != "" && p.Text != tt.text) {
			t.Errorf("%s %s=%q: got %+v, want %s/%v %q fix %q", tt.d, tt.key, tt.raw, *p, tt.code, tt.kind, tt.text, tt.fix)
		}
	}
}

func TestProblemsAPI(t *testing.T) {
	tests := []struct {
		pkg, typ, member, raw string
		code                  string
	}{
		{"database/sql", "DB", "SetMaxIdleConns", "0", CodeChurn},
		{"database/sql", "DB", "SetMaxIdleConns", "2", ""},
		{"database/sql", "DB", "SetMaxOpenConns", "0", ""},
		{pgxpoolPkg, "Config", "MaxConns", "0", CodeTooSmall},
		{pgxpoolPkg, "Config", "HealthCheckPeriod", "0", CodePanics},
		{pgxpoolPkg, "Config", "MaxConnLifetime", "0", ""},
		{"github.com/jackc/pgx/v5/pgconn", "Config", "ConnectTimeout", "-1", CodeFailsFast},
		{redisPkg, "Options", "PoolTimeout", "0", ""},
		{redisPkg, "UniversalOptions", "PoolTimeout", "-1", CodeFailsFast},
		{redisPkg, "FailoverOptions", "DialTimeout", "-1000000000", CodeFailsFast},
		{redisPkg, "RingOptions", "PoolSize", "-1", CodePanics},
		{"github.com/go-sql-driver/mysql", "Config", "ReadTimeout", "-1", CodeNegative},
	}
	for _, tt := range tests {
		_, p := api(t, tt.pkg, tt.typ, tt.member).Parse(tt.raw)
		if code(p) != tt.code {
			t.Errorf("%s.%s=%s: got %v, want %q", tt.typ, tt.member, tt.raw, p, tt.code)
		}
	}
}

func TestCodesAreListed(t *testing.T) {
	listed := make(map[string]bool)
	for _, c := range Codes {
		listed[c] = true
	}
	for _, k := range Knobs() {
		for _, c := range k.checks {
			if !listed[c.code] {
				t.Errorf("%s %s: code %q not in Codes", k.Driver, k.Key, c.code)
			}
		}
		if k.other != nil && !listed[k.other.code] {
			t.Errorf("%s %s: code %q not in Codes", k.Driver, k.Key, k.other.code)
		}
	}
}
