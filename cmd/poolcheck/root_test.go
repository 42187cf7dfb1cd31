package main

import (
	"go/token"
	"os"
	"path/filepath"
	"testing"
)

func TestFindRoot(t *testing.T) {
	tmp := t.TempDir()
	for _, d := range []string{"repo/.git", "repo/svc/api", "mod/pkg", "bare/x"} {
		if err := os.MkdirAll(filepath.Join(tmp, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"repo/svc/go.mod", "mod/go.mod"} {
		if err := os.WriteFile(filepath.Join(tmp, f), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ dir, want string }{
		{"repo/svc/api", "repo"}, // git wins over the module
		{"repo", "repo"},
		{"mod/pkg", "mod"}, // no git: the module root
		{"bare/x", "bare/x"},
	}
	for _, tt := range tests {
		if got := findRoot(filepath.Join(tmp, tt.dir)); got != filepath.Join(tmp, tt.want) {
			t.Errorf("findRoot(%s) = %s, want %s", tt.dir, got, filepath.Join(tmp, tt.want))
		}
	}
}

func TestCol16(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.go")
	// "é" is 2 bytes and 1 UTF-16 unit; "𝄞" 4 bytes and 2 units.
	src := "package x\nvar s = \"é𝄞\" + \"v\"\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	l := &locator{files: map[string][]byte{}}
	tests := []struct{ offset, byteCol, want int }{
		{10, 1, 1},   // line start
		{18, 9, 9},   // the opening quote: ASCII before it
		{25, 16, 13}, // the closing quote: é counts 1, 𝄞 counts 2
		{27, 18, 15}, // the +
	}
	for _, tt := range tests {
		p := token.Position{Filename: file, Offset: tt.offset, Line: 2, Column: tt.byteCol}
		if got := l.col16(p); got != tt.want {
			t.Errorf("col16 at byte column %d = %d, want %d", tt.byteCol, got, tt.want)
		}
	}
}
