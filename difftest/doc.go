// Package difftest is poolcheck's differential test suite: it parses the
// same connection strings with poolcheck (dsn.ParseAs, dsnsite.Pool and
// the catalog's value checks) and with the drivers' own parsers, and
// fails on any disagreement that is not a classified, explained known
// difference.
//
// It is a module of its own so that the product module never depends on
// a driver. The driver versions are the ones the catalog cites:
//
//	github.com/jackc/pgx/v5 v5.12.0         pgconn.ParseConfig, pgxpool.ParseConfig
//	github.com/lib/pq v1.12.3               pq.NewConfig (URL and keyword/value)
//	github.com/go-sql-driver/mysql v1.10.1  mysql.ParseDSN
//	github.com/redis/go-redis/v9 v9.23.0    redis.ParseURL, redis.ParseClusterURL
//
// TestStandIns also holds the analyzer's driver stand-ins
// (analyzer/testdata/src/<module path>) to the real packages, for which
// this module requires gorm, gorm's postgres driver, ent, sqlx,
// go-sqlmock and go-sqlite3 too (standins_deps.go).
//
// go-mssqldb (msdsn.Parse) is not compared yet: the catalog's sqlserver
// rows are covered by its own tests only.
//
// Every case is judged the same way. When the driver rejects an input,
// poolcheck must reject it too: a dsn parse error, or a catalog Problem
// of kind Rejected on some parameter. When the driver accepts it,
// poolcheck must parse it without a Rejected problem, and agree on each
// pool, timeout and TLS value the driver configured (in canonical units),
// and on the hosts, user and database. Where poolcheck knowingly differs,
// the difference must match a row of the knownDiffs table, which says
// why and checks evidence for it (for example, that a key the catalog
// calls Rejected is in the driver's RuntimeParams, so the server refuses
// it at connect time). Table cases list the known differences they
// expect; the generated corpus and the fuzz targets are classified by
// the same rows.
//
// Run it with
//
//	cd difftest && go test ./...            # tables, corpus, fuzz seeds
//	go test -v -run TestDifferential        # per-driver counts and the known differences
//	go test -run '^$' -fuzz FuzzPgx -fuzztime 2m   # also FuzzMySQL, FuzzRedis
//
// Files: harness_test.go (the comparison and the tallies), known_test.go
// (the known differences), postgres_test.go and mysql_redis_test.go (the
// drivers), suites_test.go (the drivers' own test inputs), tables_test.go
// (knob cases), corpus_test.go (the generated corpus), fuzz_test.go and
// testdata/fuzz (the fuzz targets and their seeds; DIFFTEST_WRITE_SEEDS=1
// rewrites the seeds from the tables, DIFFTEST_SUGGEST=FILE lists the
// known differences each table case shows).
package difftest
