package main

import (
	"cmp"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/rules"
)

// loadMode is what the analyzer needs: syntax and types of the named
// packages; dependencies come from export data.
const loadMode = packages.LoadSyntax | packages.NeedModule

// outcome is what one run of the analysis produced.
type outcome struct {
	fset     *token.FileSet
	findings []*report.Finding
	pools    []*group.Pool
	failed   bool // a package did not load or analyze
	graph    *checker.Graph
	src      *sources // the Go files as analysed; nil unless -fix or -diff
	hidden   int      // findings the baseline hid
	fixed    int      // findings -fix mended
	policy   string   // the -policy file, for rule metadata
}

func (o *options) run(stdout, stderr io.Writer) int {
	if o.showVersion {
		printVersion(stdout)
		return exitOK
	}
	if o.explain != "" || o.listRules {
		return o.describe(stdout, stderr)
	}
	a := newAnalyzer()
	if err := o.configure(a.Flags.Set); err != nil {
		fmt.Fprintln(stderr, "poolcheck:", err)
		return exitError
	}
	out, err := o.analyze(a, stderr)
	if err == nil {
		err = o.settle(out, stdout, stderr)
	}
	if err != nil {
		fmt.Fprintln(stderr, "poolcheck:", err)
		printToolchainHint(stderr, err.Error())
		return exitError
	}
	return o.exitCode(out)
}

// settle does what the flags ask with the findings: record or apply a
// baseline, apply or show fixes, and print what remains.
func (o *options) settle(out *outcome, stdout, stderr io.Writer) error {
	if o.writeBaseline != "" {
		return o.saveBaseline(out, stderr)
	}
	if o.baseline != "" {
		if err := o.applyBaseline(out, stderr); err != nil {
			return err
		}
	}
	var fixErr error
	if o.fix || o.diff {
		var fixed map[*report.Finding]bool
		fixed, fixErr = applyFixes(out, o.diff, stdout, stderr)
		if o.fix && !o.diff {
			// What -fix could not mend is still a finding.
			out.findings = slices.DeleteFunc(out.findings, func(f *report.Finding) bool { return fixed[f] })
			out.fixed = len(fixed)
			dropFromGraph(out.graph, fixed)
		}
	}
	if o.diff {
		return fixErr
	}
	// A file -fix could not write is an error after the findings.
	return cmp.Or(o.print(stdout, out), fixErr)
}

// dropFromGraph removes the diagnostics of findings from the graph,
// which -json prints, so that it shows what the text output does: what
// remains after -fix, without the copies dedupe dropped.
func dropFromGraph(g *checker.Graph, drop map[*report.Finding]bool) {
	type key struct {
		pos, end token.Pos
		msg      string
	}
	gone := make(map[key]bool)
	for f := range drop {
		gone[key{f.Diagnostic.Pos, f.Diagnostic.End, f.Diagnostic.Message}] = true
	}
	for _, act := range g.Roots {
		act.Diagnostics = slices.DeleteFunc(act.Diagnostics, func(d analysis.Diagnostic) bool {
			return gone[key{d.Pos, d.End, d.Message}]
		})
	}
}

// configure passes the CLI's settings to the analyzer's flags, and
// loads an explicit policy early so that a bad one fails before loading.
func (o *options) configure(set func(name, value string) error) error {
	if o.policy != "" {
		if _, err := rules.Load(o.policy); err != nil {
			return err
		}
		if err := set("policy", o.policy); err != nil {
			return err
		}
	}
	if err := set("generated", strconv.FormatBool(o.generated)); err != nil {
		return err
	}
	return set("min-severity", o.minSeverity.String())
}

func (o *options) exitCode(out *outcome) int {
	if out.failed {
		return exitError
	}
	if o.inventory || o.writeBaseline != "" {
		return exitOK
	}
	for _, f := range out.findings {
		if f.Severity >= o.failOn {
			return exitFindings
		}
	}
	return exitOK
}

// analyze loads the packages and runs the analyzer on them.
func (o *options) analyze(a *analysis.Analyzer, stderr io.Writer) (*outcome, error) {
	cfg := &packages.Config{Mode: loadMode, Tests: o.tests}
	var src *sources
	if o.fix || o.diff {
		src = newSources()
		cfg.ParseFile = src.parse
	}
	if o.tags != "" {
		cfg.BuildFlags = []string{"-tags=" + o.tags}
	}
	pkgs, err := packages.Load(cfg, o.patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		if hint := noModule(); hint != "" {
			return nil, errors.New(hint)
		}
		return nil, fmt.Errorf("no packages matched %s", strings.Join(o.patterns, " "))
	}
	programs := ignoredPrograms(pkgs)
	deps, err := moduleDeps(cfg, pkgs)
	if err != nil {
		return nil, err
	}
	if len(deps) > 0 {
		if pkgs, err = packages.Load(cfg, append(slices.Clone(o.patterns), deps...)...); err != nil {
			return nil, err
		}
		pkgs = dropDepTests(pkgs, deps)
	}
	if tests := testOnly(pkgs); len(tests) > 0 {
		if err := a.Flags.Set("test-packages", strings.Join(tests, ",")); err != nil {
			return nil, err
		}
	}
	if shadowed := append(shadowedPaths(pkgs), deps...); len(shadowed) > 0 {
		if err := a.Flags.Set("shadowed", strings.Join(shadowed, ",")); err != nil {
			return nil, err
		}
	}
	out := &outcome{failed: printLoadErrors(pkgs, stderr), policy: o.policy, src: src}
	if len(programs) > 0 {
		more, err := loadPrograms(cfg, pkgs[0].Fset, programs, stderr)
		if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, more...)
	}
	if out.failed {
		if hint := noModule(); hint != "" {
			fmt.Fprintln(stderr, "poolcheck:", hint)
		}
	}
	pkgs = preferTestVariants(pkgs)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	out.fset, out.graph = pkgs[0].Fset, graph
	for _, act := range graph.Roots {
		if act.Err != nil {
			out.failed = true
			if !isSkipped(act.Package) {
				fmt.Fprintf(stderr, "poolcheck: %s: %v\n", act.Package.PkgPath, act.Err)
			}
			continue
		}
		res := act.Result.(*analyzer.Result)
		out.findings = append(out.findings, res.Findings...)
		out.pools = append(out.pools, res.Pools...)
	}
	out.findings = dedupe(out.fset, out.findings)
	return out, nil
}

// preferTestVariants drops a package when its test variant, which holds
// the same files and its in-package tests, is also loaded, and drops the
// generated test mains. Each file is then judged once, with every use of
// its constants in view.
func preferTestVariants(pkgs []*packages.Package) []*packages.Package {
	tested := make(map[string]bool)
	for _, p := range pkgs {
		if p.ID != p.PkgPath && strings.HasPrefix(p.ID, p.PkgPath+" [") {
			tested[p.PkgPath] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(pkgs), func(p *packages.Package) bool {
		return p.ID == p.PkgPath && tested[p.PkgPath] || strings.HasSuffix(p.ID, ".test")
	})
}

// shadowedPaths lists the import paths loaded with a test variant too,
// which preferTestVariants analyzes in their place.
func shadowedPaths(pkgs []*packages.Package) []string {
	var out []string
	for _, p := range pkgs {
		if p.ID != p.PkgPath && strings.HasPrefix(p.ID, p.PkgPath+" [") && !slices.Contains(out, p.PkgPath) {
			out = append(out, p.PkgPath)
		}
	}
	return out
}

// isSkipped reports a package the checker skipped because it has errors
// already printed.
func isSkipped(p *packages.Package) bool { return len(p.Errors) > 0 || p.IllTyped }

// printLoadErrors prints every package error once and reports whether
// there were any.
func printLoadErrors(pkgs []*packages.Package, stderr io.Writer) bool {
	seen := make(map[string]bool)
	var msgs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if msg := e.Error(); !seen[msg] {
				seen[msg] = true
				msgs = append(msgs, msg)
				fmt.Fprintln(stderr, msg)
			}
		}
	})
	printToolchainHint(stderr, msgs...)
	return len(seen) > 0
}

// dedupe drops the copies of a finding that test variants of a package
// report again, and the copy reported where a constant of another
// package is used when that package reports the same finding on the
// constant itself (with its fix); it sorts by position.
func dedupe(fset *token.FileSet, fs []*report.Finding) []*report.Finding {
	type key struct {
		file     string
		off, end int
		rule     string
	}
	seen := make(map[key]bool)
	out := fs[:0]
	for _, f := range fs {
		p, e := fset.Position(f.Diagnostic.Pos), fset.Position(f.Diagnostic.End)
		k := key{p.Filename, p.Offset, e.Offset, f.Rule}
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b *report.Finding) int {
		pa, pb := fset.Position(a.Diagnostic.Pos), fset.Position(b.Diagnostic.Pos)
		return cmp.Or(cmp.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset), cmp.Compare(a.Rule, b.Rule))
	})
	return out
}

// relPath shows a file relative to the working directory when it is
// below it.
func relPath(file string) string {
	wd, err := os.Getwd()
	if err != nil {
		return file
	}
	rel, err := filepath.Rel(wd, file)
	if err != nil || !filepath.IsLocal(rel) {
		return file
	}
	return rel
}

// noModule explains a load that found no module: go.mod missing in the
// working directory and its parents. It asks the go command, which
// knows GOWORK, GOFLAGS=-modfile and GOPATH mode; "" when a module or
// GOPATH mode is in use.
func noModule() string {
	out, err := exec.Command("go", "env", "GOMOD", "GOWORK").Output()
	if err != nil {
		return ""
	}
	gomod, gowork, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	if gomod != os.DevNull || gowork != "" && gowork != "off" {
		return ""
	}
	wd, _ := os.Getwd()
	return fmt.Sprintf("no go.mod in %s or any directory above it: poolcheck analyzes the packages of a Go module; "+
		"run it inside one (or go mod init), or use poolcheck scan for .env, YAML, JSON and JS files", wd)
}
