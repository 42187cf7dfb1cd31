package dsn

import "strings"

// block holds a DSN with room for its first host and parameters, so a
// typical parse allocates once.
type block struct {
	d DSN
	h [1]Host
	p [8]Param
}

// newDSN returns an empty DSN for input s. hint is an upper bound on the
// number of parameters; past the block's room they get their own slice.
func newDSN(s string, k Kind, hint int) *DSN {
	b := new(block)
	b.d.Input, b.d.Kind = s, k
	b.d.Hosts = b.h[:0]
	b.d.Params = b.p[:0]
	if hint > len(b.p) {
		b.d.Params = make([]Param, 0, hint)
	}
	return &b.d
}

func fail(k Kind, off int, msg string) *Error { return &Error{Kind: k, Offset: off, Msg: msg} }

// isSpace reports the ASCII white space that libpq and pgx skip.
func isSpace(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return false
}

// skipSpace returns the first index at or after i that is not a space.
func skipSpace(s string, i int) int {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// trimSpace returns the bounds of s[lo:hi] without surrounding spaces.
func trimSpace(s string, lo, hi int) (int, int) {
	lo = skipSpace(s[:hi], lo)
	for hi > lo && isSpace(s[hi-1]) {
		hi--
	}
	return lo, hi
}

// indexByte is strings.IndexByte on s[lo:hi], returning an index into s.
func indexByte(s string, lo, hi int, c byte) int {
	if i := strings.IndexByte(s[lo:hi], c); i >= 0 {
		return lo + i
	}
	return -1
}
