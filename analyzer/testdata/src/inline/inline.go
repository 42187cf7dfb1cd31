// Package inline is judged with -related=false, as the golangci-lint
// plugin runs: the other setting of a relation is named in the message,
// not reported as related information (which golangci-lint would turn
// into an issue of its own).
package inline

import "database/sql"

func open() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(20) // want `\[max-idle-above-max-open\] max_idle is 20 \(SetMaxIdleConns\) but max_open is 10 \(SetMaxOpenConns\); policy wants max_idle ≤ max_open \(SetMaxOpenConns is set on line 11\)`
}
