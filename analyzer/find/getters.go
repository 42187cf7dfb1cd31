package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// A getter is a method that returns one field of its receiver, maybe
// scaled by a constant: func (c Options) ConnMaxLifetime() time.Duration
// { return time.Duration(c.ConnMaxLifetimeSeconds) * time.Second }.
type getter struct {
	field *types.Var
	scale scaling // n 0: the field as it is
	// For a getter of an options table, c.options["MAX_CONNS"].intValue,
	// field is the map, key the entry's key and entry the entry's field.
	key   string
	entry *types.Var
}

// getterOf reads d as a getter: an exported method with no parameters
// and one result whose body returns a field of the receiver.
func getterOf(info *types.Info, d *ast.FuncDecl) (*types.Func, getter, bool) {
	fn, _ := info.Defs[d.Name].(*types.Func)
	if fn == nil || !fn.Exported() || d.Recv == nil || len(d.Body.List) != 1 {
		return nil, getter{}, false
	}
	sig := fn.Signature()
	ret, ok := d.Body.List[0].(*ast.ReturnStmt)
	if sig.Params().Len() != 0 || sig.Results().Len() != 1 || !ok || len(ret.Results) != 1 {
		return nil, getter{}, false
	}
	var g getter
	e := ret.Results[0]
	if x, sc, ok := scaledBy(info, e); ok {
		e, g.scale = x, sc
	}
	g.field = recvField(info, sig.Recv(), e)
	if g.field == nil {
		g.field, g.key, g.entry = tableEntry(info, sig.Recv(), e)
	}
	return fn, g, g.field != nil
}

// tableEntry reads e as r.M["KEY"].F, a field of the entry a constant
// key selects in a map field of the receiver r: the map field, the key
// and the entry's field.
func tableEntry(info *types.Info, recv types.Object, e ast.Expr) (*types.Var, string, *types.Var) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil, "", nil
	}
	idx, ok := ast.Unparen(sel.X).(*ast.IndexExpr)
	entry, isVar := info.Uses[sel.Sel].(*types.Var)
	if !ok || !isVar || !entry.IsField() {
		return nil, "", nil
	}
	tv := info.Types[idx.Index]
	m := recvField(info, recv, idx.X)
	if m == nil || tv.Value == nil || tv.Value.Kind() != constant.String {
		return nil, "", nil
	}
	return m, constant.StringVal(tv.Value), entry
}

// scaledBy reads x * k or k * x with k an integer constant, x maybe
// converted to a type: time.Duration(secs) * time.Second gives secs,
// scaled by time.Second.
func scaledBy(info *types.Info, e ast.Expr) (ast.Expr, scaling, bool) {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.MUL {
		return nil, scaling{}, false
	}
	x, k := b.X, b.Y
	if info.Types[x].Value != nil {
		x, k = k, x
	}
	tv := info.Types[k]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return nil, scaling{}, false
	}
	n, exact := constant.Int64Val(tv.Value)
	if !exact {
		return nil, scaling{}, false
	}
	return conversionArg(info, x), scaling{n: n, raw: types.ExprString(k)}, true
}

// conversionArg returns x's argument when x converts one value to a
// type, time.Duration(n); else x.
func conversionArg(info *types.Info, x ast.Expr) ast.Expr {
	if call, ok := ast.Unparen(x).(*ast.CallExpr); ok && len(call.Args) == 1 && info.Types[call.Fun].IsType() {
		return call.Args[0]
	}
	return x
}

// scaled is the default of a getter's field as the getter returns it.
func (g getter) scaled(d FieldDefault) (FieldDefault, bool) {
	if g.scale.n == 0 {
		return d, true
	}
	exact, ok := g.scale.apply(d.Exact)
	if !ok || d.Tag {
		return FieldDefault{}, false // a tag's text is not a number to scale
	}
	d.Exact, d.Raw = exact, d.Raw+" * "+g.scale.raw
	return d, true
}

// defaultsMethod records the constants a method that sets defaults
// (its name says so: Defaults, SetDefaults, applyDefaults) gives the
// fields of its pointer receiver: c.MaxIdleConnections = 2, written at
// the top of its body or under a zero check of the same field.
func defaultsMethod(l *literals, d *ast.FuncDecl) {
	if d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 || !strings.Contains(strings.ToLower(d.Name.Name), "default") {
		return
	}
	if _, ok := d.Recv.List[0].Type.(*ast.StarExpr); !ok {
		return
	}
	info := l.info
	recv := info.Defs[d.Recv.List[0].Names[0]]
	for _, st := range d.Body.List {
		var cond ast.Expr
		if ifs, ok := st.(*ast.IfStmt); ok && ifs.Init == nil && ifs.Else == nil && len(ifs.Body.List) == 1 {
			st, cond = ifs.Body.List[0], ifs.Cond // if c.MaxOpen == 0 { c.MaxOpen = 10 }
		}
		as, ok := st.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		fld := recvField(info, recv, as.Lhs[0])
		if fld == nil || cond != nil && !zeroCheck(info, recv, fld, cond) {
			continue
		}
		if v, ok := l.value(as.Rhs[0]); ok {
			l.add(fld, v)
		} else if i := paramIndex(info, d, as.Rhs[0]); i >= 0 && cond == nil {
			fn, _ := info.Defs[d.Name].(*types.Func)
			l.store(fn, i, fld)
		}
	}
}

// paramIndex returns the index of the parameter of d that e names, or -1.
func paramIndex(info *types.Info, d *ast.FuncDecl, e ast.Expr) int {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return -1
	}
	i := 0
	for _, fld := range d.Type.Params.List {
		for _, name := range fld.Names {
			if info.Defs[name] != nil && info.Defs[name] == info.Uses[id] {
				return i
			}
			i++
		}
	}
	return -1
}

// store records that defaults method fn sets field fld to its parameter i.
func (l *literals) store(fn *types.Func, i int, fld *types.Var) {
	if fn == nil {
		return
	}
	if l.stores == nil {
		l.stores = make(map[*types.Func][]*types.Var)
	}
	fs := l.stores[fn]
	for len(fs) <= i {
		fs = append(fs, nil)
	}
	fs[i] = fld
	l.stores[fn] = fs
}

// storedDefaults records as a field's default the constant that this
// package's code (not its tests) passes a defaults method storing it:
// c.Database.Defaults(90) gives MaxOpen the default 90.
func (l *literals) storedDefaults(files []*ast.File) {
	if len(l.stores) == 0 {
		return
	}
	for _, file := range files {
		if isTestFile(l.fset.File(file.Pos()).Name()) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, _ := typeutil.Callee(l.info, call).(*types.Func)
			for i, fld := range l.stores[fn] {
				if fld == nil || i >= len(call.Args) {
					continue
				}
				if d, ok := l.value(call.Args[i]); ok {
					l.add(fld, d)
				} else {
					l.drop(fld)
				}
			}
			return true
		})
	}
}

// recvField returns the field e selects on the receiver recv, r.F.
func recvField(info *types.Info, recv types.Object, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	fld, isVar := info.Uses[sel.Sel].(*types.Var)
	if !ok || !isVar || !fld.IsField() || info.Uses[id] != recv {
		return nil
	}
	return fld
}

// zeroCheck reports cond comparing fld of recv with zero: r.F == 0 or
// r.F <= 0, the field not set.
func zeroCheck(info *types.Info, recv types.Object, fld *types.Var, cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.EQL && b.Op != token.LEQ || recvField(info, recv, b.X) != fld {
		return false
	}
	v := info.Types[b.Y].Value
	return v != nil && v.Kind() == constant.Int && constant.Sign(v) == 0
}

// getterField reads e as a call of a getter method, o.MaxOpenConns():
// the field of o it returns, the name of o's type, and what the getter
// multiplies the field by. A getter of this package is read from its
// body, one of another package from its summary.
func (f *finder) getterField(e ast.Expr) (*types.Var, string, scaling, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, "", scaling{}, false
	}
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Signature().Recv() == nil || repoOf(fn.Pkg().Path()) != repoOf(f.pkg.Path()) {
		return nil, "", scaling{}, false
	}
	recv := fn.Signature().Recv()
	var g GetterField
	if fn.Pkg() == f.pkg {
		f.index()
		d := f.funcs[fn]
		if d == nil {
			return nil, "", scaling{}, false
		}
		_, own, ok := getterOf(f.info, d)
		if !ok || own.key != "" {
			return nil, "", scaling{}, false
		}
		g = GetterField{Field: own.field.Name(), Scale: own.scale.n, ScaleRaw: own.scale.raw}
	} else if g, ok = f.sums.GetterField(fn); !ok {
		return nil, "", scaling{}, false
	}
	obj, _, _ := types.LookupFieldOrMethod(recv.Type(), true, fn.Pkg(), g.Field)
	fld, ok := obj.(*types.Var)
	if !ok || !fld.IsField() {
		return nil, "", scaling{}, false
	}
	return fld, typeName(recv.Type()), scaling{n: g.Scale, raw: g.ScaleRaw}, true
}
