package dsn

import "testing"

func TestExpandPragmas(t *testing.T) {
	tests := []struct {
		in       string
		key, val string // of the first parameter after expansion
		edited   string // after SetValue(0, "10")
	}{
		{"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)", "_pragma:busy_timeout", "5000", "?_pragma=busy_timeout(10)&_pragma=journal_mode(WAL)"},
		{"?_pragma=Busy_Timeout=5000", "_pragma:busy_timeout", "5000", "?_pragma=Busy_Timeout=10"},
		{"_pragma=busy_timeout(250)&_pragma=foreign_keys(1)", "_pragma:busy_timeout", "250", "_pragma=busy_timeout(10)&_pragma=foreign_keys(1)"},
		{"?_pragma=busy_timeout%285000%29", "_pragma", "busy_timeout(5000)", ""},                         // escaped: left alone
		{"?_pragma=busy_timeout%3d10000", "_pragma:busy_timeout", "10000", "?_pragma=busy_timeout%3d10"}, // an escaped '=' only
		{"_pragma=Busy_Timeout%3D250", "_pragma:busy_timeout", "250", "_pragma=Busy_Timeout%3D10"},
		{"?_pragma=busy_timeout%3d%31", "_pragma", "busy_timeout=1", ""},
		{"?_pragma=%3d5", "_pragma", "=5", ""},
		{"?_pragma:busy_timeout=5", "_pragma%3Abusy_timeout", "5", ""}, // no driver reads this key
		{"?%5Fpragma=busy_timeout(5)", "_pragma:busy_timeout", "5", "?%5Fpragma=busy_timeout(10)"},
		{"?_pragma=busy_timeout(", "_pragma", "busy_timeout(", ""},
		{"?_pragma=(1)", "_pragma", "(1)", ""},
		{"?_busy_timeout=5", "_busy_timeout", "5", "?_busy_timeout=10"},
	}
	for _, tt := range tests {
		d, err := ParseAs(tt.in, KindFragment)
		if err != nil {
			t.Fatalf("%q: %v", tt.in, err)
		}
		d.ExpandPragmas()
		if p := d.Params[0]; p.Key != tt.key || p.Value != tt.val {
			t.Errorf("%q: %s=%q, want %s=%q", tt.in, p.Key, p.Value, tt.key, tt.val)
		}
		if tt.edited == "" {
			continue
		}
		if got := d.SetValue(0, "10").Apply(tt.in); got != tt.edited {
			t.Errorf("%q: SetValue = %q, want %q", tt.in, got, tt.edited)
		}
	}
}
