// Package udiff writes unified diffs of the files poolcheck fixes, for
// -diff in Go and scan mode.
package udiff

import (
	"fmt"
	"strings"
)

// Unified returns a unified diff of two versions of a file, with three
// lines of context, or "" when they are equal. Lines keep their endings,
// so a CRLF file's diff shows CRLF lines.
func Unified(name string, before, after []byte) string {
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := diffLines(a, b)
	var sb strings.Builder
	for _, h := range hunks(ops, 3) {
		if sb.Len() == 0 {
			fmt.Fprintf(&sb, "--- %s\n+++ %s\n", name, name)
		}
		fmt.Fprintf(&sb, "@@ -%d,%d +%d,%d @@\n", h.a+1, h.na, h.b+1, h.nb)
		for _, op := range ops[h.from:h.to] {
			sb.WriteString(string(op.kind) + op.line)
			if !strings.HasSuffix(op.line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	return sb.String()
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.SplitAfter(s, "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// op is one line of an edit script: ' ' kept, '-' removed, '+' added.
type op struct {
	kind byte
	line string
}

// diffLines trims the equal ends and diffs the middle with a
// longest-common-subsequence table; fixes change a few lines.
func diffLines(a, b []string) []op {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	var ops []op
	for _, l := range a[:pre] {
		ops = append(ops, op{' ', l})
	}
	ops = append(ops, lcs(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for _, l := range a[len(a)-suf:] {
		ops = append(ops, op{' ', l})
	}
	return ops
}

// maxTable bounds the LCS table; past it the middle is shown as removed
// then added, which is still a correct patch.
const maxTable = 1 << 22

func lcs(a, b []string) []op {
	n, m := len(a), len(b)
	if n*m > maxTable {
		return replaceAll(a, b)
	}
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case i < n && (j == m || t[i+1][j] >= t[i][j+1]):
			ops = append(ops, op{'-', a[i]})
			i++
		default:
			ops = append(ops, op{'+', b[j]})
			j++
		}
	}
	return ops
}

// hunk is a run of ops with its line numbers in both files.
type hunk struct {
	from, to int
	a, na    int
	b, nb    int
}

// hunks groups changes with ctx lines of context around them.
func hunks(ops []op, ctx int) []hunk {
	var hs []hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		from := max(0, i-ctx)
		to := i
		for to < len(ops) {
			if ops[to].kind != ' ' {
				to++
				continue
			}
			k := to
			for k < len(ops) && ops[k].kind == ' ' && k-to < 2*ctx {
				k++
			}
			if k < len(ops) && ops[k].kind != ' ' {
				to = k
				continue
			}
			to = min(len(ops), to+ctx)
			break
		}
		h := hunk{from: from, to: to}
		for _, o := range ops[:from] {
			if o.kind != '+' {
				h.a++
			}
			if o.kind != '-' {
				h.b++
			}
		}
		for _, o := range ops[from:to] {
			if o.kind != '+' {
				h.na++
			}
			if o.kind != '-' {
				h.nb++
			}
		}
		hs = append(hs, h)
		i = to
	}
	return hs
}

// replaceAll is the edit script that removes a and adds b.
func replaceAll(a, b []string) []op {
	ops := make([]op, 0, len(a)+len(b))
	for _, l := range a {
		ops = append(ops, op{'-', l})
	}
	for _, l := range b {
		ops = append(ops, op{'+', l})
	}
	return ops
}
