package find

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

// Worth reports whether files may hold anything Find reads: a use of a
// function, method, field or type it knows (by name, then by package),
// a string literal that may be a DSN, or an ignore directive. Most
// packages hold none, and are passed over without building an
// inspector. It allocates only to unquote a literal with escapes.
// summarized, when not nil, names the functions and fields of other
// packages that reach a pool (their facts say so): a use of one counts.
func Worth(files []*ast.File, info *types.Info, summarized func(types.Object) bool) bool {
	names, members := gateNames(), gateSets().members
	found := false
	var testNames []*ast.BasicLit // literals of subtests' names, which the finder passes over
	visit := func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.Ident:
			if names[n.Name] && !literalHooks[n.Name] {
				found = uses(info, n, members)
			}
			// A helper of the module may share a name with a member
			// poolcheck knows (store.Open, config.New).
			if !found && summarized != nil {
				if obj := info.Uses[n]; obj != nil && obj.Pkg() != nil && obj.Exported() {
					found = summarized(obj)
				}
			}
		case *ast.CallExpr:
			if len(n.Args) > 0 && isTestRun(info, n) {
				testNames = testNameLits(info, n.Args[0], testNames)
			}
			// Setenv, url.Values.Set and Add matter through their
			// key: a DSN variable, or a key the catalog knows.
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && literalHooks[sel.Sel.Name] && uses(info, sel.Sel, members) {
				found = hookMatters(info, sel.Sel.Name, n.Args)
			}
		case *ast.KeyValueExpr:
			// url.Values{"pool_max_conns": {"1"}}: a known key.
			if _, ok := n.Key.(*ast.BasicLit); ok {
				found = argMatters(n.Key)
			}
		case *ast.BasicLit:
			found = n.Kind == token.STRING && literalMatters(n.Value) && !slices.Contains(testNames, n)
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

// testNameLits adds the string literals a subtest's name is built from,
// as the finder's stringTop climbs from them to the name: through +,
// parentheses, the format of fmt.Sprintf and the arguments of fmt.Sprint.
func testNameLits(info *types.Info, e ast.Expr, lits []*ast.BasicLit) []*ast.BasicLit {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return append(lits, e)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			lits = testNameLits(info, e.Y, testNameLits(info, e.X, lits))
		}
	case *ast.CallExpr:
		switch fmtFuncOf(info, e) {
		case "Sprint":
			for _, a := range e.Args {
				lits = testNameLits(info, a, lits)
			}
		case "Sprintf":
			if len(e.Args) > 0 {
				lits = testNameLits(info, e.Args[0], lits)
			}
		}
	}
	return lits
}

// literalHooks are the hooks that read their literal arguments.
var literalHooks = map[string]bool{"Setenv": true, "Set": true, "Add": true}

// uses reports whether id refers to one of members, by package and name.
func uses(info *types.Info, id *ast.Ident, members map[member]bool) bool {
	obj := info.Uses[id]
	return obj != nil && obj.Pkg() != nil && members[member{obj.Pkg().Path(), id.Name}]
}

// hookMatters reports a call of a hook whose first argument is a
// constant the finder reads: os.Setenv("DATABASE_URL", v),
// q.Set("pool_max_conns", v). A key known only at run time is not read.
func hookMatters(info *types.Info, name string, args []ast.Expr) bool {
	if len(args) != 2 {
		return false
	}
	tv, ok := info.Types[args[0]]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	k := constant.StringVal(tv.Value)
	if name == "Setenv" {
		return envKey(k)
	}
	return knownKey(gateSets().keys, k)
}

// argMatters reports an argument that is not a string literal, or one
// that is a catalog key ("connection_limit") or may be a DSN.
func argMatters(e ast.Expr) bool {
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok {
		return true
	}
	if lit.Kind != token.STRING {
		return false
	}
	if literalMatters(lit.Value) {
		return true
	}
	k, err := strconv.Unquote(lit.Value)
	return err == nil && knownKey(gateSets().keys, k)
}

// directive is what an ignore comment holds; the report package parses it.
const directive = "poolcheck:ignore"

// literalMatters reports whether a string literal, as written, may hold
// something a finding can come from: a URL of a supported scheme, or a
// key the catalog knows followed by '='. It unquotes only a literal
// with escapes.
func literalMatters(v string) bool {
	s := v[1 : len(v)-1]
	if v[0] != '`' && strings.Contains(s, `\`) {
		u, err := strconv.Unquote(v)
		if err != nil {
			return true
		}
		s = u
	}
	if !dsnish(s) {
		return false
	}
	if strings.Contains(s, "://") && dsn.Detect(s) == dsn.KindURL {
		return true
	}
	// A key in text no grammar reads, with no query after a name either
	// ("Keep-Alive: timeout=5" in an HTTP header), cannot be a setting.
	// Detect runs last: most literals have no known key.
	return hasKnownKey(s) && (strings.Contains(s, "?") || dsn.Detect(s) != dsn.KindUnknown)
}

// hasKnownKey reports a catalog key before a '=' in s: the word before
// it (libpq, URL queries, MySQL), or the words since the last separator
// (sqlserver's ADO keys have spaces and any case).
func hasKnownKey(s string) bool {
	keys := gateSets().keys
	for i := strings.IndexByte(s, '='); i >= 0; {
		j := i
		for j > 0 && keyByte(s[j-1]) {
			j--
		}
		run := strings.TrimSpace(s[j:i])
		word := run[strings.LastIndexByte(run, ' ')+1:]
		if knownKey(keys, run) || knownKey(keys, word) {
			return true
		}
		next := strings.IndexByte(s[i+1:], '=')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func keyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.' || c == ' '
}

// knownKey looks k up in lower case, without allocating.
func knownKey(keys map[string]bool, k string) bool {
	var buf [48]byte
	if k == "" || len(k) > len(buf) {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return keys[string(buf[:len(k)])]
}

// gate holds what Worth lets through: the names of the functions and
// methods call dispatches on and of pool config fields, the same with
// the package that declares each, and the catalog's DSN keys in lower
// case.
type gate struct {
	names   map[string]bool
	members map[member]bool
	keys    map[string]bool
}

// member is a package-level function or type, or a method or field, by
// the path of its package and its name.
type member struct{ pkg, name string }

func gateNames() map[string]bool { return gateSets().names }

var gateSets = sync.OnceValue(func() gate {
	g := gate{names: map[string]bool{}, members: map[member]bool{}, keys: map[string]bool{}}
	add := func(pkg, name string) {
		g.names[name] = true
		g.members[member{pkg, name}] = true
	}
	for _, s := range catalog.Sinks() {
		add(s.Pkg, s.Func)
	}
	for _, k := range catalog.Knobs() {
		if k.API != nil {
			add(k.API.Pkg, k.API.Member)
			continue
		}
		for _, key := range append([]string{k.Key}, k.Aliases...) {
			g.keys[strings.ToLower(key)] = true
			if name, _, ok := strings.Cut(key, ":"); ok && name == "_pragma" {
				g.keys[name] = true // _pragma=busy_timeout(5000) as written
			}
		}
	}
	for key := range callHooks {
		add(pkgOfKey(key), key[strings.LastIndexByte(key, '.')+1:])
	}
	// A package that binds its flags to viper may register the default of
	// a key another package reads into a setting (instantiateKeys).
	add(viperPkg, "BindPFlags")
	add(viperPkg, "BindPFlag")
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

// readsExtra are the packages, beyond the gate's, whose objects the
// finder reads by path: flag sets and configuration libraries.
var readsExtra = []string{
	"github.com/spf13/pflag", "github.com/spf13/viper", "github.com/urfave/cli",
	"github.com/magiconair/properties", "github.com/go-ini/ini", "gopkg.in/ini.v1",
}

// readProjects are the first three path elements of every package the
// finder reads anything of.
var readProjects = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for mb := range gateSets().members {
		m[project(mb.pkg)] = true
	}
	for _, p := range readsExtra {
		m[project(p)] = true
	}
	return m
})

// readsStd are the packages of the standard library whose objects the
// finder reads, or may: every one its sources and the catalog name
// (TestReadsStd checks that), and crypto/tls and math for the values
// they hold.
var readsStd = map[string]bool{
	"bytes": true, "cmp": true, "context": true, "crypto/tls": true, "database/sql": true,
	"database/sql/driver": true, "encoding/json": true, "errors": true, "flag": true, "fmt": true,
	"log": true, "math": true, "net": true, "net/http/httptest": true, "net/url": true, "os": true,
	"path": true, "path/filepath": true, "strconv": true, "strings": true, "testing": true,
	"time": true, "unsafe": true,
}

// Reads reports whether the finder may read anything of the package at
// path: a package of the standard library it reads (readsStd), or of a
// project (the first three elements of the path) one of whose packages
// it knows, a sink, a setter, a hook or a configuration library. Another
// package can be left out of a type-check for a summary: the finder
// follows values through the module's own code and the packages it
// knows.
func Reads(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	if !strings.Contains(first, ".") {
		return readsStd[path]
	}
	return readProjects()[project(path)]
}

// project returns the first three elements of an import path.
func project(path string) string {
	n := 0
	for i := range len(path) {
		if path[i] == '/' {
			if n++; n == 3 {
				return path[:i]
			}
		}
	}
	return path
}
