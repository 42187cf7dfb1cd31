package analyzer

import (
	"flag"
	"go/build"
	"go/types"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/rules"
)

// config holds the analyzer's flags and its policy cache.
type config struct {
	policyFile  string
	minSeverity severityFlag
	generated   bool
	related     bool
	testPkgs    listFlag // import paths of packages only tests import
	shadowed    listFlag // import paths whose test variant the CLI analyzes in their place
	moduleOnly  bool     // skip the standard library and required modules

	policies rules.Cache
	store    *store // summaries in memory (NewInProcess); nil: analysis facts
}

func (cfg *config) flags(fs *flag.FlagSet) {
	fs.StringVar(&cfg.policyFile, "policy", "", "policy `file` (default: the nearest .poolcheck.toml up to the module root, else the built-in policy)")
	cfg.minSeverity = severityFlag(rules.Info)
	fs.Var(&cfg.minSeverity, "min-severity", "report only findings at or above this `level`: info, warning or error")
	fs.Var(&cfg.shadowed, "shadowed", "comma-separated import `paths` whose test variant holds the same files: their plain variant is analyzed only for the facts it exports (the CLI sets this)")
	fs.Var(&cfg.testPkgs, "test-packages", "comma-separated import `paths` of packages whose code is test code: helpers that only tests import (the CLI finds them)")
	fs.BoolVar(&cfg.related, "related", true, "report the other setting of a relation (max_idle > max_open) as related information; false names its line in the message")
	fs.BoolVar(&cfg.moduleOnly, "module-only", false, "skip packages of the standard library and of required modules, which need no facts from poolcheck (golangci-lint sets this: it analyzes every dependency of a fact-using analyzer and reports only the main module)")
	fs.BoolVar(&cfg.generated, "generated", false, "also check generated files (a \"// Code generated ... DO NOT EDIT.\" comment before the package clause)")
}

// policy returns the policy for the package of pass: the -policy file,
// else the nearest .poolcheck.toml, else the defaults. Each file is
// loaded once per process.
func (cfg *config) policy(pass *analysis.Pass) (*rules.Policy, error) {
	path := cfg.policyFile
	if path == "" {
		dir := filepath.Dir(pass.Fset.File(pass.Files[0].Pos()).Name())
		found, err := cfg.policies.Discover(dir)
		if err != nil {
			return nil, err
		}
		path = found
	}
	p, err := cfg.policies.Load(path)
	if err != nil {
		return nil, &PolicyError{Err: err}
	}
	return p, nil
}

// PolicyError is a policy that does not load; the CLI exits 2 on it.
type PolicyError struct{ Err error }

func (e *PolicyError) Error() string { return e.Err.Error() }
func (e *PolicyError) Unwrap() error { return e.Err }

// severityFlag is a rules.Severity as a flag.Value.
type severityFlag rules.Severity

func (s *severityFlag) String() string { return rules.Severity(*s).String() }

func (s *severityFlag) Set(v string) error {
	var sev rules.Severity
	if err := sev.UnmarshalText([]byte(v)); err != nil {
		return err
	}
	*s = severityFlag(sev)
	return nil
}

// testPackage reports a package whose code is all test code: one that
// -test-packages names, or one whose name ends in "test" as the
// standard library's helpers for tests do (httptest, fstest, iotest), or
// begins with it (testdb, testutil, testfixtures).
func (cfg *config) testPackage(pkg *types.Package) bool {
	return slices.Contains(cfg.testPkgs, pkg.Path()) || testName(pkg.Name())
}

// notTestNames are package names that end in "test" and are words.
var notTestNames = []string{"latest", "fastest", "greatest", "shortest", "hottest", "contest", "protest", "attest", "detest", "testament", "testimony"}

func testName(name string) bool {
	if len(name) <= len("test") || slices.Contains(notTestNames, name) {
		return false
	}
	return strings.HasSuffix(name, "test") || strings.HasPrefix(name, "test") && name != "testing"
}

// listFlag is a comma-separated list flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(v string) error {
	*l = nil
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l = append(*l, s)
		}
	}
	return nil
}

// factsOnly reports a plain package whose test variant is analyzed in
// its place: its findings would be dropped, so only the facts its
// importers need are computed, and none for a package outside the
// main module.
func (cfg *config) factsOnly(pass *analysis.Pass) bool {
	return slices.Contains(cfg.shadowed, pass.Pkg.Path()) && !hasTestFile(pass)
}

// outside reports a package of the standard library or of a required
// module: one with no facts to export and, where -module-only is set,
// nothing to report. Outside module mode (GOPATH), only the standard
// library is outside.
func outside(pass *analysis.Pass) bool {
	if m := pass.Module; m != nil && m.Path != "" {
		return m.Version != ""
	}
	// No module (drivers give an empty one): the standard library, or
	// GOPATH mode.
	root := build.Default.GOROOT
	if root == "" || len(pass.Files) == 0 {
		return false
	}
	name := pass.Fset.File(pass.Files[0].Pos()).Name()
	return strings.HasPrefix(name, filepath.Join(root, "src")+string(filepath.Separator))
}
