package scan

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLexJS(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a = b / c / d", "a = b / c / d"},
		{"x = /[/]\\//g.test(s)", "x = R . test ( s )"},
		{"return /re/", "return R"},
		{"f(a) / 2", "f ( a ) / 2"},
		{"a++ / 2 / 3", "a ++ / 2 / 3"},
		{"1 / 'x'", "1 / S"},
		{"s = 'it\\'s' + \"a\\\"b\" + 'open\nnext", "s = S + S + S next"},
		{"`a${`b${c}`}d` + x", "T + x"},
		{"// c 'x'\n/* 'y' */ z", "z"},
		{"a?.b ?? c ? .5 : 1", "a ?. b ?? c ? .5 : 1"},
		{"#!/usr/bin/env node\nx", "x"},
		{"`unclosed ${ {a: '}'} ", "T"},
		{"class A { #p = 1 }", "class A { #p = 1 }"},
		{"a >>>= 1; b **= 2; c ??= d", "a >>>= 1 ; b **= 2 ; c ??= d"},
		{"x = 1 / 2 /* c */ / 3", "x = 1 / 2 / 3"},
		{"let s = 'a' + /* '\n */ 'b'", "let s = S + S"},
		{"é = 'ü'", "é = S"},
	}
	for _, tt := range tests {
		toks := lexJS([]byte(tt.src), nil)
		var got []string
		for _, tk := range toks {
			switch tk.kind {
			case jStr:
				got = append(got, "S")
			case jTmpl:
				got = append(got, "T")
			case jRegex:
				got = append(got, "R")
			default:
				got = append(got, tt.src[tk.start:tk.end])
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("lex %q:\n got %s\nwant %s", tt.src, g, tt.want)
		}
	}
}

// TestJSCond checks the judgement of conditions: +1 only under test,
// -1 never under test, 0 either way.
func TestJSCond(t *testing.T) {
	tests := []struct {
		pre, cond string
		want      int
	}{
		{"", "process.env.NODE_ENV === 'test'", +1},
		{"", "'test' == process.env.NODE_ENV", +1},
		{"", "process.env[\"NODE_ENV\"] !== `test`", -1},
		{"", "!(process.env.NODE_ENV === 'test')", -1},
		{"", "process.env.NODE_ENV === 'production'", 0},
		{"", "import.meta.env.MODE === 'test'", +1},
		{"", "process.env.NODE_ENV === 'test' && useDb", +1},
		{"", "process.env.NODE_ENV === 'test' || process.env.NODE_ENV === 'development'", 0},
		{"", "process.env.NODE_ENV === 'test' || process.env.NODE_ENV === 'testing'", +1},
		{"", "process.env.NODE_ENV !== 'test' || ci", -1},
		{"", "process.env.NODE_ENV !== 'test' && ci", 0},
		{"", "process.env.JEST_WORKER_ID", +1},
		{"", "!process.env.VITEST", -1},
		{"", "typeof process.env.JEST_WORKER_ID !== 'undefined'", +1},
		{"", "process.env.JEST_WORKER_ID === undefined", -1},
		{"", "['test', 'ci'].includes(process.env.NODE_ENV)", +1},
		{"const env = process.env.NODE_ENV || 'development';", "env === 'test'", +1},
		{"const isTest = process.env.NODE_ENV === 'test';", "isTest", +1},
		{"const isTest = () => process.env.NODE_ENV === 'test';", "isTest()", +1},
		{"function isTest() { return process.env.NODE_ENV === 'test' }", "!isTest()", -1},
		{"const isProd = process.env.NODE_ENV === 'production';", "isProd", 0},
		{"", "x === 'test'", 0},
		{"", "a = process.env.NODE_ENV === 'test'", 0},
	}
	for _, tt := range tests {
		src := tt.pre + "\n(" + tt.cond + ")"
		a := newJSFile([]byte(src))
		toks := lexJS(a.src, nil)
		a.each(toks, a.aliases)
		s := &jstream{toks: toks, match: matchBrackets(a.src, toks)}
		open := s.match[len(toks)-1] // the "(" that closes last
		if got := a.cond(s, open+1, len(toks)-1); got != tt.want {
			t.Errorf("%s %s: %d, want %d", tt.pre, tt.cond, got, tt.want)
		}
	}
}

func TestConnKey(t *testing.T) {
	for name, want := range map[string]bool{
		"DATABASE_URL": true, "databaseUrl": true, "DB_DSN": true, "dsn": true, "spring.datasource.url": true,
		"REDIS_URL": true, "PG_CONNECTION_STRING": true, "connectionString": true, "MYSQL_URI": true,
		"DATABASE_HOST": false, "url": false, "API_URL": false, "POSTGRES_PASSWORD": false, "": false,
	} {
		if got := connKey(name); got != want {
			t.Errorf("connKey(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestDSNsOf checks which values count as connection strings.
func TestDSNsOf(t *testing.T) {
	lit := func(s string) *text { return rawText([]byte(s), 0, len(s), nil) }
	withHole := func(before, after string) *text {
		var b builder
		if before != "" {
			b.begin(0, nil)
			for i := 0; i < len(before); i++ {
				b.add(before[i], i)
			}
			b.end(len(before))
		}
		b.hole(0, 1)
		b.begin(0, nil)
		for i := 0; i < len(after); i++ {
			b.add(after[i], i)
		}
		b.end(len(after))
		return b.text()
	}
	tests := []struct {
		name string
		v    value
		want string // the DSNs, as "kind:input", ";"-separated
	}{
		{"a URL of a known scheme", value{t: lit("postgres://a@b/c?sslmode=disable")}, "url:postgres://a@b/c?sslmode=disable"},
		{"an http URL", value{t: lit("https://x/?timeout=5")}, ""},
		{"keyword/value without a name", value{t: lit("host=db connect_timeout=5")}, ""},
		{"keyword/value under DATABASE_URL", value{t: lit("host=db connect_timeout=5"), key: "DATABASE_URL"}, "keyvalue:host=db connect_timeout=5"},
		{"MySQL under DSN", value{t: lit("app@tcp(db:3306)/app?timeout=5"), key: "MYSQL_DSN"}, "mysql:app@tcp(db:3306)/app?timeout=5"},
		{"a leading fragment of known keys", value{t: lit("?connection_limit=1&pool_timeout=5")}, "fragment:?connection_limit=1&pool_timeout=5"},
		{"a leading fragment of other keys", value{t: lit("?page=1&sort=asc")}, ""},
		{"a fragment after a hole", value{t: withHole("", "?schema=public&connection_limit=1")}, "fragment:?schema=public&connection_limit=1"},
		{"a fragment after a hole, no pool key", value{t: withHole("", "?schema=public")}, ""},
		{"not a fragment after a hole", value{t: withHole("", "/users?timeout=5")}, ""},
		{"a URL with a hole", value{t: withHole("redis://", ":6379/0?dial_timeout=0")}, "url:redis://1:6379/0?dial_timeout=0"},
		{"URLs in a command line", value{t: lit("A=postgres://a@b/c?x=1 jest && psql 'redis://r:1/0' jdbc:postgresql://h/d")}, "url:postgres://a@b/c?x=1;url:redis://r:1/0"},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range dsnsOf(tt.v) {
			got = append(got, fmt.Sprintf("%s:%s", p.d.Kind, p.d.Input))
		}
		if g := strings.Join(got, ";"); g != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, g, tt.want)
		}
	}
}

func TestDirectives(t *testing.T) {
	runCases(t, []formatCase{
		{name: "several ids, the line above, a block comment", file: "src/db.js",
			src: "/* poolcheck:ignore prod-tls-disabled,prod-single-connection the local compose stack */\n" +
				"const u = 'postgresql://app@db/app?sslmode=disable&connection_limit=1';\n"},
		{name: "unknown id, no space, a string that looks like one", file: "src/db.js",
			src:  "//poolcheck:ignore no-such-rule because\n//poolcheck:ignoreprod-tls-disabled x\nconst s = '// poolcheck:ignore prod-tls-disabled not a comment';\n",
			want: []string{"1:1 ignore-malformed //poolcheck:ignore no-such-rule because", "2:1 ignore-malformed //poolcheck:ignoreprod-tls-disabled x"}},
		{name: "two lines above is too far", file: ".env",
			src:  "# poolcheck:ignore prod-tls-disabled local only\n\nDATABASE_URL=postgres://app@db/app?sslmode=disable\n",
			want: []string{"1:1 ignore-unused # poolcheck:ignore prod-tls-disabled local only", "3:44 prod-tls-disabled disable"}},
		{name: "a '#' in a quoted YAML scalar is not a comment", file: "app.yaml",
			src:  "note: \"see # poolcheck:ignore prod-tls-disabled in a string\"\nurl: postgres://app@db/app?sslmode=disable\n",
			want: []string{"2:36 prod-tls-disabled disable"}},
		{name: "a trailing // comment is not the reason", file: "schema.prisma",
			src:  "datasource db {\n  // poolcheck:ignore prod-tls-disabled // no reason\n  url = \"postgres://app@db/app?sslmode=disable\"\n}\n",
			want: []string{"2:3 ignore-malformed // poolcheck:ignore prod-tls-disabled // no reason", "3:40 prod-tls-disabled disable"}},
	})
}

// TestLinearTime feeds each reader inputs built to make a careless one
// quadratic or deeply recursive: each must finish in well under a
// second on a quiet machine (the bound allows for a loaded one).
func TestLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	const n = 200_000
	inputs := map[*format][]string{
		fmtJS: {
			strings.Repeat("a&&", n) + "'postgres://x@y/z?sslmode=disable'",
			strings.Repeat("if(process.env.NODE_ENV==='test')", n/10) + "x='postgres://x@y/z'",
			strings.Repeat("x?", n) + "1",
			strings.Repeat("/*a*/", n),
			strings.Repeat("(/", n),
			strings.Repeat("`${", n/4),
			strings.Repeat("typeof ", n) + "'postgres://x@y/z'",
			strings.Repeat("'a'+", n) + "'postgres://x@y/z?sslmode=disable'",
			strings.Repeat("const a = b;", n/4),
			// constants: texts that double at each step, conditionals that
			// share branches, a long chain of aliases, early returns, pools
			chainOf("const A0 = 'xxxxxxxx';", "const A%d = A%d + A%d;", 40) + "u = A40 + '?sslmode=disable';",
			chainOf("const O0 = {k: '?sslmode=disable'};", "const O%d = c ? O%d : O%d;", 60) + "u = x + O60.k;",
			chainOf("const B0 = '?connection_limit=1';", "const B%d = B%d;//%d", n/20) + "u = x + B" + strconv.Itoa(n/20) + ";",
			strings.Repeat("if (process.env.NODE_ENV !== 'test') { return a; }", n/20) + "u = x + '?connection_limit=1';",
			"const { Pool } = require('pg');" + strings.Repeat("new Pool({ max: 1, idleTimeoutMillis: -1 });", n/20),
		},
		fmtYAML: {
			strings.Repeat("- \"a\" # c\n", n/4),
			strings.Repeat("[", n/10) + "\n",
		},
		fmtJSON: {
			strings.Repeat("[", n) + strings.Repeat("]", n),
			strings.Repeat("/**/", n) + "1",
			"[" + strings.Repeat("\"postgres://x@y/z?sslmode=disable\",", n/20) + "1]",
		},
		fmtTOML:       {strings.Repeat("a = [", 100) + "\n", "a = [" + strings.Repeat("\"x\",", n/10) + "]\n"},
		fmtEnv:        {strings.Repeat("A=\"", n/2), strings.Repeat("A=${", n/2)},
		fmtProperties: {strings.Repeat("a\\\n", n)},
		fmtINI:        {strings.Repeat("[s]\na=b ; c\n", n/10)},
		fmtPrisma:     {strings.Repeat("datasource d {", n/10)},
	}
	for fm, srcs := range inputs {
		for i, src := range srcs {
			start := time.Now()
			fs := &fileScan{src: []byte(src)}
			fm.parse(fs)
			r := &fileRun{w: walked{path: "f"}, rel: "f", pol: defaultPolicy(), src: fs.src}
			for _, v := range fs.values {
				r.judge(v)
			}
			for i := range fs.pools {
				r.judgePool(&fs.pools[i])
			}
			r.suppress(fs.comments)
			r.settle()
			d := time.Since(start)
			t.Logf("%s input %d (%d bytes): %v", fm.name, i, len(src), d)
			if d > 10*time.Second {
				t.Errorf("%s input %d (%d bytes): %v", fm.name, i, len(src), d)
			}
		}
	}
}

// chainOf is first, then line formatted with i, i-1, i-1 for i in 1..n.
func chainOf(first, line string, n int) string {
	var b strings.Builder
	b.WriteString(first)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, line, i, i-1, i-1)
	}
	return b.String()
}
