package dsnsite

import (
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/model"
)

// Pool returns the pool that d configures. hint is the driver the caller
// knows from context (the sql.Open driver name), or "". Each site's Ref
// is the index of its parameter in d.Params. The caller sets ID, Path,
// Scopes and Ref.
//
// A _pragma parameter whose value is a pragma call (busy_timeout(5000))
// is read as that pragma: d.ExpandPragmas renames it in place.
func Pool(d *dsn.DSN, hint catalog.Driver) *model.Pool {
	d.ExpandPragmas()
	drv := Driver(d, hint)
	p := &model.Pool{Driver: drv, DSN: d.Redacted(), Local: onSocket(d, drv)}
	p.Sites = make([]*model.Site, 0, len(d.Params))
	read := readParams(d, drv)
	for i, prm := range d.Params {
		if !read[i] {
			continue
		}
		s := Site(drv, prm)
		if d.Kind == dsn.KindKeyValue && prm.Key == "ssl" {
			urlOnly(s, drv)
		}
		s.Ref = i
		p.Sites = append(p.Sites, s)
	}
	return p
}

// readParams marks the parameters drv reads: all of them, except the
// earlier occurrences of a repeated key for a driver that reads the last.
func readParams(d *dsn.DSN, drv catalog.Driver) []bool {
	read := make([]bool, len(d.Params))
	info := catalog.Info(drv)
	seen := make(map[string]bool)
	for i := len(d.Params) - 1; i >= 0; i-- {
		k := d.Params[i].Key
		if info != nil && info.FoldCase {
			k = strings.ToLower(k)
		}
		read[i] = info == nil || !info.LastWins || !seen[k]
		seen[k] = true
	}
	return read
}

// Driver returns the driver that receives d: hint, else the driver of
// d's URL scheme, else d's grammar hint, refined by d's parameter keys.
func Driver(d *dsn.DSN, hint catalog.Driver) catalog.Driver {
	base := hint
	if base == "" && d.Scheme != "" {
		base, _ = catalog.ForScheme(d.Scheme)
	}
	if base == "" {
		base = catalog.Driver(d.Driver)
	}
	keys := make([]string, len(d.Params))
	for i, prm := range d.Params {
		keys[i] = prm.Key
	}
	return catalog.ForParams(base, keys)
}

// Site returns the site for one parameter given to driver drv. The
// value of a secret-looking key (dsn.SecretKey) is masked in Raw and in
// the problem text, which messages and inventories print.
func Site(drv catalog.Driver, prm dsn.Param) *model.Site {
	s := site(drv, prm)
	if prm.Value != "" && dsn.SecretKey(prm.Key) {
		s.Raw = dsn.Mask
		if s.Problem != nil {
			p := *s.Problem
			p.Text = strings.ReplaceAll(p.Text, prm.Value, dsn.Mask)
			p.Fix = ""
			s.Problem = &p
		}
	}
	return s
}

func site(drv catalog.Driver, prm dsn.Param) *model.Site {
	s := &model.Site{Key: prm.Key, Raw: prm.Value, Const: true, Source: model.Param}
	if k, ok := catalog.Lookup(drv, prm.Key); ok {
		s.Knob, s.Setting = k, k.Setting
		s.Value, s.Problem = k.Parse(prm.Value)
		return s
	}
	if k, ok := catalog.Foreign(drv, prm.Key); ok {
		s.Foreign = k
	}
	if s.Foreign != nil || rejectsUnknown(drv) {
		s.Problem = catalog.Unrecognized(drv, prm.Key)
	}
	return s
}

// rejectsUnknown reports whether drv fails to parse a DSN with a key it
// does not know, which makes any such key worth reporting.
func rejectsUnknown(drv catalog.Driver) bool {
	info := catalog.Info(drv)
	return info != nil && info.Unknown == catalog.UnknownRejected
}

// urlOnly turns the site of pgx's ssl key into an unknown one: pgx reads
// ssl=true as sslmode=require only in a URL (pgconn/parse_url.go); in a
// keyword/value string ssl is a run-time parameter for the server.
func urlOnly(s *model.Site, drv catalog.Driver) {
	info := catalog.Info(drv)
	if s.Knob == nil || info == nil || info.Unknown != catalog.UnknownToServer {
		return
	}
	s.Knob, s.Setting, s.Value = nil, "", catalog.Value{}
	s.Problem = &catalog.Problem{Code: catalog.CodeForwarded, Kind: catalog.Rejected,
		Text: "ssl is read (ssl=true as sslmode=require) only in a URL; here " +
			strings.ReplaceAll(info.UnknownText, "{key}", "ssl")}
}

// onSocket reports a postgres DSN whose hosts are all Unix socket
// directories, as pgconn.NetworkAddress and lib/pq read them. A host
// parameter overrides the URL's hosts; no host at all is not a socket
// here, since pgx then picks one only when a socket directory exists.
func onSocket(d *dsn.DSN, drv catalog.Driver) bool {
	info := catalog.Info(drv)
	if info == nil || info.Family != "postgres" {
		return false
	}
	var hosts []string
	if ps := d.Lookup("host"); len(ps) > 0 {
		hosts = strings.Split(ps[len(ps)-1].Value, ",")
	} else {
		for _, h := range d.Hosts {
			hosts = append(hosts, h.Name)
		}
	}
	for _, h := range hosts {
		if !strings.HasPrefix(h, "/") {
			return false
		}
	}
	return len(hosts) > 0
}
