package find

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
)

// Worth reports whether files may hold anything Find reads: a use of a
// function, method, field or type it knows (by name, then by package),
// a string literal that may be a DSN, or an ignore directive. Most
// packages hold none, and are passed over without building an
// inspector. It allocates only to unquote a literal with escapes.
func Worth(files []*ast.File, info *types.Info) bool {
	names, pkgs := gateNames(), gatePkgs()
	found := false
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if names[n.Name] {
				obj := info.Uses[n]
				found = obj != nil && obj.Pkg() != nil && pkgs[obj.Pkg().Path()]
			}
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

// gate holds the names that Worth lets through, the functions and
// methods call dispatches on, the fields of pool configs and net/url's
// Values, and the packages that declare them.
type gate struct{ names, pkgs map[string]bool }

func gateNames() map[string]bool { return gateSets().names }
func gatePkgs() map[string]bool  { return gateSets().pkgs }

var gateSets = sync.OnceValue(func() gate {
	g := gate{names: map[string]bool{"Values": true}, pkgs: map[string]bool{"net/url": true}}
	for n := range callNames() {
		g.names[n] = true
	}
	for n := range fieldNames() {
		g.names[n] = true
	}
	for _, s := range catalog.Sinks() {
		g.pkgs[s.Pkg] = true
	}
	for _, k := range catalog.Knobs() {
		if k.API != nil {
			g.pkgs[k.API.Pkg] = true
		}
	}
	for key := range callHooks {
		g.pkgs[pkgOfKey(key)] = true
	}
	return g
})

// pkgOfKey returns the package path of a "path.Func" or "path.Type.Method" key.
func pkgOfKey(key string) string {
	slash := strings.LastIndexByte(key, '/') + 1
	if dot := strings.IndexByte(key[slash:], '.'); dot >= 0 {
		return key[:slash+dot]
	}
	return key
}
