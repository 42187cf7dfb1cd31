package catalog

import "strings"

// DriverInfo describes a driver as a whole.
type DriverInfo struct {
	Name        Driver
	Family      string     // "postgres", "mysql", "sqlserver", "redis", "sqlite", "prisma", "database/sql"
	Unknown     UnknownKey // what happens to a DSN key the driver does not know
	UnknownText string     // the consequence, in the driver's words where it has some; {key} is the key
	FoldCase    bool       // DSN keys are case-insensitive (sqlserver)
	// LastWins says the driver reads the last of a repeated DSN key, so
	// the earlier ones have no effect and are not judged.
	LastWins bool
	// Other lists the DSN keys the driver reads that the catalog does not
	// model (host, dbname, ...), so they are not reported as unknown.
	Other []string
	// NotJudged says why pools of this driver are not judged at all (a
	// mock, or a facade over another pool); "" for real pools.
	NotJudged string
	Source    string
}

// Sink is a Go function or method that receives a DSN, or a struct field
// that holds one.
type Sink struct {
	Pkg       string // import path
	Recv      string // receiver type name for methods, "" for functions
	Func      string // function name; for composite-literal sinks the struct type name
	DSNArg    int    // index of the DSN argument; -1 for composite-literal sinks and for handles opened without a DSN
	DriverArg int    // index of a driver-name argument (sql.Open), -1 if none
	Driver    Driver // driver when DriverArg is -1
	Field     string // for composite-literal sinks: the field holding the DSN (gorm postgres.Config{DSN: ...})
	// DriverField is a field of the same literal that names a database/sql
	// driver and overrides Driver when set (gorm postgres.Config{DriverName: ...}).
	DriverField string
	Source      string
}

// Judged reports whether pools of driver d are judged: not a mock, not
// a facade over another pool. Unknown drivers are judged.
func Judged(d Driver) bool {
	info := Info(d)
	return info == nil || info.NotJudged == ""
}

// Info returns the facts about driver d, or nil if d is unknown.
func Info(d Driver) *DriverInfo { return index().info[d] }

// Drivers lists every driver the catalog knows.
func Drivers() []Driver {
	out := make([]Driver, len(drivers))
	for i, d := range drivers {
		out[i] = d.Name
	}
	return out
}

// Knobs lists every knob, DSN keys and Go API members alike.
func Knobs() []*Knob { return append([]*Knob(nil), index().all...) }

// Lookup returns driver d's knob for DSN key, following aliases and the
// driver's case rules.
func Lookup(d Driver, key string) (*Knob, bool) {
	k, ok := index().keys[d][normKey(d, key)]
	return k, ok
}

// LookupAPI returns the knob for a Go API member, by the package and type
// that declare it: a method promoted through embedding (sqlx.DB's
// SetMaxOpenConns) or a field reached through one (pgxpool.Config's
// ConnConfig.ConnectTimeout) is found under its declaring type
// (database/sql DB, pgconn Config).
func LookupAPI(pkg, typ, member string) (*Knob, bool) {
	k, ok := index().api[pkg+"."+typ+"."+member]
	return k, ok
}

// Foreign returns the knob that key has in another driver of d's family
// when d itself does not know key (pool_max_conns given to pgx).
func Foreign(d Driver, key string) (*Knob, bool) {
	if knows(d, key) {
		return nil, false
	}
	info := Info(d)
	if info == nil {
		return nil, false
	}
	for _, fam := range neighbours[info.Family] {
		for _, o := range drivers {
			if o.Family != fam || o.Name == d {
				continue
			}
			if k, ok := Lookup(o.Name, key); ok {
				return k, true
			}
		}
	}
	return nil, false
}

// Sinks lists the Go functions that receive a DSN.
func Sinks() []Sink { return append([]Sink(nil), sinks...) }

// ForScheme returns the driver a URL scheme implies. Schemes match
// exactly, as the drivers compare them ("POSTGRES://" is not a URL to pgx).
func ForScheme(scheme string) (Driver, bool) {
	d, ok := schemes[scheme]
	return d, ok
}

// ForSQLName returns the driver registered with database/sql under name.
func ForSQLName(name string) (Driver, bool) {
	d, ok := sqlNames[name]
	return d, ok
}

// FragmentKey reports whether key is a known pool, timeout or TLS key of
// any driver, which is what makes a bare query fragment a DSN.
func FragmentKey(key string) bool {
	return index().fragment[key] || index().fragment[strings.ToLower(key)]
}

// ForSetting returns driver d's knobs for setting s, DSN keys first, so a
// fix can add a missing setting under the right name.
func ForSetting(d Driver, s Setting) []*Knob {
	var dsn, api []*Knob
	for _, k := range append(index().all, index().options[d]...) {
		switch {
		case k.Driver != d || k.Setting != s:
		case k.API == nil:
			dsn = append(dsn, k)
		default:
			api = append(api, k)
		}
	}
	return append(dsn, api...)
}

// Unrecognized returns what goes wrong when a DSN for driver d carries key,
// which d does not know: forwarded to the server, turned into SET, rejected
// or silently ignored. It returns nil for keys that d knows, and for
// drivers that take no DSN.
func Unrecognized(d Driver, key string) *Problem {
	info := Info(d)
	if info == nil || knows(d, key) {
		return nil
	}
	u, ok := unknownProblems[info.Unknown]
	if !ok {
		return nil
	}
	p := &Problem{Code: u.code, Kind: u.kind, Text: strings.ReplaceAll(info.UnknownText, "{key}", key)}
	if _, foreign := Foreign(d, key); foreign && u.certain {
		p.Kind = Rejected
	}
	return p
}

// knows reports whether d reads key at all, modelled or not.
func knows(d Driver, key string) bool {
	if _, ok := Lookup(d, key); ok {
		return true
	}
	if strings.HasPrefix(key, pragmaPrefix) {
		return knows(d, "_pragma") // any pragma a _pragma parameter runs
	}
	return index().other[d][normKey(d, key)]
}

// pragmaPrefix begins the key dsn.ExpandPragmas gives a _pragma
// parameter: _pragma:busy_timeout.
const pragmaPrefix = "_pragma:"

// normKey spells key as driver d compares it.
func normKey(d Driver, key string) string { return fold(Info(d), key) }

// tlsField is a driver's *tls.Config field: the TLS switch written in
// Go. Its value is never a constant, so -inventory lists it with value
// "?" and no rule judges it.
func tlsField(d Driver, pkg, typ, name, source string) *Knob {
	return &Knob{Driver: d, Key: name, Setting: TLSMode, Unit: UnitGoTLS, read: readGo,
		API: &API{Pkg: pkg, Type: typ, Member: name, Kind: Field}, Source: source}
}
