package looseforms

import "testing"

// A test table of expected DSNs: judged as test code.
var conversions = []struct{ in, want string }{
	{"postgres://pg/app?sslmode=disable", "connect_timeout=1 host='pg' sslmode='disable'"}, // want `\[test-connect-timeout-too-short\]`
}

func TestConversions(t *testing.T) {
	for _, c := range conversions {
		if c.in == c.want {
			t.Fatal(c)
		}
	}
}
