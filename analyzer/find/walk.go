package find

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// walk visits calls, assignments and composite literals first, so that
// the strings they consume are marked, then every other string literal.
func (f *finder) walk() {
	root := f.insp.Root()
	for c := range root.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CompositeLit)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			f.call(c, n)
		case *ast.AssignStmt:
			f.assignStmt(c, n)
		case *ast.CompositeLit:
			f.compositeLit(c, n)
		}
	}
	f.instantiateForeign()
	f.settle(true)
	f.instantiateKeys()
	for c := range root.Preorder((*ast.BasicLit)(nil)) {
		if lit := c.Node().(*ast.BasicLit); lit.Kind == token.STRING && !f.used[lit] {
			f.stringLit(c, lit)
		}
	}
	// A DSN template found on its own (fmt.Sprintf("sslmode=%s", c.SSL)
	// that no sink takes) adds the fields that fill its verbs.
	f.settle(false)
}

// settle judges what the flows of parameters and fields found so far
// carry, until neither finds a new one: a parameter written into a field
// (WithLifetime(d) returning Option{lifetime: d}) makes a flow of the
// parameter, and a field passed to a helper one of the field. imported
// takes in the fields of imported packages as well.
func (f *finder) settle(imported bool) {
	for round := 0; round < 4 && (round == 0 || f.flowsDone < len(f.flows) || f.fieldsDone < len(f.fieldFlows)); round++ {
		f.flowsDone = f.instantiate(f.flowsDone)
		n := len(f.fieldFlows)
		f.instantiateFields(f.fieldFlows[f.fieldsDone:], imported && round == 0)
		f.fieldsDone = n
	}
}

// call dispatches a call by its callee.
func (f *finder) call(c inspector.Cursor, call *ast.CallExpr) {
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || !callNames()[fn.Name()] {
		return
	}
	key := funcKey(fn)
	if s, ok := sinkIndex()[key]; ok {
		f.sinkCall(c, call, s)
		return
	}
	if k, ok := methodIndex()[key]; ok {
		f.setter(c, call, k)
		return
	}
	if h, ok := callHooks[key]; ok {
		h(f, c, call)
	}
}

// funcKey spells a function as "pkg.Func" or "pkg.Recv.Method".
func funcKey(fn *types.Func) string {
	recv := fn.Signature().Recv()
	if recv == nil {
		return fn.Pkg().Path() + "." + fn.Name()
	}
	return fn.Pkg().Path() + "." + typeName(recv.Type()) + "." + fn.Name()
}

// typeName returns the name of a named type or pointer to one.
func typeName(t types.Type) string {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// callHooks handle calls that are neither sinks nor setters.
var callHooks = map[string]func(*finder, inspector.Cursor, *ast.CallExpr){
	"os.Setenv":                             (*finder).setenv,
	"testing.common.Setenv":                 (*finder).setenv,
	"testing.T.Setenv":                      (*finder).setenv,
	"testing.B.Setenv":                      (*finder).setenv,
	"testing.F.Setenv":                      (*finder).setenv,
	"testing.TB.Setenv":                     (*finder).setenv,
	"net/url.Values.Set":                    (*finder).urlValuesSet,
	"net/url.Values.Add":                    (*finder).urlValuesSet,
	pgxpoolPkg + ".NewWithConfig":           (*finder).poolFromConfig,
	"github.com/jackc/pgx/v5.ConnectConfig": (*finder).poolFromConfig,
}

const pgxpoolPkg = "github.com/jackc/pgx/v5/pgxpool"

// resultHandle returns the variable that receives the value of the
// expression at c, looking through &, conversions and enclosing calls:
// db in db, err := gorm.Open(postgres.Open(dsn)).
func (f *finder) resultHandle(c inspector.Cursor) Handle {
	scope := funcOf(c)
	child := c.Node()
	for p := c.Parent(); p.Index() >= 0; p = p.Parent() {
		switch n := p.Node().(type) {
		case *ast.UnaryExpr, *ast.ParenExpr, *ast.CallExpr, *ast.KeyValueExpr, *ast.CompositeLit:
			child = n
			continue
		case *ast.AssignStmt:
			return f.lhsHandle(scope, n.Lhs, n.Rhs, child)
		case *ast.ValueSpec:
			exprs := make([]ast.Expr, len(n.Names))
			for i, id := range n.Names {
				exprs[i] = id
			}
			return f.lhsHandle(scope, exprs, n.Values, child)
		}
		return Handle{}
	}
	return Handle{}
}

// lhsHandle picks the left-hand side that receives rhs value child.
func (f *finder) lhsHandle(scope ast.Node, lhs, rhs []ast.Expr, child ast.Node) Handle {
	if len(lhs) == 0 {
		return Handle{}
	}
	if len(lhs) == len(rhs) {
		for i, r := range rhs {
			if r == child {
				return f.handleOf(scope, lhs[i])
			}
		}
	}
	return f.handleOf(scope, lhs[0])
}
