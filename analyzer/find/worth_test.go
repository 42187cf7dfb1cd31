package find

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestWorth(t *testing.T) {
	tests := []struct {
		name, src string
		want      bool
	}{
		{"nothing", `func f() { println("hello, world", 1+2) }`, false},
		{"plain strings", "var s = []string{\"a:b\", `x;y`, \"line\\n\"}", false},
		{"own names", `type O struct{ PoolSize int }
func Open() O { return O{PoolSize: 1} }
func (O) Set(string) {}
var _ = func() int { o := Open(); o.Set(""); return o.PoolSize }`, false},
		{"not dsns", "var s = []string{\"%s=%v\", \"charset=utf-8\", \"https://example.com/?a=b\", `k=v`}", false},
		{"dsn literal", `var s = "postgres://db/app"`, true},
		{"keyword/value", `var s = "host=db user=app connect_timeout=5"`, true},
		{"ado", `var s = "server=db;Connection Timeout=5"`, true},
		{"mysql template", `var s = "%s@tcp(%s)/app?readTimeout=5s"`, true},
		{"fragment", `func f(u string) string { return u + "&pool_timeout=5" }`, true},
		{"escaped equals", `var s = "connection_limit\x3d1"`, true},
		{"setter", `import "database/sql"
func f(db *sql.DB) { db.SetMaxOpenConns(1) }`, true},
		{"sink", `import "database/sql"
func f(dsn string) { sql.Open("pgx", dsn) }`, true},
		{"url values", `import "net/url"
var v = url.Values{"pool_max_conns": {"1"}}`, true},
		{"other url values", `import "net/url"
var v = url.Values{"q": {"x"}}
func f(v url.Values) { v.Set("page", "2") }`, false},
		{"values set", `import "net/url"
func f(v url.Values) { v.Set("connection_limit", "1") }`, true},
		{"setenv literal", `import "os"
func f() { os.Setenv("GODEBUG", "gotypesalias=1") }`, false},
		{"setenv value", `import "os"
func f(v string) { os.Setenv("DATABASE_URL", v) }`, true},
		{"setenv other variable", `import "os"
func f() { os.Setenv("GO111MODULE", os.Getenv("GO111MODULE")) }`, false},
		{"setenv constant key", `import "os"
const key = "REDIS_URL"
func f(v string) { os.Setenv(key, v) }`, true},
		{"values add run-time key", `import "net/url"
func f(v url.Values, k, x string) { v.Add(k, x) }`, false},
		{"values set run-time value", `import "net/url"
func f(v url.Values, x string) { v.Set("sslmode", x) }`, true},
		{"directive", "//poolcheck:ignore test-pool-too-small reason\nvar x = 1", true},
		{"http header", `var s = "Keep-Alive: timeout=7200"`, false},
		{"sqlite uri", `var s = "file:app.db?_busy_timeout=5000"`, true},
		{"sqlite memory", `var s = ":memory:?_pragma=busy_timeout(5000)"`, true},
		{"subtest names", `import ("fmt"; "testing")
func f(t *testing.T, n int) {
	t.Run("postgres://db/app?pool_max_conns=1", nil)
	t.Run(fmt.Sprintf("timeout=%s/delta=%s", "1s", "2s"), nil)
	t.Run(("host=db connect_timeout=" + fmt.Sprint("a", "sslmode=disable")), nil)
}`, false},
		{"a DSN argument of a subtest's name", `import ("fmt"; "testing")
func f(t *testing.T, n int) { t.Run(fmt.Sprintf("%s", "postgres://db/app"), nil) }`, true},
		{"a subtest's name of another Run", `type r struct{}
func (r) Run(string) {}
func f() { r{}.Run("postgres://db/app") }`, true},
		{"pragma after a separator", `func f(u, sep string) string { return u + sep + "_pragma=busy_timeout(5000)" }`, true},
	}
	// One importer for every case: it type-checks the standard library
	// packages the cases import once, not once per case.
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	for _, tt := range tests {
		f, err := parser.ParseFile(fset, "x.go", "package p\n"+tt.src+"\n", parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		info := &types.Info{Uses: make(map[*ast.Ident]types.Object), Types: make(map[ast.Expr]types.TypeAndValue)}
		conf := types.Config{Importer: imp}
		if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := Worth([]*ast.File{f}, info, nil); got != tt.want {
			t.Errorf("%s: Worth = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A module's helper that shares its name with a member poolcheck knows
// (store.Open, like sql.Open) counts when its facts say it reaches a
// pool. os.Open stands in for it here.
func TestWorthSummarized(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", "package p\nimport \"os\"\nfunc f() { os.Open(\"x\") }\n", 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object), Types: make(map[ast.Expr]types.TypeAndValue)}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	summarized := func(obj types.Object) bool { return obj.Pkg().Path() == "os" && obj.Name() == "Open" }
	if !Worth([]*ast.File{f}, info, summarized) {
		t.Errorf("a summarized helper named Open: Worth = false")
	}
	if Worth([]*ast.File{f}, info, nil) {
		t.Errorf("os.Open with no summaries: Worth = true")
	}
}

func TestReads(t *testing.T) {
	for path, want := range map[string]bool{
		"strconv":                         true, // the standard library's it reads
		"net/http/httptest":               true,
		"text/tabwriter":                  false, // and not
		"net/http":                        false,
		"github.com/jackc/pgx/v5/pgxpool": true, // a setter's
		"github.com/jackc/pgx/v5/pgconn/internal": true, // same project
		"gorm.io/driver/postgres":                 true, // a sink's
		"github.com/spf13/viper":                  true, // a configuration library
		"github.com/urfave/cli/v2":                true,
		"github.com/viant/ptrie":                  false,
		"golang.org/x/net/http/httpguts":          false,
		"example.com/trie":                        false,
	} {
		if got := Reads(path); got != want {
			t.Errorf("Reads(%q) = %v, want %v", path, got, want)
		}
	}
}

// TestReadsStd: every package of the standard library that the finder's
// sources or the catalog's name, as an import path in a string or the
// package of a "path.Name" key, is one the finder reads.
func TestReadsStd(t *testing.T) {
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatal(err)
	}
	std := make(map[string]bool)
	for _, p := range strings.Fields(string(out)) {
		std[p] = true
	}
	var files []string
	for _, dir := range []string{".", "../../catalog"} {
		m, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	fset := token.NewFileSet()
	named := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if _, ok := n.(*ast.ImportSpec); ok {
				return false // the finder's own imports
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			v, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			// "net/url.Values.Set", "os.Setenv", "database/sql".
			p := v
			if i := strings.IndexByte(v[strings.LastIndexByte(v, '/')+1:], '.'); i >= 0 {
				p = v[:strings.LastIndexByte(v, '/')+1+i]
			}
			if std[p] {
				named++
				if !Reads(p) {
					t.Errorf("%s: %q names %s, which Reads does not: add it to readsStd", fset.Position(lit.Pos()), v, p)
				}
			}
			return true
		})
	}
	if named < 10 {
		t.Fatalf("only %d names of standard packages found; is the scan broken?", named)
	}
}
