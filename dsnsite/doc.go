// Package dsnsite turns a parsed DSN into the neutral model: one pool
// with one site per parameter. The analyzer, the file scanner and the
// policy's example verifier share it, so a DSN means the same thing to
// all of them.
//
// The driver is the hint when there is one, else the one the URL scheme
// implies, else the grammar's guess; the parameter keys then refine it
// (connection_limit makes a postgres URL a Prisma URL, pool_max_conns
// makes it a pgxpool DSN).
//
// A key the driver knows gets its knob, canonical value and any problem
// the catalog knows for the raw value. A key the driver does not know
// gets the knob it has in another driver of the family (Foreign) and
// what the driver does with it (Problem), but only when the key is a
// pool setting of another driver or the driver rejects unknown keys:
// a key no driver knows, such as search_path or application_name, is
// normally a server parameter passed on on purpose.
package dsnsite
