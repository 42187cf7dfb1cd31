package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/rules"
	"github.com/poolcheck/poolcheck/scan"
)

const scanUsage = `poolcheck scan checks connection strings in the files where they live:
.env files, YAML, JSON, TOML, .properties, .ini, JS/TS and Prisma schemas.

Usage:
  poolcheck scan [flags] [paths]    files or directories (default: .)

Flags come before paths. Directories are walked; .git, node_modules and
vendor, binary files and what .gitignore ignores are skipped. A file
named on the command line is read even when .gitignore ignores it;
one of a type scan does not read is skipped.

Exit codes, on every format: 0 no finding at or above -fail-on;
1 findings; 2 usage or policy error, or a file that could not be read
or parsed (the other files are still scanned and reported).

Flags:
`

// runScan is poolcheck scan: the same policy, formats, baselines, fixes
// and exit codes as the Go mode, over non-Go files (package scan).
func runScan(args []string, stdout, stderr io.Writer) int {
	o := &options{failOn: rules.Info, minSeverity: rules.Info, format: "text"}
	fs := flag.NewFlagSet("poolcheck scan", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, scanUsage)
		fs.PrintDefaults()
	}
	fs.BoolVar(&o.fix, "fix", false, "apply the fixes to the files, in place")
	fs.BoolVar(&o.diff, "diff", false, "print the fixes as a unified diff; do not write files")
	fs.StringVar(&o.format, "format", "text", "output `format`: "+strings.Join(formatNames(), ", "))
	fs.StringVar(&o.policy, "policy", "", "policy `file` (default: for each file, the nearest .poolcheck.toml up to the module root, else the built-in policy)")
	fs.Var((*severityValue)(&o.failOn), "fail-on", "lowest `severity` that makes the exit code 1: info, warning or error")
	fs.Var((*severityValue)(&o.minSeverity), "min-severity", "report only findings at or above this `severity`")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline `file`; warn about entries that match nothing")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record every current finding in this baseline `file`; exit 0, or 2 if a file could not be read or parsed")
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err == nil {
		err = o.validateScan()
	}
	if err != nil {
		fmt.Fprintln(stderr, "poolcheck scan:", err)
		return exitError
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	res, err := scan.Scan(paths, scan.Options{Policy: o.policy, MinSeverity: o.minSeverity})
	if err != nil {
		fmt.Fprintln(stderr, "poolcheck scan:", err)
		return exitError
	}
	for _, e := range res.Notes {
		fmt.Fprintln(stderr, "poolcheck scan: note:", e)
	}
	for _, e := range res.Errors {
		fmt.Fprintln(stderr, "poolcheck scan:", e)
	}
	out, back := scanOutcome(res, o.policy)
	if err := o.settleScan(res, out, back, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "poolcheck scan:", err)
		return exitError
	}
	return o.exitCode(out)
}

func (o *options) validateScan() error {
	if !slices.Contains(formatNames(), o.format) {
		return fmt.Errorf("unknown -format %q (want one of %s)", o.format, strings.Join(formatNames(), ", "))
	}
	if o.writeBaseline != "" && (o.fix || o.diff) {
		return errors.New("-write-baseline cannot be combined with -fix or -diff")
	}
	return nil
}

// settleScan does what the Go mode's settle does, with the scanner's
// fixes: record or apply a baseline, apply or show fixes, print.
func (o *options) settleScan(res *scan.Result, out *outcome, back map[*report.Finding]*scan.Finding, stdout, stderr io.Writer) error {
	if o.writeBaseline != "" {
		return o.saveBaseline(out, stderr)
	}
	if o.baseline != "" {
		if err := o.applyBaseline(out, stderr); err != nil {
			return err
		}
	}
	if o.fix || o.diff {
		kept := make([]*scan.Finding, 0, len(out.findings))
		for _, f := range out.findings {
			kept = append(kept, back[f])
		}
		fixed, err := scan.Apply(res.With(kept), o.diff, stdout)
		if err != nil {
			return err
		}
		if skipped := fixable(kept) - len(fixed); skipped > 0 {
			fmt.Fprintf(stderr, "poolcheck: %d fix(es) overlapped another and were not applied; run again\n", skipped)
		}
		if o.fix && !o.diff {
			done := make(map[*scan.Finding]bool, len(fixed))
			for _, f := range fixed {
				done[f] = true
			}
			out.findings = slices.DeleteFunc(out.findings, func(f *report.Finding) bool { return done[back[f]] })
			out.fixed = len(fixed)
		}
	}
	if o.diff {
		return nil
	}
	return o.print(stdout, out)
}

// scanOutcome presents the scanner's findings as the Go mode's, so that
// every output format, the baseline and the exit code work unchanged:
// each scanned file with findings gets a token.File whose lines are the
// file's, and offsets become positions in it.
func scanOutcome(res *scan.Result, policy string) (*outcome, map[*report.Finding]*scan.Finding) {
	out := &outcome{fset: token.NewFileSet(), failed: len(res.Errors) > 0, policy: policy}
	back := make(map[*report.Finding]*scan.Finding, len(res.Findings))
	files := make(map[string]*token.File)
	for _, f := range res.Findings {
		tf := files[f.File]
		if tf == nil {
			src, _ := res.Source(f.File)
			name, err := filepath.Abs(f.File)
			if err != nil {
				name = f.File
			}
			tf = out.fset.AddFile(name, -1, len(src))
			tf.SetLinesForContent(src)
			files[f.File] = tf
		}
		pos := func(off int) token.Pos { return tf.Pos(min(max(off, 0), tf.Size())) }
		d := analysis.Diagnostic{Pos: pos(f.Pos.Offset), End: pos(f.End.Offset), Category: f.Rule, URL: f.URL, Message: f.Message}
		if f.Fix != nil {
			fix := analysis.SuggestedFix{Message: f.Fix.Message}
			for _, e := range f.Fix.Edits {
				fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: pos(e.Start), End: pos(e.End), NewText: []byte(e.New)})
			}
			d.SuggestedFixes = []analysis.SuggestedFix{fix}
		}
		for _, r := range f.Related {
			d.Related = append(d.Related, analysis.RelatedInformation{Pos: pos(r.Pos.Offset), End: pos(r.End.Offset), Message: r.Message})
		}
		rf := &report.Finding{Diagnostic: d, Rule: f.Rule, Severity: f.Severity, Setting: f.Setting, Key: f.Key,
			Found: f.Found, Want: f.Want, Driver: f.Driver, Scopes: f.Scopes, DSN: f.DSN, File: f.Path}
		out.findings = append(out.findings, rf)
		back[rf] = f
	}
	return out, back
}

// fixable counts the findings that carry an edit.
func fixable(fs []*scan.Finding) int {
	n := 0
	for _, f := range fs {
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			n++
		}
	}
	return n
}
