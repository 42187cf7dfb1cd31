package find

import (
	"cmp"
	"go/ast"
	"go/build"
	"go/token"
	"go/types"
	"math/big"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// setter records db.SetMaxOpenConns(n) and its siblings.
func (f *finder) setter(c inspector.Cursor, call *ast.CallExpr, k *catalog.Knob) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 1 {
		return
	}
	h := f.handleOf(funcOf(c), sel.X)
	f.apiItem(c, k, model.Arg, call.Args[0], h)
}

// apiItem records one Go API setting as an item of its own; grouping
// joins it to the other settings of its handle.
func (f *finder) apiItem(c inspector.Cursor, k *catalog.Knob, src model.Source, e ast.Expr, h Handle) *Item {
	return f.scaledItem(c, k, src, e, h, scaling{})
}

// scaling is what a flow multiplies its argument by before the setting
// reads it: time.Duration(secs) * time.Second; n 0 for none.
type scaling struct {
	n   int64
	raw string
}

// apply multiplies an integer, as catalog.Knob.Parse reads it, by sc.
func (sc scaling) apply(exact string) (string, bool) {
	n, ok := new(big.Int).SetString(exact, 10)
	if !ok {
		return "", false
	}
	return n.Mul(n, big.NewInt(sc.n)).String(), true
}

// scaledItem is apiItem for an argument that reaches the setting
// multiplied by sc: its value is scaled, it gets no fix (the argument
// is in the scale's unit, not the knob's), and no unit check.
func (f *finder) scaledItem(c inspector.Cursor, k *catalog.Knob, src model.Source, e ast.Expr, h Handle, sc scaling) *Item {
	v := f.valueOf(e)
	if x, ok := f.onlyValue(c, e); ok && !v.konst {
		v = f.valueOf(x)
		v.elsewhere, v.via = true, "the one value "+types.ExprString(e)+" holds here"
	}
	if v.def && v.konst && f.guardedDefault(c, e, v) {
		v = value{expr: f.resolve(e), raw: types.ExprString(e)} // never reaches the setter: unknown
	}
	if sc.n > 1 && v.konst {
		v = v.scaled(sc)
	}
	f.follow(c, k, src, e, v, h, sc)
	s := &model.Site{Setting: k.Setting, Key: k.Key, Raw: v.raw, Knob: k, Source: src, Via: v.via, Default: v.def}
	if v.konst {
		s.Const = true
		exact := v.exact
		if v.tag {
			exact = goValue(k, v.raw)
		}
		s.Value, s.Problem = k.Parse(exact)
	}
	w := f.where(c)
	target := f.editTarget(v.expr)
	at := e
	if v.def {
		at = v.expr // a default is reported, and fixed, where it is written
	}
	s.Ref = &Ref{Pos: at.Pos(), End: at.End(), Edit: f.exprEdit(target), Where: w, ValueAt: cmp.Or(v.at, f.valueAt(at, target))}
	if at != e {
		s.Ref.(*Ref).Listed = e.Pos()
	}
	if v.elsewhere || sc.n > 1 {
		s.Ref.(*Ref).Edit = nil // written in another package, or in another unit: no fix from here
	}
	pool := &model.Pool{Driver: k.Driver, Sites: []*model.Site{s}, Partial: true}
	it := &Item{Pool: pool, Handle: h, Where: w, Pos: e.Pos(), End: e.End(), Guard: f.guard(c)}
	f.res.Items = append(f.res.Items, it)
	if k.Unit == catalog.UnitGoDuration && v.konst && sc.n <= 1 && f.unitlessValue(v) {
		s.Unitless = f.unitlessDuration(w, k, e, v, target)
	}
	return it
}

// follow records where a setting's value comes from when it is not
// constant here: a parameter of the function around c (a flow), or a
// field of the application's struct (a field flow). A *tls.Config is
// never constant: there is nothing to follow.
func (f *finder) follow(c inspector.Cursor, k *catalog.Knob, src model.Source, e ast.Expr, v value, h Handle, sc scaling) {
	if k.Unit == catalog.UnitGoTLS {
		return
	}
	if !v.konst {
		f.noteKey(e, k, src, "")
		if fn, i, ok := f.paramOf(c, v.expr); ok {
			f.addFlow(flow{fn: fn, param: i, knob: k, source: src, handle: h, at: at(f.fset, e.Pos()), scale: sc})
		} else if fn, i, sc, ok := f.scaledParam(c, k, v.expr); ok {
			f.addFlow(flow{fn: fn, param: i, knob: k, source: src, handle: h, at: at(f.fset, e.Pos()), scale: sc})
		}
	}
	if fld, owner := f.fieldOf(f.resolve(e)); fld != nil {
		f.addFieldFlow(fieldFlow{field: fld, owner: owner, knob: k, source: src, handle: h})
	} else if fld, owner, gsc, ok := f.getterField(f.resolve(e)); ok && sc.n <= 1 && (gsc.n <= 1 || k.Unit == catalog.UnitGoDuration) {
		f.addFieldFlow(fieldFlow{field: fld, owner: owner, knob: k, source: src, handle: h, scale: gsc})
	}
}

// scaledParam reads time.Duration(p) * time.Second, in either order,
// where p is a parameter of the function around c and k a duration: the
// parameter, and what it is multiplied by.
func (f *finder) scaledParam(c inspector.Cursor, k *catalog.Knob, e ast.Expr) (*types.Func, int, scaling, bool) {
	x, sc, ok := scaledBy(f.info, e)
	if !ok || sc.n <= 1 || k.Unit != catalog.UnitGoDuration {
		return nil, 0, scaling{}, false
	}
	fn, i, ok := f.paramOf(c, x)
	return fn, i, sc, ok
}

// unitlessValue reports a duration written without a unit: a constant
// expression of untyped integers, or a default of another package
// written as a bare integer (its text is all poolcheck has of it).
func (f *finder) unitlessValue(v value) bool {
	if v.elsewhere {
		_, err := strconv.ParseInt(v.raw, 10, 64)
		return err == nil && !v.tag
	}
	return f.unitless(v.expr)
}

// valueAt is where the value at e is written when that is elsewhere:
// target, the declaration of a constant of this package, or that of a
// constant of another.
func (f *finder) valueAt(e, target ast.Expr) token.Pos {
	if target != e {
		return target.Pos()
	}
	if c, _ := f.constDecl(ast.Unparen(e)); c != nil && c.Pkg() != f.pkg && !f.inGOROOT(c.Pos()) {
		return c.Pos()
	}
	return token.NoPos
}

// inGOROOT reports a position in the standard library: time.Minute is
// a unit, not where a value is written. Export data names its files
// $GOROOT/src/...; source, the real directory.
func (f *finder) inGOROOT(pos token.Pos) bool {
	name := f.fset.Position(pos).Filename
	if strings.HasPrefix(name, "$GOROOT"+string(filepath.Separator)) {
		return true
	}
	root := build.Default.GOROOT
	return root != "" && strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}

// editTarget is where a fix of a value goes: the declaration of a named
// constant of this package, or the expression itself.
func (f *finder) editTarget(e ast.Expr) ast.Expr {
	for range 4 {
		_, decl := f.constDecl(ast.Unparen(e))
		if decl == nil {
			return e
		}
		e = decl
	}
	return e
}

// exprEdit returns the edit function that replaces expression e with Go
// source text, adding the time import when the text needs it.
//
// The function keeps e and its file, not the finder: the results hold
// it until the run ends, and the finder holds the package's inspector.
func (f *finder) exprEdit(e ast.Expr) func(string) ([]analysis.TextEdit, bool) {
	file := f.fileOf(e.Pos())
	return func(src string) ([]analysis.TextEdit, bool) {
		edits := []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(src)}}
		if strings.Contains(src, "time.") {
			imp, ok := timeImport(file)
			if !ok {
				return nil, false
			}
			edits = append(edits, imp...)
		}
		return edits, true
	}
}

// timeImport returns the edit that imports "time" into file, none when
// it is imported already, or false when the file imports it under
// another name (or is not known).
func timeImport(file *ast.File) ([]analysis.TextEdit, bool) {
	if file == nil {
		return nil, false
	}
	for _, spec := range file.Imports {
		if spec.Path.Value == `"time"` {
			return nil, spec.Name == nil || spec.Name.Name == "time"
		}
	}
	at := file.Name.End()
	text := "\n\nimport \"time\""
	if len(file.Imports) > 0 {
		at, text = file.Imports[0].Pos(), "\"time\"\n\t"
		if gd := importDecl(file); gd != nil && !gd.Lparen.IsValid() {
			at, text = gd.Pos(), "import \"time\"\n"
		}
	}
	return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}}, true
}

// importDecl returns the first import declaration of file.
func importDecl(file *ast.File) *ast.GenDecl {
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			return gd
		}
	}
	return nil
}

// fileOf returns the file that holds pos.
func (f *finder) fileOf(pos token.Pos) *ast.File {
	for _, file := range f.files {
		if file.FileStart <= pos && pos <= file.FileEnd {
			return file
		}
	}
	return nil
}

// fieldKnob returns the knob of a struct field selected by sel (x.F),
// following embedded fields to the type that declares F.
func (f *finder) fieldKnob(sel *ast.SelectorExpr) *catalog.Knob {
	s, ok := f.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || !fieldNames()[sel.Sel.Name] {
		return nil
	}
	t := s.Recv()
	idx := s.Index()
	for _, i := range idx[:len(idx)-1] {
		st, ok := deref(t).Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		t = st.Field(i).Type()
	}
	return f.knobOfField(deref(t), sel.Sel.Name)
}

// knobOfField looks up field name of named type t in the catalog.
func (f *finder) knobOfField(t types.Type, name string) *catalog.Knob {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil || !poolPkgs()[n.Obj().Pkg().Path()] {
		return nil
	}
	return fieldIndex()[n.Obj().Pkg().Path()+"."+n.Obj().Name()+"."+name]
}

func deref(t types.Type) types.Type {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// assignStmt records cfg.MaxConns = 1 and s += "?fragment".
func (f *finder) assignStmt(c inspector.Cursor, as *ast.AssignStmt) {
	if as.Tok == token.ADD_ASSIGN && len(as.Lhs) == 1 {
		f.appendFragment(c, as)
		return
	}
	f.link(c, as)
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if k := f.fieldKnob(sel); k != nil {
			h := f.handleOf(funcOf(c), sel.X)
			f.apiItem(c, k, model.Field, as.Rhs[i], h)
			f.afterPool(c, h, sel)
		}
	}
}

// compositeLit records redis.Options{PoolSize: 1}, DSN fields such as
// gorm's postgres.Config{DSN: ...}, and url.Values{"k": {"v"}}.
func (f *finder) compositeLit(c inspector.Cursor, lit *ast.CompositeLit) {
	t := deref(f.info.TypeOf(lit))
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return
	}
	path := n.Obj().Pkg().Path()
	if n.Obj().Pkg() == f.pkg {
		f.ownLit(c, lit, n)
		return
	}
	if !poolPkgs()[path] && path != "net/url" {
		return
	}
	if f.isExpected(c) {
		return // want := &redis.Options{PoolSize: 1}: compared, not used
	}
	key := path + "." + n.Obj().Name()
	if key == "net/url.Values" {
		f.urlValuesLit(c, lit)
		return
	}
	var h Handle
	for id, v := range keyed(lit) {
		if h.IsZero() {
			h = f.litHandle(c, lit)
		}
		if s, ok := sinkIndex()[key+"."+id.Name]; ok {
			f.dsnArg(c, v, s.Driver, h, v)
		} else if k := f.knobOfField(t, id.Name); k != nil {
			f.apiItem(c, k, model.Field, v, h)
		}
	}
}

// litHandle names what a composite literal configures: the variable it
// is assigned to or whose value it becomes, else the literal itself.
func (f *finder) litHandle(c inspector.Cursor, lit *ast.CompositeLit) Handle {
	if h := f.resultHandle(c); !h.IsZero() {
		return h
	}
	return Handle{Scope: funcOf(c), Lit: lit}
}

// link joins the handle a pool value is assigned to with the handle it
// came from: sqlDB, _ := gormDB.DB(), db := sqlx.NewDb(sqlDB, "pgx"),
// db2 := db.
func (f *finder) link(c inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Rhs) != 1 && len(as.Rhs) != len(as.Lhs) {
		return
	}
	scope := funcOf(c)
	for i, rhs := range as.Rhs {
		lhs := as.Lhs[i]
		if len(as.Rhs) == 1 {
			lhs = as.Lhs[0]
		}
		if !f.isPoolType(lhs) {
			continue
		}
		from := f.sourceHandle(scope, rhs)
		if to := f.handleOf(scope, lhs); !from.IsZero() && !to.IsZero() && from != to {
			f.res.Links = append(f.res.Links, Link{A: to, B: from})
		}
	}
}

// sourceHandle names the pool a value comes from: a pool variable, the
// receiver of a method on it, or a pool-typed argument of a call.
func (f *finder) sourceHandle(scope ast.Node, e ast.Expr) Handle {
	e = ast.Unparen(e)
	call, ok := e.(*ast.CallExpr)
	if !ok {
		if f.isPoolType(e) {
			return f.handleOf(scope, e)
		}
		return Handle{}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && f.isPoolType(sel.X) {
		if _, isPkg := f.info.Uses[identOf(sel.X)].(*types.PkgName); !isPkg {
			return f.handleOf(scope, sel.X)
		}
	}
	for _, a := range call.Args {
		if f.isPoolType(a) {
			return f.handleOf(scope, a)
		}
	}
	return Handle{}
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// ownLit links the pool fields of a literal of this package's struct type
// to the pools they are given: &Store{db: db}.
func (f *finder) ownLit(c inspector.Cursor, lit *ast.CompositeLit, n *types.Named) {
	st, ok := n.Underlying().(*types.Struct)
	if !ok {
		return
	}
	for id, v := range keyed(lit) {
		if !f.isPoolType(v) {
			continue
		}
		for i := range st.NumFields() {
			if fld := st.Field(i); fld.Name() == id.Name {
				from := f.sourceHandle(funcOf(c), v)
				if !from.IsZero() {
					f.res.Links = append(f.res.Links, Link{A: Handle{Obj: fld}, B: from})
				}
			}
		}
	}
}
