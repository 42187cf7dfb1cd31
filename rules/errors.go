package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// LoadError is one mistake in a policy file.
type LoadError struct {
	File      string
	Line, Col int    // 1-based; 0 when the mistake has no position
	Msg       string // what is wrong
	Hint      string // how to fix it; may be ""
}

func (e *LoadError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString(" (" + e.Hint + ")")
	}
	return b.String()
}

// LoadErrors is every mistake found in one policy file, in file order.
type LoadErrors []*LoadError

func (es LoadErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// sorted orders es by position.
func (es LoadErrors) sorted() LoadErrors {
	slices.SortStableFunc(es, func(a, b *LoadError) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return es
}

// hinted is an error from a typed field: its text already holds a hint.
type hinted struct{ msg, hint string }

func (h *hinted) Error() string {
	if h.hint == "" {
		return h.msg
	}
	return h.msg + " (" + h.hint + ")"
}

func errorf(hint, format string, args ...any) error {
	return &hinted{msg: fmt.Sprintf(format, args...), hint: hint}
}
