package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

func TestToolchainHint(t *testing.T) {
	tests := []struct{ msg, want string }{
		{"/src/m/m.go:1:1: package requires newer Go version go1.27 (application built with go1.26)", "GOTOOLCHAIN=go1.27.0 "},
		{"err: exit status 1: stderr: go: go.mod requires go >= 1.99 (running go 1.26.8; GOTOOLCHAIN=local)", "GOTOOLCHAIN=go1.99.0 "},
		{"go: go.mod requires go >= 1.27.3 (running go 1.27.1; GOTOOLCHAIN=local)", "GOTOOLCHAIN=go1.27.3 "},
		{"m.go:3:2: could not import example.com/x (no required module provides package)", ""},
		{"m.go:1:1: expected 'package', found 'EOF'", ""},
	}
	for _, tt := range tests {
		got := toolchainHint(tt.msg)
		if tt.want == "" {
			if got != "" {
				t.Errorf("%q: hint %q, want none", tt.msg, got)
			}
			continue
		}
		if !strings.Contains(got, tt.want) || !strings.Contains(got, troubleshootingURL) || !strings.Contains(got, runtime.Version()) {
			t.Errorf("%q: hint %q, want it to name %q, %s and %s", tt.msg, got, tt.want, runtime.Version(), troubleshootingURL)
		}
	}
}

// TestNewerGoModule runs the command on a module that needs a newer Go
// than the one running: the load fails with exit 2, and the last line
// of stderr points at the troubleshooting section.
func TestNewerGoModule(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{"go.mod": "module m\n\ngo 1.99\n", "m.go": "package m\n\nvar X = 1\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	t.Setenv("GOTOOLCHAIN", "local") // never download a toolchain
	var stdout, stderr bytes.Buffer
	o, err := parseFlags([]string{"./..."}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if code := o.run(&stdout, &stderr); code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "GOTOOLCHAIN=go1.99.0 go install") || !strings.HasSuffix(last, troubleshootingURL+")") {
		t.Errorf("stderr does not end with the toolchain hint:\n%s", stderr.String())
	}
}

// TestTroubleshootingSection checks that the hint's link leads to a
// heading of the command-line reference.
func TestTroubleshootingSection(t *testing.T) {
	file, anchor, ok := strings.Cut(strings.TrimPrefix(troubleshootingURL, "https://github.com/poolcheck/poolcheck/blob/main/"), "#")
	if !ok {
		t.Fatalf("%s has no anchor", troubleshootingURL)
	}
	data, err := os.ReadFile(filepath.Join("..", "..", file))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(string(data), -1) {
		if strings.ReplaceAll(strings.ToLower(m[1]), " ", "-") == anchor {
			return
		}
	}
	t.Errorf("%s has no heading for #%s", file, anchor)
}
