package catalog

import "cmp"

// redisRows are read by redis.ParseURL (and, aliases aside, by
// ParseClusterURL and ParseFailoverURL). In a URL an integer 0 or an
// empty value means the default, a duration <= 0 is stored as -1, and an
// empty value means the default.
var redisRows = []*Knob{
	redisCount("pool_size", MaxOpen, "10", "10 * runtime.GOMAXPROCS(0); ClusterOptions: 5 * GOMAXPROCS per node",
		[]Special{{"0", "the default", MeansDefault}},
		[]check{{when: isNegative, code: CodePanics, kind: Rejected,
			text: "NewClient panics: makechan: size out of range (internal/pool NewConnPool)"}}),
	redisCount("max_active_conns", MaxOpen, "0", "",
		[]Special{{"<=0", "no hard cap on connections (pool_size still bounds those in use)", MeansUnlimited}}, nil),
	redisCount("min_idle_conns", MinIdle, "0", "",
		[]Special{{"<=0", "no idle connections are kept warm", MeansNone}}, nil),
	redisCount("max_idle_conns", MaxIdle, "0", "",
		[]Special{{"0", "idle connections are kept without a cap", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeChurn, kind: Misread,
			text: "no idle connection is kept: every released connection is closed (internal/pool ConnPool.putConn)"}}),
	redisDuration("pool_timeout", nil, AcquireTimeout, "6s", "ReadTimeout + 1 s; 30 s when reads have no timeout",
		nil, []check{{when: isNonPositive, code: CodeFailsFast, kind: Misread,
			text: "stored as -1: a command that must wait for a connection fails at once with redis: connection pool timeout"}}),
	redisDuration("dial_timeout", nil, ConnectTimeout, "5s", "",
		nil, []check{{when: isNonPositive, code: CodeFailsFast, kind: Misread,
			text: "stored as -1: net.Dialer gets a negative timeout and every dial fails at once with i/o timeout"}}),
	redisDuration("read_timeout", nil, ReadTimeout, "5s", "5 s since v9.22.0, 3 s before",
		[]Special{{"<=0", "no read timeout", MeansUnlimited}}, nil),
	redisDuration("write_timeout", nil, WriteTimeout, "5s", "follows ReadTimeout",
		[]Special{{"<=0", "no write timeout", MeansUnlimited}}, nil),
	redisDuration("conn_max_idle_time", []string{"idle_timeout"}, ConnMaxIdleTime, "30m", "",
		[]Special{{"<=0", "idle connections are never closed", MeansUnlimited}}, nil),
	redisDuration("conn_max_lifetime", []string{"max_conn_age"}, ConnMaxLifetime, "0", "",
		[]Special{{"<=0", "connections are never closed for age", MeansUnlimited}}, nil),
	redisDuration("conn_max_lifetime_jitter", nil, "", "0", "", nil, nil),
	{Driver: Redis, Key: "skip_verify", Unit: UnitEnum, read: readEnum,
		Enum:    map[string]string{"true": "true", "1": "true", "false": "false", "0": "false", "": "false"},
		Default: "false", prefer: []string{"true", "false"},
		other: &check{code: CodeUnparsable, kind: Rejected,
			text: `redis: invalid skip_verify boolean: expected true/false/1/0 or an empty string, got "{raw}"`},
		Source: redisMod + "options.go setupConnParams (rediss:// only; on redis:// it is an unexpected option)"},
}

func redisCount(key string, s Setting, def, note string, special []Special, checks []check) *Knob {
	return &Knob{Driver: Redis, Key: key, Setting: s, Unit: UnitCount, read: readAtoi, empty: true,
		Default: def, DefaultNote: note, Special: special, checks: checks,
		errf:   "redis: invalid {key} number: {err}",
		Source: redisMod + "options.go setupConnParams, Options.init; internal/pool/pool.go"}
}

func redisDuration(key string, aliases []string, s Setting, def, note string, special []Special, checks []check) *Knob {
	src := redisMod + "options.go setupConnParams, queryOptions.duration, Options.init"
	if aliases != nil {
		src += " (the alias is ParseURL's only; ParseClusterURL and ParseFailoverURL reject it)"
	}
	return &Knob{Driver: Redis, Key: key, Aliases: aliases, Setting: s, Unit: UnitSecondsOrDuration, read: readRedis,
		empty: true, Default: def, DefaultNote: note, Special: special, checks: checks,
		errf:   "redis: invalid {key} duration: {err}",
		Source: src}
}

// redisOptions lists the Options fields shared by Options, ClusterOptions,
// UniversalOptions, FailoverOptions and RingOptions. There 0 means the
// default, unlike in a URL, where a duration 0 means -1.
var redisOptions = []struct {
	name    string
	setting Setting
	unit    Unit
	def     string
	special []Special
	checks  []check
}{
	{"PoolSize", MaxOpen, UnitGoCount, "0", []Special{{"0", "the default: 10 * GOMAXPROCS (ClusterOptions: 5 * GOMAXPROCS per node)", MeansDefault}},
		[]check{{when: isNegative, code: CodePanics, kind: Rejected, text: "NewClient panics: makechan: size out of range (internal/pool NewConnPool)"}}},
	{"MaxActiveConns", MaxOpen, UnitGoCount, "0", []Special{{"<=0", "no hard cap on connections (PoolSize still bounds those in use)", MeansUnlimited}}, nil},
	{"MinIdleConns", MinIdle, UnitGoCount, "0", []Special{{"<=0", "no idle connections are kept warm", MeansNone}}, nil},
	{"MaxIdleConns", MaxIdle, UnitGoCount, "0", []Special{{"0", "idle connections are kept without a cap", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeChurn, kind: Misread, text: "no idle connection is kept: every released connection is closed (internal/pool ConnPool.putConn)"}}},
	{"PoolTimeout", AcquireTimeout, UnitGoDuration, "0", []Special{{"0", "the default: ReadTimeout + 1 s (30 s when reads have no timeout)", MeansDefault}},
		[]check{{when: isNegative, code: CodeFailsFast, kind: Misread, text: "a command that must wait for a connection fails at once with redis: connection pool timeout"}}},
	{"DialTimeout", ConnectTimeout, UnitGoDuration, "0", []Special{{"0", "the default: 5 s", MeansDefault}},
		[]check{{when: isNegative, code: CodeFailsFast, kind: Misread, text: "net.Dialer gets a negative timeout: every dial fails at once with i/o timeout"}}},
	{"ReadTimeout", ReadTimeout, UnitGoDuration, "0", []Special{
		{"0", "the default: 5 s", MeansDefault},
		{"-1", "no timeout", MeansUnlimited},
		{"-2", "no SetReadDeadline calls at all", MeansUnlimited},
		{"<0", "no timeout", MeansUnlimited}}, nil},
	{"WriteTimeout", WriteTimeout, UnitGoDuration, "0", []Special{
		{"0", "the default: ReadTimeout", MeansDefault},
		{"-1", "no timeout", MeansUnlimited},
		{"-2", "no SetWriteDeadline calls at all", MeansUnlimited},
		{"<0", "no timeout", MeansUnlimited}}, nil},
	{"ConnMaxIdleTime", ConnMaxIdleTime, UnitGoDuration, "0", []Special{
		{"0", "the default: 30 min", MeansDefault},
		{"<0", "idle connections are never closed", MeansUnlimited}}, nil},
	{"ConnMaxLifetime", ConnMaxLifetime, UnitGoDuration, "0", []Special{{"<=0", "connections are never closed for age (the default)", MeansUnlimited}}, nil},
}

// redisOptionTypes are the go-redis option structs and their files.
var redisOptionTypes = []struct{ typ, file string }{
	{"Options", "options.go Options, Options.init"},
	{"ClusterOptions", "osscluster.go ClusterOptions, ClusterOptions.init"},
	{"UniversalOptions", "universal.go UniversalOptions"},
	{"FailoverOptions", "sentinel.go FailoverOptions"},
	{"RingOptions", "ring.go RingOptions"},
}

// redisModules are the import paths go-redis has had: v9's current one;
// github.com/go-redis/redis/v9 of the v9.0.0 pre-releases (still required
// by applications such as go-ycsb), which has no MaxActiveConns, reads
// ReadTimeout 0 as 3 s (options.go Options.init) and keeps ClusterOptions
// in cluster.go; and v8, which also has no MaxIdleConns, names the
// lifetime MaxConnAge and the idle time IdleTimeout (0 = 5 min), and
// whose URL keys differ (its ParseURL is not a sink here).
var redisModules = []struct {
	pkg, mod string
	file     map[string]string    // option type → file, where it differs
	special  map[string][]Special // field → specials, where they differ; nil: no such field
	names    map[string]string    // field → the module's name for it, where it differs
}{
	{pkg: "github.com/redis/go-redis/v9", mod: redisMod},
	{pkg: "github.com/go-redis/redis/v9", mod: redisOldMod,
		file:    map[string]string{"ClusterOptions": "cluster.go ClusterOptions, ClusterOptions.init"},
		special: map[string][]Special{"MaxActiveConns": nil, "ReadTimeout": oldReadTimeout}},
	{pkg: "github.com/go-redis/redis/v8", mod: redisV8Mod,
		file: map[string]string{"ClusterOptions": "cluster.go ClusterOptions, ClusterOptions.init"},
		special: map[string][]Special{"MaxActiveConns": nil, "MaxIdleConns": nil,
			"ReadTimeout":  {{"0", "the default: 3 s", MeansDefault}, {"<0", "no timeout", MeansUnlimited}},
			"WriteTimeout": {{"0", "the default: ReadTimeout", MeansDefault}, {"<0", "no timeout", MeansUnlimited}},
			"PoolTimeout":  {{"0", "the default: ReadTimeout + 1 s", MeansDefault}},
			"ConnMaxIdleTime": {
				{"0", "the default: 5 min", MeansDefault},
				{"<0", "idle connections are never closed", MeansUnlimited}}},
		names: map[string]string{"ConnMaxLifetime": "MaxConnAge", "ConnMaxIdleTime": "IdleTimeout"}},
}

// oldReadTimeout is ReadTimeout before v9.0.0: 0 means 3 s.
var oldReadTimeout = []Special{
	{"0", "the default: 3 s", MeansDefault},
	{"-1", "no timeout", MeansUnlimited},
	{"-2", "no SetReadDeadline calls at all", MeansUnlimited},
	{"<0", "no timeout", MeansUnlimited}}

// redisAPIRows crosses redisModules, redisOptionTypes and redisOptions.
func redisAPIRows() []*Knob {
	var rows []*Knob
	for _, m := range redisModules {
		for _, t := range redisOptionTypes {
			file := cmp.Or(m.file[t.typ], t.file)
			for _, f := range redisOptions {
				special, differs := m.special[f.name]
				if !differs {
					special = f.special
				} else if special == nil {
					continue
				}
				name := cmp.Or(m.names[f.name], f.name)
				rows = append(rows, &Knob{Driver: Redis, Key: name, Setting: f.setting, Unit: f.unit, read: readGo,
					API:     &API{Pkg: m.pkg, Type: t.typ, Member: name, Kind: Field},
					Default: f.def, Special: special, checks: f.checks,
					Source: m.mod + file + "; internal/pool/pool.go"})
			}
			rows = append(rows, tlsField(Redis, m.pkg, t.typ, "TLSConfig", m.mod+file+" (nil: no TLS)"))
		}
	}
	return rows
}
