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

// Each fixture package covers one family of forms; its .golden files
// hold the source after every fix.
func TestIncident(t *testing.T)   { run(t, "incident") }
func TestQuiet(t *testing.T)      { run(t, "quiet") }
func TestDSNForms(t *testing.T)   { run(t, "dsnforms") }
func TestSetters(t *testing.T)    { run(t, "setters") }
func TestPgxConfig(t *testing.T)  { run(t, "pgxcfg") }
func TestRedis(t *testing.T)      { run(t, "redisopts") }
func TestMySQL(t *testing.T)      { run(t, "mysqlcfg") }
func TestSQLite(t *testing.T)     { run(t, "sqlitemem") }
func TestFragments(t *testing.T)  { run(t, "fragments") }
func TestIgnore(t *testing.T)     { run(t, "ignore") }
func TestScopes(t *testing.T)     { run(t, "scopes") }
func TestPolicyFile(t *testing.T) { run(t, "policyfile") }
