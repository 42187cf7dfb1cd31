package dsn

import "strings"

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
