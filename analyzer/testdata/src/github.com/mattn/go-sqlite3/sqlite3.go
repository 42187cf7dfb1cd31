// Package sqlite3 is a stand-in for github.com/mattn/go-sqlite3 v1.14.53: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package sqlite3
