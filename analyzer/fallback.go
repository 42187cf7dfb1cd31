package analyzer

import (
	"errors"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer/find"
)

// fill makes sure each package of the module that pass's package
// imports has a summary before the analysis reads it (see store).
func (s *store) fill(cfg *config, pass *analysis.Pass) {
	if !inModule(pass) || len(pass.Files) == 0 || len(pass.TypeErrors) > 0 {
		return
	}
	for _, imp := range pass.Pkg.Imports() {
		s.ensureModule(cfg, pass, imp.Path())
	}
}

// ensureModule ensures the summary of path when it is in pass's module.
func (s *store) ensureModule(cfg *config, pass *analysis.Pass, path string) {
	if inPath(path, pass.Module.Path) {
		s.ensure(cfg, pass, path)
	}
}

// inPath reports whether import path p is mod or below it.
func inPath(p, mod string) bool {
	return p == mod || strings.HasPrefix(p, mod+"/")
}

// ensure returns once the package at path has a summary: golangci-lint
// analyzed it, or another goroutine made its plain summary, or this one
// makes it now from source.
func (s *store) ensure(cfg *config, pass *analysis.Pass, path string) {
	if pkg := s.lookup(path); pkg != nil {
		s.mu.RLock()
		own := s.pkgs[pkg]
		s.mu.RUnlock()
		if own != nil {
			return
		}
	}
	e, mine := s.claim(path)
	if !mine {
		<-e.ready
		return
	}
	defer e.finish()
	s.fromSource(cfg, pass, path, e)
}

// plainFacts makes the plain package's summary from a test variant's
// non-test files: golangci-lint analyzes only the test variant of a
// package that has in-package tests, and its importers import the plain
// one.
func (s *store) plainFacts(cfg *config, pass *analysis.Pass, plain *entry) {
	defer plain.finish()
	plain.pkg = pass.Pkg
	p := s.wrap(pass, plain)
	p.Files = slices.DeleteFunc(slices.Clone(pass.Files), testFile(pass.Fset))
	p.Report = func(analysis.Diagnostic) {}
	if len(p.Files) > 0 {
		_, _ = cfg.analyze(p, true)
	}
}

// fromSource summarizes the package at path, which golangci-lint did not
// analyze: parsed from its directory and type-checked against the
// packages golangci-lint loaded; else, when one of its imports is not
// among those or it uses cgo, loaded with go/packages. A package that
// does not load has no summary, as one that does not type-check.
func (s *store) fromSource(cfg *config, pass *analysis.Pass, path string, e *entry) {
	files, imports, err := s.parse(pass.Fset, path)
	if errors.Is(err, errNoSource) {
		return
	}
	for _, imp := range imports {
		s.ensureModule(cfg, pass, imp)
	}
	var pkg *types.Package
	var info *types.Info
	if err == nil {
		pkg, info, err = s.check(pass, path, files)
	}
	if err != nil {
		p, err := loadOne(pass, path)
		if err != nil {
			return
		}
		for imp := range p.Imports {
			s.ensureModule(cfg, pass, imp)
		}
		pkg, info, files = p.Types, p.TypesInfo, p.Syntax
	}
	e.pkg = pkg
	s.mu.Lock()
	s.pkgs[pkg] = e
	s.mu.Unlock()
	p := s.wrap(pass, e)
	p.Files, p.Pkg, p.TypesInfo, p.TypeErrors = files, pkg, info, nil
	p.Report = func(analysis.Diagnostic) {}
	_, _ = cfg.analyze(p, true)
}

var (
	errNoSource = errors.New("no source")
	errCgo      = errors.New("cgo")
)

// parse reads the non-test files of the package at path that this
// platform builds, from the directory its export data names. A file
// golangci-lint compiled (one its declarations are in) is read whatever
// its build constraint; a file with a constraint that declares none of
// them is not: golangci-lint's build tags (run.build-tags), which the
// plugin is not told, left it out.
func (s *store) parse(fset *token.FileSet, path string) ([]*ast.File, []string, error) {
	dir, built := s.sourceOf(fset, path)
	if dir == "" {
		return nil, nil, errNoSource // no declaration an importer could name
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	var files []*ast.File
	var imports []string
	for _, de := range ents {
		name := de.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := build.Default.MatchFile(dir, name); !built[name] && (!ok || err != nil) {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, nil, err
		}
		if !built[name] && constrained(f) {
			continue
		}
		for _, is := range f.Imports {
			p, _ := strconv.Unquote(is.Path.Value)
			if p == "C" {
				return nil, nil, errCgo
			}
			imports = append(imports, p)
		}
		files = append(files, f)
	}
	return files, imports, nil
}

// constrained reports a file with a //go:build line.
func constrained(f *ast.File) bool {
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			return false
		}
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//go:build ") {
				return true
			}
		}
	}
	return false
}

// sourceOf returns the directory of the package at path, and the base
// names of the files its declarations (methods included) are in.
func (s *store) sourceOf(fset *token.FileSet, path string) (string, map[string]bool) {
	pkg := s.lookup(path)
	if pkg == nil {
		return "", nil
	}
	dir := ""
	built := make(map[string]bool)
	add := func(pos token.Pos) {
		if !pos.IsValid() {
			return
		}
		name := fset.Position(pos).Filename
		if dir == "" {
			dir = filepath.Dir(name)
		}
		built[filepath.Base(name)] = true
	}
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		add(obj.Pos())
		if n, ok := obj.Type().(*types.Named); ok && obj.Pkg() == pkg {
			for m := range n.Methods() {
				add(m.Pos())
			}
		}
	}
	return dir, built
}

// check type-checks files against the packages golangci-lint loaded.
// An import it did not load stands in as the summarized package of the
// module (a test variant, or one type-checked here), or, outside the
// module and of no project the finder reads (find.Reads), as an empty
// package: the finder follows values through the module's code and the
// packages it knows, and the type errors that leave elsewhere are
// ignored. Loading such an import with go/packages takes a second or
// more (seaweedfs: four packages, 5 s of which the other workers
// waited 3). Any other missing import, or a type error with no stand-in,
// is an error: the caller loads the package with go/packages.
func (s *store) check(pass *analysis.Pass, path string, files []*ast.File) (*types.Package, *types.Info, error) {
	var missing error
	standIn := false
	imp := importerFunc(func(p string) (*types.Package, error) {
		if p == "unsafe" {
			return types.Unsafe, nil
		}
		// Export data names packages it refers to without loading
		// them: such a package is incomplete, and no import.
		if pkg := s.lookup(p); pkg != nil && pkg.Complete() {
			return pkg, nil
		}
		if pkg := s.summarized(p); pkg != nil {
			standIn = true
			return pkg, nil
		}
		if inPath(p, pass.Module.Path) || find.Reads(p) {
			missing = errors.New("not loaded: " + p)
			return nil, missing
		}
		standIn = true
		return emptyPackage(p), nil
	})
	conf := &types.Config{Importer: imp, Sizes: pass.TypesSizes, Error: func(error) {}}
	if v := pass.Module.GoVersion; v != "" {
		conf.GoVersion = "go" + strings.TrimPrefix(v, "go")
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		Instances:    make(map[*ast.Ident]types.Instance),
		FileVersions: make(map[*ast.File]string),
	}
	pkg, err := conf.Check(path, pass.Fset, files, info)
	switch {
	case missing != nil:
		return nil, nil, missing
	case err != nil && !standIn:
		return nil, nil, err
	}
	return pkg, info, nil
}

// summarized returns the package whose summary the entry by path holds,
// once it is done: a test variant's, or one type-checked here.
func (s *store) summarized(path string) *types.Package {
	s.mu.RLock()
	e := s.byPath[path]
	s.mu.RUnlock()
	if e == nil || !e.done() {
		return nil
	}
	return e.pkg
}

// emptyPackage stands in for an import that nothing loaded and the
// finder does not read: complete, with nothing in it, named as the last
// element of its path (a file that names it otherwise, or uses it, has
// type errors, which check ignores).
func emptyPackage(path string) *types.Package {
	name := path[strings.LastIndexByte(path, '/')+1:]
	pkg := types.NewPackage(path, name)
	pkg.MarkComplete()
	return pkg
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// testHookLoadOne, set only by tests, sees each package loadOne loads.
var testHookLoadOne func(path string)

// loadOne loads the package at path from source with go/packages, its
// imports from export data.
func loadOne(pass *analysis.Pass, path string) (*packages.Package, error) {
	if testHookLoadOne != nil {
		testHookLoadOne(path)
	}
	const mode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
	dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
	// In pass's file set, which the analysis reads every position with.
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: dir, Fset: pass.Fset}, path)
	if err != nil {
		return nil, err
	}
	if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 || pkgs[0].Types == nil {
		return nil, errors.New("does not load")
	}
	return pkgs[0], nil
}
