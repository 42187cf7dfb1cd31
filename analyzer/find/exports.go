package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"
)

// Exported is what a package tells the other packages of the module
// whether or not it configures a pool: the functions that return a
// parameter as a fallback (envInt(key, def)), and the defaults of its
// structs' fields (a default tag, the literal a constructor returns).
type Exported struct {
	Fallbacks map[*types.Func]int
	Defaults  map[*types.Var]FieldDefault
	// Getters holds the default of the field each getter method
	// returns, as the getter returns it (scaled: seconds * time.Second).
	Getters map[*types.Func]FieldDefault
	// ParamFields holds the parameters each function stores in a field.
	ParamFields map[*types.Func][]ParamField
}

// Exports reads what files tell other packages. It walks declarations
// only, without an inspector: it runs on every package of the module.
func Exports(fset *token.FileSet, files []*ast.File, info *types.Info) Exported {
	var ex Exported
	seen := make(map[*types.Var]bool) // fields given two different defaults
	add := func(v *types.Var, d FieldDefault) {
		if v == nil || seen[v] {
			return
		}
		if old, ok := ex.Defaults[v]; ok && old.Exact != d.Exact {
			delete(ex.Defaults, v)
			seen[v] = true
			return
		}
		if ex.Defaults == nil {
			ex.Defaults = make(map[*types.Var]FieldDefault)
		}
		ex.Defaults[v] = d
	}
	getters := make(map[*types.Func]getter)
	for _, file := range files {
		test := isTestFile(fset.File(file.Pos()).Name())
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if test || d.Body == nil {
					continue
				}
				fn, _ := info.Defs[d.Name].(*types.Func)
				if fn != nil && fn.Exported() && fn.Signature().Results().Len() == 1 {
					if i := returnedParam(info, fn.Signature().Params(), d.Body); i >= 0 {
						if ex.Fallbacks == nil {
							ex.Fallbacks = make(map[*types.Func]int)
						}
						ex.Fallbacks[fn] = i
					}
				}
				pf := newParamFields(fset, info, fn)
				var also func(ast.Node) bool
				if pf != nil {
					also = pf.visit
				}
				returnedLits(fset, info, d.Body, add, also)
				if pfs := pf.result(); len(pfs) > 0 {
					if ex.ParamFields == nil {
						ex.ParamFields = make(map[*types.Func][]ParamField)
					}
					ex.ParamFields[fn] = pfs
				}
				defaultsMethod(fset, info, d, add)
				if fn, g, ok := getterOf(info, d); ok {
					getters[fn] = g
				}
			case *ast.GenDecl:
				if !test {
					declDefaults(fset, info, d, add)
				}
			}
		}
	}
	for fn, g := range getters {
		if d, ok := ex.Defaults[g.field]; ok {
			if d, ok := g.scaled(d); ok {
				if ex.Getters == nil {
					ex.Getters = make(map[*types.Func]FieldDefault)
				}
				ex.Getters[fn] = d
			}
		}
	}
	return ex
}

// returnedLits records the constant fields of the struct literals a
// constructor returns: return Config{MaxOpenConns: 30}.
func returnedLits(fset *token.FileSet, info *types.Info, body *ast.BlockStmt, add func(*types.Var, FieldDefault), also func(ast.Node) bool) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if also != nil {
				ast.Inspect(n.Body, also) // a closure's returns are not the function's
			}
			return false
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if u, ok := ast.Unparen(r).(*ast.UnaryExpr); ok && u.Op == token.AND {
					r = u.X
				}
				if lit, ok := ast.Unparen(r).(*ast.CompositeLit); ok {
					litDefaults(fset, info, lit, add)
				}
			}
		}
		return also == nil || also(n)
	})
}

// declDefaults records the default tags of struct fields and the
// constant fields of package-level struct literals: var Defaults = Config{...}.
func declDefaults(fset *token.FileSet, info *types.Info, d *ast.GenDecl, add func(*types.Var, FieldDefault)) {
	for _, spec := range d.Specs {
		switch s := spec.(type) {
		case *ast.TypeSpec:
			st, ok := s.Type.(*ast.StructType)
			if !ok {
				continue
			}
			for _, fld := range st.Fields.List {
				if fld.Tag == nil {
					continue
				}
				for _, name := range fld.Names {
					if v, ok := info.Defs[name].(*types.Var); ok {
						if raw, ok := tagDefault(fld.Tag); ok {
							add(v, FieldDefault{Exact: raw, Raw: raw, At: at(fset, fld.Tag.Pos()), Tag: true})
						}
					}
				}
			}
		case *ast.ValueSpec:
			for _, val := range s.Values {
				if u, ok := ast.Unparen(val).(*ast.UnaryExpr); ok && u.Op == token.AND {
					val = u.X
				}
				if lit, ok := ast.Unparen(val).(*ast.CompositeLit); ok {
					litDefaults(fset, info, lit, add)
				}
			}
		}
	}
}

// litDefaults records the constant fields of one literal, and of the
// struct literals it holds: Config{DB: DBConfig{MaxOpenConns: 30}}.
func litDefaults(fset *token.FileSet, info *types.Info, lit *ast.CompositeLit, add func(*types.Var, FieldDefault)) {
	for id, e := range keyed(lit) {
		v, ok := info.Uses[id].(*types.Var)
		if !ok || !v.IsField() {
			continue
		}
		if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = u.X
		}
		if inner, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			litDefaults(fset, info, inner, add)
			continue
		}
		tv, ok := info.Types[e]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
			continue // a pool setting is a number or a duration
		}
		add(v, FieldDefault{Exact: exactString(tv), Raw: types.ExprString(e), At: at(fset, e.Pos())})
	}
}

// tagDefault returns the value of a default tag, as written.
func tagDefault(tag *ast.BasicLit) (string, bool) {
	raw, err := strconv.Unquote(tag.Value)
	if err != nil {
		return "", false
	}
	for _, key := range defaultTags {
		if v, ok := reflect.StructTag(raw).Lookup(key); ok && v != "" {
			return v, true
		}
	}
	return "", false
}

// at spells a position as base name and line.
func at(fset *token.FileSet, pos token.Pos) string {
	p := fset.Position(pos)
	return p.Filename[strings.LastIndexByte(p.Filename, '/')+1:] + ":" + strconv.Itoa(p.Line)
}

// exactString spells a constant as catalog.Knob.Parse reads it.
func exactString(tv types.TypeAndValue) string {
	s := tv.Value.ExactString()
	if u, err := strconv.Unquote(s); err == nil {
		return u
	}
	return s
}
