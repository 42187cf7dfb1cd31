package catalog

import "strings"

// SpecialFor returns the special meaning v has for k, or nil. A Special's
// Raw is a value in k's spelling, optionally after "<", "<=", ">" or ">=";
// the first Special that matches wins.
func (k *Knob) SpecialFor(v Value) *Special {
	for i := range k.Special {
		if k.matches(k.Special[i].Raw, v) {
			return &k.Special[i]
		}
	}
	return nil
}

func (k *Knob) matches(raw string, v Value) bool {
	op, num := splitOp(raw)
	w, err := k.readNumber(num)
	if err != nil || w.Kind != v.Kind {
		return false
	}
	a, b := v.N, w.N
	if v.Kind == Duration {
		a, b = int64(v.D), int64(w.D)
	}
	switch op {
	case "<":
		return a < b
	case "<=":
		return a <= b
	case ">":
		return a > b
	case ">=":
		return a >= b
	}
	return a == b
}

func splitOp(raw string) (op, num string) {
	for _, op := range []string{"<=", ">=", "<", ">"} {
		if strings.HasPrefix(raw, op) {
			return op, raw[len(op):]
		}
	}
	return "", raw
}
