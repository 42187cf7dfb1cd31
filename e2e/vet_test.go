package e2e

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// vetLines picks "file:line:col: [rule]" out of go vet's output, which
// also holds "# package" headers and related-information lines.
func vetLines(out string) []string {
	var keep []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, ": [") {
			keep = append(keep, l)
		}
	}
	return gotLines(strings.Join(keep, "\n"))
}

// Each case runs on a fresh copy: go vet caches results by content.
func TestGoVet(t *testing.T) {
	tests := []struct {
		name string
		args []string // between -vettool and the packages
		pkgs string
		code int
		want []finding
	}{
		{"default policy", nil, "./...", 1, defaultFindings},
		{"-policy passed through", []string{"-policy=POLICY"}, "./pool", 1, append(in("pool", strictFindings), in("pool", defaultFindings)...)},
		{"-min-severity passed through", []string{"-policy=POLICY", "-min-severity=warning"}, "./pool", 1, in("pool", defaultFindings)},
		{"nothing at error level", []string{"-min-severity=error"}, "./pool", 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := fixture(t)
			// vet runs the tool in each package's directory: pass an
			// absolute policy path.
			args := []string{"vet", "-vettool=" + poolcheck}
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "POLICY", filepath.Join(dir, "policies/strict.toml")))
			}
			r := run(t, dir, nil, "go", append(args, tt.pkgs)...)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d\n%s", r.code, tt.code, r)
			}
			want := textLines(t, dir, "", tt.want)
			sort.Strings(want)
			sameLines(t, "go vet", vetLines(r.stderr), want)
		})
	}
}

func TestGoFix(t *testing.T) {
	dir := fixture(t)
	r := run(t, dir, nil, "go", "fix", "-diff", "-fixtool="+poolcheck, "./...")
	if r.code != 1 { // go fix -diff exits 1 when it has a diff
		t.Errorf("go fix -diff: want exit 1; %s", r)
	}
	if !strings.Contains(r.stdout, "+\tdb.SetMaxIdleConns(100)") || !strings.Contains(r.stdout, "sslmode=require") {
		t.Errorf("go fix -diff shows no fix:\n%s", r.stdout)
	}
	if read(t, filepath.Join(dir, "pool/pool.go")) != read(t, "testdata/fixture/pool/pool.go") {
		t.Error("go fix -diff wrote a file")
	}

	dir = fixture(t)
	r = run(t, dir, nil, "go", "fix", "-fixtool="+poolcheck, "./...")
	if r.code != 0 {
		t.Errorf("go fix: %s", r)
	}
	wantFixed(t, "testdata/fixture", dir)
	// What is left has no fix.
	r = check(t, dir, "./...")
	sameLines(t, "after go fix", gotLines(r.stdout), textLines(t, dir, "", in("legacy", defaultFindings)))
}
