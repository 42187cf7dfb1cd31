package scan

import (
	"path/filepath"
	"strings"
)

// parseJS reads a JS/TS file: each string or template literal, with the
// literals and expressions '+' joins it to, is one value (see chain).
// Its key is the name it is assigned to (const DATABASE_URL = ...,
// process.env.DATABASE_URL = ..., url: ...) or the function it is passed
// to; it applies to tests when it lies in code that only runs under test
// (see testRegions).
func parseJS(f *fileScan) {
	toks := lexJS(f.src, f)
	a := newJSFile(f.src)
	a.each(toks, a.aliases)
	a.each(toks, a.regions)
	a.declare(a.stream(toks))
	a.each(toks, a.references)
	a.each(toks, func(s *jstream) { a.chains(s, f) })
	a.libraries(a.stream(toks), f, filepath.Base(f.path))
}

func newJSFile(src []byte) *jsFile {
	return &jsFile{src: src, str: string(src), flags: make(map[string]int), envs: make(map[string]bool),
		consts: make(map[string]*jdecl), ambiguous: make(map[string]bool), refd: make(map[string]bool),
		inits:   make(map[int]*jdecl),
		streams: make(map[*jtok]*jstream)}
}

// The environment a JS program runs in, as test code checks it.
var (
	// envNames are the variables whose value names the environment:
	// process.env.NODE_ENV === "test", import.meta.env.MODE === "test".
	envNames = map[string]bool{"NODE_ENV": true, "APP_ENV": true, "ENV": true, "ENVIRONMENT": true, "MODE": true, "BABEL_ENV": true}
	// testRunnerVars are set only under a test runner: Jest sets
	// JEST_WORKER_ID in every worker, Vitest sets VITEST.
	testRunnerVars = map[string]bool{"JEST_WORKER_ID": true, "VITEST": true, "VITEST_WORKER_ID": true, "VITEST_POOL_ID": true}
)

// jsFile is what the analysis of one file keeps across its streams.
type jsFile struct {
	src      []byte
	str      string          // src, once, so that token texts are substrings
	flags    map[string]int  // const isTest = NODE_ENV === "test": +1; a negated test: -1
	envs     map[string]bool // const env = process.env.NODE_ENV: an alias of an env name
	testCode [][2]int        // file bytes of code that runs only under test

	consts     map[string]*jdecl  // const bindings (jsconst.go)
	constFirst [256]bool          // the first bytes of their names
	ambiguous  map[string]bool    // names declared more than once, or with let or var
	refd       map[string]bool    // const names a chain refers to as a whole operand
	work       int                // evaluation steps spent
	built      int                // bytes of text built from constants
	streams    map[*jtok]*jstream // by first token: each stream built once
	inits      map[int]*jdecl     // by the file offset of its initializer: the consts not destructured
}

// jstream is one token stream (the file, or a ${...} part) with its
// bracket matches.
type jstream struct {
	toks  []jtok
	match []int // index of the matching bracket, -1 if none
	enc   []int // the innermost open bracket around each token; built on demand
}

// each calls fn for the file's stream and every ${...} part's, in order.
func (a *jsFile) each(toks []jtok, fn func(*jstream)) {
	fn(a.stream(toks))
	for _, t := range toks {
		if t.tmpl != nil {
			for _, h := range t.tmpl.holes {
				a.each(h.toks, fn)
			}
		}
	}
}

// stream returns the stream of toks, its brackets matched once.
func (a *jsFile) stream(toks []jtok) *jstream {
	if len(toks) == 0 {
		return &jstream{}
	}
	if s, ok := a.streams[&toks[0]]; ok {
		return s
	}
	s := &jstream{toks: toks, match: matchBrackets(a.src, toks)}
	if a.streams != nil {
		a.streams[&toks[0]] = s
	}
	return s
}

func matchBrackets(src []byte, toks []jtok) []int {
	match := make([]int, len(toks))
	var stack []int
	for i, t := range toks {
		match[i] = -1
		if t.kind != jPunct || t.end-t.start != 1 {
			continue
		}
		switch c := src[t.start]; c {
		case '(', '[', '{':
			stack = append(stack, i)
		case ')', ']', '}':
			if n := len(stack); n > 0 && src[toks[stack[n-1]].start] == opener(c) {
				match[i], match[stack[n-1]] = stack[n-1], i
				stack = stack[:n-1]
			}
		}
	}
	return match
}

func opener(c byte) byte {
	switch c {
	case ')':
		return '('
	case ']':
		return '['
	}
	return '{'
}

// tx returns token i's text, "" out of range.
func (a *jsFile) tx(s *jstream, i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	t := s.toks[i]
	return a.str[t.start:t.end]
}

func (a *jsFile) is(s *jstream, i int, kind jkind, text string) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == kind && a.tx(s, i) == text
}

func (a *jsFile) punct(s *jstream, i int, text string) bool { return a.is(s, i, jPunct, text) }

// ---------------------------------------------------------------- aliases

// aliases records the names a file gives to the environment and to test
// conditions, in source order:
//
//	const env = process.env.NODE_ENV           env is an env name
//	const isTest = process.env.NODE_ENV === "test"      isTest is a test flag
//	const isTest = () => env === "test"        so is a function returning one
//	function isTest() { return env === "test" }
func (a *jsFile) aliases(s *jstream) {
	for i := 0; i+3 < len(s.toks); i++ {
		switch a.tx(s, i) {
		case "const", "let", "var":
			if s.toks[i].kind != jIdent || s.toks[i+1].kind != jIdent || !a.punct(s, i+2, "=") {
				continue
			}
			name := a.tx(s, i+1)
			b := i + 3
			e := a.exprEnd(s, b)
			b = a.arrowBody(s, b, e)
			if v := a.cond(s, b, e); v != 0 {
				a.flags[name] = v
			} else if a.mentionsEnv(s, b, e) && !a.compares(s, b, e) {
				a.envs[name] = true
			}
		case "function":
			// function NAME ( ) { return COND ; }
			if s.toks[i+1].kind != jIdent || !a.punct(s, i+2, "(") {
				continue
			}
			p := s.match[i+2]
			if p < 0 || !a.punct(s, p+1, "{") || !a.is(s, p+2, jIdent, "return") {
				continue
			}
			body := s.match[p+1]
			e := a.exprEnd(s, p+3)
			if body < 0 || e > body {
				continue
			}
			if v := a.cond(s, p+3, e); v != 0 {
				a.flags[a.tx(s, i+1)] = v
			}
		}
	}
}

// arrowBody skips an arrow function's parameters: "() =>" or "x =>".
func (a *jsFile) arrowBody(s *jstream, b, e int) int {
	switch {
	case a.punct(s, b, "(") && s.match[b] > b && s.match[b]+1 < e && a.punct(s, s.match[b]+1, "=>"):
		return s.match[b] + 2
	case b+1 < e && s.toks[b].kind == jIdent && a.punct(s, b+1, "=>"):
		return b + 2
	}
	return b
}

func (a *jsFile) mentionsEnv(s *jstream, b, e int) bool {
	for i := b; i < e; i++ {
		if s.toks[i].kind == jIdent && (envNames[a.tx(s, i)] || a.envs[a.tx(s, i)]) {
			return true
		}
		if s.toks[i].kind == jStr && envNames[a.strValue(s, i)] {
			return true
		}
	}
	return false
}

func (a *jsFile) compares(s *jstream, b, e int) bool {
	for i := b; i < e; i++ {
		switch a.tx(s, i) {
		case "===", "==", "!==", "!=", "?":
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------- conditions

// cond judges the condition in tokens [b, e): +1 when it holds only
// under test, -1 when it fails under test (so its else branch runs only
// under test), 0 when it says nothing either way.
//
// A conjunction (&&) holds only under test if one operand does, and
// fails under test if every operand does; a disjunction (||) holds only
// under test if every operand does, and fails under test if one does.
// An operand is a comparison of an env name with a test word (===, ==
// give +1; !==, != give -1), typeof or undefined checks of a test-runner
// variable, a test-runner variable alone, a test flag (isTest,
// isTest()), ["test", ...].includes(env), '!' before any of these
// (which flips it), or a parenthesized condition.
func (a *jsFile) cond(s *jstream, b, e int) int {
	for b < e && a.punct(s, b, "(") && s.match[b] == e-1 {
		b, e = b+1, e-1
	}
	if b >= e {
		return 0
	}
	var ops []int
	and, or := false, false
	for i := b; i < e; i++ {
		if m := s.match[i]; m > i && m < e && s.toks[i].kind == jPunct {
			i = m
			continue
		}
		switch a.tx(s, i) {
		case "&&":
			and = true
			ops = append(ops, i)
		case "||", "??":
			or = true
			ops = append(ops, i)
		case "?", "=", ",", ";":
			return 0 // not a plain condition
		}
	}
	if len(ops) == 0 {
		return a.atom(s, b, e)
	}
	if and && or {
		return 0
	}
	var vs []int
	from := b
	for _, op := range append(ops, e) {
		vs = append(vs, a.cond(s, from, op))
		from = op + 1
	}
	count := func(v int) int {
		n := 0
		for _, x := range vs {
			if x == v {
				n++
			}
		}
		return n
	}
	switch {
	case and && count(+1) > 0, or && count(+1) == len(vs):
		return +1
	case and && count(-1) == len(vs), or && count(-1) > 0:
		return -1
	}
	return 0
}

// atom judges one operand of a condition.
func (a *jsFile) atom(s *jstream, b, e int) int {
	if a.punct(s, b, "!") {
		return -a.atom(s, b+1, e)
	}
	if a.punct(s, b, "(") && s.match[b] == e-1 {
		return a.cond(s, b+1, e-1)
	}
	for i := b; i < e; i++ {
		if m := s.match[i]; m > i && m < e && s.toks[i].kind == jPunct {
			i = m
			continue
		}
		switch op := a.tx(s, i); op {
		case "===", "==", "!==", "!=":
			sign := +1
			if op[0] == '!' {
				sign = -1
			}
			return sign * a.comparison(s, b, i, e)
		}
	}
	if v := a.includes(s, b, e); v != 0 {
		return v
	}
	name, ok := a.ref(s, b, e)
	switch {
	case !ok:
	case testRunnerVars[name]:
		return +1
	case a.flags[name] != 0:
		return a.flags[name]
	}
	return 0
}

// comparison judges left == right, for tokens [b, op) and (op, e): +1
// when equality means "under test", -1 when it means "not under test".
func (a *jsFile) comparison(s *jstream, b, op, e int) int {
	l, r := [2]int{b, op}, [2]int{op + 1, e}
	for _, sides := range [][2][2]int{{l, r}, {r, l}} {
		x, y := sides[0], sides[1]
		if a.isEnv(s, x[0], x[1]) && a.isTestString(s, y[0], y[1]) {
			return +1
		}
		// typeof process.env.JEST_WORKER_ID === "undefined"; x === undefined
		if a.is(s, x[0], jIdent, "typeof") {
			x[0]++
		}
		if name, ok := a.ref(s, x[0], x[1]); ok && testRunnerVars[name] && a.isUndefined(s, y[0], y[1]) {
			return -1
		}
	}
	return 0
}

// includes judges ["test", ...].includes(env).
func (a *jsFile) includes(s *jstream, b, e int) int {
	if !a.punct(s, b, "[") || s.match[b] < 0 || s.match[b]+4 >= e+1 {
		return 0
	}
	m := s.match[b]
	if !a.punct(s, m+1, ".") || !a.is(s, m+2, jIdent, "includes") || !a.punct(s, m+3, "(") || s.match[m+3] != e-1 {
		return 0
	}
	if !a.isEnv(s, m+4, e-1) {
		return 0
	}
	for i := b + 1; i < m; i++ {
		if s.toks[i].kind == jStr && isTestWord(a.strValue(s, i)) {
			return +1
		}
	}
	return 0
}

// ref reads tokens [b, e) as a reference: name, a.b.name, a?.name,
// a["name"], or a call of one of these with no arguments. It returns the
// last name.
func (a *jsFile) ref(s *jstream, b, e int) (string, bool) {
	if e-b >= 2 && a.punct(s, e-1, ")") && a.punct(s, e-2, "(") {
		e -= 2
	}
	if b >= e {
		return "", false
	}
	name := ""
	for i := b; i < e; {
		t := s.toks[i]
		switch {
		case t.kind == jIdent && (i == b || a.punct(s, i-1, ".") || a.punct(s, i-1, "?.")):
			name = a.tx(s, i)
			i++
		case (a.punct(s, i, ".") || a.punct(s, i, "?.")) && i > b:
			i++
		case a.punct(s, i, "[") && i > b && s.match[i] == i+2 && s.toks[i+1].kind == jStr:
			name = a.strValue(s, i+1)
			i += 3
		default:
			return "", false
		}
	}
	return name, name != ""
}

// isEnv reports a reference to an env name or an alias of one.
func (a *jsFile) isEnv(s *jstream, b, e int) bool {
	name, ok := a.ref(s, b, e)
	return ok && (envNames[name] || a.envs[name] && e-b == 1)
}

func (a *jsFile) isTestString(s *jstream, b, e int) bool {
	return e == b+1 && (s.toks[b].kind == jStr || s.toks[b].kind == jTmpl && len(s.toks[b].tmpl.holes) == 0) && isTestWord(a.strValue(s, b))
}

func (a *jsFile) isUndefined(s *jstream, b, e int) bool {
	return e == b+1 && (a.tx(s, b) == "undefined" || s.toks[b].kind == jStr && a.strValue(s, b) == "undefined")
}

// strValue is the decoded value of a string token (or a template
// without parts).
func (a *jsFile) strValue(s *jstream, i int) string {
	t := s.toks[i]
	if raw := a.str[min(t.start+1, t.end):max(t.start+1, t.end-1)]; !strings.ContainsAny(raw, "\\\r") {
		return raw // nothing to decode: no allocation
	}
	var b builder
	b.begin(t.start+1, nil)
	decodeJS(&b, a.src, t.start+1, max(t.start+1, t.end-1), t.kind == jTmpl)
	return string(b.s)
}

// ---------------------------------------------------------------- regions

// regions records the code that runs only under test:
//
//	if (COND) A else B            A when COND is +1, B when it is -1
//	COND ? A : B                  likewise
//	COND && A                     A when COND is +1
//	switch (env) { case "test": A }
//	{ test: A }                   a "test" section of a config object
//	                              (knexfile, Sequelize config)
func (a *jsFile) regions(s *jstream) {
	for i := range s.toks {
		switch t := s.toks[i]; {
		case t.kind == jIdent && a.tx(s, i) == "if" && a.punct(s, i+1, "("):
			p := s.match[i+1]
			if p < 0 {
				continue
			}
			v := a.cond(s, i+2, p)
			if v == 0 {
				continue
			}
			ce := a.stmtEnd(s, p+1, 0)
			if v > 0 {
				a.region(s, p+1, ce)
			}
			if v < 0 && !a.is(s, ce, jIdent, "else") && a.exits(s, p+1, ce) {
				a.region(s, ce, a.caseEnd(s, ce, a.blockEnd(s, i)))
			}
			if v < 0 && a.is(s, ce, jIdent, "else") {
				a.region(s, ce+1, a.stmtEnd(s, ce+1, 0))
			}
		case t.kind == jIdent && a.tx(s, i) == "switch" && a.punct(s, i+1, "("):
			if p := s.match[i+1]; p > 0 && a.isEnv(s, i+2, p) && a.punct(s, p+1, "{") {
				a.cases(s, p+1)
			}
		case a.punct(s, i, "?"):
			a.ternary(s, i)
		case a.punct(s, i, "&&"):
			if a.cond(s, a.exprStart(s, i, true), i) > 0 {
				a.region(s, i+1, a.andEnd(s, i+1))
			}
		case a.punct(s, i, ":") && i > 0 && (s.toks[i-1].kind == jIdent || s.toks[i-1].kind == jStr) &&
			(a.punct(s, i-2, "{") || a.punct(s, i-2, ",")):
			key := a.tx(s, i-1)
			if s.toks[i-1].kind == jStr {
				key = a.strValue(s, i-1)
			}
			if isTestWord(key) {
				a.region(s, i+1, a.exprEnd(s, i+1))
			}
		}
	}
}

// exits reports whether the statement [b, e) always leaves its block:
// it is a return or throw, or a block whose last statement is one.
func (a *jsFile) exits(s *jstream, b, e int) bool {
	if !a.punct(s, b, "{") || s.match[b] != e-1 {
		return a.is(s, b, jIdent, "return") || a.is(s, b, jIdent, "throw")
	}
	last := -1
	for i := b + 1; i < e-1; {
		last = i
		i = a.stmtEnd(s, i, 0)
	}
	return last >= 0 && (a.is(s, last, jIdent, "return") || a.is(s, last, jIdent, "throw"))
}

// blockEnd returns the index of the brace that closes the block holding
// token i, or the end of the stream at the top level: what follows an
// early exit runs only when its condition failed. Inside parentheses or
// brackets there is no block to end: it returns i.
func (a *jsFile) blockEnd(s *jstream, i int) int {
	if s.enc == nil {
		s.enc = enclosing(a.src, s)
	}
	o := s.enc[i]
	switch {
	case o < 0:
		return len(s.toks)
	case a.punct(s, o, "{") && s.match[o] > i:
		return s.match[o]
	}
	return i
}

// enclosing gives, for each token, the index of the innermost bracket
// open around it (-1 at the top level), in one pass.
func enclosing(src []byte, s *jstream) []int {
	enc := make([]int, len(s.toks))
	var stack []int
	for i, t := range s.toks {
		if t.kind == jPunct && t.end-t.start == 1 {
			switch src[t.start] {
			case ')', ']', '}':
				if n := len(stack); n > 0 && s.match[i] == stack[n-1] {
					stack = stack[:n-1]
				}
			}
		}
		enc[i] = -1
		if n := len(stack); n > 0 {
			enc[i] = stack[n-1]
		}
		if t.kind == jPunct && t.end-t.start == 1 && s.match[i] > i {
			stack = append(stack, i)
		}
	}
	return enc
}

// caseEnd returns where the code after an early exit ends inside a
// switch: at the next case or default label of its level, else at end.
// The search is bounded, so that many exits in one switch stay linear.
func (a *jsFile) caseEnd(s *jstream, from, end int) int {
	if from >= len(s.toks) {
		return end
	}
	if o := s.enc[from]; o < 1 || !a.punct(s, o-1, ")") || !a.is(s, s.match[o-1]-1, jIdent, "switch") {
		return end // not a switch body
	}
	for j, steps := from, 0; j < end; j, steps = j+1, steps+1 {
		if steps > maxBranch {
			return j
		}
		if m := s.match[j]; m > j {
			j = m
			continue
		}
		if a.is(s, j, jIdent, "case") || a.is(s, j, jIdent, "default") && a.punct(s, j+1, ":") {
			return j
		}
	}
	return end
}

// ternary records the branch of COND ? A : B that runs only under test.
func (a *jsFile) ternary(s *jstream, q int) {
	v := a.cond(s, a.exprStart(s, q, false), q)
	if v == 0 {
		return
	}
	colon, nested := -1, 0
	for i, steps := q+1, 0; i < len(s.toks) && steps < maxBranch; i, steps = i+1, steps+1 {
		if m := s.match[i]; m > i {
			i = m
			continue
		}
		switch a.tx(s, i) {
		case "?":
			nested++
		case ":":
			if nested == 0 {
				colon = i
			}
			nested--
		case ";", ",", ")", "]", "}":
			if s.toks[i].kind == jPunct {
				i = len(s.toks)
			}
		}
		if colon >= 0 {
			break
		}
	}
	if colon < 0 {
		return
	}
	if v > 0 {
		a.region(s, q+1, colon)
	} else {
		a.region(s, colon+1, a.exprEnd(s, colon+1))
	}
}

// cases records the bodies of case "test": in a switch on an env name.
func (a *jsFile) cases(s *jstream, open int) {
	end := s.match[open]
	if end < 0 {
		return
	}
	from := -1
	for i := open + 1; i < end; i++ {
		if m := s.match[i]; m > i {
			i = m
			continue
		}
		if w := a.tx(s, i); s.toks[i].kind == jIdent && (w == "case" || w == "default") {
			// A label right after another label shares its body.
			if from >= 0 && !a.punct(s, i-1, ":") {
				a.region(s, from, i)
				from = -1
			}
			if w == "case" && i+2 < end && a.punct(s, i+2, ":") && s.toks[i+1].kind == jStr && isTestWord(a.strValue(s, i+1)) && from < 0 {
				from = i + 3
			}
		}
	}
	if from >= 0 {
		a.region(s, from, end)
	}
}

// region marks tokens [b, e) as test code.
func (a *jsFile) region(s *jstream, b, e int) {
	if b < 0 || b >= e || e > len(s.toks) {
		return
	}
	a.testCode = append(a.testCode, [2]int{s.toks[b].start, s.toks[e-1].end})
}

func (a *jsFile) inTest(off int) bool {
	for _, r := range a.testCode {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------- extents

// stmtEnd returns the index after the statement starting at i: a block,
// an if statement with its else branches, or an expression statement.
func (a *jsFile) stmtEnd(s *jstream, i, depth int) int {
	switch {
	case i >= len(s.toks):
		return len(s.toks)
	case a.punct(s, i, "{") && s.match[i] > i:
		return s.match[i] + 1
	case a.is(s, i, jIdent, "if") && a.punct(s, i+1, "(") && s.match[i+1] > i:
		if depth >= 64 { // too deep to follow: the statement is its head
			return s.match[i+1] + 1
		}
		e := a.stmtEnd(s, s.match[i+1]+1, depth+1)
		if a.is(s, e, jIdent, "else") {
			e = a.stmtEnd(s, e+1, depth+1)
		}
		return e
	}
	e := a.exprEnd(s, i)
	if a.punct(s, e, ";") {
		e++
	}
	return max(e, i+1)
}

// How far the analysis looks, in tokens (a bracketed group counts as
// one), so that any input costs linear time: a condition (back from its
// operator), a ternary's branch, an expression.
const (
	maxCond   = 64
	maxBranch = 1024
	maxExpr   = 4096
)

// exprEnd returns the index after the expression starting at i: the
// next ';' or ',' at its level, a closing bracket it did not open, or a
// line break where the statement evidently ends.
func (a *jsFile) exprEnd(s *jstream, i int) int {
	for j, steps := i, 0; j < len(s.toks); j, steps = j+1, steps+1 {
		if steps > maxExpr {
			return j
		}
		t := s.toks[j]
		if j > i && t.nl && !a.continues(s, j) {
			return j
		}
		if m := s.match[j]; m > j {
			j = m
			continue
		}
		if t.kind == jPunct {
			switch a.tx(s, j) {
			case ";", ",", ")", "]", "}":
				return j
			}
		}
	}
	return len(s.toks)
}

// andEnd returns the index after the right operand of && at i-1:
// up to ||, ??, ?, :, or where the expression ends.
func (a *jsFile) andEnd(s *jstream, i int) int {
	e := a.exprEnd(s, i)
	for j := i; j < e; j++ {
		if m := s.match[j]; m > j {
			j = m
			continue
		}
		switch a.tx(s, j) {
		case "||", "??", "?", ":":
			if s.toks[j].kind == jPunct {
				return j
			}
		}
	}
	return e
}

// exprStart returns where the condition before the operator at i starts:
// after an assignment, an opening bracket, ',', ';', '?', ':', "=>",
// return, or where the statement starts; for && (and), also after || and
// ??, which bind more loosely.
func (a *jsFile) exprStart(s *jstream, i int, and bool) int {
	j := i - 1
	for ; j >= 0; j-- {
		if i-j > maxCond {
			return j + 1
		}
		t := s.toks[j]
		if t.kind == jPunct {
			w := a.tx(s, j)
			if m := s.match[j]; m >= 0 && m < j { // a closing bracket: its group
				j = m
				if s.toks[j].nl && !a.continues(s, j) {
					return j
				}
				continue
			}
			switch w {
			case "(", "[", "{", ",", ";", "?", ":", "=>", "=", "+=", "-=", "||=", "&&=", "??=":
				return j + 1
			case "||", "??":
				if and {
					return j + 1
				}
			}
		}
		if t.kind == jIdent {
			switch a.tx(s, j) {
			case "return", "case", "throw", "yield", "await":
				return j + 1
			}
		}
		if t.nl && !a.continues(s, j) {
			return j
		}
	}
	return 0
}

// continues reports whether token j, first on its line, continues the
// expression of the line before: an operator ends that line or starts
// this one.
func (a *jsFile) continues(s *jstream, j int) bool {
	if j == 0 {
		return false
	}
	if s.toks[j-1].kind == jPunct {
		switch a.tx(s, j-1) {
		case ")", "]", "}", "++", "--", ";":
		default:
			return true
		}
	}
	if s.toks[j].kind == jPunct {
		switch a.tx(s, j) {
		case ".", "?.", "?", ":", "&&", "||", "??", "+", "-", "*", "/", "%", "**", "===", "==", "!==", "!=",
			"<", ">", "<=", ">=", "=", "=>", "|", "&", "^", "<<", ">>", ">>>", ",":
			return true
		}
	}
	if s.toks[j].kind == jIdent {
		switch a.tx(s, j) {
		case "instanceof", "in", "as", "satisfies":
			return true
		}
	}
	return false
}

// ---------------------------------------------------------------- chains

// chains finds each literal, and each reference to a const string, and
// what '+' joins to it. A chain is a run of operands joined by '+': a
// string literal is constant, a template literal constant except the
// ${...} parts that are not, a name or property of a constant
// (jsconst.go) its value, anything else (process.env.X, a call) a part
// that is not constant. `url += "?..."` starts with the current value
// of url, which is not constant. A conditional constant forks the chain:
// each branch is a value of its own, in the scope of its condition.
//
// The initializer of a const that a chain refers to is not a value
// where it is declared: it takes the scope of the code that uses it.
func (a *jsFile) chains(s *jstream, f *fileScan) {
	done := make([]bool, len(s.toks))
	for i, t := range s.toks {
		if done[i] || t.kind != jStr && t.kind != jTmpl && !a.isRef(s, i) {
			continue
		}
		start := i
		for start >= 2 && a.punct(s, start-1, "+") {
			os := a.operandStart(s, start-2)
			if os < 0 {
				break
			}
			start = os
		}
		vs := []variant{{}}
		if a.punct(s, start-1, "+=") {
			ts := a.operandStart(s, start-2)
			if ts < 0 {
				ts = start - 1
			}
			vs[0].b.hole(s.toks[max(ts, 0)].start, s.toks[start-1].start)
		}
		end := start
		for j := start; j < len(s.toks); {
			e := a.operandEnd(s, j)
			if e <= j {
				break
			}
			vs = a.chainOperand(vs, s, j, e, 0)
			for k := j; k < e; k++ {
				done[k] = true
			}
			end = e
			if !a.punct(s, e, "+") {
				break
			}
			j = e + 1
		}
		if a.referencedInit(s, start, end) {
			continue
		}
		first := s.toks[start].start
		use := a.inTest(first)
		where := [2]int{first, s.toks[max(end-1, start)].end}
		key := a.keyFor(s, start)
		name := key
		if name == "" && a.far(vs, where) {
			name = a.funcName(s, start)
		}
		for k := range vs {
			v := &vs[k]
			if v.dead || len(v.b.parts) == 0 || v.sign < 0 && use {
				continue
			}
			f.value(value{t: v.b.text(), key: key, test: use || v.sign > 0, use: where, name: name})
		}
	}
}

// far reports whether a chain's text comes in part from outside its own
// bytes (a constant declared elsewhere): then messages name the chain.
func (a *jsFile) far(vs []variant, where [2]int) bool {
	for i := range vs {
		for _, p := range vs[i].b.parts {
			if !p.hole && (p.src0 < where[0] || p.src1 > where[1]) {
				return true
			}
		}
	}
	return false
}

// chainOperand appends tokens [b, e) to each variant of a chain: a
// literal as its text (a template's parts evaluated), else the constant
// they evaluate to, else a hole.
func (a *jsFile) chainOperand(vs []variant, s *jstream, b, e, depth int) []variant {
	t := s.toks[b]
	switch {
	case e == b+1 && t.kind == jStr:
		q := a.src[t.start]
		enc := encJSSingle
		if q == '"' {
			enc = encJSDouble
		}
		end := t.end
		if end-1 > t.start && a.src[end-1] == q {
			end--
		} else {
			enc = nil // not closed: no fix
		}
		for i := range vs {
			out := &vs[i].b
			out.grow(end - t.start)
			out.begin(t.start+1, enc)
			decodeJS(out, a.src, t.start+1, end, false)
			out.end(end)
		}
	case e == b+1 && t.kind == jTmpl:
		for k, c := range t.tmpl.chunks {
			if k > 0 {
				h := t.tmpl.holes[k-1]
				hs := a.stream(h.toks)
				vs = a.append(vs, a.eval(hs, 0, len(hs.toks), depth+1), h.start, h.end)
			}
			for i := range vs {
				out := &vs[i].b
				out.begin(c[0], encJSTemplate)
				decodeJS(out, a.src, c[0], c[1], true)
				out.end(c[1])
			}
		}
	default:
		vs = a.append(vs, a.eval(s, b, e, depth+1), t.start, s.toks[e-1].end)
	}
	return vs
}

// isRef reports whether token i starts a reference to a const string as
// a whole operand: NAME, or a property of a const object (C.TEST.URL,
// C['TEST'].URL), not a property name, an object key or the declared
// name itself.
func (a *jsFile) isRef(s *jstream, i int) bool {
	if !a.refPos(s, i) {
		return false
	}
	e := a.operandEnd(s, i)
	if !a.pureRef(s, i, e) {
		return false
	}
	for _, l := range flatten(a.reference(s, i, e, 0), 0, nil) {
		if l.v.kind == jvStr {
			return true
		}
	}
	return false
}

// pureRef reports whether tokens [b, e) are a name with properties and
// nothing else: no call, no computed key but a string.
func (a *jsFile) pureRef(s *jstream, b, e int) bool {
	for i := b + 1; i < e; {
		switch {
		case (a.punct(s, i, ".") || a.punct(s, i, "?.")) && i+1 < e && s.toks[i+1].kind == jIdent:
			i += 2
		case a.punct(s, i, "[") && s.match[i] == i+2 && i+2 < e && s.toks[i+1].kind == jStr:
			i += 3
		default:
			return false
		}
	}
	return true
}

// refPos reports whether token i is a name in the position of a
// reference to a const.
func (a *jsFile) refPos(s *jstream, i int) bool {
	t := s.toks[i]
	if t.kind != jIdent || len(a.consts) == 0 || !a.constFirst[a.src[t.start]] {
		return false
	}
	d, ok := a.consts[a.tx(s, i)]
	switch {
	case !ok || a.ambiguous[a.tx(s, i)]:
		return false
	case d.s == s && d.name == i:
		return false
	case a.punct(s, i-1, ".") || a.punct(s, i-1, "?."):
		return false
	case a.punct(s, i+1, ":") && (a.punct(s, i-1, "{") || a.punct(s, i-1, ",")):
		return false
	}
	return true
}

// references records the consts that chains refer to as a whole operand.
func (a *jsFile) references(s *jstream) {
	for i := range s.toks {
		if a.refPos(s, i) && a.operandEnd(s, i) == i+1 {
			a.refd[a.tx(s, i)] = true
		}
	}
}

// referencedInit reports whether tokens [b, e) are the whole initializer
// of a const that some chain refers to.
func (a *jsFile) referencedInit(s *jstream, b, e int) bool {
	if b >= len(s.toks) {
		return false
	}
	d, ok := a.inits[s.toks[b].start]
	return ok && d.s == s && d.e == e && a.refd[a.tx(s, d.name)]
}

// operandStart returns where the operand whose last token is k starts:
// a.b.c, f(x), a[i], (expr), a literal; -1 when k ends no operand.
func (a *jsFile) operandStart(s *jstream, k int) int {
	for steps := 0; k >= 0 && steps < 256; steps++ {
		t := s.toks[k]
		switch {
		case t.kind == jPunct && (a.tx(s, k) == ")" || a.tx(s, k) == "]"):
			o := s.match[k]
			if o < 0 {
				return -1
			}
			k = o
			if k > 0 && (s.toks[k-1].kind == jIdent && !exprKeywords[a.tx(s, k-1)] || a.punct(s, k-1, ")") || a.punct(s, k-1, "]") || a.punct(s, k-1, "?.")) {
				k--
				if a.punct(s, k, "?.") {
					k--
				}
				continue
			}
			return k
		case t.kind == jIdent || t.kind == jNum || t.kind == jStr || t.kind == jTmpl || t.kind == jRegex:
			if k >= 2 && (a.punct(s, k-1, ".") || a.punct(s, k-1, "?.")) {
				k -= 2
				continue
			}
			return k
		default:
			return -1
		}
	}
	return -1
}

// operandEnd returns the index after the operand that starts at j, or j
// when none starts there.
func (a *jsFile) operandEnd(s *jstream, j int) int {
	start := j
	for j < len(s.toks) && s.toks[j].kind == jIdent && (a.tx(s, j) == "typeof" || a.tx(s, j) == "await" || a.tx(s, j) == "new") {
		j++
	}
	if j >= len(s.toks) {
		return start
	}
	var e int
	switch t := s.toks[j]; {
	case t.kind == jIdent || t.kind == jNum || t.kind == jStr || t.kind == jTmpl || t.kind == jRegex:
		e = j + 1
	case a.punct(s, j, "(") || a.punct(s, j, "["):
		if s.match[j] < 0 {
			return start
		}
		e = s.match[j] + 1
	default:
		return start
	}
	for e < len(s.toks) && !s.toks[e].nl {
		switch {
		case (a.punct(s, e, ".") || a.punct(s, e, "?.")) && e+1 < len(s.toks) && s.toks[e+1].kind == jIdent:
			e += 2
		case (a.punct(s, e, "(") || a.punct(s, e, "[")) && s.match[e] > e:
			e = s.match[e] + 1
		case a.punct(s, e, "!"): // TypeScript's non-null assertion
			e++
		default:
			return e
		}
	}
	return e
}

// funcName names the function whose body holds token i, for messages:
// "databaseUrl()" for function databaseUrl() { ... }, const
// databaseUrl = () => { ... } or a method; "" at the top level.
func (a *jsFile) funcName(s *jstream, i int) string {
	open := -1
	for j, steps := i-1, 0; j >= 0 && steps < maxCond*4; j, steps = j-1, steps+1 {
		if m := s.match[j]; m >= 0 && m < j {
			j = m
			continue
		}
		if a.punct(s, j, "{") {
			open = j
			break
		}
	}
	if open < 1 {
		return ""
	}
	k := open - 1
	if a.punct(s, k, "=>") {
		k--
	}
	if a.punct(s, k, ")") && s.match[k] >= 0 {
		k = s.match[k] - 1
	}
	switch {
	case k >= 0 && s.toks[k].kind == jIdent && !exprKeywords[a.tx(s, k)] && a.tx(s, k) != "if" && a.tx(s, k) != "for" && a.tx(s, k) != "while" && a.tx(s, k) != "switch":
		return a.tx(s, k) + "()"
	case a.punct(s, k, "=") && k > 0 && s.toks[k-1].kind == jIdent:
		return a.tx(s, k-1) + "()"
	}
	return ""
}

// keyFor names what a chain starting at token i is assigned or passed
// to: the target of '=' (the last name of process.env.DATABASE_URL or
// process.env["DATABASE_URL"]), the key of an object property, or the
// function called. It looks back over a ternary or a ||/?? default.
func (a *jsFile) keyFor(s *jstream, i int) string {
	for j, steps := i-1, 0; j >= 0 && steps < 64; j, steps = j-1, steps+1 {
		t := s.toks[j]
		if t.kind != jPunct {
			if t.kind == jIdent {
				switch a.tx(s, j) {
				case "return", "export", "default":
					return ""
				}
			}
			continue
		}
		if m := s.match[j]; m >= 0 && m < j {
			j = m
			continue
		}
		switch w := a.tx(s, j); w {
		case "=", "+=", "||=", "??=":
			return a.lastName(s, j-1)
		case ":":
			if a.punct(s, j-2, "{") || a.punct(s, j-2, ",") {
				if s.toks[j-1].kind == jStr {
					return a.strValue(s, j-1)
				}
				return a.tx(s, j-1)
			}
		case "(":
			return a.lastName(s, j-1)
		case ";", "{", "}", "[", ",", "=>":
			return ""
		}
	}
	return ""
}

// lastName returns the name a reference ending at token j ends with.
func (a *jsFile) lastName(s *jstream, j int) string {
	if j < 0 {
		return ""
	}
	if a.punct(s, j, "]") && j >= 2 && s.toks[j-1].kind == jStr {
		return a.strValue(s, j-1)
	}
	if s.toks[j].kind == jIdent {
		return strings.TrimPrefix(a.tx(s, j), "#")
	}
	return ""
}
