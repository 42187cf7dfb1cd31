package find

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// configGetters are the getters of a viper-like configuration object:
// github.com/spf13/viper's functions and *viper.Viper's methods, and the
// same methods of any type that also has SetDefault (an application's
// own Configuration interface over viper).
var configGetters = map[string]bool{
	"GetInt": true, "GetInt32": true, "GetInt64": true, "GetUint": true, "GetUint16": true,
	"GetUint32": true, "GetUint64": true, "GetFloat64": true, "GetDuration": true,
	"GetString": true, "GetBool": true,
}

const viperPkg = "github.com/spf13/viper"

// A configDefault is a viper.SetDefault(key, value) call, or a flag
// registered in a package that binds its flags to viper.
type configDefault struct {
	recv  string   // the configuration object, as written; "viper" for the package
	key   ast.Expr // the key
	value ast.Expr
	fn    ast.Node // the function the call is in
	via   string
}

// configKey is a getter call's configuration object and key, when call
// is a getter of a viper-like object.
func (f *finder) configKey(call *ast.CallExpr) (recv string, key ast.Expr, ok bool) {
	fn, isFunc := typeutil.Callee(f.info, call).(*types.Func)
	if !isFunc || fn.Pkg() == nil || !configGetters[fn.Name()] || len(call.Args) != 1 {
		return "", nil, false
	}
	if fn.Pkg().Path() == viperPkg && fn.Signature().Recv() == nil {
		return "viper", call.Args[0], true
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || fn.Signature().Recv() == nil || !hasSetDefault(f.info.TypeOf(sel.X)) {
		return "", nil, false
	}
	return types.ExprString(sel.X), call.Args[0], true
}

// hasSetDefault reports whether t has a method SetDefault(key string, value any).
func hasSetDefault(t types.Type) bool {
	if t == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "SetDefault")
	m, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	p := m.Signature().Params()
	return p.Len() == 2 && types.Identical(p.At(0).Type(), types.Typ[types.String])
}

// configFallback returns the default a viper-like getter call returns
// when nobody sets its key: the value of the one SetDefault call of the
// same object and key, or, for viper, the default of the flag of that
// name when the package binds its flags to viper. A key that is not
// constant (prefix + "max_idle") matches only in the same function.
func (f *finder) configFallback(call *ast.CallExpr) (ast.Expr, string, bool) {
	recv, key, ok := f.configKey(call)
	if !ok {
		return nil, "", false
	}
	f.index()
	var found *configDefault
	for i := range f.configDefaults {
		d := &f.configDefaults[i]
		if d.recv != recv || !f.sameKey(d, key, call) {
			continue
		}
		if found != nil && types.ExprString(found.value) != types.ExprString(d.value) {
			return nil, "", false // two defaults: which one runs is not known here
		}
		if found == nil || strings.HasPrefix(found.via, "flag") {
			found = d // SetDefault wins over a flag's default when both agree
		}
	}
	if found == nil || !f.kindFits(call, found.value) {
		return nil, "", false
	}
	return found.value, found.via, true
}

// kindFits reports whether the constant v is of the kind the getter call
// returns as it is: a number for GetInt and GetDuration (viper reads an
// int as nanoseconds there, as Go does), a string for GetString. A
// string "5m" that GetDuration parses is left alone.
func (f *finder) kindFits(call *ast.CallExpr, v ast.Expr) bool {
	tv, ok := f.info.Types[v]
	if !ok || tv.Value == nil {
		return false
	}
	fn, _ := typeutil.Callee(f.info, call).(*types.Func)
	switch fn.Name() {
	case "GetString":
		return tv.Value.Kind() == constant.String
	case "GetBool":
		return tv.Value.Kind() == constant.Bool
	}
	return tv.Value.Kind() == constant.Int
}

// sameKey reports whether d sets the key a getter call reads.
func (f *finder) sameKey(d *configDefault, key ast.Expr, call *ast.CallExpr) bool {
	if k, ok := f.constString(key); ok {
		dk, ok := f.constString(d.key)
		return ok && k == dk && (d.recv == "viper" || d.fn == f.funcAt(call))
	}
	return d.fn != nil && d.fn == f.funcAt(call) && types.ExprString(d.key) == types.ExprString(key)
}

// funcAt returns the function declaration that holds n, or nil.
func (f *finder) funcAt(n ast.Node) ast.Node {
	if file := f.fileOf(n.Pos()); file != nil {
		if fd := declAt(file, n.Pos()); fd != nil {
			return fd
		}
	}
	return nil // not a nil *ast.FuncDecl in an interface: it must compare unequal to a function
}

// indexConfig records the SetDefault calls of viper-like objects and,
// when the package binds flags to viper (viper.BindPFlags,
// viper.BindPFlag), the flags it registers.
func (f *finder) indexConfig(call *ast.CallExpr) {
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return
	}
	switch {
	case fn.Name() == "SetDefault" && len(call.Args) == 2:
		if fn.Pkg().Path() == viperPkg && fn.Signature().Recv() == nil {
			f.configDefaults = append(f.configDefaults, configDefault{recv: "viper", key: call.Args[0], value: call.Args[1], fn: f.funcAt(call),
				via: "the default of " + f.keyName(call.Args[0]) + " (viper.SetDefault)"})
			return
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
			recv := types.ExprString(sel.X)
			f.configDefaults = append(f.configDefaults, configDefault{recv: recv, key: call.Args[0], value: call.Args[1], fn: f.funcAt(call),
				via: "the default of " + f.keyName(call.Args[0]) + " (" + recv + ".SetDefault)"})
		}
	case fn.Pkg().Path() == viperPkg && strings.HasPrefix(fn.Name(), "BindPFlag"):
		f.viperBinds = true
	}
}

// keyName spells a key for messages: "db.max_open" or prefix+"max_open".
func (f *finder) keyName(e ast.Expr) string {
	if k, ok := f.constString(e); ok {
		return `"` + k + `"`
	}
	return types.ExprString(e)
}

// boundFlags adds the flags of a package that binds its flags to viper
// as defaults of the viper keys of their names.
func (f *finder) boundFlags() {
	if !f.viperBinds {
		return
	}
	for _, fl := range f.namedFlags() {
		f.configDefaults = append(f.configDefaults, configDefault{recv: "viper", key: fl.call.Args[fl.def.name], value: fl.value,
			via: "flag --" + fl.name + " default, bound to viper"})
	}
}

// A namedFlag is a flag definition with a constant name.
type namedFlag struct {
	call  *ast.CallExpr
	def   flagFunc
	name  string
	value ast.Expr // the default
}

// namedFlags lists this package's pflag definitions with constant names:
// viper.BindPFlags binds pflag sets, not the standard flag package's.
func (f *finder) namedFlags() []namedFlag {
	var out []namedFlag
	for _, call := range f.flagCalls {
		fn, _ := typeutil.Callee(f.info, call).(*types.Func)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "github.com/spf13/pflag" {
			continue
		}
		ff, _ := f.flagCall(call)
		if name, ok := f.constString(call.Args[ff.name]); ok {
			out = append(out, namedFlag{call: call, def: ff, name: name, value: call.Args[ff.def]})
		}
	}
	return out
}

// noteKey records a viper key whose value reaches the setting k with no
// default in this package: viper.GetDuration("db.lifetime") passed on
// to a setter. A package that imports this one and registers a flag of
// that name, bound to viper, judges the flag's default (instantiateKeys).
func (f *finder) noteKey(e ast.Expr, k *catalog.Knob, src model.Source, driver catalog.Driver) {
	if k == nil {
		return
	}
	kf, ok := f.viperKey(e)
	if !ok {
		return
	}
	if f.keyReaches == nil {
		f.keyReaches = make(map[string][]Reach)
	}
	r := Reach{Knob: k, Source: src, Driver: driver, At: at(f.fset, kf.call.Pos()), Zero: strings.Join(kf.zero, " ")}
	f.keyReaches[kf.key] = appendOnce(f.keyReaches[kf.key], r)
}

// viperKey is the viper key, read here with no default here, whose value
// e holds: directly, or once the other keys read on the way are 0
// (keyThrough).
func (f *finder) viperKey(e ast.Expr) (keyFlow, bool) {
	if call, ok := ast.Unparen(f.resolve(e)).(*ast.CallExpr); ok {
		if kf, getter, ok := f.getterKey(call); getter {
			return kf, ok
		}
	}
	kf, ok := f.keyThrough(e)
	return kf, ok && kf.call != nil
}

// getterKey reads call as a getter of a viper-like object: getter says
// whether it is one, ok whether it reads a constant viper key that has
// no default in this package (one that has is judged here, at the
// default).
func (f *finder) getterKey(call *ast.CallExpr) (kf keyFlow, getter, ok bool) {
	recv, key, getter := f.configKey(call)
	if !getter {
		return keyFlow{}, false, false
	}
	name, named := f.constString(key)
	if _, _, fb := f.configFallback(call); recv != "viper" || !named || fb {
		return keyFlow{}, true, false
	}
	return keyFlow{call: call, key: name}, true, true
}

// instantiateKeys judges the defaults of the flags this package binds to
// viper whose keys imported packages read into a setting.
func (f *finder) instantiateKeys() {
	if f.sums.None() {
		return
	}
	f.index()
	if !f.viperBinds {
		return
	}
	flags := f.namedFlags()
	for _, fl := range flags {
		rs := f.sums.KeyReaches(fl.name)
		if len(rs) == 0 {
			continue
		}
		c, ok := f.insp.Root().FindNode(fl.call)
		if !ok {
			continue
		}
		for _, r := range rs {
			zero, ok := f.zeroFlags(flags, r.Zero)
			if !ok {
				continue
			}
			it := f.apiItem(c, r.Knob, r.Source, fl.value, Handle{Scope: funcOf(c), Call: fl.call})
			s := it.Pool.Sites[0]
			s.Via = join("flag --"+fl.name+" default, bound to viper, read at "+r.At+zero, s.Via)
			s.Default = true
			if r.Driver != "" {
				it.Driver, it.Pool.Driver = r.Driver, r.Driver
			}
		}
	}
}

// zeroFlags checks that each of keys, space-separated, is a flag this
// package binds whose default is 0, and says so for a message: a key's
// value reaches a setting through a helper only when they are
// (find.Reach.Zero).
func (f *finder) zeroFlags(flags []namedFlag, keys string) (string, bool) {
	if keys == "" {
		return "", true
	}
	var names []string
	for _, k := range strings.Fields(keys) {
		i := slices.IndexFunc(flags, func(fl namedFlag) bool { return fl.name == k })
		if i < 0 {
			return "", false
		}
		if v := f.valueOf(flags[i].value); !v.konst || v.exact != "0" {
			return "", false
		}
		names = appendOnce(names, "--"+k)
	}
	if len(names) > 1 {
		return " with " + strings.Join(names, ", ") + " at their defaults, 0", true
	}
	return " with " + names[0] + " at its default 0", true
}
