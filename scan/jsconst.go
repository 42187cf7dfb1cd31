package scan

import (
	"math"
	"strconv"
	"strings"
)

// Constant values in JS/TS. A const declaration's initializer is read
// lazily, when a chain or a library call refers to its name: strings,
// templates, numbers (30_000, 0x10, 30 * 1000), booleans, object
// literals (nested, Object.freeze(...), `as const`), property access
// (A.B.C, A['B'], A?.B), aliases (const pool = CONFIG.TEST),
// destructuring (const { TEST: pool } = CONFIG), concatenations and
// template holes made of these, and conditionals (c ? a : b), whose
// branches keep the verdict of their condition. Every string, number
// and boolean keeps its text mapped to the file, so a finding and its
// fix land where the value is written.
//
// A name declared more than once in a file (in two functions, or with
// let or var) is not resolved. Evaluation is bounded in depth and in
// work per file, so any input costs linear time.

// jvKind is the kind of a constant value.
type jvKind uint8

const (
	jvStr     jvKind = iota + 1 // a string, possibly with holes
	jvNum                       // an integer, its decimal spelling in t
	jvBool                      // true or false
	jvObj                       // an object literal
	jvAlt                       // one of several values: a conditional
	jvUnknown                   // a branch of a conditional that is not constant
)

// jv is a constant value.
type jv struct {
	kind  jvKind
	t     *text   // jvStr, jvNum, jvBool
	props []jprop // jvObj, in source order; the last of a repeated key wins
	open  bool    // jvObj: a spread or a computed key may add or change keys
	alts  []jalt  // jvAlt
	at    int     // jvObj: the file offset of its '{'
}

type jprop struct {
	key string
	v   *jv // nil: not constant
}

// jalt is one branch of a conditional: sign +1 when it runs only under
// test, -1 when only outside tests, 0 when either.
type jalt struct {
	sign int
	v    *jv
}

// jdecl is one const binding: its initializer's tokens, and for a
// destructured name the property path into it.
type jdecl struct {
	s     *jstream
	b, e  int
	path  []string
	name  int // token index of the name in s
	v     *jv
	state uint8 // 0 not read, 1 being read, 2 read
}

// Bounds on evaluation.
const (
	maxEvalDepth = 32       // nested references and expressions
	maxWork      = 50000    // evaluation steps per file
	maxVariants  = 8        // branches a chain or a value may fork into
	maxText      = 64 << 10 // bytes of one value built from constants
	maxBuilt     = 4 << 20  // bytes of all such values of a file
)

// declare records the const declarations of stream s (the file's own;
// declarations inside ${...} parts are not read).
func (a *jsFile) declare(s *jstream) {
	a.arrowsAndMethods(s)
	for i := 0; i+2 < len(s.toks); i++ {
		if s.toks[i].kind != jIdent {
			continue
		}
		switch w := a.tx(s, i); w {
		case "let", "var":
			if s.toks[i+1].kind == jIdent {
				a.ambiguous[a.tx(s, i+1)] = true
			}
		case "function", "catch":
			if j := i + 1 + btoi(s.toks[i+1].kind == jIdent); a.punct(s, j, "(") {
				a.params(s, j)
			}
		case "const":
			if a.punct(s, i-1, ".") {
				continue
			}
			a.declarators(s, i+1)
		}
	}
}

// params marks the names a parameter list at '(' open binds: they
// shadow any const of the same name.
func (a *jsFile) params(s *jstream, open int) {
	m := s.match[open]
	for j := open + 1; j < m; j++ {
		if s.toks[j].kind == jIdent && (a.punct(s, j-1, "(") || a.punct(s, j-1, ",") || a.punct(s, j-1, "{") ||
			a.punct(s, j-1, "[") || a.punct(s, j-1, "...")) {
			a.ambiguous[a.tx(s, j)] = true
		}
	}
}

// arrowsAndMethods marks the parameters of arrow functions and of
// methods (name(params) { ... }).
func (a *jsFile) arrowsAndMethods(s *jstream) {
	for i := 1; i < len(s.toks); i++ {
		switch {
		case a.punct(s, i, "=>") && s.toks[i-1].kind == jIdent:
			a.ambiguous[a.tx(s, i-1)] = true
		case a.punct(s, i, "=>") && a.punct(s, i-1, ")") && s.match[i-1] >= 0:
			a.params(s, s.match[i-1])
		case a.punct(s, i, "{") && a.punct(s, i-1, ")") && s.match[i-1] > 0 && s.toks[s.match[i-1]-1].kind == jIdent &&
			!blockKeywords[a.tx(s, s.match[i-1]-1)]:
			a.params(s, s.match[i-1])
		}
	}
}

// blockKeywords are followed by (...) { without being a method.
var blockKeywords = map[string]bool{"if": true, "for": true, "while": true, "switch": true, "catch": true, "with": true, "function": true}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// declarators reads "NAME [: T] = EXPR, ..." or "{ ... } = EXPR" from i.
func (a *jsFile) declarators(s *jstream, i int) {
	for n := 0; n < 64 && i < len(s.toks); n++ {
		switch {
		case s.toks[i].kind == jIdent:
			eq := a.typeEnd(s, i+1)
			if !a.punct(s, eq, "=") { // for (const x of xs): not a constant
				a.ambiguous[a.tx(s, i)] = true
				return
			}
			e := a.exprEnd(s, eq+1)
			a.bind(a.tx(s, i), &jdecl{s: s, b: eq + 1, e: e, name: i})
			i = e
		case a.punct(s, i, "{") && s.match[i] > i:
			m := s.match[i]
			if !a.punct(s, m+1, "=") {
				return
			}
			e := a.exprEnd(s, m+2)
			a.pattern(s, i, m, m+2, e, nil, 0)
			i = e
		default:
			return
		}
		if !a.punct(s, i, ",") {
			return
		}
		i++
	}
}

// typeEnd skips a TypeScript annotation ": T" after a name, to the '='
// at its level; it returns i when there is none.
func (a *jsFile) typeEnd(s *jstream, i int) int {
	if !a.punct(s, i, ":") {
		return i
	}
	for j := i + 1; j < len(s.toks) && j < i+64; j++ {
		if m := s.match[j]; m > j {
			j = m
			continue
		}
		switch a.tx(s, j) {
		case "=":
			return j
		case ";", ")", "]", "}":
			return i
		}
	}
	return i
}

// pattern binds the names of an object pattern [open, shut] to paths
// into the initializer [b, e).
func (a *jsFile) pattern(s *jstream, open, shut, b, e int, path []string, depth int) {
	if depth > 8 {
		return
	}
	for i := open + 1; i < shut; {
		if s.toks[i].kind != jIdent && s.toks[i].kind != jStr {
			return // ...rest, [computed]: stop reading this pattern
		}
		key := a.tx(s, i)
		if s.toks[i].kind == jStr {
			key = a.strValue(s, i)
		}
		p := append(append([]string(nil), path...), key)
		next := i + 1
		switch {
		case a.punct(s, next, ":") && a.punct(s, next+1, "{") && s.match[next+1] > next+1:
			m := s.match[next+1]
			a.pattern(s, next+1, m, b, e, p, depth+1)
			next = m + 1
		case a.punct(s, next, ":") && next+1 < shut && s.toks[next+1].kind == jIdent:
			a.bind(a.tx(s, next+1), &jdecl{s: s, b: b, e: e, path: p, name: next + 1})
			next += 2
		case s.toks[i].kind == jIdent && (a.punct(s, next, ",") || next == shut):
			a.bind(key, &jdecl{s: s, b: b, e: e, path: p, name: i})
		default: // a default value or anything else: not a constant
			a.ambiguous[key] = true
			return
		}
		if next < shut && !a.punct(s, next, ",") {
			return
		}
		i = next + 1
	}
}

// bind records a const name; a second declaration makes it ambiguous.
func (a *jsFile) bind(name string, d *jdecl) {
	if _, dup := a.consts[name]; dup {
		a.ambiguous[name] = true
	}
	a.consts[name] = d
	a.constFirst[name[0]] = true
	if d.path == nil && d.b < len(d.s.toks) {
		a.inits[d.s.toks[d.b].start] = d
	}
}

// lookup returns the value of a const name, or nil.
func (a *jsFile) lookup(name string, depth int) *jv {
	d, ok := a.consts[name]
	if !ok || a.ambiguous[name] || d.state == 1 {
		return nil
	}
	if d.state == 0 {
		d.state = 1
		v := a.eval(d.s, d.b, d.e, depth+1)
		for _, k := range d.path {
			v = member(v, k)
		}
		d.v, d.state = v, 2
	}
	return d.v
}

// spend counts one step of evaluation and reports whether the file's
// budget allows it.
func (a *jsFile) spend() bool {
	a.work++
	return a.work <= maxWork
}

// eval reads tokens [b, e) of s as a constant, or returns nil.
func (a *jsFile) eval(s *jstream, b, e, depth int) *jv {
	if depth > maxEvalDepth || b >= e || e > len(s.toks) || !a.spend() {
		return nil
	}
	e = a.stripTypes(s, b, e)
	for b < e && a.punct(s, b, "(") && s.match[b] == e-1 {
		b, e = b+1, e-1
	}
	if b >= e {
		return nil
	}
	if q := a.topLevel(s, b, e, "?"); q > 0 {
		return a.conditional(s, b, q, e, depth)
	}
	if ops := a.topOps(s, b, e); ops != nil {
		return a.binary(s, b, e, ops, depth)
	}
	return a.single(s, b, e, depth)
}

// stripTypes drops a trailing "as T", "satisfies T" or '!' at the top
// level of [b, e).
func (a *jsFile) stripTypes(s *jstream, b, e int) int {
	for i := b + 1; i < e; i++ {
		if m := s.match[i]; m > i {
			i = m
			continue
		}
		if s.toks[i].kind == jIdent && (a.tx(s, i) == "as" || a.tx(s, i) == "satisfies") {
			return i
		}
	}
	if e-1 > b && a.punct(s, e-1, "!") {
		return e - 1
	}
	return e
}

// topLevel returns the first token text op at the top level of [b, e),
// or -1.
func (a *jsFile) topLevel(s *jstream, b, e int, op string) int {
	for i := b; i < e; i++ {
		if m := s.match[i]; m > i {
			i = m
			continue
		}
		if a.punct(s, i, op) {
			return i
		}
	}
	return -1
}

// topOps returns the binary operators at the top level of [b, e) when
// they are all '+' or all '*'; nil when there are none; and a list
// holding -1 when another operator is there.
func (a *jsFile) topOps(s *jstream, b, e int) []int {
	var ops []int
	for i := b; i < e; i++ {
		if m := s.match[i]; m > i {
			i = m
			continue
		}
		if s.toks[i].kind != jPunct || i == b || a.operandStart(s, i-1) < 0 {
			continue
		}
		switch w := a.tx(s, i); w {
		case "+", "*":
			if len(ops) > 0 && a.tx(s, ops[0]) != w {
				return []int{-1}
			}
			ops = append(ops, i)
		case ".", "?.", "(", "[", "!":
		default:
			return []int{-1}
		}
	}
	return ops
}

// conditional reads COND ? A : B.
func (a *jsFile) conditional(s *jstream, b, q, e, depth int) *jv {
	colon, nested := -1, 0
	for i := q + 1; i < e; i++ {
		if m := s.match[i]; m > i {
			i = m
			continue
		}
		switch {
		case a.punct(s, i, "?"):
			nested++
		case a.punct(s, i, ":") && nested == 0:
			colon = i
		case a.punct(s, i, ":"):
			nested--
		}
		if colon >= 0 {
			break
		}
	}
	if colon < 0 {
		return nil
	}
	sign := a.cond(s, b, q)
	yes, no := a.eval(s, q+1, colon, depth+1), a.eval(s, colon+1, e, depth+1)
	if yes == nil && no == nil {
		return nil
	}
	return &jv{kind: jvAlt, alts: []jalt{{sign, known(yes)}, {-sign, known(no)}}}
}

// known stands for a value that is not constant with jvUnknown, so that
// a conditional keeps both its branches.
func known(v *jv) *jv {
	if v == nil {
		return &jv{kind: jvUnknown}
	}
	return v
}

// binary reads a concatenation (a string when any operand is one; a
// part that is not constant becomes a hole) or a product of integers.
func (a *jsFile) binary(s *jstream, b, e int, ops []int, depth int) *jv {
	if ops[0] < 0 {
		return nil
	}
	var vs []*jv
	from := b
	for _, op := range append(ops, e) {
		if from >= op {
			return nil // an operator without an operand
		}
		vs = append(vs, a.eval(s, from, op, depth+1))
		from = op + 1
	}
	if a.tx(s, ops[0]) == "*" {
		return a.product(s, b, e, vs)
	}
	if vs[0] != nil && vs[0].kind == jvNum && vs[1] != nil && vs[1].kind == jvNum {
		return nil // arithmetic, not a concatenation
	}
	str := false
	for _, v := range vs {
		str = str || v != nil && (v.kind == jvStr || v.kind == jvAlt)
	}
	if !str {
		return nil
	}
	out := []variant{{}}
	from = b
	for i, op := range append(ops, e) {
		out = a.append(out, vs[i], s.toks[from].start, s.toks[op-1].end)
		from = op + 1
	}
	return fromVariants(out)
}

// product multiplies integer operands: the text spans the whole
// expression, so a fix writes one number in its place.
func (a *jsFile) product(s *jstream, b, e int, vs []*jv) *jv {
	n := int64(1)
	for _, v := range vs {
		if v == nil || v.kind != jvNum {
			return nil
		}
		x, err := strconv.ParseInt(v.t.s, 10, 64)
		if err != nil || x != 0 && (n > math.MaxInt32 || x > math.MaxInt32 || x < -math.MaxInt32) {
			return nil
		}
		n *= x
	}
	return numText(strconv.FormatInt(n, 10), s.toks[b].start, s.toks[e-1].end)
}

// single reads one operand.
func (a *jsFile) single(s *jstream, b, e, depth int) *jv {
	t := s.toks[b]
	switch {
	case e == b+1 && (t.kind == jStr || t.kind == jTmpl):
		vs := a.chainOperand([]variant{{}}, s, b, e, depth)
		return fromVariants(vs)
	case e == b+1 && t.kind == jNum:
		return number(a.tx(s, b), t.start, t.end)
	case e == b+2 && a.punct(s, b, "-") && s.toks[b+1].kind == jNum:
		v := number(a.tx(s, b+1), t.start, s.toks[b+1].end)
		if v != nil {
			v = numText("-"+v.t.s, t.start, s.toks[b+1].end)
		}
		return v
	case e == b+1 && t.kind == jIdent && (a.tx(s, b) == "true" || a.tx(s, b) == "false"):
		return &jv{kind: jvBool, t: literal(a.tx(s, b), spanOffs(len(a.tx(s, b)), t.start), t.start, t.end, encJSBool)}
	case a.punct(s, b, "{") && s.match[b] == e-1:
		return a.object(s, b, e-1, depth)
	case e-b >= 4 && a.tx(s, b) == "Object" && a.punct(s, b+1, ".") && a.tx(s, b+2) == "freeze" &&
		a.punct(s, b+3, "(") && s.match[b+3] == e-1:
		return a.eval(s, b+4, e-1, depth+1)
	case t.kind == jIdent:
		return a.reference(s, b, e, depth)
	}
	return nil
}

// reference reads NAME, NAME.a.b, NAME['a'], NAME?.a.
func (a *jsFile) reference(s *jstream, b, e, depth int) *jv {
	v := a.lookup(a.tx(s, b), depth)
	for i := b + 1; i < e && v != nil; {
		switch {
		case (a.punct(s, i, ".") || a.punct(s, i, "?.")) && i+1 < e && s.toks[i+1].kind == jIdent:
			v = member(v, a.tx(s, i+1))
			i += 2
		case a.punct(s, i, "[") && s.match[i] == i+2 && i+2 < e && s.toks[i+1].kind == jStr:
			v = member(v, a.strValue(s, i+1))
			i += 3
		case a.punct(s, i, "!"):
			i++
		default:
			return nil
		}
	}
	return v
}

// member returns property key of v, through the branches of a
// conditional; nil when it is not known.
func member(v *jv, key string) *jv {
	if v == nil {
		return nil
	}
	switch v.kind {
	case jvObj:
		for i := len(v.props) - 1; i >= 0; i-- {
			if v.props[i].key == key {
				return v.props[i].v
			}
		}
	case jvAlt: // through its leaves, so that shared branches cost no more
		out := &jv{kind: jvAlt}
		for _, l := range flatten(v, 0, nil) {
			if m := member(l.v, key); m != nil {
				out.alts = append(out.alts, jalt{l.sign, m})
			}
		}
		if len(out.alts) > 0 {
			return out
		}
	}
	return nil
}

// object reads an object literal between braces open and shut.
func (a *jsFile) object(s *jstream, open, shut, depth int) *jv {
	v := &jv{kind: jvObj, at: s.toks[open].start}
	for i := open + 1; i < shut; {
		e := a.exprEnd(s, i)
		if e <= i || e > shut {
			e = shut
		}
		switch {
		case a.punct(s, i, "..."):
			v.open = true
		case (s.toks[i].kind == jIdent || s.toks[i].kind == jStr || s.toks[i].kind == jNum) && a.punct(s, i+1, ":"):
			key := a.tx(s, i)
			if s.toks[i].kind == jStr {
				key = a.strValue(s, i)
			}
			v.props = append(v.props, jprop{key, a.eval(s, i+2, e, depth+1)})
		case s.toks[i].kind == jIdent && e == i+1: // shorthand { max }
			v.props = append(v.props, jprop{a.tx(s, i), a.lookup(a.tx(s, i), depth)})
		case s.toks[i].kind == jIdent && a.punct(s, i+1, "("): // a method
		default:
			v.open = true // [computed]: key, get x() {}, ...
		}
		i = e + 1
	}
	return v
}

// number reads a numeric literal as an integer in decimal, or nil.
func number(lit string, start, end int) *jv {
	n, err := strconv.ParseInt(lit, 0, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(strings.ReplaceAll(lit, "_", ""), 64)
		if ferr != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
			return nil
		}
		n = int64(f)
	}
	return numText(strconv.FormatInt(n, 10), start, end)
}

// numText is a number whose spelling s stands for file bytes
// [start, end): an edit replaces them whole.
func numText(s string, start, end int) *jv {
	return &jv{kind: jvNum, t: literal(s, spanOffs(len(s), start), start, end, encJSNumber)}
}

// spanOffs maps n bytes to one file offset: only the first byte is a
// boundary.
func spanOffs(n, at int) []int {
	off := make([]int, n)
	for i := range off {
		off[i] = -1
	}
	if n > 0 {
		off[0] = at
	}
	return off
}

// encJSNumber writes an integer in place of a numeric literal.
func encJSNumber(s string) (string, bool) {
	if _, err := strconv.ParseInt(s, 10, 64); err != nil {
		return "", false
	}
	return s, true
}

func encJSBool(s string) (string, bool) { return s, s == "true" || s == "false" }

// ---------------------------------------------------------------- variants

// variant is one way a chain may read: its text so far, and the sign of
// the branches it took (+1 test only, -1 outside tests, 0 either).
type variant struct {
	b    builder
	sign int
	dead bool
}

// append adds value v (nil: not constant) to each variant; a value that
// is not constant is a hole over file bytes [src0, src1).
func (a *jsFile) append(vs []variant, v *jv, src0, src1 int) []variant {
	leaves := flatten(v, 0, nil)
	if v == nil || len(leaves) == 0 || len(vs)*len(leaves) > maxVariants || !a.room(vs, leaves) {
		for i := range vs {
			vs[i].b.hole(src0, src1)
		}
		return vs
	}
	var out []variant
	for _, x := range vs {
		for _, l := range leaves {
			y := variant{b: x.b.clone(), sign: x.sign}
			y.join(l.sign)
			if l.v.t == nil { // an object, or not constant
				y.b.hole(src0, src1)
			} else {
				y.b.splice(l.v.t)
			}
			out = append(out, y)
		}
	}
	return out
}

// room reports whether splicing leaves into each variant keeps every
// text under maxText and the file's texts under maxBuilt, and counts the
// bytes: a chain of constants that doubles at each step (const B = A +
// A) would otherwise grow without bound.
func (a *jsFile) room(vs []variant, leaves []jalt) bool {
	n := 0
	for _, x := range vs {
		for _, l := range leaves {
			m := len(x.b.s)
			if l.v.t != nil {
				m += len(l.v.t.s)
			}
			if m > maxText {
				return false
			}
			n += m
		}
	}
	if a.built+n > maxBuilt {
		return false
	}
	a.built += n
	return true
}

// join takes a branch of sign s.
func (v *variant) join(s int) {
	switch {
	case s == 0:
	case v.sign == 0:
		v.sign = s
	case v.sign != s:
		v.dead = true // a test-only branch inside a non-test one: never runs
	}
}

// flatten lists the leaves of a value with their signs.
func flatten(v *jv, sign int, out []jalt) []jalt {
	if v == nil || len(out) > maxVariants {
		return out
	}
	if v.kind != jvAlt {
		return append(out, jalt{sign, v})
	}
	for _, br := range v.alts {
		s := sign
		if s == 0 {
			s = br.sign
		} else if br.sign != 0 && br.sign != s {
			continue
		}
		out = flatten(br.v, s, out)
	}
	return out
}

// fromVariants turns chain variants into a value: a string, or a
// conditional of strings.
func fromVariants(vs []variant) *jv {
	var alts []jalt
	for i := range vs {
		if !vs[i].dead && len(vs[i].b.parts) > 0 {
			alts = append(alts, jalt{vs[i].sign, &jv{kind: jvStr, t: vs[i].b.text()}})
		}
	}
	switch {
	case len(alts) == 0:
		return nil
	case len(alts) == 1 && alts[0].sign == 0:
		return alts[0].v
	}
	return &jv{kind: jvAlt, alts: alts}
}

// clone copies a builder.
func (b *builder) clone() builder {
	return builder{s: append([]byte(nil), b.s...), off: append([]int(nil), b.off...), parts: append([]part(nil), b.parts...)}
}

// splice appends the parts of t, with their file offsets.
func (b *builder) splice(t *text) {
	base := len(b.s)
	b.s = append(b.s, t.s...)
	b.off = append(b.off, t.off...)
	for _, p := range t.parts {
		p.start += base
		p.end += base
		b.parts = append(b.parts, p)
	}
}
