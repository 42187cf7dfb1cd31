package scan

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
	"golang.org/x/tools/txtar"

	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/internal/editset"
	"github.com/poolcheck/poolcheck/rules"
)

// The fuzz targets hold every hand-written reader to the same
// properties, on any input:
//
//   - it does not panic;
//   - every text it returns is well formed: parts tile the text in
//     order, offsets lie in the file, positions come out in order;
//   - an edit that writes a value's own bytes back (through the
//     literal's encoder) leaves the file reading the same values:
//     the byte mapping and the encoders agree with the reader;
//
// and FuzzJSON and FuzzTOML compare the strings read with those that
// encoding/json and BurntSushi/toml decode.

func FuzzJS(f *testing.F)         { fuzzFormat(f, fmtJS, jsSeeds) }
func FuzzEnv(f *testing.F)        { fuzzFormat(f, fmtEnv, envSeeds) }
func FuzzINI(f *testing.F)        { fuzzFormat(f, fmtINI, iniSeeds) }
func FuzzProperties(f *testing.F) { fuzzFormat(f, fmtProperties, propertiesSeeds) }
func FuzzPrisma(f *testing.F)     { fuzzFormat(f, fmtPrisma, prismaSeeds) }
func FuzzYAML(f *testing.F)       { fuzzFormat(f, fmtYAML, yamlSeeds) }

func FuzzJSON(f *testing.F) {
	fuzzFormat(f, fmtJSON, jsonSeeds, func(t *testing.T, src []byte, fs *fileScan) {
		want, ok := jsonStrings(src)
		if !ok {
			return
		}
		if len(fs.errs) > 0 {
			t.Fatalf("encoding/json accepts %q; the reader says %s", src, fs.errs[0].msg)
		}
		if got := texts(fs); !slices.Equal(got, want) {
			t.Fatalf("strings of %q:\n got %q\nwant %q", src, got, want)
		}
	})
}

func FuzzTOML(f *testing.F) {
	fuzzFormat(f, fmtTOML, tomlSeeds, func(t *testing.T, src []byte, fs *fileScan) {
		var doc map[string]any
		if _, err := toml.Decode(string(src), &doc); err != nil || isPolicy(doc) {
			return
		}
		want := make(map[string]int)
		collectStrings(doc, want)
		got := make(map[string]int)
		for _, v := range fs.values {
			if !v.t.untraced {
				got[v.t.s]++
			}
		}
		if !maps.Equal(got, want) {
			t.Fatalf("%q: the reader maps %v, the parser decodes %v", src, got, want)
		}
	})
}

// fuzzFormat runs a reader on seeds and fuzz input with the common
// checks, then the extra ones.
func fuzzFormat(f *testing.F, fm *format, seeds []string, extra ...func(*testing.T, []byte, *fileScan)) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	// Every file of its format in the testdata trees is a seed too.
	archives, _ := filepath.Glob(filepath.Join("testdata", "*.txtar"))
	for _, name := range archives {
		ar, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range ar.Files {
			if formatFor(path.Base(file.Name)) == fm {
				f.Add(file.Data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := &fileScan{src: src}
		fm.parse(fs)
		for _, v := range fs.values {
			checkText(t, src, v.t)
		}
		for _, c := range fs.comments {
			if c.start < 0 || c.start > c.end || c.end > len(src) || c.body < c.start || c.body > c.stop || c.stop > c.end {
				t.Fatalf("comment %+v out of %d bytes", c, len(src))
			}
		}
		for _, e := range fs.errs {
			if e.off > len(src) {
				t.Fatalf("error at %d of %d bytes", e.off, len(src))
			}
		}
		roundTrip(t, fm, src, fs)
		for _, x := range extra {
			x(t, src, fs)
		}
		judgeAll(t, src, fs)
	})
}

// checkText checks that t is well formed for a file of len(src) bytes.
func checkText(t *testing.T, src []byte, x *text) {
	t.Helper()
	if len(x.off) != len(x.s) {
		t.Fatalf("%d offsets for %d bytes", len(x.off), len(x.s))
	}
	at := 0
	for _, p := range x.parts {
		if p.start != at || p.end < p.start || p.end > len(x.s) {
			t.Fatalf("parts do not tile %q: %+v", x.s, x.parts)
		}
		at = p.end
		if p.src0 < 0 || p.src0 > p.src1 || p.src1 > len(src) {
			t.Fatalf("part %+v outside %d bytes", p, len(src))
		}
	}
	if at != len(x.s) {
		t.Fatalf("parts end at %d of %d", at, len(x.s))
	}
	for _, o := range x.off {
		if o < -1 || o >= len(src) && len(src) > 0 {
			t.Fatalf("offset %d outside %d bytes", o, len(src))
		}
	}
	for a := 0; a <= len(x.s); a += max(1, len(x.s)/5) {
		b := min(len(x.s), a+3)
		from, to := x.extent(a, b)
		if from < 0 || from > to || to > len(src) {
			t.Fatalf("extent(%d, %d) of %q = %d, %d", a, b, x.s, from, to)
		}
		if e, ok := x.edit(dsn.Edit{Start: a, End: b, New: "10"}); ok && (e.start < 0 || e.start > e.end || e.end > len(src)) {
			t.Fatalf("edit(%d, %d) of %q = %+v", a, b, x.s, e)
		}
	}
}

// roundTrip writes the middle third of each value back through its
// encoder and reads the file again: the values must be the same. In JS
// the check is skipped when the tokenizer had to guess about a '/' that
// does not close as a regex on its line: such a line is not valid JS,
// and any string after the '/' on that line decides the guess.
func roundTrip(t *testing.T, fm *format, src []byte, fs *fileScan) {
	t.Helper()
	if fm == fmtJS {
		l := &jsLexer{src: src}
		l.stream(false)
		if l.guessed {
			return
		}
	}
	before := texts(fs)
	for i, v := range fs.values {
		if i == 16 { // each check reads the file again: a few suffice
			break
		}
		a, b := len(v.t.s)/3, 2*len(v.t.s)/3
		e, ok := v.t.edit(dsn.Edit{Start: a, End: b, New: v.t.s[a:b]})
		if !ok {
			continue
		}
		out := slices.Concat(src[:e.start], []byte(e.text), src[e.end:])
		again := &fileScan{src: out}
		fm.parse(again)
		if after := texts(again); !slices.Equal(after, before) {
			t.Fatalf("writing %q back as %q at %d:%d of %q changed the values:\n%q\n%q", v.t.s[a:b], e.text, e.start, e.end, src, before, after)
		}
	}
}

// judgeAll runs the rest of the pipeline on the values.
func judgeAll(t *testing.T, src []byte, fs *fileScan) {
	r := &fileRun{w: walked{path: "f"}, rel: "f", pol: defaultPolicy(), src: src}
	for _, v := range fs.values {
		r.judge(v)
	}
	for i := range fs.pools {
		r.judgePool(&fs.pools[i])
	}
	r.suppress(fs.comments)
	r.settle()
	for _, f := range r.findings {
		if f.Pos.Offset > f.End.Offset || f.End.Offset > len(src) {
			t.Fatalf("finding %s at %d:%d of %d bytes", f.Rule, f.Pos.Offset, f.End.Offset, len(src))
		}
		if f.Fix != nil {
			var set editset.Set
			if !set.TryAdd(toSet(src, f.Fix.Edits)) {
				t.Fatalf("fix %+v overlaps itself", f.Fix)
			}
			if _, ok := set.Apply(src); !ok {
				t.Fatalf("fix %+v does not apply to %d bytes", f.Fix, len(src))
			}
		}
	}
}

func texts(fs *fileScan) []string {
	out := make([]string, len(fs.values))
	for i, v := range fs.values {
		out[i] = v.t.s
	}
	return out
}

// jsonStrings returns the strings in value position of a JSON document,
// in order, as encoding/json decodes them, or false when it rejects it.
func jsonStrings(src []byte) ([]string, bool) {
	if !json.Valid(src) {
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(src))
	var out []string
	type frame struct{ object, key bool }
	var stack []frame
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out, true
		}
		if err != nil {
			return nil, false
		}
		top := len(stack) - 1
		isKey := top >= 0 && stack[top].object && stack[top].key
		if top >= 0 && stack[top].object {
			if _, delim := tok.(json.Delim); !delim || tok == json.Delim('{') || tok == json.Delim('[') {
				stack[top].key = !stack[top].key
			}
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{':
				stack = append(stack, frame{object: true, key: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:len(stack)-1]
			}
		case string:
			if !isKey {
				out = append(out, x)
			}
		}
	}
}

var (
	jsSeeds = []string{
		"const u = process.env.DATABASE_URL + '?connection_limit=1&pool_timeout=5';",
		"if (process.env.NODE_ENV === 'test') { url = `${base}?connection_limit=1` } else { url = base }",
		"const isTest = () => env === \"test\"; x = isTest() ? `a${`b${c}`}d` : '\\u{1F600}\\x41\\101'",
		"a = b / c / d; re = /[/'\"]\\//g; s = '\\\r\nx'; t = `\r\n${'}'}`",
		"switch (process.env.NODE_ENV) { case 'test': case 'ci': u = \"redis://h:1/0?dial_timeout=0\"; break; default: }",
		"#!/usr/bin/env node\n/* c */ // d\n`unterminated ${ {a: '}'} ",
		"x = {test: {connection: 'postgres://a@b/c?connect_timeout=5'}, 'test': 1}; y = a?.b ?? c?.5:1",
	}
	envSeeds = []string{
		"DATABASE_URL=postgresql://app@db/app?connection_limit=1\n",
		"export A=\"x\\\"y\\n${B}$C\" # c\r\nB='multi\nline'\nC=`t`\n# poolcheck:ignore a b\n",
		"K : v\nNOEQ\n=v\nK=\"unterminated\n",
	}
	iniSeeds        = []string{"; c\n[database]\nurl = postgres://a@b/c?sslmode=disable ; x\n[test]\nk: \"v\"\n", "[unclosed\n=x\nk=\n"}
	propertiesSeeds = []string{"# c\n! c\na.b=redis://h:1/0?\\\n   dial_timeout=0\nk\\ ey : v\\u0041\\\r\n", "k\\", "a=\\u12"}
	prismaSeeds     = []string{"datasource db {\n  url = \"postgresql://a@b/c?connection_limit=1\" // x\n  directUrl = env(\"X\")\n}\n", "datasource d { url = \"\\u00\" }", "/// doc\nmodel M { id Int }"}
	yamlSeeds       = []string{
		"services:\n  api:\n    environment:\n      - DATABASE_URL=postgres://a@b/c?sslmode=disable\n      K: v\n",
		"a: &x \"q\\u00e9 #\" # c\nb: !!str 'it''s'\nc: |\n  # not\n  x\nd: [p, \"q\", {r: s}]\n---\ne: *x\n",
		"env:\n  - name: DATABASE_URL\n    value: postgres://a@b/c?sslmode=disable\r\n",
		"a: 'multi\n  line'\nb: \"multi\\\n  x\"\nc: plain\n  continued\n",
	}
	jsonSeeds = []string{
		"{\"a\": \"postgres://x@y/z?sslmode=disable\", \"test\": {\"u\": [\"q\\u00e9\\ud83d\\ude00\", 1.5e3, true, null]}}",
		"// c\n{/* d */ \"a\": [1,], }",
		"\"\\ud800\\u0041\\/\"",
		"{\"a\":1} x",
	}
	tomlSeeds = []string{
		"[database]\nurl = \"postgres://x@y/z?sslmode=disable\" # c\n",
		"a.b = 'lit'\nc = \"\"\"\nm\\\n  l\"\"\"\nd = '''\nx'''\ne = [\"1\", {f = \"g\"}]\n[[t]]\nh = \"\\u00e9\\x41\\e\"\n",
		"s = \"\"\"a\"\"\"\"\"\nt = '''b'''''\n",
	}
)

// defaultPolicy is the built-in policy, for the fuzz targets.
func defaultPolicy() *rules.Policy { return rules.Default() }
