package catalog

// DriverInfo describes a driver as a whole.
type DriverInfo struct {
	Name        Driver
	Family      string     // "postgres", "mysql", "sqlserver", "redis", "sqlite"
	Unknown     UnknownKey // what happens to a DSN key the driver does not know
	UnknownText string     // the consequence, in the driver's words where it has some
	Source      string
}

// Sink is a Go function or method that receives a DSN.
type Sink struct {
	Pkg       string // import path
	Recv      string // receiver type name for methods, "" for functions
	Func      string
	DSNArg    int    // index of the DSN argument
	DriverArg int    // index of a driver-name argument (sql.Open), -1 if none
	Driver    Driver // driver when DriverArg is -1
	Field     string // for composite-literal sinks: the field holding the DSN (gorm postgres.Config{DSN: ...})
	Source    string
}

// Info returns the facts about driver d, or nil if d is unknown.
func Info(d Driver) *DriverInfo { panic("unimplemented") }

// Drivers lists every driver the catalog knows.
func Drivers() []Driver { panic("unimplemented") }

// Knobs lists every knob, DSN keys and Go API members alike.
func Knobs() []*Knob { panic("unimplemented") }

// Lookup returns driver d's knob for DSN key, following aliases and the
// driver's case rules.
func Lookup(d Driver, key string) (*Knob, bool) { panic("unimplemented") }

// LookupAPI returns the knob for a Go API member.
func LookupAPI(pkg, typ, member string) (*Knob, bool) { panic("unimplemented") }

// Foreign returns the knob that key has in another driver of d's family
// when d itself does not know key (pool_max_conns given to pgx).
func Foreign(d Driver, key string) (*Knob, bool) { panic("unimplemented") }

// Sinks lists the Go functions that receive a DSN.
func Sinks() []Sink { panic("unimplemented") }

// ForScheme returns the driver a URL scheme implies.
func ForScheme(scheme string) (Driver, bool) { panic("unimplemented") }

// ForSQLName returns the driver registered with database/sql under name.
func ForSQLName(name string) (Driver, bool) { panic("unimplemented") }

// ForParams returns the driver that parameter keys imply, such as Prisma for
// connection_limit or pgxpool for pool_max_conns on a postgres DSN.
func ForParams(hint Driver, keys []string) Driver { panic("unimplemented") }

// FragmentKey reports whether key is a known pool, timeout or TLS key of
// any driver, which is what makes a bare query fragment a DSN.
func FragmentKey(key string) bool { panic("unimplemented") }

// Parse reads raw, spelled in k's unit, as a canonical value. A value the
// driver rejects or misreads comes with a Problem.
func (k *Knob) Parse(raw string) (Value, *Problem) { panic("unimplemented") }

// Format spells v in k's unit. It reports false when the unit cannot
// express v exactly (1.5s in integer seconds).
func (k *Knob) Format(v Value) (string, bool) { panic("unimplemented") }

// ForSetting returns driver d's knobs for setting s, DSN keys first, so a
// fix can add a missing setting under the right name.
func ForSetting(d Driver, s Setting) []*Knob { panic("unimplemented") }

// Unrecognized returns what goes wrong when a DSN for driver d carries key,
// which d does not know: forwarded to the server, turned into SET, rejected
// or silently ignored. It returns nil for keys that d knows.
func Unrecognized(d Driver, key string) *Problem { panic("unimplemented") }
