package rules

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
)

var opWords = map[string]string{"<=": "≤", "<": "<", ">=": "≥", ">": ">"}

// Constraint spells r's constraint for people: "max_open ≥ 2".
func (r *Rule) Constraint() string {
	switch {
	case r.Check != "":
		return "check " + r.Check
	case r.Problems != nil:
		return r.problemText()
	case r.Required:
		return string(r.Setting) + " is set"
	case r.Relation != nil:
		return string(r.Setting) + " " + opWords[r.Relation.Op] + " " + string(r.Relation.Other)
	}
	return string(r.Setting) + " " + r.wants()
}

// wants spells a value constraint without its setting: "≥ 2".
func (r *Rule) wants() string {
	switch {
	case r.Min != nil && r.Max != nil:
		return "between " + Format(*r.Min) + " and " + Format(*r.Max)
	case r.Min != nil:
		return "≥ " + Format(*r.Min)
	case r.Max != nil:
		return "≤ " + Format(*r.Max)
	case r.Allow != nil:
		return "one of " + formatList(r.Allow)
	}
	return "not " + formatList(r.Forbid)
}

func (r *Rule) problemText() string {
	s := "problems " + strings.Join(r.Problems, ", ")
	if r.Setting != "" {
		s = string(r.Setting) + " " + s
	}
	return s
}

func formatList(vs []catalog.Value) string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = Format(v)
	}
	return strings.Join(out, ", ")
}

// WriteRules prints the effective rules, one a line, with the origin of
// each: what the CLI's -rules flag shows.
func (p *Policy) WriteRules(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tSCOPE\tCONSTRAINT\tDRIVERS\tORIGIN")
	for _, r := range p.rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.ID, r.status(), r.Scope, r.Constraint(), r.drivers(), r.origins())
	}
	return tw.Flush()
}

// status is the severity, or "off" for a disabled rule.
func (r *Rule) status() string {
	if r.Disabled {
		return "off"
	}
	return r.Severity.String()
}

func (r *Rule) drivers() string {
	if len(r.Drivers) == 0 {
		return "all"
	}
	return strings.Join(r.Drivers, ",")
}

// origins spells where r comes from: "x.toml:12 (overrides default)".
func (r *Rule) origins() string {
	if len(r.overrides) == 0 {
		return r.Origin
	}
	return r.Origin + " (overrides " + strings.Join(r.overrides, ", ") + ")"
}

// Explain returns the documentation of rule id, what the CLI's -explain
// flag shows, or false when the policy has no such rule.
func (p *Policy) Explain(id string) (string, bool) {
	r := p.Rule(id)
	if r == nil {
		return "", false
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", r.ID, r.Title)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%-10s %s\n", name+":", v)
		}
	}
	field("Severity", r.Severity.String())
	field("Status", r.enabledText())
	field("Scope", r.Scope)
	field("Drivers", r.drivers())
	field("Rule", r.Constraint())
	if r.Suggest != nil {
		field("Suggest", Format(*r.Suggest))
	}
	field("Origin", r.origins())
	fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(r.Why))
	block(&b, "Before", r.Before)
	block(&b, "After", r.After)
	for _, ex := range r.Examples {
		block(&b, "Bad"+ex.context(), redact(ex.Bad))
		block(&b, "Good"+ex.context(), redact(ex.Good))
	}
	return b.String(), true
}

func (r *Rule) enabledText() string {
	if r.Disabled {
		return `disabled; turn it on with enable = ["` + r.ID + `"] in .poolcheck.toml`
	}
	return `enabled; turn it off with disable = ["` + r.ID + `"] in .poolcheck.toml`
}

// block writes an indented block under a heading.
func block(b *strings.Builder, heading, text string) {
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	fmt.Fprintf(b, "\n%s:\n", heading)
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintf(b, "    %s\n", line)
	}
}

// context spells an example's driver and scope: " (database/sql, test code)".
func (ex Example) context() string {
	var parts []string
	if ex.Driver != "" {
		parts = append(parts, ex.Driver)
	}
	if ex.Scope != "" {
		parts = append(parts, ex.Scope+" code")
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// redact hides the password of an example DSN.
func redact(s string) string {
	if d, err := dsn.Parse(s); err == nil && d.HasPassword {
		return d.Redacted()
	}
	return s
}
