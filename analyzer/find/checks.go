package find

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"math/big"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/poolcheck/poolcheck/catalog"
)

// unitlessDuration reports an untyped integer given to a duration knob:
// SetConnMaxLifetime(300) is 300 ns. The fix reads the number as seconds.
// It reports whether the check applies.
func (f *finder) unitlessDuration(w Where, k *catalog.Knob, e ast.Expr, v value, target ast.Expr) bool {
	n, ok := new(big.Int).SetString(v.exact, 10)
	if !ok || n.Sign() <= 0 {
		return false
	}
	ch := Check{
		Name: "duration-without-unit", Pos: e.Pos(), End: e.End(), Where: w,
		Message: fmt.Sprintf("%s(%s) is %s nanoseconds; a time.Duration needs a unit", k.Key, v.raw, v.exact),
	}
	src := v.raw + " * time.Second"
	if _, isLit := target.(*ast.BasicLit); !isLit {
		src = "(" + v.raw + ") * time.Second"
	}
	if edits, ok := f.exprEdit(target)(src); ok && !v.elsewhere { // a default of another package: no fix from here
		ch.Fix, ch.FixMsg = edits, "read "+v.raw+" as seconds: "+src
	}
	f.res.Checks = append(f.res.Checks, ch)
	return true
}

// poolFromConfig notes that pgxpool.NewWithConfig(ctx, cfg) or
// pgx.ConnectConfig(ctx, cfg) copied cfg: later writes have no effect.
func (f *finder) poolFromConfig(c inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	h := f.handleOf(funcOf(c), call.Args[1])
	if h.IsZero() {
		return
	}
	if f.created == nil {
		f.created = make(map[Handle]token.Pos)
	}
	if _, seen := f.created[h]; !seen {
		f.created[h] = call.End()
	}
}

// afterPool reports a write to a pool config after the pool was built
// from it, in the same function.
func (f *finder) afterPool(c inspector.Cursor, h Handle, sel *ast.SelectorExpr) {
	at, ok := f.created[h]
	if !ok || sel.Pos() < at || h.Scope == nil {
		return
	}
	f.res.Checks = append(f.res.Checks, Check{
		Name: "config-after-new", Pos: sel.Pos(), End: sel.End(), Where: f.where(c),
		Message: fmt.Sprintf("%s is set after the pool was created from it on line %d; the pool copied the config, so this has no effect",
			types.ExprString(sel), f.fset.Position(at).Line),
	})
}
