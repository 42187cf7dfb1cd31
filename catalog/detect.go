package catalog

// refinements lists, per hint, the drivers that parameter keys may turn
// it into. A postgres URL is read by pgxpool or Prisma as well as by pgx
// and lib/pq; a mysql:// URL is Prisma's (go-sql-driver has its own DSN
// grammar). Any other hint is final. An empty hint may become any driver
// but the generic postgres and database/sql.
var refinements = map[Driver][]Driver{
	Postgres: {Pgxpool, Prisma},
	MySQL:    {Prisma},
}

// ForParams returns the driver that parameter keys imply, such as Prisma for
// connection_limit or pgxpool for pool_max_conns on a postgres DSN.
//
// A key speaks for a candidate when the candidate is the only one with a
// knob of that name and no other driver of the hint's family reads it.
// The candidate most keys speak for wins; a tie, or no key, keeps hint.
func ForParams(hint Driver, keys []string) Driver {
	cands := candidates(hint)
	votes := make(map[Driver]int)
	for _, key := range keys {
		if c, ok := speaksFor(hint, cands, key); ok {
			votes[c]++
		}
	}
	best, top, tie := hint, 0, false
	for _, c := range cands {
		switch n := votes[c]; {
		case n > top:
			best, top, tie = c, n, false
		case n == top && n > 0:
			tie = true
		}
	}
	if tie {
		return hint
	}
	return best
}

func candidates(hint Driver) []Driver {
	if hint != "" {
		return refinements[hint]
	}
	var out []Driver
	for _, d := range drivers {
		if d.Name != Postgres && d.Name != SQL {
			out = append(out, d.Name)
		}
	}
	return out
}

// speaksFor returns the one candidate key implies, if any.
func speaksFor(hint Driver, cands []Driver, key string) (Driver, bool) {
	var found Driver
	for _, c := range cands {
		if _, ok := Lookup(c, key); !ok {
			continue
		}
		if found != "" {
			return "", false
		}
		found = c
	}
	if found == "" || familyReads(hint, cands, key) {
		return "", false
	}
	return found, true
}

// familyReads reports whether a non-candidate driver of hint's family
// reads key.
func familyReads(hint Driver, cands []Driver, key string) bool {
	info := Info(hint)
	if info == nil {
		return false
	}
	for _, d := range drivers {
		if d.Family == info.Family && !contains(cands, d.Name) && knows(d.Name, key) {
			return true
		}
	}
	return false
}

func contains(ds []Driver, d Driver) bool {
	for _, x := range ds {
		if x == d {
			return true
		}
	}
	return false
}

// SchemeTLS returns the TLS mode a URL scheme fixes by itself: rediss://
// verifies the server (go-redis sets ServerName), redis:// and unix://
// have no TLS.
func SchemeTLS(scheme string) (string, bool) {
	mode, ok := schemeTLS[scheme]
	return mode, ok
}

var schemeTLS = map[string]string{
	"redis":  "disable",
	"rediss": "verify-full", // options.go setupTCPConn; skip_verify=true makes it require
	"unix":   "disable",     // options.go setupUnixConn: no TLS over a Unix socket
}
