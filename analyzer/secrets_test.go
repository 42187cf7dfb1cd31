package analyzer_test

import (
	"strings"
	"testing"
)

// TestNoPasswordInOutput runs the command in every output format on DSNs
// that carry the password "hunter2" in every place a DSN can: findings
// and inventories never print it.
func TestNoPasswordInOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	t.Parallel()
	bin := command(t)
	runs := [][]string{
		{"-format", "text"}, {"-format", "json"}, {"-format", "sarif"}, {"-format", "github"},
		{"-json"}, {"-inventory"}, {"-inventory", "-format", "json"},
	}
	// -diff is the one exception: a patch shows the source lines it
	// changes, as written.
	for _, args := range runs {
		out := poolcheck(t, fixtures, bin, append(args, "./src/secrets")...)
		if out == "" {
			t.Errorf("%v: no output; the fixture should have findings", args)
		}
		if strings.Contains(out, "hunter2") {
			t.Errorf("%v printed a password:\n%s", args, out)
		}
	}
}
