package rules

import (
	"path"
	"strings"
)

// The built-in scopes. test holds for test code; prod for everything
// else. A policy may add globs to test and define scopes of its own;
// prod is always the complement of test.
const (
	ScopeTest = "test"
	ScopeProd = "prod"
	ScopeAny  = "any" // a rule scope, not a scope of paths
)

// testGlobs are the paths that hold test code or test configuration in
// any language the scanner reads.
var testGlobs = []string{
	"**/*_test.go",
	"**/testdata/**",
	"**/testutil/**", "**/testutils/**",
	"**/testhelper/**", "**/testhelpers/**",
	"**/testfixtures/**", "**/testserver/**", "**/testsupport/**", "**/testenv/**", "**/testing/**",
	"**/test/**", "**/tests/**", "**/e2e/**", "**/__tests__/**",
	"**/*.test.*", "**/*.spec.*",
	"**/.env.test*", "**/jest.config.*", "**/jest.setup.*", "**/vitest.config.*", "**/vitest.setup.*",
	"**/docker-compose.test*.yml", "**/docker-compose.test*.yaml",
}

// scope is a named set of path globs.
type scope struct {
	name  string
	globs []string
}

func builtinScopes() []scope {
	return []scope{{name: ScopeTest, globs: testGlobs}, {name: ScopeProd}}
}

// ScopesFor returns the scope names that hold for a slash-separated path,
// relative to the module root; test is true when the finder knows the
// code is test code. Exactly one of test and prod holds.
func (p *Policy) ScopesFor(file string, test bool) []string {
	test = test || p.scopes[0].match(file)
	out := []string{ScopeProd}
	if test {
		out[0] = ScopeTest
	}
	for _, s := range p.scopes[2:] {
		if s.match(file) {
			out = append(out, s.name)
		}
	}
	return out
}

// Excluded reports whether a slash-separated, module-relative path
// matches one of the policy's exclude globs: such files are not judged.
func (p *Policy) Excluded(file string) bool {
	for _, g := range p.exclude {
		if Match(g, file) {
			return true
		}
	}
	return false
}

func (s scope) match(file string) bool {
	for _, g := range s.globs {
		if Match(g, file) {
			return true
		}
	}
	return false
}

// Match reports whether a slash-separated path matches glob: each
// segment as path.Match does, and "**" for any number of segments,
// none included.
func Match(glob, file string) bool {
	// Segments go to arrays on the stack: Match runs for every glob on
	// every pool, and allocates nothing for paths of up to 16 segments.
	var gb, fb [16]string
	return matchSegs(split(gb[:0], glob), split(fb[:0], file))
}

// split appends the slash-separated segments of s to dst, as
// strings.Split(s, "/") returns them.
func split(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, '/')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

func matchSegs(g, f []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(f); i++ {
				if matchSegs(g[1:], f[i:]) {
					return true
				}
			}
			return false
		}
		if len(f) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], f[0]); !ok {
			return false
		}
		g, f = g[1:], f[1:]
	}
	return len(f) == 0
}
