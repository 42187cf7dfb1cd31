package report

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/rules"
)

// The directive that silences findings: //poolcheck:ignore id[,id] reason
const directive = "//poolcheck:ignore"

// Meta rules about directives themselves; they cannot be ignored.
const (
	IgnoreUnused    = "ignore-unused"
	IgnoreMalformed = "ignore-malformed"
)

// An ignore is one directive, on the line it silences and the next.
type ignore struct {
	pos   token.Pos
	end   token.Pos
	file  string
	line  int
	rules []string
	used  bool
}

// suppress drops the findings an ignore directive covers, then adds a
// finding for each directive that is malformed or matched nothing.
func (r *Reporter) suppress(fs []*Finding) []*Finding {
	igs, bad := r.directives()
	out := fs[:0]
	for _, f := range fs {
		if !r.ignored(igs, f) && f.Severity >= r.min {
			out = append(out, f)
		}
	}
	out = append(out, bad...)
	for _, ig := range igs {
		if !ig.used {
			msg := fmt.Sprintf("poolcheck:ignore %s matches no finding on this line or the next", strings.Join(ig.rules, ","))
			if f := r.meta(IgnoreUnused, ig.pos, ig.end, msg); f != nil {
				out = append(out, f)
			}
		}
	}
	return out
}

// ignored reports whether a directive on the finding's line or the line
// above names its rule, and marks that directive used.
func (r *Reporter) ignored(igs []*ignore, f *Finding) bool {
	pos := r.pass.Fset.Position(f.Diagnostic.Pos)
	for _, ig := range igs {
		if ig.file == pos.Filename && (ig.line == pos.Line || ig.line == pos.Line-1) && slices.Contains(ig.rules, f.Rule) {
			ig.used = true
			return true
		}
	}
	return false
}

// directives parses every ignore directive of the package.
func (r *Reporter) directives() ([]*ignore, []*Finding) {
	var igs []*ignore
	var bad []*Finding
	for _, file := range r.files {
		if r.Excluded(find.Where{File: r.pass.Fset.File(file.Pos()).Name()}) {
			continue
		}
		for _, cg := range file.Comments {
			for _, c := range cg.List {
				ig, err := r.parseDirective(c)
				switch {
				case err != "":
					if f := r.meta(IgnoreMalformed, c.Pos(), c.End(), err); f != nil {
						bad = append(bad, f)
					}
				case ig != nil:
					igs = append(igs, ig)
				}
			}
		}
	}
	return igs, bad
}

// parseDirective reads one comment; it returns nil and no error for a
// comment that is not a directive.
func (r *Reporter) parseDirective(c *ast.Comment) (*ignore, string) {
	rest, ok := strings.CutPrefix(c.Text, directive)
	if !ok {
		return nil, r.spacedDirective(c.Text)
	}
	if rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		return nil, "" // //poolcheck:ignoreXYZ is another word
	}
	// A further "//" starts a trailing comment, not the reason.
	rest, _, _ = strings.Cut(rest, "//")
	fields := strings.Fields(rest)
	if len(fields) == 0 || rest[0] != ' ' && rest[0] != '\t' {
		return nil, "poolcheck:ignore needs a rule id and a reason: //poolcheck:ignore rule-id reason"
	}
	if len(fields) < 2 {
		return nil, "poolcheck:ignore " + fields[0] + " needs a reason after the rule id"
	}
	ids := strings.Split(fields[0], ",")
	for _, id := range ids {
		if r.policy.Rule(id) == nil {
			return nil, "poolcheck:ignore names " + r.policy.Unknown(id)
		}
	}
	pos := r.pass.Fset.Position(c.Pos())
	return &ignore{pos: c.Pos(), end: c.End(), file: pos.Filename, line: pos.Line, rules: ids}, ""
}

// meta builds a finding about a directive, under the policy's rule of
// that id (its severity; none when it is disabled), else as a warning.
func (r *Reporter) meta(id string, pos, end token.Pos, msg string) *Finding {
	sev := rules.Warning
	if rule := r.policy.Rule(id); rule != nil {
		if rule.Disabled {
			return nil
		}
		sev = rule.Severity
	}
	d := analysis.Diagnostic{Pos: pos, End: end, Category: id, URL: DocURL + id, Message: "[" + id + "] " + msg}
	p := r.pass.Fset.Position(pos)
	return &Finding{Diagnostic: d, Rule: id, Severity: sev, File: r.Rel(p.Filename)}
}

// spacedDirective returns a hint for "// poolcheck:ignore rule reason":
// with a space after the slashes a comment is prose, as with //go: and
// //nolint, so it silences nothing. The hint is given only when the next
// word names rules of the policy; other prose stays quiet.
func (r *Reporter) spacedDirective(text string) string {
	rest, ok := strings.CutPrefix(text, "//")
	if !ok || rest == "" || rest[0] != ' ' && rest[0] != '\t' {
		return ""
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " \t"), directive[2:])
	if !ok {
		return ""
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 || rest[0] != ' ' && rest[0] != '\t' {
		return ""
	}
	for _, id := range strings.Split(fields[0], ",") {
		if r.policy.Rule(id) == nil {
			return ""
		}
	}
	return "a directive has no space after the slashes: write //poolcheck:ignore " + strings.TrimSpace(rest) +
		" (this comment silences nothing)"
}
