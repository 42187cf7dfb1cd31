package rules

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/poolcheck/poolcheck/catalog"
)

// The TOML schema. Each field that can be wrong has a type that checks
// itself, so the decoder reports the mistake at its key. Pointers and nil
// slices tell an absent key from a zero value, which overrides need.

// fileT is a policy file.
type fileT struct {
	Extends *string           `toml:"extends"`
	Disable []string          `toml:"disable"`
	Enable  []string          `toml:"enable"`
	Scopes  map[string][]glob `toml:"scopes"`
	Exclude []glob            `toml:"exclude"`
	Rule    []toml.Primitive  `toml:"rule"`
}

// ruleT is one [[rule]].
type ruleT struct {
	ID       ruleID           `toml:"id"`
	Title    *string          `toml:"title"`
	Why      *string          `toml:"why"`
	Setting  *settingName     `toml:"setting"`
	Scope    *string          `toml:"scope"`
	Drivers  []driverFilter   `toml:"drivers"`
	Severity *Severity        `toml:"severity"`
	Enabled  *bool            `toml:"enabled"`
	Min      *valueT          `toml:"min"`
	Max      *valueT          `toml:"max"`
	Allow    []valueT         `toml:"allow"`
	Forbid   []valueT         `toml:"forbid"`
	Required *bool            `toml:"required"`
	Relation *Relation        `toml:"relation"`
	Problems []problemCode    `toml:"problems"`
	Check    *checkName       `toml:"check"`
	Suggest  *valueT          `toml:"suggest"`
	Before   *string          `toml:"before"`
	After    *string          `toml:"after"`
	Example  []toml.Primitive `toml:"example"`
}

// exampleT is one [[rule.example]].
type exampleT struct {
	Bad    *string     `toml:"bad"`
	Good   *string     `toml:"good"`
	Driver *driverName `toml:"driver"`
	Scope  *string     `toml:"scope"`
}

// ProblemCodes lists the catalog's problem codes a rule may name.
var ProblemCodes = catalog.Codes

// CheckNames lists the structural checks the analyzer implements.
var CheckNames = []string{
	"config-after-new", "duration-without-unit", "sqlite-memory-shared", "fragment-double-query",
	"ignore-malformed", "ignore-unused",
}

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

type ruleID string

func (id *ruleID) UnmarshalText(b []byte) error {
	if !kebab.MatchString(string(b)) {
		return errorf("ids are kebab-case: lower-case words joined by '-'", "bad rule id %q", b)
	}
	*id = ruleID(b)
	return nil
}

type settingName catalog.Setting

func (s *settingName) UnmarshalText(b []byte) error {
	if !slices.Contains(catalog.Settings, catalog.Setting(b)) {
		return errorf(hintFor(string(b), catalog.Settings, "settings"), "unknown setting %q", b)
	}
	*s = settingName(b)
	return nil
}

// driverName is a driver the catalog knows.
type driverName catalog.Driver

func (d *driverName) UnmarshalText(b []byte) error {
	if err := knownDriver(string(b)); err != nil {
		return err
	}
	*d = driverName(b)
	return nil
}

// driverFilter is a driver, or "!driver" to exclude one.
type driverFilter string

func (d *driverFilter) UnmarshalText(b []byte) error {
	if name := strings.TrimPrefix(string(b), "!"); name != UnknownDriver {
		if err := knownDriver(name); err != nil {
			return err
		}
	}
	*d = driverFilter(b)
	return nil
}

func knownDriver(name string) error {
	all := catalog.Drivers()
	if !slices.Contains(all, catalog.Driver(name)) {
		return errorf(hintFor(name, all, "drivers"), "unknown driver %q", name)
	}
	return nil
}

type problemCode string

func (p *problemCode) UnmarshalText(b []byte) error {
	if string(b) != "*" && !slices.Contains(ProblemCodes, string(b)) {
		return errorf(hintFor(string(b), ProblemCodes, "codes"), "unknown problem code %q", b)
	}
	*p = problemCode(b)
	return nil
}

type checkName string

func (c *checkName) UnmarshalText(b []byte) error {
	if !slices.Contains(CheckNames, string(b)) {
		return errorf(hintFor(string(b), CheckNames, "checks"), "unknown check %q", b)
	}
	*c = checkName(b)
	return nil
}

// glob is a path pattern: path.Match syntax per segment, and ** for any
// number of segments.
type glob string

func (g *glob) UnmarshalText(b []byte) error {
	for _, seg := range strings.Split(string(b), "/") {
		if _, err := path.Match(seg, ""); err != nil || seg == "" {
			return errorf(`segments use path.Match syntax, "**" matches any number of them`, "bad glob %q", b)
		}
	}
	*g = glob(b)
	return nil
}

// UnmarshalText reads a relation such as "<= max_open".
func (r *Relation) UnmarshalText(b []byte) error {
	f := strings.Fields(string(b))
	if len(f) != 2 || !slices.Contains(relationOps, f[0]) {
		return errorf(`write an operator (<=, <, >=, >) and a setting, such as "<= max_open"`, "bad relation %q", b)
	}
	var s settingName
	if err := s.UnmarshalText([]byte(f[1])); err != nil {
		return err
	}
	*r = Relation{Op: f[0], Other: catalog.Setting(s)}
	return nil
}

var relationOps = []string{"<=", "<", ">=", ">"}

// valueT is a threshold, an allowed value or a suggestion as written:
// an integer count, a duration string with a unit, or a word. Which of
// them a setting needs is checked once the setting is known.
type valueT struct {
	n    int64
	s    string
	isN  bool
	isD  bool
	text string // as written, for messages
}

func (v *valueT) UnmarshalTOML(data any) error {
	switch x := data.(type) {
	case int64:
		*v = valueT{n: x, isN: true, text: fmt.Sprint(x)}
		return nil
	case string:
		*v = valueT{s: x, text: fmt.Sprintf("%q", x)}
		if x == "" || !strings.ContainsAny(x[:1], "0123456789+-.") {
			return nil
		}
		if _, err := time.ParseDuration(x); err != nil {
			return errorf(`write a Go duration such as "20s", "1m30s" or "500ms"`, "bad duration %q", x)
		}
		v.isD = true
		return nil
	}
	return errorf(`write an integer count, a duration such as "20s", or a word`, "wrong type %s for a value", tomlType(data))
}

// value converts v for setting s.
func (v valueT) value(s catalog.Setting) (catalog.Value, error) {
	k := s.Kind()
	if out, ok := parseValue(k, v.s); ok && v.fits(k) {
		return out, nil
	}
	if k == catalog.Count && v.isN {
		return catalog.Value{Kind: k, N: v.n}, nil
	}
	return catalog.Value{}, errorf(kindHint[k], "%s is %s, not %s", s, kindNames[k], v.text)
}

// fits reports whether v is written as a value of kind k is.
func (v valueT) fits(k catalog.ValueKind) bool {
	switch {
	case v.s == Unlimited:
		return k != catalog.Enum
	case k == catalog.Duration:
		return v.isD
	case k == catalog.Enum:
		return !v.isN && !v.isD
	}
	return false
}

var kindHint = map[catalog.ValueKind]string{
	catalog.Count:    "write an integer without quotes, such as 10",
	catalog.Duration: `write a duration string with a unit, such as "20s"`,
	catalog.Enum:     `write a lower-case word in quotes, such as "disable"`,
}

// hintFor suggests the closest of names, or lists them.
func hintFor[S ~string](s string, names []S, what string) string {
	if h := didYouMean(s, names); h != "" {
		return h
	}
	list := make([]string, len(names))
	for i, n := range names {
		list[i] = string(n)
	}
	return "known " + what + ": " + strings.Join(list, ", ")
}

// tomlType names the TOML type of a decoded value.
func tomlType(v any) string {
	switch v.(type) {
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case string:
		return "string"
	case []any, []map[string]any:
		return "array"
	case map[string]any:
		return "table"
	}
	return "datetime"
}
