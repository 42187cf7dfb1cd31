// Package corpus is the benchmark corpus of bench/: a small service that
// uses pgx, gorm, sqlx, ent and go-redis the way applications do, with
// compliant and non-compliant pool settings. bench/ analyses it together
// with the driver packages it imports.
package corpus
