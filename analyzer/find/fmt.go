package find

import (
	"go/ast"
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
		return expandVerbs(format)
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
func (f *finder) fmtFunc(call *ast.CallExpr) string {
	fn, ok := typeutil.Callee(f.info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != "fmt" || call.Ellipsis.IsValid() {
		return ""
	}
	if name := fn.Name(); name == "Sprintf" || name == "Sprint" {
		return name
	}
	return ""
}

// expandVerbs turns a format text into the text Sprintf produces: each
// verb is a hole and "%%" is a constant "%" that cannot be edited.
func expandVerbs(format *text) *text {
	s := format.s
	out := &text{}
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		out.append(format.slice(last, i))
		n := verbLen(s[i:])
		pos, end := format.extent(i, i+n)
		if s[i:i+n] == "%%" {
			out.add(part{konst: true, pos: pos, endp: end}, "%")
		} else {
			out.add(part{verb: true, pos: pos, endp: end}, hole)
		}
		i += n - 1
		last = i + 1
	}
	out.append(format.slice(last, len(s)))
	return out
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
