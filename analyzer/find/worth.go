package find

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"sync"
)

// Worth reports whether files may hold anything Find reads: a name that
// a call, field or composite literal it knows has, a string literal that
// may be a DSN, or an ignore directive. Most packages hold none, and are
// passed over without building an inspector. It allocates only to
// unquote a literal with escapes.
func Worth(files []*ast.File) bool {
	names := gateNames()
	found := false
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			found = names[n.Name]
		case *ast.BasicLit:
			found = n.Kind == token.STRING && literalDSNish(n.Value)
		}
		return !found
	}
	for _, file := range files {
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				if strings.Contains(c.Text, directive) {
					return true
				}
			}
		}
		if ast.Inspect(file, visit); found {
			return true
		}
	}
	return false
}

// directive is what an ignore comment holds; the report package parses it.
const directive = "poolcheck:ignore"

// literalDSNish applies dsnish to a literal as written, unquoting it
// only when an escape could hide a '=' or a ':'.
func literalDSNish(v string) bool {
	if dsnish(v) {
		return true
	}
	if v[0] == '`' || !strings.Contains(v, `\`) {
		return false
	}
	s, err := strconv.Unquote(v)
	return err == nil && dsnish(s)
}

// gateNames holds every name that Worth lets through: the functions and
// methods call dispatches on, the fields of pool configs, and net/url's
// Values.
var gateNames = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{"Values": true}
	for n := range callNames() {
		m[n] = true
	}
	for n := range fieldNames() {
		m[n] = true
	}
	return m
})
