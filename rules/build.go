package rules

import (
	"slices"
	"strconv"
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
)

// builder turns [[rule]] i of a file into a Rule.
type builder struct {
	f    *file
	i    int
	p    *Policy
	errs LoadErrors
}

func (b *builder) path(key string) string {
	if key == "" {
		return "rule" + index(b.i)
	}
	return "rule" + index(b.i) + "." + key
}

func (b *builder) has(key string) bool {
	_, ok := b.f.loc.find(b.path(key))
	return ok
}

// at records an error at the first of keys the rule sets, else at its header.
func (b *builder) at(keys []string, hint, format string, args ...any) {
	path := b.path("")
	for _, k := range keys {
		if b.has(k) {
			path = b.path(k)
			break
		}
	}
	b.errs = append(b.errs, b.f.at(path, hint, format, args...))
}

func (b *builder) line(key string) int {
	e, _ := b.f.loc.find(b.path(key))
	return e.key.line
}

func (b *builder) rt() *ruleT { return &b.f.rules[b.i] }

// start returns the rule to fill: a copy of the inherited one, or a new
// one. It returns nil when the entry cannot be either.
func (b *builder) start(base *Rule, origin string) *Rule {
	rt := b.rt()
	if base != nil {
		return b.override(base, origin)
	}
	if !rt.defines() {
		b.at(nil, idHint(string(rt.ID), b.p, "a new rule needs title, why, scope, severity and a constraint"),
			"rule %q overrides nothing: no inherited rule has this id", rt.ID)
		return nil
	}
	if missing := rt.missing(); len(missing) > 0 {
		b.at(nil, "a rule that overrides none needs id, title, why, scope, severity and one constraint",
			"new rule %q has no %s", rt.ID, and(missing))
		return nil
	}
	return &Rule{ID: string(rt.ID), Origin: origin}
}

// override copies base for an override, which may change anything but
// what the rule is about: its setting and its kind of constraint.
func (b *builder) override(base *Rule, origin string) *Rule {
	rt := b.rt()
	const hint = "disable it and add a rule with a new id"
	if rt.Setting != nil && catalog.Setting(*rt.Setting) != base.Setting {
		b.at([]string{"setting"}, hint, "an override cannot change the setting of %q", base.ID)
	}
	if rt.Check != nil && string(*rt.Check) != base.Check {
		b.at([]string{"check"}, hint, "an override cannot change the check of %q", base.ID)
	}
	kind := constraintOf(base)
	for _, k := range rt.constraints() {
		if constraintKey[k] != kind {
			b.at([]string{k}, hint, "%q is a %s rule; an override cannot make it a %s rule", base.ID, kind, constraintKey[k])
		}
	}
	if len(b.errs) > 0 {
		return nil
	}
	r := *base
	r.overrides = append(slices.Clone(base.overrides), base.Origin)
	r.Origin = origin
	return &r
}

// defines reports whether an entry says what a rule is, as a new rule
// must; an entry that does not is an override.
func (rt *ruleT) defines() bool {
	return rt.Title != nil || rt.Why != nil || rt.Setting != nil || rt.Scope != nil ||
		rt.Check != nil || rt.Problems != nil
}

// missing lists the fields a new rule lacks.
func (rt *ruleT) missing() []string {
	need := []struct {
		name string
		ok   bool
	}{{"title", rt.Title != nil}, {"why", rt.Why != nil}, {"scope", rt.Scope != nil}, {"severity", rt.Severity != nil}}
	var out []string
	for _, n := range need {
		if !n.ok {
			out = append(out, n.name)
		}
	}
	return out
}

// fill applies the fields the entry sets to r.
func (b *builder) fill(r *Rule, rt *ruleT) {
	set(&r.Title, rt.Title)
	set(&r.Why, rt.Why)
	set(&r.Before, rt.Before)
	set(&r.After, rt.After)
	if rt.Setting != nil {
		r.Setting = catalog.Setting(*rt.Setting)
	}
	if rt.Severity != nil {
		r.Severity = *rt.Severity
	}
	if rt.Enabled != nil {
		r.Disabled = !*rt.Enabled
	}
	if rt.Scope != nil {
		r.Scope = b.scope("scope", *rt.Scope, true)
	}
	if rt.Drivers != nil {
		r.Drivers = b.drivers(rt.Drivers)
	}
	b.constraint(r, rt)
	if rt.Suggest != nil {
		r.Suggest = b.value("suggest", rt.Suggest, r.Setting)
	}
	if rt.Example != nil {
		r.Examples = b.examples(r)
	}
}

func set(dst *string, src *string) {
	if src != nil {
		*dst = *src
	}
}

// value converts a policy value for setting s; nil when it cannot.
func (b *builder) value(key string, v *valueT, s catalog.Setting) *catalog.Value {
	if s == "" {
		return nil // check reports the missing setting
	}
	out, err := v.value(s)
	if err == nil {
		err = knownEnum(s, out)
	}
	if err != nil {
		b.at([]string{key}, "", "%v", err)
		return nil
	}
	return &out
}

func (b *builder) values(key string, vs []valueT, s catalog.Setting) []catalog.Value {
	out := []catalog.Value{}
	for n := range vs {
		if v := b.value(key+index(n), &vs[n], s); v != nil {
			out = append(out, *v)
		}
	}
	return out
}

// scope checks a scope name; "any" is allowed only for a rule.
func (b *builder) scope(key, name string, anyOK bool) string {
	names := b.p.Scopes()
	if anyOK {
		names = append(names, ScopeAny)
	}
	if !slices.Contains(names, name) {
		b.at([]string{key}, hintFor(name, names, "scopes"), "unknown scope %q", name)
	}
	return name
}

// drivers checks that no driver is listed twice or both ways.
func (b *builder) drivers(ds []driverFilter) []string {
	out := make([]string, len(ds))
	seen := map[string]bool{}
	for i, d := range ds {
		out[i] = string(d)
		name := strings.TrimPrefix(out[i], "!")
		if seen[name] {
			b.at([]string{"drivers" + index(i)}, "list each driver once", "drivers lists %q twice", name)
		}
		seen[name] = true
	}
	return out
}

// examples converts the entry's examples.
func (b *builder) examples(r *Rule) []Example {
	exs := b.f.exs[b.i]
	out := make([]Example, len(exs))
	for j, et := range exs {
		key := "example" + index(j)
		ex := Example{origin: b.f.name + ":" + strconv.Itoa(b.line(key))}
		set(&ex.Bad, et.Bad)
		set(&ex.Good, et.Good)
		if et.Driver != nil {
			ex.Driver = string(*et.Driver)
		}
		if et.Scope != nil {
			ex.Scope = b.scope(key+".scope", *et.Scope, false)
		}
		if ex.Bad == "" && ex.Good == "" {
			b.at([]string{key}, "write bad, good or both", "example has neither bad nor good")
		}
		out[j] = ex
	}
	return out
}

// idHint suggests the rule id closest to id, or gives hint.
func idHint(id string, p *Policy, hint string) string {
	ids := make([]string, len(p.rules))
	for i, r := range p.rules {
		ids[i] = r.ID
	}
	if h := didYouMean(id, ids); h != "" {
		return h
	}
	return hint
}

// and joins words as a sentence does: "a, b and c".
func and(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
