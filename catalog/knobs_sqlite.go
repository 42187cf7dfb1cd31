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
// keys are given, _timeout wins. A _pragma parameter runs "PRAGMA " + its
// value after them (dsn.ExpandPragmas names it _pragma:<pragma>), so
// _pragma=busy_timeout(N) wins over _busy_timeout.
var sqliteRows = []*Knob{
	pragmaBusyTimeout(SQLite, "0", "no PRAGMA busy_timeout is run: SQLite's default, no busy handler",
		moderncMod+"sqlite.go applyQueryParams (the _pragma list runs busy_timeout first, after _busy_timeout)"),
	pragmaJournalMode(SQLite, moderncMod+"sqlite.go applyQueryParams (PRAGMA value run verbatim)"),
	{Driver: SQLite, Key: "_journal_mode", Aliases: []string{"_journal"}, Unit: UnitEnum, Enum: journalModes, read: readEnum, fold: true,
		other:  &check{code: CodeNotInEnum, kind: Rejected, text: `invalid {key} "{raw}", expecting one of: DELETE TRUNCATE PERSIST MEMORY WAL OFF`},
		Source: moderncMod + "sqlite.go applyQueryParams, dsnEnum"},
	{Driver: SQLite, Key: "_busy_timeout", Aliases: []string{"_timeout"}, Setting: BusyTimeout,
		Unit: UnitMillis, read: readInt64, empty: true,
		Default: "0", DefaultNote: "no PRAGMA busy_timeout is run: SQLite's default, no busy handler",
		errf:    `invalid {key} "{raw}": {err}`,
		Special: []Special{{"<=0", "no busy handler: a locked database fails at once with database is locked (SQLITE_BUSY)", MeansNone}},
		Source:  moderncMod + "sqlite.go applyQueryParams, dsnPick"},
}

// glebarezRows are read by github.com/glebarez/go-sqlite, which
// registers as "sqlite" too (and is what github.com/glebarez/sqlite
// opens for gorm). It reads no shorthand keys, only _pragma, and runs
// PRAGMA BUSY_TIMEOUT(5000) before the _pragma list.
var glebarezRows = []*Knob{
	pragmaBusyTimeout(Glebarez, "5000", "applyQueryParams runs pragma BUSY_TIMEOUT(5000) first, as mattn/go-sqlite3 does",
		glebMod+"sqlite.go applyQueryParams"),
	pragmaJournalMode(Glebarez, glebMod+"sqlite.go applyQueryParams (PRAGMA value run verbatim)"),
}

// journalModes are SQLite's journal modes (https://sqlite.org/pragma.html#pragma_journal_mode).
var journalModes = map[string]string{"delete": "delete", "truncate": "truncate", "persist": "persist", "memory": "memory", "wal": "wal", "off": "off"}

// pragmaBusyTimeout is _pragma=busy_timeout(N): milliseconds.
func pragmaBusyTimeout(d Driver, def, note, src string) *Knob {
	return &Knob{Driver: d, Key: pragmaPrefix + "busy_timeout", Setting: BusyTimeout,
		Unit: UnitMillis, read: readInt64, Default: def, DefaultNote: note,
		errf:    "PRAGMA busy_timeout = {raw}: SQLite reads a number; the connection fails",
		Special: []Special{{"<=0", "no busy handler: a locked database fails at once with database is locked (SQLITE_BUSY)", MeansNone}},
		Source:  src}
}

// pragmaJournalMode is _pragma=journal_mode(MODE). SQLite answers an
// unknown mode with the current one, and changes nothing.
func pragmaJournalMode(d Driver, src string) *Knob {
	return &Knob{Driver: d, Key: pragmaPrefix + "journal_mode", Unit: UnitEnum, Enum: journalModes, read: readEnum, fold: true,
		other: &check{code: CodeIgnoredValue, kind: Misread,
			text: "SQLite does not know journal mode {raw}: PRAGMA journal_mode keeps the current mode (https://sqlite.org/pragma.html#pragma_journal_mode)"},
		Source: src + "; https://sqlite.org/pragma.html#pragma_journal_mode"}
}
