package dsnsite

import (
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/model"
)

// Pool returns the pool that d configures. hint is the driver the caller
// knows from context (the sql.Open driver name), or "". Each site's Ref
// is the index of its parameter in d.Params. The caller sets ID, Path,
// Scopes and Ref.
func Pool(d *dsn.DSN, hint catalog.Driver) *model.Pool {
	drv := Driver(d, hint)
	p := &model.Pool{Driver: drv, DSN: d.Redacted()}
	p.Sites = make([]*model.Site, len(d.Params))
	for i, prm := range d.Params {
		p.Sites[i] = Site(drv, prm)
		p.Sites[i].Ref = i
	}
	return p
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

// Site returns the site for one parameter given to driver drv.
func Site(drv catalog.Driver, prm dsn.Param) *model.Site {
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
