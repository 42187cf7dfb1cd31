package catalog

import (
	"testing"
	"time"
)

func knob(t *testing.T, d Driver, key string) *Knob {
	t.Helper()
	k, ok := Lookup(d, key)
	if !ok {
		t.Fatalf("Lookup(%s, %q) found nothing", d, key)
	}
	return k
}

func api(t *testing.T, pkg, typ, member string) *Knob {
	t.Helper()
	k, ok := LookupAPI(pkg, typ, member)
	if !ok {
		t.Fatalf("LookupAPI(%s, %s, %s) found nothing", pkg, typ, member)
	}
	return k
}

func count(n int64) Value       { return Value{Kind: Count, N: n} }
func dur(d time.Duration) Value { return Value{Kind: Duration, D: d} }
func word(s string) Value       { return Value{Kind: Enum, S: s} }
func code(p *Problem) string {
	if p == nil {
		return ""
	}
	return p.Code
}
