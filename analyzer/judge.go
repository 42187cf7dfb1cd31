package analyzer

import (
	"strings"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
	"github.com/poolcheck/poolcheck/rules"
)

// placed is a violation with the place it was judged at.
type placed struct {
	w find.Where
	v rules.Violation
}

// stricter keeps, for each site judged in several scopes, the most
// severe violation, and says so; violations of the same rule at every
// place are kept once.
func stricter(all []placed, places []find.Where, r *report.Reporter) []placed {
	best := make(map[*model.Site]int) // site -> index in out
	var out []placed
	for _, x := range all {
		if x.v.Site == nil {
			out = append(out, x)
			continue
		}
		i, seen := best[x.v.Site]
		switch {
		case !seen:
			best[x.v.Site] = len(out)
			out = append(out, x)
		case out[i].v.Rule == x.v.Rule:
		case x.v.Rule.Severity > out[i].v.Rule.Severity:
			out[i] = x
		}
	}
	for i := range out {
		if x := &out[i]; x.v.Site != nil && x.v.Rule.Scope != rules.ScopeAny {
			x.v.Message += " (the constant is also used in " + otherScopes(places, x.w, r) + " code; the stricter verdict is reported)"
		}
	}
	return out
}

// otherScopes names the scopes of the places other than w's.
func otherScopes(places []find.Where, w find.Where, r *report.Reporter) string {
	var names []string
	mine := strings.Join(r.Scopes(w), ",")
	for _, p := range places {
		if s := strings.Join(r.Scopes(p), ","); s != mine && !contains(names, s) {
			names = append(names, s)
		}
	}
	return strings.Join(names, " and ")
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// sqliteMemory reports an in-memory SQLite pool without a shared cache
// and without SetMaxOpenConns(1): each connection sees its own empty
// database.
func sqliteMemory(p *group.Pool) *find.Check {
	var mem *find.Item
	for _, it := range p.Items {
		if it.Memory {
			mem = it
		}
	}
	if mem == nil {
		return nil
	}
	if s := p.Get(catalog.MaxOpen); s != nil && s.Const && s.Value.Kind == catalog.Count && s.Value.N == 1 {
		return nil
	}
	ch := &find.Check{
		Name: "sqlite-memory-shared", Pos: mem.Pos, End: mem.End, Where: mem.Where,
		Message: "in-memory SQLite through a connection pool: every connection opens its own empty database; use file::memory:?cache=shared or SetMaxOpenConns(1)",
	}
	if ref, ok := mem.Pool.Ref.(*find.Ref); ok && ref.Whole != nil {
		if edits, ok := ref.Whole("file::memory:?cache=shared"); ok && memoryOnly(mem) {
			ch.Fix, ch.FixMsg = edits, "use file::memory:?cache=shared"
		}
	}
	return ch
}

// memoryOnly reports a DSN that is exactly ":memory:", which a fix can
// replace whole.
func memoryOnly(it *find.Item) bool { return it.Pool.DSN == ":memory:" }
