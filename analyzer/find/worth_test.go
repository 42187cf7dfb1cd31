package find

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestWorth(t *testing.T) {
	tests := []struct {
		name, body string
		want       bool
	}{
		{"nothing", `func f() { println("hello, world", 1+2) }`, false},
		{"plain strings", "var s = []string{\"a:b\", `x;y`, \"line\\n\"}", false},
		{"dsn literal", `var s = "postgres://db/app"`, true},
		{"fragment", `func f(u string) string { return u + "&pool_timeout=5" }`, true},
		{"escaped equals", `var s = "connection_limit\x3d1"`, true},
		{"setter", `func f(db interface{ SetMaxOpenConns(int) }) { db.SetMaxOpenConns(1) }`, true},
		{"field", `type O struct{ PoolSize int }; var o = O{PoolSize: 1}`, true},
		{"url values", `type Values map[string][]string; var v = Values{"k": {"v"}}`, true},
		{"directive", "//poolcheck:ignore test-pool-too-small reason\nvar x = 1", true},
	}
	for _, tt := range tests {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", "package p\n"+tt.body+"\n", parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := Worth([]*ast.File{f}); got != tt.want {
			t.Errorf("%s: Worth = %v, want %v", tt.name, got, tt.want)
		}
	}
}
