// Package report is the last stage of the Go pipeline: it turns policy
// violations and structural check findings into diagnostics with exact
// suggested fixes, honours //poolcheck:ignore directives, and keeps the
// details the CLI's output formats print.
package report

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/rules"
)

// DocURL is where every rule is documented, by id.
const DocURL = "https://github.com/poolcheck/poolcheck/blob/main/docs/rules.md#"

// A Finding is one reported diagnostic and what it is about.
type Finding struct {
	Diagnostic analysis.Diagnostic
	Rule       string
	Severity   rules.Severity
	Setting    catalog.Setting
	Key        string // the parameter or API member as written
	Found      string // as the driver spells it
	Want       string // in the driver's unit; "" when there is none
	Driver     catalog.Driver
	Scopes     []string
	DSN        string // redacted
	Func       string // enclosing function, for baselines
	// Via is the named constant the value came through; Foreign says it
	// is declared in another package, which reports its own findings.
	Via     *types.Const
	Foreign bool
	File    string
	// ValueAt is where the value is written when that is not at the
	// finding: the declaration of the constant it came from.
	ValueAt token.Pos

	problem bool // the rule judges driver problems, not thresholds
}

// Reporter collects the findings of one package.
type Reporter struct {
	pass     *analysis.Pass
	files    []*ast.File // the files judged: the package's, generated ones left out unless asked for
	policy   *rules.Policy
	min      rules.Severity
	findings []*Finding
	byKey    map[key]*Finding
	scopes   map[scopeKey][]string

	// Reported says whether the package that declares a constant
	// reports rule, key and value on it (its facts say); a use of the
	// constant in this package then reports only what differs.
	Reported func(c *types.Const, rule, key, found string) bool

	// Inline names the other setting of a relation in the message
	// instead of as related information, which golangci-lint reports
	// as an issue of its own that no fix removes.
	Inline bool
}

type key struct {
	pos, end token.Pos
	rule     string
}

// New returns a reporter for the files of pass that drops findings
// below floor.
func New(pass *analysis.Pass, files []*ast.File, policy *rules.Policy, floor rules.Severity) *Reporter {
	return &Reporter{pass: pass, files: files, policy: policy, min: floor, byKey: make(map[key]*Finding), scopes: make(map[scopeKey][]string)}
}

// Places returns where a pool is judged: once per distinct scope of the
// code that uses it.
func (r *Reporter) Places(p *group.Pool) []find.Where {
	first := p.Items[0]
	if len(first.Uses) == 0 {
		return []find.Where{first.Where}
	}
	var out []find.Where
	seen := make(map[string]bool)
	for _, w := range first.Uses {
		k := strings.Join(r.Scopes(w), ",")
		if !seen[k] {
			seen[k] = true
			out = append(out, w)
		}
	}
	return out
}

// Excluded reports whether the policy excludes the file of w.
func (r *Reporter) Excluded(w find.Where) bool { return r.policy.Excluded(r.Rel(w.File)) }

// Scopes returns the policy scopes that hold at w, matched once per
// file and kind of code.
func (r *Reporter) Scopes(w find.Where) []string {
	k := scopeKey{w.File, w.Test}
	if s, ok := r.scopes[k]; ok {
		return s
	}
	s := r.policy.ScopesFor(r.Rel(w.File), w.Test)
	r.scopes[k] = s
	return s
}

type scopeKey struct {
	file string
	test bool
}

// Violation records a policy violation of pool p judged at w.
func (r *Reporter) Violation(p *group.Pool, w find.Where, v rules.Violation) {
	ref, _ := p.Ref.(*find.Ref)
	f := &Finding{
		Rule: v.Rule.ID, Severity: v.Rule.Severity, Setting: v.Rule.Setting,
		Found: v.Found, Want: v.Want, Driver: p.Driver, Scopes: r.Scopes(w), DSN: p.DSN,
		Func: w.Func, File: r.Rel(w.File), problem: len(v.Rule.Problems) > 0,
	}
	if v.Site != nil {
		f.Setting, f.Key = v.Site.Setting, v.Site.Key
		ref, _ = v.Site.Ref.(*find.Ref)
	}
	if ref == nil || ref.Foreign && r.Reported != nil && r.Reported(ref.Via, f.Rule, f.Key, f.Found) {
		return // the package that declares the constant reports it there
	}
	f.Via, f.Foreign, f.ValueAt = ref.Via, ref.Foreign, ref.ValueAt
	d := analysis.Diagnostic{Pos: ref.Pos, End: ref.End, Category: v.Rule.ID, URL: DocURL + v.Rule.ID,
		Message: "[" + v.Rule.ID + "] " + v.Message}
	if v.Other != nil {
		if o, ok := v.Other.Ref.(*find.Ref); ok {
			if r.Inline {
				d.Message += fmt.Sprintf(" (%s is set on line %d)", v.Other.Key, r.pass.Fset.Position(o.Pos).Line)
			} else {
				d.Related = []analysis.RelatedInformation{{Pos: o.Pos, End: o.End, Message: v.Other.Key + " is set here"}}
			}
		}
	}
	d.SuggestedFixes = fixFor(p, v, ref)
	f.Diagnostic = d
	r.add(f)
}

// Check records a structural finding under every enabled rule of its
// check whose scope holds.
func (r *Reporter) Check(ch find.Check) {
	scopes := r.Scopes(ch.Where)
	for _, rule := range r.policy.Checks(ch.Name) {
		if !inScope(rule.Scope, scopes) {
			continue
		}
		d := analysis.Diagnostic{Pos: ch.Pos, End: ch.End, Category: rule.ID, URL: DocURL + rule.ID,
			Message: "[" + rule.ID + "] " + ch.Message}
		if len(ch.Fix) > 0 {
			d.SuggestedFixes = []analysis.SuggestedFix{{Message: ch.FixMsg, TextEdits: ch.Fix}}
		}
		r.add(&Finding{Diagnostic: d, Rule: rule.ID, Severity: rule.Severity, Scopes: scopes,
			Func: ch.Where.Func, File: r.Rel(ch.Where.File)})
	}
}

func inScope(scope string, scopes []string) bool {
	return scope == "any" || slices.Contains(scopes, scope)
}

// add keeps one finding per position and rule: a constant used in test
// and production code is reported once, under the stricter verdict.
func (r *Reporter) add(f *Finding) {
	k := key{f.Diagnostic.Pos, f.Diagnostic.End, f.Rule}
	old, ok := r.byKey[k]
	if !ok {
		r.byKey[k] = f
		r.findings = append(r.findings, f)
		return
	}
	scopes := union(old.Scopes, f.Scopes)
	if f.Severity > old.Severity {
		*old = *f
	}
	if len(scopes) > len(old.Scopes) {
		old.Scopes = scopes
		old.Diagnostic.Message += " (the constant is used in " + strings.Join(scopes, " and ") + " code)"
	}
}

func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// Flush applies suppression, drops overlapping fixes, reports the
// diagnostics and returns the findings in source order.
func (r *Reporter) Flush() []*Finding {
	fs := r.suppress(r.findings)
	slices.SortStableFunc(fs, func(a, b *Finding) int {
		return cmp.Or(cmp.Compare(a.Diagnostic.Pos, b.Diagnostic.Pos), cmp.Compare(fixRank(a), fixRank(b)), cmp.Compare(b.Severity, a.Severity))
	})
	dropOverlaps(fs)
	for _, f := range fs {
		r.pass.Report(f.Diagnostic)
	}
	return fs
}

// fixRank orders findings at one position for fixing: a threshold's fix
// writes a value in the driver's unit, so it also mends a value the
// driver rejects; a problem's fix only mends the spelling.
func fixRank(f *Finding) int {
	if f.problem {
		return 1
	}
	return 0
}
