package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// A fieldFlow is a field of an application's own struct that reaches a
// pool setting: db.SetMaxOpenConns(cfg.MaxOpenConns),
// pgxCfg.MaxConns = int32(c.Pool.Max). Every constant written into the
// field (a literal Config{MaxOpenConns: 1}, an assignment c.MaxOpenConns
// = 1 in an option, a default in a struct tag) is then a value of that
// setting, judged where it is written.
type fieldFlow struct {
	field  *types.Var
	owner  string // the struct type's name, for messages
	knob   *catalog.Knob
	source model.Source
	handle Handle // what the setting configures where the field reaches it
	driver catalog.Driver
	scale  scaling // read through a getter that scales it: seconds * time.Second
}

// fieldOf returns the struct field e reads, through conversions
// (int32(cfg.MaxOpenConns)) and a pointer field's dereference
// (*o.maxOpen), when the struct is an application's own, not a
// driver's, and the name of the struct type.
func (f *finder) fieldOf(e ast.Expr) (*types.Var, string) {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.StarExpr:
			e = x.X
			continue
		case *ast.CallExpr:
			if arg := conversionArg(f.info, x); arg != x {
				e = arg
				continue
			}
			return nil, ""
		case *ast.SelectorExpr:
			s, ok := f.info.Selections[x]
			if !ok || s.Kind() != types.FieldVal {
				return nil, ""
			}
			v, ok := s.Obj().(*types.Var)
			if !ok || v.Pkg() == nil || poolPkgs()[v.Pkg().Path()] || repoOf(v.Pkg().Path()) != repoOf(f.pkg.Path()) {
				return nil, ""
			}
			return v, typeName(s.Recv())
		}
		return nil, ""
	}
}

// repoOf is the part of an import path that names its repository:
// host/owner/repo for a path whose first element is a host name, else the
// first element. A struct of the same repository is the application's
// own; one of another repository is a library's.
func repoOf(path string) string {
	parts := strings.SplitN(path, "/", 4)
	if !strings.Contains(parts[0], ".") {
		return parts[0]
	}
	return strings.Join(parts[:min(3, len(parts))], "/")
}

func (f *finder) addFieldFlow(fl fieldFlow) { f.fieldFlows = appendOnce(f.fieldFlows, fl) }

// instantiateFields judges the constants written into fields that reach
// a setting: in composite literals and assignments of this package, and
// in the struct tag defaults of the fields it declares. flows are this
// package's; with imported, those of the packages it imports count too.
func (f *finder) instantiateFields(flows []fieldFlow, imported bool) {
	if len(flows) == 0 && (!imported || f.sums.None()) {
		return
	}
	byField := make(map[*types.Var][]fieldFlow)
	for _, fl := range flows {
		byField[fl.field] = append(byField[fl.field], fl)
	}
	flowsOf := func(v *types.Var) []fieldFlow {
		if v == nil {
			return nil
		}
		if fls, ok := byField[v]; ok || !imported {
			return fls
		}
		var fls []fieldFlow // from the packages this one imports
		for _, r := range f.sums.Reaches(v) {
			fls = append(fls, fieldFlow{field: v, owner: r.Owner, knob: r.Knob, source: r.Source, driver: r.Driver, scale: scaling{n: r.Scale, raw: r.ScaleRaw}})
		}
		byField[v] = fls
		return fls
	}
	for c := range f.insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.Field)(nil), (*ast.CallExpr)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CallExpr:
			// flag.IntVar(&cfg.MaxOpen, "db-max-open", 0, ...): the
			// default is a value of the field.
			if ff, ok := f.flagCall(n); ok && !ff.ptr {
				if fld := f.addrField(n.Args[0]); fld != nil {
					f.fieldValue(c, flowsOf(fld), n.Args[ff.def], Handle{Scope: funcOf(c), Call: n}, f.flagName(n, ff)+" default")
				}
			}
		case *ast.CompositeLit:
			if dest, val, name, ok := f.cliFlag(n); ok {
				if fld := f.addrField(dest); fld != nil {
					f.fieldValue(c, flowsOf(fld), val, Handle{Scope: funcOf(c), Lit: n}, "flag --"+name+" default")
				}
				continue
			}
			h := Handle{Scope: funcOf(c), Lit: n}
			checked := false
			for id, v := range keyed(n) {
				fls := flowsOf(f.fieldVar(id))
				if len(fls) == 0 {
					continue
				}
				if !checked && f.isExpected(c) {
					break // want := Settings{PoolSize: 64}: compared, not used
				}
				checked = true
				f.fieldValue(c, fls, v, h, "")
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
					if fld, _ := f.fieldOf(sel); fld != nil {
						f.fieldValue(c, flowsOf(fld), n.Rhs[i], f.handleOf(funcOf(c), sel.X), "")
					}
				}
			}
		case *ast.Field:
			for _, name := range n.Names {
				if fls := flowsOf(f.fieldVar(name)); fls != nil && n.Tag != nil {
					f.tagDefault(c, fls, n.Tag)
				}
			}
		}
	}
}

// fieldVar returns the field a key or a field name declares or names.
func (f *finder) fieldVar(id *ast.Ident) *types.Var {
	if v, ok := f.info.Uses[id].(*types.Var); ok && v.IsField() {
		return v
	}
	if v, ok := f.info.Defs[id].(*types.Var); ok && v.IsField() {
		return v
	}
	return nil
}

// fieldValue records a constant written into a field as a value of the
// settings the field reaches; def names the flag whose default it is.
func (f *finder) fieldValue(c inspector.Cursor, fls []fieldFlow, e ast.Expr, h Handle, def string) {
	if len(fls) == 0 {
		return
	}
	e = f.pointee(e)
	if !f.valueOf(e).konst {
		f.paramField(c, fls, e)
		for _, fl := range fls {
			f.noteKey(e, fl.knob, fl.source, f.fieldDriver(fl))
		}
		return
	}
	for _, fl := range fls {
		it := f.scaledItem(c, fl.knob, fl.source, e, h, fl.scale)
		s := it.Pool.Sites[0]
		s.Via = join(fl.name(), join(def, s.Via))
		s.Default = s.Default || def != ""
		if fl.source == model.Param {
			f.quoteEdit(s, e)
		}
		if d := f.fieldDriver(fl); d != "" {
			it.Driver, it.Pool.Driver = d, d
		}
	}
}

// pointee returns x when e is a call of a generic helper that returns a
// pointer to its argument, ptr.To(x) (k8s.io/utils/ptr, lo.ToPtr and
// the like: func[T any](v T) *T), written into a pointer field.
func (f *finder) pointee(e ast.Expr) ast.Expr {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return e
	}
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok {
		return e
	}
	sig := fn.Origin().Signature()
	if sig.TypeParams().Len() != 1 || sig.Params().Len() != 1 || sig.Results().Len() != 1 {
		return e
	}
	tp := sig.TypeParams().At(0)
	ptr, ok := sig.Results().At(0).Type().(*types.Pointer)
	if !ok || sig.Params().At(0).Type() != tp || ptr.Elem() != tp {
		return e
	}
	return call.Args[0]
}

// quoteEdit reads a DSN parameter's value written into a string field
// as the DSN's text (disable, not "disable"), and makes its fix a Go
// string: sslmode=require becomes "require".
func (f *finder) quoteEdit(s *model.Site, e ast.Expr) {
	tv := f.info.Types[f.valueOf(e).expr]
	if tv.Value == nil || tv.Value.Kind() != constant.String {
		return
	}
	s.Raw = constant.StringVal(tv.Value)
	ref, _ := s.Ref.(*Ref)
	if ref == nil || ref.Edit == nil {
		return
	}
	edit := ref.Edit
	ref.Edit = func(src string) ([]analysis.TextEdit, bool) { return edit(strconv.Quote(src)) }
}

// paramField makes a parameter written into a field that reaches a
// setting a flow of its function: WithLifetime(d) returning
// Option{lifetime: d}, whose method calls db.SetConnMaxLifetime(o.lifetime).
// A pointer to the parameter (o.maxOpen = &n, read as *o.maxOpen) is
// the parameter.
func (f *finder) paramField(c inspector.Cursor, fls []fieldFlow, e ast.Expr) {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = u.X
	}
	fn, i, ok := f.paramOf(c, f.resolve(e))
	if !ok {
		return
	}
	for _, fl := range fls {
		f.addFlow(flow{fn: fn, param: i, knob: fl.knob, source: fl.source, driver: f.fieldDriver(fl), at: at(f.fset, e.Pos()), scale: fl.scale})
	}
}

func (f *finder) fieldDriver(fl fieldFlow) catalog.Driver {
	return f.flowDriver(flow{handle: fl.handle, driver: fl.driver})
}

// name spells the field as Type.Field.
func (fl fieldFlow) name() string {
	if fl.owner == "" {
		return fl.field.Name()
	}
	return fl.owner + "." + fl.field.Name()
}

// defaultTags are the struct tag keys of the configuration libraries
// that hold a field's default: caarlos0/env (envDefault),
// kelseyhightower/envconfig and others (default), ilyakaznacheev/cleanenv
// (env-default).
var defaultTags = []string{"envDefault", "default", "env-default"}

// tagDefault records a number in a field's default tag as the value of
// the settings the field reaches: it is what runs when nobody sets the
// variable. The finding and the fix sit on the number in the tag.
func (f *finder) tagDefault(c inspector.Cursor, fls []fieldFlow, tag *ast.BasicLit) {
	raw, err := strconv.Unquote(tag.Value)
	if err != nil {
		return
	}
	for _, key := range defaultTags {
		val, ok := reflect.StructTag(raw).Lookup(key)
		if !ok || val == "" {
			continue
		}
		at := tagValueOffset(tag.Value, key)
		if at < 0 || at+len(val) > len(tag.Value) || tag.Value[at:at+len(val)] != val {
			return
		}
		pos := tag.ValuePos + token.Pos(at)
		for _, fl := range fls {
			f.tagItem(c, fl, val, pos, pos+token.Pos(len(val)))
		}
		return
	}
}

// tagValueOffset returns where the value of key starts in a raw string
// literal holding a struct tag, or -1 (an interpreted string literal may
// hold escapes that move it).
func tagValueOffset(lit, key string) int {
	if !strings.HasPrefix(lit, "`") {
		return -1
	}
	for i := 0; ; {
		j := strings.Index(lit[i:], key+`:"`)
		if j < 0 {
			return -1
		}
		at := i + j
		if at == 1 || lit[at-1] == ' ' {
			return at + len(key) + 2
		}
		i = at + 1
	}
}

// goValue spells a tag's value as a constant of the knob's Go type
// reads: a duration ("5s") in nanoseconds.
func goValue(k *catalog.Knob, val string) string {
	if ns, ok := nanoseconds(val); ok && k.Unit == catalog.UnitGoDuration {
		return ns
	}
	return val
}

// tagItem records one default from a tag.
func (f *finder) tagItem(c inspector.Cursor, fl fieldFlow, val string, pos, end token.Pos) {
	k := fl.knob
	s := &model.Site{Setting: k.Setting, Key: k.Key, Raw: val, Knob: k, Source: fl.source, Const: true, Default: true,
		Via: fl.name() + "'s default tag"}
	s.Value, s.Problem = k.Parse(goValue(k, val))
	w := f.where(c)
	s.Ref = &Ref{Pos: pos, End: end, Where: w, Edit: func(src string) ([]analysis.TextEdit, bool) {
		if strings.Trim(src, "0123456789") != "" {
			return nil, false // a number fits in the tag; a Go duration expression does not
		}
		return []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte(src)}}, true
	}}
	pool := &model.Pool{Driver: k.Driver, Sites: []*model.Site{s}, Partial: true}
	it := &Item{Pool: pool, Handle: Handle{Obj: fl.field}, Where: w, Pos: pos, End: end}
	if d := f.fieldDriver(fl); d != "" {
		it.Driver, pool.Driver = d, d
	}
	f.res.Items = append(f.res.Items, it)
}

// addrField returns the field of the application's own struct that
// &x.F points to.
func (f *finder) addrField(e ast.Expr) *types.Var {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil
	}
	fld, _ := f.fieldOf(u.X)
	return fld
}

// cliFlag reads a github.com/urfave/cli flag literal,
// &cli.IntFlag{Name: "db-max-open", Value: 0, Destination: &cfg.MaxOpen}:
// where it stores, its default, and its name.
func (f *finder) cliFlag(lit *ast.CompositeLit) (dest, val ast.Expr, name string, ok bool) {
	n, isNamed := types.Unalias(deref(f.info.TypeOf(lit))).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil || !strings.HasPrefix(n.Obj().Pkg().Path(), "github.com/urfave/cli") || !strings.HasSuffix(n.Obj().Name(), "Flag") {
		return nil, nil, "", false
	}
	for id, v := range keyed(lit) {
		switch id.Name {
		case "Destination":
			dest = v
		case "Value":
			val = v
		case "Name":
			name, _ = f.constString(v)
		}
	}
	return dest, val, name, dest != nil && val != nil
}
