package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// A store keeps the summaries of the packages one process analyzes,
// for a driver that runs the whole module in one process: golangci-lint.
// There an analyzer with FactTypes makes golangci-lint type-check every
// dependency from source, the standard library included, on a cold
// cache (2.4 × its run with a no-op analyzer on a 400-package module);
// the same summaries kept here cost nothing of the kind.
//
// golangci-lint runs a package after everything it imports, and a
// package it analyzes shares its *types.Package with its importers: its
// entry is found under that. But with tests on it analyzes a package
// that has in-package tests only as its test variant, which nothing
// imports and which may run after the importers of the plain package.
// So the plain package's summary has an entry of its own, by path: the
// test variant computes it from its non-test files, or the first
// importer that needs it first computes it from source (fallback.go),
// and whoever comes second waits for it. An entry is claimed before it
// is computed and those waits follow imports, so they cannot cycle.
//
// An entry computed apart from golangci-lint's load has objects of its
// own: a lookup finds the same object by its object path.
type store struct {
	mu       sync.RWMutex
	pkgs     map[*types.Package]*entry
	byPath   map[string]*entry         // the plain package's summary
	universe map[string]*types.Package // every package seen, by path, for type-checking from source
	seen     map[*types.Package]bool
}

// entry holds one package's facts.
type entry struct {
	pkg   *types.Package // set before ready is closed
	ready chan struct{}
	once  sync.Once
	mu    sync.RWMutex
	objs  map[factKey]analysis.Fact
	own   []analysis.Fact // package facts
}

type factKey struct {
	obj types.Object
	t   reflect.Type
}

func newStore() *store {
	return &store{
		pkgs:     make(map[*types.Package]*entry),
		byPath:   make(map[string]*entry),
		universe: make(map[string]*types.Package),
		seen:     make(map[*types.Package]bool),
	}
}

func newEntry(pkg *types.Package) *entry {
	return &entry{pkg: pkg, ready: make(chan struct{}), objs: make(map[factKey]analysis.Fact)}
}

// finish marks the entry's facts complete.
func (e *entry) finish() { e.once.Do(func() { close(e.ready) }) }

func (e *entry) done() bool {
	select {
	case <-e.ready:
		return true
	default:
		return false
	}
}

// begin prepares a golangci-lint pass: it records the package, makes the
// summaries of the module's packages it imports, and, for a test
// variant, the plain package's summary. It returns the pass to analyze
// and what to call when the analysis ends.
func (s *store) begin(cfg *config, pass *analysis.Pass) (*analysis.Pass, func()) {
	test := hasTestFile(pass)
	e := newEntry(pass.Pkg)
	s.mu.Lock()
	s.pkgs[pass.Pkg] = e
	if !test && s.byPath[pass.Pkg.Path()] == nil {
		s.byPath[pass.Pkg.Path()] = e // for packages type-checked apart
	}
	s.mu.Unlock()
	s.record(pass.Pkg, !test)
	var plain *entry
	// An external test package and a main package have no importers.
	if test && !strings.HasSuffix(pass.Pkg.Path(), "_test") && pass.Pkg.Name() != "main" {
		if pe, mine := s.claim(pass.Pkg.Path()); mine {
			plain = pe // else the plain package, or an importer, made it
		}
	}
	p := s.wrap(pass, e)
	s.fill(cfg, p)
	if plain != nil {
		s.plainFacts(cfg, p, plain)
	}
	return p, e.finish
}

// claim returns the by-path entry of path and whether the caller made
// it, and so must compute it and finish it.
func (s *store) claim(path string) (*entry, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.byPath[path]; e != nil {
		return e, false
	}
	e := newEntry(nil)
	s.byPath[path] = e
	return e, true
}

// record adds pkg, when plain, and everything it imports to the universe.
func (s *store) record(pkg *types.Package, plain bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if plain && s.universe[pkg.Path()] == nil {
		s.universe[pkg.Path()] = pkg
	}
	var walk func(*types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if s.seen[imp] {
				continue
			}
			s.seen[imp] = true
			if s.universe[imp.Path()] == nil {
				s.universe[imp.Path()] = imp
			}
			walk(imp)
		}
	}
	walk(pkg)
}

func (s *store) lookup(path string) *types.Package {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.universe[path]
}

// wrap returns a copy of pass whose fact functions use the store and
// whose exports go to e.
func (s *store) wrap(pass *analysis.Pass, e *entry) *analysis.Pass {
	p := *pass
	p.ExportObjectFact = e.setObj
	p.ExportPackageFact = e.setPkg
	p.ImportObjectFact = s.importObj
	p.ImportPackageFact = func(pkg *types.Package, f analysis.Fact) bool {
		if e := s.find(pkg); e != nil {
			return e.getPkg(f)
		}
		return false
	}
	mod := ""
	if inModule(pass) {
		mod = pass.Module.Path
	}
	p.AllObjectFacts = func() []analysis.ObjectFact { return s.allObj(pass.Pkg, mod) }
	p.AllPackageFacts = func() []analysis.PackageFact { return s.allPkg(pass.Pkg, mod) }
	return &p
}

// find returns the entry of pkg: its own (golangci-lint analyzed it, so
// before its importers), else the plain summary of its path once it is
// complete (fill waits for those).
func (s *store) find(pkg *types.Package) *entry {
	s.mu.RLock()
	own, plain := s.pkgs[pkg], s.byPath[pkg.Path()]
	s.mu.RUnlock()
	switch {
	case own != nil:
		return own
	case plain != nil && plain.done():
		return plain
	}
	return nil
}

func (s *store) importObj(obj types.Object, f analysis.Fact) bool {
	if obj.Pkg() == nil {
		return false
	}
	e := s.find(obj.Pkg())
	if e == nil || e.pkg == nil {
		return false
	}
	if e.pkg != obj.Pkg() {
		// Another load of the package: the same object by its path.
		p, err := objectpath.For(obj)
		if err != nil {
			return false
		}
		if obj, err = objectpath.Object(e.pkg, p); err != nil {
			return false
		}
	}
	return e.getObj(obj, f)
}

func (e *entry) setObj(obj types.Object, f analysis.Fact) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.objs[factKey{obj, reflect.TypeOf(f)}] = f
}

func (e *entry) getObj(obj types.Object, f analysis.Fact) bool {
	e.mu.RLock()
	got := e.objs[factKey{obj, reflect.TypeOf(f)}]
	e.mu.RUnlock()
	return copyFact(got, f)
}

func (e *entry) setPkg(f analysis.Fact) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for i, g := range e.own {
		if reflect.TypeOf(g) == reflect.TypeOf(f) {
			e.own[i] = f
			return
		}
	}
	e.own = append(e.own, f)
}

func (e *entry) getPkg(f analysis.Fact) bool {
	e.mu.RLock()
	defer e.mu.RUnlock()
	for _, g := range e.own {
		if copyFact(g, f) {
			return true
		}
	}
	return false
}

// copyFact copies from into to, as an analysis driver's import does,
// when both have the same type.
func copyFact(from, to analysis.Fact) bool {
	if from == nil || reflect.TypeOf(from) != reflect.TypeOf(to) {
		return false
	}
	reflect.ValueOf(to).Elem().Set(reflect.ValueOf(from).Elem())
	return true
}

// closure calls visit with the entry of pkg and of each package of
// module mod it imports, directly or not, that has one: only packages of
// the main module have facts (inModule), and the standard library under
// a package is most of its imports. With no module, every import.
func (s *store) closure(pkg *types.Package, mod string, visit func(*entry)) {
	seen := make(map[*types.Package]bool)
	var walk func(*types.Package)
	walk = func(p *types.Package) {
		if seen[p] {
			return
		}
		seen[p] = true
		if e := s.find(p); e != nil {
			visit(e)
		}
		for _, imp := range p.Imports() {
			if mod == "" || inPath(imp.Path(), mod) {
				walk(imp)
			}
		}
	}
	walk(pkg)
}

func (s *store) allObj(pkg *types.Package, mod string) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	s.closure(pkg, mod, func(e *entry) {
		e.mu.RLock()
		defer e.mu.RUnlock()
		for k, f := range e.objs {
			out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
		}
	})
	return out
}

func (s *store) allPkg(pkg *types.Package, mod string) []analysis.PackageFact {
	var out []analysis.PackageFact
	s.closure(pkg, mod, func(e *entry) {
		e.mu.RLock()
		defer e.mu.RUnlock()
		for _, f := range e.own {
			out = append(out, analysis.PackageFact{Package: e.pkg, Fact: f})
		}
	})
	return out
}

// hasTestFile reports a test variant: a package with a _test.go file.
func hasTestFile(pass *analysis.Pass) bool {
	return slices.ContainsFunc(pass.Files, testFile(pass.Fset))
}

// testFile returns a predicate for the _test.go files of fset.
func testFile(fset *token.FileSet) func(*ast.File) bool {
	return func(f *ast.File) bool { return strings.HasSuffix(fset.File(f.Pos()).Name(), "_test.go") }
}
