package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

var (
	checkout  string // the repository: the parent of e2e/
	poolcheck string // the CLI built from it
)

// TestMain builds poolcheck once from this checkout.
func TestMain(m *testing.M) {
	os.Exit(setup(m))
}

func setup(m *testing.M) int {
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	checkout = filepath.Dir(wd)
	bin, err := os.MkdirTemp("", "poolcheck-e2e-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer func() { _ = os.RemoveAll(bin) }()
	poolcheck = filepath.Join(bin, "poolcheck")
	fmt.Fprintf(os.Stderr, "e2e: building %s from %s\n", poolcheck, checkout)
	cmd := exec.Command("go", "build", "-o", poolcheck, "./cmd/poolcheck")
	cmd.Dir = checkout
	if out, err := cmd.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: go build: %v\n%s", err, out)
		return 1
	}
	return m.Run()
}

// result is what a command did.
type result struct {
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// run runs a command in dir and logs it; env adds to the environment.
// Only a command that cannot start fails the test: exit codes are the
// caller's to check.
func run(t *testing.T, dir string, env []string, name string, args ...string) result {
	t.Helper()
	t.Logf("$ (cd %s && %s %s)", dir, name, strings.Join(args, " "))
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// check runs poolcheck in dir.
func check(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return run(t, dir, nil, poolcheck, args...)
}

// fixture copies testdata/fixture to a fresh directory and returns it.
func fixture(t *testing.T) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "fixture")
	copyTree(t, "testdata/fixture", dst)
	return dst
}

// copyTree copies the files under src to dst, skipping the directories
// and files named in skip (paths relative to src, such as ".git", which
// is a file in a git worktree).
func copyTree(t *testing.T, src, dst string, skip ...string) {
	t.Helper()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir() && contains(skip, filepath.ToSlash(rel)):
			return filepath.SkipDir
		case contains(skip, filepath.ToSlash(rel)):
			return nil
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, info.Mode().Perm())
	})
	if err != nil {
		t.Fatal(err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// git runs git with a fixed identity, failing the test on error.
func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	args = append([]string{"-c", "user.name=e2e", "-c", "user.email=e2e@example.com", "-c", "init.defaultBranch=main",
		"-c", "commit.gpgsign=false"}, args...)
	if r := run(t, dir, nil, "git", args...); r.code != 0 {
		t.Fatalf("git %s: %s", strings.Join(args, " "), r)
	}
}

// gitRepo makes dir a git repository with everything in it committed.
func gitRepo(t *testing.T, dir string) {
	t.Helper()
	git(t, dir, "init", "-q")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "fixture")
}

// need returns the path of a tool, or skips the test when it is
// missing; under CI a missing tool fails the test instead.
func need(t *testing.T, tool, why string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err == nil {
		return path
	}
	missing(t, fmt.Sprintf("%s is not installed (%s)", tool, why))
	return ""
}

// missing skips, or under CI fails, a test whose tool is not there.
func missing(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("%s; CI must provide it", msg)
	}
	t.Skip("skipped: " + msg)
}
