package catalog

import "time"

// Setting is a canonical, driver-neutral pool setting.
type Setting string

// The canonical settings.
const (
	MaxOpen           Setting = "max_open"
	MinOpen           Setting = "min_open"
	MaxIdle           Setting = "max_idle"
	MinIdle           Setting = "min_idle"
	ConnMaxLifetime   Setting = "conn_max_lifetime"
	ConnMaxIdleTime   Setting = "conn_max_idle_time"
	AcquireTimeout    Setting = "acquire_timeout"
	ConnectTimeout    Setting = "connect_timeout"
	ReadTimeout       Setting = "read_timeout"
	WriteTimeout      Setting = "write_timeout"
	HealthCheckPeriod Setting = "health_check_period"
	TLSMode           Setting = "tls_mode"
	BusyTimeout       Setting = "busy_timeout"
)

// Kind is the kind of value setting s takes, Unknown for "".
func (s Setting) Kind() ValueKind { return settingKinds[s] }

var settingKinds = map[Setting]ValueKind{
	MaxOpen: Count, MinOpen: Count, MaxIdle: Count, MinIdle: Count,
	ConnMaxLifetime: Duration, ConnMaxIdleTime: Duration, AcquireTimeout: Duration,
	ConnectTimeout: Duration, ReadTimeout: Duration, WriteTimeout: Duration,
	HealthCheckPeriod: Duration, BusyTimeout: Duration,
	TLSMode: Enum,
}

// Settings lists every canonical setting.
var Settings = []Setting{
	MaxOpen, MinOpen, MaxIdle, MinIdle, ConnMaxLifetime, ConnMaxIdleTime,
	AcquireTimeout, ConnectTimeout, ReadTimeout, WriteTimeout,
	HealthCheckPeriod, TLSMode, BusyTimeout,
}

// ValueKind is the kind of a canonical value.
type ValueKind uint8

// The value kinds.
const (
	Unknown  ValueKind = iota // not constant, or not judged
	Count                     // a number of connections
	Duration                  // a length of time
	Enum                      // one word from a fixed set, lower-case
)

// Value is a setting's value in canonical units.
type Value struct {
	Kind ValueKind
	N    int64         // Count
	D    time.Duration // Duration
	S    string        // Enum
}

// Unit is how a driver spells a value.
type Unit uint8

// The units.
const (
	UnitCount             Unit = iota + 1 // integer: "10"
	UnitSeconds                           // integer seconds: "5"
	UnitDuration                          // time.ParseDuration: "5s"
	UnitSecondsOrDuration                 // go-redis: "5" is seconds, "5s" also works
	UnitMillis                            // integer milliseconds: "5000"
	UnitGoDuration                        // a time.Duration in Go code (nanoseconds)
	UnitGoCount                           // an int in Go code
	UnitEnum                              // one of Knob.Enum
	UnitBool                              // strconv.ParseBool (unused: bool-like keys are UnitEnum rows)
	UnitGoTLS                             // a *tls.Config in Go code: never a constant, so listed, not judged (nil means no TLS in go-redis and pgconn, "ask TLSConfig" in mysql)
)

// Driver names a driver, or a consumer of a DSN with its own semantics.
type Driver string

// The drivers.
const (
	Postgres  Driver = "postgres" // a postgres URL or keyword/value DSN, consumer unknown
	Pgx       Driver = "pgx"      // pgx.Connect, pgconn, stdlib "pgx": no pool keys
	Pgxpool   Driver = "pgxpool"  // pgxpool.New/ParseConfig: pool_* keys
	PQ        Driver = "pq"       // lib/pq: sql.Open("postgres")
	MySQL     Driver = "mysql"    // go-sql-driver/mysql
	SQLServer Driver = "sqlserver"
	Redis     Driver = "redis" // go-redis v9
	SQLite3   Driver = "sqlite3"
	SQLite    Driver = "sqlite"          // modernc.org/sqlite
	Glebarez  Driver = "glebarez-sqlite" // github.com/glebarez/go-sqlite (github.com/glebarez/sqlite for gorm)
	Prisma    Driver = "prisma"
	SQL       Driver = "database/sql" // the database/sql pool itself
	// PgxFacade is a *sql.DB over a pgxpool.Pool (stdlib.OpenDBFromPool):
	// pgxpool does the pooling, the database/sql settings are a facade.
	PgxFacade Driver = "pgxpool-sql"
	SQLMock   Driver = "sqlmock" // github.com/DATA-DOG/go-sqlmock: no database behind it
)

// UnknownKey says what a driver does with a DSN key it does not know.
type UnknownKey uint8

// The dispositions of unknown keys. The zero value means the driver takes
// no DSN (database/sql).
const (
	UnknownIgnored  UnknownKey = iota + 1 // dropped silently
	UnknownToServer                       // sent to the server as a runtime parameter
	UnknownToSet                          // sent as SET key = value at connect
	UnknownRejected                       // the parse fails
)

// ProblemKind says whether the driver refuses a value or accepts a wrong meaning.
type ProblemKind uint8

// The problem kinds.
const (
	Rejected ProblemKind = iota + 1 // the driver returns an error
	Misread                         // the driver accepts it but means something else
)

// Problem is a value a driver rejects or misreads.
type Problem struct {
	Code string      // stable: "unit-suffix", "too-small", "panics", ...
	Kind ProblemKind //
	Text string      // the driver's own error text, or what actually happens
	Fix  string      // a corrected raw value in the driver's unit, "" if none
}

// Special is a value with a meaning of its own, such as 0 for "unlimited".
type Special struct {
	Raw   string // as the driver spells it: "0", "-1", "<=0"; see Knob.SpecialFor
	Means string
	Is    Meaning
}

// Meaning classifies a special value for the policy.
type Meaning uint8

// The meanings of special values.
const (
	MeansUnlimited Meaning = iota + 1 // no cap, no timeout, kept forever
	MeansDefault                      // the driver's default applies
	MeansNone                         // literally none: no idle connections, no busy handler
	MeansOther                        // see Means
)

// Knob is one driver parameter or Go API member and what it means.
type Knob struct {
	Driver  Driver
	Key     string   // DSN key ("pool_max_conns") or Go member ("SetMaxOpenConns", "MaxConns")
	Aliases []string // other spellings of Key
	API     *API     // nil for DSN keys
	// Option marks a Node library's configuration option: Key is its
	// dotted path in the options object ("pool.max"). Option rows are
	// listed by Options, not Knobs: they are neither DSN keys nor Go API.
	Option  bool
	Setting Setting // "" for knobs outside the neutral model
	Unit    Unit
	Enum    map[string]string // UnitEnum: accepted raw value -> canonical value (keys lower-case where the driver folds case)
	Default string            // in the driver's spelling, parseable by Parse; "" when there is none
	// DefaultNote explains a computed or driver-dependent default
	// ("max(4, runtime.NumCPU())"); Default is then its lower bound or
	// usual value.
	DefaultNote string
	Special     []Special
	Source      string // module@version file function, for the reader

	read   syntax  // how the driver reads a raw value
	errf   string  // the driver's error for an unreadable value: {raw} {lower} {key} {err}
	checks []check // values the driver rejects or misreads
	empty  bool    // an empty value means the default
	fold   bool    // enum values are matched case-insensitively
	// caseless holds words matched case-insensitively on top of Enum
	// (keys lower-case), for a driver that folds some words but not all.
	caseless map[string]string
	prefer   []string // Format's choice among raw spellings of one canonical value
	other    *check   // the problem for a raw value outside Enum; nil: a custom name, no problem
	// otherValue is the canonical value a raw outside Enum gets ("" unknown).
	otherValue string
	custom     string // raw values with this prefix name custom TLS configs
}

// API locates a Go API member by import path, type and member name.
type API struct {
	Pkg    string // "database/sql"
	Type   string // "DB"
	Member string // "SetMaxOpenConns"
	Kind   APIKind
}

// APIKind is how a Go API member is set.
type APIKind uint8

// The API kinds.
const (
	Method APIKind = iota + 1 // x.Member(value)
	Field                     // x.Member = value, or T{Member: value}
)
