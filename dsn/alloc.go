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
// number of parameters; it only sizes the first allocation.
func newDSN(s string, k Kind, hint int) *DSN {
	if hint <= len(block{}.p) {
		b := new(block)
		b.d.Input, b.d.Kind = s, k
		b.d.Hosts = b.h[:0]
		b.d.Params = b.p[:0]
		return &b.d
	}
	return &DSN{Input: s, Kind: k, Params: make([]Param, 0, hint)}
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
	for i := lo; i < hi; i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// splitList splits a comma-separated list; an empty list is one empty element.
func splitList(s string, f func(i int, elem string)) int {
	n := 0
	for {
		i := 0
		for i < len(s) && s[i] != ',' {
			i++
		}
		f(n, s[:i])
		n++
		if i == len(s) {
			return n
		}
		s = s[i+1:]
	}
}

// zipHosts pairs a host list and a port list as pgx and libpq do: one
// port applies to every host, otherwise ports pair by position.
func zipHosts(d *DSN, hosts string, hasHost bool, ports string, hasPort bool) {
	if !hasHost && !hasPort {
		return
	}
	nports := strings.Count(ports, ",") + 1
	if !hasPort {
		nports = 0
	}
	if !hasHost {
		hosts = ""
	}
	splitList(hosts, func(i int, h string) {
		port := ""
		switch {
		case nports == 1:
			port = ports
		case i < nports:
			port = nthElem(ports, i)
		}
		d.Hosts = append(d.Hosts, Host{Name: h, Port: port})
	})
}

func nthElem(list string, n int) string {
	out := ""
	splitList(list, func(i int, e string) {
		if i == n {
			out = e
		}
	})
	return out
}
