package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// fmtText returns the text a fmt.Sprintf or fmt.Sprint call produces:
// verbs and non-string operands become holes. It returns nil for other calls.
func (f *finder) fmtText(call *ast.CallExpr) *text {
	switch f.fmtFunc(call) {
	case "Sprintf":
		if len(call.Args) == 0 {
			return nil
		}
		format := f.textOf(call.Args[0])
		if format == nil {
			return nil
		}
		return f.expandVerbs(format, call.Args[1:])
	case "Sprint":
		t := &text{}
		for _, a := range call.Args {
			u := f.textOf(a)
			if u == nil {
				u = &text{}
				u.add(part{pos: a.Pos(), endp: a.End()}, hole)
			}
			t.append(u)
		}
		return t
	}
	return nil
}

// fmtFunc returns "Sprintf" or "Sprint" for a call of that fmt
// function without a spread argument, else "".
func (f *finder) fmtFunc(call *ast.CallExpr) string { return fmtFuncOf(f.info, call) }

// fmtFuncOf is fmtFunc for the gate, which has no finder.
func fmtFuncOf(info *types.Info, call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || call.Ellipsis.IsValid() {
		return ""
	}
	if name := fn.Name(); name == "Sprintf" || name == "Sprint" {
		return name
	}
	return ""
}

// expandVerbs turns a format text into the text Sprintf produces with
// args: a plain verb (%s, %d, %v) whose argument is a constant becomes
// the constant's text (fixes go to the argument, or the constant it
// names); any other verb is a hole; "%%" is a constant "%" that cannot
// be edited.
func (f *finder) expandVerbs(format *text, args []ast.Expr) *text {
	s := format.s
	out := &text{}
	last, arg := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		out.append(format.slice(last, i))
		n := verbLen(s[i:])
		pos, end := format.extent(i, i+n)
		switch verb := s[i : i+n]; {
		case verb == "%%":
			out.add(part{konst: true, pos: pos, endp: end}, "%")
		case strings.ContainsAny(verb, "[*"):
			arg = len(args) // explicit indexes: the arguments are not followed
			out.add(part{verb: true, pos: pos, endp: end, shown: verb}, hole)
		default:
			if u := f.argText(verb, args, arg); u != nil {
				out.append(u)
			} else {
				out.add(f.holeOf(part{verb: true, pos: pos, endp: end, shown: verb}, verb, args, arg), hole)
			}
			arg++
		}
		i += n - 1
		last = i + 1
	}
	out.append(format.slice(last, len(s)))
	return out
}

// argText returns the text a plain verb makes of args[i] when that is a
// constant: a string through %s or %v keeps its way back to the literal;
// an integer through %d or %v is a part whose edit rewrites the argument
// (or the constant of this package it names). A local assigned once is
// followed to its value, and a value with a default in code (a flag, a
// fallback helper, cmp.Or) gives that default, marked as one. Else nil.
func (f *finder) argText(verb string, args []ast.Expr, i int) *text {
	if i >= len(args) || len(verb) != 2 {
		return nil
	}
	a, def := f.resolve(args[i]), ""
	if !f.isConst(a) {
		d, via, ok := f.fallback(a)
		if !ok || !f.isConst(d) {
			return nil
		}
		a, def = d, via
	}
	t := f.verbText(verb, a)
	if t != nil && def != "" {
		for j := range t.parts {
			p := &t.parts[j]
			p.def, p.hole = def, args[i].Pos()
			if p.foreign != nil {
				// Written in another package: no fix from here, so the
				// finding stays in the DSN, on the argument that fills it.
				p.pos, p.endp = args[i].Pos(), args[i].End()
			}
		}
	}
	return t
}

// verbText is the text verb makes of the constant a.
func (f *finder) verbText(verb string, a ast.Expr) *text {
	v := f.info.Types[a].Value
	switch {
	case v.Kind() == constant.String && (verb == "%s" || verb == "%v"):
		return f.textOf(a)
	case v.Kind() == constant.Int && (verb == "%d" || verb == "%v"):
		c, _ := f.constDecl(ast.Unparen(a))
		t := &text{}
		t.add(part{konst: true, pos: a.Pos(), endp: a.End(), num: f.editTarget(a), via: c, at: f.scaledConst(a)}, v.ExactString())
		return t
	}
	return nil
}

// scaledConst returns where the constant of this package is declared
// that e scales by another constant, dbConnectTimeout/time.Second: the
// value is written there. NoPos for anything else.
func (f *finder) scaledConst(e ast.Expr) token.Pos {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.QUO && b.Op != token.MUL {
		return token.NoPos
	}
	for _, x := range []ast.Expr{b.X, b.Y} {
		if c, decl := f.constDecl(ast.Unparen(x)); decl != nil {
			return c.Pos() // this package's: time.Second is no value
		}
	}
	return token.NoPos
}

// holeOf notes on a verb's hole the field of the application's own
// struct that fills it (sslmode=%s with c.DBSSL): what is written into
// that field is then a value of the parameter (see fieldFlow).
func (f *finder) holeOf(p part, verb string, args []ast.Expr, i int) part {
	if i < len(args) && len(verb) == 2 {
		p.field, p.owner = f.fieldOf(f.resolve(args[i]))
	}
	return p
}

// verbLen returns the length of the fmt verb at the start of s, which
// begins with '%': flags, argument index, width, precision, verb.
func verbLen(s string) int {
	i := 1
	for i < len(s) && strings.IndexByte("+-# 0", s[i]) >= 0 {
		i++
	}
	for i < len(s) && strings.IndexByte("0123456789.*[]", s[i]) >= 0 {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}
