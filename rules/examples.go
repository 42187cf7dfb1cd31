package rules

import (
	"fmt"
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/dsnsite"
	"github.com/poolcheck/poolcheck/model"
)

// verify proves a rule on its examples: each bad one breaks it, each
// good one does not. Examples of checks are Go code that the analyzer's
// tests prove.
func (m *merger) verify(t touched) {
	r := t.rule
	if r.Check != "" {
		return
	}
	own := m.f.rules[t.i].Example != nil
	for j, ex := range r.Examples {
		for _, c := range []struct {
			key, s string
			bad    bool
		}{{"bad", ex.Bad, true}, {"good", ex.Good, false}} {
			msg := r.try(ex, c.s, c.bad)
			switch {
			case msg == "":
			case own:
				m.fail(m.f.at("rule"+index(t.i)+".example"+index(j)+"."+c.key, "", "%s", msg))
			default:
				m.fail(m.f.at("rule"+index(t.i), "give the override examples of its own",
					"inherited example (%s): %s", ex.origin, msg))
			}
		}
	}
}

// try reports how example string s fails to prove r: "" when s is bad
// (bad is true) and breaks r, or is good and does not.
func (r *Rule) try(ex Example, s string, bad bool) string {
	if s == "" {
		return ""
	}
	pool, err := examplePool(s, catalog.Driver(ex.Driver), r.exampleScope(ex))
	if err != nil {
		return "example is neither a DSN nor a settings line: " + err.Error()
	}
	var vs []Violation
	if r.Applies(pool) {
		vs = r.judge(pool, nil)
	}
	switch {
	case bad && len(vs) == 0:
		return fmt.Sprintf("bad example does not break %q: a %s pool in %s code", r.ID, pool.Driver, pool.Scopes[0])
	case !bad && len(vs) > 0:
		return fmt.Sprintf("good example breaks %q: %s", r.ID, vs[0].Message)
	}
	return ""
}

// exampleScope is the example's scope, else the rule's, with prod
// standing in for any.
func (r *Rule) exampleScope(ex Example) string {
	switch {
	case ex.Scope != "":
		return ex.Scope
	case r.Scope == ScopeAny:
		return ScopeProd
	}
	return r.Scope
}

// examplePool builds the pool an example describes: a settings line
// such as "max_open=10 max_idle=20" when a driver is given and every
// word is a canonical setting=value, else a DSN.
func examplePool(s string, drv catalog.Driver, scope string) (*model.Pool, error) {
	pool, ok := settingsPool(s, drv)
	if !ok {
		d, err := dsn.Parse(s)
		if err != nil {
			return nil, err
		}
		pool = dsnsite.Pool(d, drv)
	}
	pool.ID, pool.Path, pool.Scopes = "example", "example", []string{scope}
	return pool, nil
}

// settingsPool reads a settings line for driver drv.
func settingsPool(s string, drv catalog.Driver) (*model.Pool, bool) {
	words := strings.Fields(s)
	if drv == "" || len(words) == 0 {
		return nil, false
	}
	pool := &model.Pool{Driver: drv}
	for _, w := range words {
		k, raw, _ := strings.Cut(w, "=")
		setting := catalog.Setting(k)
		v, ok := parseValue(setting.Kind(), raw)
		if !ok || isUnlimited(v) {
			return nil, false
		}
		pool.Sites = append(pool.Sites, apiSite(drv, setting, raw, v))
	}
	return pool, true
}

// apiSite is a site set through driver drv's Go API, as a settings line
// describes it: the value is spelled as the Go API spells it and read
// back, so the catalog's problems apply.
func apiSite(drv catalog.Driver, s catalog.Setting, raw string, v catalog.Value) *model.Site {
	site := &model.Site{Setting: s, Key: string(s), Raw: raw, Const: true, Value: v, Source: model.Param}
	k := apiKnob(drv, s)
	if k == nil {
		return site
	}
	site.Knob, site.Key, site.Source = k, k.Key, sourceOf[k.API.Kind]
	if goRaw, ok := k.Format(v); ok {
		site.Raw = goRaw
		site.Value, site.Problem = k.Parse(goRaw)
	}
	return site
}

// apiKnob is driver drv's first Go API knob for setting s.
func apiKnob(drv catalog.Driver, s catalog.Setting) *catalog.Knob {
	for _, k := range catalog.ForSetting(drv, s) {
		if k.API != nil {
			return k
		}
	}
	return nil
}

var sourceOf = map[catalog.APIKind]model.Source{catalog.Method: model.Arg, catalog.Field: model.Field}
