package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/dsnsite"
)

// stringLit reads a string literal that no sink consumed. Only the
// largest string expression around it counts: a constant concatenation,
// or a concatenation with values, which makes fragments count too.
func (f *finder) stringLit(c inspector.Cursor, lit *ast.BasicLit) {
	top, ctx := f.stringTop(c)
	if f.isCompared(top) || f.isTestName(top) {
		return // x == "...sslmode=disable" checks a value; it sets none
	}
	e := top.Node().(ast.Expr)
	if tv := f.info.Types[e]; tv.Value != nil && tv.Value.Kind() == constant.String && !dsnish(constant.StringVal(tv.Value)) {
		return // a constant that cannot be a DSN: no text to build
	}
	t := f.textOf(e)
	if t == nil || !dsnish(t.s) {
		return
	}
	format := ctx == loose && hasVerb(t.s)
	if format {
		// A constant that holds fmt verbs is a format for Sprintf
		// elsewhere: "sslmode='%s' connect_timeout=%d". Its verbs are
		// holes, not values.
		t, ctx = f.expandVerbs(t, nil), concat
	}
	f.markUsed(t)
	if p := parseText(t, "", ctx); p != nil {
		it := f.dsnItem(top, p, "", f.assignedTo(top), top.Node())
		if c := f.declares(top); c != nil {
			if format {
				f.formatUses(c)
			}
			for _, s := range it.Pool.Sites {
				if ref := s.Ref.(*Ref); ref.Via == nil {
					ref.Via = c
				}
			}
		}
	}
}

// assignedTo names the variable a string expression is assigned to
// directly (dsn := "..."), so that later appends to it (dsn += "&...")
// join it. A string inside a composite literal, one of several DSNs of
// a Config or a slice, is a pool of its own: no handle.
func (f *finder) assignedTo(c inspector.Cursor) Handle {
	p := c.Parent()
	switch n := p.Node().(type) {
	case *ast.AssignStmt:
		return f.lhsHandle(funcOf(c), n.Lhs, n.Rhs, c.Node())
	case *ast.ValueSpec:
		exprs := make([]ast.Expr, len(n.Names))
		for i, id := range n.Names {
			exprs[i] = id
		}
		return f.lhsHandle(funcOf(c), exprs, n.Values, c.Node())
	}
	return Handle{}
}

// declares returns the named constant whose value is the expression at
// c: DSN in const DSN = "...".
func (f *finder) declares(c inspector.Cursor) *types.Const {
	vs, ok := c.Parent().Node().(*ast.ValueSpec)
	if !ok {
		return nil
	}
	for i, v := range vs.Values {
		if v == c.Node() && i < len(vs.Names) {
			k, _ := f.info.Defs[vs.Names[i]].(*types.Const)
			return k
		}
	}
	return nil
}

// stringTop returns the outermost expression that builds a string from
// the literal at c (c itself if none): + concatenations, and the
// fmt.Sprintf call whose format it is; and whether it joins constants
// with values.
func (f *finder) stringTop(c inspector.Cursor) (inspector.Cursor, context) {
	top := c
	for p := c.Parent(); p.Index() >= 0; p = p.Parent() {
		if !f.builds(p.Node(), top.Node()) {
			break
		}
		if _, paren := p.Node().(*ast.ParenExpr); !paren {
			top = p
		}
	}
	if tv, ok := f.info.Types[top.Node().(ast.Expr)]; ok && tv.Value != nil {
		return top, loose
	}
	return top, concat
}

// isTestName reports a subtest's name, the first argument of testing's
// T.Run and B.Run: t.Run(fmt.Sprintf("timeout=%s", d), ...) names a
// test, it connects nowhere.
func (f *finder) isTestName(c inspector.Cursor) bool {
	p := c.Parent()
	for _, paren := p.Node().(*ast.ParenExpr); paren; _, paren = p.Node().(*ast.ParenExpr) {
		p = p.Parent()
	}
	call, ok := p.Node().(*ast.CallExpr)
	return ok && len(call.Args) > 0 && ast.Unparen(call.Args[0]) == c.Node() && isTestRun(f.info, call)
}

// isTestRun reports a call of testing's T.Run or B.Run.
func isTestRun(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Run" {
		return false
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func)
	return ok && fn.Pkg() != nil && fn.Pkg().Path() == "testing"
}

// isCompared reports a string that code compares a value with: an
// operand of == or !=, a case of a switch, or an argument of the
// strings and bytes functions that search or compare.
func (f *finder) isCompared(c inspector.Cursor) bool {
	switch p := c.Parent().Node().(type) {
	case *ast.BinaryExpr:
		return p.Op == token.EQL || p.Op == token.NEQ
	case *ast.CaseClause:
		return true
	case *ast.KeyValueExpr: // {in: ..., want: "host=db connect_timeout=5"}
		id, ok := p.Key.(*ast.Ident)
		return ok && expected(id.Name)
	case *ast.AssignStmt:
		for i, r := range p.Rhs {
			if id, ok := p.Lhs[min(i, len(p.Lhs)-1)].(*ast.Ident); ok && r == c.Node() && (expected(id.Name) || f.onlyCompared(c, id)) {
				return true
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == c.Node() && i < len(p.Names) && (expected(p.Names[i].Name) || f.onlyCompared(c, p.Names[i])) {
				return true
			}
		}
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(f.info, p).(*types.Func)
		return ok && fn.Pkg() != nil && (fn.Pkg().Path() == "strings" || fn.Pkg().Path() == "bytes") && searchFuncs[fn.Name()]
	}
	return false
}

// isExpected reports a value code compares with rather than uses, seen
// through & and parentheses: want := &redis.Options{PoolSize: 1}.
func (f *finder) isExpected(c inspector.Cursor) bool {
	for {
		switch p := c.Parent().Node().(type) {
		case *ast.ParenExpr:
		case *ast.UnaryExpr:
			if p.Op != token.AND {
				return f.isCompared(c)
			}
		default:
			return f.isCompared(c)
		}
		c = c.Parent()
	}
}

// onlyCompared reports a local variable, assigned at c, that its
// function only compares with or prints: dsn := "…?timeout=5s" then
// if got() != dsn { t.Errorf("… %v", dsn) }. It reaches no pool.
func (f *finder) onlyCompared(c inspector.Cursor, id *ast.Ident) bool {
	v, ok := f.info.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == f.pkg.Scope() {
		return false
	}
	fc := c
	for ; fc.Index() >= 0; fc = fc.Parent() {
		if _, ok := fc.Node().(*ast.FuncDecl); ok {
			break
		}
		if _, ok := fc.Node().(*ast.FuncLit); ok {
			break
		}
	}
	if fc.Index() < 0 {
		return false
	}
	compared := false
	for u := range fc.Preorder((*ast.Ident)(nil)) {
		if f.info.Uses[u.Node().(*ast.Ident)] != v {
			continue
		}
		switch f.useOf(u) {
		case useCompared:
			compared = true
		case useOther:
			return false
		}
	}
	return compared
}

type use int

const (
	useOther use = iota
	useCompared
	usePrinted
)

// useOf tells what the expression at c is used for: compared (== and
// !=, strings.Contains, reflect.DeepEqual, an Equal or Diff of a test
// library), printed by a testing.TB or fmt, or anything else.
func (f *finder) useOf(c inspector.Cursor) use {
	switch p := c.Parent().Node().(type) {
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return useCompared
		}
	case *ast.CallExpr:
		if p.Fun == c.Node() {
			return useOther
		}
		fn, ok := typeutil.Callee(f.info, p).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return useOther
		}
		switch path, name := fn.Pkg().Path(), fn.Name(); {
		case (path == "strings" || path == "bytes") && searchFuncs[name], comparers[name]:
			return useCompared
		case printers[path+"."+name]:
			return usePrinted
		}
	}
	return useOther
}

// printers only print their arguments.
var printers = map[string]bool{
	"testing.Error": true, "testing.Errorf": true, "testing.Fatal": true, "testing.Fatalf": true,
	"testing.Log": true, "testing.Logf": true, "testing.Skip": true, "testing.Skipf": true,
	"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true, "fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true, "fmt.Errorf": true,
}

// comparers are the functions of test libraries that compare their
// arguments (reflect, testify, go-cmp, is).
var comparers = map[string]bool{"DeepEqual": true, "Equal": true, "Equalf": true, "EqualValues": true, "NotEqual": true, "Diff": true, "Exactly": true}

// expected reports a name that holds an expected result in a test:
// want, wantDSN, expected, expectedURL.
func expected(name string) bool {
	n := strings.ToLower(name)
	return strings.HasPrefix(n, "want") || strings.HasPrefix(n, "expect")
}

var searchFuncs = map[string]bool{
	"Contains": true, "HasPrefix": true, "HasSuffix": true, "Index": true, "EqualFold": true,
	"TrimPrefix": true, "TrimSuffix": true, "CutPrefix": true, "CutSuffix": true, "Cut": true, "Count": true, "LastIndex": true,
}

// builds reports whether n builds its string from its operand part:
// part + x, x + part, (part), fmt.Sprintf(part, ...) and fmt.Sprint(..., part, ...).
func (f *finder) builds(n, part ast.Node) bool {
	switch n := n.(type) {
	case *ast.ParenExpr:
		return true
	case *ast.BinaryExpr:
		return n.Op == token.ADD
	case *ast.CallExpr:
		switch f.fmtFunc(n) {
		case "Sprint":
			return true
		case "Sprintf":
			return len(n.Args) > 0 && n.Args[0] == part
		}
	}
	return false
}

// hasVerb reports a fmt verb in s.
func hasVerb(s string) bool {
	for _, v := range []string{"%s", "%d", "%v", "%q"} {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
}

// dsnish is a cheap filter before parsing: a DSN has '=' or "://".
func dsnish(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '=' || s[i] == ':' && i+2 < len(s) && s[i+1] == '/' && s[i+2] == '/' {
			return true
		}
	}
	return false
}

// appendFragment reads s += "?sslmode=disable": the fragment's settings,
// and the structural check for a '?' appended to a value that may
// already carry a query.
func (f *finder) appendFragment(c inspector.Cursor, as *ast.AssignStmt) {
	if !isString(f.info.TypeOf(as.Lhs[0])) {
		return
	}
	t := &text{}
	t.add(part{pos: as.Lhs[0].Pos(), endp: as.Lhs[0].End()}, hole)
	u := f.textOf(as.Rhs[0])
	if u == nil {
		return
	}
	t.append(u)
	ctx := concat
	if id, ok := ast.Unparen(as.Lhs[0]).(*ast.Ident); ok && envKey(id.Name) {
		ctx = named // connString += sep + "pool_max_conns=5"
	}
	p := parseText(t, "", ctx)
	if p == nil {
		return
	}
	f.markUsed(t)
	f.dsnItem(c, p, "", f.handleOf(funcOf(c), as.Lhs[0]), as)
	f.doubleQuery(c, p)
}

// doubleQuery reports a fragment starting with '?' appended to a value
// that is not constant: if that value has a query, the result has two.
func (f *finder) doubleQuery(c inspector.Cursor, p *parsed) {
	if p.d.Kind != dsn.KindFragment || p.t.s == "" || p.t.s[0] != '?' {
		return
	}
	pos, end := p.t.extent(0, 1)
	f.res.Checks = append(f.res.Checks, Check{
		Name: "fragment-double-query", Pos: pos, End: end, Where: f.where(c),
		Message: `"?" is appended to a URL that may already have a query; build it with net/url instead`,
	})
}

// urlValuesSet reads q.Set("pool_max_conns", "1") on url.Values.
func (f *finder) urlValuesSet(c inspector.Cursor, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || len(call.Args) != 2 {
		return
	}
	f.queryParam(c, call.Args[0], call.Args[1], f.handleOf(funcOf(c), sel.X))
}

// urlValuesLit reads url.Values{"pool_max_conns": {"1"}}.
func (f *finder) urlValuesLit(c inspector.Cursor, lit *ast.CompositeLit) {
	h := f.litHandle(c, lit)
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		vals, ok := kv.Value.(*ast.CompositeLit)
		if !ok || len(vals.Elts) == 0 {
			continue
		}
		f.queryParam(c, kv.Key, vals.Elts[len(vals.Elts)-1], h)
	}
}

// queryParam records one key/value of a query built with net/url, when
// the key is a known pool, timeout or TLS key.
func (f *finder) queryParam(c inspector.Cursor, ke, ve ast.Expr, h Handle) {
	key, ok := f.constString(ke)
	if !ok || !catalog.FragmentKey(key) && key != "_pragma" {
		return
	}
	t := f.textOf(f.resolve(ve)).readAt(ve.Pos(), ve.End())
	if x, ok := f.onlyValue(c, ve); ok {
		t = f.textOf(x).frozen(ve.Pos(), "the one value "+types.ExprString(ve)+" holds here") // no fix: several assignments
	}
	if t == nil {
		return
	}
	f.markUsed(t)
	d, err := dsn.ParseFragment(key+"="+t.s, func(k string) bool { return k == "_pragma" || catalog.FragmentKey(k) })
	if err != nil || len(d.Params) != 1 {
		return
	}
	// The value is the whole text t; shift the parse onto it.
	whole := &text{}
	whole.add(part{konst: true, pos: ke.Pos(), endp: ke.End()}, key+"=")
	whole.append(t)
	hint, _ := dsnsite.Plausible(d)
	f.dsnItem(c, &parsed{t: whole, full: whole, d: d, hint: hint}, "", h, ve)
}

// uses returns where the named constant c is used in this package, in
// source order.
func (f *finder) uses(c *types.Const) []Where {
	if f.constUses == nil {
		f.constUses = make(map[*types.Const][]token.Pos)
		for id, obj := range f.info.Uses {
			if k, ok := obj.(*types.Const); ok && k.Pkg() == f.pkg {
				f.constUses[k] = append(f.constUses[k], id.Pos())
			}
		}
	}
	ps := f.constUses[c]
	slices.Sort(ps)
	ws := make([]Where, len(ps))
	for i, p := range ps {
		ws[i] = f.whereAt(p)
	}
	return ws
}

// whereAt places pos without a cursor: its file and top-level function.
func (f *finder) whereAt(pos token.Pos) Where {
	file := f.fileOf(pos)
	if file == nil {
		return Where{}
	}
	w := Where{File: f.fset.File(pos).Name()}
	w.Test = f.testPkg || isTestFile(w.File)
	if fd := declAt(file, pos); fd != nil {
		w.Func = funcName(fd)
		w.Test = w.Test || f.takesTesting(fd.Type)
	}
	return w
}

// declAt returns the function declaration of file that holds pos, or nil.
func declAt(file *ast.File, pos token.Pos) *ast.FuncDecl {
	// Declarations are in source order: search, do not scan.
	i := sort.Search(len(file.Decls), func(i int) bool { return file.Decls[i].End() > pos })
	if i < len(file.Decls) {
		if fd, ok := file.Decls[i].(*ast.FuncDecl); ok && fd.Pos() <= pos {
			return fd
		}
	}
	return nil
}

func isTestFile(name string) bool { return strings.HasSuffix(name, "_test.go") }
