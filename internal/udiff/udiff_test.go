package udiff

import (
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	tests := []struct {
		name, before, after, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"one line", "a\nb\nc\n", "a\nB\nc\n", "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"no newline at end", "a\nb", "a\nc", "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"crlf kept", "a\r\nb\r\n", "a\r\nc\r\n", "--- f\n+++ f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\ny\n",
			"--- f\n+++ f\n@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+y\n"},
	}
	for _, tt := range tests {
		if got := Unified("f", []byte(tt.before), []byte(tt.after)); got != tt.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tt.name, got, tt.want)
		}
	}
}

// TestLargeChange: a file changed at both ends past the table bound is
// shown as removed and added, not diffed in quadratic memory.
func TestLargeChange(t *testing.T) {
	var a, b strings.Builder
	for i := range 3000 {
		line := strings.Repeat("x", i%7) + "\n"
		a.WriteString(line)
		b.WriteString(line)
	}
	before := "first\n" + a.String() + "last\n"
	after := "FIRST\n" + b.String() + "LAST\n"
	got := Unified("f", []byte(before), []byte(after))
	if !strings.HasPrefix(got, "--- f\n+++ f\n@@ -1,3002 +1,3002 @@\n-first\n") || !strings.HasSuffix(got, "+LAST\n") {
		t.Errorf("diff starts %q ends %q", got[:min(60, len(got))], got[max(0, len(got)-20):])
	}
}
