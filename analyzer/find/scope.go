package find

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// testingTypes are the parameter types that make a function test code.
var testingTypes = map[string]bool{"T": true, "B": true, "F": true, "TB": true, "M": true}

// where places the node at cursor c: its file, enclosing function, and
// whether it is test code.
func (f *finder) where(c inspector.Cursor) Where {
	w := Where{Test: f.testPkg}
	for e := range c.Enclosing((*ast.File)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := e.Node().(type) {
		case *ast.File:
			w.File = f.fset.File(n.Pos()).Name()
			w.Test = w.Test || isTestFile(w.File)
		case *ast.FuncDecl:
			w.Func = funcName(n)
			w.Test = w.Test || f.takesTesting(n.Type)
		case *ast.FuncLit:
			w.Test = w.Test || f.takesTesting(n.Type)
		}
	}
	return w
}

// takesTesting reports whether a function has a *testing.T, B, F, M or
// testing.TB parameter.
func (f *finder) takesTesting(ft *ast.FuncType) bool {
	for _, field := range ft.Params.List {
		t := f.info.TypeOf(field.Type)
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		n, ok := t.(*types.Named)
		if ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" && testingTypes[n.Obj().Name()] {
			return true
		}
	}
	return false
}

// funcName spells a function as Recv.Name or Name.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.Ident:
			return x.Name + "." + fd.Name.Name
		}
		return fd.Name.Name
	}
}

// funcOf returns the outermost enclosing function declaration or
// literal of c, which is the scope of handles; nil at package level.
func funcOf(c inspector.Cursor) ast.Node {
	var fn ast.Node
	for e := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		fn = e.Node()
	}
	return fn
}
