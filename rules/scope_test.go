package rules

import (
	"slices"
	"testing"
)

func TestMatch(t *testing.T) {
	tests := []struct {
		glob, path string
		want       bool
	}{
		{"**/*_test.go", "db_test.go", true},
		{"**/*_test.go", "internal/store/db_test.go", true},
		{"**/*_test.go", "internal/store/db.go", false},
		{"**/testdata/**", "testdata/x.env", true},
		{"**/testdata/**", "a/b/testdata/c/d.go", true},
		{"**/testdata/**", "a/testdatax/d.go", false},
		{"**/testdata/**", "testdata", true}, // ** matches no segment too
		{"migrations/**", "migrations/001_init.go", true},
		{"migrations/**", "cmd/migrations/001_init.go", false},
		{"cmd/*/main.go", "cmd/migrate/main.go", true},
		{"cmd/*/main.go", "cmd/migrate/sub/main.go", false},
		{"**", "anything/at/all.go", true},
		{"a/**/b.go", "a/b.go", true},
		{"a/**/b.go", "a/x/y/b.go", true},
		{"a/**/b.go", "a/x/y/c.go", false},
		{"*.go", "main.go", true},
		{"*.go", "dir/main.go", false},
		{"[a-c]*.go", "b.go", true},
		{"**/.env.test", "web/.env.test", true},
		{"**/*.test.*", "src/db.test.ts", true},
	}
	for _, tt := range tests {
		if got := Match(tt.glob, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.glob, tt.path, got, tt.want)
		}
	}
}

func TestScopesFor(t *testing.T) {
	p := mustLoad(t, `
extends = "none"
[scopes]
migrations = ["migrations/**", "**/cmd/migrate/**"]
test = ["**/fakes/**"]
`)
	tests := []struct {
		path string
		test bool
		want []string
	}{
		{"internal/db/db.go", false, []string{"prod"}},
		{"internal/db/db_test.go", false, []string{"test"}},
		{"internal/db/db.go", true, []string{"test"}}, // the analyzer knows better
		// Test configuration of other languages, for poolcheck scan.
		{".env.test", false, []string{"test"}},
		{"web/.env.testing", false, []string{"test"}},
		{"web/.env.test.local", false, []string{"test"}},
		{"web/.env", false, []string{"prod"}},
		{"web/.env.production", false, []string{"prod"}},
		{"jest.config.js", false, []string{"test"}},
		{"packages/api/jest.setup.ts", false, []string{"test"}},
		{"vitest.config.mts", false, []string{"test"}},
		{"packages/web/vitest.setup.ts", false, []string{"test"}},
		{"docker-compose.test.yml", false, []string{"test"}},
		{"deploy/docker-compose.test-ci.yaml", false, []string{"test"}},
		{"docker-compose.yml", false, []string{"prod"}},
		{"src/__tests__/db.ts", false, []string{"test"}},
		{"src/db.spec.ts", false, []string{"test"}},
		{"packages/database/test/setup.mjs", false, []string{"test"}},
		{"packages/database/prismaClient.mjs", false, []string{"prod"}},
		{"internal/testutil/db.go", false, []string{"test"}},
		{"internal/fakes/db.go", false, []string{"test"}}, // added to the built-in test scope
		{"migrations/001.go", false, []string{"prod", "migrations"}},
		{"tools/cmd/migrate/main.go", false, []string{"prod", "migrations"}},
		{"migrations/001_test.go", false, []string{"test", "migrations"}},
	}
	for _, tt := range tests {
		if got := p.ScopesFor(tt.path, tt.test); !slices.Equal(got, tt.want) {
			t.Errorf("ScopesFor(%q, %v) = %q, want %q", tt.path, tt.test, got, tt.want)
		}
	}
	if got, want := p.Scopes(), []string{"test", "prod", "migrations"}; !slices.Equal(got, want) {
		t.Errorf("Scopes() = %q, want %q", got, want)
	}
}

func BenchmarkMatch(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Match("**/testdata/**", "internal/store/postgres/store_test.go")
	}
}
