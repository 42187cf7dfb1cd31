// Package imports pins every driver the fixtures use, so that go mod
// tidy keeps their requirements.
package imports

import (
	_ "entgo.io/ent/dialect/sql"
	_ "github.com/DATA-DOG/go-sqlmock"
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "github.com/jmoiron/sqlx"
	_ "github.com/lib/pq"
	_ "github.com/mattn/go-sqlite3"
	_ "github.com/redis/go-redis/v9"
	_ "gorm.io/driver/postgres"
	_ "gorm.io/gorm"
)
