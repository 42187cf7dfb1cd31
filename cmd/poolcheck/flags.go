package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/rules"
)

// options are the parsed command line.
type options struct {
	fix, diff     bool
	jsonX         bool // -json: the x/tools JSON shape
	format        string
	policy        string
	explain       string
	listRules     bool
	showVersion   bool
	inventory     bool
	failOn        rules.Severity
	minSeverity   rules.Severity
	tags          string
	tests         bool
	generated     bool   // check generated files too
	baseline      string // hide the findings recorded in this file
	writeBaseline string // record the findings in this file
	patterns      []string
}

const usage = `poolcheck checks database and redis connection-pool settings.

Usage:
  poolcheck [flags] packages      analyze packages (e.g. ./...)
  poolcheck -rules                list the effective rules and where each came from
  poolcheck -explain RULE         show a rule's documentation
  poolcheck -version              show the version and VCS revision
  go vet -vettool=$(command -v poolcheck) ./...
  go fix -fixtool=$(command -v poolcheck) ./...

Formats: text (file:line:col: message), json (poolcheck's schema, version 1),
sarif (SARIF 2.1.0 for code scanning), github (workflow annotations).

Exit codes, on every format: 0 no finding at or above -fail-on;
1 findings; 2 usage, policy, baseline or load error.

Flags:
`

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{failOn: rules.Info, minSeverity: rules.Info}
	fs := flag.NewFlagSet("poolcheck", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes to the files")
	fs.BoolVar(&o.diff, "diff", false, "print the suggested fixes as a unified diff; do not write files")
	fs.BoolVar(&o.jsonX, "json", false, "print diagnostics in the JSON shape of golang.org/x/tools (as go vet -json)")
	fs.StringVar(&o.format, "format", "text", "output `format`: "+strings.Join(formatNames(), ", "))
	fs.StringVar(&o.policy, "policy", "", "policy `file` (default: the nearest .poolcheck.toml up to the module root, else the built-in policy)")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of `rule` and exit")
	fs.BoolVar(&o.listRules, "rules", false, "print the effective rules and their origin, and exit")
	fs.BoolVar(&o.showVersion, "version", false, "print poolcheck's version and VCS revision, and exit")
	fs.BoolVar(&o.inventory, "inventory", false, "list every pool setting found, compliant or not")
	fs.Var((*severityValue)(&o.failOn), "fail-on", "lowest `severity` that makes the exit code 1: info, warning or error")
	fs.Var((*severityValue)(&o.minSeverity), "min-severity", "report only findings at or above this `severity`")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build `tags`")
	fs.BoolVar(&o.tests, "test", true, "analyze test files too")
	fs.BoolVar(&o.generated, "generated", false, "also check generated files (\"// Code generated ... DO NOT EDIT.\"), which are skipped by default")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline `file`; warn about entries that match nothing")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record every current finding in this baseline `file` and exit; -baseline is ignored")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	o.patterns = fs.Args()
	return o, o.validate()
}

// misuses are the flag combinations that make no sense, with why.
var misuses = []struct {
	bad func(o *options) bool
	why string
}{
	{func(o *options) bool { return o.jsonX && o.format != "text" }, "-json and -format cannot be used together"},
	{func(o *options) bool { return o.inventory && o.format != "text" && o.format != "json" }, "-inventory prints text or json only"},
	{func(o *options) bool { return o.jsonX && o.baseline != "" }, "-baseline does not apply to -json (the x/tools shape); use -format json"},
	{func(o *options) bool { return o.inventory && (o.baseline != "" || o.writeBaseline != "") }, "-inventory lists settings, not findings: no baseline applies"},
	{func(o *options) bool { return o.writeBaseline != "" && (o.fix || o.diff) }, "-write-baseline cannot be combined with -fix or -diff"},
}

func (o *options) validate() error {
	if !slices.Contains(formatNames(), o.format) {
		return fmt.Errorf("unknown -format %q (want one of %s)", o.format, strings.Join(formatNames(), ", "))
	}
	for _, m := range misuses {
		if m.bad(o) {
			return errors.New(m.why)
		}
	}
	if o.explain != "" || o.listRules || o.showVersion {
		return nil
	}
	if len(o.patterns) == 0 {
		return errors.New("no packages given (try ./...)")
	}
	return nil
}

// severityValue is a rules.Severity as a flag.Value.
type severityValue rules.Severity

func (s *severityValue) String() string { return rules.Severity(*s).String() }

func (s *severityValue) Set(v string) error {
	return (*rules.Severity)(s).UnmarshalText([]byte(v))
}
