package rules

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/poolcheck/poolcheck/catalog"
)

var kindNames = map[catalog.ValueKind]string{
	catalog.Count:    "a count",
	catalog.Duration: "a duration",
	catalog.Enum:     "a word",
}

// Format spells a canonical value as the policy writes it: 10, 20s,
// verify-full.
func Format(v catalog.Value) string {
	if isUnlimited(v) {
		return Unlimited
	}
	switch v.Kind {
	case catalog.Count:
		return strconv.FormatInt(v.N, 10)
	case catalog.Duration:
		return formatDuration(v.D)
	case catalog.Enum:
		return v.S
	}
	return "?"
}

// formatDuration drops the zero parts time.Duration.String keeps: 1m, not 1m0s.
func formatDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = s[:len(s)-2]
	}
	if strings.HasSuffix(s, "h0m") {
		s = s[:len(s)-2]
	}
	return s
}

// parseValue reads a policy value written as text for a setting of kind k:
// an integer count, a duration with a unit, "unlimited", or a lower-case
// word.
func parseValue(k catalog.ValueKind, s string) (catalog.Value, bool) {
	if s == Unlimited && (k == catalog.Count || k == catalog.Duration) {
		return unlimited(k), true
	}
	switch k {
	case catalog.Count:
		n, err := strconv.ParseInt(s, 10, 64)
		return catalog.Value{Kind: k, N: n}, err == nil
	case catalog.Duration:
		d, err := time.ParseDuration(s)
		return catalog.Value{Kind: k, D: d}, err == nil
	case catalog.Enum:
		return catalog.Value{Kind: k, S: s}, s != "" && s == strings.ToLower(s)
	}
	return catalog.Value{}, false
}

// compare orders two values of the same kind.
func compare(a, b catalog.Value) int {
	switch a.Kind {
	case catalog.Count:
		return cmpInt(a.N, b.N)
	case catalog.Duration:
		return cmpInt(int64(a.D), int64(b.D))
	}
	return strings.Compare(a.S, b.S)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func equal(a, b catalog.Value) bool { return a.Kind == b.Kind && compare(a, b) == 0 }

func contains(vs []catalog.Value, v catalog.Value) bool {
	for _, w := range vs {
		if equal(w, v) {
			return true
		}
	}
	return false
}

// Unlimited is the policy's word for a value that means no cap, no
// timeout or forever (catalog.MeansUnlimited). It compares above every
// number: it passes any min, breaks any max, and allow and forbid can
// name it.
const Unlimited = "unlimited"

// unlimited is the canonical stand-in for Unlimited.
func unlimited(k catalog.ValueKind) catalog.Value {
	return catalog.Value{Kind: k, N: math.MaxInt64, D: math.MaxInt64}
}

func isUnlimited(v catalog.Value) bool {
	return (v.Kind == catalog.Count || v.Kind == catalog.Duration) && v.N == math.MaxInt64 && v.D == math.MaxInt64
}
