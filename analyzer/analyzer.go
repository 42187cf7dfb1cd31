package analyzer

import (
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/rules"
)

// Analyzer finds connection-pool settings and judges them against the
// policy. Its result is a *Result.
var Analyzer = New()

// Result is what one package held: every pool, for inventories, and
// every finding with the details the CLI's formats print.
type Result struct {
	Pools    []*group.Pool
	Findings []*report.Finding
}

// New returns a fresh analyzer with its own flags, so that a plugin can
// configure one without touching the global one.
func New() *analysis.Analyzer {
	cfg := &config{}
	a := &analysis.Analyzer{
		Name:       "poolcheck",
		Doc:        doc,
		URL:        docURL,
		ResultType: reflect.TypeFor[*Result](),
		Run:        cfg.run,
	}
	cfg.flags(&a.Flags)
	return a
}

func (cfg *config) run(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 {
		return &Result{}, nil
	}
	// The policy loads first: a bad one is an error wherever it applies.
	pol, err := cfg.policy(pass)
	if err != nil {
		return nil, err
	}
	// Most packages hold no pool setting: a cheap walk says so before
	// the inspector is built. Building it here, not requiring the inspect
	// pass, also lets it go when the package is done.
	if !find.Worth(pass.Files, pass.TypesInfo) {
		return &Result{}, nil
	}
	insp := inspector.New(pass.Files)
	found := find.Find(pass, insp)
	r := report.New(pass, pol, rules.Severity(cfg.minSeverity))
	pools := slices.DeleteFunc(group.Pools(found), func(p *group.Pool) bool {
		return r.Excluded(p.Items[0].Where) || !catalog.Judged(p.Driver)
	})
	for _, p := range pools {
		judge(r, pol, p)
	}
	for _, ch := range found.Checks {
		if !r.Excluded(ch.Where) {
			r.Check(ch)
		}
	}
	return &Result{Pools: pools, Findings: r.Flush()}, nil
}

// judge evaluates a pool in each distinct scope it is used in: a DSN in
// a named constant takes the scopes of the code that uses it, and where
// those scopes disagree about a setting the stricter verdict is reported.
func judge(r *report.Reporter, pol *rules.Policy, p *group.Pool) {
	places := r.Places(p)
	var all []placed
	for _, w := range places {
		p.Scopes = r.Scopes(w)
		p.Path = r.Rel(w.File)
		for _, v := range pol.Evaluate(p.Pool) {
			all = append(all, placed{w, v})
		}
	}
	if len(places) > 1 {
		all = stricter(all, places, r)
	}
	for _, x := range all {
		r.Violation(p, x.w, x.v)
	}
	if ch := sqliteMemory(p); ch != nil {
		r.Check(*ch)
	}
}
