package find

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/types/typeutil"
)

// A flagFunc is a flag definition: where its name and default are among
// the arguments, and whether it returns a pointer (flag.Int) or fills
// one (flag.IntVar).
type flagFunc struct {
	name, def int
	ptr       bool
}

// flagFuncs maps flag definitions of the standard flag package and of
// github.com/spf13/pflag, functions and FlagSet methods alike, by
// funcKey.
var flagFuncs = sync.OnceValue(func() map[string]flagFunc {
	m := make(map[string]flagFunc)
	kinds := []string{"Int", "Int64", "Uint", "Uint64", "Float64", "Duration", "String", "Bool"}
	for _, pkg := range []string{"flag", "github.com/spf13/pflag"} {
		for _, prefix := range []string{pkg + ".", pkg + ".FlagSet."} {
			for _, k := range kinds {
				m[prefix+k] = flagFunc{name: 0, def: 1, ptr: true}
				m[prefix+k+"Var"] = flagFunc{name: 1, def: 2}
				if pkg != "flag" {
					m[prefix+k+"P"] = flagFunc{name: 0, def: 2, ptr: true}
					m[prefix+k+"VarP"] = flagFunc{name: 1, def: 3}
				}
			}
		}
	}
	return m
})

// libraryFallbacks maps getters of configuration libraries that take
// the value to use when a key is missing to that parameter's index, by
// funcKey: p.GetInt("db.max_conns", 10) of magiconair/properties,
// sec.Key("MAX_OPEN_CONNS").MustInt(0) of go-ini.
var libraryFallbacks = sync.OnceValue(func() map[string]int {
	m := make(map[string]int)
	for _, k := range []string{"Bool", "Duration", "ParsedDuration", "Float32", "Float64", "Int", "Int32", "Int64", "String", "Uint", "Uint32", "Uint64"} {
		m["github.com/magiconair/properties.Properties.Get"+k] = 1
	}
	for _, pkg := range []string{"gopkg.in/ini.v1", "github.com/go-ini/ini"} {
		for _, k := range []string{"Bool", "Duration", "Float64", "Int", "Int64", "String", "Uint", "Uint64"} {
			m[pkg+".Key.Must"+k] = 0
		}
	}
	return m
})

// flagCall returns the flag definition call is, if any.
func (f *finder) flagCall(call *ast.CallExpr) (flagFunc, bool) {
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return flagFunc{}, false
	}
	ff, ok := flagFuncs()[funcKey(fn)]
	return ff, ok && ff.def < len(call.Args)
}

// fallback returns what applies to e when nobody sets it at run time,
// and says where it comes from:
//
//   - *p with p := flag.Int("db-max-conns", 0, "..."), or v given to
//     flag.IntVar(&v, "db-max-conns", 0, "..."): the flag's default;
//   - cmp.Or(x, 10) with x not constant: the last argument;
//   - a call of a function of this package that returns one of its
//     parameters as a fallback, envInt("DB_MAX_IDLE", 0): that argument;
//   - a getter of a configuration library with a default argument
//     (libraryFallbacks): that argument;
//   - a local whose zero value a check replaces, if v == "" { v =
//     "disable" }: that constant;
//   - viper.GetInt("db.max_open") and the getters of viper-like objects:
//     the value SetDefault gives the key, or the default of the flag of
//     that name when the package binds its flags to viper.
//
// It reports false when e has no such default.
func (f *finder) fallback(e ast.Expr) (ast.Expr, string, bool) {
	switch x := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		if call, ok := ast.Unparen(f.assigned(x.X)).(*ast.CallExpr); ok {
			if ff, ok := f.flagCall(call); ok && ff.ptr {
				return call.Args[ff.def], f.flagName(call, ff), true
			}
		}
	case *ast.Ident:
		if v, ok := f.info.Uses[x].(*types.Var); ok {
			f.index()
			if call := f.flagVars[v]; call != nil {
				ff, _ := f.flagCall(call)
				return call.Args[ff.def], f.flagName(call, ff), true
			}
			// sslmode := cfg.Get("sslmode"); if sslmode == "" { sslmode = "disable" }
			if vi := f.vars[v]; vi != nil && vi.zero != nil && vi.n == 2 && !vi.addr && (vi.first == nil || !f.isConst(vi.first)) {
				return vi.zero, "the value when " + types.ExprString(vi.cond), true
			}
		}
	case *ast.CallExpr:
		if d, via, ok := f.configFallback(x); ok {
			return d, via, true
		}
		return f.callFallback(x)
	}
	return nil, "", false
}

// foreignDefault returns the default of a field of another package's
// struct that e reads, as its package summarized it.
func (f *finder) foreignDefault(e ast.Expr) (FieldDefault, string, types.Object, bool) {
	fld, owner := f.fieldOf(e)
	if fld == nil || fld.Pkg() == f.pkg {
		return FieldDefault{}, "", nil, false
	}
	d, ok := f.sums.Default(fld)
	if !ok {
		return FieldDefault{}, "", nil, false
	}
	name := fld.Name()
	if owner != "" {
		name = owner + "." + name
	}
	return d, "the default of " + name + " at " + d.At, fld, true
}

// getterDefault returns the default that a getter method of another
// package returns, opts.ConnMaxLifetime(), as its package summarized it.
func (f *finder) getterDefault(e ast.Expr) (FieldDefault, string, types.Object, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return FieldDefault{}, "", nil, false
	}
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg() == f.pkg || fn.Signature().Recv() == nil {
		return FieldDefault{}, "", nil, false
	}
	d, ok := f.sums.Getter(fn)
	if !ok {
		return FieldDefault{}, "", nil, false
	}
	name := fn.Name() + "()"
	if n, ok := types.Unalias(deref(fn.Signature().Recv().Type())).(*types.Named); ok {
		name = n.Obj().Name() + "." + name
	}
	return d, "the default " + name + " returns, set at " + d.At, fn, true
}

// writtenAt turns where d is written (d.File, or d.At, "file.go:12", a
// place in the package that declares obj) into a position, when that
// file is loaded (the command line loads the module's packages; go vet
// does not): NoPos otherwise.
func (f *finder) writtenAt(obj types.Object, d FieldDefault) token.Pos {
	file, line, ok := strings.Cut(d.At, ":")
	n, err := strconv.Atoi(line)
	decl := f.fset.Position(obj.Pos()).Filename
	if !ok || err != nil || n < 1 || decl == "" {
		return token.NoPos
	}
	name := filepath.Join(filepath.Dir(decl), file)
	if d.File != "" {
		name = d.File
	}
	if f.tokens == nil {
		f.tokens = make(map[string]*token.File)
		f.fset.Iterate(func(tf *token.File) bool {
			f.tokens[tf.Name()] = tf
			return true
		})
	}
	tf := f.tokens[name]
	if tf == nil || n > tf.LineCount() {
		return token.NoPos
	}
	return tf.LineStart(n)
}

// callFallback handles cmp.Or and this package's fallback helpers.
func (f *finder) callFallback(call *ast.CallExpr) (ast.Expr, string, bool) {
	return fallbackArg(f.info, call, func(fn *types.Func) int {
		if fn.Pkg() == f.pkg {
			return f.fallbackParam(fn)
		}
		return f.sums.Fallback(fn)
	})
}

// fallbackArg returns the constant argument call returns when its key is
// missing: cmp.Or's last, a configuration library's default argument, a
// helper's fallback parameter (fallbackOf, -1 for none); and how to say
// so.
func fallbackArg(info *types.Info, call *ast.CallExpr, fallbackOf func(*types.Func) int) (ast.Expr, string, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return nil, "", false
	}
	isConst := func(e ast.Expr) bool { return info.Types[e].Value != nil }
	if fn.Pkg().Path() == "cmp" && fn.Name() == "Or" {
		last := call.Args[len(call.Args)-1]
		if isConst(last) && !isConst(call.Args[0]) {
			return last, "the last argument of cmp.Or", true
		}
		return nil, "", false
	}
	i, ok := libraryFallbacks()[funcKey(fn)]
	if !ok {
		i = fallbackOf(fn)
	}
	if i < 0 || i >= len(call.Args) || !isConst(call.Args[i]) {
		return nil, "", false
	}
	return call.Args[i], "the fallback of " + types.ExprString(call), true
}

// assigned follows a variable, local or of the package, assigned once
// (at its declaration) to that value: p in var p = flag.Int(...).
func (f *finder) assigned(e ast.Expr) ast.Expr {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return e
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return e
	}
	f.index()
	if vi := f.vars[v]; vi != nil && vi.n == 1 && !vi.addr && vi.expr != nil {
		return vi.expr
	}
	return e
}

// flagName spells a flag for messages: "flag -db-max-conns".
func (f *finder) flagName(call *ast.CallExpr, ff flagFunc) string {
	if name, ok := f.constString(call.Args[ff.name]); ok {
		return "flag -" + name
	}
	return "flag " + types.ExprString(call.Args[ff.name])
}

func (f *finder) isConst(e ast.Expr) bool {
	tv, ok := f.info.Types[e]
	return ok && tv.Value != nil
}

// fallbackParam returns the index of the parameter fn returns as a
// fallback: the one parameter some return statement of fn returns as
// it is, while no return statement returns another. -1 when there is
// none, or fn is not declared in this package's files.
func (f *finder) fallbackParam(fn *types.Func) int {
	if i, ok := f.fallbacks[fn]; ok {
		return i
	}
	f.index()
	i := -1
	if fd := f.funcs[fn]; fd != nil && fd.Body != nil && fn.Signature().Results().Len() == 1 {
		i = returnedParam(f.info, fn.Signature().Params(), fd.Body)
	}
	if f.fallbacks == nil {
		f.fallbacks = make(map[*types.Func]int)
	}
	f.fallbacks[fn] = i
	return i
}

// returnedParam finds the one parameter of params that body returns
// directly.
func returnedParam(info *types.Info, params *types.Tuple, body *ast.BlockStmt) int {
	found := -1
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				return true
			}
			id, ok := ast.Unparen(n.Results[0]).(*ast.Ident)
			if !ok {
				return true
			}
			for i := range params.Len() {
				if info.Uses[id] == params.At(i) {
					if found >= 0 && found != i {
						found = -2 // two parameters returned: no single fallback
					} else if found != -2 {
						found = i
					}
				}
			}
		}
		return true
	})
	return max(found, -1)
}

// isFlagVar reports a flag.XxxVar(&v, ...) call, and v.
func (f *finder) isFlagVar(call *ast.CallExpr) (*types.Var, bool) {
	ff, ok := f.flagCall(call)
	if !ok || ff.ptr {
		return nil, false
	}
	u, ok := ast.Unparen(call.Args[0]).(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return nil, false
	}
	id, ok := ast.Unparen(u.X).(*ast.Ident)
	if !ok {
		return nil, false
	}
	v, ok := f.info.Uses[id].(*types.Var)
	return v, ok
}
