package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// varInfo counts the assignments to a local variable.
type varInfo struct {
	n     int      // assignments, the declaration's included
	expr  ast.Expr // the assigned value when n == 1
	first ast.Expr // the first assigned value
	addr  bool     // its address is taken, so it may change unseen
	// zero is the constant a zero check assigns, if v == "" { v = "disable" },
	// and cond that check.
	zero, cond ast.Expr
	seps       int // assignments of a query separator, "?" or "&"
	// vals are the values assigned, one an assignment; shorter than n
	// when some assignment has no value of its own (x++, a parameter).
	vals []ast.Expr
}

// index records constant declarations and local variable assignments,
// once per package and only when a value must be followed to them.
func (f *finder) index() {
	if f.consts != nil {
		return
	}
	f.consts = make(map[*types.Const]ast.Expr)
	f.vars = make(map[*types.Var]*varInfo)
	f.flagVars = make(map[*types.Var]*ast.CallExpr)
	f.funcs = make(map[*types.Func]*ast.FuncDecl)
	nodes := []ast.Node{(*ast.ValueSpec)(nil), (*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil),
		(*ast.CallExpr)(nil), (*ast.FuncDecl)(nil), (*ast.FuncType)(nil), (*ast.IfStmt)(nil)}
	f.insp.Preorder(nodes, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallExpr:
			if v, ok := f.isFlagVar(n); ok {
				f.flagVars[v] = n
			}
			if _, ok := f.flagCall(n); ok {
				f.flagCalls = append(f.flagCalls, n)
			}
			f.indexConfig(n)
		case *ast.FuncDecl:
			if fn, ok := f.info.Defs[n.Name].(*types.Func); ok {
				f.funcs[fn] = n
			}
		case *ast.ValueSpec:
			f.indexSpec(n)
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Rhs) == len(n.Lhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) { // x *= 2 is not x = 2
					rhs = n.Rhs[i]
				}
				f.assign(lhs, rhs)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := f.localVar(n.X); v != nil {
					f.varInfo(v).addr = true
				}
			}
		case *ast.IncDecStmt:
			f.assign(n.X, nil)
		case *ast.RangeStmt:
			f.assign(n.Key, nil)
			f.assign(n.Value, nil)
		case *ast.FuncType:
			// Parameters and named results hold a value on entry: one
			// assignment more in the body and they are not constant.
			for _, fl := range []*ast.FieldList{n.Params, n.Results} {
				for _, field := range fieldsOf(fl) {
					for _, name := range field.Names {
						if v, ok := f.info.Defs[name].(*types.Var); ok {
							f.varInfo(v).n++
						}
					}
				}
			}
		case *ast.IfStmt:
			if v, val, ok := f.zeroCheck(n); ok {
				vi := f.varInfo(v)
				vi.zero, vi.cond = val, n.Cond
			}
		}
	})
	f.boundFlags()
}

func fieldsOf(fl *ast.FieldList) []*ast.Field {
	if fl == nil {
		return nil
	}
	return fl.List
}

func (f *finder) indexSpec(vs *ast.ValueSpec) {
	for i, name := range vs.Names {
		var val ast.Expr
		if len(vs.Values) == len(vs.Names) {
			val = vs.Values[i]
		}
		switch obj := f.info.Defs[name].(type) {
		case *types.Const:
			if val != nil {
				f.consts[obj] = val
			}
		case *types.Var:
			vi := f.varInfo(obj)
			vi.n++
			vi.expr = val
			if val != nil {
				vi.vals = append(vi.vals, val)
			}
		}
	}
}

func (f *finder) assign(lhs, rhs ast.Expr) {
	if lhs == nil {
		return
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := f.info.Defs[id].(*types.Var)
	if !ok {
		v, ok = f.info.Uses[id].(*types.Var)
	}
	if !ok {
		return
	}
	vi := f.varInfo(v)
	if vi.n == 0 {
		vi.first = rhs
	}
	vi.n++
	vi.expr = rhs
	if rhs != nil {
		vi.vals = append(vi.vals, rhs)
	}
	if s, ok := f.constString(rhs); ok && rhs != nil && (s == "?" || s == "&") {
		vi.seps++
	}
}

// isSeparator reports a local variable that only ever holds a query
// separator: sep := "?"; if strings.Contains(dsn, "?") { sep = "&" }.
func (f *finder) isSeparator(e ast.Expr) bool {
	v := f.localVar(e)
	if v == nil {
		return false
	}
	f.index()
	vi := f.vars[v]
	return vi != nil && vi.n > 0 && vi.seps == vi.n && !vi.addr
}

// zeroCheck reads if v == "" { v = "disable" } (or 0, with no else):
// the variable and the constant that replaces its zero value.
func (f *finder) zeroCheck(n *ast.IfStmt) (*types.Var, ast.Expr, bool) {
	cond, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr)
	if !ok || cond.Op != token.EQL || n.Init != nil || n.Else != nil || len(n.Body.List) != 1 {
		return nil, nil, false
	}
	as, ok := n.Body.List[0].(*ast.AssignStmt)
	if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 || !f.isConst(as.Rhs[0]) {
		return nil, nil, false
	}
	v := f.localVar(as.Lhs[0])
	if v == nil || f.localVar(cond.X) != v || !isZero(f.info.Types[cond.Y].Value) {
		return nil, nil, false
	}
	return v, as.Rhs[0], true
}

// isZero reports whether c is "" or 0.
func isZero(c constant.Value) bool {
	if c == nil {
		return false
	}
	switch c.Kind() {
	case constant.String:
		return constant.StringVal(c) == ""
	case constant.Int, constant.Float:
		return constant.Sign(c) == 0
	}
	return false
}

func (f *finder) varInfo(v *types.Var) *varInfo {
	vi := f.vars[v]
	if vi == nil {
		vi = &varInfo{}
		f.vars[v] = vi
	}
	return vi
}

// localVar returns the function-local variable e names, or nil.
func (f *finder) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == f.pkg.Scope() {
		return nil
	}
	return v
}

// resolve follows a local variable assigned exactly once to the value it
// was assigned, so that n := 1; db.SetMaxOpenConns(n) reads as 1.
func (f *finder) resolve(e ast.Expr) ast.Expr {
	if f.localVar(e) == nil {
		return e
	}
	f.index()
	for range 4 {
		v := f.localVar(e)
		if v == nil {
			return e
		}
		vi := f.vars[v]
		if vi == nil || vi.n != 1 || vi.addr || vi.expr == nil {
			return e
		}
		e = vi.expr
	}
	return e
}

// A value is a constant Go value found at a setter or field.
type value struct {
	expr  ast.Expr // the expression that holds it, after resolve
	raw   string   // source spelling: "5 * time.Second"
	exact string   // what catalog.Knob.Parse reads: "5000000000", or a string's contents
	konst bool
	// A default (a flag's, a helper's fallback) applies when nobody sets
	// the value at run time; via says where it comes from, and expr is
	// the default, where findings and fixes go.
	def bool
	via string
	tag bool // a default from a struct tag of another package: raw is its text
	// elsewhere is a default written in another package: reported at
	// the setting, with no fix here; at is where it is written, when
	// that file is loaded.
	elsewhere bool
	at        token.Pos
}

// scaled is v multiplied by sc: an integer, spelled "v * scale"; a value
// that is not an integer (a tag's duration text) becomes unknown.
func (v value) scaled(sc scaling) value {
	exact, ok := sc.apply(v.exact)
	if !ok || v.tag {
		return value{expr: v.expr, raw: v.raw}
	}
	v.exact, v.raw = exact, v.raw+" * "+sc.raw
	return v
}

// valueOf reads the value of e, following single-assignment locals, and
// defaults (fallback) when e is not constant.
func (f *finder) valueOf(e ast.Expr) value {
	e = f.resolve(e)
	if !f.isConst(e) {
		if d, via, ok := f.fallback(e); ok {
			v := f.valueOf(d)
			v.def, v.via = true, via
			return v
		}
		if d, via, obj, ok := f.foreignDefault(e); ok {
			return value{expr: e, raw: d.Raw, exact: d.Exact, konst: true, def: true, via: via, tag: d.Tag, elsewhere: true, at: f.writtenAt(obj, d)}
		}
		if d, via, obj, ok := f.getterDefault(e); ok {
			return value{expr: e, raw: d.Raw, exact: d.Exact, konst: true, def: true, via: via, tag: d.Tag, elsewhere: true, at: f.writtenAt(obj, d)}
		}
	}
	v := value{expr: e, raw: types.ExprString(e)}
	tv, ok := f.info.Types[e]
	if !ok || tv.Value == nil {
		return v
	}
	switch tv.Value.Kind() {
	case constant.Int:
		v.exact, v.konst = tv.Value.ExactString(), true
	case constant.String:
		v.exact, v.konst = constant.StringVal(tv.Value), true
	case constant.Bool:
		v.exact, v.konst = tv.Value.ExactString(), true
	}
	return v
}

// unitless reports whether e is built only from untyped integer literals
// (and untyped constants), with no time unit in it: SetConnMaxLifetime(300).
func (f *finder) unitless(e ast.Expr) bool {
	ok := true
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c, isConst := f.info.Uses[n].(*types.Const); isConst && !isUntyped(c.Type()) {
				ok = false
			}
		case *ast.SelectorExpr:
			if c, isConst := f.info.Uses[n.Sel].(*types.Const); isConst && !isUntyped(c.Type()) {
				ok = false
			}
			return false
		case *ast.CallExpr:
			ok = false
			return false
		case *ast.BasicLit:
			if n.Kind != token.INT {
				ok = false
			}
		}
		return ok
	})
	return ok
}

func isUntyped(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Info()&types.IsUntyped != 0
}

// onlyValue reads a local that every assignment gives a constant, when
// the code at c sees one value of them only: the others fail a condition
// around c. sslmode := ""; if tls { sslmode = "verify-full" }; if
// sslmode != "" { q.Add("sslmode", sslmode) } adds verify-full. It
// returns the first assignment of that value, and false when there is
// none or more than one value.
func (f *finder) onlyValue(c inspector.Cursor, e ast.Expr) (ast.Expr, bool) {
	v := f.localVar(e)
	if v == nil {
		return nil, false
	}
	f.index()
	vi := f.vars[v]
	if vi == nil || vi.addr || vi.n < 2 || len(vi.vals) != vi.n {
		return nil, false
	}
	var only ast.Expr
	var val constant.Value
	for _, x := range vi.vals {
		tv := f.info.Types[x]
		if tv.Value == nil {
			return nil, false
		}
		switch {
		case f.guarded(c, e, tv.Value):
		case only == nil:
			only, val = x, tv.Value
		case !constant.Compare(val, token.EQL, tv.Value):
			return nil, false
		}
	}
	return only, only != nil
}
