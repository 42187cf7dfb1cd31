package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The README's example of how values are followed is what poolcheck
// prints on testdata/readme: every line of its console block under each
// command is a line that command prints.
func TestReadmeValuesExample(t *testing.T) {
	var example *block
	for _, b := range blocks(t, filepath.Join("..", "..", "README.md")) {
		if b.lang == "console" && strings.Contains(b.text, "openDB's maxOpen") {
			example = &b
			break
		}
	}
	if example == nil {
		t.Fatal("README: no console block of the values example")
	}
	files := map[string]string{}
	for _, name := range []string{"db/db.go", "db/db_test.go"} {
		b, err := os.ReadFile(filepath.Join("testdata", "readme", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	module(t, files)
	var out string
	checked := 0
	for _, l := range strings.Split(strings.TrimSpace(example.text), "\n") {
		if cmd, ok := strings.CutPrefix(l, "$ poolcheck "); ok {
			cmd, _, _ = strings.Cut(cmd, " |")
			var stdout, stderr bytes.Buffer
			run(strings.Fields(cmd), &stdout, &stderr)
			out = stdout.String()
			continue
		}
		if !strings.Contains(out, l+"\n") {
			t.Errorf("README line not printed:\n%s\noutput:\n%s", l, out)
		}
		checked++
	}
	if checked < 4 {
		t.Errorf("%d lines checked, want the example's 5", checked)
	}
}
