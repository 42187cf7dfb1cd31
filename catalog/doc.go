// Package catalog holds facts, not opinions: which DSN parameter or Go API
// member of which driver means which canonical pool setting, in which
// unit, with which default, and which values the driver rejects or
// misreads. Every row cites the pinned source it was read from (Knob.Source).
//
// Adding a driver is adding rows: a DriverInfo in drivers.go, knobs in a
// knobs_*.go file, sinks in sinks.go. No function branches on a driver.
//
// # Node libraries
//
// The pools of node-postgres, knex, Sequelize and mysql2 are configured
// with options objects, not DSNs: their rows (knobs_node.go) have Option
// set, Key a dotted path ("pool.max"), and are listed by Options and
// LookupOption, never by Knobs or Lookup, so no DSN reader and no Go
// analyzer table sees them. NodeSinks lists the entry points that take
// the objects (new Pool from 'pg', knex(...), ...). Their values are
// JavaScript numbers, mostly milliseconds (UnitMillis).
//
// # Units
//
// A Knob's Unit says how the driver spells a value: UnitCount "10",
// UnitSeconds "20" (integer seconds), UnitMillis "20000", UnitDuration
// "20s" (time.ParseDuration), UnitSecondsOrDuration (go-redis: "20" is
// seconds, "20s" works too), UnitGoDuration (a time.Duration constant:
// Parse takes the decimal nanoseconds the analyzer passes, or Format's own
// spelling "20 * time.Second"), UnitGoCount, UnitEnum (Knob.Enum), and
// UnitGoTLS (a driver's *tls.Config field: never a constant, so the
// analyzer lists it with an unknown value and no rule judges it).
//
// # TLS modes
//
// tls_mode uses libpq's words: disable, allow, prefer, require, verify-ca,
// verify-full. The drivers' words map to them as follows.
//
//	pgx, lib/pq sslmode   each word is itself (lib/pq: unset is require)
//	pgx ssl=true          require (URLs only, v5.11.0+)
//	Prisma sslmode        disable, prefer, require; any other word becomes prefer
//	mysql tls             false -> disable, preferred -> prefer,
//	                      skip-verify -> require, true -> verify-full;
//	                      another word names a RegisterTLSConfig config (no value)
//	mssql encrypt         disable -> disable; false (the default) -> allow: only the
//	                      login packet is encrypted unless the server demands TLS;
//	                      true -> verify-full (require when trustservercertificate=true);
//	                      strict -> verify-full (TDS 8.0)
//	go-redis              the scheme decides (SchemeTLS): redis -> disable,
//	                      rediss -> verify-full (skip_verify=true: require)
//
// # Problems
//
// Parse returns a Problem for a value the driver rejects (Kind Rejected)
// or misreads (Misread). The codes are a contract with the policy engine:
//
//	unparsable      the driver's parse fails; Text is its error
//	unit-suffix     an integer-seconds or milliseconds knob given "5s"; Fix "5"
//	missing-unit    a time.ParseDuration knob given "5"; Fix "5s"
//	negative        a negative value the driver rejects or misreads
//	too-small       below the driver's minimum (pgxpool pool_max_conns < 1)
//	panics          the value crashes the process (pgxpool health check <= 0)
//	fails-fast      every wait or dial fails at once (go-redis URL timeouts <= 0)
//	ignored-value   the value is silently replaced (Prisma sslmode, mssql dial timeout 0)
//	not-in-enum     a word the driver rejects
//	churn           no idle connection survives (SetMaxIdleConns(0), pgxpool idle time <= 0)
//	forwarded       Unrecognized: sent to the server as a runtime parameter or SET
//	unknown-option  Unrecognized: the DSN parse fails
//	ignored         Unrecognized: dropped silently
//
// Each knob's problems are a table of (predicate, problem) rows; the
// parse-level codes come from the knob's unit and the driver's parse
// function, which Parse calls itself, so quoted error texts are the
// driver's own.
package catalog
