package difftest

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// The analyzer's fixtures import stand-ins for the drivers (one module
// per driver under analyzer/testdata/src/<module path>): hand-written
// declarations with the real signatures, so that go test ./... in the
// root module type-checks a few hundred lines instead of the drivers.
// TestStandIns keeps them honest: every exported declaration of a
// stand-in must exist in the real package with the same type.
const standIns = "../analyzer/testdata"

// TestStandIns loads every stand-in package and the real package of the
// same import path (from this module, which requires the real drivers)
// and compares their exported declarations:
//
//   - functions and methods: the same signature (parameter names aside)
//     and, for methods, the same receiver (pointer or value);
//   - variables and constants: the same type, and constants the same value;
//   - named types: the same kind of type. A stand-in struct may leave out
//     fields and a stand-in interface methods, but each field it declares
//     must be a direct field of the real struct with the same type (and
//     embedded when the real one is), and each method must be the real
//     method's;
//   - the version the fixture module requires is the one this module uses.
func TestStandIns(t *testing.T) {
	mods := standInModules(t)
	if len(mods) == 0 {
		t.Fatalf("no stand-in modules under %s/src", standIns)
	}
	var paths []string
	for _, m := range mods {
		paths = append(paths, m.pkgs...)
	}
	stubs := load(t, standIns, paths)
	actual := load(t, ".", paths)
	for _, path := range paths {
		stub, ok := stubs[path]
		if !ok {
			t.Errorf("stand-in %s did not load", path)
			continue
		}
		r, ok := actual[path]
		if !ok {
			t.Errorf("%s: the real package did not load; does difftest/go.mod require its module (standins_deps.go), and has go mod download fetched it?", path)
			continue
		}
		if stub.Module == nil || r.Module == nil {
			t.Errorf("%s: no module information", path)
		} else if stub.Module.Version != r.Module.Version {
			t.Errorf("%s: the fixtures require %s %s, difftest %s: update the stand-in and %s/go.mod together",
				path, stub.Module.Path, stub.Module.Version, r.Module.Version, standIns)
		}
		for _, msg := range compareScopes(stub.Types, r.Types) {
			t.Errorf("stand-in %s: %s", filepath.Join(standIns, "src", path), msg)
		}
	}
}

// TestCompareScopes proves that the comparison finds what it must: a
// stand-in whose declarations drift from the real package.
func TestCompareScopes(t *testing.T) {
	actual := checkSource(t, `package p
import "time"
type Config struct {
	Base
	MaxConns int32
	Timeout time.Duration
	hidden int
}
type Base struct{ Host string }
func (c *Config) Copy() *Config { return c }
type Opt func(*state)
type state struct{}
type Dialer interface{ Dial(network, addr string) error; Close() error }
const Default = 4
var Limit int
func New(ctx any, connString string, opts ...Opt) (*Config, error) { return nil, nil }
`)
	good := checkSource(t, `package p
import "time"
type Config struct {
	Base
	Timeout time.Duration
}
type Base struct{}
func (c *Config) Copy() *Config { panic(0) }
type Opt func(*state)
type state struct{}
type Dialer interface{ Close() error }
const Default = 4
var Limit int
func New(_ any, s string, o ...Opt) (*Config, error) { panic(0) }
`)
	if msgs := compareScopes(good, actual); len(msgs) > 0 {
		t.Errorf("a faithful stand-in is reported:\n%s", strings.Join(msgs, "\n"))
	}
	bad := checkSource(t, `package p
type Config struct {
	Base *Base
	MaxConns int64
	Host string
	Missing bool
}
type Base struct{}
func (c Config) Copy() *Config { panic(0) }
type Opt func(*Config)
type Dialer interface{ Dial(addr string) error }
const Default = 5
var Limit int64
func New(ctx any, connString string, opts []Opt) (*Config, error) { panic(0) }
func Gone() {}
`)
	want := []string{
		"Config field Base: the real field is embedded",
		"Config field Base: *p.Base",
		"Config field MaxConns: int64",
		"Config field Host: not a direct field",
		"Config field Missing: not a direct field",
		"method Config.Copy: value receiver",
		"Opt: func(*p.Config)",
		"Dialer method Dial: func(addr string) error",
		"Default: 5",
		"Limit: int64",
		"New: func(ctx any, connString string, opts []p.Opt)",
		"Gone: not in the real package",
	}
	got := strings.Join(compareScopes(bad, actual), "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("drift %q is not reported; got:\n%s", w, got)
		}
	}
}

// checkSource type-checks one file of package p.
func checkSource(t *testing.T, src string) *types.Package {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return pkg
}

// A standInModule is a directory under src holding a go.mod, and the
// import paths of the packages in it.
type standInModule struct {
	path string
	pkgs []string
}

func standInModules(t *testing.T) []standInModule {
	t.Helper()
	src := filepath.Join(standIns, "src")
	var mods []standInModule
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() || p == src {
			return err
		}
		if !isModule(p) {
			return nil
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		m := standInModule{path: filepath.ToSlash(rel)}
		err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() {
				return err
			}
			if q != p && isModule(q) {
				return filepath.SkipDir // a module of its own
			}
			goFiles, _ := filepath.Glob(filepath.Join(q, "*.go"))
			if len(goFiles) > 0 {
				r, err := filepath.Rel(src, q)
				if err != nil {
					return err
				}
				m.pkgs = append(m.pkgs, filepath.ToSlash(r))
			}
			return nil
		})
		mods = append(mods, m)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return mods
}

func isModule(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil
}

// load type-checks the packages from the module in dir, from export
// data, without cgo (go-sqlite3 then builds its pure-Go variant) and
// without the network.
func load(t *testing.T, dir string, paths []string) map[string]*packages.Package {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "HOME="+realHome, "CGO_ENABLED=0", "GOPROXY=off", "GOFLAGS=-mod=mod")
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedTypes | packages.NeedModule, Dir: abs, Env: env}
	pkgs, err := packages.Load(cfg, paths...)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]*packages.Package)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("%s (in %s): %v", p.PkgPath, dir, e)
		}
		if len(p.Errors) == 0 && p.Types != nil {
			out[p.PkgPath] = p
		}
	}
	return out
}

// compareScopes lists how the exported declarations of stub differ from
// those of actual, the real package.
func compareScopes(stub, actual *types.Package) []string {
	var msgs []string
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	for _, name := range stub.Scope().Names() {
		s := stub.Scope().Lookup(name)
		if !s.Exported() {
			continue
		}
		r := actual.Scope().Lookup(name)
		if r == nil {
			bad("%s: not in the real package", name)
			continue
		}
		switch s := s.(type) {
		case *types.Func:
			if r, ok := r.(*types.Func); !ok || !same(s.Type(), r.Type()) {
				bad("%s: %s in the stand-in, %s in the real package", name, s.Type(), r.Type())
			}
		case *types.Var:
			if r, ok := r.(*types.Var); !ok || !same(s.Type(), r.Type()) {
				bad("%s: %s in the stand-in, %s in the real package", name, s.Type(), r.Type())
			}
		case *types.Const:
			r, ok := r.(*types.Const)
			if !ok || !same(s.Type(), r.Type()) || !constant.Compare(s.Val(), token.EQL, r.Val()) {
				bad("%s: %s %s in the stand-in, %s in the real package", name, s.Val(), s.Type(), r)
			}
		case *types.TypeName:
			r, ok := r.(*types.TypeName)
			if !ok {
				bad("%s: a type in the stand-in, %s in the real package", name, r)
				continue
			}
			msgs = append(msgs, compareTypes(name, s.Type(), r.Type())...)
		}
	}
	return msgs
}

// compareTypes compares two named types of the same name: their
// underlying types (structs and interfaces may be partial) and the
// methods the stand-in declares.
func compareTypes(name string, stub, actual types.Type) []string {
	var msgs []string
	bad := func(format string, args ...any) { msgs = append(msgs, fmt.Sprintf(format, args...)) }
	su, ru := stub.Underlying(), actual.Underlying()
	switch su := su.(type) {
	case *types.Struct:
		ru, ok := ru.(*types.Struct)
		if !ok {
			bad("%s: a struct in the stand-in, %s in the real package", name, ru)
			break
		}
		for f := range su.Fields() {
			if !f.Exported() {
				continue
			}
			i := slices.IndexFunc(slices.Collect(ru.Fields()), func(r *types.Var) bool { return r.Name() == f.Name() })
			if i < 0 {
				bad("%s field %s: not a direct field of the real struct", name, f.Name())
				continue
			}
			rf := ru.Field(i)
			if f.Embedded() != rf.Embedded() {
				bad("%s field %s: the real field is embedded=%v", name, f.Name(), rf.Embedded())
			}
			if !same(f.Type(), rf.Type()) {
				bad("%s field %s: %s in the stand-in, %s in the real package", name, f.Name(), f.Type(), rf.Type())
			}
		}
	case *types.Interface:
		ri, ok := ru.(*types.Interface)
		if !ok {
			bad("%s: an interface in the stand-in, %s in the real package", name, ru)
			break
		}
		for m := range su.Methods() {
			obj, _, _ := types.LookupFieldOrMethod(ri, false, nil, m.Name())
			rm, ok := obj.(*types.Func)
			if !ok || !same(m.Type(), rm.Type()) {
				bad("%s method %s: %s in the stand-in, %v in the real package", name, m.Name(), m.Type(), obj)
			}
		}
	default:
		if !same(su, ru) {
			bad("%s: %s in the stand-in, %s in the real package", name, su, ru)
		}
	}
	sn, ok1 := types.Unalias(stub).(*types.Named)
	rn, ok2 := types.Unalias(actual).(*types.Named)
	if !ok1 || !ok2 {
		return msgs
	}
	for m := range sn.Methods() {
		if !m.Exported() {
			continue
		}
		i := slices.IndexFunc(slices.Collect(rn.Methods()), func(r *types.Func) bool { return r.Name() == m.Name() })
		if i < 0 {
			bad("method %s.%s: not in the real package", name, m.Name())
			continue
		}
		rm := rn.Method(i)
		if ptrRecv(m) != ptrRecv(rm) {
			kind := map[bool]string{true: "pointer", false: "value"}
			bad("method %s.%s: %s receiver in the stand-in, %s in the real package", name, m.Name(), kind[ptrRecv(m)], kind[ptrRecv(rm)])
		}
		if !same(m.Type(), rm.Type()) {
			bad("method %s.%s: %s in the stand-in, %s in the real package", name, m.Name(), m.Type(), rm.Type())
		}
	}
	return msgs
}

func ptrRecv(f *types.Func) bool {
	_, ok := f.Type().(*types.Signature).Recv().Type().(*types.Pointer)
	return ok
}

// same reports whether two types from different type-checker runs are
// the same type: named types by package path and name (and type
// arguments), everything else by structure. Parameter names do not
// matter; a signature's receiver is not compared.
func same(a, b types.Type) bool {
	a, b = types.Unalias(a), types.Unalias(b)
	switch a := a.(type) {
	case *types.Basic:
		b, ok := b.(*types.Basic)
		return ok && a.Kind() == b.Kind()
	case *types.Named:
		b, ok := b.(*types.Named)
		if !ok || a.Obj().Name() != b.Obj().Name() || pkgPath(a.Obj()) != pkgPath(b.Obj()) {
			return false
		}
		return sameList(a.TypeArgs(), b.TypeArgs())
	case *types.Pointer:
		b, ok := b.(*types.Pointer)
		return ok && same(a.Elem(), b.Elem())
	case *types.Slice:
		b, ok := b.(*types.Slice)
		return ok && same(a.Elem(), b.Elem())
	case *types.Array:
		b, ok := b.(*types.Array)
		return ok && a.Len() == b.Len() && same(a.Elem(), b.Elem())
	case *types.Map:
		b, ok := b.(*types.Map)
		return ok && same(a.Key(), b.Key()) && same(a.Elem(), b.Elem())
	case *types.Chan:
		b, ok := b.(*types.Chan)
		return ok && a.Dir() == b.Dir() && same(a.Elem(), b.Elem())
	case *types.Signature:
		b, ok := b.(*types.Signature)
		return ok && a.Variadic() == b.Variadic() && sameTuple(a.Params(), b.Params()) && sameTuple(a.Results(), b.Results())
	case *types.Struct:
		b, ok := b.(*types.Struct)
		if !ok || a.NumFields() != b.NumFields() {
			return false
		}
		for i := range a.NumFields() {
			fa, fb := a.Field(i), b.Field(i)
			if fa.Name() != fb.Name() || fa.Embedded() != fb.Embedded() || a.Tag(i) != b.Tag(i) || !same(fa.Type(), fb.Type()) {
				return false
			}
		}
		return true
	case *types.Interface:
		b, ok := b.(*types.Interface)
		if !ok || a.NumMethods() != b.NumMethods() || a.NumEmbeddeds() != b.NumEmbeddeds() {
			return false
		}
		for i := range a.NumMethods() {
			ma, mb := a.Method(i), b.Method(i)
			if ma.Name() != mb.Name() || !same(ma.Type(), mb.Type()) {
				return false
			}
		}
		return true
	case *types.TypeParam:
		b, ok := b.(*types.TypeParam)
		return ok && a.Index() == b.Index()
	}
	return false
}

func pkgPath(o types.Object) string {
	if o.Pkg() == nil {
		return "" // error, comparable, the other universe types
	}
	return o.Pkg().Path()
}

func sameTuple(a, b *types.Tuple) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !same(a.At(i).Type(), b.At(i).Type()) {
			return false
		}
	}
	return true
}

func sameList(a, b *types.TypeList) bool {
	if a.Len() != b.Len() {
		return false
	}
	for i := range a.Len() {
		if !same(a.At(i), b.At(i)) {
			return false
		}
	}
	return true
}
