package main

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/poolcheck/poolcheck/rules"
)

// ruleDoc is a rule and the policy that defines it, which explains it.
type ruleDoc struct {
	rule   *rules.Rule
	policy *rules.Policy
}

// help is the rule's documentation, as -explain prints it.
func (d ruleDoc) help() string {
	text, _ := d.policy.Explain(d.rule.ID)
	return text
}

// ruleBook returns the rules the findings were judged by, in policy
// order: those of the -policy file, else those of the policy each
// finding's package discovers (the working directory's when there are
// no findings). The first policy to define an id wins.
func (out *outcome) ruleBook() []ruleDoc {
	var docs []ruleDoc
	seen := make(map[string]bool)
	for _, pol := range out.policies() {
		for _, r := range pol.Rules() {
			if !seen[r.ID] {
				seen[r.ID] = true
				docs = append(docs, ruleDoc{r, pol})
			}
		}
	}
	return docs
}

// policies loads the policies that apply to the findings, as the
// analyzer chose them. They loaded once already, so an error here is
// unexpected; such a policy is left out.
func (out *outcome) policies() []*rules.Policy {
	var paths []string
	switch {
	case out.policy != "":
		paths = []string{out.policy}
	case len(out.findings) == 0:
		wd, _ := os.Getwd()
		paths = []string{discover(wd)}
	}
	if out.policy == "" {
		seen := make(map[string]bool) // directories looked up
		for _, f := range out.findings {
			dir := filepath.Dir(out.fset.Position(f.Diagnostic.Pos).Filename)
			if seen[dir] {
				continue
			}
			seen[dir] = true
			if p := discover(dir); !slices.Contains(paths, p) {
				paths = append(paths, p)
			}
		}
	}
	var pols []*rules.Policy
	for _, p := range paths {
		if p == "" {
			pols = append(pols, rules.Default())
		} else if pol, err := rules.Load(p); err == nil {
			pols = append(pols, pol)
		}
	}
	return pols
}

// discover is rules.Discover, with "" (the defaults) on error.
func discover(dir string) string {
	p, err := rules.Discover(dir)
	if err != nil {
		return ""
	}
	return p
}
