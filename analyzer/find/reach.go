package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// guarded reports whether the code at c runs only under a condition that
// a default value fails: if *maxIdle >= 0 { db.SetMaxIdleConns(*maxIdle) }
// with the flag's default -1 never calls the setter. e is the expression
// the setter reads and v its default.
func (f *finder) guarded(c inspector.Cursor, e ast.Expr, v constant.Value) bool {
	text := types.ExprString(ast.Unparen(e))
	var child ast.Node
	for p := range c.Enclosing() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child == n.Body && f.fails(n.Cond, text, v) {
				return true
			}
		}
		child = p.Node()
	}
	return false
}

// fails reports whether cond, a comparison of the expression spelled
// text with a constant (or && of such), is false when it holds v.
func (f *finder) fails(cond ast.Expr, text string, v constant.Value) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	if b.Op == token.LAND {
		return f.fails(b.X, text, v) || f.fails(b.Y, text, v)
	}
	x, y, op := b.X, b.Y, b.Op
	if types.ExprString(ast.Unparen(y)) == text { // 0 <= x
		x, y, op = y, x, mirror[op]
	}
	if op == token.ILLEGAL || types.ExprString(ast.Unparen(x)) != text {
		return false
	}
	tv, ok := f.info.Types[y]
	if !ok || tv.Value == nil || tv.Value.Kind() != v.Kind() {
		return false
	}
	return !constant.Compare(v, op, tv.Value)
}

// mirror swaps the operands of a comparison: a < b is b > a.
var mirror = map[token.Token]token.Token{
	token.LSS: token.GTR, token.GTR: token.LSS, token.LEQ: token.GEQ, token.GEQ: token.LEQ,
	token.EQL: token.EQL, token.NEQ: token.NEQ,
}

// guardedDefault reports a default value that the condition around the
// setter turns away.
func (f *finder) guardedDefault(c inspector.Cursor, e ast.Expr, v value) bool {
	tv, ok := f.info.Types[v.expr]
	if !ok || tv.Value == nil {
		return false
	}
	return f.guarded(c, e, tv.Value)
}
