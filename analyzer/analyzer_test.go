package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poolcheck/poolcheck/analyzer"
)

// fixtures is the testdata module; its go.mod requires the real drivers
// so that the fixtures type-check against the real APIs.
var fixtures = func() string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return dir
}()

var download sync.Once

// prepare downloads the fixture module's dependencies once: analysistest
// loads with GOPROXY=off, so they must be in the module cache.
func prepare(t *testing.T) {
	t.Helper()
	var err error
	var out []byte
	download.Do(func() {
		cmd := exec.Command("go", "mod", "download")
		cmd.Dir = fixtures
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err = cmd.CombinedOutput()
	})
	if err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", fixtures, err, out)
	}
}

// run analyzes fixture packages and checks their // want comments and
// the .golden files of their fixes.
func run(t *testing.T, pkgs ...string) {
	t.Helper()
	prepare(t)
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
	"sqlitemem", "fragments", "ignore", "scopes", "policyfile", "generated",
}

func TestFixtures(t *testing.T) { run(t, fixturePkgs...) }

// TestMain turns cgo off: go-sqlite3 then builds its pure-Go stub, and
// no test compiles SQLite's C source.
func TestMain(m *testing.M) {
	if err := os.Setenv("CGO_ENABLED", "0"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// TestGenerated: with -generated, generated files are judged too
// (package generated shows they are skipped by default).
func TestGenerated(t *testing.T) {
	prepare(t)
	a := analyzer.New()
	if err := a.Flags.Set("generated", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, fixtures, a, "fixtures/src/generatedall")
}

// TestInline: with -related=false (the golangci-lint plugin's setting)
// no diagnostic carries related information.
func TestInline(t *testing.T) {
	prepare(t)
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
