package catalog

// sqlRows are the database/sql pool setters. A bare integer argument of
// the duration setters is nanoseconds.
var sqlRows = []*Knob{
	sqlSetter("SetMaxOpenConns", MaxOpen, UnitGoCount, "0",
		[]Special{{"<=0", "unlimited", MeansUnlimited}}, nil,
		"SetMaxOpenConns; a lower MaxOpen also lowers MaxIdle"),
	sqlSetter("SetMaxIdleConns", MaxIdle, UnitGoCount, "2", nil,
		[]check{{when: isNonPositive, code: CodeChurn, kind: Misread,
			text: "n <= 0 keeps no idle connection (not the default 2): every released connection is closed"}},
		"SetMaxIdleConns, maxIdleConnsLocked (defaultMaxIdleConns = 2; clamped to MaxOpen)"),
	sqlSetter("SetConnMaxLifetime", ConnMaxLifetime, UnitGoDuration, "0",
		[]Special{{"<=0", "connections are reused forever", MeansUnlimited}}, nil,
		"SetConnMaxLifetime (the cleaner runs at most once a second)"),
	sqlSetter("SetConnMaxIdleTime", ConnMaxIdleTime, UnitGoDuration, "0",
		[]Special{{"<=0", "idle connections are kept forever", MeansUnlimited}}, nil,
		"SetConnMaxIdleTime"),
}

func sqlSetter(name string, s Setting, u Unit, def string, special []Special, checks []check, src string) *Knob {
	return &Knob{Driver: SQL, Key: name, Setting: s, Unit: u, read: readGo, Default: def,
		API:     &API{Pkg: "database/sql", Type: "DB", Member: name, Kind: Method},
		Special: special, checks: checks,
		Source: goSQLMod + src}
}

// xormRows are the *xorm.Engine setters, which call the same database/sql
// setters on the engine's pool (engine.DB().SetMaxOpenConns and so on).
var xormRows = func() []*Knob {
	var out []*Knob
	for _, k := range sqlRows {
		x := *k
		x.API = &API{Pkg: "xorm.io/xorm", Type: "Engine", Member: k.API.Member, Kind: Method}
		x.Source = xormMod + "engine.go Engine." + k.API.Member + " (calls engine.DB()." + k.API.Member + "); " + k.Source
		out = append(out, &x)
	}
	return out
}()
