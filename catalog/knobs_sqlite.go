package catalog

// sqlite3Rows are read by mattn/go-sqlite3 (sql.Open("sqlite3"),
// gorm.io/driver/sqlite), and only when the DSN has a '?' after its first
// byte. When both keys are given, _timeout wins.
var sqlite3Rows = []*Knob{
	{Driver: SQLite3, Key: "_busy_timeout", Aliases: []string{"_timeout"}, Setting: BusyTimeout,
		Unit: UnitMillis, read: readInt64, empty: true,
		Default: "5000", errf: "Invalid _busy_timeout: {raw}: {err}",
		Special: []Special{{"<=0", "no busy handler: a locked database fails at once with database is locked (SQLITE_BUSY)", MeansNone}},
		Source:  mattnMod + "sqlite3.go SQLiteDriver.Open (PRAGMA busy_timeout)"},
}

// sqliteRows are read by modernc.org/sqlite (sql.Open("sqlite")). When both
// keys are given, _timeout wins. _pragma=busy_timeout(N) also sets it and
// is not modelled.
var sqliteRows = []*Knob{
	{Driver: SQLite, Key: "_busy_timeout", Aliases: []string{"_timeout"}, Setting: BusyTimeout,
		Unit: UnitMillis, read: readInt64, empty: true,
		Default: "0", DefaultNote: "no PRAGMA busy_timeout is run: SQLite's default, no busy handler",
		errf:    `invalid {key} "{raw}": {err}`,
		Special: []Special{{"<=0", "no busy handler: a locked database fails at once with database is locked (SQLITE_BUSY)", MeansNone}},
		Source:  moderncMod + "sqlite.go applyQueryParams, dsnPick"},
}
