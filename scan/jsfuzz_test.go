package scan

import (
	"path"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/poolcheck/poolcheck/dsn"
)

// FuzzJSConst holds the constant evaluator (jsconst.go) to these, on any
// input: it does not panic, it stays within its budget of work, every
// text it returns is well formed, and writing a constant's middle third
// back through its literal's encoder leaves the constant reading the
// same: the byte mapping and the encoders agree with the evaluator.
func FuzzJSConst(f *testing.F) {
	addJSSeeds(f, jsConstSeeds)
	f.Fuzz(func(t *testing.T, src []byte) {
		names, vals := constants(src)
		if len(names) == 0 {
			return
		}
		for i := range names {
			for _, l := range flatten(vals[i], 0, nil) {
				if l.v.t != nil {
					checkText(t, src, l.v.t)
				}
			}
		}
		name, before := names[0], leafTexts(vals[0])
		for _, l := range flatten(vals[0], 0, nil) {
			if l.v.t == nil {
				continue
			}
			x := l.v.t
			a, b := len(x.s)/3, 2*len(x.s)/3
			e, ok := x.edit(dsn.Edit{Start: a, End: b, New: x.s[a:b]})
			if !ok {
				continue
			}
			out := slices.Concat(src[:e.start], []byte(e.text), src[e.end:])
			if guesses(out) {
				continue
			}
			again := constantOf(out, name)
			if after := leafTexts(again); !slices.Equal(after, before) {
				t.Fatalf("writing %q back as %q at %d:%d of %q changed %s:\n%q\n%q", x.s[a:b], e.text, e.start, e.end, src, name, before, after)
			}
			break
		}
	})
}

// FuzzJSLib holds the library finder (jslib.go) to these: no panic,
// every option's text is well formed, writing each option's value back
// gives the same pools, and judging them gives findings inside the file
// with fixes that apply.
func FuzzJSLib(f *testing.F) {
	addJSSeeds(f, jsLibSeeds)
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := &fileScan{src: src, path: "knexfile.js"}
		parseJS(fs)
		before := poolTexts(fs)
		for _, p := range fs.pools {
			if p.use[0] < 0 || p.use[0] > p.use[1] || p.use[1] > len(src) {
				t.Fatalf("pool at %v of %d bytes", p.use, len(src))
			}
			for _, s := range p.sites {
				checkText(t, src, s.t)
			}
		}
		if len(fs.pools) > 0 && !guesses(src) {
			x := fs.pools[0].sites[0].t
			if e, ok := x.edit(dsn.Edit{Start: 0, End: len(x.s), New: x.s}); ok {
				out := slices.Concat(src[:e.start], []byte(e.text), src[e.end:])
				again := &fileScan{src: out, path: "knexfile.js"}
				parseJS(again)
				if after := poolTexts(again); !slices.Equal(after, before) {
					t.Fatalf("writing %q back as %q in %q changed the pools:\n%q\n%q", x.s, e.text, src, before, after)
				}
			}
		}
		judgeAll(t, src, fs)
	})
}

// guesses reports whether the tokenizer had to guess about a '/': the
// line is not valid JS and a rewrite may read differently.
func guesses(src []byte) bool {
	l := &jsLexer{src: src}
	l.stream(false)
	return l.guessed
}

// constants evaluates every const of src, by name in order.
func constants(src []byte) ([]string, []*jv) {
	a := newJSFile(src)
	toks := lexJS(src, nil)
	a.each(toks, a.aliases)
	a.declare(a.stream(toks))
	var names []string
	for n := range a.consts {
		names = append(names, n)
	}
	sort.Strings(names)
	vals := make([]*jv, len(names))
	for i, n := range names {
		vals[i] = a.lookup(n, 0)
	}
	if a.work > maxWork+len(names) {
		panic("evaluation over budget")
	}
	return names, vals
}

func constantOf(src []byte, name string) *jv {
	names, vals := constants(src)
	if i := slices.Index(names, name); i >= 0 {
		return vals[i]
	}
	return nil
}

// leafTexts spells the leaves of a value, objects by their keys.
func leafTexts(v *jv) []string {
	var out []string
	for _, l := range flatten(v, 0, nil) {
		switch {
		case l.v.kind == jvObj:
			for _, p := range l.v.props {
				out = append(out, "."+p.key)
			}
		case l.v.t == nil:
			out = append(out, "?")
		default:
			out = append(out, l.v.t.s)
		}
	}
	return out
}

func poolTexts(fs *fileScan) []string {
	var out []string
	for _, p := range fs.pools {
		out = append(out, string(p.driver))
		for _, s := range p.sites {
			out = append(out, s.knob.Key+"="+s.t.s)
		}
	}
	return out
}

// addJSSeeds adds seeds and every JS file of the testdata trees.
func addJSSeeds(f *testing.F, seeds []string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	archives, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if formatFor(path.Base(file.Name)) == fmtJS {
				f.Add(file.Data)
			}
		}
	}
}

var (
	jsConstSeeds = []string{
		"const C = Object.freeze({ TEST: { LIMIT: 1, T: 30_000 }, P: {} }); const p = C.TEST; const { T: t } = p;",
		"const a = 'x' + 1 + `y${b}` + c; const n = 30 * 1000; const m = -0x10; const f = 1.5; const g = 1e3;",
		"const s = isTest ? 'a' : \"b\"; const u = s + s + s + s; const { x = 1, y: { z } } = o; let s = 1;",
		"const A = B; const B = A; const C = C.D; const D: Record<string, number> = { 'k': 2 } as const;",
		"const e = '\\x41\\u{1F600}\\\n'; const t = `a\\`${`b${e}`}`; const o = { ...x, [k]: 1, m() {}, e };",
		"const A0 = 'xy'; const A1 = A0 + A0; const A2 = A1 + A1; const A3 = A2 + A2; const A4 = A3 + A3;",
		"const O0 = { k: 1 }; const O1 = c ? O0 : O0; const O2 = c ? O1 : O1; const X = O2.k; function f(O0) {}",
	}
	jsLibSeeds = []string{
		"const { Pool } = require('pg'); new Pool({ max: 1, idleTimeoutMillis: -1 });",
		"import pg from 'pg'; const c = { max: isTest ? 1 : 20 }; new pg.Pool(c); new pg.Client({ connectionTimeoutMillis: 5 });",
		"module.exports = { test: { client: 'pg', pool: { min: 0, max: 1 }, acquireConnectionTimeout: 0 } };",
		"import mysql from 'mysql2/promise'; mysql.createPool({ waitForConnections: false, connectionLimit: 0, maxIdle: 5 });",
		"const { Sequelize } = require('sequelize'); new Sequelize(u, { pool: Object.freeze({ max: 0, acquire: 5000 }) });",
		"import { PrismaClient } from '@prisma/client'; new PrismaClient({ datasources: { db: { url: U + '?pool_timeout=2' } } });",
	}
)
