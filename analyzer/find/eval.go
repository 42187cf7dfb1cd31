package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// eval runs g, a function of integers and booleans with one result, on
// constant arguments: returns, ifs, assignments to locals, arithmetic,
// comparisons and the max and min builtins. Anything else (a loop, a
// call, a field) makes it give up, as does a budget of steps.
func eval(info *types.Info, g *ast.FuncDecl, args []constant.Value) (constant.Value, bool) {
	e := evaluator{info: info, env: make(map[types.Object]constant.Value), steps: 100}
	i := 0
	for _, field := range fieldsOf(g.Type.Params) {
		for _, name := range field.Names {
			if i >= len(args) {
				return nil, false
			}
			e.env[info.Defs[name]] = args[i]
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	if i != len(args) || g.Type.Results.NumFields() != 1 {
		return nil, false
	}
	done, ok := e.block(g.Body.List)
	return e.result, done && ok
}

type evaluator struct {
	info   *types.Info
	env    map[types.Object]constant.Value
	result constant.Value
	steps  int
}

// block runs statements; done reports a return.
func (e *evaluator) block(list []ast.Stmt) (done, ok bool) {
	for _, s := range list {
		if done, ok = e.stmt(s); done || !ok {
			return done, ok
		}
	}
	return false, true
}

func (e *evaluator) stmt(s ast.Stmt) (done, ok bool) {
	if e.steps--; e.steps < 0 {
		return false, false
	}
	switch s := s.(type) {
	case *ast.ReturnStmt:
		if len(s.Results) != 1 {
			return false, false
		}
		e.result, ok = e.expr(s.Results[0])
		return true, ok
	case *ast.BlockStmt:
		return e.block(s.List)
	case *ast.IfStmt:
		return e.ifStmt(s)
	case *ast.AssignStmt:
		return false, e.assign(s)
	case *ast.DeclStmt:
		return false, e.decl(s)
	case *ast.EmptyStmt:
		return false, true
	}
	return false, false
}

func (e *evaluator) ifStmt(s *ast.IfStmt) (done, ok bool) {
	if s.Init != nil {
		if done, ok := e.stmt(s.Init); done || !ok {
			return false, false
		}
	}
	c, ok := e.expr(s.Cond)
	if !ok || c.Kind() != constant.Bool {
		return false, false
	}
	if constant.BoolVal(c) {
		return e.block(s.Body.List)
	}
	if s.Else != nil {
		return e.stmt(s.Else)
	}
	return false, true
}

func (e *evaluator) assign(s *ast.AssignStmt) bool {
	if len(s.Lhs) != len(s.Rhs) || (s.Tok != token.ASSIGN && s.Tok != token.DEFINE) {
		return false
	}
	vals := make([]constant.Value, len(s.Rhs))
	for i, r := range s.Rhs {
		v, ok := e.expr(r)
		if !ok {
			return false
		}
		vals[i] = v
	}
	for i, l := range s.Lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			return false
		}
		obj := e.info.ObjectOf(id)
		if _, local := e.env[obj]; !local && s.Tok != token.DEFINE {
			return false // a package variable or a captured one
		}
		e.env[obj] = vals[i]
	}
	return true
}

func (e *evaluator) decl(s *ast.DeclStmt) bool {
	gd, ok := s.Decl.(*ast.GenDecl)
	switch {
	case !ok:
		return false
	case gd.Tok == token.CONST:
		return true // its uses are constants the type checker folded
	case gd.Tok != token.VAR:
		return false
	}
	for _, spec := range gd.Specs {
		vs := spec.(*ast.ValueSpec)
		if len(vs.Values) != len(vs.Names) {
			return false
		}
		for i, name := range vs.Names {
			v, ok := e.expr(vs.Values[i])
			if !ok {
				return false
			}
			e.env[e.info.Defs[name]] = v
		}
	}
	return true
}

func (e *evaluator) expr(x ast.Expr) (constant.Value, bool) {
	if e.steps--; e.steps < 0 {
		return nil, false
	}
	if tv, ok := e.info.Types[x]; ok && tv.Value != nil {
		return tv.Value, true
	}
	switch x := x.(type) {
	case *ast.ParenExpr:
		return e.expr(x.X)
	case *ast.Ident:
		v, ok := e.env[e.info.Uses[x]]
		return v, ok
	case *ast.UnaryExpr:
		v, ok := e.expr(x.X)
		if k, known := unaryKinds[x.Op]; !ok || !known || k != v.Kind() {
			return nil, false
		}
		return constant.UnaryOp(x.Op, v, 0), true
	case *ast.BinaryExpr:
		return e.binary(x)
	case *ast.CallExpr:
		return e.builtin(x)
	}
	return nil, false
}

// unaryKinds are the unary operators eval applies and their operands.
var unaryKinds = map[token.Token]constant.Kind{token.NOT: constant.Bool, token.SUB: constant.Int}

func (e *evaluator) binary(x *ast.BinaryExpr) (constant.Value, bool) {
	a, ok := e.expr(x.X)
	if !ok {
		return nil, false
	}
	if x.Op == token.LAND || x.Op == token.LOR { // short circuit
		if a.Kind() != constant.Bool || constant.BoolVal(a) == (x.Op == token.LOR) {
			return a, a.Kind() == constant.Bool
		}
		return e.expr(x.Y)
	}
	b, ok := e.expr(x.Y)
	if !ok || a.Kind() != b.Kind() {
		return nil, false
	}
	if a.Kind() == constant.Bool {
		if x.Op != token.EQL && x.Op != token.NEQ {
			return nil, false
		}
		return constant.MakeBool(constant.Compare(a, x.Op, b)), true
	}
	if a.Kind() != constant.Int {
		return nil, false
	}
	switch x.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		return constant.MakeBool(constant.Compare(a, x.Op, b)), true
	case token.ADD, token.SUB, token.MUL:
		return constant.BinaryOp(a, x.Op, b), true
	case token.QUO, token.REM:
		if constant.Sign(b) == 0 {
			return nil, false
		}
		op := token.QUO_ASSIGN // integer division, as Go's ints divide
		if x.Op == token.REM {
			op = token.REM
		}
		return constant.BinaryOp(a, op, b), true
	}
	return nil, false
}

// builtin evaluates max and min of integers.
func (e *evaluator) builtin(call *ast.CallExpr) (constant.Value, bool) {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok || len(call.Args) == 0 {
		return nil, false
	}
	b, ok := e.info.Uses[id].(*types.Builtin)
	if !ok || (b.Name() != "max" && b.Name() != "min") {
		return nil, false
	}
	op := token.GTR
	if b.Name() == "min" {
		op = token.LSS
	}
	var best constant.Value
	for _, a := range call.Args {
		v, ok := e.expr(a)
		if !ok || v.Kind() != constant.Int {
			return nil, false
		}
		if best == nil || constant.Compare(v, op, best) {
			best = v
		}
	}
	return best, true
}
