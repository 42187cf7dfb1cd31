package scan

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestSamples scans a project with connection strings in every format
// and compares the findings with testdata/samples.txtar's want.txt.
func TestSamples(t *testing.T) {
	dir, ar := tree(t, "samples.txtar")
	res := scanDir(t, dir)
	var want string
	for _, f := range ar.Files {
		if f.Name == "want.txt" {
			want = string(f.Data)
		}
	}
	got := lines(res.Findings)
	if got != want {
		t.Errorf("findings:\n%s\nwant:\n%s", got, want)
	}
	for _, f := range res.Findings {
		if strings.Contains(f.DSN+f.Message, "s3cret") {
			t.Errorf("a password in %s", f.DSN)
		}
	}
	if _, err := Apply(res, false, nil); err != nil {
		t.Fatal(err)
	}
	again := scanDir(t, dir)
	for _, f := range again.Findings {
		if f.Fix != nil {
			t.Errorf("after -fix, still a fix for %s at %s:%d", f.Rule, filepath.Base(f.File), f.Pos.Line)
		}
	}
}
