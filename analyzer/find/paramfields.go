package find

import (
	"go/ast"
	"go/token"
	"go/types"
)

// A ParamField is a parameter of an exported function that the function
// stores in an exported field, cfg.MaxOpenConns = n in an option
// closure. The packages that read the field, which may not be imported
// here, say what it reaches; a caller that imports them judges the
// argument.
type ParamField struct {
	Param int
	Field *types.Var
	At    string // where it is stored: "options.go:12"
}

// paramFields lists the parameters of fn (declared by d) that its body,
// closures included, stores in an exported struct field, as they are:
// c.F = p, Config{F: p}, maybe through a conversion, int32(p). A
// parameter assigned in the body is left out: what it holds there is
// not the argument.
func paramFields(fset *token.FileSet, info *types.Info, fn *types.Func, d *ast.FuncDecl) []ParamField {
	params := fn.Signature().Params()
	if params.Len() == 0 || !fn.Exported() {
		return nil
	}
	index := make(map[*types.Var]int)
	for i := range params.Len() {
		index[params.At(i)] = i
	}
	changed := make(map[*types.Var]bool)
	var out []ParamField
	store := func(field types.Object, val ast.Expr) {
		v, ok := field.(*types.Var)
		if !ok || !v.IsField() || !v.Exported() {
			return
		}
		id, ok := ast.Unparen(conversionArg(info, val)).(*ast.Ident)
		if !ok {
			return
		}
		if p, ok := info.Uses[id].(*types.Var); ok {
			if i, ok := index[p]; ok {
				out = append(out, ParamField{Param: i, Field: v, At: at(fset, val.Pos())})
			}
		}
	}
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				switch l := ast.Unparen(lhs).(type) {
				case *ast.SelectorExpr:
					if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
						store(info.Uses[l.Sel], n.Rhs[i])
					}
				case *ast.Ident:
					if p, ok := info.Uses[l].(*types.Var); ok {
						changed[p] = true
					}
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
				if p, ok := info.Uses[id].(*types.Var); ok {
					changed[p] = true
				}
			}
		case *ast.CompositeLit:
			for id, v := range keyed(n) {
				store(info.Uses[id], v)
			}
		}
		return true
	})
	kept := out[:0]
	for _, pf := range out {
		if !changed[params.At(pf.Param)] {
			kept = append(kept, pf)
		}
	}
	return kept
}
