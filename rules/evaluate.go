package rules

import (
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// Evaluate judges one pool against the enabled rules. Structural checks
// are the analyzer's; a pool that breaks nothing costs no allocation.
func (p *Policy) Evaluate(pool *model.Pool) []Violation {
	var out []Violation
	for _, r := range p.rules {
		if !r.Disabled && r.Check == "" && r.Applies(pool) {
			out = r.judge(pool, out)
		}
	}
	for i := range out {
		if v := &out[i]; v.Rule.Problems != nil {
			v.Want = p.settle(pool, v.Site, v.Want)
			if v.Want != "" {
				v.Message += "; write " + v.Want
			}
		}
	}
	return out
}

// Applies reports whether r's scope and driver filter admit pool. A TLS
// rule does not apply to a pool on Unix sockets, where the driver
// ignores the TLS settings.
func (r *Rule) Applies(pool *model.Pool) bool {
	if pool.Local && r.Setting == catalog.TLSMode {
		return false
	}
	return (r.Scope == ScopeAny || pool.In(r.Scope)) && r.admits(pool.Driver)
}

// admits applies the driver filter: d must be listed when any driver is
// listed plainly, and must not be listed with "!". The name "unknown"
// stands for a pool whose driver is not known: a *sql.DB opened with a
// driver name that is not constant, or elsewhere.
func (r *Rule) admits(d catalog.Driver) bool {
	listed, positive := false, false
	for _, f := range r.Drivers {
		name, neg := strings.CutPrefix(f, "!")
		match := name == string(d) || name == UnknownDriver && (d == catalog.SQL || d == "")
		if neg && match {
			return false
		}
		positive = positive || !neg
		listed = listed || !neg && match
	}
	return listed || !positive
}

// UnknownDriver is the driver filter word for a pool whose driver is not
// known.
const UnknownDriver = "unknown"

// judge appends the violations of r by pool to out.
func (r *Rule) judge(pool *model.Pool, out []Violation) []Violation {
	switch {
	case r.Problems != nil:
		return r.judgeProblems(pool, out)
	case r.Required:
		return r.judgeRequired(pool, out)
	case r.Relation != nil:
		return r.judgeRelation(pool, out)
	}
	return r.judgeValue(pool, out)
}

// judged returns the site of setting s that a value rule can judge, and
// its value: set, constant, of the setting's kind and free of problems (a
// problem rule reports those). A value that means the driver's default is
// not judged; one that means no limit becomes Unlimited.
func judged(pool *model.Pool, s catalog.Setting) (*model.Site, catalog.Value) {
	site := pool.Get(s)
	if site == nil || !site.Const || site.Problem != nil || site.Unitless || site.Value.Kind != s.Kind() {
		return nil, catalog.Value{}
	}
	v := site.Value
	if site.Knob == nil || v.Kind == catalog.Enum {
		return site, v
	}
	switch sp := site.Knob.SpecialFor(v); {
	case sp == nil:
	case sp.Is == catalog.MeansDefault:
		return nil, catalog.Value{}
	case sp.Is == catalog.MeansUnlimited:
		v = unlimited(v.Kind)
	}
	return site, v
}

func (r *Rule) judgeValue(pool *model.Pool, out []Violation) []Violation {
	s, v := judged(pool, r.Setting)
	if s == nil || r.holds(v) {
		return out
	}
	return append(out, Violation{
		Rule: r, Site: s, Found: s.Raw, Want: want(s.Knob, r.fix()),
		Message: describe(s, v) + r.where() + "; policy wants " + r.wants(),
	})
}

// holds reports whether v satisfies r's min, max, allow and forbid.
func (r *Rule) holds(v catalog.Value) bool {
	return (r.Min == nil || compare(v, *r.Min) >= 0) &&
		(r.Max == nil || compare(v, *r.Max) <= 0) &&
		(r.Allow == nil || contains(r.Allow, v)) &&
		!contains(r.Forbid, v)
}

// fix is the value a fix writes: the suggestion, else the nearest bound
// or the first allowed value.
func (r *Rule) fix() *catalog.Value {
	switch {
	case r.Suggest != nil:
		return r.Suggest
	case r.Min != nil:
		return r.Min
	case r.Max != nil:
		return r.Max
	case len(r.Allow) > 0:
		return &r.Allow[0]
	}
	return nil
}

// want spells v in k's unit, or canonically without a knob; "" when the
// unit cannot express it.
func want(k *catalog.Knob, v *catalog.Value) string {
	switch {
	case v == nil:
		return ""
	case k == nil:
		return Format(*v)
	case isUnlimited(*v):
		return unlimitedRaw(k)
	}
	s, ok := k.Format(*v)
	if !ok {
		return ""
	}
	return s
}

// unlimitedRaw spells Unlimited in k's unit: the value of its special
// that means no limit ("<=0" is written 0), or "" when it has none.
func unlimitedRaw(k *catalog.Knob) string {
	for _, sp := range k.Special {
		if sp.Is != catalog.MeansUnlimited {
			continue
		}
		if raw, ok := strings.CutPrefix(sp.Raw, "<="); ok {
			return raw
		}
		if strings.HasPrefix(sp.Raw, "<") {
			return "-1"
		}
		return sp.Raw
	}
	return ""
}

func (r *Rule) judgeRelation(pool *model.Pool, out []Violation) []Violation {
	s, sv := judged(pool, r.Setting)
	o, ov := judged(pool, r.Relation.Other)
	if s == nil || o == nil || isUnlimited(sv) || isUnlimited(ov) || r.Relation.holds(sv, ov) {
		return out
	}
	return append(out, Violation{
		Rule: r, Site: s, Other: o, Found: s.Raw, Want: want(s.Knob, &ov),
		Message: describe(s, sv) + " but " + describe(o, ov) + "; policy wants " + r.Constraint(),
	})
}

// holds reports whether a op b.
func (rel *Relation) holds(a, b catalog.Value) bool {
	c := compare(a, b)
	switch rel.Op {
	case "<=":
		return c <= 0
	case "<":
		return c < 0
	case ">=":
		return c >= 0
	}
	return c > 0
}

func (r *Rule) judgeRequired(pool *model.Pool, out []Violation) []Violation {
	if pool.Partial || pool.Get(r.Setting) != nil {
		return out
	}
	knobs := catalog.ForSetting(pool.Driver, r.Setting)
	if len(knobs) == 0 { // the driver cannot set it
		return out
	}
	return append(out, Violation{
		Rule: r, Want: want(knobs[0], r.Suggest),
		Message: string(r.Setting) + " is not set" + r.where() + "; policy wants it set",
	})
}

func (r *Rule) judgeProblems(pool *model.Pool, out []Violation) []Violation {
	for _, s := range pool.Sites {
		if s.Problem == nil || !s.Const || !r.matches(s) {
			continue
		}
		msg := found(s) + via(s) + ": " + s.Problem.Text
		out = append(out, Violation{Rule: r, Site: s, Found: s.Raw, Want: problemFix(s), Message: msg})
	}
	return out
}

// matches reports whether a site's problem is one r names, for r's setting.
func (r *Rule) matches(s *model.Site) bool {
	if r.Setting != "" && siteSetting(s) != r.Setting {
		return false
	}
	return slices.Contains(r.Problems, "*") || slices.Contains(r.Problems, s.Problem.Code)
}

// siteSetting is the site's setting, or the one its key has in another
// driver.
func siteSetting(s *model.Site) catalog.Setting {
	if s.Setting == "" && s.Foreign != nil {
		return s.Foreign.Setting
	}
	return s.Setting
}
