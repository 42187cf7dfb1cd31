package catalog

import (
	"strings"
	"sync"
)

// catalogIndex holds the lookup tables built once from the rows.
type catalogIndex struct {
	all      []*Knob
	info     map[Driver]*DriverInfo
	keys     map[Driver]map[string]*Knob // DSN keys and aliases, normalized
	other    map[Driver]map[string]bool  // keys read but not modelled
	api      map[string]*Knob            // "pkg.Type.Member"
	fragment map[string]bool             // every DSN knob key and alias
	options  map[Driver][]*Knob          // Node library options, by driver
}

var index = sync.OnceValue(build)

// rowSets lists the knob tables, in the order Knobs returns them.
var rowSets = [][]*Knob{
	postgresRows, pgxRows, pgxpoolRows, pqRows, pgxAPIRows, pgxV4APIRows,
	mysqlRows, mysqlAPIRows,
	sqlserverRows, sqlserverAPIRows,
	redisRows, redisAPIRows(),
	sqlite3Rows, sqliteRows, glebarezRows,
	prismaRows,
	sqlRows, xormRows,
}

func build() *catalogIndex {
	x := &catalogIndex{
		info:     make(map[Driver]*DriverInfo),
		keys:     make(map[Driver]map[string]*Knob),
		other:    make(map[Driver]map[string]bool),
		api:      make(map[string]*Knob),
		fragment: make(map[string]bool),
		options:  make(map[Driver][]*Knob),
	}
	for i := range drivers {
		d := &drivers[i]
		x.info[d.Name] = d
		x.keys[d.Name] = make(map[string]*Knob)
		x.other[d.Name] = make(map[string]bool)
		for _, k := range d.Other {
			x.other[d.Name][fold(d, k)] = true
		}
	}
	for _, rows := range rowSets {
		for _, k := range rows {
			x.add(k)
		}
	}
	for _, k := range nodeRows() {
		x.options[k.Driver] = append(x.options[k.Driver], k)
	}
	return x
}

func (x *catalogIndex) add(k *Knob) {
	x.all = append(x.all, k)
	if k.API != nil {
		x.api[k.API.Pkg+"."+k.API.Type+"."+k.API.Member] = k
		return
	}
	d := x.info[k.Driver]
	for _, key := range append([]string{k.Key}, k.Aliases...) {
		x.keys[k.Driver][fold(d, key)] = k
		x.fragment[fold(d, key)] = true
		if strings.HasPrefix(key, pragmaPrefix) {
			x.fragment["_pragma"] = true // as written, before dsn.ExpandPragmas names it
		}
	}
}

// fold spells key as driver d compares it.
func fold(d *DriverInfo, key string) string {
	if d != nil && d.FoldCase {
		return strings.ToLower(strings.TrimSpace(key))
	}
	return key
}
