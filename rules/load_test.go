package rules

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const invalidDir = "../testdata/policy/invalid/"

// invalid gives the exact error of every fixture in invalidDir, one kind
// of mistake each. Positions are line:column of the offending value (or
// key, for unknown keys and table headers).
var invalid = map[string]string{
	"syntax-error.toml": "syntax-error.toml:4:19: TOML syntax: strings cannot contain newlines",
	// The decoder counts this error on the next line.
	"unclosed-header.toml":     `unclosed-header.toml:4:7: TOML syntax: expected end of table array name delimiter ']', but got '\n' instead`,
	"unknown-top-key.toml":     `unknown-top-key.toml:2:1: unknown key "disabled" (did you mean "disable"?)`,
	"unknown-rule-key.toml":    `unknown-rule-key.toml:9:1: unknown key "severty" (did you mean "severity"?)`,
	"unknown-example-key.toml": `unknown-example-key.toml:14:3: unknown key "expect" (known keys: bad, good, driver, scope)`,
	"key-case.toml":            `key-case.toml:9:1: unknown key "Severity" (did you mean "severity"?)`,
	// The error is in the first of two rules: the decoder alone would
	// place it in the last.
	"wrong-type.toml":            `wrong-type.toml:10:11: wrong type: got string, want boolean`,
	"bad-duration.toml":          `bad-duration.toml:10:7: bad duration "10 seconds" (write a Go duration such as "20s", "1m30s" or "500ms")`,
	"duration-as-integer.toml":   `duration-as-integer.toml:10:7: acquire_timeout is a duration, not 10 (write a duration string with a unit, such as "20s")`,
	"unknown-setting.toml":       `unknown-setting.toml:7:11: unknown setting "max_opn" (did you mean "max_open"?)`,
	"unknown-scope.toml":         `unknown-scope.toml:8:9: unknown scope "tests" (did you mean "test"?)`,
	"unknown-driver.toml":        `unknown-driver.toml:9:19: unknown driver "sqlite4" (did you mean "sqlite3"?)`,
	"unknown-severity.toml":      `unknown-severity.toml:9:12: unknown severity "critical" (want "error", "warning" or "info")`,
	"min-above-max.toml":         `min-above-max.toml:10:7: min 20 is greater than max 10 (min is the lowest allowed value, max the highest)`,
	"duplicate-id.toml":          `duplicate-id.toml:13:6: duplicate rule id "x" (first at line 3)`,
	"two-constraints.toml":       `two-constraints.toml:11:10: rule "x" has more than one constraint: min/max and forbid (split it into two rules)`,
	"no-constraint.toml":         `no-constraint.toml:3:1: rule "x" has no constraint (set one of min, max, allow, forbid, required, relation, problems or check)`,
	"bad-example-passes.toml":    `bad-example-passes.toml:13:9: bad example does not break "x": a database/sql pool in test code`,
	"good-example-fails.toml":    `good-example-fails.toml:14:10: good example breaks "x": max_open is 10 (SetMaxOpenConns) in test code; policy wants ≥ 20`,
	"extends-missing.toml":       `extends-missing.toml:1:11: extends "base.toml": no such file (write "default", "none", or a path relative to this file)`,
	"extends-broken.toml":        "syntax-error.toml:4:19: TOML syntax: strings cannot contain newlines",
	"cycle-a.toml":               `cycle-b.toml:1:11: extends cycle: cycle-a.toml → cycle-b.toml → cycle-a.toml (one file of the cycle must extend something else)`,
	"cycle-b.toml":               `cycle-a.toml:1:11: extends cycle: cycle-b.toml → cycle-a.toml → cycle-b.toml (one file of the cycle must extend something else)`,
	"unknown-check.toml":         `unknown-check.toml:7:9: unknown check "config_after_new" (did you mean "config-after-new"?)`,
	"override-missing-id.toml":   `override-missing-id.toml:3:1: rule "test-pool-to-small" overrides nothing: no inherited rule has this id (did you mean "test-pool-too-small"?)`,
	"override-changes-kind.toml": `override-changes-kind.toml:3:10: "test-pool-too-small" is a min/max rule; an override cannot make it a forbid rule (disable it and add a rule with a new id)`,
	"disable-unknown.toml":       `disable-unknown.toml:1:12: disable names no rule: "prod-tls-disable" (did you mean "prod-tls-disabled"?)`,
	"unknown-problem.toml":       `unknown-problem.toml:7:28: unknown problem code "unit_suffix" (did you mean "unit-suffix"?)`,
	"bad-relation.toml":          `bad-relation.toml:10:12: bad relation "=< max_open" (write an operator (<=, <, >=, >) and a setting, such as "<= max_open")`,
	"suggest-breaks-rule.toml":   `suggest-breaks-rule.toml:11:11: suggest 1 breaks the rule's own constraint, max_open ≥ 2 (suggest the value a fix should write)`,
	"new-rule-incomplete.toml":   `new-rule-incomplete.toml:3:1: new rule "x" has no title, why and severity (a rule that overrides none needs id, title, why, scope, severity and one constraint)`,
	"prod-scope.toml":            `prod-scope.toml:4:1: scope "prod" is built in and cannot be given globs (prod is every path that is not test; any is every path)`,
	"bad-glob.toml":              `bad-glob.toml:4:35: bad glob "db/[a-" (segments use path.Match syntax, "**" matches any number of them)`,
	"exclude-glob.toml":          `exclude-glob.toml:2:22: bad glob "internal//mocks/*.go" (segments use path.Match syntax, "**" matches any number of them)`,
	"enum-value.toml":            `enum-value.toml:10:11: unknown tls_mode value "disabled" (did you mean "disable"?)`,
	"required-false.toml":        `required-false.toml:10:12: required = false is not a constraint (remove it)`,
	"check-with-setting.toml":    `check-with-setting.toml:8:11: a check rule takes no setting (the check decides what it looks at)`,
	"bad-id.toml":                `bad-id.toml:4:6: bad rule id "Test_Pool" (ids are kebab-case: lower-case words joined by '-')`,
}

func TestLoadInvalid(t *testing.T) {
	files, err := filepath.Glob(invalidDir + "*.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			want, ok := invalid[name]
			if !ok {
				t.Fatalf("no expected error for %s", name)
			}
			p, err := Load(f)
			if err == nil {
				t.Fatalf("Load succeeded: %d rules", len(p.Rules()))
			}
			if got := err.Error(); got != invalidDir+want {
				t.Errorf("error:\n got %s\nwant %s", got, invalidDir+want)
			}
			var errs LoadErrors
			if !errors.As(err, &errs) || len(errs) != 1 {
				t.Errorf("want one LoadError, got %T %v", err, err)
			}
		})
	}
	if len(files) != len(invalid) {
		t.Errorf("%d fixtures, %d expected errors", len(files), len(invalid))
	}
}

func TestLoadValid(t *testing.T) {
	files, err := filepath.Glob("../testdata/policy/valid/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no valid fixtures")
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestLoadUnreadable(t *testing.T) {
	_, err := Load("../testdata/policy/none.toml")
	if got, want := err.Error(), "../testdata/policy/none.toml: cannot read policy: no such file"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestLoadSeveral: semantic mistakes in several rules are all reported,
// in file order.
func TestLoadSeveral(t *testing.T) {
	src := `extends = "none"
[[rule]]
id = "a"
title = "t"
why = "w"
setting = "max_open"
scope = "nowhere"
severity = "error"
min = 2
[[rule]]
id = "b"
title = "t"
why = "w"
setting = "max_open"
scope = "test"
severity = "error"
min = 3
max = 1
`
	dir := write(t, map[string]string{"p.toml": src})
	_, err := Load(filepath.Join(dir, "p.toml"))
	var errs LoadErrors
	if !errors.As(err, &errs) {
		t.Fatalf("got %v", err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, strings.TrimPrefix(e.Error(), dir+string(os.PathSeparator)))
	}
	want := []string{
		`p.toml:7:9: unknown scope "nowhere" (known scopes: test, prod, any)`,
		`p.toml:17:7: min 3 is greater than max 1 (min is the lowest allowed value, max the highest)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFixtureNames keeps the table and the directory in step.
func TestFixtureNames(t *testing.T) {
	var names []string
	for n := range invalid {
		if _, err := os.Stat(invalidDir + n); err != nil {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	if len(names) > 0 {
		t.Errorf("expected errors for missing fixtures: %v", names)
	}
}
