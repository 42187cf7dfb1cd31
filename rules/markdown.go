package rules

import (
	"fmt"
	"io"
	"strings"
)

// WriteMarkdown writes the rules as docs/rules.md documents them: a
// summary table, then a section per rule with its rationale and
// before/after.
func (p *Policy) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("| Rule | Severity | Scope | Constraint | What it catches |\n|---|---|---|---|---|\n")
	for _, r := range p.rules {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s |\n", r.ID, r.ID, r.status(), r.Scope, cell(r.Constraint()), cell(r.Title))
	}
	for _, r := range p.rules {
		fmt.Fprintf(&b, "\n## %s\n\n**%s.** %s, scope %s", r.ID, r.Title, r.status(), r.Scope)
		if len(r.Drivers) > 0 {
			fmt.Fprintf(&b, ", drivers %s", r.drivers())
		}
		fmt.Fprintf(&b, "; %s.\n\n%s\n", r.Constraint(), oneParagraph(r.Why))
		if r.Disabled {
			fmt.Fprintf(&b, "\nIt ships off; turn it on with `enable = [%q]` in `.poolcheck.toml`.\n", r.ID)
		}
		codeBlock(&b, "Before", r.Before)
		codeBlock(&b, "After", r.After)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func cell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }

// oneParagraph joins the lines of a TOML multi-line string.
func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

func codeBlock(b *strings.Builder, label, code string) {
	if code = strings.TrimSpace(code); code != "" {
		fmt.Fprintf(b, "\n%s:\n\n```\n%s\n```\n", label, redact(code))
	}
}
