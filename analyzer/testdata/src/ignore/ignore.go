// Package ignore covers //poolcheck:ignore directives.
package ignore

import "database/sql"

// The line above and the same line both work, for several rules at once.
func used() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	//poolcheck:ignore prod-single-connection this job runs one statement at a time
	db.SetMaxOpenConns(1)
	db.SetConnMaxLifetime(0) //poolcheck:ignore prod-lifetime-unlimited,max-idle-above-max-open the proxy recycles connections
}

func unused() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	//poolcheck:ignore prod-pool-unbounded nothing to silence // want `\[ignore-unused\] poolcheck:ignore prod-pool-unbounded matches no finding`
	db.SetMaxOpenConns(10)
}

func noReason() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	//poolcheck:ignore prod-single-connection // want `\[ignore-malformed\] poolcheck:ignore prod-single-connection needs a reason`
	db.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}

func unknownRule() {
	//poolcheck:ignore no-such-rule because // want `\[ignore-malformed\] poolcheck:ignore names unknown rule "no-such-rule"`
	_, _ = sql.Open("pgx", "postgres://app@db/app")
}

// A space after the slashes makes a comment prose, as with //go: and
// //nolint: it silences nothing, and names the rule so it gets a hint.
func spaced() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	// poolcheck:ignore prod-single-connection a single writer by design // want `\[ignore-malformed\] a directive has no space after the slashes: write //poolcheck:ignore prod-single-connection`
	db.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}

// Prose that wraps onto a line starting with poolcheck:ignore names no
// rule: it is not a directive and gets nothing. For example, the
// poolcheck:ignore directives of this file are all
// poolcheck:ignore directives on purpose.
func prose() {}

// A rule id with a typo gets the closest name.
func typo() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	//poolcheck:ignore prod-single-conection one writer // want `unknown rule "prod-single-conection" \(did you mean "prod-single-connection"\?\)`
	db.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}
