package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPreCommit runs the hooks of .pre-commit-hooks.yaml with
// pre-commit try-repo, as a user trying them would, in a throwaway
// project: a clean change passes, a bad one fails.
func TestPreCommit(t *testing.T) {
	preCommit := need(t, "pre-commit", "apt-get install -y pre-commit")

	// try-repo clones the hook repository at a commit, so commit a copy
	// of this checkout, with what it has that git does not yet track.
	hooks := filepath.Join(t.TempDir(), "poolcheck")
	copyTree(t, checkout, hooks, ".git", "bin")
	gitRepo(t, hooks)

	project := cleanProject(t)
	// try-repo installs the Go hook afresh each time, with GOPATH in its
	// own directory: keep the module cache the usual one so that it
	// downloads nothing. The system hook finds poolcheck on PATH.
	env := []string{
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
		"PATH=" + filepath.Dir(poolcheck) + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	pool := filepath.Join(project, "pool/pool.go")
	envTest := filepath.Join(project, ".env.test")
	clean := read(t, pool)

	steps := []struct {
		name   string
		hook   string
		change func()
		code   int
		want   []string // in pre-commit's output
	}{
		{"clean change", "poolcheck", func() { write(t, pool, clean+"\n// Sized for four replicas.\n") }, 0, []string{"poolcheck", "Passed"}},
		{"bad change", "poolcheck", func() { write(t, pool, strings.Replace(clean, "SetMaxIdleConns(100)", "SetMaxIdleConns(200)", 1)) },
			1, []string{"Failed", "pool/pool.go:9:21: [max-idle-above-max-open]"}},
		{"bad change, system binary", "poolcheck-system", func() {}, 1, []string{"Failed", "[max-idle-above-max-open]"}},
		{"clean change, system binary", "poolcheck-system", func() { write(t, pool, clean+"\n// Reviewed.\n") }, 0, []string{"Passed"}},
		{"no Go file staged", "poolcheck-system", func() {
			git(t, project, "reset", "-q", "--hard")
			write(t, filepath.Join(project, "NOTES.md"), "notes\n")
		}, 0, []string{"(no files to check)Skipped"}},
		{"bad .env.test, scan", "poolcheck-scan", func() {
			write(t, envTest, "DATABASE_URL=postgresql://app@localhost:5432/app_test?connection_limit=1\n")
		}, 1, []string{"Failed", ".env.test:1:", "[test-pool-too-small]"}},
		{"bad .env.test, scan, system binary", "poolcheck-scan-system", func() {}, 1, []string{"Failed", "[test-pool-too-small]"}},
		{"fixed .env.test, scan, system binary", "poolcheck-scan-system", func() {
			write(t, envTest, "DATABASE_URL=postgresql://app@localhost:5432/app_test?connection_limit=10\n")
		}, 0, []string{"poolcheck scan", "Passed"}},
	}
	for _, s := range steps {
		t.Logf("step: %s", s.name)
		s.change()
		git(t, project, "add", "-A")
		r := run(t, project, env, preCommit, "try-repo", "--color", "never", hooks, s.hook)
		out := r.stdout + r.stderr
		if r.code != s.code {
			t.Errorf("%s: exit %d, want %d\n%s", s.name, r.code, s.code, out)
		}
		for _, w := range s.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q\n%s", s.name, w, out)
			}
		}
	}
}

// cleanProject is the fixture with every fix applied by hand and the
// package without a fix removed, committed in a git repository.
func cleanProject(t *testing.T) string {
	t.Helper()
	dir := fixture(t)
	if err := os.RemoveAll(filepath.Join(dir, "legacy")); err != nil {
		t.Fatal(err)
	}
	for file, reps := range fixed {
		path := filepath.Join(dir, file)
		text := read(t, path)
		for _, r := range reps {
			text = strings.ReplaceAll(text, r[0], r[1])
		}
		write(t, path, text)
	}
	if r := check(t, dir, "./..."); r.code != 0 {
		t.Fatalf("the clean project is not clean: %s", r)
	}
	gitRepo(t, dir)
	return dir
}

func goEnv(t *testing.T, name string) string {
	t.Helper()
	r := run(t, ".", nil, "go", "env", name)
	if r.code != 0 {
		t.Fatalf("go env %s: %s", name, r)
	}
	return strings.TrimSpace(r.stdout)
}
