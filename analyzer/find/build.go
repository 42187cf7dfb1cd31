package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// textOf returns the text of a string-typed expression, or nil when e is
// not a string. Constants keep a map back to their literals; anything
// else becomes a hole.
func (f *finder) textOf(e ast.Expr) *text {
	e = ast.Unparen(e)
	tv, ok := f.info.Types[e]
	if !ok || !isString(tv.Type) {
		return nil
	}
	if tv.Value != nil && tv.Value.Kind() == constant.String {
		return f.constText(e, constant.StringVal(tv.Value))
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			t := f.textOf(e.X)
			if u := f.textOf(e.Y); t != nil && u != nil {
				if len(u.parts) == 1 && u.parts[0].sep && strings.Contains(t.s, "?") {
					u.s = "&" // the separator the code picks after a query
				}
				t.append(u)
				return t
			}
		}
	case *ast.CallExpr:
		if t := f.fmtText(e); t != nil {
			return t
		}
		if t := f.returnedText(e); t != nil {
			return t
		}
	}
	t := &text{}
	if f.isSeparator(e) {
		t.add(part{pos: e.Pos(), endp: e.End(), sep: true}, "?")
		return t
	}
	p := part{pos: e.Pos(), endp: e.End()}
	// " sslmode=" + opts.SSLMode: the field of the application's struct
	// that fills the hole, as for a Sprintf verb (holeOf).
	p.field, p.owner = f.fieldOf(f.resolve(f.unquoted(e)))
	t.add(p, hole)
	return t
}

// unquoted returns the argument of a call to a quoting helper of this
// package, quoteDSNValue(opts.SSLMode): a function of one string
// parameter with a string result whose name says it quotes or escapes.
// Quoting a value for a DSN grammar leaves the value the driver reads
// unchanged. Else e.
func (f *finder) unquoted(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return e
	}
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() != f.pkg {
		return e
	}
	sig := fn.Signature()
	name := strings.ToLower(fn.Name())
	if sig.Params().Len() != 1 || sig.Results().Len() != 1 || !isString(sig.Params().At(0).Type()) || !isString(sig.Results().At(0).Type()) ||
		!strings.Contains(name, "quote") && !strings.Contains(name, "escape") {
		return e
	}
	return call.Args[0]
}

// constText maps a constant string expression back to its literals.
func (f *finder) constText(e ast.Expr, val string) *text {
	t := &text{}
	switch e := e.(type) {
	case *ast.BasicLit:
		if l, ok := decodeLiteral(e); ok && l.value == val {
			t.add(part{konst: true, lit: l, pos: e.Pos(), endp: e.End()}, val)
			return t
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			x, y := f.textOf(e.X), f.textOf(e.Y)
			if x != nil && y != nil && x.s+y.s == val {
				x.append(y)
				return x
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		c, decl := f.constDecl(e)
		if c != nil && c.Pkg() != f.pkg {
			t.add(part{konst: true, foreign: c, pos: e.Pos(), endp: e.End()}, val)
			return t
		}
		if decl != nil {
			if u := f.textOf(decl); u != nil && u.s == val {
				for i := range u.parts {
					if u.parts[i].via == nil {
						u.parts[i].via = c
					}
				}
				return u
			}
		}
	}
	t.add(part{konst: true, pos: e.Pos(), endp: e.End()}, val)
	return t
}

// constDecl returns the named constant e refers to and, when it is
// declared in this package with an explicit value, that value.
func (f *finder) constDecl(e ast.Expr) (*types.Const, ast.Expr) {
	c := namedConst(f.info, e)
	if c == nil {
		return nil, nil
	}
	if c.Pkg() != f.pkg {
		return c, nil
	}
	f.index()
	return c, f.consts[c]
}

func isString(t types.Type) bool {
	if t == nil {
		return false // the blank identifier, or code that did not type-check
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// returnedText returns the text a call of a function of this package
// returns, when the function has one return statement: a DSN built by a
// helper (func testURL() string { return base + "?..." }) is read where
// it reaches a sink, with that sink's driver. Parameters are holes.
func (f *finder) returnedText(call *ast.CallExpr) *text {
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() != f.pkg || f.following[fn] {
		return nil
	}
	r := f.soleReturn(fn)
	if r == nil {
		return nil
	}
	if f.following == nil {
		f.following = make(map[*types.Func]bool)
	}
	f.following[fn] = true // a recursive helper stops here
	defer delete(f.following, fn)
	return f.textOf(r)
}

// soleReturn returns the result of fn's only return statement, when fn
// is declared in this package and returns one value.
func (f *finder) soleReturn(fn *types.Func) ast.Expr {
	f.index()
	fd := f.funcs[fn]
	if fd == nil || fd.Body == nil || fn.Signature().Results().Len() != 1 {
		return nil
	}
	var found []ast.Expr
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = append(found, n.Results...)
		}
		return true
	})
	if len(found) != 1 {
		return nil
	}
	return found[0]
}
