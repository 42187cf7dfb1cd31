package analyzer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestFixesCompileAndSettle applies every fix to a copy of the fixture
// module with the poolcheck command, checks that the result still builds
// (tests included), and that a second run finds nothing left to fix.
func TestFixesCompileAndSettle(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the fixture module")
	}
	t.Parallel()
	tmp := t.TempDir()
	if err := os.CopyFS(tmp, os.DirFS(fixtures)); err != nil {
		t.Fatal(err)
	}
	bin := command(t)
	pkgs := fixed(t)

	if n := fixCount(t, poolcheck(t, tmp, bin, append([]string{"-format", "json"}, pkgs...)...)); n == 0 {
		t.Fatalf("the fixtures %v offer no fix", pkgs)
	}
	first := poolcheck(t, tmp, bin, append([]string{"-fix"}, pkgs...)...)
	if !strings.Contains(first, "[pool-param-forwarded]") {
		t.Errorf("first run: want the findings that have no fix to remain, got:\n%s", first)
	}
	goCmd(t, tmp, append([]string{"test", "-count=1", "-run=^$"}, pkgs...)...)

	if n := fixCount(t, poolcheck(t, tmp, bin, append([]string{"-format", "json"}, pkgs...)...)); n > 0 {
		t.Errorf("second run still offers %d fix(es)", n)
	}
	third := poolcheck(t, tmp, bin, append([]string{"-fix"}, pkgs...)...)
	if third != first {
		t.Errorf("a run after -fix changed what remains:\nfirst:\n%s\nthird:\n%s", first, third)
	}
}

// fixed lists the fixture packages that have fixes (a .golden file), as
// patterns: the others have nothing to apply, and leaving them out keeps
// their imports (net/http in quiet) from being compiled.
func fixed(t *testing.T) []string {
	t.Helper()
	dirs, err := os.ReadDir(filepath.Join(fixtures, "src"))
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, d := range dirs {
		golden, _ := filepath.Glob(filepath.Join(fixtures, "src", d.Name(), "*.golden"))
		if d.IsDir() && len(golden) > 0 {
			pkgs = append(pkgs, "./src/"+d.Name()+"/...")
		}
	}
	return pkgs
}

// fixCount counts the fixes in -format json output.
func fixCount(t *testing.T, out string) int {
	t.Helper()
	var doc struct {
		Findings []struct {
			Fixes []json.RawMessage `json:"fixes"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("-format json: %v\n%s", err, out)
	}
	n := 0
	for _, f := range doc.Findings {
		n += len(f.Fixes)
	}
	return n
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// command builds the poolcheck command once for the tests that run it.
func command(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "poolcheck-analyzer-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "poolcheck")
		cmd := exec.Command("go", "build", "-o", binPath, "github.com/poolcheck/poolcheck/cmd/poolcheck")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// poolcheck runs the command in dir and returns its standard output.
func poolcheck(t *testing.T, dir, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
		t.Fatalf("poolcheck %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.String()
}

// goCmd runs go; cgo is off so that go-sqlite3 builds its stub fast.
func goCmd(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %v: %v\n%s", args, err, out)
	}
}
