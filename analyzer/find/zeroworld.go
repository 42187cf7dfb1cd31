package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// A keyFlow is a viper key whose value reaches an expression unchanged
// once the other keys read on the way are 0: rekor's
// poolLimit(viper.GetInt(perPool), viper.GetInt(deprecated), false)
// returns the per-pool value when the deprecated key is 0.
type keyFlow struct {
	call *ast.CallExpr // the getter of the key that passes through; nil: the value is 0
	key  string        // its key
	zero []string      // the other keys, which must be 0
}

// keyThrough follows e, in the function around it, to the viper key
// whose value it holds when the other keys it reads are 0: through
// locals, fields of a same-package helper's returned literal and
// same-package helpers of integers evaluated on probe values.
func (f *finder) keyThrough(e ast.Expr) (keyFlow, bool) {
	if !slices.ContainsFunc(f.pkg.Imports(), func(p *types.Package) bool { return p.Path() == viperPkg }) {
		return keyFlow{}, false
	}
	fd, _ := f.funcAt(e).(*ast.FuncDecl)
	if fd == nil {
		return keyFlow{}, false
	}
	z := zeroWorld{f: f, budget: 64}
	return z.follow(fd, e)
}

// zeroWorld follows values with a budget of steps, so no input can make
// it loop.
type zeroWorld struct {
	f      *finder
	budget int
}

func (z *zeroWorld) follow(fd *ast.FuncDecl, e ast.Expr) (keyFlow, bool) {
	if z.budget--; z.budget < 0 {
		return keyFlow{}, false
	}
	f := z.f
	e = ast.Unparen(e)
	if tv, ok := f.info.Types[e]; ok && tv.Value != nil {
		return keyFlow{}, isZero(tv.Value)
	}
	switch e := e.(type) {
	case *ast.Ident:
		return z.local(fd, e)
	case *ast.SelectorExpr:
		return z.field(fd, e)
	case *ast.CallExpr:
		if kf, getter, ok := f.getterKey(e); getter {
			return kf, ok && isInteger(f.info.TypeOf(e))
		}
		return z.helper(fd, e)
	}
	return keyFlow{}, false
}

// local follows a variable of fd: its one assignment, or assignments
// that all hold 0 once the keys they read are 0.
func (z *zeroWorld) local(fd *ast.FuncDecl, id *ast.Ident) (keyFlow, bool) {
	v, ok := z.f.info.Uses[id].(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return keyFlow{}, false
	}
	rhs, ok := assignments(z.f.info, fd, v)
	if !ok || len(rhs) == 0 {
		return keyFlow{}, false
	}
	if len(rhs) == 1 {
		return z.follow(fd, rhs[0])
	}
	var out keyFlow
	for _, r := range rhs {
		kf, ok := z.follow(fd, r)
		if !ok {
			return keyFlow{}, false
		}
		out.zero = append(out.zero, kf.keys()...)
	}
	return out, true
}

// keys are all the keys kf reads.
func (kf keyFlow) keys() []string {
	out := slices.Clone(kf.zero)
	if kf.call != nil {
		out = append(out, kf.key)
	}
	return out
}

// assignments are the values fd assigns to v; false when v's address
// is taken or it is changed in another way (v++, range, a tuple).
func assignments(info *types.Info, fd *ast.FuncDecl, v *types.Var) ([]ast.Expr, bool) {
	var rhs []ast.Expr
	ok := true
	is := func(e ast.Expr) bool {
		id, isID := ast.Unparen(e).(*ast.Ident)
		return isID && (info.Defs[id] == v || info.Uses[id] == v)
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if !is(l) {
					continue
				}
				if len(n.Lhs) != len(n.Rhs) || (n.Tok != token.ASSIGN && n.Tok != token.DEFINE) {
					ok = false
				} else {
					rhs = append(rhs, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if is(name) {
					if len(n.Values) != len(n.Names) {
						ok = false
					} else {
						rhs = append(rhs, n.Values[i])
					}
				}
			}
		case *ast.UnaryExpr:
			ok = ok && (n.Op != token.AND || !is(n.X))
		case *ast.IncDecStmt:
			ok = ok && !is(n.X)
		case *ast.RangeStmt:
			ok = ok && !is(n.Key) && !is(n.Value)
		}
		return ok
	})
	return rhs, ok
}

// field follows x.f where x is a local holding what a same-package
// function returns: the f element of the one literal it returns.
func (z *zeroWorld) field(fd *ast.FuncDecl, sel *ast.SelectorExpr) (keyFlow, bool) {
	f := z.f
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return keyFlow{}, false
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok {
		return keyFlow{}, false
	}
	rhs, ok := assignments(f.info, fd, v)
	if !ok || len(rhs) != 1 {
		return keyFlow{}, false
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return keyFlow{}, false
	}
	g := z.decl(call)
	if g == nil {
		return keyFlow{}, false
	}
	lit := onlyReturn(g)
	if lit == nil {
		return keyFlow{}, false
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == sel.Sel.Name {
				return z.follow(g, kv.Value)
			}
		}
	}
	return keyFlow{}, false
}

// onlyReturn is the composite literal of g's one return statement.
func onlyReturn(g *ast.FuncDecl) *ast.CompositeLit {
	var lit *ast.CompositeLit
	n := 0
	ast.Inspect(g.Body, func(node ast.Node) bool {
		switch node := node.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			n++
			if len(node.Results) == 1 {
				lit, _ = ast.Unparen(node.Results[0]).(*ast.CompositeLit)
			}
		}
		return true
	})
	if n != 1 {
		return nil
	}
	return lit
}

// decl is the declaration of the same-package function call calls.
func (z *zeroWorld) decl(call *ast.CallExpr) *ast.FuncDecl {
	fn, ok := typeutil.Callee(z.f.info, call).(*types.Func)
	if !ok || fn.Pkg() != z.f.pkg || fn.Signature().Recv() != nil {
		return nil
	}
	z.f.index()
	d := z.f.funcs[fn]
	if d == nil || d.Body == nil {
		return nil
	}
	return d
}

// probes are the values a key takes to tell whether a helper passes it
// through.
var probes = []int64{0, 1, 3, 10, 100}

// helper follows a call of a same-package function of integers and
// booleans: the argument whose key it returns unchanged, on every probe,
// when the other keys are 0.
func (z *zeroWorld) helper(fd *ast.FuncDecl, call *ast.CallExpr) (keyFlow, bool) {
	g := z.decl(call)
	if g == nil || call.Ellipsis.IsValid() {
		return keyFlow{}, false
	}
	args := make([]constant.Value, len(call.Args))
	flows := make([]keyFlow, len(call.Args))
	var keyed []int
	for i, a := range call.Args {
		if tv := z.f.info.Types[a]; tv.Value != nil {
			args[i] = tv.Value
			continue
		}
		kf, ok := z.follow(fd, a)
		if !ok {
			return keyFlow{}, false
		}
		flows[i], args[i] = kf, constant.MakeInt64(0)
		keyed = append(keyed, i)
	}
	var out keyFlow
	for _, i := range keyed {
		if flows[i].call != nil && out.call == nil && passes(z.f.info, g, args, i) {
			out.call, out.key = flows[i].call, flows[i].key
			out.zero = append(out.zero, flows[i].zero...)
			continue
		}
		out.zero = append(out.zero, flows[i].keys()...)
	}
	if out.call == nil {
		// No key passes through: the value must be 0 when all are.
		v, ok := eval(z.f.info, g, args)
		return out, ok && isZero(v)
	}
	return out, true
}

// passes reports whether g returns argument i unchanged on every probe.
func passes(info *types.Info, g *ast.FuncDecl, args []constant.Value, i int) bool {
	for _, p := range probes {
		in := slices.Clone(args)
		in[i] = constant.MakeInt64(p)
		v, ok := eval(info, g, in)
		if !ok || v.Kind() != constant.Int || constant.Compare(v, token.NEQ, in[i]) {
			return false
		}
	}
	return true
}

func isInteger(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
