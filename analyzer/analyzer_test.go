package analyzer_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poolcheck/poolcheck/analyzer"
)

// fixtures is the testdata module. The drivers it imports are stand-ins
// under testdata/src/<module path>, named by replace directives in its
// go.mod: they type-check in a fraction of the time the real drivers
// take, and difftest's TestStandIns keeps their declarations equal to
// the real ones.
var fixtures = func() string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return dir
}()

// run analyzes fixture packages and checks their // want comments and
// the .golden files of their fixes.
func run(t *testing.T, pkgs ...string) {
	t.Helper()
	for i, p := range pkgs {
		pkgs[i] = "fixtures/src/" + p
	}
	analysistest.RunWithSuggestedFixes(t, fixtures, analyzer.New(), pkgs...)
}

// fixturePkgs each cover one family of forms; their .golden files hold
// the source after every fix. They are checked in one run, so that the
// drivers they import are loaded and type-checked once.
var fixturePkgs = []string{
	"incident", "quiet", "dsnforms", "setters", "pgxcfg", "redisopts", "mysqlcfg",
	"sqlitemem", "fragments", "ignore", "scopes", "policyfile", "generated", "looseforms", "branches", "newsinks", "flow",
	"tlsfields",
}

func TestFixtures(t *testing.T) {
	t.Parallel()
	run(t, fixturePkgs...)
}

// TestMain turns cgo off: nothing here needs it, and with a cold build
// cache the tests then compile no C (runtime/cgo, net's resolver).
func TestMain(m *testing.M) {
	if err := os.Setenv("CGO_ENABLED", "0"); err != nil {
		panic(err)
	}
	code := m.Run()
	if binPath != "" {
		_ = os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// TestGenerated: with -generated, generated files are judged too
// (package generated shows they are skipped by default).
func TestGenerated(t *testing.T) {
	t.Parallel()
	a := analyzer.New()
	if err := a.Flags.Set("generated", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, fixtures, a, "fixtures/src/generatedall")
}

// TestInline: with -related=false (the golangci-lint plugin's setting)
// no diagnostic carries related information.
func TestInline(t *testing.T) {
	t.Parallel()
	a := analyzer.New()
	if err := a.Flags.Set("related", "false"); err != nil {
		t.Fatal(err)
	}
	for _, r := range analysistest.RunWithSuggestedFixes(t, fixtures, a, "fixtures/src/inline") {
		for _, d := range r.Diagnostics {
			if len(d.Related) > 0 {
				t.Errorf("%s: related information %q", d.Message, d.Related[0].Message)
			}
		}
	}
}

// TestAcrossPackages: helpers, defaults and DSN constants of one package
// are judged where other packages use them, through facts.
func TestAcrossPackages(t *testing.T) {
	t.Parallel()
	run(t, "xpkg/config", "xpkg/store", "xpkg/app", "xpkg/setup", "xpkg/cmd")
}
