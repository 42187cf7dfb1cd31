package flow

import (
	"database/sql"
	"fmt"
)

// A zero check that replaces an unset value gives the default that runs
// when nobody sets it.
func zeroChecked(get func(string) string) string {
	mode := get("sslmode")
	if mode == "" {
		mode = "disable" // want `\[prod-tls-disabled\] tls_mode defaults to disable \(sslmode, the value when mode == ""\)`
	}
	return fmt.Sprintf("host=db sslmode=%s", mode)
}

func openZeroChecked(dsn string, getInt func(string) int) {
	maxOpen := getInt("max_open")
	if maxOpen == 0 {
		maxOpen = 1 // want `\[prod-single-connection\] max_open defaults to 1 \(SetMaxOpenConns, the value when maxOpen == 0\)`
	}
	db, _ := sql.Open("pgx", dsn)
	db.SetMaxOpenConns(maxOpen)
}

// Not a default: another branch, another assignment, another check.
func notZeroChecks(dsn string, getInt func(string) int, strict bool) {
	a := getInt("a")
	if a == 0 {
		a = 1
	} else {
		a = 2
	}
	b := getInt("b")
	if b == 0 {
		b = 1
	}
	b = getInt("b2")
	c := getInt("c")
	if c != 0 {
		c = 1
	}
	db, _ := sql.Open("pgx", dsn)
	db.SetMaxOpenConns(a)
	db.SetMaxIdleConns(b)
	db.SetMaxOpenConns(c)
}

// A parameter the body replaces is not that constant: its callers decide.
func openParamReplaced(dsn string, n int) {
	db, _ := sql.Open("pgx", dsn)
	if n <= 0 {
		n = 1
	}
	db.SetMaxOpenConns(n)
}
