package rules

// The constraint of a rule: one kind, written with one or two keys.

// constraintKey gives the kind of constraint each key sets.
var constraintKey = map[string]string{
	"min": "min/max", "max": "min/max", "allow": "allow", "forbid": "forbid",
	"required": "required", "relation": "relation", "problems": "problems", "check": "check",
}

// constraintKeys lists them in the order the docs give them.
var constraintKeys = []string{"min", "max", "allow", "forbid", "required", "relation", "problems", "check"}

// constraints lists the constraint keys an entry sets.
func (rt *ruleT) constraints() []string {
	set := map[string]bool{
		"min": rt.Min != nil, "max": rt.Max != nil, "allow": rt.Allow != nil, "forbid": rt.Forbid != nil,
		"required": rt.Required != nil, "relation": rt.Relation != nil, "problems": rt.Problems != nil, "check": rt.Check != nil,
	}
	var out []string
	for _, k := range constraintKeys {
		if set[k] {
			out = append(out, k)
		}
	}
	return out
}

// constraintOf names the kind of r's constraint, "" if it has none.
func constraintOf(r *Rule) string {
	kinds := constraintsOf(r)
	if len(kinds) == 0 {
		return ""
	}
	return kinds[0]
}

func constraintsOf(r *Rule) []string {
	set := []struct {
		on   bool
		kind string
	}{
		{r.Min != nil || r.Max != nil, "min/max"}, {r.Allow != nil, "allow"}, {r.Forbid != nil, "forbid"},
		{r.Required, "required"}, {r.Relation != nil, "relation"}, {r.Problems != nil, "problems"}, {r.Check != "", "check"},
	}
	var out []string
	for _, s := range set {
		if s.on {
			out = append(out, s.kind)
		}
	}
	return out
}

// constraint applies the constraint keys the entry sets.
func (b *builder) constraint(r *Rule, rt *ruleT) {
	if rt.Min != nil {
		r.Min = b.value("min", rt.Min, r.Setting)
	}
	if rt.Max != nil {
		r.Max = b.value("max", rt.Max, r.Setting)
	}
	if rt.Allow != nil {
		r.Allow = b.values("allow", rt.Allow, r.Setting)
	}
	if rt.Forbid != nil {
		r.Forbid = b.values("forbid", rt.Forbid, r.Setting)
	}
	if rt.Required != nil {
		r.Required = *rt.Required
		if !r.Required {
			b.at([]string{"required"}, "remove it", "required = false is not a constraint")
		}
	}
	if rt.Relation != nil {
		r.Relation = rt.Relation
	}
	if rt.Problems != nil {
		r.Problems = make([]string, len(rt.Problems))
		for i, p := range rt.Problems {
			r.Problems[i] = string(p)
		}
	}
	if rt.Check != nil {
		r.Check = string(*rt.Check)
	}
}
