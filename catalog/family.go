package catalog

import "sync"

// Reads reports whether driver d reads DSN key, modelled or not.
func Reads(d Driver, key string) bool { return knows(d, key) }

// familyDrivers names, per family, the driver that stands for a DSN of
// that family whose consumer is not known.
var familyDrivers = []struct {
	family string
	driver Driver
}{
	{"postgres", Postgres},
	{"mysql", MySQL},
	{"sqlserver", SQLServer},
	{"redis", Redis},
	{"sqlite", SQLite},
	{"prisma", Prisma},
}

// ForKeys returns the driver that the keys of a DSN without a scheme or
// a sink name: the family whose drivers know every key (postgres first,
// as Prisma also reads the libpq keys it shares), through the driver
// that stands for the family. sslmode names postgres, parseTime mysql,
// _pragma SQLite. It reports false when no family knows them all, or
// when several do and none is postgres.
func ForKeys(keys []string) (Driver, bool) {
	var found []Driver
	for _, f := range familyDrivers {
		if familyKnows(f.family, keys) {
			found = append(found, f.driver)
		}
	}
	switch {
	case len(found) == 0:
		return "", false
	case found[0] == Postgres || len(found) == 1:
		return found[0], true
	}
	return "", false
}

// familyKnows reports whether some driver of family reads each key.
func familyKnows(family string, keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		read := false
		for _, d := range drivers {
			if d.Family == family && knows(d.Name, k) {
				read = true
				break
			}
		}
		if !read {
			return false
		}
	}
	return true
}

// ID names a knob uniquely and stably, for analysis facts: the driver
// and key, or the Go API member.
func (k *Knob) ID() string {
	if k.API != nil {
		return k.API.Pkg + "." + k.API.Type + "." + k.API.Member
	}
	return string(k.Driver) + " " + k.Key
}

// ByID returns the knob with id, or nil.
func ByID(id string) *Knob { return knobIDs()[id] }

var knobIDs = sync.OnceValue(func() map[string]*Knob {
	m := make(map[string]*Knob)
	for _, k := range index().all {
		m[k.ID()] = k
	}
	return m
})
