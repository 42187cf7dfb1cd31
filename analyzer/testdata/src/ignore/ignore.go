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

// A space after the slashes, as editors often write it, works too.
func spaced() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	// poolcheck:ignore prod-single-connection a single writer by design
	db.SetMaxOpenConns(1)
}
