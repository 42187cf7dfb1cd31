package main

import (
	"fmt"
	"io"
	"os"

	"github.com/poolcheck/poolcheck/rules"
)

// describe prints the effective rules (-rules) or one rule's
// documentation (-explain) for the policy that applies here.
func (o *options) describe(stdout, stderr io.Writer) int {
	pol, err := o.effectivePolicy()
	if err != nil {
		fmt.Fprintln(stderr, "poolcheck:", err)
		return exitError
	}
	if o.listRules {
		if err := pol.WriteRules(stdout); err != nil {
			fmt.Fprintln(stderr, "poolcheck:", err)
			return exitError
		}
		return exitOK
	}
	text, ok := pol.Explain(o.explain)
	if !ok {
		fmt.Fprintf(stderr, "poolcheck: no rule %q (poolcheck -rules lists them)\n", o.explain)
		return exitError
	}
	fmt.Fprint(stdout, text)
	return exitOK
}

// effectivePolicy is the -policy file, else the nearest .poolcheck.toml
// from the working directory, else the defaults.
func (o *options) effectivePolicy() (*rules.Policy, error) {
	path := o.policy
	if path == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		if path, err = rules.Discover(wd); err != nil {
			return nil, err
		}
	}
	if path == "" {
		return rules.Default(), nil
	}
	return rules.Load(path)
}
