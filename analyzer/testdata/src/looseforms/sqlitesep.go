package looseforms

import "strings"

// A query separator kept in a variable, then a SQLite _pragma fragment.
func sqliteSep(dbFile string) string {
	sep := "?"
	if strings.Contains(dbFile, "?") {
		sep = "&"
	}
	return dbFile + sep + "_pragma=journal_mode(wall)" // want `\[value-silently-replaced\] _pragma:journal_mode=wall`
}

// dendrite's form: the separator appended in both branches, then a
// pragma whose '=' is escaped.
func sqliteEscaped(dsn string) string {
	if strings.Contains(dsn, "?") {
		dsn += "&"
	} else {
		dsn += "?"
	}
	dsn += "_pragma=journal_mode%3dwall" // want `\[value-silently-replaced\] _pragma:journal_mode=wall`
	return dsn
}

func sqliteBare(dbFile string) string {
	return dbFile + "?_pragma=journal_mode(wall)" // want `\[value-silently-replaced\] _pragma:journal_mode=wall`
}

// A variable that may hold other text is not a separator.
func notSeparator(dbFile, extra string) string {
	sep := "?"
	if extra != "" {
		sep = extra
	}
	return dbFile + sep + "_pragma=journal_mode(wall)"
}
