package rules

import (
	"slices"
	"sort"
	"strconv"
)

// apply merges file f onto base: scopes, then rules (new ones and
// overrides), then enable and disable. It checks every rule the file
// touches, and their examples, and returns nothing if anything is wrong.
func apply(base *Policy, f *file, origin func(line int) string) (*Policy, LoadErrors) {
	m := &merger{f: f, p: base.clone(), origin: origin, byFile: map[string]int{}}
	m.scopes()
	for _, g := range f.top.Exclude {
		m.p.exclude = append(m.p.exclude, string(g))
	}
	for i := range f.rules {
		m.rule(i)
	}
	m.toggle(f.top.Enable, false, "enable")
	m.toggle(f.top.Disable, true, "disable")
	for _, t := range m.touched {
		if !t.failed {
			m.check(t)
		}
	}
	if len(m.errs) == 0 {
		for _, t := range m.touched {
			m.verify(t)
		}
	}
	if len(m.errs) > 0 {
		return nil, m.errs.sorted()
	}
	return m.p, nil
}

// merger holds the state of one apply.
type merger struct {
	f       *file
	p       *Policy
	origin  func(line int) string
	byFile  map[string]int // rule id -> index in f.rules
	touched []touched
	errs    LoadErrors
}

// touched is a rule that the file defines or overrides.
type touched struct {
	rule   *Rule
	i      int   // index in f.rules
	base   *Rule // the inherited rule, nil for a new one
	failed bool  // the entry has errors already
}

func (p *Policy) clone() *Policy {
	q := &Policy{rules: slices.Clone(p.rules), scopes: slices.Clone(p.scopes), exclude: slices.Clone(p.exclude)}
	for i, s := range q.scopes {
		q.scopes[i].globs = slices.Clone(s.globs)
	}
	return q
}

func (m *merger) fail(e *LoadError) { m.errs = append(m.errs, e) }

// scopes adds the file's scopes, or its globs to an inherited scope.
func (m *merger) scopes() {
	names := make([]string, 0, len(m.f.top.Scopes))
	for name := range m.f.top.Scopes {
		names = append(names, name)
	}
	sort.Slice(names, func(a, b int) bool { return m.line("scopes."+names[a]) < m.line("scopes."+names[b]) })
	for _, name := range names {
		m.scope(name, m.f.top.Scopes[name])
	}
}

func (m *merger) scope(name string, globs []glob) {
	path := "scopes." + name
	switch {
	case name == ScopeProd || name == ScopeAny:
		m.fail(m.f.atKey(path, "prod is every path that is not test; any is every path", "scope %q is built in and cannot be given globs", name))
		return
	case !kebab.MatchString(name):
		m.fail(m.f.atKey(path, "scope names are kebab-case", "bad scope name %q", name))
		return
	}
	var gs []string
	for _, g := range globs {
		gs = append(gs, string(g))
	}
	for i := range m.p.scopes {
		if m.p.scopes[i].name == name {
			m.p.scopes[i].globs = append(m.p.scopes[i].globs, gs...)
			return
		}
	}
	m.p.scopes = append(m.p.scopes, scope{name: name, globs: gs})
}

func (m *merger) line(path string) int {
	e, _ := m.f.loc.find(path)
	return e.key.line
}

// rule adds [[rule]] i as a new rule or applies it as an override.
func (m *merger) rule(i int) {
	rt := &m.f.rules[i]
	head := "rule" + index(i)
	id := string(rt.ID)
	if id == "" {
		m.fail(m.f.at(head, "every rule needs a stable kebab-case id", "rule has no id"))
		return
	}
	if j, dup := m.byFile[id]; dup {
		m.fail(m.f.at(head+".id", "first at line "+strconv.Itoa(m.line("rule"+index(j))), "duplicate rule id %q", id))
		return
	}
	m.byFile[id] = i
	b := &builder{f: m.f, i: i, p: m.p}
	base := m.p.Rule(id)
	r := b.start(base, m.origin(m.line(head)))
	if r == nil {
		m.errs = append(m.errs, b.errs...)
		return
	}
	b.fill(r, rt)
	m.errs = append(m.errs, b.errs...)
	if k := slices.Index(m.p.rules, base); base != nil {
		m.p.rules[k] = r
	} else {
		m.p.rules = append(m.p.rules, r)
	}
	m.touched = append(m.touched, touched{rule: r, i: i, base: base, failed: len(b.errs) > 0})
}

// toggle applies the enable or disable list.
func (m *merger) toggle(ids []string, off bool, key string) {
	for n, id := range ids {
		path := key + index(n)
		r := m.p.Rule(id)
		switch {
		case r == nil:
			m.fail(m.f.at(path, idHint(id, m.p, "poolcheck -rules lists the rule ids"), "%s names no rule: %q", key, id))
		case off && slices.Contains(m.f.top.Enable, id):
			m.fail(m.f.at(path, "drop it from one of the lists", "rule %q is both enabled and disabled", id))
		default:
			c := *r
			c.Disabled = off
			// The rule now comes from this file's list, on top of where
			// it was defined: -rules and -explain say both.
			c.overrides = append(slices.Clone(r.overrides), r.Origin)
			c.Origin = m.origin(m.f.at(path, "", "").Line) + " (" + key + ")"
			m.p.rules[slices.Index(m.p.rules, r)] = &c
			m.retouch(r, &c)
		}
	}
}

// retouch points a touched entry at the rule's replacement.
func (m *merger) retouch(old, r *Rule) {
	for k := range m.touched {
		if m.touched[k].rule == old {
			m.touched[k].rule = r
		}
	}
}
