// Package dsn parses database connection strings the way the drivers
// that receive them do, and keeps the byte span of every key and value
// so that a fix can rewrite one value and leave the rest untouched.
//
// Grammars: URLs (postgres, postgresql, mysql, sqlserver, redis, rediss,
// unix), libpq keyword/value, go-sql-driver/mysql, sqlserver ADO and bare
// query fragments. The package is pure: no go/ast, no I/O, no environment.
//
// Parse never panics. A malformed input gives an *Error with the byte
// offset of the problem; its message never repeats a password.
package dsn
