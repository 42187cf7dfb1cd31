package find

import (
	"go/ast"
	"go/types"
	"strings"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
)

// poolPkgs are the packages whose types are pools or pool configs: every
// package the catalog has a knob or a sink in, and the wrappers of *sql.DB.
var poolPkgs = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{
		"database/sql":             true,
		"database/sql/driver":      true,
		"github.com/jmoiron/sqlx":  true,
		"gorm.io/gorm":             true,
		"entgo.io/ent/dialect/sql": true,
	}
	for _, k := range catalog.Knobs() {
		if k.API != nil {
			m[k.API.Pkg] = true
		}
	}
	for _, s := range catalog.Sinks() {
		m[s.Pkg] = true
	}
	return m
})

// handleOf names what the expression e configures, within scope: the
// shortest prefix of a selector chain whose type is a pool or pool
// config, rooted at a variable (s.db in s.db.SetMaxOpenConns, cfg in
// cfg.ConnConfig.ConnectTimeout).
func (f *finder) handleOf(scope ast.Node, e ast.Expr) Handle {
	var sels []*ast.SelectorExpr // outermost first
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			sels = append(sels, x)
			e = x.X
			continue
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.UnaryExpr:
			e = x.X
			continue
		case *ast.CompositeLit:
			return Handle{Scope: scope, Lit: x}
		case *ast.Ident:
			return f.rootHandle(scope, x, sels)
		}
		return Handle{}
	}
}

func (f *finder) rootHandle(scope ast.Node, root *ast.Ident, sels []*ast.SelectorExpr) Handle {
	obj, ok := f.info.Uses[root].(*types.Var)
	if !ok {
		if obj, ok = f.info.Defs[root].(*types.Var); !ok {
			return Handle{}
		}
	}
	// Shortest pool-typed prefix: root, then root.a, root.a.b, ...
	n := len(sels)
	if f.isPoolType(root) {
		n = 0
	}
	for i := len(sels) - 1; i >= 0 && n == len(sels); i-- {
		if f.isPoolType(sels[i]) {
			n = len(sels) - i
		}
	}
	names := make([]string, 0, n)
	for i := len(sels) - 1; i >= len(sels)-n; i-- {
		names = append(names, sels[i].Sel.Name)
	}
	if n > 0 {
		if field := f.ownField(sels[len(sels)-1]); field != nil {
			// s.db in any method of s's type: one pool, whichever
			// variable holds the struct (the constructor's, a
			// receiver).
			return Handle{Obj: field, Path: strings.Join(names[1:], ".")}
		}
	}
	return Handle{Scope: scopeOf(obj, scope), Obj: obj, Path: strings.Join(names, ".")}
}

// ownField returns the field sel selects when it is a field of a struct
// type declared in this package.
func (f *finder) ownField(sel *ast.SelectorExpr) *types.Var {
	s, ok := f.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil
	}
	v, ok := s.Obj().(*types.Var)
	if !ok || v.Pkg() != f.pkg {
		return nil
	}
	return v
}

// scopeOf keeps package-level variables in one handle space.
func scopeOf(obj types.Object, scope ast.Node) ast.Node {
	if obj.Parent() == obj.Pkg().Scope() {
		return nil
	}
	return scope
}

// isPoolType reports whether e's type, pointers removed, is declared in a
// package that holds pools or pool configs.
func (f *finder) isPoolType(e ast.Expr) bool {
	t := f.info.TypeOf(e)
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := t.(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return poolPkgs()[n.Obj().Pkg().Path()]
}
