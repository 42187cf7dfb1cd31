package scan

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// TestJSConst evaluates the const X of each source: its leaves as
// "sign:text" ("." before an object's keys), "" when it is not constant.
func TestJSConst(t *testing.T) {
	tests := []struct{ src, want string }{
		{"const X = 'a'", "0:a"},
		{"const X = `a${'b'}c`", "0:abc"},
		{"const X = `a${y}c`", "0:a1c"}, // a hole reads as 1
		{"const X = 30_000", "0:30000"},
		{"const X = 0x10", "0:16"},
		{"const X = 1e3", "0:1000"},
		{"const X = 1.5", ""},
		{"const X = -1", "0:-1"},
		{"const X = 30 * 1000", "0:30000"},
		{"const X = 30 - 1", ""},
		{"const X = 1 + 2", ""},
		{"const X = 'a' + 1 + 'b'", "0:a1b"},
		{"const X = process.env.URL + '?x=1'", "0:1?x=1"},
		{"const X = true", "0:true"},
		{"const X = { a: 1, b: 'c', a: 2 }", "0:.a .b .a"},
		{"const C = { T: { L: 1 } }; const X = C.T.L", "0:1"},
		{"const C = { T: { L: 1 } }; const X = C['T']?.L", "0:1"},
		{"const C = Object.freeze({ T: { L: 5 } }); const X = C.T.L", "0:5"},
		{"const C = { T: { L: 5 } } as const; const X = C.T.L", "0:5"},
		{"const C: Record<string, number> = { L: 5 }; const X = C.L", "0:5"},
		{"const C = { T: { L: 5 } }; const p = C.T; const X = p.L", "0:5"},
		{"const C = { T: { L: 5 } }; const { T: { L: X } } = C", "0:5"},
		{"const C = { T: 7 }; const { T } = C; const X = T", "0:7"},
		{"const C = { T: 7 }; const { T = 1 } = C; const X = T", ""}, // a default: not constant
		{"const X = process.env.NODE_ENV === 'test' ? 1 : 10", "1:1 -1:10"},
		{"const X = cond ? 'a' : 'b'", "0:a 0:b"},
		{"const X = process.env.NODE_ENV === 'test' ? 1 : f()", "1:1 -1:?"},
		{"const isTest = process.env.NODE_ENV === 'test'; const s = isTest ? '1' : '2'; const X = 'x' + s", "1:x1 -1:x2"},
		{"const X = a.b()", ""},
		{"const X = Y; const Y = X", ""},                  // a cycle
		{"const X = 1; function f() { const X = 2 }", ""}, // two declarations
		{"let X = 1", ""},
		{"const X = 1; function f(X) { return X }", ""},                   // a parameter shadows it
		{"const X = 1; const f = (a, X) => X", ""},                        // an arrow's parameter
		{"const X = 1; const f = X => X", ""},                             // an arrow's parameter
		{"const X = 1; class C { m({ X }) { return X } }", ""},            // a method's parameter
		{"const X = 1; for (const X of xs) {}", ""},                       // a loop variable
		{"const X = 1; function f(a = X) { if (a) { return X } }", "0:1"}, // a default value is a use
		{"const X = 1; try {} catch (X) {}", ""},
		{"const X = { ...o, a: 1 }", "0:.a"},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		a := newJSFile(src)
		toks := lexJS(src, nil)
		a.each(toks, a.aliases)
		a.declare(a.stream(toks))
		var got []string
		for _, l := range flatten(a.lookup("X", 0), 0, nil) {
			if l.v.kind == jvObj {
				var keys []string
				for _, p := range l.v.props {
					keys = append(keys, "."+p.key)
				}
				got = append(got, fmt.Sprintf("%d:%s", l.sign, strings.Join(keys, " ")))
				continue
			}
			if l.v.t == nil {
				got = append(got, fmt.Sprintf("%d:?", l.sign))
				continue
			}
			got = append(got, fmt.Sprintf("%d:%s", l.sign, l.v.t.s))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.src, g, tt.want)
		}
	}
}

// TestJSConstSpans checks that a constant's text maps to the bytes
// where it is written, which is where a fix edits.
func TestJSConstSpans(t *testing.T) {
	tests := []struct{ src, want string }{
		{"const C = { L: 30_000 }; const X = C.L", "30_000"},
		{"const X = 30 * 1000", "30 * 1000"},
		{"const X = -5", "-5"},
		{"const X = 'ab'", "ab"},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		a := newJSFile(src)
		toks := lexJS(src, nil)
		a.declare(a.stream(toks))
		v := a.lookup("X", 0)
		if v == nil {
			t.Errorf("%s: not constant", tt.src)
			continue
		}
		from, to := v.t.extent(0, len(v.t.s))
		if got := tt.src[from:to]; got != tt.want {
			t.Errorf("%s: spans %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestJSScopes checks which values are test code: early returns and
// throws on a condition that fails under test, and branches of
// conditional constants.
func TestJSScopes(t *testing.T) {
	tests := []struct {
		src  string
		want string // "t" or "p" per value, in order
	}{
		{"function u() { if (process.env.NODE_ENV !== 'test') { return b; } return b + '?connection_limit=1'; }", "t"},
		{"function u() { if (process.env.NODE_ENV !== 'test') return b; return b + '?connection_limit=1'; }", "t"},
		{"function u() { if (process.env.NODE_ENV !== 'test') throw new Error('x'); return b + '?connection_limit=1'; }", "t"},
		{"function u() { if (process.env.NODE_ENV !== 'test') { log(); } return b + '?connection_limit=1'; }", "p"},
		{"function u() { if (process.env.NODE_ENV === 'production') return b; return b + '?connection_limit=1'; }", "p"},
		{"function u() { if (process.env.NODE_ENV !== 'test') { return b; } } const v = b + '?connection_limit=1';", "p"},
		{"const L = process.env.NODE_ENV === 'test' ? 1 : 10; const u = `${b}?connection_limit=${L}`;", "tp"},
		{"if (process.env.NODE_ENV === 'test') { const L = cond ? '1' : '2'; u = `${b}?connection_limit=${L}`; }", "tt"},
		// after an early exit in a case, up to the next label
		{"switch (k) { case 'a': if (process.env.NODE_ENV !== 'test') return b; return b + '?connection_limit=1'; case 'b': return b + '?connection_limit=5'; }", "tp"},
		// a string const is judged where it is used, not where it is declared
		{"const U = 'postgres://a@b/c?connection_limit=1'; if (process.env.NODE_ENV === 'test') { connect(U); }", "t"},
		{"const U = 'postgres://a@b/c?connection_limit=1'; export default U;", "p"},
		// an object's member: where it is declared, and where it is used
		{"const C = { URL: 'postgres://a@b/c?connection_limit=1' }; if (process.env.NODE_ENV === 'test') { connect(C.URL); }", "pt"},
	}
	for _, tt := range tests {
		fs := &fileScan{src: []byte(tt.src)}
		parseJS(fs)
		var got string
		for _, v := range fs.values {
			if !strings.Contains(v.t.s, "connection_limit") {
				continue
			}
			if v.test {
				got += "t"
			} else {
				got += "p"
			}
		}
		if got != tt.want {
			t.Errorf("%s\n got %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestJSImports checks what imports and requires bind.
func TestJSImports(t *testing.T) {
	tests := []struct{ src, want string }{
		{"import pg from 'pg'", "pg=pg:default"},
		{"import * as pg from 'pg'", "pg=pg:"},
		{"import { Pool, Client as C } from 'pg'", "C=pg:Client Pool=pg:Pool"},
		{"import Knex, { knex } from 'knex'", "Knex=knex:default knex=knex:knex"},
		{"import type { Knex } from 'knex'", ""},
		{"const pg = require('pg')", "pg=pg:"},
		{"const Pool = require('pg').Pool", "Pool=pg:Pool"},
		{"const { Pool, Client: C } = require('pg')", "C=pg:Client Pool=pg:Pool"},
		{"const x = await import('pg')", ""},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		a := newJSFile(src)
		binds, _ := a.imports(a.stream(lexJS(src, nil)))
		var got []string
		for name, b := range binds {
			got = append(got, name+"="+b.pkg+":"+b.path)
		}
		sort.Strings(got)
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s\n got %q\nwant %q", tt.src, g, tt.want)
		}
	}
}

// TestJSConstUsedTwice: a constant used by a production pool and a test
// one is reported once, on its declaration, and its fix is written once;
// one config object given to two pools is judged in each one's scope.
func TestJSConstUsedTwice(t *testing.T) {
	src := "const { Pool } = require('pg');\nconst IDLE = -1;\nconst a = new Pool({ idleTimeoutMillis: IDLE });\n" +
		"if (process.env.NODE_ENV === 'test') { b = new Pool({ idleTimeoutMillis: IDLE }); }\n"
	runCases(t, []formatCase{{
		name: "pg", file: "src/db.js", src: src,
		want:  []string{"2:14 idle-churn -1"},
		fixed: strings.Replace(src, "IDLE = -1", "IDLE = 10000", 1),
	}, {
		name: "one config, two pools", file: "src/db.js",
		src: "const { Pool } = require('pg');\nconst config = { max: 1 };\nconst a = new Pool(config);\n" +
			"if (process.env.NODE_ENV === 'test') { b = new\n  Pool(config); }\n",
		want: []string{"2:23 test-pool-too-small 1", "2:23 prod-single-connection 1"},
	}})
}

// TestJSPoolBranches: a conditional option forks the pool, each branch
// in its condition's scope, and a branch that is not constant keeps the
// pool's other options.
func TestJSPoolBranches(t *testing.T) {
	src := "const { Pool } = require('pg');\nconst isTest = process.env.NODE_ENV === 'test';\n" +
		"const a = new Pool({ max: isTest ? 1 : Number(process.env.MAX), idleTimeoutMillis: -1 });\n" +
		"const b = new Pool({ max: cond ? 1 : 10 });\n"
	runCases(t, []formatCase{{
		name: "pg", file: "src/db.js", src: src,
		want: []string{"3:36 test-pool-too-small 1", "3:84 idle-churn -1", "4:34 prod-single-connection 1"},
	}})
}
