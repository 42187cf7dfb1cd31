package analyzer

import (
	"fmt"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// fill summarizes, from source, the packages of the module that pass's
// package imports and that were not analyzed in this process.
// golangci-lint analyzes a package after everything it imports, so on
// a cold cache nothing is missing; on a warm one it skips the packages
// whose issues it has cached, and an unchanged package's summary is
// what a changed importer needs. The fallback loads them with
// go/packages (their imports from export data) and runs the analysis on
// them for their facts alone. A load that fails leaves them unknown, as
// a package that does not type-check is.
func (s *store) fill(cfg *config, pass *analysis.Pass) {
	if !inModule(pass) || len(pass.Files) == 0 || len(pass.TypeErrors) > 0 {
		return
	}
	mod := pass.Module.Path
	if len(s.missing(pass.Pkg, mod)) == 0 {
		return
	}
	s.fallbackMu.Lock()
	defer s.fallbackMu.Unlock()
	missing := s.missing(pass.Pkg, mod) // another fallback may have run meanwhile
	if len(missing) == 0 {
		return
	}
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	if err := s.load(cfg, dir, mod, missing); err != nil {
		// golangci-lint gives a plugin no other way to say it.
		fmt.Fprintf(os.Stderr, "poolcheck: %s: the packages it imports were not analyzed in this run and do not load (%v); findings that need their helpers or defaults are missing\n", pass.Pkg.Path(), err)
	}
}

// missing lists the packages of module mod that pkg imports, directly
// or not, and that have no entry.
func (s *store) missing(pkg *types.Package, mod string) []string {
	var out []string
	seen := make(map[*types.Package]bool)
	var walk func(*types.Package)
	walk = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if seen[imp] || !inPath(imp.Path(), mod) {
				continue
			}
			seen[imp] = true
			if !s.analyzed(imp) {
				out = append(out, imp.Path())
			}
			walk(imp)
		}
	}
	walk(pkg)
	return out
}

// inPath reports whether import path p is mod or below it.
func inPath(p, mod string) bool {
	return p == mod || strings.HasPrefix(p, mod+"/")
}

const (
	graphMode  = packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	sourceMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
)

// load summarizes the packages named and the packages of the module
// they import that have no entry either: the import graph comes first
// (export data hides imports that only function bodies use), then the
// packages from source, analyzed in import order.
func (s *store) load(cfg *config, dir, mod string, paths []string) error {
	graph, err := packages.Load(&packages.Config{Mode: graphMode, Dir: dir}, paths...)
	if err != nil {
		return err
	}
	var roots []string
	packages.Visit(graph, nil, func(p *packages.Package) {
		if inPath(p.PkgPath, mod) && !s.analyzedPath(p.PkgPath) {
			roots = append(roots, p.PkgPath)
		}
	})
	pkgs, err := packages.Load(&packages.Config{Mode: sourceMode, Dir: dir}, roots...)
	if err != nil {
		return err
	}
	want := make(map[string]bool)
	for _, r := range roots {
		want[r] = true
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if want[p.PkgPath] && p.Types != nil {
			if err := s.summarize(cfg, p); err != nil {
				errs = append(errs, err.Error())
			}
		}
	})
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

func (s *store) analyzedPath(path string) bool {
	s.mu.RLock()
	e := s.byPath[path]
	s.mu.RUnlock()
	return e != nil && e.done.Load()
}

// summarize runs the analysis on p for its facts; what it reports is
// dropped, as golangci-lint has it from its cache.
func (s *store) summarize(cfg *config, p *packages.Package) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error in poolcheck: %v", r)
		}
	}()
	pass := &analysis.Pass{
		Fset:       p.Fset,
		Files:      p.Syntax,
		Pkg:        p.Types,
		TypesInfo:  p.TypesInfo,
		TypesSizes: p.TypesSizes,
		TypeErrors: p.TypeErrors,
		ResultOf:   map[*analysis.Analyzer]any{},
		Report:     func(analysis.Diagnostic) {},
		ReadFile:   os.ReadFile,
	}
	if m := p.Module; m != nil {
		pass.Module = &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	pass, e := s.wrap(pass)
	defer e.done.Store(true)
	_, err = cfg.analyze(pass)
	return err
}
