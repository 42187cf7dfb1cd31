package rules

import (
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

// Rule is one policy rule. Exactly one constraint field is set.
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
	Min      *catalog.Value // the value must be >= Min
	Max      *catalog.Value // the value must be <= Max
	Allow    []string       // enum values allowed
	Forbid   []string       // enum values forbidden
	Required bool           // the pool must set Setting
	Relation *Relation      // compared with another setting of the same pool
	Problems []string       // catalog problem codes that violate, "*" for any
	Check    string         // a structural check implemented by a finder

	Suggest  *catalog.Value // the fix value in canonical units; nil: none, or from Relation/Problem
	Before   string
	After    string
	Examples []Example
	Origin   string // "default", or "path/to/.poolcheck.toml:12"
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
// onto what it extends.
type Policy struct {
	rules  []*Rule
	scopes []scope
}

type scope struct {
	name  string
	globs []string
}

// Default returns the embedded default policy.
func Default() *Policy { panic("unimplemented") }

// Load reads the policy at path and what it extends. Errors carry
// path:line:col and a hint.
func Load(path string) (*Policy, error) { panic("unimplemented") }

// Discover returns the nearest .poolcheck.toml from dir up to the module
// root (the first directory holding go.mod), or "" when there is none.
func Discover(dir string) (string, error) { panic("unimplemented") }

// Rules returns every rule in order, disabled ones included.
func (p *Policy) Rules() []*Rule { return p.rules }

// Rule returns the rule with id, or nil.
func (p *Policy) Rule(id string) *Rule { panic("unimplemented") }

// Checks returns the enabled rules for a structural check.
func (p *Policy) Checks(check string) []*Rule { panic("unimplemented") }

// ScopesFor returns the scope names that hold for a slash-separated path;
// test is true when the finder knows the code is test code.
func (p *Policy) ScopesFor(path string, test bool) []string { panic("unimplemented") }

// Evaluate judges one pool against the enabled rules.
func (p *Policy) Evaluate(pool *model.Pool) []Violation { panic("unimplemented") }
