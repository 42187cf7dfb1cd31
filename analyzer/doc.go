// Package analyzer defines poolcheck's go/analysis pass: it finds
// connection-pool settings in typed Go code, judges them against the
// policy and reports each violation at the exact bytes of the value,
// with a suggested fix that rewrites it in place.
//
// # Analyzer poolcheck
//
// poolcheck: check database and redis connection-pool settings
//
// poolcheck reads DSN strings (literals, named constants, constant
// concatenations, fragments appended to environment variables,
// fmt.Sprintf templates and net/url query building), the database/sql
// setters (SetMaxOpenConns and its siblings, on *sql.DB, sqlx, gorm and
// ent handles), pgxpool.Config and pgx.ConnConfig fields, go-redis
// Options and mysql.Config. Settings on the same handle within a
// function form one pool, and the driver comes from the call that opens
// it. Each pool is judged against the policy: the nearest
// .poolcheck.toml from the package directory up to the module root, or
// the -policy file, or the built-in default policy. Test code (_test.go
// files, functions taking *testing.T, B, F or testing.TB, and the
// policy's test globs) has its own rules.
//
// A finding is silenced with a directive on its line or the line above:
//
//	//poolcheck:ignore rule-id[,rule-id] reason
//
// The reason is required, and a directive that matches nothing is
// reported.
package analyzer

const doc = `check database and redis connection-pool settings

poolcheck finds DSN strings and pool configuration in Go code (DSN
literals and constants, fragments appended to environment variables,
fmt.Sprintf templates, database/sql setters, pgxpool.Config,
redis.Options, mysql.Config) and judges every setting against a policy
scoped to test or production code. Each finding names its rule and
carries a fix that rewrites the value in place.`

const docURL = "https://github.com/poolcheck/poolcheck/blob/main/README.md"
