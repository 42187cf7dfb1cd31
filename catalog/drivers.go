package catalog

// The pinned sources every row cites.
const (
	pgxMod      = "github.com/jackc/pgx/v5@v5.12.0 "
	puddleMod   = "github.com/jackc/puddle/v2@v2.2.3 "
	pgxV4Mod    = "github.com/jackc/pgx/v4@v4.18.3 "
	puddleV1Mod = "github.com/jackc/puddle@v1.3.0 " // what pgx v4.18.3 requires
	pqMod       = "github.com/lib/pq@v1.12.3 "
	mysqlMod    = "github.com/go-sql-driver/mysql@v1.10.1 "
	mssqlMod    = "github.com/microsoft/go-mssqldb@v1.11.2 "
	redisMod    = "github.com/redis/go-redis/v9@v9.23.0 "
	redisOldMod = "github.com/go-redis/redis/v9@v9.0.0-rc.1 " // the pre-release path
	redisV8Mod  = "github.com/go-redis/redis/v8@v8.11.5 "
	mattnMod    = "github.com/mattn/go-sqlite3@v1.14.53 "
	moderncMod  = "modernc.org/sqlite@v1.62.0 "
	glebMod     = "github.com/glebarez/go-sqlite@v1.21.2 " // what github.com/glebarez/sqlite v1.11.0 requires
	glebGorm    = "github.com/glebarez/sqlite@v1.11.0 "
	xormMod     = "xorm.io/xorm@v1.4.3 "
	dbxMod      = "github.com/pocketbase/dbx@v1.12.0 "
	goSQLMod    = "go1.26 src/database/sql/sql.go "
	gormMod     = "gorm.io/driver/"
	quaint      = "github.com/prisma/prisma-engines quaint/src/connector/"
	prismaDocs  = "https://www.prisma.io/docs/v6/orm/prisma-client/setup-and-configuration/databases-connections/connection-pool, " +
		"https://www.prisma.io/docs/orm/overview/databases/postgresql (Arguments); "
)

// drivers holds one row per driver, in the order Drivers returns them.
// The Node libraries' rows are in knobs_node.go.
var drivers = append([]DriverInfo{
	{Name: Postgres, Family: "postgres", Unknown: UnknownToServer,
		UnknownText: "sent to the server as a startup parameter by pgx and lib/pq; a name the server does not know fails the connection: unrecognized configuration parameter \"{key}\"",
		Other:       append(append([]string(nil), pgconnOther...), pqOther...),
		Source:      pgxMod + "pgconn/config.go ParseConfigWithOptions; " + pqMod + "connector.go setFromTag"},
	// pgx: "occurrences superseded by a later repeated parameter" (pgconn/config.go),
	// parseURLSettings and parseKeywordValueSettings assign in order.
	{Name: Pgx, Family: "postgres", Unknown: UnknownToServer, LastWins: true,
		UnknownText: "pgx keeps it in RuntimeParams and sends it to the server at startup; a name the server does not know fails the connection: unrecognized configuration parameter \"{key}\"",
		Other:       pgconnOther,
		Source:      pgxMod + "pgconn/config.go ParseConfigWithOptions (notRuntimeParams), conn.go ParseConfigWithOptions"},
	{Name: Pgxpool, Family: "postgres", Unknown: UnknownToServer, LastWins: true,
		UnknownText: "pgxpool removes only pool_* keys; pgx sends the rest to the server at startup; a name the server does not know fails the connection: unrecognized configuration parameter \"{key}\"",
		Other:       pgconnOther,
		Source:      pgxMod + "pgxpool/pool.go ParseConfig"},
	{Name: PQ, Family: "postgres", Unknown: UnknownToServer,
		UnknownText: "lib/pq keeps it in Config.Runtime and sends it to the server at startup; a name the server does not know fails the connection: unrecognized configuration parameter \"{key}\"",
		Other:       pqOther,
		Source:      pqMod + "connector.go setFromTag (cfg.Runtime = o)"},
	// mysql: parseDSNParams parses every occurrence in order and fails on
	// the first bad one, so earlier occurrences are still judged.
	{Name: MySQL, Family: "mysql", Unknown: UnknownToSet,
		UnknownText: "go-sql-driver/mysql keeps it in Config.Params and runs SET {key} = <value> after connecting; a variable the server does not know fails the connection: Unknown system variable '{key}'",
		Other:       mysqlOther,
		Source:      mysqlMod + "dsn.go parseDSNParams (default case), connection.go handleParams"},
	{Name: SQLServer, Family: "sqlserver", Unknown: UnknownIgnored, FoldCase: true,
		UnknownText: "go-mssqldb keeps it in Config.Parameters and never reads it: the setting has no effect",
		Other:       sqlserverOther,
		Source:      mssqlMod + "msdsn/conn_str.go Parse, splitConnectionString (keys are lower-cased; ADO synonyms apply to the k=v; form only)"},
	// redis: queryOptions.string returns vs[len(vs)-1] (options.go).
	{Name: Redis, Family: "redis", Unknown: UnknownRejected, LastWins: true,
		UnknownText: "redis: unexpected option: {key}",
		Other:       redisOther,
		Source:      redisMod + "options.go setupConnParams, osscluster.go setupClusterQueryParams, sentinel.go ParseFailoverURL"},
	{Name: SQLite3, Family: "sqlite", Unknown: UnknownIgnored,
		UnknownText: "mattn/go-sqlite3 ignores it (and reads no parameter at all unless the DSN has a '?' after its first byte)",
		Other:       mattnOther,
		Source:      mattnMod + "sqlite3.go SQLiteDriver.Open"},
	{Name: SQLite, Family: "sqlite", Unknown: UnknownIgnored,
		UnknownText: "modernc.org/sqlite ignores it; a file: URI passes it to SQLite, which ignores keys it does not know",
		Other:       moderncOther,
		Source:      moderncMod + "sqlite.go applyQueryParams; driver.go package doc"},
	{Name: Glebarez, Family: "sqlite", Unknown: UnknownIgnored,
		UnknownText: "github.com/glebarez/go-sqlite reads only _pragma, _time_format and _txlock; it ignores {key}",
		Other:       []string{"_pragma", "_time_format", "_txlock", "vfs", "mode", "cache", "immutable", "nolock", "psow", "modeof"},
		Source:      glebMod + "sqlite.go applyQueryParams, getVFSName"},
	{Name: Prisma, Family: "prisma", Unknown: UnknownIgnored,
		UnknownText: "Prisma (quaint) discards it silently (\"Discarding connection string param\")",
		Other:       prismaOther,
		Source:      prismaDocs + quaint + "postgres/url.rs parse_query_params, mysql/url.rs parse_query_params"},
	{Name: SQL, Family: "database/sql",
		Source: goSQLMod + "DB setters"},
	{Name: PgxFacade, Family: "database/sql",
		NotJudged: "a *sql.DB over a pgxpool.Pool: pgxpool holds the connections, and OpenDBFromPool sets MaxIdleConns to 0 on purpose",
		Source:    pgxMod + "stdlib/sql.go OpenDBFromPool, GetPoolConnector"},
	{Name: SQLMock, Family: "database/sql",
		NotJudged: "a go-sqlmock database: no server and no real pool behind it",
		Source:    "github.com/DATA-DOG/go-sqlmock@v1.5.2 sqlmock.go New, NewWithDSN"},
}, nodeDrivers...)

// neighbours lists, per family, the families Foreign searches, in order.
var neighbours = map[string][]string{
	"postgres":  {"postgres", "prisma"},
	"mysql":     {"mysql", "prisma"},
	"sqlserver": {"sqlserver", "prisma"},
	"sqlite":    {"sqlite", "prisma"},
	"prisma":    {"prisma", "postgres", "mysql", "sqlserver", "sqlite"},
	"redis":     {"redis"},
	"node":      {"node"},
}

// schemes maps URL schemes to the driver they imply.
var schemes = map[string]Driver{
	"postgres":        Postgres, // pgx and lib/pq both take it; ForParams refines
	"postgresql":      Postgres,
	"mysql":           MySQL, // a mysql:// URL; ForParams refines to Prisma
	"sqlserver":       SQLServer,
	"redis":           Redis,
	"rediss":          Redis,
	"file":            SQLite3, // a file: URI, as mattn/go-sqlite3 and SQLite read it
	"prisma":          Prisma,  // Prisma Accelerate
	"prisma+postgres": Prisma,
	// golang-migrate's schemes for Postgres-wire databases: each of its
	// drivers sets the scheme to postgres and opens the URL with lib/pq
	// or pgx (v4.20.1 database/cockroachdb, redshift, yugabytedb, pgx).
	"cockroach":     Postgres,
	"cockroachdb":   Postgres,
	"crdb-postgres": Postgres,
	"redshift":      Postgres,
	"yugabyte":      Postgres,
	"yugabytedb":    Postgres,
	"ysql":          Postgres,
	"pgx":           Postgres,
	"pgx4":          Postgres,
	"pgx5":          Postgres,
}

// sqlNames maps database/sql driver names to drivers (each driver's
// sql.Register call).
var sqlNames = map[string]Driver{
	"postgres":  PQ,        // lib/pq conn.go init
	"pgx":       Pgx,       // pgx stdlib/sql.go init
	"pgx/v5":    Pgx,       // pgx stdlib/sql.go init
	"mysql":     MySQL,     // go-sql-driver/mysql driver.go init
	"sqlserver": SQLServer, // go-mssqldb mssql.go init
	"mssql":     SQLServer, // go-mssqldb mssql.go init (deprecated name)
	"azuresql":  SQLServer, // go-mssqldb azuread/driver.go init
	"sqlite3":   SQLite3,   // mattn/go-sqlite3 sqlite3.go init
	"sqlite":    SQLite,    // modernc.org/sqlite sqlite.go init
}

// Keys the drivers read that the catalog does not model.
var (
	pgconnOther = []string{
		"host", "port", "database", "dbname", "user", "password", "passfile",
		"sslkey", "sslcert", "sslcertmode", "sslrootcert", "sslnegotiation", "sslpassword", "sslsni",
		"krbspn", "krbsrvname", "target_session_attrs", "service", "servicefile",
		"min_protocol_version", "max_protocol_version", "channel_binding", "require_auth",
		"statement_cache_capacity", "description_cache_capacity", "default_query_exec_mode",
	}
	pqOther = []string{
		"application_name", "binary_parameters", "client_encoding", "datestyle", "dbname", "database",
		"disable_prepared_binary_result", "fallback_application_name", "geqo", "host", "hostaddr",
		"krbspn", "krbsrvname", "load_balance_hosts", "max_protocol_version", "min_protocol_version",
		"options", "passfile", "password", "port", "service", "ssl_max_protocol_version",
		"ssl_min_protocol_version", "sslcert", "sslinline", "sslkey", "sslnegotiation", "sslrootcert",
		"sslsni", "target_session_attrs", "tz", "user",
	}
	mysqlOther = []string{
		"allowAllFiles", "allowCleartextPasswords", "allowNativePasswords", "allowOldPasswords",
		"checkConnLiveness", "clientFoundRows", "charset", "collation", "columnsWithAlias", "compress",
		"interpolateParams", "loc", "multiStatements", "parseTime", "timeTruncate", "rejectReadOnly",
		"serverPubKey", "strict", "maxAllowedPacket", "connectionAttributes",
	}
	sqlserverOther = []string{
		"database", "password", "change password", "user id", "port", "certificate", "servercertificate",
		"tlsmin", "packet size", "log", "hostnameincertificate", "keepalive", "serverspn", "workstation id",
		"app name", "applicationintent", "failoverpartner", "failoverport", "failoverpartnerspn",
		"disableretry", "server", "protocol", "pipe", "multisubnetfailover", "notraceid", "guid conversion",
		"timezone", "epa enabled", "columnencryption", "fedauth",
		"app", "application name", "data source", "address", "network address", "addr", "user", "uid",
		"pwd", "initial catalog", "failover partner", "failover partner spn", "application intent",
		"multi subnet failover", "host name in certificate", "server spn", "server certificate", "wsid",
		"column encryption setting",
	}
	redisOther = []string{
		"db", "protocol", "client_name", "max_retries", "min_retry_backoff", "max_retry_backoff",
		"pool_fifo", "max_concurrent_dials", "pipeline_pool_size", "pipeline_read_buffer_size",
		"pipeline_write_buffer_size",
		// ParseClusterURL and ParseFailoverURL only
		"addr", "max_redirects", "read_only", "route_by_latency", "route_by_latency_tolerance",
		"route_randomly", "dialer_retries", "dialer_retry_timeout", "failing_timeout_seconds",
		"master_name", "replica_only", "use_disconnected_replicas", "username", "password",
		"context_timeout_enabled", "disableIdentity", "identitySuffix", "unstable_resp3",
	}
	mattnOther = []string{
		"_auth", "_auth_crypt", "_auth_pass", "_auth_salt", "_auth_user", "_auto_vacuum", "_vacuum",
		"_cache_size", "_case_sensitive_like", "_cslike", "_defer_fk", "_defer_foreign_keys", "_fk",
		"_foreign_keys", "_ignore_check_constraints", "_journal", "_journal_mode", "_loc", "_locking",
		"_locking_mode", "_mutex", "_query_only", "_recursive_triggers", "_rt", "_secure_delete",
		"_stmt_cache_size", "_sync", "_synchronous", "_txlock", "_writable_schema", "vfs",
		"mode", "cache", "immutable", "nolock", "psow", "modeof",
	}
	moderncOther = []string{
		"_auto_vacuum", "_vacuum", "_defensive", "_dqs", "_error_rc", "_fk", "_foreign_keys", "_inttotime",
		"_pragma", "_query_only", "_sync", "_synchronous", "_texttotime",
		"_time_format", "_time_integer_format", "_timezone", "_txlock", "vfs",
		"mode", "cache", "immutable", "nolock", "psow", "modeof",
	}
	prismaOther = []string{
		"pgbouncer", "sslcert", "sslidentity", "sslpassword", "statement_cache_size", "schema", "host",
		"application_name", "channel_binding", "options", "socket", "prefer_socket", "api_key",
	}
)
