package scan

import (
	"fmt"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/rules"
)

// The directive that silences findings, in any comment of a format that
// has comments: "# poolcheck:ignore rule-id reason" in .env, YAML, TOML,
// .properties and .ini files, "// poolcheck:ignore rule-id reason" (or
// /* ... */) in JS/TS, JSONC and .prisma files. Its semantics are the Go
// directive's (analyzer/report/ignore.go): the finding's line or the line
// above, one or more rule ids separated by commas, a reason required,
// text after a further "//" not part of the reason. White space between
// the comment marker and "poolcheck:ignore" is allowed.
const directive = "poolcheck:ignore"

// Meta rules about directives themselves; they cannot be ignored.
const (
	IgnoreUnused    = "ignore-unused"
	IgnoreMalformed = "ignore-malformed"
)

// A comment is one comment of a file.
type comment struct {
	start, end int // the whole comment, markers included
	body, stop int // its text, without the markers
}

// An ignore is one directive, on the line it silences and the next.
type ignore struct {
	start, end int
	line       int
	rules      []string
	used       bool
}

// directives parses the directives among a file's comments.
func (r *fileRun) directives(cs []comment) ([]*ignore, []*Finding) {
	var igs []*ignore
	var bad []*Finding
	for _, c := range cs {
		if c.body < 0 || c.stop > len(r.src) || c.body > c.stop {
			continue
		}
		text := string(r.src[c.body:c.stop])
		trimmed := strings.TrimLeft(text, " \t")
		rest, ok := strings.CutPrefix(trimmed, directive)
		if !ok {
			continue
		}
		at := c.body + len(text) - len(trimmed)
		ids, msg := r.parseDirective(rest)
		if msg != "" {
			if f := r.meta(IgnoreMalformed, c, msg); f != nil {
				bad = append(bad, f)
			}
			continue
		}
		igs = append(igs, &ignore{start: c.start, end: c.end, line: r.position(at).Line, rules: ids})
	}
	return igs, bad
}

// parseDirective reads what follows "poolcheck:ignore": the rule ids,
// or a message saying what is wrong.
func (r *fileRun) parseDirective(rest string) ([]string, string) {
	// A further "//" starts a trailing comment, not the reason.
	rest, _, _ = strings.Cut(rest, "//")
	fields := strings.Fields(rest)
	if len(fields) == 0 || rest[0] != ' ' && rest[0] != '\t' {
		return nil, "poolcheck:ignore needs a rule id and a reason: poolcheck:ignore rule-id reason"
	}
	if len(fields) < 2 {
		return nil, "poolcheck:ignore " + fields[0] + " needs a reason after the rule id"
	}
	ids := strings.Split(fields[0], ",")
	for _, id := range ids {
		if r.pol.Rule(id) == nil {
			return nil, "poolcheck:ignore names " + r.pol.Unknown(id)
		}
	}
	return ids, ""
}

// suppress drops the findings a directive covers and those below the
// minimum severity, then adds a finding for each directive that is
// malformed or matched nothing.
func (r *fileRun) suppress(cs []comment) {
	igs, bad := r.directives(cs)
	out := r.findings[:0]
	for _, f := range r.findings {
		if !ignored(igs, f) && f.Severity >= r.min {
			out = append(out, f)
		}
	}
	out = append(out, bad...)
	for _, ig := range igs {
		if !ig.used {
			msg := fmt.Sprintf("poolcheck:ignore %s matches no finding on this line or the next", strings.Join(ig.rules, ","))
			if f := r.meta(IgnoreUnused, comment{start: ig.start, end: ig.end}, msg); f != nil {
				out = append(out, f)
			}
		}
	}
	r.findings = out
}

// ignored reports whether a directive on the finding's line or the line
// above names its rule, and marks that directive used.
func ignored(igs []*ignore, f *Finding) bool {
	for _, ig := range igs {
		if (ig.line == f.Pos.Line || ig.line == f.Pos.Line-1) && slices.Contains(ig.rules, f.Rule) {
			ig.used = true
			return true
		}
	}
	return false
}

// meta builds a finding about a directive, under the policy's rule of
// that id (its severity; none when it is disabled), else as a warning.
func (r *fileRun) meta(id string, c comment, msg string) *Finding {
	sev := rules.Warning
	if rule := r.pol.Rule(id); rule != nil {
		if rule.Disabled {
			return nil
		}
		sev = rule.Severity
	}
	return &Finding{Rule: id, Severity: sev, Message: "[" + id + "] " + msg, URL: DocURL + id,
		File: r.w.path, Path: r.rel, Pos: r.position(c.start), End: r.position(c.end)}
}
