package scan

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A formatCase is one file: the findings a scan must report, as
// "line:col rule-id text", the text being the bytes the finding spans,
// and what -fix must make of it ("" to skip).
type formatCase struct {
	name  string
	file  string // path in the tree, which decides the format and the scope
	src   string
	want  []string
	fixed string
}

// runCases scans each case's file alone in a fresh repository.
func runCases(t *testing.T, cases []formatCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, filepath.FromSlash(c.file))
			writeFile(t, path, c.src)
			res, err := Scan([]string{dir}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range res.Errors {
				t.Errorf("file error: %v", e)
			}
			var got []string
			for _, f := range res.Findings {
				got = append(got, fmt.Sprintf("%d:%d %s %s", f.Pos.Line, f.Pos.Col, f.Rule, c.src[f.Pos.Offset:f.End.Offset]))
				if strings.Contains(f.Message+f.DSN, "s3cret") {
					t.Errorf("a password in the output: %s %s", f.Message, f.DSN)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("findings:\n%s\nwant:\n%s\nmessages:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"), lines(res.Findings))
			}
			if c.fixed == "" {
				return
			}
			if _, err := Apply(res, false, nil); err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, path); got != c.fixed {
				t.Errorf("after -fix:\n%q\nwant:\n%q", got, c.fixed)
			}
		})
	}
}

func TestEnv(t *testing.T) {
	runCases(t, []formatCase{
		{name: "unquoted", file: ".env.test",
			src:   "DATABASE_URL=postgresql://app:s3cret@localhost:5432/app_test?connection_limit=1\n",
			want:  []string{"1:79 test-pool-too-small 1"},
			fixed: "DATABASE_URL=postgresql://app:s3cret@localhost:5432/app_test?connection_limit=10\n"},
		{name: "export, double quotes, trailing comment, CRLF", file: "web/.env.test.local",
			src:   "# local tests\r\nexport DATABASE_URL=\"postgresql://app@localhost/app_test?connection_limit=1&pool_timeout=5\" # parallel jest\r\nNODE_ENV=test\r\n",
			want:  []string{"2:75 test-pool-too-small 1", "2:90 test-acquire-timeout-too-short 5"},
			fixed: "# local tests\r\nexport DATABASE_URL=\"postgresql://app@localhost/app_test?connection_limit=10&pool_timeout=20\" # parallel jest\r\nNODE_ENV=test\r\n"},
		{name: "single quotes, spaces around =", file: ".env.testing",
			src:   "DATABASE_URL = 'postgresql://app@localhost/app_test?connect_timeout=5'\n",
			want:  []string{"1:69 test-connect-timeout-too-short 5"},
			fixed: "DATABASE_URL = 'postgresql://app@localhost/app_test?connect_timeout=10'\n"},
		{name: "a fragment after ${VAR}", file: ".env.test",
			src:   "DATABASE_URL=${BASE_URL}?connection_limit=1&pool_timeout=5\n",
			want:  []string{"1:43 test-pool-too-small 1", "1:58 test-acquire-timeout-too-short 5"},
			fixed: "DATABASE_URL=${BASE_URL}?connection_limit=10&pool_timeout=20\n"},
		{name: "a value that is not constant", file: ".env.test",
			src: "DATABASE_URL=postgresql://app@localhost/app_test?connection_limit=${POOL}\n"},
		{name: "keyword/value under a connection-string name", file: ".env",
			src:   "PG_DSN=\"host=db dbname=app connect_timeout=5s\"\n",
			want:  []string{"1:44 unit-suffix-rejected 5s"},
			fixed: "PG_DSN=\"host=db dbname=app connect_timeout=5\"\n"},
		{name: "production", file: ".env",
			src:   "DATABASE_URL=postgres://app:s3cret@db.internal/app?sslmode=disable\n",
			want:  []string{"1:60 prod-tls-disabled disable"},
			fixed: "DATABASE_URL=postgres://app:s3cret@db.internal/app?sslmode=require\n"},
		{name: "directives", file: ".env",
			src: "# poolcheck:ignore prod-tls-disabled the compose database has no certificate\n" +
				"DATABASE_URL=postgres://app@db/app?sslmode=disable\n" +
				"REDIS_URL=redis://cache:6379/0 # poolcheck:ignore prod-tls-disabled nothing here\n" +
				"# poolcheck:ignore prod-tls-disabled\n",
			want: []string{"3:32 ignore-unused # poolcheck:ignore prod-tls-disabled nothing here", "4:1 ignore-malformed # poolcheck:ignore prod-tls-disabled"}},
		{name: "neither a DSN nor a DSN in a comment", file: ".env",
			src: "HOMEPAGE=https://example.com/?timeout=5\n# DATABASE_URL=postgres://app@db/app?sslmode=disable\nEMPTY=\nNOEQUALS\n"},
	})
}

func TestYAML(t *testing.T) {
	runCases(t, []formatCase{
		{name: "compose list form", file: "docker-compose.test.yml",
			src:   "services:\n  api:\n    environment:\n      - NODE_ENV=test\n      - DATABASE_URL=postgresql://app@db:5432/app_test?connection_limit=1\n",
			want:  []string{"5:73 test-pool-too-small 1"},
			fixed: "services:\n  api:\n    environment:\n      - NODE_ENV=test\n      - DATABASE_URL=postgresql://app@db:5432/app_test?connection_limit=10\n"},
		{name: "compose map form, double quotes", file: "docker-compose.yml",
			src:  "services:\n  api:\n    environment:\n      DATABASE_URL: \"postgresql://app@db:5432/app?connection_limit=1\" # one replica\n",
			want: []string{"4:68 prod-single-connection 1"}},
		{name: "kubernetes env", file: "deploy/api.yaml",
			src:   "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DATABASE_URL\n              value: 'postgres://app@db/app?sslmode=disable'\n",
			want:  []string{"10:53 prod-tls-disabled disable"},
			fixed: "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          env:\n            - name: DATABASE_URL\n              value: 'postgres://app@db/app?sslmode=require'\n"},
		{name: "a test section", file: "config/database.yml",
			src:  "production:\n  url: postgres://app@db/app?pool_max_conns=20\ntest:\n  url: postgres://app@localhost/app_test?pool_max_conns=1\n",
			want: []string{"4:57 test-pool-too-small 1"}},
		{name: "a CI job named test, CRLF, two documents", file: ".github/workflows/ci.yml",
			src:   "on: push\r\n---\r\njobs:\r\n  test:\r\n    env:\r\n      DATABASE_URL: postgresql://app@localhost/app_test?connection_limit=1 # poolcheck:ignore test-acquire-timeout-too-short no pool_timeout here\r\n",
			want:  []string{"6:74 test-pool-too-small 1", "6:76 ignore-unused # poolcheck:ignore test-acquire-timeout-too-short no pool_timeout here"},
			fixed: "on: push\r\n---\r\njobs:\r\n  test:\r\n    env:\r\n      DATABASE_URL: postgresql://app@localhost/app_test?connection_limit=10 # poolcheck:ignore test-acquire-timeout-too-short no pool_timeout here\r\n"},
		{name: "escapes, anchors, tags and a '#' in quotes", file: "app.yaml",
			src:  "base: &db \"redis://cache:6379/0?dial_timeout=0&client_name=caf\\u00e9 #1\"\nother: !!str 'redis://cache:6379/1?pool_timeout=0'\ncopy: *db\n",
			want: []string{"1:46 value-fails-fast 0", "2:49 value-fails-fast 0"}},
		{name: "directive above", file: "docker-compose.yml",
			src: "services:\n  db:\n    environment:\n      # poolcheck:ignore prod-tls-disabled the database is on the compose network\n      DATABASE_URL: postgres://app@db/app?sslmode=disable\n",
		},
	})
}

func TestJSON(t *testing.T) {
	runCases(t, []formatCase{
		{name: "sequelize config", file: "config/config.json",
			src:  "{\n  \"production\": {\"url\": \"postgres://app@db/app?sslmode=disable\"},\n  \"test\": {\"url\": \"postgresql://app@localhost/app_test?connection_limit=1\"}\n}\n",
			want: []string{"2:56 prod-tls-disabled disable", "3:73 test-pool-too-small 1"}},
		{name: "package.json test script", file: "package.json",
			src:   "{\"scripts\": {\"test\": \"DATABASE_URL=postgresql://app@localhost/app_test?connection_limit=1 jest\"}}",
			want:  []string{"1:89 test-pool-too-small 1"},
			fixed: "{\"scripts\": {\"test\": \"DATABASE_URL=postgresql://app@localhost/app_test?connection_limit=10 jest\"}}"},
		{name: "escapes before the value", file: "app.json",
			src:   "{\"redisUrl\": \"redis://cache:6379/0?client_name=caf\\u00e9&dial_timeout=0\"}",
			want:  []string{"1:71 value-fails-fast 0"},
			fixed: "{\"redisUrl\": \"redis://cache:6379/0?client_name=caf\\u00e9&dial_timeout=5s\"}"},
		{name: "JSONC: comments, a directive, trailing commas", file: ".devcontainer/devcontainer.json",
			src: "{\n  // poolcheck:ignore prod-tls-disabled the dev container's database\n  \"remoteEnv\": {\"DATABASE_URL\": \"postgres://app@db/app?sslmode=disable\",},\n  /* done */\n}\n",
		},
	})
}

// A finding's DSN shows each hole as the file writes it (${MODE}), or
// "…" when that is long, never as the placeholder the DSN was parsed
// with; a password that is a hole stays masked.
func TestHolesShown(t *testing.T) {
	long := "${" + strings.Repeat("A", 40) + "}"
	for _, c := range []struct{ file, src, want string }{
		{".env", "DATABASE_URL=postgres://app:${PW}@db/app?sslmode=${MODE}&pool_timeout=0\n",
			"postgres://app:xxxxx@db/app?sslmode=${MODE}&pool_timeout=0"},
		{".env", "DATABASE_URL=postgres://app@" + long + "/app?pool_timeout=0\n",
			"postgres://app@…/app?pool_timeout=0"},
		{"db.js", "const c = { url: `postgres://app@${host}/db?sslmode=${mode}&connection_limit=1` }\nmodule.exports = c\n",
			"postgres://app@${host}/db?sslmode=${mode}&connection_limit=1"},
	} {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, c.file), c.src)
		res, err := Scan([]string{dir}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Findings) != 1 || res.Findings[0].DSN != c.want {
			t.Errorf("%s: findings %s, want one with dsn %q", c.src, lines(res.Findings), c.want)
			for _, f := range res.Findings {
				t.Logf("dsn %q", f.DSN)
			}
		}
	}
}
