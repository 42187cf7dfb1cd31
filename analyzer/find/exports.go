package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
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
	// GetterFields holds the field each getter method returns.
	GetterFields map[*types.Func]GetterField
}

// Exports reads what files tell other packages. It walks declarations
// only, without an inspector: it runs on every package of the module.
// imported gives the fallback parameter of another package's function
// (-1: none), for defaults written as envInt("KEY", 10).
func Exports(fset *token.FileSet, files []*ast.File, info *types.Info, imported func(*types.Func) int) Exported {
	var ex Exported
	seen := make(map[*types.Var]bool) // fields given two different defaults
	add := func(v *types.Var, d FieldDefault) {
		if v == nil || seen[v] {
			return
		}
		if old, ok := ex.Defaults[v]; ok {
			if old.number() != d.number() {
				delete(ex.Defaults, v)
				seen[v] = true
				return
			}
			if !old.Tag {
				return // the same: Go code that sets it says more than a tag
			}
		}
		if ex.Defaults == nil {
			ex.Defaults = make(map[*types.Var]FieldDefault)
		}
		ex.Defaults[v] = d
	}
	getters := make(map[*types.Func]getter)
	drop := func(v *types.Var) {
		delete(ex.Defaults, v)
		seen[v] = true
	}
	lits := &literals{fset: fset, info: info, add: add, drop: drop, fallbackOf: ownFallbacks(fset, files, info, imported)}
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
				lits.returned(d.Body, also)
				if pfs := pf.result(); len(pfs) > 0 {
					if ex.ParamFields == nil {
						ex.ParamFields = make(map[*types.Func][]ParamField)
					}
					ex.ParamFields[fn] = pfs
				}
				defaultsMethod(lits, d)
				if fn, g, ok := getterOf(info, d); ok {
					getters[fn] = g
				}
			case *ast.GenDecl:
				if !test {
					declDefaults(lits, d)
				}
			}
		}
	}
	lits.storedDefaults(files)
	for fn, g := range getters {
		if g.key == "" && isInteger(fn.Signature().Results().At(0).Type()) {
			if ex.GetterFields == nil {
				ex.GetterFields = make(map[*types.Func]GetterField)
			}
			ex.GetterFields[fn] = GetterField{Field: g.field.Name(), Scale: g.scale.n, ScaleRaw: g.scale.raw}
		}
		d, ok := ex.Defaults[g.field]
		if g.key != "" {
			d, ok = lits.tables[tableKey{g.field, g.key, g.entry}]
			ok = ok && d.Exact != ""
		}
		if ok {
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

// literals records the constant fields of the struct literals a
// package gives as defaults.
type literals struct {
	fset       *token.FileSet
	info       *types.Info
	add        func(*types.Var, FieldDefault)
	drop       func(*types.Var) // a field some constructor sets to what is not a constant
	fallbackOf func(*types.Func) int
	// tables holds the constants of options tables, map fields whose
	// entries are struct literals: {"MAX_CONNS": {intValue: 20}}. A
	// zero FieldDefault marks an entry field two literals disagree on.
	tables map[tableKey]FieldDefault
	// stores holds, for a defaults method, the fields it sets to its
	// parameters: func (c *Options) Defaults(conns int) { c.MaxOpen = conns }.
	stores map[*types.Func][]*types.Var // by parameter index; nil: not stored
}

// tableKey names one field of one entry of an options table.
type tableKey struct {
	table *types.Var
	key   string
	entry *types.Var
}

// returned records the constant fields of the struct literals a
// constructor returns: return Config{MaxOpenConns: 30}, or a local it
// returns, cfg := &Config{...}; ...; return cfg, nil. A field of a
// returned local assigned on the way, cfg.MaxOpenConns /= 2, has the
// constant assigned, or no default.
func (l *literals) returned(body *ast.BlockStmt, also func(ast.Node) bool) {
	var locals map[types.Object]*ast.CompositeLit
	var back []types.Object
	var sets []*ast.AssignStmt
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if also != nil {
				ast.Inspect(n.Body, also) // a closure's returns are not the function's
			}
			return false
		case *ast.AssignStmt:
			if _, ok := n.Lhs[0].(*ast.SelectorExpr); ok && n.Tok != token.DEFINE {
				sets = append(sets, n) // cfg.MaxOpen = 10, cfg.MaxOpen /= 2
			}
			if n.Tok == token.DEFINE && len(n.Lhs) == 1 && len(n.Rhs) == 1 {
				if lit := litOf(n.Rhs[0]); lit != nil {
					if id, ok := n.Lhs[0].(*ast.Ident); ok && l.info.Defs[id] != nil {
						if locals == nil {
							locals = make(map[types.Object]*ast.CompositeLit)
						}
						locals[l.info.Defs[id]] = lit
					}
				}
			}
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				if lit := litOf(r); lit != nil {
					l.fields(lit)
				} else if id, ok := ast.Unparen(r).(*ast.Ident); ok {
					back = append(back, l.info.Uses[id])
				}
			}
		}
		return also == nil || also(n)
	})
	for _, obj := range back {
		if lit := locals[obj]; lit != nil {
			l.fields(lit)
			delete(locals, obj)
		}
	}
	for _, as := range sets {
		l.setFields(as, back)
	}
}

// setFields records what as assigns to fields of the locals in back:
// a constant with =, else nothing (the field has no default).
func (l *literals) setFields(as *ast.AssignStmt, back []types.Object) {
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		id, ok := ast.Unparen(sel.X).(*ast.Ident)
		v, isVar := l.info.Uses[sel.Sel].(*types.Var)
		if !ok || !isVar || !v.IsField() || !slices.Contains(back, l.info.Uses[id]) {
			continue
		}
		if d, ok := l.value(as.Rhs[min(i, len(as.Rhs)-1)]); ok && as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
			l.add(v, d)
		} else {
			l.drop(v)
		}
	}
}

// litOf returns the struct literal e is, or points to.
func litOf(e ast.Expr) *ast.CompositeLit {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	lit, _ := ast.Unparen(e).(*ast.CompositeLit)
	return lit
}

// declDefaults records the default tags of struct fields and the
// constant fields of package-level struct literals: var Defaults = Config{...}.
func declDefaults(l *literals, d *ast.GenDecl) {
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
					if v, ok := l.info.Defs[name].(*types.Var); ok {
						if raw, ok := tagDefault(fld.Tag); ok {
							l.add(v, FieldDefault{Exact: raw, Raw: raw, At: at(l.fset, fld.Tag.Pos()), Tag: true})
						}
					}
				}
			}
		case *ast.ValueSpec:
			for _, val := range s.Values {
				if lit := litOf(val); lit != nil {
					l.fields(lit)
				}
			}
		}
	}
}

// fields records the constant fields of one literal, and of the struct
// literals it holds: Config{DB: DBConfig{MaxOpenConns: 30}}. A field
// given a helper's fallback, envInt("DB_MAX_OPEN", 30), holds it.
func (l *literals) fields(lit *ast.CompositeLit) {
	for id, e := range keyed(lit) {
		v, ok := l.info.Uses[id].(*types.Var)
		if !ok || !v.IsField() {
			continue
		}
		if inner := litOf(e); inner != nil {
			if t := l.info.TypeOf(inner); t != nil && isMap(t) {
				l.table(v, inner)
			} else {
				l.fields(inner)
			}
			continue
		}
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
			if arg, _, ok := fallbackArg(l.info, call, l.fallbackOf); ok {
				e = arg
			}
		}
		if d, ok := l.value(e); ok {
			l.add(v, d)
		}
	}
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// table records the constant fields of the entries of a map literal
// held in field v, keyed by constant strings.
func (l *literals) table(v *types.Var, lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		entry := litOf(kv.Value)
		if entry == nil {
			continue
		}
		tv := l.info.Types[kv.Key]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			continue
		}
		for id, e := range keyed(entry) {
			f, isVar := l.info.Uses[id].(*types.Var)
			d, ok := l.value(e)
			if !isVar || !ok {
				continue
			}
			k := tableKey{v, constant.StringVal(tv.Value), f}
			if l.tables == nil {
				l.tables = make(map[tableKey]FieldDefault)
			}
			if old, seen := l.tables[k]; seen && old.number() != d.number() {
				d = FieldDefault{}
			}
			l.tables[k] = d
		}
	}
}

// value reads e as a default: an integer constant (a pool setting is a
// number or a duration). A named constant of the module is written
// where it is declared.
func (l *literals) value(e ast.Expr) (FieldDefault, bool) {
	tv, ok := l.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return FieldDefault{}, false
	}
	pos := e.Pos()
	if c := namedConst(l.info, ast.Unparen(e)); c != nil && l.fset.File(c.Pos()) != nil {
		pos = c.Pos()
	}
	return FieldDefault{Exact: exactString(tv), Raw: types.ExprString(e), At: at(l.fset, pos), File: l.fset.Position(pos).Filename}, true
}

// namedConst returns the constant e names: maxOpen, config.MaxOpen.
func namedConst(info *types.Info, e ast.Expr) *types.Const {
	switch x := e.(type) {
	case *ast.Ident:
		c, _ := info.Uses[x].(*types.Const)
		return c
	case *ast.SelectorExpr:
		c, _ := info.Uses[x.Sel].(*types.Const)
		return c
	}
	return nil
}

// ownFallbacks returns the fallback parameter of a function: found in
// files for one they declare, by imported for another. The files'
// declarations are indexed on first use.
func ownFallbacks(fset *token.FileSet, files []*ast.File, info *types.Info, imported func(*types.Func) int) func(*types.Func) int {
	var decls map[*types.Func]*ast.FuncDecl
	memo := make(map[*types.Func]int)
	return func(fn *types.Func) int {
		if i, ok := memo[fn]; ok {
			return i
		}
		if decls == nil {
			decls = funcDecls(fset, files, info)
		}
		i := -1
		if d := decls[fn]; d != nil {
			if fn.Signature().Results().Len() == 1 {
				i = returnedParam(info, fn.Signature().Params(), d.Body)
			}
		} else if imported != nil {
			i = imported(fn)
		}
		memo[fn] = i
		return i
	}
}

// funcDecls indexes the functions of files, test files left out.
func funcDecls(fset *token.FileSet, files []*ast.File, info *types.Info) map[*types.Func]*ast.FuncDecl {
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, file := range files {
		if isTestFile(fset.File(file.Pos()).Name()) {
			continue
		}
		for _, decl := range file.Decls {
			if d, ok := decl.(*ast.FuncDecl); ok && d.Body != nil {
				if fn, ok := info.Defs[d.Name].(*types.Func); ok {
					decls[fn] = d
				}
			}
		}
	}
	return decls
}

// number spells d as an integer when it can: a tag's duration,
// default:"30s", as the nanoseconds 30 * time.Second is.
func (d FieldDefault) number() string {
	if d.Tag {
		if ns, ok := nanoseconds(d.Exact); ok {
			return ns
		}
	}
	return d.Exact
}

// nanoseconds spells a duration as time.ParseDuration reads it ("5s")
// in nanoseconds, the integer a time.Duration constant holds.
func nanoseconds(s string) (string, bool) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return "", false
	}
	return strconv.FormatInt(int64(d), 10), true
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
