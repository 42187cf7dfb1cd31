package analyzer

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestOutside(t *testing.T) {
	std := filepath.Join(build.Default.GOROOT, "src", "net", "http", "x.go")
	for _, tc := range []struct {
		name   string
		module *analysis.Module
		file   string
		want   bool
	}{
		{"main module", &analysis.Module{Path: "example.com/app"}, "/home/u/app/db.go", false},
		{"required module", &analysis.Module{Path: "github.com/lib/pq", Version: "v1.10.9"}, "/mod/pq/conn.go", true},
		{"standard library, empty module", &analysis.Module{}, std, true},
		{"standard library, no module", nil, std, true},
		{"GOPATH mode", &analysis.Module{}, "/home/u/go/src/app/db.go", false},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, tc.file, "package p", 0)
		if err != nil {
			t.Fatal(err)
		}
		pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Module: tc.module}
		if got := outside(pass); got != tc.want {
			t.Errorf("%s: outside = %v, want %v", tc.name, got, tc.want)
		}
	}
}
