package find

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/catalog"
)

// dialects maps the words code compares a dialect or driver name with
// to drivers: the database/sql driver names (catalog.ForSQLName), and
// dialect names that are not driver names.
var dialects = map[string]catalog.Driver{
	"postgresql": catalog.Postgres,
	"mariadb":    catalog.MySQL,
}

// guard returns the driver that the innermost branch around c is taken
// for: the body of if dialect == "sqlite3" { ... }, or a case "mysql":
// of a switch, within the function. Settings there bind to that driver
// even when the variable they configure is opened for several.
func (f *finder) guard(c inspector.Cursor) catalog.Driver {
	var child ast.Node
	for p := range c.Enclosing() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return ""
		case *ast.IfStmt:
			if child == n.Body {
				if d := f.compared(n.Cond); d != "" {
					return d
				}
			}
		case *ast.CaseClause:
			if child != nil && !isCaseExpr(n, child) {
				if d := f.caseDriver(n); d != "" {
					return d
				}
			}
		}
		child = p.Node()
	}
	return ""
}

func isCaseExpr(cc *ast.CaseClause, n ast.Node) bool {
	for _, e := range cc.List {
		if e == n {
			return true
		}
	}
	return false
}

// compared returns the driver a condition compares with: x == "sqlite3",
// or a || of such comparisons that all name one family.
func (f *finder) compared(cond ast.Expr) catalog.Driver {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return ""
	}
	switch b.Op {
	case token.EQL:
		if d := f.driverWord(b.X); d != "" {
			return d
		}
		return f.driverWord(b.Y)
	case token.LOR:
		x, y := f.compared(b.X), f.compared(b.Y)
		if x != "" && y != "" && family(x) == family(y) {
			return x
		}
	}
	return ""
}

// caseDriver returns the driver the constants of a case name, when they
// all name one family.
func (f *finder) caseDriver(cc *ast.CaseClause) catalog.Driver {
	var d catalog.Driver
	for _, e := range cc.List {
		w := f.driverWord(e)
		if w == "" || d != "" && family(d) != family(w) {
			return ""
		}
		if d == "" {
			d = w
		}
	}
	return d
}

// driverWord returns the driver a constant string names.
func (f *finder) driverWord(e ast.Expr) catalog.Driver {
	s, ok := f.constString(e)
	if !ok {
		return ""
	}
	if d, ok := catalog.ForSQLName(s); ok {
		return d
	}
	return dialects[s]
}

func family(d catalog.Driver) string {
	if info := catalog.Info(d); info != nil {
		return info.Family
	}
	return ""
}
