package scan

import (
	"strconv"

	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/model"
	"github.com/poolcheck/poolcheck/rules"
)

// judgePool evaluates a Node library pool (jslib.go): one site per
// option, its value read through the catalog row, judged by the same
// policy as a DSN's parameters. A finding sits on the value; its fix
// writes the wanted value in the option's unit (milliseconds for most).
func (r *fileRun) judgePool(op *optPool) {
	pool := &model.Pool{Driver: op.driver, Path: r.rel, Partial: op.partial}
	for i, s := range op.sites {
		site := &model.Site{Setting: s.knob.Setting, Key: s.knob.Key, Raw: s.t.s, Const: true,
			Knob: s.knob, Source: model.Field, Ref: i}
		site.Value, site.Problem = s.knob.Parse(s.t.s)
		pool.Sites = append(pool.Sites, site)
	}
	pool.Scopes = r.pol.ScopesFor(r.rel, op.test)
	pool.ID = r.rel + ":" + strconv.Itoa(r.position(op.use[0]).Line)
	for _, v := range r.pol.Evaluate(pool) {
		r.optViolation(op, pool, v)
	}
}

// optViolation records one violation of an option pool.
func (r *fileRun) optViolation(op *optPool, pool *model.Pool, v rules.Violation) {
	f := &Finding{
		Rule: v.Rule.ID, Severity: v.Rule.Severity, Setting: v.Rule.Setting,
		Message: "[" + v.Rule.ID + "] " + v.Message, URL: DocURL + v.Rule.ID,
		Found: v.Found, Want: v.Want, Driver: pool.Driver, Scopes: pool.Scopes,
		File: r.w.path, Path: r.rel, problem: len(v.Rule.Problems) > 0,
	}
	f.Pos, f.End = r.position(op.use[0]), r.position(op.use[0])
	if v.Site != nil {
		t := op.sites[v.Site.Ref.(int)].t
		f.Setting, f.Key = v.Site.Setting, v.Site.Key
		f.Pos, f.End = r.span(t, 0, len(t.s))
		f.Fix = optFix(t, v.Site.Key, v.Want)
	}
	if v.Other != nil {
		t := op.sites[v.Other.Ref.(int)].t
		pos, end := r.span(t, 0, len(t.s))
		f.Related = []Related{{Pos: pos, End: end, Message: v.Other.Key + " is set here"}}
	}
	r.findings = append(r.findings, f)
	r.via(f, value{use: op.use, name: op.name})
}

// optFix writes want over an option's value; the literal's encoder
// refuses a word where a number stands, and the reverse.
func optFix(t *text, key, want string) *Fix {
	if want == "" {
		return nil
	}
	e, ok := t.edit(dsn.Edit{Start: 0, End: len(t.s), New: want})
	if !ok {
		return nil
	}
	return &Fix{Message: "set " + key + " to " + want, Edits: []Edit{{e.start, e.end, e.text}}}
}
