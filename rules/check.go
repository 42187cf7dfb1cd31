package rules

import (
	"slices"
	"sort"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
)

// check validates a rule the file defines or overrides. The checks run
// in order and stop at the first that fails, so one mistake gives one
// error.
func (m *merger) check(t touched) {
	b := &builder{f: m.f, i: t.i, p: m.p}
	kinds := writtenKinds(m.f.rules[t.i].constraints(), t.base)
	for _, c := range ruleChecks {
		if c(b, t.rule, kinds); len(b.errs) > 0 {
			break
		}
	}
	m.errs = append(m.errs, b.errs...)
}

var ruleChecks = []func(b *builder, r *Rule, kinds []string){
	checkOneConstraint, checkSetting, checkBounds, checkLists, checkRelation, checkSuggest,
}

// writtenKinds lists the kinds of constraint an entry writes, or the
// inherited rule's kind for an override.
func writtenKinds(keys []string, base *Rule) []string {
	if base != nil {
		return []string{constraintOf(base)}
	}
	var out []string
	for _, k := range keys {
		if !slices.Contains(out, constraintKey[k]) {
			out = append(out, constraintKey[k])
		}
	}
	return out
}

func checkOneConstraint(b *builder, r *Rule, kinds []string) {
	switch {
	case len(kinds) == 0:
		b.at(nil, "set one of min, max, allow, forbid, required, relation, problems or check",
			"rule %q has no constraint", r.ID)
	case len(kinds) > 1:
		second := ""
		for _, k := range b.rt().constraints() {
			if constraintKey[k] == kinds[1] && second == "" {
				second = k
			}
		}
		b.at([]string{second}, "split it into two rules", "rule %q has more than one constraint: %s and %s", r.ID, kinds[0], kinds[1])
	}
}

func checkSetting(b *builder, r *Rule, kinds []string) {
	switch kinds[0] {
	case "check":
		if r.Setting != "" {
			b.at([]string{"setting"}, "the check decides what it looks at", "a check rule takes no setting")
		}
	case "problems":
	default:
		if r.Setting == "" {
			b.at(nil, "name the canonical setting the rule judges", "rule %q has no setting", r.ID)
		}
	}
}

func checkBounds(b *builder, r *Rule, kinds []string) {
	if kinds[0] != "min/max" {
		return
	}
	if k := r.Setting.Kind(); k != catalog.Count && k != catalog.Duration {
		b.at([]string{"min", "max"}, "use allow or forbid", "%s is %s: min and max compare counts and durations", r.Setting, kindNames[k])
		return
	}
	if r.Min != nil && r.Max != nil && compare(*r.Min, *r.Max) > 0 {
		b.at([]string{"min", "max"}, "min is the lowest allowed value, max the highest",
			"min %s is greater than max %s", Format(*r.Min), Format(*r.Max))
	}
}

func checkLists(b *builder, r *Rule, kinds []string) {
	lists := map[string]bool{"allow": r.Allow != nil && len(r.Allow) == 0, "forbid": r.Forbid != nil && len(r.Forbid) == 0,
		"problems": r.Problems != nil && len(r.Problems) == 0}
	if lists[kinds[0]] {
		b.at([]string{kinds[0]}, "list at least one value", "%s is empty", kinds[0])
	}
}

func checkRelation(b *builder, r *Rule, kinds []string) {
	if r.Relation == nil {
		return
	}
	rel, k := r.Relation, r.Setting.Kind()
	switch {
	case rel.Other == r.Setting:
		b.at([]string{"relation"}, "name another setting", "relation compares %s with itself", r.Setting)
	case rel.Other.Kind() != k:
		b.at([]string{"relation"}, "compare settings of one kind", "relation compares %s (%s) with %s (%s)",
			r.Setting, kindNames[k], rel.Other, kindNames[rel.Other.Kind()])
	case k == catalog.Enum:
		b.at([]string{"relation"}, "relations order counts and durations", "%s is a word and has no order", r.Setting)
	}
}

// suggestHints says where the fix of each kind of rule comes from.
var suggestHints = map[string]string{
	"relation": "the fix is the other setting's value",
	"problems": "the catalog knows the fix",
	"check":    "the analyzer writes the fix",
}

func checkSuggest(b *builder, r *Rule, kinds []string) {
	if r.Suggest == nil {
		if b.rt().Suggest != nil && r.Setting == "" {
			b.at([]string{"suggest"}, suggestHints[kinds[0]], "suggest has no use in a %s rule", kinds[0])
		}
		return
	}
	if hint, ok := suggestHints[kinds[0]]; ok {
		b.at([]string{"suggest"}, hint, "suggest has no use in a %s rule", kinds[0])
		return
	}
	if !r.Required && !r.holds(*r.Suggest) {
		b.at([]string{"suggest"}, "suggest the value a fix should write", "suggest %s breaks the rule's own constraint, %s",
			Format(*r.Suggest), r.Constraint())
	}
}

// knownEnum checks that a word is a canonical value of setting s.
func knownEnum(s catalog.Setting, v catalog.Value) error {
	vals := enumValues()[s]
	if v.Kind != catalog.Enum || len(vals) == 0 || slices.Contains(vals, v.S) {
		return nil
	}
	return errorf(hintFor(v.S, vals, "values"), "unknown %s value %q", s, v.S)
}

// enumValues gives the canonical words of each enum setting, from the
// catalog's knobs.
var enumValues = sync.OnceValue(func() map[catalog.Setting][]string {
	out := map[catalog.Setting][]string{}
	for _, k := range catalog.Knobs() {
		for _, v := range k.Enum {
			if k.Setting != "" && !slices.Contains(out[k.Setting], v) {
				out[k.Setting] = append(out[k.Setting], v)
			}
		}
	}
	for _, vs := range out {
		sort.Strings(vs)
	}
	return out
})
