package analyzer_test

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer"
)

// xpkg are the fixture packages whose findings need another package's
// summary.
var xpkg = []string{"fixtures/src/xpkg/config", "fixtures/src/xpkg/store", "fixtures/src/xpkg/app", "fixtures/src/xpkg/setup", "fixtures/src/xpkg/cmd"}

// TestInProcess: the analyzer golangci-lint runs, which keeps summaries
// in memory, reports what the analyzer with facts reports, when it sees
// every package, imports first (golangci-lint on a cold cache), and when
// it sees only the importer (golangci-lint took the others' issues from
// its cache): then it summarizes them from source.
func TestInProcess(t *testing.T) {
	t.Parallel()
	var want []string
	for _, r := range analysistest.Run(t, fixtures, analyzer.New(), xpkg...) {
		want = append(want, diagLines(r.Pass, r.Diagnostics)...)
	}
	want = sortedSet(want)
	if len(want) == 0 {
		t.Fatal("the facts analyzer reports nothing on xpkg")
	}
	pkgs := loadFixtures(t, xpkg...)
	t.Run("all", func(t *testing.T) {
		got := runInProcess(t, pkgs, func(*packages.Package) bool { return true })
		sameSet(t, got, want)
	})
	// With tests on, golangci-lint analyzes a package that has in-package
	// tests only as its test variant, which may run after the importers
	// of the plain package (then they make its summary from source) or
	// before (then the test variant makes it from its non-test files).
	variants := golangciPackages(pkgs)
	var every []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if slices.Contains(pkgs, p) && !strings.HasSuffix(p.ID, ".test") {
			every = append(every, p)
		}
	})
	plainFirst := slices.Clone(every)
	slices.SortStableFunc(plainFirst, func(a, b *packages.Package) int {
		return cmp.Compare(strings.Count(a.ID, " ["), strings.Count(b.ID, " ["))
	})
	schedules := map[string][]*packages.Package{
		"one at a time":                  every, // a package and its test variant both
		"one at a time, variants last":   plainFirst,
		"test variants, imports first":   variants,
		"test variants, importers first": variants,
	}
	for name, pkgs := range schedules {
		t.Run(name, func(t *testing.T) {
			list := slices.Clone(pkgs)
			if strings.HasSuffix(name, "importers first") {
				slices.Reverse(list)
			}
			a := analyzer.NewInProcess()
			var got []string
			for _, p := range list {
				lines, err := runPass(a, p)
				if err != nil {
					t.Errorf("%s: %v", p.ID, err)
				}
				got = append(got, lines...)
			}
			sameSet(t, sortedSet(got), want)
		})
	}
	for _, name := range []string{"app", "cmd"} {
		t.Run("importer only, "+name, func(t *testing.T) {
			only := func(p *packages.Package) bool { return p.PkgPath == "fixtures/src/xpkg/"+name }
			got := runInProcess(t, pkgs, only)
			var wantOnly []string
			for _, l := range want {
				if strings.Contains(l, "/xpkg/"+name+"/") {
					wantOnly = append(wantOnly, l)
				}
			}
			if len(wantOnly) == 0 {
				t.Fatalf("the facts analyzer reports nothing in xpkg/%s", name)
			}
			sameSet(t, got, wantOnly)
		})
	}
}

// TestInProcessBuildTags: golangci-lint loads the packages with its
// build tags (run.build-tags), which the plugin is not told. A package
// it summarizes from source is read with the files golangci-lint
// compiled: the one with a pooltag constraint, not the !pooltag one.
func TestInProcessBuildTags(t *testing.T) {
	t.Parallel()
	pkgs := loadFixturesFlags(t, []string{"-tags=pooltag"}, "fixtures/src/xpkg/tagged", "fixtures/src/xpkg/taguse")
	var want []string
	for _, l := range runInProcess(t, pkgs, func(*packages.Package) bool { return true }) {
		if strings.Contains(l, "/xpkg/taguse/") {
			want = append(want, l)
		}
	}
	if len(want) == 0 {
		t.Fatal("with the pooltag tag, nothing is reported in xpkg/taguse")
	}
	only := func(p *packages.Package) bool { return p.PkgPath == "fixtures/src/xpkg/taguse" }
	sameSet(t, runInProcess(t, pkgs, only), want)
}

// golangciPackages are the packages golangci-lint analyzes with tests
// on, imports first: a package's test variant in place of the package,
// and no test main.
func golangciPackages(pkgs []*packages.Package) []*packages.Package {
	tested := make(map[string]bool)
	for _, p := range pkgs {
		if strings.HasPrefix(p.ID, p.PkgPath+" [") {
			tested[p.PkgPath] = true
		}
	}
	var out []*packages.Package
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		shadowed := p.ID == p.PkgPath && tested[p.PkgPath]
		if slices.Contains(pkgs, p) && !shadowed && !strings.HasSuffix(p.ID, ".test") {
			out = append(out, p)
		}
	})
	return out
}

func loadFixtures(t *testing.T, paths ...string) []*packages.Package {
	t.Helper()
	return loadFixturesFlags(t, nil, paths...)
}

func loadFixturesFlags(t *testing.T, flags []string, paths ...string) []*packages.Package {
	t.Helper()
	cfg := &packages.Config{
		BuildFlags: flags,
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir:   fixtures,
		Tests: true,
		Env:   append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("fixtures do not load")
	}
	return pkgs
}

// runInProcess analyzes the packages that analyze selects with one
// in-process analyzer, as golangci-lint does: each package in a goroutine
// of its own that starts when everything it imports is done.
func runInProcess(t *testing.T, pkgs []*packages.Package, analyze func(*packages.Package) bool) []string {
	t.Helper()
	a := analyzer.NewInProcess()
	done := make(map[*packages.Package]chan struct{})
	packages.Visit(pkgs, nil, func(p *packages.Package) { done[p] = make(chan struct{}) })
	var (
		mu  sync.Mutex
		got []string
		wg  sync.WaitGroup
	)
	for p, ch := range done {
		wg.Go(func() {
			defer close(ch)
			for _, imp := range p.Imports {
				<-done[imp]
			}
			if !slices.Contains(pkgs, p) || !analyze(p) || strings.HasSuffix(p.ID, ".test") {
				return
			}
			lines, err := runPass(a, p)
			if err != nil {
				t.Errorf("%s: %v", p.ID, err)
			}
			mu.Lock()
			got = append(got, lines...)
			mu.Unlock()
		})
	}
	wg.Wait()
	return sortedSet(got)
}

// runPass runs a on p and returns its diagnostics as lines.
func runPass(a *analysis.Analyzer, p *packages.Package) ([]string, error) {
	var diags []analysis.Diagnostic
	pass := &analysis.Pass{
		Analyzer: a, Fset: p.Fset, Files: p.Syntax, Pkg: p.Types, TypesInfo: p.TypesInfo, TypesSizes: p.TypesSizes,
		ResultOf: map[*analysis.Analyzer]any{},
		Report:   func(d analysis.Diagnostic) { diags = append(diags, d) },
		ReadFile: os.ReadFile,
		Module:   &analysis.Module{Path: p.Module.Path, GoVersion: p.Module.GoVersion},
	}
	_, err := a.Run(pass)
	return diagLines(pass, diags), err
}

func diagLines(pass *analysis.Pass, diags []analysis.Diagnostic) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s: %s", pass.Fset.Position(d.Pos), d.Message))
	}
	return out
}

func sortedSet(s []string) []string {
	slices.Sort(s)
	return slices.Compact(s)
}

func sameSet(t *testing.T, got, want []string) {
	t.Helper()
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("missing: %s", l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("unexpected: %s", l)
		}
	}
}

// TestInProcessExportData: golangci-lint gives the plugin each import of
// an analyzed package as export data, which names only the packages its
// API uses. xpkg/store uses example.com/trie, which poolcheck does not
// read, only in a function body, so app's view lacks it; summarizing
// store from source for app type-checks it with an empty trie in its
// place rather than loading it with go/packages, and app's findings are
// the facts analyzer's. Not parallel: the hook is global.
func TestInProcessExportData(t *testing.T) {
	var (
		mu     sync.Mutex
		loaded []string
	)
	analyzer.SetTestHookLoadOne(func(p string) {
		mu.Lock()
		defer mu.Unlock()
		loaded = append(loaded, p)
	})
	defer analyzer.SetTestHookLoadOne(nil)
	const app = "fixtures/src/xpkg/app"
	var want []string
	for _, r := range analysistest.Run(t, fixtures, analyzer.New(), app) {
		for _, l := range diagLines(r.Pass, r.Diagnostics) {
			if strings.Contains(l, "/xpkg/app/app.go:") {
				want = append(want, l)
			}
		}
	}
	if len(want) == 0 {
		t.Fatal("the facts analyzer reports nothing in xpkg/app/app.go")
	}
	root := loadLikeGolangci(t, app)
	pkgs := []*packages.Package{root}
	for _, imp := range pkgs[0].Types.Imports() {
		if imp.Path() == "fixtures/src/xpkg/store" && slices.ContainsFunc(imp.Imports(), func(p *types.Package) bool { return p.Path() == "example.com/trie" }) {
			t.Fatal("store's export data names example.com/trie: the test no longer tests the stand-in")
		}
	}
	got, err := runPass(analyzer.NewInProcess(), pkgs[0])
	if err != nil {
		t.Fatal(err)
	}
	sameSet(t, sortedSet(got), sortedSet(want))
	t.Logf("loaded with go/packages: %v", loaded)
	if slices.Contains(loaded, "fixtures/src/xpkg/store") {
		t.Errorf("store was loaded with go/packages (loaded: %v); want it type-checked with trie stood in", loaded)
	}
}

// loadLikeGolangci loads path as golangci-lint does: every dependency
// from its own export data, imports first, so that each is complete and
// names only the imports its API uses; path itself parsed and
// type-checked against them.
func loadLikeGolangci(t *testing.T, path string) *packages.Package {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedDeps | packages.NeedExportFile | packages.NeedTypesSizes | packages.NeedModule,
		Dir: fixtures,
		Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, path)
	if err != nil || len(pkgs) != 1 || packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("load %s: %v", path, err)
	}
	fset := token.NewFileSet()
	loaded := map[string]*types.Package{"unsafe": types.Unsafe}
	var read func(p *packages.Package)
	read = func(p *packages.Package) {
		if loaded[p.PkgPath] != nil && loaded[p.PkgPath].Complete() {
			return
		}
		for _, imp := range p.Imports {
			read(imp)
		}
		data, err := os.ReadFile(p.ExportFile)
		if err == nil {
			// go list -export gives the compiler's archives, which
			// golangci-lint reads this way too.
			var r io.Reader
			r, err = gcexportdata.NewReader(bytes.NewReader(data)) //nolint:staticcheck // archives, as golangci-lint v2.15.0 reads them
			if err == nil {
				_, err = gcexportdata.Read(r, fset, loaded, p.PkgPath)
			}
		}
		if err != nil {
			t.Fatalf("%s: %v", p.PkgPath, err)
		}
	}
	root := pkgs[0]
	for _, imp := range root.Imports {
		read(imp)
	}
	var files []*ast.File
	for _, name := range root.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{},
		Implicits: map[ast.Node]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
		Scopes: map[ast.Node]*types.Scope{}, Instances: map[*ast.Ident]types.Instance{}, FileVersions: map[*ast.File]string{},
	}
	imp := importerFunc(func(p string) (*types.Package, error) {
		if pkg := loaded[root.Imports[p].PkgPath]; pkg != nil {
			return pkg, nil
		}
		return nil, fmt.Errorf("%s not loaded", p)
	})
	conf := &types.Config{Importer: imp, Sizes: root.TypesSizes}
	pkg, err := conf.Check(root.PkgPath, fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	root.Fset, root.Syntax, root.Types, root.TypesInfo = fset, files, pkg, info
	return root
}

type importerFunc func(string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
