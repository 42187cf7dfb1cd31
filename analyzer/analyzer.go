package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"
	"strings"

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
	return newAnalyzer(&config{}, factTypes)
}

// NewInProcess returns a fresh analyzer that keeps the summaries it
// passes from a package to its importers in memory, not in analysis
// facts: for golangci-lint, which runs the module in one process,
// imports first, and which type-checks every dependency from source
// for an analyzer that has facts (see store.go).
func NewInProcess() *analysis.Analyzer {
	return newAnalyzer(&config{store: newStore()}, nil)
}

func newAnalyzer(cfg *config, facts []analysis.Fact) *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:       "poolcheck",
		Doc:        doc,
		URL:        docURL,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  facts,
		// A dependency with type errors (a package that needs cgo, a
		// test variant that does not build) must not fail the packages
		// that import it, as a failed action would: run is given the
		// package and returns nothing for it (see run).
		RunDespiteErrors: true,
		Run:              cfg.run,
	}
	cfg.flags(&a.Flags)
	return a
}

// testHookRun, set only by tests, runs first in every package: it lets a
// test make the analysis panic.
var testHookRun func(*analysis.Pass)

func (cfg *config) run(pass *analysis.Pass) (res any, err error) {
	// A bug must not crash the run: the package fails with a message
	// (exit 2) and the others are still analysed.
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("internal error in poolcheck: %v; please report it with this package", r)
		}
	}()
	if testHookRun != nil {
		testHookRun(pass)
	}
	if cfg.store != nil {
		var done func()
		pass, done = cfg.store.begin(cfg, pass)
		defer done()
	}
	r, err := cfg.analyze(pass, false)
	if err != nil {
		return nil, err
	}
	return r, nil
}

// analyze finds and judges the pool settings of one package; with
// factsOnly, it only computes the summaries its importers need.
func (cfg *config) analyze(pass *analysis.Pass, factsOnly bool) (*Result, error) {
	if len(pass.Files) == 0 || len(pass.TypeErrors) > 0 || pass.TypesInfo == nil || pass.TypesInfo.Types == nil {
		// No syntax or no types (a dependency read from export data, or
		// one go/packages type-checked without recording them), or code
		// that does not type-check: the loader reports its errors.
		return &Result{}, nil
	}
	if cfg.moduleOnly && outside(pass) {
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
	files := pass.Files
	if !cfg.generated {
		files = slices.DeleteFunc(slices.Clone(files), generated)
	}
	// A package of the module tells the packages that import it about
	// its helpers and defaults, whether it configures a pool or not.
	mod := inModule(pass)
	factsOnly = factsOnly || cfg.factsOnly(pass)
	if factsOnly && !mod {
		return &Result{}, nil
	}
	sums := &summaries{pass: pass}
	var ex find.Exported
	if mod {
		ex = find.Exports(pass.Fset, files, pass.TypesInfo, sums.Fallback)
	}
	var summarized func(types.Object) bool
	if mod {
		summarized = sums.knows
	}
	if !find.Worth(files, pass.TypesInfo, summarized) {
		if mod {
			exportFacts(pass, ex, nil)
		}
		return &Result{}, nil
	}
	insp := inspector.New(files)
	found := find.Find(pass, files, insp, cfg.testPackage(pass.Pkg), sums)
	if factsOnly {
		// Judged all the same, for what it reports on its constants
		// (exportConstFacts), but silently.
		quiet := *pass
		quiet.Report = func(analysis.Diagnostic) {}
		pass = &quiet
	}
	r := report.New(pass, files, pol, rules.Severity(cfg.minSeverity))
	r.Inline = !cfg.related
	r.Reported = func(c *types.Const, rule, key, found string) bool { return reported(pass, c, rule, key, found) }
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
	findings := r.Flush()
	if mod {
		exportFacts(pass, ex, found)
		exportConstFacts(pass, findings)
	}
	if factsOnly {
		return &Result{}, nil
	}
	return &Result{Pools: pools, Findings: findings}, nil
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

// generated reports a generated file: a "// Code generated ... DO NOT
// EDIT." comment before the package clause. cgo's rewrite of a file
// that imports "C" says so too, but it is the user's code (its //line
// directives map it back), so it is not generated here.
func generated(f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "// Code generated by cmd/cgo;") {
				return false
			}
		}
	}
	return true
}
