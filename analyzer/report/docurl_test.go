package report

import (
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/rules"
)

// TestDocURL checks that the link every diagnostic carries leads to a
// heading: DocURL names a file of this repository, and that file has an
// anchor for every rule of the default policy and for the directive
// diagnostics.
func TestDocURL(t *testing.T) {
	const repo = "https://github.com/poolcheck/poolcheck/blob/main/"
	rel, ok := strings.CutPrefix(DocURL, repo)
	if !ok || !strings.HasSuffix(rel, "#") {
		t.Fatalf("DocURL %q is not %s<file>#", DocURL, repo)
	}
	file := path.Join("../..", strings.TrimSuffix(rel, "#"))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	anchors := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)^#+ (\S+)$`).FindAllStringSubmatch(string(data), -1) {
		anchors[m[1]] = true
	}
	ids := []string{IgnoreUnused, IgnoreMalformed}
	for _, r := range rules.Default().Rules() {
		ids = append(ids, r.ID)
	}
	for _, id := range ids {
		if !anchors[id] {
			t.Errorf("%s has no heading %q, so %s%s leads nowhere", file, id, DocURL, id)
		}
	}
}
