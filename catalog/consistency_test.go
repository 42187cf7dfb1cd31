package catalog

import "testing"

// unitsFor lists the units each value kind may be spelled in.
var unitsFor = map[ValueKind][]Unit{
	Count:    {UnitCount, UnitGoCount},
	Duration: {UnitSeconds, UnitDuration, UnitSecondsOrDuration, UnitMillis, UnitGoDuration},
	Enum:     {UnitEnum, UnitGoTLS},
}

func TestEveryRow(t *testing.T) {
	for _, k := range Knobs() {
		name := string(k.Driver) + " " + k.Key
		if k.Source == "" {
			t.Errorf("%s: no Source", name)
		}
		if Info(k.Driver) == nil {
			t.Errorf("%s: unknown driver", name)
		}
		if k.Setting != "" && !unitAllowed(k.Setting.Kind(), k.Unit) {
			t.Errorf("%s: unit %d cannot spell a %s", name, k.Unit, k.Setting)
		}
		if (k.Unit == UnitEnum) != (len(k.Enum) > 0) || (k.Unit == UnitEnum) != (k.read == readEnum) {
			t.Errorf("%s: enum rows, and only they, have Enum and read it", name)
		}
		if k.read == 0 {
			t.Errorf("%s: no syntax", name)
		}
		goUnit := k.Unit == UnitGoDuration || k.Unit == UnitGoCount || k.Unit == UnitGoTLS
		if k.API != nil && k.Unit != UnitEnum && (!goUnit || k.read != readGo) {
			t.Errorf("%s: API rows take Go constants", name)
		}
		if k.API == nil && (goUnit || k.read == readGo) {
			t.Errorf("%s: DSN rows take no Go constants", name)
		}
		if k.API != nil && (k.API.Member != k.Key || k.API.Kind == 0) {
			t.Errorf("%s: API member must be the key", name)
		}
		for _, c := range k.checks {
			if c.when == 0 || c.code == "" || c.kind == 0 || c.text == "" {
				t.Errorf("%s: incomplete check %+v", name, c)
			}
		}
	}
}

func unitAllowed(kind ValueKind, u Unit) bool {
	for _, x := range unitsFor[kind] {
		if x == u {
			return true
		}
	}
	return false
}

func TestSettingsKnown(t *testing.T) {
	known := make(map[Setting]bool)
	for _, s := range Settings {
		known[s] = true
		if s.Kind() == Unknown {
			t.Errorf("setting %s has no kind", s)
		}
	}
	for _, k := range Knobs() {
		if k.Setting != "" && !known[k.Setting] {
			t.Errorf("%s %s: setting %q not in Settings", k.Driver, k.Key, k.Setting)
		}
	}
}

func TestDefaultsRoundTrip(t *testing.T) {
	for _, k := range Knobs() {
		if k.Default == "" {
			continue
		}
		v, p := k.Parse(k.Default)
		if p != nil {
			t.Errorf("%s %s: default %q has a problem: %+v", k.Driver, k.Key, k.Default, p)
			continue
		}
		got, ok := k.Format(v)
		if !ok || got != k.Default {
			t.Errorf("%s %s: Format(Parse(%q)) = %q %v", k.Driver, k.Key, k.Default, got, ok)
		}
	}
}

func TestSpecialsParse(t *testing.T) {
	for _, k := range Knobs() {
		for _, s := range k.Special {
			_, num := splitOp(s.Raw)
			if _, err := k.readNumber(num); err != nil || s.Means == "" || s.Is == 0 {
				t.Errorf("%s %s: special %+v does not read (%v)", k.Driver, k.Key, s, err)
			}
		}
	}
}

func TestNoDuplicateKeys(t *testing.T) {
	seen := make(map[string]string)
	for _, k := range Knobs() {
		names := append([]string{k.Key}, k.Aliases...)
		prefix := string(k.Driver) + " "
		if k.API != nil {
			names, prefix = []string{k.API.Type + "." + k.API.Member}, k.API.Pkg+" "
		}
		for _, n := range names {
			id := prefix + normKey(k.Driver, n)
			if k.API != nil {
				id = prefix + n
			}
			if other, dup := seen[id]; dup {
				t.Errorf("%s: also %s", id, other)
			}
			seen[id] = k.Key
			if k.API == nil && index().other[k.Driver][normKey(k.Driver, n)] {
				t.Errorf("%s: both a knob and an Other key", id)
			}
		}
	}
}

func TestDriversComplete(t *testing.T) {
	for _, d := range Drivers() {
		info := Info(d)
		if info.Source == "" || info.Family == "" {
			t.Errorf("%s: no Source or Family", d)
		}
		if info.Unknown != 0 && info.UnknownText == "" {
			t.Errorf("%s: no UnknownText", d)
		}
		if _, ok := neighbours[info.Family]; !ok && info.Family != "database/sql" {
			t.Errorf("%s: family %q has no neighbours row", d, info.Family)
		}
	}
	for _, d := range sqlNames {
		if Info(d) == nil {
			t.Errorf("sql name maps to unknown driver %s", d)
		}
	}
	for _, d := range schemes {
		if Info(d) == nil {
			t.Errorf("scheme maps to unknown driver %s", d)
		}
	}
}

func TestEveryPoolKeyHasAKnob(t *testing.T) {
	// The pool, timeout and TLS keys of the pinned sources.
	want := map[Driver][]string{
		Pgx:       {"connect_timeout", "sslmode", "ssl"},
		Pgxpool:   {"connect_timeout", "sslmode", "ssl", "pool_max_conns", "pool_min_conns", "pool_min_idle_conns", "pool_max_conn_lifetime", "pool_max_conn_idle_time", "pool_health_check_period", "pool_max_conn_lifetime_jitter", "pool_ping_timeout"},
		PQ:        {"connect_timeout", "sslmode"},
		MySQL:     {"timeout", "readTimeout", "writeTimeout", "tls", "allowFallbackToPlaintext"},
		SQLServer: {"dial timeout", "connection timeout", "encrypt", "trustservercertificate"},
		Redis:     {"pool_size", "max_active_conns", "min_idle_conns", "max_idle_conns", "pool_timeout", "dial_timeout", "read_timeout", "write_timeout", "conn_max_idle_time", "conn_max_lifetime", "conn_max_lifetime_jitter", "skip_verify"},
		SQLite3:   {"_busy_timeout", "_timeout"},
		SQLite:    {"_busy_timeout", "_timeout"},
		Prisma:    {"connection_limit", "pool_timeout", "connect_timeout", "socket_timeout", "max_connection_lifetime", "max_idle_connection_lifetime", "sslmode", "sslaccept"},
	}
	for d, keys := range want {
		for _, key := range keys {
			if _, ok := Lookup(d, key); !ok {
				t.Errorf("%s: no knob for %q", d, key)
			}
		}
	}
}

// Every knob has an ID of its own, which finds it again.
func TestKnobIDs(t *testing.T) {
	seen := make(map[string]bool)
	for _, k := range Knobs() {
		id := k.ID()
		if seen[id] {
			t.Errorf("two knobs have the ID %q", id)
		}
		seen[id] = true
		if ByID(id) != k {
			t.Errorf("ByID(%q) does not return the knob", id)
		}
	}
}
