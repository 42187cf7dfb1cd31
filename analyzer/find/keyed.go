package find

import (
	"go/ast"
	"iter"
)

// keyed yields the name and value of each Name: value element of a
// composite literal, the form of every struct literal the finder reads.
func keyed(lit *ast.CompositeLit) iter.Seq2[*ast.Ident, ast.Expr] {
	return func(yield func(*ast.Ident, ast.Expr) bool) {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok && !yield(id, kv.Value) {
				return
			}
		}
	}
}
