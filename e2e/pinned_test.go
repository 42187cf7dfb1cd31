package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPreCommitPinnedConfig runs the .pre-commit-config.yaml examples of
// the README and docs/integrations.md as a user would write them: the
// placeholder <commit> becomes a commit of this checkout (git rev-parse
// HEAD in a committed copy), and the repository URL the path of that
// copy, since pre-commit clones it with git. A clean project passes; a bad
// Go change and a bad .env.test fail with their findings.
func TestPreCommitPinnedConfig(t *testing.T) {
	preCommit := need(t, "pre-commit", "apt-get install -y pre-commit")
	hooks := filepath.Join(t.TempDir(), "poolcheck")
	copyTree(t, checkout, hooks, ".git", "bin")
	gitRepo(t, hooks)
	sha := strings.TrimSpace(run(t, hooks, nil, "git", "rev-parse", "HEAD").stdout)
	if len(sha) != 40 {
		t.Fatalf("git rev-parse HEAD: %q", sha)
	}
	env := []string{
		"PRE_COMMIT_HOME=" + t.TempDir(), // shared by the examples: one install
		"GOMODCACHE=" + goEnv(t, "GOMODCACHE"),
	}
	for _, doc := range []string{"README.md", "docs/integrations.md"} {
		configs := preCommitConfigs(t, filepath.Join(checkout, doc))
		if len(configs) == 0 {
			t.Errorf("%s: no .pre-commit-config.yaml example (a yaml block with repos: and rev: <commit>)", doc)
		}
		for _, cfg := range configs {
			cfg = strings.ReplaceAll(cfg, "https://github.com/poolcheck/poolcheck", hooks)
			cfg = strings.ReplaceAll(cfg, "<commit>", sha)
			project := cleanProject(t)
			write(t, filepath.Join(project, ".pre-commit-config.yaml"), cfg)
			git(t, project, "add", "-A")
			if r := run(t, project, env, preCommit, "run", "--color", "never", "--all-files"); r.code != 0 {
				t.Errorf("%s example, clean project: %s\n%s", doc, r, cfg)
			}
			pool := filepath.Join(project, "pool/pool.go")
			write(t, pool, strings.Replace(read(t, pool), "SetMaxIdleConns(100)", "SetMaxIdleConns(200)", 1))
			write(t, filepath.Join(project, ".env.test"), "DATABASE_URL=postgresql://app@localhost:5432/app_test?connection_limit=1\n")
			git(t, project, "add", "-A")
			r := run(t, project, env, preCommit, "run", "--color", "never", "--all-files")
			out := r.stdout + r.stderr
			if r.code != 1 || !strings.Contains(out, "[max-idle-above-max-open]") || !strings.Contains(out, "[test-pool-too-small]") {
				t.Errorf("%s example, bad changes: exit %d, want 1 with both findings\n%s", doc, r.code, out)
			}
		}
	}
}

var yamlBlock = regexp.MustCompile("(?s)```yaml\n(.*?)```")

// preCommitConfigs returns the yaml blocks of a Markdown file that are
// pre-commit configurations pinned to the <commit> placeholder.
func preCommitConfigs(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range yamlBlock.FindAllStringSubmatch(string(data), -1) {
		if strings.HasPrefix(m[1], "repos:") && strings.Contains(m[1], "rev: <commit>") {
			out = append(out, m[1])
		}
	}
	return out
}
