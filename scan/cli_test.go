package scan

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The end-to-end tests build the poolcheck binary from this checkout and
// run `poolcheck scan` as a user or a pre-commit hook would.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// poolcheck returns the path of a poolcheck binary built from this
// module, building it on first use.
func poolcheck(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "poolcheck-scan-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "poolcheck")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/poolcheck")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = errors.New("go build: " + err.Error() + "\n" + string(out))
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

type cliResult struct {
	stdout, stderr string
	code           int
}

func runCLI(t *testing.T, dir string, args ...string) cliResult {
	t.Helper()
	cmd := exec.Command(poolcheck(t), args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := cliResult{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	t.Logf("$ poolcheck %s\nexit %d\n%s%s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	return r
}

// TestCLIIncident runs the incident through the binary: text, json,
// -diff, -fix, and a clean run after it.
func TestCLIIncident(t *testing.T) {
	dir, ar := tree(t, "incident.txtar")
	file := filepath.Join(dir, "packages", "database", "prismaClient.mjs")
	before := readFile(t, file)

	r := runCLI(t, dir, "scan")
	want := "packages/database/prismaClient.mjs:9:37: [test-pool-too-small] max_open is 1 (connection_limit) in test code; policy wants ≥ 2\n" +
		"packages/database/prismaClient.mjs:9:52: [test-acquire-timeout-too-short] acquire_timeout is 5s (pool_timeout=5) in test code; policy wants ≥ 10s\n" +
		"packages/database/prismaClient.mjs:9:70: [test-connect-timeout-too-short] connect_timeout is 5s (connect_timeout=5) in test code; policy wants ≥ 10s\n"
	if r.code != 1 || r.stdout != want || r.stderr != "" {
		t.Fatalf("exit %d, stdout:\n%s\nwant:\n%s\nstderr: %s", r.code, r.stdout, want, r.stderr)
	}

	r = runCLI(t, dir, "scan", "-format", "json", ".")
	var doc struct {
		Findings []struct {
			Rule, Setting, Found, Want, Driver, DSN string
			Scope                                   []string
			Fixes                                   []struct{ Message string }
		}
		Summary struct{ Error, Warning int }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || r.code != 1 {
		t.Fatalf("exit %d, json: %v", r.code, err)
	}
	if len(doc.Findings) != 3 || doc.Summary.Error != 1 || doc.Summary.Warning != 2 {
		t.Fatalf("json findings %+v summary %+v", doc.Findings, doc.Summary)
	}
	for i, w := range []struct{ rule, want, fix string }{
		{"test-pool-too-small", "10", "set connection_limit to 10"},
		{"test-acquire-timeout-too-short", "20", "set pool_timeout to 20"},
		{"test-connect-timeout-too-short", "10", "set connect_timeout to 10"},
	} {
		f := doc.Findings[i]
		if f.Rule != w.rule || f.Want != w.want || f.Driver != "prisma" || len(f.Scope) != 1 || f.Scope[0] != "test" || len(f.Fixes) != 1 || f.Fixes[0].Message != w.fix {
			t.Errorf("finding %d: %+v", i, f)
		}
	}

	r = runCLI(t, dir, "scan", "-diff")
	if r.code != 1 || !strings.Contains(r.stdout, "+    return url + '?connection_limit=10&pool_timeout=20&connect_timeout=10';") || readFile(t, file) != before {
		t.Fatalf("-diff: exit %d\n%s", r.code, r.stdout)
	}

	r = runCLI(t, dir, "scan", "-fix")
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("-fix: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := readFile(t, file); got != fixedFiles(ar)["packages/database/prismaClient.mjs"] {
		t.Fatalf("after -fix:\n%s", got)
	}
	if r = runCLI(t, dir, "scan"); r.code != 0 || r.stdout != "" {
		t.Fatalf("after -fix: exit %d\n%s", r.code, r.stdout)
	}
}

// TestCLIFilesAndCodes: files named as a pre-commit hook names them,
// every format without a password, -fail-on, and exit 2 for a bad file
// (the others still reported) and for usage errors.
func TestCLIFilesAndCodes(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "deploy", "app.yaml"), "env:\n  - name: DATABASE_URL\n    value: postgres://app:hunter2@db/app?sslmode=disable\n")
	writeFile(t, filepath.Join(dir, ".env.test"), "DATABASE_URL=postgresql://app:hunter2@localhost/app_test?connection_limit=1\r\n")
	writeFile(t, filepath.Join(dir, "cache.env"), "REDIS_URL=redis://h:6379/0?access_token=hunter2&auth_token=hunter2\n")
	writeFile(t, filepath.Join(dir, "broken.json"), "{\"url\": \"postgres://app@db/app\",}}\n")

	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := runCLI(t, dir, "scan", "-format", format, "deploy/app.yaml", ".env.test", "cache.env")
		if r.code != 1 || !strings.Contains(r.stdout, "prod-tls-disabled") || !strings.Contains(r.stdout, "test-pool-too-small") || !strings.Contains(r.stdout, "access_token") {
			t.Errorf("-format %s: exit %d\n%s", format, r.code, r.stdout)
		}
		if strings.Contains(r.stdout+r.stderr, "hunter2") {
			t.Errorf("-format %s prints a password", format)
		}
	}
	if r := runCLI(t, dir, "scan", "-fail-on", "error", "deploy/app.yaml"); r.code != 0 || !strings.Contains(r.stdout, "prod-tls-disabled") {
		t.Errorf("a warning under -fail-on error: exit %d", r.code)
	}
	if r := runCLI(t, dir, "scan", "-min-severity", "error", "deploy/app.yaml"); r.code != 0 || r.stdout != "" {
		t.Errorf("-min-severity error: exit %d\n%s", r.code, r.stdout)
	}

	r := runCLI(t, dir, "scan", ".")
	if r.code != 2 || !strings.Contains(r.stderr, "broken.json:1:34: invalid JSON: unexpected '}' after the top-level value") ||
		!strings.Contains(r.stdout, "deploy/app.yaml:3:50: [prod-tls-disabled]") {
		t.Errorf("a bad file: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	if r := runCLI(t, dir, "scan", "-fix", ".env.test"); r.code != 0 {
		t.Errorf("-fix: exit %d", r.code)
	}
	if got := readFile(t, filepath.Join(dir, ".env.test")); got != "DATABASE_URL=postgresql://app:hunter2@localhost/app_test?connection_limit=10\r\n" {
		t.Errorf("-fix kept neither the bytes nor the CRLF: %q", got)
	}

	for _, args := range [][]string{{"scan", "-format", "xml"}, {"scan", "-nope"}, {"scan", "-policy", "missing.toml", "."}, {"scan", "-write-baseline", "b.json", "-fix"}} {
		if r := runCLI(t, dir, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2", args, r.code)
		}
	}
	if r := runCLI(t, dir, "scan", "-h"); r.code != 0 || !strings.Contains(r.stderr, "poolcheck scan [flags] [paths]") {
		t.Errorf("-h: exit %d\n%s", r.code, r.stderr)
	}
}
