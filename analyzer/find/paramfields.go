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

// paramFields collects, in one walk of an exported function's body
// (closures included, see returnedLits), the parameters it stores in an
// exported struct field as they are: c.F = p, Config{F: p}, maybe
// through a conversion, int32(p). A parameter assigned in the body is
// left out: what it holds there is not the argument.
type paramFields struct {
	fset    *token.FileSet
	info    *types.Info
	params  *types.Tuple
	index   map[*types.Var]int
	changed map[*types.Var]bool
	out     []ParamField
}

// newParamFields returns a collector for fn, or nil when fn has no
// parameters or is not exported.
func newParamFields(fset *token.FileSet, info *types.Info, fn *types.Func) *paramFields {
	if fn == nil || !fn.Exported() || fn.Signature().Params().Len() == 0 {
		return nil
	}
	pf := &paramFields{fset: fset, info: info, params: fn.Signature().Params(), index: make(map[*types.Var]int), changed: make(map[*types.Var]bool)}
	for i := range pf.params.Len() {
		pf.index[pf.params.At(i)] = i
	}
	return pf
}

func (pf *paramFields) visit(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.AssignStmt:
		for i, lhs := range n.Lhs {
			switch l := ast.Unparen(lhs).(type) {
			case *ast.SelectorExpr:
				if len(n.Lhs) == len(n.Rhs) && n.Tok == token.ASSIGN {
					pf.store(pf.info.Uses[l.Sel], n.Rhs[i])
				}
			case *ast.Ident:
				pf.change(l)
			}
		}
	case *ast.IncDecStmt:
		if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
			pf.change(id)
		}
	case *ast.CompositeLit:
		for id, v := range keyed(n) {
			pf.store(pf.info.Uses[id], v)
		}
	}
	return true
}

func (pf *paramFields) change(id *ast.Ident) {
	if p, ok := pf.info.Uses[id].(*types.Var); ok {
		pf.changed[p] = true
	}
}

// store notes val given to field when val is a parameter.
func (pf *paramFields) store(field types.Object, val ast.Expr) {
	v, ok := field.(*types.Var)
	if !ok || !v.IsField() || !v.Exported() {
		return
	}
	id, ok := ast.Unparen(conversionArg(pf.info, val)).(*ast.Ident)
	if !ok {
		return
	}
	if p, ok := pf.info.Uses[id].(*types.Var); ok {
		if i, ok := pf.index[p]; ok {
			pf.out = append(pf.out, ParamField{Param: i, Field: v, At: at(pf.fset, val.Pos())})
		}
	}
}

// result returns the parameters stored and never changed.
func (pf *paramFields) result() []ParamField {
	if pf == nil {
		return nil
	}
	var kept []ParamField
	for _, x := range pf.out {
		if !pf.changed[pf.params.At(x.Param)] {
			kept = append(kept, x)
		}
	}
	return kept
}
