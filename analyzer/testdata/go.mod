// The analyzer's fixtures. The drivers they import are stand-ins under
// src/<module path>: only the declarations the fixtures use, with the
// real signatures (difftest's TestStandIns checks them against the real
// drivers). The versions are the ones the stand-ins copy.
module fixtures

go 1.26.0

require (
	example.com/trie v0.0.0
	entgo.io/ent v0.14.5
	github.com/DATA-DOG/go-sqlmock v1.5.2
	github.com/go-sql-driver/mysql v1.10.1
	github.com/jackc/pgx/v4 v4.18.3
	github.com/jackc/pgx/v5 v5.12.0
	github.com/jmoiron/sqlx v1.4.0
	github.com/lib/pq v1.12.3
	github.com/magiconair/properties v1.18.13
	github.com/mattn/go-sqlite3 v1.14.53
	github.com/glebarez/sqlite v1.11.0
	github.com/go-redis/redis/v8 v8.11.5
	github.com/go-redis/redis/v9 v9.0.0-rc.1
	github.com/pocketbase/dbx v1.12.0
	github.com/redis/go-redis/v9 v9.23.0
	github.com/spf13/pflag v1.1.0
	github.com/spf13/viper v1.21.0
	github.com/urfave/cli/v2 v2.27.7
	gopkg.in/ini.v1 v1.68.0
	gorm.io/driver/postgres v1.6.3
	gorm.io/gorm v1.31.2
	xorm.io/xorm v1.4.3
)

replace (
	example.com/trie => ./ext/trie
	entgo.io/ent => ./src/entgo.io/ent
	github.com/DATA-DOG/go-sqlmock => ./src/github.com/DATA-DOG/go-sqlmock
	github.com/go-sql-driver/mysql => ./src/github.com/go-sql-driver/mysql
	github.com/jackc/pgx/v4 => ./src/github.com/jackc/pgx/v4
	github.com/jackc/pgx/v5 => ./src/github.com/jackc/pgx/v5
	github.com/jmoiron/sqlx => ./src/github.com/jmoiron/sqlx
	github.com/lib/pq => ./src/github.com/lib/pq
	github.com/magiconair/properties => ./src/github.com/magiconair/properties
	github.com/mattn/go-sqlite3 => ./src/github.com/mattn/go-sqlite3
	github.com/glebarez/sqlite => ./src/github.com/glebarez/sqlite
	github.com/go-redis/redis/v8 => ./src/github.com/go-redis/redis/v8
	github.com/go-redis/redis/v9 => ./src/github.com/go-redis/redis/v9
	github.com/pocketbase/dbx => ./src/github.com/pocketbase/dbx
	github.com/redis/go-redis/v9 => ./src/github.com/redis/go-redis/v9
	github.com/spf13/pflag => ./src/github.com/spf13/pflag
	github.com/spf13/viper => ./src/github.com/spf13/viper
	github.com/urfave/cli/v2 => ./src/github.com/urfave/cli/v2
	gopkg.in/ini.v1 => ./src/gopkg.in/ini.v1
	gorm.io/driver/postgres => ./src/gorm.io/driver/postgres
	gorm.io/gorm => ./src/gorm.io/gorm
	xorm.io/xorm => ./src/xorm.io/xorm
)
