package find

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// A flow is a parameter of a function of this package that reaches a
// pool setting (db.SetMaxOpenConns(maxOpen), c.MaxConns = n in a
// returned option closure) or a DSN sink (sql.Open("pgx", dsn)) in its
// body. A call with known arguments is judged where the call is: its
// scope, the finding on the argument, the fix rewriting the argument or
// the constant it names.
type flow struct {
	fn     *types.Func
	param  int
	knob   *catalog.Knob // a setting; nil for a DSN
	source model.Source
	handle Handle         // what the setting configures in fn
	driver catalog.Driver // the sink's driver for a DSN; for a setting, the pool's when a caller's flow knows it
	at     string         // where the setting is: "db.go:12", for messages
	scale  scaling        // what the parameter is multiplied by on its way: time.Second
}

// paramOf returns the function of this package and the index of the
// parameter e names, when e is a parameter of the function declaration
// around c that its body never assigns.
func (f *finder) paramOf(c inspector.Cursor, e ast.Expr) (*types.Func, int, bool) {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil, 0, false
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok {
		return nil, 0, false
	}
	fd, ok := funcOf(c).(*ast.FuncDecl)
	if !ok {
		return nil, 0, false
	}
	fn, ok := f.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return nil, 0, false
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			f.index()
			if vi := f.vars[v]; vi != nil && vi.n > 1 { // assigned in the body: its value is not the argument
				return nil, 0, false
			}
			return fn, i, true
		}
	}
	return nil, 0, false
}

// addFlow records a flow, once.
func (f *finder) addFlow(fl flow) { f.flows = appendOnce(f.flows, fl) }

// appendOnce appends x to s unless s holds it.
func appendOnce[T comparable](s []T, x T) []T {
	if slices.Contains(s, x) {
		return s
	}
	return append(s, x)
}

// instantiate judges the calls of functions with flows, from flow
// number done on: each call's known arguments make a pool of their own
// at the call, with the driver the function's pool has. An argument
// that is itself a parameter of the caller makes a flow of the caller,
// so flows follow helpers of helpers; this runs until no new flow
// appears. It returns how many flows are done.
func (f *finder) instantiate(done int) int {
	for round := 0; done < len(f.flows) && round < 4; round++ {
		todo := f.flows[done:]
		done = len(f.flows)
		byFn := make(map[*types.Func][]flow)
		for _, fl := range todo {
			byFn[fl.fn] = append(byFn[fl.fn], fl)
		}
		for c := range f.insp.Root().Preorder((*ast.CallExpr)(nil)) {
			call := c.Node().(*ast.CallExpr)
			fn, ok := typeutil.Callee(f.info, call).(*types.Func)
			if !ok || byFn[fn] == nil || call.Ellipsis.IsValid() {
				continue
			}
			f.callFlows(c, call, byFn[fn])
		}
	}
	return len(f.flows)
}

// callFlows judges one call of a function with flows.
func (f *finder) callFlows(c inspector.Cursor, call *ast.CallExpr, fls []flow) {
	h := Handle{Scope: funcOf(c), Call: call}
	for _, fl := range fls {
		if fl.param >= len(call.Args) {
			continue
		}
		arg := call.Args[fl.param]
		if fn, i, ok := f.paramOf(c, f.resolve(arg)); ok {
			f.addFlow(flow{fn: fn, param: i, knob: fl.knob, source: fl.source, driver: f.flowDriver(fl), at: fl.at, scale: fl.scale})
			continue
		}
		if fl.knob == nil {
			f.dsnArg(c, arg, fl.driver, h, arg)
			continue
		}
		if v := f.valueOf(arg); !v.konst {
			f.noteKey(arg, fl.knob, fl.source, f.flowDriver(fl))
			continue
		}
		it := f.scaledItem(c, fl.knob, fl.source, arg, h, fl.scale)
		s := it.Pool.Sites[0]
		via := fl.fn.Name() + "'s " + paramName(fl.fn, fl.param)
		if fl.at != "" {
			via += " at " + fl.at
		}
		s.Via = join(via, s.Via)
		if fl.source == model.Param {
			f.quoteEdit(s, arg)
		}
		if d := f.flowDriver(fl); d != "" {
			it.Driver, it.Pool.Driver = d, d
		}
	}
}

// flowDriver is the driver of the pool a flow's setting configures in
// its function: the sink that opened it there, if one did.
func (f *finder) flowDriver(fl flow) catalog.Driver {
	if fl.driver != "" || fl.handle.IsZero() {
		return fl.driver
	}
	for _, it := range f.res.Items {
		if it.Handle == fl.handle && it.Driver != "" {
			return it.Driver
		}
	}
	return ""
}

func paramName(fn *types.Func, i int) string {
	if name := fn.Signature().Params().At(i).Name(); name != "" && name != "_" {
		return name
	}
	return "argument " + string(rune('1'+i))
}

func join(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + ", " + b
}

// instantiateForeign judges the calls of functions of other packages of
// the module whose flows their packages summarized.
func (f *finder) instantiateForeign() {
	if f.sums.None() {
		return
	}
	for c := range f.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := c.Node().(*ast.CallExpr)
		fn, ok := typeutil.Callee(f.info, call).(*types.Func)
		if !ok || fn.Pkg() == nil || fn.Pkg() == f.pkg || call.Ellipsis.IsValid() {
			continue
		}
		var fls []flow
		for _, fl := range f.sums.Flows(fn) {
			fls = append(fls, flow{fn: fn, param: fl.Param, knob: fl.Knob, source: fl.Source, driver: fl.Driver, at: fl.At, scale: scaling{fl.Scale, fl.ScaleRaw}})
		}
		if len(fls) > 0 {
			f.callFlows(c, call, fls)
		}
	}
}
