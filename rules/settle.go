package rules

import (
	"github.com/poolcheck/poolcheck/model"
)

// problemFix is the value that mends a site's problem: the catalog's
// fix, else the driver's default when the driver accepts it.
func problemFix(s *model.Site) string {
	if s.Problem.Fix != "" || s.Knob == nil || s.Knob.Default == "" {
		return s.Problem.Fix
	}
	if _, prob := s.Knob.Parse(s.Knob.Default); prob != nil {
		return ""
	}
	return s.Knob.Default
}

// settle makes a problem's fix satisfy the pool's value rules too, so
// that one round of fixes is enough: pgx connect_timeout=5s in test code
// becomes 10, not 5 and then 10.
func (p *Policy) settle(pool *model.Pool, s *model.Site, want string) string {
	if s == nil || s.Knob == nil || want == "" {
		return want
	}
	for range 3 {
		v, prob := s.Knob.Parse(want)
		if prob != nil {
			return want
		}
		trial := *s
		trial.Raw, trial.Value, trial.Problem, trial.Const = want, v, nil, true
		next := p.valueFix(swap(pool, s, &trial), &trial)
		if next == "" || next == want {
			return want
		}
		want = next
	}
	return want
}

// valueFix returns the fix the first value rule broken by site s wants.
func (p *Policy) valueFix(pool *model.Pool, s *model.Site) string {
	for _, r := range p.rules {
		if r.Disabled || r.Setting != s.Setting || !r.isValueRule() || !r.Applies(pool) {
			continue
		}
		for _, v := range r.judgeValue(pool, nil) {
			if v.Site == s && v.Want != "" {
				return v.Want
			}
		}
	}
	return ""
}

// isValueRule reports a rule judged by judgeValue.
func (r *Rule) isValueRule() bool {
	return r.Check == "" && r.Problems == nil && !r.Required && r.Relation == nil
}

// swap returns a copy of pool with site old replaced by repl.
func swap(pool *model.Pool, old, repl *model.Site) *model.Pool {
	cp := *pool
	cp.Sites = make([]*model.Site, len(pool.Sites))
	for i, s := range pool.Sites {
		if s == old {
			s = repl
		}
		cp.Sites[i] = s
	}
	return &cp
}
