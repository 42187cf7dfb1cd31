package catalog

// sinks lists the Go functions and struct fields that receive a DSN.
var sinks = []Sink{
	sqlOpen("database/sql", "Open", 0, goSQLMod+"Open"),
	sqlOpen("github.com/jmoiron/sqlx", "Open", 0, "github.com/jmoiron/sqlx@v1.4.0 sqlx.go Open"),
	sqlOpen("github.com/jmoiron/sqlx", "MustOpen", 0, "github.com/jmoiron/sqlx@v1.4.0 sqlx.go MustOpen"),
	sqlOpen("github.com/jmoiron/sqlx", "Connect", 0, "github.com/jmoiron/sqlx@v1.4.0 sqlx.go Connect"),
	sqlOpen("github.com/jmoiron/sqlx", "MustConnect", 0, "github.com/jmoiron/sqlx@v1.4.0 sqlx.go MustConnect"),
	sqlOpen("github.com/jmoiron/sqlx", "ConnectContext", 1, "github.com/jmoiron/sqlx@v1.4.0 sqlx_context.go ConnectContext"),
	sqlOpen("entgo.io/ent/dialect/sql", "Open", 0, "entgo.io/ent@v0.14.5 dialect/sql/driver.go Open (the dialect is the database/sql driver name)"),

	fn("github.com/jackc/pgx/v5", "Connect", 1, Pgx, pgxMod+"conn.go Connect"),
	fn("github.com/jackc/pgx/v5", "ConnectWithOptions", 1, Pgx, pgxMod+"conn.go ConnectWithOptions"),
	fn("github.com/jackc/pgx/v5", "ParseConfig", 0, Pgx, pgxMod+"conn.go ParseConfig"),
	fn("github.com/jackc/pgx/v5", "ParseConfigWithOptions", 0, Pgx, pgxMod+"conn.go ParseConfigWithOptions"),
	fn("github.com/jackc/pgx/v5/pgconn", "Connect", 1, Pgx, pgxMod+"pgconn/pgconn.go Connect"),
	fn("github.com/jackc/pgx/v5/pgconn", "ConnectWithOptions", 1, Pgx, pgxMod+"pgconn/pgconn.go ConnectWithOptions"),
	fn("github.com/jackc/pgx/v5/pgconn", "ParseConfig", 0, Pgx, pgxMod+"pgconn/config.go ParseConfig"),
	fn("github.com/jackc/pgx/v5/pgconn", "ParseConfigWithOptions", 0, Pgx, pgxMod+"pgconn/config.go ParseConfigWithOptions"),
	fn("github.com/jackc/pgx/v5/pgxpool", "New", 1, Pgxpool, pgxMod+"pgxpool/pool.go New"),
	fn("github.com/jackc/pgx/v5/pgxpool", "ParseConfig", 0, Pgxpool, pgxMod+"pgxpool/pool.go ParseConfig"),

	fn("github.com/lib/pq", "NewConnector", 0, PQ, pqMod+"connector.go NewConnector"),
	fn("github.com/lib/pq", "NewConfig", 0, PQ, pqMod+"connector.go NewConfig"),
	fn("github.com/lib/pq", "ParseURL", 0, PQ, pqMod+"deprecated.go ParseURL"),
	fn("github.com/lib/pq", "Open", 0, PQ, pqMod+"conn.go Open"),
	fn("github.com/lib/pq", "DialOpen", 1, PQ, pqMod+"conn.go DialOpen"),

	fn("github.com/go-sql-driver/mysql", "ParseDSN", 0, MySQL, mysqlMod+"dsn.go ParseDSN"),

	fn("github.com/microsoft/go-mssqldb", "NewConnector", 0, SQLServer, mssqlMod+"mssql.go NewConnector"),
	fn("github.com/microsoft/go-mssqldb", "NewConnectorWithAccessTokenProvider", 0, SQLServer, mssqlMod+"mssql.go NewConnectorWithAccessTokenProvider"),
	fn("github.com/microsoft/go-mssqldb/msdsn", "Parse", 0, SQLServer, mssqlMod+"msdsn/conn_str.go Parse"),
	fn("github.com/microsoft/go-mssqldb/azuread", "NewConnector", 0, SQLServer, mssqlMod+"azuread/driver.go NewConnector"),

	fn("github.com/redis/go-redis/v9", "ParseURL", 0, Redis, redisMod+"options.go ParseURL"),
	fn("github.com/redis/go-redis/v9", "ParseClusterURL", 0, Redis, redisMod+"osscluster.go ParseClusterURL"),
	fn("github.com/redis/go-redis/v9", "ParseFailoverURL", 0, Redis, redisMod+"sentinel.go ParseFailoverURL"),
	fn("github.com/go-redis/redis/v9", "ParseURL", 0, Redis, redisOldMod+"options.go ParseURL"),
	fn("github.com/go-redis/redis/v9", "ParseClusterURL", 0, Redis, redisOldMod+"cluster.go ParseClusterURL"),

	// Handles without a DSN whose driver is still known: database/sql over
	// pgx, over a pgxpool.Pool, or a mock.
	fn("github.com/jackc/pgx/v5/stdlib", "OpenDB", -1, Pgx, pgxMod+"stdlib/sql.go OpenDB"),
	fn("github.com/jackc/pgx/v5/stdlib", "GetConnector", -1, Pgx, pgxMod+"stdlib/sql.go GetConnector"),
	fn("github.com/jackc/pgx/v5/stdlib", "OpenDBFromPool", -1, PgxFacade, pgxMod+"stdlib/sql.go OpenDBFromPool"),
	fn("github.com/jackc/pgx/v5/stdlib", "GetPoolConnector", -1, PgxFacade, pgxMod+"stdlib/sql.go GetPoolConnector"),
	fn("github.com/DATA-DOG/go-sqlmock", "New", -1, SQLMock, "github.com/DATA-DOG/go-sqlmock@v1.5.2 sqlmock.go New"),
	fn("github.com/DATA-DOG/go-sqlmock", "NewWithDSN", -1, SQLMock, "github.com/DATA-DOG/go-sqlmock@v1.5.2 sqlmock.go NewWithDSN"),

	// gorm's postgres driver opens pgx.ParseConfig + stdlib.OpenDB unless
	// DriverName is set: pool_* keys reach the server.
	fn("gorm.io/driver/postgres", "Open", 0, Pgx, gormMod+"postgres@v1.6.3 postgres.go Open, Dialector.Initialize"),
	field("gorm.io/driver/postgres", Pgx, gormMod+"postgres@v1.6.3 postgres.go Config, Dialector.Initialize"),
	fn("gorm.io/driver/mysql", "Open", 0, MySQL, gormMod+"mysql@v1.6.0 mysql.go Open"),
	field("gorm.io/driver/mysql", MySQL, gormMod+"mysql@v1.6.0 mysql.go Config, Dialector.Initialize"),
	fn("gorm.io/driver/sqlserver", "Open", 0, SQLServer, gormMod+"sqlserver@v1.6.3 sqlserver.go Open"),
	field("gorm.io/driver/sqlserver", SQLServer, gormMod+"sqlserver@v1.6.3 sqlserver.go Config, Dialector.Initialize"),
	fn("gorm.io/driver/sqlite", "Open", 0, SQLite3, gormMod+"sqlite@v1.6.0 sqlite.go Open (mattn/go-sqlite3, DriverName sqlite3)"),
	field("gorm.io/driver/sqlite", SQLite3, gormMod+"sqlite@v1.6.0 sqlite.go Config, Dialector.Initialize"),
	// github.com/glebarez/sqlite is gorm over github.com/glebarez/go-sqlite.
	fn("github.com/glebarez/sqlite", "Open", 0, Glebarez, glebGorm+"sqlite.go Open, Dialector.Initialize (DriverName \"sqlite\")"),
	{Pkg: "github.com/glebarez/sqlite", Func: "Dialector", Field: "DSN", DriverField: "DriverName", DSNArg: -1, DriverArg: -1, Driver: Glebarez,
		Source: glebGorm + "sqlite.go Dialector, Dialector.Initialize"},

	// xorm and dbx open a database/sql pool with the driver name given.
	sqlOpen("xorm.io/xorm", "NewEngine", 0, xormMod+"engine.go NewEngine (core.Open(driverName, dataSourceName))"),
	sqlOpen("xorm.io/xorm", "NewEngineWithParams", 0, xormMod+"engine.go NewEngineWithParams"),
	sqlOpen("github.com/pocketbase/dbx", "Open", 0, dbxMod+"db.go Open (sql.Open(driverName, dsn))"),
	sqlOpen("github.com/pocketbase/dbx", "MustOpen", 0, dbxMod+"db.go MustOpen"),
}

// sqlOpen is a sink whose driver is the database/sql name at driverArg
// and whose DSN follows it.
func sqlOpen(pkg, name string, driverArg int, src string) Sink {
	return Sink{Pkg: pkg, Func: name, DSNArg: driverArg + 1, DriverArg: driverArg, Source: src}
}

func fn(pkg, name string, dsnArg int, d Driver, src string) Sink {
	return Sink{Pkg: pkg, Func: name, DSNArg: dsnArg, DriverArg: -1, Driver: d, Source: src}
}

// field is a gorm Config{DSN: ...} literal.
func field(pkg string, d Driver, src string) Sink {
	return Sink{Pkg: pkg, Func: "Config", Field: "DSN", DriverField: "DriverName",
		DSNArg: -1, DriverArg: -1, Driver: d, Source: src}
}
