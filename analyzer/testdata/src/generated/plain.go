package generated

import "database/sql"

func open() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(1) // want `\[prod-single-connection\]`
}
