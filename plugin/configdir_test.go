package plugin

import (
	"testing"
)

func TestFindConfigDir(t *testing.T) {
	files := map[string]bool{
		"/repo/.golangci.yml":        true,
		"/repo/sub/.golangci.toml":   true,
		"/home/me/.golangci.yaml":    true,
		"/other/deep/dir/README.txt": true,
	}
	isFile := func(p string) bool { return files[p] }
	tests := []struct {
		args []string
		wd   string
		want string
	}{
		{[]string{"run", "./..."}, "/repo", "/repo"},
		{[]string{"run"}, "/repo/pkg/db", "/repo"},       // found in a parent
		{[]string{"run"}, "/repo/sub/x", "/repo/sub"},    // the nearest wins
		{[]string{"run"}, "/other/deep/dir", "/home/me"}, // then the home directory
		{[]string{"run", "-c", "ci/lint.yml"}, "/repo", "/repo/ci"},
		{[]string{"run", "--config", "/etc/lint.yml"}, "/repo", "/etc"},
		{[]string{"run", "--config=ci/lint.yml", "./..."}, "/repo", "/repo/ci"},
		{[]string{"run", "-c=ci/lint.yml"}, "/repo", "/repo/ci"},
		{[]string{"run", "-cci/lint.yml"}, "/repo", "/repo/ci"},
		{[]string{"run", "--no-config"}, "/repo/pkg", "/repo/pkg"},
		{[]string{"run", "--", "-c", "x/y.yml"}, "/repo", "/repo"}, // after --, not a flag
	}
	for _, tt := range tests {
		if got := findConfigDir(tt.args, tt.wd, "/home/me", isFile); got != tt.want {
			t.Errorf("findConfigDir(%q) in %s = %s, want %s", tt.args, tt.wd, got, tt.want)
		}
	}
}

func TestFindConfigDirNoFile(t *testing.T) {
	none := func(string) bool { return false }
	if got := findConfigDir([]string{"run"}, "/w/x", "/home/me", none); got != "/w/x" {
		t.Errorf("no config anywhere: %s, want the working directory", got)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct{ p, want string }{
		{"policy.toml", "/cfg/policy.toml"},
		{"../shared/p.toml", "/shared/p.toml"},
		{"${config-path}/p.toml", "/cfg/p.toml"},
		{"/abs/p.toml", "/abs/p.toml"},
	}
	for _, tt := range tests {
		if got := resolve("/cfg", tt.p); got != tt.want {
			t.Errorf("resolve(/cfg, %s) = %s, want %s", tt.p, got, tt.want)
		}
	}
}
