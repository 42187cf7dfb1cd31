package analyzer

import (
	"go/types"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"
)

// A store keeps the summaries of the packages one process analyzes,
// for a driver that runs the whole module in one process, importers
// after their imports: golangci-lint. There an analyzer with FactTypes
// makes golangci-lint type-check every dependency from source, the
// standard library included, on a cold cache (2.4 × its run with a
// no-op analyzer on a 400-package module); the same summaries kept
// here cost nothing of the kind. What golangci-lint did not analyze in
// this run (a package whose issues it took from its cache, or one
// outside the patterns) is summarized from source on demand (see
// fallback.go).
//
// The store answers the fact functions of a pass: a package's own
// facts under its *types.Package, as the importers of a package
// golangci-lint type-checked from source see the same objects; a
// package summarized by the fallback, loaded apart, is found by path
// and its objects by object path.
type store struct {
	mu     sync.RWMutex
	pkgs   map[*types.Package]*entry
	byPath map[string]*entry // the plain variant of each path (no _test.go file)

	fallbackMu sync.Mutex // one fallback load at a time
}

// entry holds one package's facts.
type entry struct {
	pkg  *types.Package
	done atomic.Bool // its analysis has finished: the facts are all there
	mu   sync.RWMutex
	objs map[factKey]analysis.Fact
	own  []analysis.Fact // package facts
}

type factKey struct {
	obj types.Object
	t   reflect.Type
}

func newStore() *store {
	return &store{pkgs: make(map[*types.Package]*entry), byPath: make(map[string]*entry)}
}

// wrap records pass's package and returns a copy of pass whose fact
// functions use the store, and the package's entry, to be marked done
// when the analysis ends.
func (s *store) wrap(pass *analysis.Pass) (*analysis.Pass, *entry) {
	e := s.add(pass.Pkg, !hasTestFile(pass))
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
	return &p, e
}

func (s *store) add(pkg *types.Package, plain bool) *entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.pkgs[pkg]
	if e == nil {
		e = &entry{pkg: pkg, objs: make(map[factKey]analysis.Fact)}
		s.pkgs[pkg] = e
	}
	if plain && s.byPath[pkg.Path()] == nil {
		s.byPath[pkg.Path()] = e
	}
	return e
}

// find returns the entry of pkg: its own, else that of the package
// analyzed under its path.
func (s *store) find(pkg *types.Package) *entry {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if e := s.pkgs[pkg]; e != nil {
		return e
	}
	return s.byPath[pkg.Path()]
}

// analyzed reports whether pkg, or its path, has been analyzed.
func (s *store) analyzed(pkg *types.Package) bool {
	e := s.find(pkg)
	return e != nil && e.done.Load()
}

func (s *store) importObj(obj types.Object, f analysis.Fact) bool {
	if obj.Pkg() == nil {
		return false
	}
	e := s.find(obj.Pkg())
	if e == nil {
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
	for _, f := range pass.Files {
		if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			return true
		}
	}
	return false
}
