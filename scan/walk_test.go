package scan

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestGitignore(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		".git/info/exclude": "local.env\n",
		".gitignore":        "# comment\n*.log\n/build/\n.env*\n!.env.test\ndocs/**/draft.yml\n\\#hash.yml\ntrailing.yml   \n",
		"sub/.gitignore":    "!keep.log\nonly-here.json\n",
	} {
		writeFile(t, filepath.Join(dir, name), data)
	}
	g := newIgnorer(dir)
	tests := []struct {
		path string
		dir  bool
		want bool
	}{
		{"a.log", false, true},
		{"x/y/a.log", false, true},
		{"sub/keep.log", false, false}, // re-included by the deeper file
		{"build", true, true},
		{"x/build", true, false}, // anchored
		{"build", false, false},  // directories only
		{".env", false, true},
		{".env.production", false, true},
		{".env.test", false, false},
		{"docs/a/b/draft.yml", false, true},
		{"docs/draft.yml", false, true},
		{"draft.yml", false, false},
		{"#hash.yml", false, true},
		{"trailing.yml", false, true},
		{"local.env", false, true},
		{"sub/only-here.json", false, true},
		{"only-here.json", false, false},
	}
	for _, tt := range tests {
		if got := g.ignored(filepath.Join(dir, filepath.FromSlash(tt.path)), tt.dir); got != tt.want {
			t.Errorf("ignored(%s, dir=%v) = %v, want %v", tt.path, tt.dir, got, tt.want)
		}
	}
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	bad := "DATABASE_URL=postgres://app@db/app?sslmode=disable\n"
	for _, name := range []string{
		".git/config.env", "node_modules/x/.env", "vendor/y/app.yaml", "sub/.svn/z.env",
		"ignored/.env", "app.env", "sub/.env", "README.md", "main.go", "x.min.js", "types.d.ts",
		".poolcheck.toml.env.bak",
	} {
		writeFile(t, filepath.Join(dir, name), bad)
	}
	writeFile(t, filepath.Join(dir, ".gitignore"), "ignored/\n")
	writeFile(t, filepath.Join(dir, "binary.env"), "\x00"+bad)
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, ".git", "objects"), 0o755); err != nil {
		t.Fatal(err)
	}

	res, err := Scan([]string{dir, filepath.Join(dir, "sub", ".env")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := paths(res)
	if want := []string{"app.env", "sub/.env"}; !slices.Equal(got, want) {
		t.Errorf("walk found %q, want %q", got, want)
	}
	if res.Files != 3 { // binary.env is read, then skipped
		t.Errorf("Files = %d, want 3", res.Files)
	}

	// A file named on the command line is read whatever .gitignore says.
	res, err = Scan([]string{filepath.Join(dir, "ignored", ".env"), filepath.Join(dir, "README.md")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(res); !slices.Equal(got, []string{"ignored/.env"}) {
		t.Errorf("explicit files: %q", got)
	}

	// A path that does not exist is an error; the others are scanned.
	res, err = Scan([]string{filepath.Join(dir, "nope"), filepath.Join(dir, "app.env")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), "nope: no such file or directory") || len(res.Findings) != 1 {
		t.Errorf("errors %v, findings %d", res.Errors, len(res.Findings))
	}
}

// TestBadPolicy: a .poolcheck.toml that does not load is one error, and
// the files it governs are not judged.
func TestBadPolicy(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "go.mod"), "module x\n")
	writeFile(t, filepath.Join(dir, ".poolcheck.toml"), "disable = [\"no-such-rule\"]\n")
	writeFile(t, filepath.Join(dir, "a.env"), "DATABASE_URL=postgres://app@db/app?sslmode=disable\n")
	writeFile(t, filepath.Join(dir, "b.env"), "DATABASE_URL=postgres://app@db/app?sslmode=disable\n")
	res, err := Scan([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].Error(), ".poolcheck.toml:1:") || len(res.Findings) != 0 {
		t.Errorf("errors %v, %d findings", res.Errors, len(res.Findings))
	}
	if _, err := Scan([]string{dir}, Options{Policy: filepath.Join(dir, ".poolcheck.toml")}); err == nil {
		t.Error("a -policy that does not load: no error")
	}
}

// paths lists the files with findings, once each.
func paths(res *Result) []string {
	var out []string
	for _, f := range res.Findings {
		if !slices.Contains(out, f.Path) {
			out = append(out, f.Path)
		}
	}
	return out
}

// TestBadFiles: a file that does not parse is an error with its line,
// and the scan goes on.
func TestBadFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"a.yaml":     "services:\n  db:\n    url: postgres://app@db/app\n   bad: [\n",
		"b.json":     "{\n  \"url\": \"postgres://app@db/app\",\n  \"x\": tru\n}\n",
		"c.toml":     "url = \"postgres://app@db/app\"\n[broken\n",
		"e.toml":     "url = \"postgres://app@db/app\"\npassword = hunter2\n",
		"d.json":     "{\"url\": \"postgres://app@db/app?sslmode=disable\"} {",
		"ok.env":     "DATABASE_URL=postgres://app@db/app?sslmode=disable\n",
		"helm.yaml":  "{{- if .Values.db }}\nurl: postgres://app@db/app?sslmode=disable\n  {{- end }}\n",
		"plain.yaml": "# no DSN: never parsed, so never an error\nkey: [unclosed\n",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), data)
	}
	res, err := Scan([]string{dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	for _, e := range res.Errors {
		errs = append(errs, strings.TrimPrefix(e.Error(), dir+string(filepath.Separator)))
	}
	want := []string{
		"a.yaml:4: invalid YAML: did not find expected key",
		"b.json:3:8: invalid JSON: unexpected 't'",
		"c.toml:2:8: invalid TOML: expected '.' or ']' to end table name, but got '\\n' instead",
		"d.json:1:50: invalid JSON: unexpected '{' after the top-level value",
		"e.toml:2:12: invalid TOML: expected value but found \"…\" instead",
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
	if got := paths(res); !slices.Equal(got, []string{"d.json", "ok.env"}) {
		t.Errorf("findings in %q", got)
	}
}
