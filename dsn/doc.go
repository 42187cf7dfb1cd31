// Package dsn parses database connection strings the way the drivers
// that receive them do, and keeps the byte span of every key and value
// so that a fix can rewrite one value and leave the rest untouched.
//
// Grammars: URLs (postgres, postgresql, mysql, sqlserver, redis, rediss,
// unix, prisma), libpq keyword/value, go-sql-driver/mysql, sqlserver ADO
// and bare query fragments. The package is pure: no go/ast, no I/O, no
// environment.
//
// Parse never panics. A malformed input gives an *Error with the byte
// offset of the problem; its message never quotes the input, so it never
// repeats a password.
//
// # Grammars
//
// Each grammar follows one driver release, read from its source:
//
//   - postgres:// and postgresql:// URLs: pgx v5.12.0 parseURLSettings,
//     which matches libpq. Only %XX is decoded and %00 is an error; '+'
//     is literal; spaces are skipped at the ends of a component and are
//     an error inside one; the first '@' before any '/' ends the user
//     information, even inside what looks like a query; hosts are a
//     comma list (h1:1,[::1]:2) decoded as one string, so %2C splits it;
//     every query pair needs exactly one '='; '#' is data. The prefix is
//     case-sensitive: "POSTGRES://" is not a URL to pgx or lib/pq.
//   - Other URLs: net/url, as go-redis v9.23.0 (redis, rediss, unix),
//     go-mssqldb v1.11.2 (sqlserver) and Prisma (mysql, prisma) read
//     them. '+' is a space in the query, a '#' starts a fragment, pairs
//     with a ';' or a bad escape are dropped. For sqlserver:// the path
//     is the instance (Host.Name is host\instance, as the driver builds
//     it), the database is the database parameter, and a key given twice
//     in any case is an error. For redis the path is the database number
//     and each addr parameter (ParseClusterURL) adds a host.
//   - libpq keyword/value: pgx v5.12.0 parseKeywordValueSettings. Pairs
//     are separated by ASCII white space, with spaces allowed around '=';
//     a value is bare or single-quoted; a backslash takes the next byte
//     literally, and a trailing backslash in a bare value is dropped;
//     "host= port=1" sets host to "port=1", as libpq does.
//   - go-sql-driver/mysql v1.10.1 ParseDSN:
//     [user[:password]@][net[(addr)]]/dbname[?param=value&...]. The last
//     '/' ends the address, the last '@' before it the user information,
//     the first ':' splits user from password; user and password are not
//     decoded; values are query-unescaped except for the keys the driver
//     reads raw (timeout, readTimeout, charset, the bools, ...); pairs
//     without '=' are ignored; a network without an address other than
//     tcp or unix is an error (Config.normalize).
//   - sqlserver ADO: go-mssqldb v1.11.2 splitConnectionString. Parts are
//     separated by ';' outside double quotes; keys and values are trimmed;
//     a value in "..." loses the quotes and "" becomes "; keys compare
//     case-insensitively; the driver never rejects the string, and
//     neither does this package. The odbc: form is not supported.
//   - Query fragments: ?a=1&b=2, &a=1 or a=1&b=2, decoded as net/url's
//     query; every pair needs '=' and a key; no white space.
//
// # Where pgx and lib/pq v1.12.3 disagree
//
// lib/pq reads URLs with net/url: '+' is a space, the first repeated key
// wins, '#' starts a fragment, a pair without '=' or with two is accepted,
// %2F in the host is an error, and per-host ports (h1:1,h2:2) fail later
// with "invalid port". In keyword/value strings lib/pq splits on Unicode
// spaces, rejects a trailing backslash ("missing character after
// backslash"), and accepts an empty key. This package follows pgx.
//
// # Detection
//
// Detect looks at shape only, in this order: a supported scheme:// is a
// URL and any other scheme:// is unknown; a leading '?' or '&' is a
// fragment; ';'-separated key=value parts with ADO-like keys are ADO;
// [user@]net[(addr)]/... with no white space before the last '/' is
// MySQL; '&'-separated key=value pairs without white space are a
// fragment; text that starts with an identifier and '=' is keyword/value.
// Parse then parses in that grammar and, because it runs on every string
// constant of a program, also requires plausible keys: identifiers for
// keyword/value and fragments, letters, digits and spaces for ADO. An
// *Error of Kind KindUnknown from Parse means "not a connection string";
// another Kind means a connection string the driver would reject.
//
// # Edits
//
// Every Param keeps the raw spans of its key and value (quotes included).
// SetValue encodes for the grammar: percent-encoding of all but the
// unreserved bytes in URLs and fragments, url.QueryEscape for MySQL (raw
// for the keys the driver reads raw), single quotes and backslashes for
// keyword/value when needed, double quotes for ADO when needed. Add
// inserts at Insert, after the separator it names. Redacted replaces the
// password and the value of every key that looks secret (pass, pwd,
// secret, token, api_key) with "xxxxx".
package dsn
