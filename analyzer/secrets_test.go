package analyzer_test

import (
	"os"
	"path/filepath"
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
	// The findings name the secret keys; a baseline records none of
	// their values.
	if out := poolcheck(t, fixtures, bin, "./src/secrets"); !strings.Contains(out, "auth_token") {
		t.Errorf("no finding names auth_token:\n%s", out)
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	poolcheck(t, fixtures, bin, "-write-baseline", base, "./src/secrets")
	if data, err := os.ReadFile(base); err != nil || strings.Contains(string(data), "hunter2") || !strings.Contains(string(data), "auth_token") {
		t.Errorf("baseline (%v) holds a secret or misses auth_token:\n%s", err, data)
	}
}
