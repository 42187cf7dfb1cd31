package catalog

// libpq's six sslmode words; each is its own canonical TLS mode.
var sslModes = map[string]string{
	"disable": "disable", "allow": "allow", "prefer": "prefer",
	"require": "require", "verify-ca": "verify-ca", "verify-full": "verify-full",
}

// postgresRows are the keys both pgx and lib/pq read, for a postgres DSN
// whose consumer is not known.
var postgresRows = []*Knob{
	{Driver: Postgres, Key: "connect_timeout", Setting: ConnectTimeout, Unit: UnitSeconds, read: readInt64,
		errf: `pgx: invalid connect_timeout ({err}); lib/pq: wrong value for "connect_timeout": {err}`,
		Special: []Special{
			{"0", "no timeout (pgxpool dials with 2 min)", MeansUnlimited},
			{"<0", "pgx rejects it; lib/pq waits forever", MeansOther},
		},
		checks: []check{{when: isNegative, code: CodeNegative, kind: Rejected,
			text: "pgx: invalid connect_timeout (negative timeout); lib/pq waits forever"}},
		Source: pgxMod + "pgconn/config.go parseConnectTimeoutSetting; " + pqMod + "connector.go setFromTag"},
	{Driver: Postgres, Key: "sslmode", Setting: TLSMode, Unit: UnitEnum, Enum: sslModes, read: readEnum,
		Default:     "prefer",
		DefaultNote: "pgx: prefer; lib/pq v1.12.3: require (no certificate check)",
		other: &check{code: CodeNotInEnum, kind: Rejected,
			text: `pgx: sslmode is invalid; lib/pq: "{raw}" is not supported`},
		Source: pgxMod + "pgconn/config.go configTLS; " + pqMod + "connector.go setFromTag"},
	// pgx reads ssl=true in a URL as sslmode=require; lib/pq sends it to
	// the server. With the consumer unknown, only ssl=true is read, as pgx
	// does; any other value fails in both.
	{Driver: Postgres, Key: "ssl", Setting: TLSMode, Unit: UnitEnum, read: readEnum,
		Enum: map[string]string{"true": "require"},
		other: &check{code: CodeForwarded, kind: Rejected,
			text: "pgx reads only ssl=true in a URL (as sslmode=require); ssl={raw} goes to the server as a runtime parameter with pgx and lib/pq, and the server refuses it"},
		Source: pgxMod + "pgconn/parse_url.go parseURLQueryParams; " + pqMod + "connector.go setFromTag"},
}

// pgxRows are read by pgx.ParseConfig and pgconn.ParseConfig (pgx.Connect,
// pgconn.Connect, stdlib "pgx", gorm.io/driver/postgres).
var pgxRows = []*Knob{
	pgxConnectTimeout(Pgx, Special{"0", "no dial timeout", MeansUnlimited}),
	pgxSSLMode(Pgx),
	pgxSSL(Pgx),
}

// pgxpoolRows are read by pgxpool.ParseConfig: pgx's keys and pool_*.
var pgxpoolRows = []*Knob{
	pgxConnectTimeout(Pgxpool, Special{"0", "the pool dials with a 2 min timeout (NewWithConfig forces it when <= 0)", MeansDefault}),
	pgxSSLMode(Pgxpool),
	pgxSSL(Pgxpool),
	{Driver: Pgxpool, Key: "pool_max_conns", Setting: MaxOpen, Unit: UnitCount, read: readInt32,
		Default: "4", DefaultNote: "max(4, runtime.NumCPU())",
		errf: "cannot parse pool_max_conns ({err})",
		checks: []check{{when: isNonPositive, code: CodeTooSmall, kind: Rejected,
			text: "pool_max_conns too small"}},
		Source: pgxMod + "pgxpool/pool.go ParseConfig"},
	{Driver: Pgxpool, Key: "pool_min_conns", Setting: MinOpen, Unit: UnitCount, read: readInt32,
		Default: "0", errf: "cannot parse pool_min_conns ({err})",
		Special: []Special{{"<=0", "no connections are kept open; values above pool_max_conns are not checked", MeansNone}},
		checks:  pgxNegativeMin,
		Source:  pgxMod + "pgxpool/pool.go ParseConfig, checkMinConns"},
	{Driver: Pgxpool, Key: "pool_min_idle_conns", Setting: MinIdle, Unit: UnitCount, read: readInt32,
		Default: "0", errf: "cannot parse pool_min_idle_conns ({err})",
		Special: []Special{{"<=0", "no idle connections are kept warm", MeansNone}},
		checks:  pgxNegativeMin,
		Source:  pgxMod + "pgxpool/pool.go ParseConfig, checkMinConns"},
	{Driver: Pgxpool, Key: "pool_max_conn_lifetime", Setting: ConnMaxLifetime, Unit: UnitDuration, read: readDuration,
		Default: "1h", errf: "cannot parse pool_max_conn_lifetime ({err})",
		Special: []Special{{"<=0", "no lifetime limit (v5.11.0+, Pool.isExpired)", MeansUnlimited}},
		Source:  pgxMod + "pgxpool/pool.go ParseConfig, isExpired"},
	{Driver: Pgxpool, Key: "pool_max_conn_idle_time", Setting: ConnMaxIdleTime, Unit: UnitDuration, read: readDuration,
		Default: "30m", errf: "cannot parse pool_max_conn_idle_time ({err})",
		checks: []check{{when: isNonPositive, code: CodeChurn, kind: Misread,
			text: "every idle connection above pool_min_conns is closed at each health check (checkConnsHealth: IdleDuration() > maxConnIdleTime)"}},
		Source: pgxMod + "pgxpool/pool.go ParseConfig, checkConnsHealth"},
	{Driver: Pgxpool, Key: "pool_health_check_period", Setting: HealthCheckPeriod, Unit: UnitDuration, read: readDuration,
		Default: "1m", errf: "cannot parse pool_health_check_period ({err})",
		checks: []check{{when: isNonPositive, code: CodePanics, kind: Rejected, fix: "1m",
			text: "panic: non-positive interval for NewTicker, in the goroutine NewWithConfig starts (backgroundHealthCheck): the process crashes"}},
		Source: pgxMod + "pgxpool/pool.go ParseConfig, backgroundHealthCheck"},
	{Driver: Pgxpool, Key: "pool_max_conn_lifetime_jitter", Unit: UnitDuration, read: readDuration,
		Default: "0", errf: "cannot parse pool_max_conn_lifetime_jitter ({err})",
		Source: pgxMod + "pgxpool/pool.go ParseConfig"},
	{Driver: Pgxpool, Key: "pool_ping_timeout", Unit: UnitDuration, read: readDuration,
		Default: "0", errf: "cannot parse pool_ping_timeout ({err})",
		Special: []Special{{"<=0", "no ping timeout", MeansUnlimited}},
		Source:  pgxMod + "pgxpool/pool.go ParseConfig, Acquire"},
}

// pgxNegativeMin is what a negative minimum does.
var pgxNegativeMin = []check{{when: isNegative, code: CodeNegative, kind: Misread,
	text: "counts as 0, but when the minimum of open and of idle connections are both negative the goroutine NewWithConfig starts panics: makechan: size out of range (createIdleResources)"}}

func pgxConnectTimeout(d Driver, zero Special) *Knob {
	return &Knob{Driver: d, Key: "connect_timeout", Setting: ConnectTimeout, Unit: UnitSeconds, read: readInt64,
		errf:    "invalid connect_timeout ({err})",
		Special: []Special{zero},
		checks: []check{{when: isNegative, code: CodeNegative, kind: Rejected,
			text: "invalid connect_timeout (negative timeout)"}},
		Source: pgxMod + "pgconn/config.go parseConnectTimeoutSetting; pgxpool/pool.go NewWithConfig"}
}

// pgxSSLMode: an empty sslmode is the default, prefer (configTLS: "Match
// libpq default behavior"); lib/pq rejects it.
func pgxSSLMode(d Driver) *Knob {
	return &Knob{Driver: d, Key: "sslmode", Setting: TLSMode, Unit: UnitEnum, Enum: sslModes, read: readEnum,
		Default: "prefer", empty: true,
		DefaultNote: "prefer tries TLS without checking the certificate, then falls back to plaintext; require with sslrootcert acts as verify-ca",
		other:       &check{code: CodeNotInEnum, kind: Rejected, text: "failed to configure TLS (sslmode is invalid)"},
		Source:      pgxMod + "pgconn/config.go configTLS"}
}

// pgxSSL is the JDBC alias ssl=true (URLs only, v5.11.0+).
func pgxSSL(d Driver) *Knob {
	return &Knob{Driver: d, Key: "ssl", Setting: TLSMode, Unit: UnitEnum, read: readEnum,
		Enum: map[string]string{"true": "require"},
		other: &check{code: CodeForwarded, kind: Rejected,
			text: "only ssl=true in a URL means sslmode=require; ssl={raw} is sent to the server as a runtime parameter, which refuses it"},
		Source: pgxMod + "pgconn/parse_url.go parseURLQueryParams"}
}

// pqRows are read by lib/pq (sql.Open("postgres"), pq.NewConnector).
var pqRows = []*Knob{
	{Driver: PQ, Key: "connect_timeout", Setting: ConnectTimeout, Unit: UnitSeconds, read: readInt64,
		errf:    `pq: wrong value for "connect_timeout": {err}`,
		Special: []Special{{"<=0", "wait forever", MeansUnlimited}},
		Source:  pqMod + "connector.go Config.ConnectTimeout, setFromTag; conn.go dial"},
	{Driver: PQ, Key: "sslmode", Setting: TLSMode, Unit: UnitEnum, Enum: sslModes, read: readEnum,
		Default:     "require",
		DefaultNote: "unset behaves as require: TLS without a certificate check (ssl.go)",
		custom:      "pqgo-",
		other: &check{code: CodeNotInEnum, kind: Rejected,
			text: `pq: wrong value for "sslmode": "{raw}" is not supported; supported values are disable, allow, prefer, require, verify-full, or verify-ca`},
		Source: pqMod + "connector.go setFromTag, sslModes; ssl.go ssl"},
}

// pgxAPIRows are the pgxpool.Config and pgconn.Config fields.
var pgxAPIRows = []*Knob{
	pgxpoolField("MaxConns", MaxOpen, UnitGoCount, "4", []check{{when: isNonPositive, code: CodeTooSmall, kind: Rejected,
		text: "MaxSize must be >= 1 (NewWithConfig returns puddle.NewPool's error)"}}, nil),
	pgxpoolField("MinConns", MinOpen, UnitGoCount, "0", pgxNegativeMin,
		[]Special{{"<=0", "no connections are kept open; MinConns > MaxConns is not checked", MeansNone}}),
	pgxpoolField("MinIdleConns", MinIdle, UnitGoCount, "0", pgxNegativeMin,
		[]Special{{"<=0", "no idle connections are kept warm", MeansNone}}),
	pgxpoolField("MaxConnLifetime", ConnMaxLifetime, UnitGoDuration, "time.Hour", nil,
		[]Special{{"<=0", "no lifetime limit (v5.11.0+, Pool.isExpired)", MeansUnlimited}}),
	pgxpoolField("MaxConnLifetimeJitter", "", UnitGoDuration, "0", nil, nil),
	pgxpoolField("MaxConnIdleTime", ConnMaxIdleTime, UnitGoDuration, "30 * time.Minute", []check{{when: isNonPositive, code: CodeChurn, kind: Misread,
		text: "every idle connection above MinConns is closed at each health check (checkConnsHealth)"}}, nil),
	pgxpoolField("HealthCheckPeriod", HealthCheckPeriod, UnitGoDuration, "time.Minute", []check{{when: isNonPositive, code: CodePanics, kind: Rejected,
		fix: "time.Minute", text: "panic: non-positive interval for NewTicker, in the goroutine NewWithConfig starts (backgroundHealthCheck): the process crashes"}}, nil),
	pgxpoolField("PingTimeout", "", UnitGoDuration, "0", nil,
		[]Special{{"<=0", "no ping timeout", MeansUnlimited}}),
	{Driver: Pgx, Key: "ConnectTimeout", Setting: ConnectTimeout, Unit: UnitGoDuration, read: readGo,
		API:     &API{Pkg: "github.com/jackc/pgx/v5/pgconn", Type: "Config", Member: "ConnectTimeout", Kind: Field},
		Default: "0",
		Special: []Special{{"0", "no timeout (pgxpool dials with 2 min)", MeansUnlimited}},
		checks: []check{{when: isNegative, code: CodeFailsFast, kind: Misread,
			text: "pgconn.connect runs under an already expired context: every connect fails at once (pgxpool replaces <= 0 with 2 min)"}},
		Source: pgxMod + "pgconn/pgconn.go connect; pgxpool/pool.go NewWithConfig (reached as cfg.ConnConfig.ConnectTimeout through pgx.ConnConfig's embedded pgconn.Config)"},
	tlsField(Pgx, "github.com/jackc/pgx/v5/pgconn", "Config", "TLSConfig", pgxMod+"pgconn/config.go Config.TLSConfig (nil disables TLS; Fallbacks carry their own)"),
}

// pgxV4APIRows are pgx v4's pgxpool.Config fields. Two differ from v5:
// MaxConns < 1 makes ConnectConfig panic (puddle v1's NewPool), and a
// MaxConnLifetime <= 0 expires every connection, so each is closed when
// it is released (Conn.Release, Pool.isExpired). v4 has no MinIdleConns
// or PingTimeout. Its ParseConfig and Connect are not sinks here: the
// pool_* keys mean what the v5 rows say only in v5.
var pgxV4APIRows = []*Knob{
	pgxV4Field("MaxConns", MaxOpen, UnitGoCount, "4", []check{{when: isNonPositive, code: CodePanics, kind: Rejected,
		text: "ConnectConfig panics: maxSize is less than 1 (puddle v1 NewPool)"}}, nil),
	pgxV4Field("MinConns", MinOpen, UnitGoCount, "0", nil,
		[]Special{{"<=0", "no connections are kept open", MeansNone}}),
	pgxV4Field("MaxConnLifetime", ConnMaxLifetime, UnitGoDuration, "time.Hour", []check{{when: isNonPositive, code: CodeChurn, kind: Misread,
		text: "every connection is expired: each one is closed when it is released, and at each health check (Pool.isExpired)"}}, nil),
	pgxV4Field("MaxConnLifetimeJitter", "", UnitGoDuration, "0", nil, nil),
	pgxV4Field("MaxConnIdleTime", ConnMaxIdleTime, UnitGoDuration, "30 * time.Minute", []check{{when: isNonPositive, code: CodeChurn, kind: Misread,
		text: "every idle connection above MinConns is closed at each health check (checkConnsHealth)"}}, nil),
	pgxV4Field("HealthCheckPeriod", HealthCheckPeriod, UnitGoDuration, "time.Minute", []check{{when: isNonPositive, code: CodePanics, kind: Rejected,
		fix: "time.Minute", text: "panic: non-positive interval for NewTicker, in the goroutine ConnectConfig starts (backgroundHealthCheck): the process crashes"}}, nil),
}

func pgxV4Field(name string, s Setting, u Unit, def string, checks []check, special []Special) *Knob {
	return pgxpoolKnob(pgxpoolV4, name, s, u, def, checks, special)
}

func pgxpoolField(name string, s Setting, u Unit, def string, checks []check, special []Special) *Knob {
	return pgxpoolKnob(pgxpoolV5, name, s, u, def, checks, special)
}

// A pgxpoolVersion is where one major version of pgxpool.Config lives.
type pgxpoolVersion struct{ pkg, src, puddle string }

var (
	pgxpoolV5 = pgxpoolVersion{"github.com/jackc/pgx/v5/pgxpool", pgxMod + "pgxpool/pool.go Config, NewWithConfig", puddleMod}
	pgxpoolV4 = pgxpoolVersion{"github.com/jackc/pgx/v4/pgxpool", pgxV4Mod + "pgxpool/pool.go Config, ConnectConfig, isExpired; pgxpool/conn.go Release", puddleV1Mod}
)

func pgxpoolKnob(v pgxpoolVersion, name string, s Setting, u Unit, def string, checks []check, special []Special) *Knob {
	src, note := v.src, ""
	if name == "MaxConns" {
		src += "; " + v.puddle + "pool.go NewPool"
		note = "max(4, runtime.NumCPU()), set by ParseConfig"
	}
	return &Knob{Driver: Pgxpool, Key: name, Setting: s, Unit: u, read: readGo, Default: def, DefaultNote: note,
		API:     &API{Pkg: v.pkg, Type: "Config", Member: name, Kind: Field},
		checks:  checks,
		Special: special,
		Source:  src}
}
