package find

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

const evalSrc = `package p

func split(n, total int, big bool) int {
	if n != 0 {
		return n
	}
	if total == 0 {
		return 0
	}
	w := max(total*7/10, 1)
	if big {
		return w
	}
	return max(total-w, 1)
}

func neg(n int) int { var m = -n; return m % 7 }

func loop(n int) int {
	for n > 0 {
		n--
	}
	return n
}

func div(n int) int { return 10 / n }

func logic(a, b bool) int {
	if !a && b || a == b {
		return 1
	}
	return 2
}
`

func TestEval(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", evalSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	decls := map[string]*ast.FuncDecl{}
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			decls[fd.Name.Name] = fd
		}
	}
	i, b := constant.MakeInt64, constant.MakeBool
	for _, tc := range []struct {
		fn   string
		args []constant.Value
		want int64 // -1: gives up
	}{
		{"split", []constant.Value{i(5), i(0), b(false)}, 5},
		{"split", []constant.Value{i(0), i(0), b(true)}, 0},
		{"split", []constant.Value{i(0), i(10), b(true)}, 7},
		{"split", []constant.Value{i(0), i(10), b(false)}, 3},
		{"split", []constant.Value{i(0), i(1), b(false)}, 1},
		{"split", []constant.Value{i(0)}, -1},
		{"neg", []constant.Value{i(10)}, -3},
		{"loop", []constant.Value{i(3)}, -1},
		{"div", []constant.Value{i(0)}, -1},
		{"div", []constant.Value{i(3)}, 3},
		{"logic", []constant.Value{b(false), b(true)}, 1},
		{"logic", []constant.Value{b(true), b(false)}, 2},
		{"logic", []constant.Value{b(true), b(true)}, 1},
	} {
		v, ok := eval(info, decls[tc.fn], tc.args)
		if tc.want == -1 {
			if ok {
				t.Errorf("%s%v = %v, want no value", tc.fn, tc.args, v)
			}
			continue
		}
		if got, exact := constant.Int64Val(v); !ok || !exact || got != tc.want {
			t.Errorf("%s%v = %v, %v; want %d", tc.fn, tc.args, v, ok, tc.want)
		}
	}
}
