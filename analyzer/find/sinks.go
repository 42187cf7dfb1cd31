package find

import (
	"go/ast"
	"go/constant"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// sinkCall records the DSN passed to a sink and the handle it opens.
// The driver comes from the sink, or from sql.Open's driver name.
func (f *finder) sinkCall(c inspector.Cursor, call *ast.CallExpr, s catalog.Sink) {
	driver := s.Driver
	if s.DriverArg >= 0 && s.DriverArg < len(call.Args) {
		driver = ""
		if name, ok := f.constString(call.Args[s.DriverArg]); ok {
			driver, _ = catalog.ForSQLName(name)
		}
	}
	h := f.resultHandle(c)
	if s.DSNArg < 0 || s.DSNArg >= len(call.Args) {
		f.opaque(c, driver, h, call)
		return
	}
	f.dsnArg(c, call.Args[s.DSNArg], driver, h, call)
}

// dsnArg reads the DSN expression e given to a sink or a DSN field.
func (f *finder) dsnArg(c inspector.Cursor, e ast.Expr, driver catalog.Driver, h Handle, whole ast.Node) {
	if fn, i, ok := f.paramOf(c, f.resolve(e)); ok {
		f.addFlow(flow{fn: fn, param: i, driver: driver})
	}
	t := f.textOf(f.resolve(e))
	if t == nil {
		f.opaque(c, driver, h, whole)
		return
	}
	f.markUsed(t)
	p := parseText(t, driver, sink)
	if p == nil {
		f.opaque(c, driver, h, whole)
		return
	}
	f.dsnItem(c, p, driver, h, whole)
}

// opaque records a handle whose DSN cannot be read, so that setters on
// it still learn the driver.
func (f *finder) opaque(c inspector.Cursor, driver catalog.Driver, h Handle, whole ast.Node) {
	if h.IsZero() {
		return
	}
	w := f.where(c)
	pool := &model.Pool{Driver: driver, Partial: true}
	f.res.Items = append(f.res.Items, &Item{Pool: pool, Handle: h, Driver: driver, Where: w, Pos: whole.Pos(), End: whole.End(), Guard: f.guard(c)})
}

// markUsed marks the literals and calls of t as read, so that the pass
// over loose string literals does not read them again.
func (f *finder) markUsed(t *text) {
	for _, p := range t.parts {
		if p.lit != nil {
			f.used[p.lit.lit] = true
		}
	}
}

// constString returns the value of a constant string expression.
func (f *finder) constString(e ast.Expr) (string, bool) {
	tv, ok := f.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// envKeyWords mark an environment variable that holds a DSN.
var envKeyWords = []string{"URL", "DSN", "DATABASE", "CONN", "REDIS", "POSTGRES", "MYSQL", "PG_", "DB_"}

// setenv reads os.Setenv("DATABASE_URL", v) and t.Setenv(...).
func (f *finder) setenv(c inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	key, ok := f.constString(call.Args[0])
	if !ok || !envKey(key) {
		return
	}
	t := f.textOf(f.resolve(call.Args[1]))
	if t == nil {
		return
	}
	if p := parseText(t, "", concat); p != nil {
		f.markUsed(t)
		f.dsnItem(c, p, "", Handle{}, call.Args[1])
	}
}

func envKey(key string) bool {
	key = strings.ToUpper(key)
	for _, w := range envKeyWords {
		if strings.Contains(key, w) {
			return true
		}
	}
	return false
}
