// Package pq is a stand-in for github.com/lib/pq v1.12.3: only the declarations the
// fixtures use, with the real signatures and no real bodies. The
// difftest module checks them against the real package (TestStandIns).
package pq
