// Package find is the first stage of the Go pipeline: it walks typed Go
// code and records every pool setting it can see, as DSN parameters,
// setter arguments and struct fields, with the handle each one configures
// and the source spans a fix may rewrite.
package find

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// Result is what Find saw in one package.
type Result struct {
	Items  []*Item
	Links  []Link  // handle aliases: sqlDB := gormDB.DB()
	Checks []Check // structural findings

	// What other packages of the module need to know of this one (the
	// analyzer exports them as facts, with Exports'): the flows of its
	// functions and the fields that reach a setting here.
	Flows   []Flow
	Reaches map[*types.Var][]Reach
	// KeyReaches are the viper keys read here whose values reach a
	// setting, with no default in this package.
	KeyReaches map[string][]Reach
}

// An Item is a DSN or a Go API setting, with its context.
type Item struct {
	Pool   *model.Pool    // a DSN's pool, or a pool of one API site
	Handle Handle         // what it configures; zero when it stands alone
	Driver catalog.Driver // the driver a sink names, "" when no sink does
	Where  Where
	Uses   []Where // for a DSN held in a named constant: where it is used
	Pos    token.Pos
	End    token.Pos
	// Memory is true for an in-memory SQLite DSN without a shared cache:
	// each pooled connection would open its own empty database.
	Memory bool
	// Guard is the driver of the branch the item is in (if dialect ==
	// "sqlite3" { ... }), "" outside such a branch.
	Guard catalog.Driver
}

// Where places a finding in the code, for scope and baselines.
type Where struct {
	File string // file name as the FileSet has it
	Func string // enclosing function, "" at package level
	Test bool   // in a _test.go file or a function taking *testing.T/B/F, testing.TB
}

// A Handle names what a setting configures: a variable (or a field path
// from one) within a function, or a composite literal.
type Handle struct {
	Scope ast.Node // enclosing function, nil at package level
	Obj   types.Object
	Path  string
	Lit   *ast.CompositeLit
	Call  *ast.CallExpr // a call of a function whose parameters reach a pool (flow.go)
}

// IsZero reports whether h names nothing.
func (h Handle) IsZero() bool { return h.Obj == nil && h.Lit == nil && h.Call == nil }

// A Link says that two handles are one pool.
type Link struct{ A, B Handle }

// A Check is a finding of a structural check.
type Check struct {
	Name    string // the policy's check name
	Pos     token.Pos
	End     token.Pos
	Where   Where
	Message string
	Fix     []analysis.TextEdit
	FixMsg  string
}

// Ref is the model.Site.Ref and model.Pool.Ref of Go findings.
type Ref struct {
	Pos, End token.Pos
	// Edit rewrites the value to raw, spelled in the knob's unit; nil
	// when the value cannot be edited in place.
	Edit func(raw string) ([]analysis.TextEdit, bool)
	// Add inserts a missing DSN parameter; nil on API sites.
	Add func(key, raw string) ([]analysis.TextEdit, bool)
	// Whole replaces the whole DSN; nil on API sites.
	Whole func(dsn string) ([]analysis.TextEdit, bool)
	Via   *types.Const // the named constant the value came through, of this package or (Foreign) another
	// Foreign is true for a value held in another package's constant:
	// that package reports what does not depend on where it is used.
	Foreign bool
	// ValueAt is where the value is written when that is not at Pos:
	// the declaration of the named constant a setter is given, or of
	// another package's constant that fills a DSN parameter.
	ValueAt token.Pos
	// Listed is where the setting is read when its value is a default
	// written elsewhere (Pos): the setter's argument, the template's
	// verb argument. -inventory lists the setting there.
	Listed token.Pos
	Where  Where
}

// finder holds the per-package state of one Find call.
type finder struct {
	sums    Summaries
	testPkg bool // the package is test code: a helper for tests
	fset    *token.FileSet
	info    *types.Info
	pkg     *types.Package
	files   []*ast.File
	insp    *inspector.Inspector
	tokens  map[string]*token.File    // the file set's files by name, built on first use (writtenAt)
	consts  map[*types.Const]ast.Expr // built on first use, with vars
	vars    map[*types.Var]*varInfo
	// flagVars, funcs and fallbacks are built with consts and vars:
	// flag.XxxVar(&v, ...) calls by v, function declarations by object,
	// and the parameter each function returns as a fallback.
	flagVars  map[*types.Var]*ast.CallExpr
	funcs     map[*types.Func]*ast.FuncDecl
	fallbacks map[*types.Func]int
	// flagCalls, configDefaults and viperBinds are built with them too:
	// flag definitions, SetDefault calls of viper-like objects, and
	// whether the package binds its flags to viper.
	flagCalls      []*ast.CallExpr
	configDefaults []configDefault
	viperBinds     bool
	keyReaches     map[string][]Reach   // viper keys read here that reach a setting
	following      map[*types.Func]bool // functions whose returned text is being read
	flows          []flow               // parameters that reach a pool setting or a DSN sink
	fieldFlows     []fieldFlow          // fields of the application's structs that reach one
	flowsDone      int                  // flows and fieldFlows judged so far
	fieldsDone     int
	used           map[ast.Node]bool // expressions already read as part of a DSN
	res            *Result

	constUses map[*types.Const][]token.Pos // built on first use
	created   map[Handle]token.Pos         // pool configs handed to a constructor, and where
}

// Find walks files, of the package of pass, and returns what it found;
// insp inspects those files. All the code of a test package (testPkg)
// is test code.
func Find(pass *analysis.Pass, files []*ast.File, insp *inspector.Inspector, testPkg bool, sums Summaries) *Result {
	if sums == nil {
		sums = noSummaries{}
	}
	f := &finder{
		sums:    sums,
		testPkg: testPkg,
		fset:    pass.Fset,
		info:    pass.TypesInfo,
		pkg:     pass.Pkg,
		files:   files,
		insp:    insp,
		used:    make(map[ast.Node]bool),
		res:     &Result{},
	}
	f.walk()
	f.summarize()
	return f.res
}
