//go:build standins

package difftest

// The real packages behind the analyzer's stand-ins
// (analyzer/testdata/src): TestStandIns loads them by import path, and
// these imports keep their modules required by go mod tidy. The build
// tag keeps them out of every build.
import (
	_ "entgo.io/ent/dialect/sql"
	_ "github.com/DATA-DOG/go-sqlmock"
	_ "github.com/glebarez/sqlite"
	_ "github.com/go-redis/redis/v8"
	_ "github.com/go-redis/redis/v9"
	_ "github.com/jackc/pgx/v4/pgxpool"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/magiconair/properties"
	_ "github.com/mattn/go-sqlite3"
	_ "github.com/pocketbase/dbx"
	_ "github.com/spf13/pflag"
	_ "github.com/spf13/viper"
	_ "github.com/urfave/cli/v2"
	_ "gopkg.in/ini.v1"
	_ "gorm.io/driver/postgres"
	_ "gorm.io/gorm"
	_ "xorm.io/xorm"
)
