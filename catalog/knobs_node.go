package catalog

// The Node.js pool libraries, read for facts with npm pack at the pinned
// versions below; every row cites file:line there. Their options are
// object properties, not DSN keys: Option rows, listed by Options.
// Numbers are JavaScript numbers; the scanner passes integers as their
// decimal spelling and booleans as true or false.

// The Node drivers.
const (
	NodePg    Driver = "node-postgres" // pg Pool and Client (pg-pool does the pooling)
	Knex      Driver = "knex"          // knex, pooled by tarn
	Sequelize Driver = "sequelize"     // sequelize, pooled by sequelize-pool
	MySQL2    Driver = "mysql2"        // mysql2 createPool
)

// The pinned packages.
const (
	pgNpm     = "pg@8.23.1 "
	pgPoolNpm = "pg-pool@3.14.0 "
	knexNpm   = "knex@3.3.0 "
	tarnNpm   = "tarn@3.1.2 "
	seqNpm    = "sequelize@6.37.8 "
	seqPool   = "sequelize-pool@7.1.0 "
	mysql2Npm = "mysql2@3.26.1 "
	prismaNpm = "@prisma/client@6.19.0 "
)

var nodeDrivers = []DriverInfo{
	{Name: NodePg, Family: "node", Source: pgNpm + "lib/index.js:13-19 (Pool is pg-pool bound to pg's Client); " + pgPoolNpm + "index.js:66-108"},
	{Name: Knex, Family: "node", Source: knexNpm + "lib/client.js:229-265 getPoolSettings; " + tarnNpm + "dist/Pool.js:14-80"},
	{Name: Sequelize, Family: "node", Source: seqNpm + "lib/dialects/abstract/connection-manager.js:20-27, 77-92; " + seqPool + "lib/Pool.js:8-40"},
	{Name: MySQL2, Family: "node", Source: mysql2Npm + "lib/pool_config.js:5-31, lib/base/pool.js:68-125"},
}

// nodeRows lists the option rows of every Node driver.
func nodeRows() []*Knob {
	var out []*Knob
	for _, rows := range [][]*Knob{pgRows, pgClientRows, knexRows, sequelizeRows, mysql2Rows} {
		out = append(out, rows...)
	}
	return out
}

// pgRows are pg.Pool's options, read by pg-pool's constructor. A falsy
// value (0) takes the default for max, min and maxLifetimeSeconds.
var pgRows = []*Knob{
	nodeOpt(NodePg, "max", MaxOpen, UnitCount, "10", pgPoolNpm+"index.js:89 (max || poolSize || 10), :120 _isFull",
		[]Special{{"0", "the default, 10 (max || poolSize || 10)", MeansDefault}},
		[]check{{when: isNegative, code: CodeTooSmall, kind: Misread,
			text: "the pool is always full (_isFull: clients >= max) and never opens a client: every connect() waits forever"}}),
	nodeOpt(NodePg, "min", MinIdle, UnitCount, "0", pgPoolNpm+"index.js:90, :124 _isAboveMin, :409 (idle clients at or below min are never closed)",
		[]Special{{"<=0", "every idle client may be closed", MeansNone}}, nil),
	nodeOpt(NodePg, "idleTimeoutMillis", ConnMaxIdleTime, UnitMillis, "10000", pgPoolNpm+"index.js:98-100, :409-416",
		[]Special{{"0", "idle clients are never closed", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeChurn, kind: Misread,
			text: "setTimeout fires after 1 ms: every idle client is closed as soon as it is released"}}),
	// One option, two waits: for a free client when the pool is full,
	// and for a new client's connection.
	nodeOpt(NodePg, "connectionTimeoutMillis", AcquireTimeout, UnitMillis, "0", pgPoolNpm+"index.js:206-225 (waiting for a client: timeout exceeded when trying to connect)",
		[]Special{{"0", "no timeout: connect() waits forever for a client", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeFailsFast, kind: Misread,
			text: "setTimeout fires after 1 ms: a connect() that must wait fails at once with timeout exceeded when trying to connect"}}),
	nodeOpt(NodePg, "connectionTimeoutMillis", ConnectTimeout, UnitMillis, "0", pgPoolNpm+"index.js:250-263 (connecting a new client: Connection terminated due to connection timeout)",
		[]Special{{"0", "no connect timeout", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeFailsFast, kind: Misread,
			text: "setTimeout fires after 1 ms: every new client's connection is destroyed before it completes"}}),
	nodeOpt(NodePg, "maxLifetimeSeconds", ConnMaxLifetime, UnitSeconds, "0", pgPoolNpm+"index.js:93, :312-325",
		[]Special{{"0", "clients are kept forever", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeChurn, kind: Misread,
			text: "setTimeout fires after 1 ms: every client expires as soon as it connects and is closed on release"}}),
}

// pgClientRows are the options of a single pg.Client.
var pgClientRows = []*Knob{
	nodeOptOf(NodePg, "Client", "connectionTimeoutMillis", ConnectTimeout, UnitMillis, "0", pgNpm+"lib/client.js:116, :167-171",
		[]Special{{"<=0", "no connect timeout", MeansUnlimited}}, nil),
}

// knexRows are a knex config's pool options, passed on to tarn, and
// knex's own acquireConnectionTimeout. tarn rejects a timeout that is
// not a positive integer and a max below 1, so knex throws when the
// first pool is created.
var knexRows = []*Knob{
	nodeOpt(Knex, "pool.max", MaxOpen, UnitCount, "10", knexNpm+"lib/client.js:229-231 poolDefaults (sqlite3: 1); "+tarnNpm+"dist/Pool.js:23-25",
		nil, []check{{when: isNonPositive, code: CodeTooSmall, kind: Rejected, text: "Tarn: opt.max must be an integer > 0"}}),
	nodeOpt(Knex, "pool.min", MinOpen, UnitCount, "2", knexNpm+"lib/client.js:229-231 poolDefaults (sqlite3: 1); "+tarnNpm+"dist/Pool.js:20-22",
		[]Special{{"0", "no connections are kept open", MeansNone}},
		[]check{{when: isNegative, code: CodeNegative, kind: Rejected, text: "Tarn: opt.min must be an integer >= 0"}}),
	tarnTime("pool.acquireTimeoutMillis", AcquireTimeout, "60000", knexNpm+"lib/client.js:253-265 (the smaller of it and acquireConnectionTimeout); "+tarnNpm+"dist/Pool.js:29-31"),
	tarnTime("acquireConnectionTimeout", AcquireTimeout, "60000", knexNpm+"lib/client.js:253-265 (the smaller of it and pool.acquireTimeoutMillis); "+tarnNpm+"dist/Pool.js:29-31"),
	tarnTime("pool.createTimeoutMillis", ConnectTimeout, "30000", tarnNpm+"dist/Pool.js:32-34, :73"),
	tarnTime("pool.idleTimeoutMillis", ConnMaxIdleTime, "30000", tarnNpm+"dist/Pool.js:38-40, :75"),
	nodeOpt(Knex, "pool.maxConnectionLifetimeMillis", ConnMaxLifetime, UnitMillis, "0", knexNpm+"lib/client.js:236, :267-270 (only a value > 0 sets a lifetime)",
		[]Special{{"<=0", "connections are kept forever", MeansUnlimited}}, nil),
}

func tarnTime(path string, s Setting, def, src string) *Knob {
	return nodeOpt(Knex, path, s, UnitMillis, def, src, nil,
		[]check{{when: isNonPositive, code: CodeUnparsable, kind: Rejected,
			text: "knex throws when it creates the pool: Tarn: invalid opt." + tarnName(path) + " (tarn takes only an integer > 0)"}})
}

// tarnName is the tarn option a knex option becomes.
func tarnName(path string) string {
	if path == "acquireConnectionTimeout" {
		return "acquireTimeoutMillis"
	}
	return path[len("pool."):]
}

// sequelizeRows are a Sequelize instance's pool options. Sequelize fills
// in its defaults when an option is undefined; sequelize-pool then turns
// a falsy acquire or idle into 30 s.
var sequelizeRows = []*Knob{
	nodeOpt(Sequelize, "pool.max", MaxOpen, UnitCount, "5", seqNpm+"lib/dialects/abstract/connection-manager.js:21; "+seqPool+"lib/Pool.js:23-27",
		nil, []check{{when: isNonPositive, code: CodeTooSmall, kind: Rejected, text: "sequelize-pool throws: max must be an integer > 0"}}),
	nodeOpt(Sequelize, "pool.min", MinOpen, UnitCount, "0", seqNpm+"lib/dialects/abstract/connection-manager.js:22; "+seqPool+"lib/Pool.js:18-22",
		[]Special{{"0", "no connections are kept open", MeansNone}},
		[]check{{when: isNegative, code: CodeNegative, kind: Rejected, text: "sequelize-pool throws: min must be an integer >= 0"}}),
	nodeOpt(Sequelize, "pool.acquire", AcquireTimeout, UnitMillis, "60000", seqNpm+"lib/dialects/abstract/connection-manager.js:24, :88; "+seqPool+"lib/Pool.js:36",
		[]Special{{"0", "sequelize-pool's own default, 30 s (acquireTimeoutMillis || 30000)", MeansDefault}}, nil),
	nodeOpt(Sequelize, "pool.idle", ConnMaxIdleTime, UnitMillis, "10000", seqNpm+"lib/dialects/abstract/connection-manager.js:23, :89; "+seqPool+"lib/Pool.js:35",
		[]Special{{"0", "sequelize-pool's own default, 30 s (idleTimeoutMillis || 30000)", MeansDefault}}, nil),
}

// mysql2Rows are createPool's options (PoolConfig) and the connection's
// connectTimeout.
var mysql2Rows = []*Knob{
	nodeOpt(MySQL2, "connectionLimit", MaxOpen, UnitCount, "10", mysql2Npm+"lib/pool_config.js:15-17, lib/base/pool.js:88-91",
		[]Special{{"0", "no limit: a new connection whenever none is free", MeansUnlimited}},
		[]check{{when: isNegative, code: CodeTooSmall, kind: Misread,
			text: "the pool never opens a connection (connections < connectionLimit never holds): every getConnection waits in the queue"}}),
	nodeOpt(MySQL2, "maxIdle", MaxIdle, UnitCount, "10", mysql2Npm+"lib/pool_config.js:18-20 (default: connectionLimit), lib/base/pool.js:330", nil, nil),
	nodeOpt(MySQL2, "idleTimeout", ConnMaxIdleTime, UnitMillis, "60000", mysql2Npm+"lib/pool_config.js:21-23, lib/base/pool.js:326-335 (checked only when maxIdle < connectionLimit)", nil, nil),
	nodeOpt(MySQL2, "queueLimit", "", UnitCount, "0", mysql2Npm+"lib/pool_config.js:24-26, lib/base/pool.js:113-118",
		[]Special{{"0", "the queue of waiting requests has no limit", MeansUnlimited}}, nil),
	nodeOpt(MySQL2, "connectTimeout", ConnectTimeout, UnitMillis, "10000", mysql2Npm+"lib/connection_config.js:130-132, lib/base/connection.js:208",
		[]Special{{"0", "no connect timeout", MeansUnlimited}}, nil),
	{Driver: MySQL2, Key: "waitForConnections", Option: true, Unit: UnitEnum, read: readEnum,
		Enum: map[string]string{"true": "true", "1": "true"}, Default: "true", prefer: []string{"true"},
		other: &check{code: CodeFailsFast, kind: Misread, fix: "true",
			text: "the pool does not queue: when connectionLimit connections are busy, getConnection fails at once with No connections available."},
		Source: mysql2Npm + "lib/pool_config.js:11-14 (Boolean(waitForConnections)), lib/base/pool.js:108-112"},
}

func nodeOpt(d Driver, path string, s Setting, u Unit, def, src string, special []Special, checks []check) *Knob {
	return &Knob{Driver: d, Key: path, Option: true, Setting: s, Unit: u, read: readInt64,
		Default: def, Special: special, checks: checks,
		errf: "not a whole number: {err}", Source: src}
}

// nodeOptOf is an option of another constructor of the library than its
// pool (pg's Client): the key names the constructor.
func nodeOptOf(d Driver, ctor, path string, s Setting, u Unit, def, src string, special []Special, checks []check) *Knob {
	k := nodeOpt(d, path, s, u, def, src, special, checks)
	k.Key = ctor + ":" + path
	return k
}

// Options returns driver d's option rows (every Node driver's when d is
// ""), in table order.
func Options(d Driver) []*Knob {
	if d == "" {
		return nodeRows()
	}
	return append([]*Knob(nil), index().options[d]...)
}

// A NodeSink is a Node library entry point that takes an options object:
// new Pool(config) from 'pg', knex(config), mysql.createPool(config).
type NodeSink struct {
	Driver  Driver
	Package string   // as imported or required: "pg", "mysql2/promise"
	Export  []string // export paths that name it: "Pool", "default.Pool"; "" is the module itself
	New     bool     // called with new
	Ctor    string   // the rows it reads: "" the driver's pool rows, "Client" its Client rows
	Arg     int      // the options argument; -1: the last object literal among the arguments
	// DSN lists option paths that hold a connection string ("*" matches
	// any key), and DSNDriver the driver that reads it ("" from the URL).
	DSN       []string
	DSNDriver Driver
	// NotJudged maps an option to the values that make the pool one this
	// catalog does not describe (Sequelize's sqlite dialect: one
	// connection by design).
	NotJudged map[string][]string
	// Requires maps an option to the constant values one of which it must
	// hold for the pool to be judged (knex's client: sqlite3 keeps one
	// connection, and a client read from a variable may be it).
	Requires map[string][]string
	Source   string
}

// KnexServers requires a knex config's client to be a constant naming a
// client of a database server: not sqlite, not a variable.
var KnexServers = map[string][]string{"client": {
	"pg", "postgres", "postgresql", "pgnative", "pg-redshift", "redshift", "cockroachdb",
	"mysql", "mysql2", "mariadb", "mssql", "oracledb"}}

var nodeSinks = []NodeSink{
	{Driver: NodePg, Package: "pg", Export: []string{"Pool", "default.Pool", "native.Pool", "default.native.Pool"}, New: true,
		DSN:    []string{"connectionString"},
		Source: pgNpm + "lib/index.js:13-19, :53-71 (pg.native is a PG with the same pg-pool), lib/connection-parameters.js:57-61"},
	{Driver: NodePg, Package: "pg-pool", Export: []string{"", "default"}, New: true, DSN: []string{"connectionString"},
		Source: pgPoolNpm + "index.js:66"},
	{Driver: NodePg, Package: "pg", Export: []string{"Client", "default.Client"}, New: true, Ctor: "Client", DSN: []string{"connectionString"},
		Source: pgNpm + "lib/client.js:116"},
	{Driver: Knex, Package: "knex", Export: []string{"", "default", "knex"}, DSN: []string{"connection", "connection.connectionString"},
		Requires: KnexServers, Source: knexNpm + "knex.js:19-23 (knex, knex.knex, knex.default), knex.mjs:9-10, lib/client.js:422 (new KnexPool(getPoolSettings(config.pool)))"},
	{Driver: Sequelize, Package: "sequelize", Export: []string{"", "Sequelize", "default"}, New: true, Arg: -1,
		NotJudged: map[string][]string{"dialect": {"sqlite"}},
		Source:    seqNpm + "lib/sequelize.js constructor (database, username, password, options) or (uri, options)"},
	{Driver: MySQL2, Package: "mysql2", Export: []string{"createPool", "default.createPool"}, DSN: []string{"uri"},
		Source: mysql2Npm + "lib/create_pool.js, lib/pool_config.js:5-9"},
	{Driver: MySQL2, Package: "mysql2/promise", Export: []string{"createPool", "default.createPool"}, DSN: []string{"uri"},
		Source: mysql2Npm + "promise.js:8, :43 createPool"},
	{Driver: "", Package: "@prisma/client", Export: []string{"PrismaClient"}, New: true,
		DSN: []string{"datasourceUrl", "datasources.*.url"}, DSNDriver: Prisma,
		Source: prismaNpm + "runtime/library.d.ts:2635-2647 PrismaClientOptions, :392-398 Datasources"},
}

// NodeSinks lists the Node library entry points.
func NodeSinks() []NodeSink { return append([]NodeSink(nil), nodeSinks...) }

// KnexClients are the knex client names; an object literal with one as
// its client, in a knexfile or a file that imports knex, is a knex
// config (knex@3.3.0 lib/constants.js:1-36 CLIENT_ALIASES,
// SUPPORTED_CLIENTS, DRIVER_NAMES).
var KnexClients = []string{
	"pg", "postgres", "postgresql", "pgnative", "pg-redshift", "redshift", "cockroachdb", "mysql", "mysql2",
	"mariadb", "mssql", "oracledb", "sqlite3", "sqlite", "better-sqlite3",
}

// LookupOption returns driver d's first row for an option path.
func LookupOption(d Driver, path string) (*Knob, bool) {
	for _, k := range index().options[d] {
		if k.Key == path {
			return k, true
		}
	}
	return nil, false
}
