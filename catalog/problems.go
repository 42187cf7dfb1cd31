package catalog

import (
	"strconv"
	"strings"
	"time"
)

// The problem codes: a contract with the policy engine.
const (
	CodeUnparsable    = "unparsable"     // the driver's parse fails on the value
	CodeUnitSuffix    = "unit-suffix"    // an integer knob given "5s"
	CodeMissingUnit   = "missing-unit"   // a duration knob given "5"
	CodeNegative      = "negative"       // a negative value the driver rejects or misreads
	CodeTooSmall      = "too-small"      // below the driver's minimum (pool_max_conns < 1)
	CodePanics        = "panics"         // the value crashes the process
	CodeFailsFast     = "fails-fast"     // every wait or dial fails at once
	CodeIgnoredValue  = "ignored-value"  // the value is silently replaced
	CodeNotInEnum     = "not-in-enum"    // a word the driver rejects
	CodeChurn         = "churn"          // no idle connection survives: every release or health check closes them
	CodeForwarded     = "forwarded"      // Unrecognized: sent to the server (runtime parameter or SET)
	CodeUnknownOption = "unknown-option" // Unrecognized: the DSN parse fails
	CodeIgnored       = "ignored"        // Unrecognized: dropped silently
)

// Codes lists every problem code.
var Codes = []string{
	CodeUnparsable, CodeUnitSuffix, CodeMissingUnit, CodeNegative, CodeTooSmall,
	CodePanics, CodeFailsFast, CodeIgnoredValue, CodeNotInEnum, CodeChurn,
	CodeForwarded, CodeUnknownOption, CodeIgnored,
}

// pred is a predicate on a canonical count or duration.
type pred uint8

const (
	isNegative    pred = iota + 1 // < 0
	isZero                        // == 0
	isNonPositive                 // <= 0
)

func (p pred) holds(v Value) bool {
	n := v.N
	if v.Kind == Duration {
		n = int64(v.D)
	}
	switch p {
	case isNegative:
		return n < 0
	case isZero:
		return n == 0
	case isNonPositive:
		return n <= 0
	}
	return false
}

// check is one row of a knob's problem table.
type check struct {
	when pred
	code string
	kind ProblemKind
	text string // {raw} {lower} {key} {err} are replaced
	fix  string
}

func (c *check) problem(k *Knob, raw, err string) *Problem {
	r := strings.NewReplacer("{raw}", raw, "{lower}", strings.ToLower(raw), "{key}", k.Key, "{err}", err)
	return &Problem{Code: c.code, Kind: c.kind, Text: r.Replace(c.text), Fix: c.fix}
}

// check returns the first problem of k's table that v triggers.
func (k *Knob) check(v Value) *Problem {
	for i := range k.checks {
		c := &k.checks[i]
		if c.when.holds(v) {
			return c.problem(k, "", "")
		}
	}
	return nil
}

// unreadable is the problem of a raw value k's syntax cannot read: a
// unit where the driver wants none, none where it wants one, or garbage.
func (k *Knob) unreadable(raw string, err error) *Problem {
	c := check{code: CodeUnparsable, kind: Rejected, text: k.errf}
	switch {
	case k.wantsInteger() && looksLikeDuration(raw):
		c.code = CodeUnitSuffix
		d, _ := time.ParseDuration(raw)
		c.fix, _ = k.Format(durationValue(d))
	case k.read == readDuration && looksLikeInteger(raw):
		c.code = CodeMissingUnit
		n, _ := strconv.ParseInt(raw, 10, 64)
		c.fix, _ = k.Format(durationValue(time.Duration(n) * time.Second))
	}
	if c.text == "" {
		c.text = "{err}"
	}
	return c.problem(k, raw, err.Error())
}

// wantsInteger reports whether k is a duration spelled as a bare integer.
func (k *Knob) wantsInteger() bool {
	return k.Unit == UnitSeconds || k.Unit == UnitMillis
}

func looksLikeDuration(raw string) bool {
	_, err := time.ParseDuration(raw)
	return err == nil && !looksLikeInteger(raw)
}

func looksLikeInteger(raw string) bool {
	_, err := strconv.ParseInt(raw, 10, 64)
	return err == nil
}

// unknownProblems says what Unrecognized reports per disposition. certain
// marks dispositions that always fail for a key of another driver.
var unknownProblems = map[UnknownKey]struct {
	code    string
	kind    ProblemKind
	certain bool
}{
	UnknownToServer: {CodeForwarded, Misread, true},
	UnknownToSet:    {CodeForwarded, Misread, true},
	UnknownRejected: {CodeUnknownOption, Rejected, false},
	UnknownIgnored:  {CodeIgnored, Misread, false},
}
