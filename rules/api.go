package rules

import (
	"fmt"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// Severity orders findings; the zero value is invalid.
type Severity uint8

// The severities, lowest first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// Rule is one policy rule. Exactly one constraint is set: Min and/or Max
// (a range counts as one), Allow, Forbid, Required, Relation, Problems
// or Check.
type Rule struct {
	ID       string
	Title    string
	Why      string
	Setting  catalog.Setting // "" for structural checks and problem rules that span settings
	Scope    string          // a scope name, or "any"
	Drivers  []string        // driver filter; "!sqlite3" excludes; empty means all
	Severity Severity
	Disabled bool

	// Constraints: exactly one is set.
	Min      *catalog.Value  // the value must be >= Min
	Max      *catalog.Value  // the value must be <= Max
	Allow    []catalog.Value // the value must be one of these
	Forbid   []catalog.Value // the value must be none of these
	Required bool            // the pool must set Setting
	Relation *Relation       // compared with another setting of the same pool
	Problems []string        // catalog problem codes that violate, "*" for any
	Check    string          // a structural check implemented by a finder

	Suggest  *catalog.Value // the fix value in canonical units; nil: none, or from Relation/Problem
	Before   string
	After    string
	Examples []Example
	Origin   string // "default", or "path/to/.poolcheck.toml:12"

	overrides []string // the origins this rule overrides, oldest first
}

// Relation compares a setting with another setting of the same pool.
type Relation struct {
	Op    string // "<=", "<", ">=", ">"
	Other catalog.Setting
}

// Example is a self-test of a rule.
type Example struct {
	Bad, Good string // DSNs, or "key=value ..." settings lines for Go API pools
	Driver    string // driver when the example cannot imply one
	Scope     string // defaults to the rule's scope

	origin string // file:line of the example
}

// Violation is one rule broken by one pool.
type Violation struct {
	Rule    *Rule
	Site    *model.Site // nil when a required setting is missing
	Other   *model.Site // the other end of a relation
	Found   string      // as the driver spells it
	Want    string      // in the driver's unit, ready to write; "" when no fix applies
	Message string
}

// Policy is an effective rule set: the defaults, or a user policy merged
// onto what it extends. A Policy is not modified once loaded.
type Policy struct {
	rules   []*Rule
	scopes  []scope  // test, prod, then the policy's own
	exclude []string // globs of paths that are not judged
}

// Rules returns every rule in order, disabled ones included.
func (p *Policy) Rules() []*Rule { return p.rules }

// Rule returns the rule with id, or nil.
func (p *Policy) Rule(id string) *Rule {
	for _, r := range p.rules {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Checks returns the enabled rules for a structural check.
func (p *Policy) Checks(check string) []*Rule {
	var out []*Rule
	for _, r := range p.rules {
		if r.Check == check && !r.Disabled {
			out = append(out, r)
		}
	}
	return out
}

// Scopes returns the names of the policy's scopes: test, prod, then its own.
func (p *Policy) Scopes() []string {
	out := make([]string, len(p.scopes))
	for i, s := range p.scopes {
		out[i] = s.name
	}
	return out
}

// Unknown spells an id the policy has no rule for, with the closest
// rule id when one is close: `unknown rule "x" (did you mean "y"?)`.
func (p *Policy) Unknown(id string) string {
	ids := make([]string, len(p.rules))
	for i, r := range p.rules {
		ids[i] = r.ID
	}
	msg := fmt.Sprintf("unknown rule %q", id)
	if hint := didYouMean(id, ids); hint != "" {
		msg += " (" + hint + ")"
	}
	return msg
}
