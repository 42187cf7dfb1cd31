package scan

import (
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/catalog"
)

// Node libraries' pools. A pool is found where a library's entry point
// is called on an options object (new Pool(config) with Pool imported
// from 'pg', knex({...}), mysql.createPool({...}), new Sequelize(url,
// {pool}), new PrismaClient({datasourceUrl})), and, in a knexfile or a
// file that imports knex, at each object literal whose client is a knex
// client. The library is known from the imports and requires that bind
// the name called, never from a key alone: a rate limiter's { max: 100 }
// is no pool. The options are read with the constant evaluator, so a
// config object declared elsewhere in the file counts, and its findings
// land where its values are written.

// optPool is a Node library pool: its driver, the options the catalog
// knows, and where and in which scope it is created.
type optPool struct {
	driver  catalog.Driver
	sites   []optSite
	test    bool
	sign    int    // the branches taken: +1 test only, -1 outside tests, 0 either
	use     [2]int // the call or the object: file bytes
	name    string // "new Pool(...)", for messages
	partial bool   // the object has a spread or a computed key
}

// optSite is one option: its catalog row and its value's text.
type optSite struct {
	knob *catalog.Knob
	t    *text
}

// binding is what an import or require binds a name to: a package, and
// a path of exports in it ("" the module itself, "default", "Pool").
type binding struct{ pkg, path string }

// libraries finds the pools of Node libraries in the file's stream.
func (a *jsFile) libraries(s *jstream, f *fileScan, base string) {
	binds, pkgs := a.imports(s)
	known := strings.HasPrefix(base, "knexfile")
	for p := range pkgs {
		known = known || nodePackages()[p]
	}
	if !known {
		return
	}
	seen := make(map[int]bool) // objects a call read, by the offset of their '{'
	sinks := catalog.NodeSinks()
	for i := range s.toks {
		if !a.punct(s, i, "(") || s.match[i] < 0 {
			continue
		}
		b, n, isNew, ok := a.callee(s, i, binds)
		if !ok {
			continue
		}
		for _, sink := range sinks {
			if sink.Package == b.pkg && slices.Contains(sink.Export, b.path) && sink.New == isNew {
				a.call(s, n, i, sink, f, seen)
			}
		}
	}
	if pkgs["knex"] || strings.HasPrefix(base, "knexfile") {
		a.knexObjects(s, f, seen)
	}
}

// imports reads the file's import declarations and require calls: the
// names they bind, and every package named.
func (a *jsFile) imports(s *jstream) (map[string]binding, map[string]bool) {
	binds := make(map[string]binding)
	pkgs := make(map[string]bool)
	for i := 0; i < len(s.toks); i++ {
		switch {
		case a.is(s, i, jIdent, "import") && !a.punct(s, i-1, ".") && !a.punct(s, i+1, "("):
			i = a.importDecl(s, i, binds, pkgs)
		case a.is(s, i, jIdent, "require") && a.punct(s, i+1, "(") && s.match[i+1] == i+3 && s.toks[i+2].kind == jStr:
			pkg := a.strValue(s, i+2)
			pkgs[pkg] = true
			a.requireBind(s, i, pkg, binds)
		}
	}
	return binds, pkgs
}

// importDecl reads "import A, { B as C } from 'pkg'" or "import * as
// D from 'pkg'" at i and returns the index of its last token.
func (a *jsFile) importDecl(s *jstream, i int, binds map[string]binding, pkgs map[string]bool) int {
	from := -1
	for j := i + 1; j < len(s.toks) && j < i+256; j++ {
		if s.toks[j].kind == jStr {
			if a.is(s, j-1, jIdent, "from") || j == i+1 {
				from = j
			}
			break
		}
		if a.punct(s, j, ";") {
			break
		}
	}
	if from < 0 {
		return i
	}
	pkg := a.strValue(s, from)
	pkgs[pkg] = true
	if a.is(s, i+1, jIdent, "type") && !a.punct(s, i+2, ",") && !a.is(s, i+2, jIdent, "from") {
		return from // import type { ... }: types only
	}
	for j := i + 1; j < from; j++ {
		switch {
		case a.is(s, j, jIdent, "type") || a.is(s, j, jIdent, "from") || a.punct(s, j, ","):
		case a.punct(s, j, "*") && a.is(s, j+1, jIdent, "as") && j+2 < from:
			binds[a.tx(s, j+2)] = binding{pkg, ""}
			j += 2
		case a.punct(s, j, "{") && s.match[j] > j && s.match[j] < from:
			m := s.match[j]
			for k := j + 1; k < m; k++ {
				if s.toks[k].kind != jIdent || a.tx(s, k) == "type" {
					continue
				}
				name, local := a.tx(s, k), a.tx(s, k)
				if a.is(s, k+1, jIdent, "as") && k+2 < m {
					local = a.tx(s, k+2)
					k += 2
				}
				binds[local] = binding{pkg, name}
			}
			j = m
		case s.toks[j].kind == jIdent:
			binds[a.tx(s, j)] = binding{pkg, "default"}
		}
	}
	return from
}

// requireBind reads "const X = require('pkg')", ".A" after the call, and
// "const { A, B: C } = require('pkg')".
func (a *jsFile) requireBind(s *jstream, i int, pkg string, binds map[string]binding) {
	path := ""
	if (a.punct(s, i+4, ".")) && i+5 < len(s.toks) && s.toks[i+5].kind == jIdent {
		path = a.tx(s, i+5)
	}
	if !a.punct(s, i-1, "=") || i < 2 {
		return
	}
	switch j := i - 2; {
	case s.toks[j].kind == jIdent:
		binds[a.tx(s, j)] = binding{pkg, path}
	case a.punct(s, j, "}") && s.match[j] >= 0 && path == "":
		for k := s.match[j] + 1; k < j; k++ {
			if s.toks[k].kind != jIdent {
				continue
			}
			name, local := a.tx(s, k), a.tx(s, k)
			if a.punct(s, k+1, ":") && k+2 < j && s.toks[k+2].kind == jIdent {
				local = a.tx(s, k+2)
				k += 2
			}
			binds[local] = binding{pkg, name}
		}
	}
}

// callee resolves what the call whose '(' is at open calls: a bound
// name with properties (pg.Pool, mysql.createPool, Pool, knex), or
// require('knex') itself. It returns the binding with the properties
// appended, the index where the callee (or its new) starts, and whether
// it is called with new.
func (a *jsFile) callee(s *jstream, open int, binds map[string]binding) (binding, int, bool, bool) {
	j := open - 1
	if a.punct(s, j, ")") && s.match[j] == j-2 && a.is(s, j-3, jIdent, "require") && s.toks[j-1].kind == jStr {
		return binding{a.strValue(s, j-1), ""}, j - 3, false, true
	}
	var names []string
	for j >= 0 && s.toks[j].kind == jIdent {
		names = append(names, a.tx(s, j))
		if !a.punct(s, j-1, ".") {
			break
		}
		j -= 2
	}
	if len(names) == 0 || j < 0 || s.toks[j].kind != jIdent {
		return binding{}, 0, false, false
	}
	b, ok := binds[names[len(names)-1]]
	if !ok {
		return binding{}, 0, false, false
	}
	for k := len(names) - 2; k >= 0; k-- {
		b.path = strings.TrimPrefix(b.path+"."+names[k], ".")
	}
	isNew := a.is(s, j-1, jIdent, "new")
	if isNew {
		j--
	}
	return b, j, isNew, true
}

// call reads the options of a sink called at tokens [start, open] .. its
// closing parenthesis.
func (a *jsFile) call(s *jstream, start, open int, sink catalog.NodeSink, f *fileScan, seen map[int]bool) {
	shut := s.match[open]
	args := a.args(s, open, shut)
	var opts *jv
	var at int
	switch {
	case sink.Arg >= 0 && sink.Arg < len(args):
		r := args[sink.Arg]
		opts, at = a.eval(s, r[0], r[1], 0), s.toks[r[0]].start
	case sink.Arg < 0:
		for k := len(args) - 1; k >= 0 && opts == nil; k-- {
			if v := a.eval(s, args[k][0], args[k][1], 0); isObject(v) {
				opts, at = v, s.toks[args[k][0]].start
			}
		}
	}
	if !isObject(opts) {
		return
	}
	name := strings.Join(strings.Fields(a.str[s.toks[start].start:s.toks[open].start]), " ") + "(...)"
	use := [2]int{s.toks[start].start, s.toks[shut].end}
	for _, l := range flatten(opts, 0, nil) {
		if l.v.kind == jvObj {
			seen[l.v.at] = true // a call reads it: not again as a knex config's shape
			a.pool(l.v, l.sign, sink, f, use, name, at)
		}
	}
}

func isObject(v *jv) bool {
	for _, l := range flatten(v, 0, nil) {
		if l.v.kind == jvObj {
			return true
		}
	}
	return false
}

// args splits the arguments between parentheses open and shut.
func (a *jsFile) args(s *jstream, open, shut int) [][2]int {
	var out [][2]int
	from := open + 1
	for i := open + 1; i <= shut; i++ {
		if m := s.match[i]; m > i && i < shut {
			i = m
			continue
		}
		if i == shut || a.punct(s, i, ",") {
			if i > from {
				out = append(out, [2]int{from, i})
			}
			from = i + 1
		}
	}
	return out
}

// knexObjects reads each object literal whose client is a knex client.
func (a *jsFile) knexObjects(s *jstream, f *fileScan, seen map[int]bool) {
	sink := catalog.NodeSink{Driver: catalog.Knex, DSN: []string{"connection", "connection.connectionString"},
		Requires: catalog.KnexServers}
	for i := 1; i+2 < len(s.toks); i++ {
		if !a.knexClient(s, i) {
			continue
		}
		open := a.opener(s, i)
		if open < 0 || seen[s.toks[open].start] {
			continue
		}
		v := a.eval(s, open, s.match[open]+1, 0)
		if v == nil || v.kind != jvObj {
			continue
		}
		seen[s.toks[open].start] = true
		use := [2]int{s.toks[open].start, s.toks[s.match[open]].end}
		a.pool(v, 0, sink, f, use, "the knex config", s.toks[open].start)
	}
}

// knexClient reports a property "client: 'pg'" at token i, whose value
// is a knex client.
func (a *jsFile) knexClient(s *jstream, i int) bool {
	key := a.tx(s, i) == "client" || s.toks[i].kind == jStr && a.strValue(s, i) == "client"
	return key && a.punct(s, i+1, ":") && (a.punct(s, i-1, "{") || a.punct(s, i-1, ",")) &&
		s.toks[i+2].kind == jStr && slices.Contains(catalog.KnexClients, a.strValue(s, i+2))
}

// opener returns the '{' of the object literal that holds token i at its
// top level, or -1.
func (a *jsFile) opener(s *jstream, i int) int {
	for j, steps := i-1, 0; j >= 0 && steps < maxExpr; j, steps = j-1, steps+1 {
		if m := s.match[j]; m >= 0 && m < j {
			j = m
			continue
		}
		if a.punct(s, j, "{") && s.match[j] > i {
			return j
		}
		if a.punct(s, j, "(") || a.punct(s, j, "[") {
			return -1
		}
	}
	return -1
}

// pool turns an options object into pools (one per branch of its
// conditional values) and its connection-string options into values.
func (a *jsFile) pool(obj *jv, sign int, sink catalog.NodeSink, f *fileScan, use [2]int, name string, at int) {
	for opt, words := range sink.NotJudged {
		if v := lookupPath(obj, opt); v != nil && v.kind == jvStr && slices.Contains(words, v.t.s) {
			return
		}
	}
	for opt, words := range sink.Requires {
		if v := lookupPath(obj, opt); v == nil || v.kind != jvStr || !slices.Contains(words, v.t.s) {
			return
		}
	}
	test := a.inTest(at)
	if sign < 0 && test {
		return
	}
	for _, path := range sink.DSN {
		for _, v := range lookupAll(obj, path) {
			for _, l := range flatten(v, sign, nil) {
				if l.v.kind == jvStr && (l.sign >= 0 || !test) {
					f.value(value{t: l.v.t, key: path[strings.LastIndexByte(path, '.')+1:], keyed: true,
						hint: sink.DSNDriver, test: test || l.sign > 0, use: use, name: name})
				}
			}
		}
	}
	if sink.Driver == "" {
		return
	}
	variants := []*optPool{{driver: sink.Driver, sign: sign, use: use, name: name, partial: obj.open}}
	for _, k := range catalog.Options(sink.Driver) {
		path, ok := strings.CutPrefix(k.Key, sink.Ctor+":")
		if sink.Ctor == "" && strings.Contains(k.Key, ":") || sink.Ctor != "" && !ok {
			continue
		}
		variants = a.option(variants, k, lookupPath(obj, path), test)
	}
	for _, p := range variants {
		if len(p.sites) > 0 {
			p.test = test || p.sign > 0
			f.pools = append(f.pools, *p)
		}
	}
}

// option adds an option's value to each pool variant. A conditional
// value forks them: each branch is a variant in the scope of its
// condition, without the option when that branch is not constant. A
// value with more branches than maxVariants allows is left out.
func (a *jsFile) option(ps []*optPool, k *catalog.Knob, v *jv, test bool) []*optPool {
	all := flatten(v, 0, nil)
	if !slices.ContainsFunc(all, usable) {
		return ps
	}
	if len(all) == 1 && all[0].sign == 0 {
		for _, p := range ps {
			p.sites = append(p.sites, optSite{k, all[0].v.t})
		}
		return ps
	}
	if len(ps)*len(all) > maxVariants {
		return ps
	}
	var out []*optPool
	for _, p := range ps {
		for _, l := range all {
			q := *p
			q.sites = slices.Clip(p.sites)
			if !q.join(l.sign) || q.sign < 0 && test {
				continue // contradicts another branch, or never runs here
			}
			if usable(l) {
				q.sites = append(q.sites, optSite{k, l.v.t})
			}
			out = append(out, &q)
		}
	}
	return out
}

// usable reports a branch whose value an option row can read.
func usable(l jalt) bool {
	return (l.v.kind == jvNum || l.v.kind == jvBool) && !l.v.t.holes()
}

// join takes a branch of sign s; false when it contradicts the branches
// taken before.
func (p *optPool) join(s int) bool {
	switch {
	case s == 0 || p.sign == s:
	case p.sign == 0:
		p.sign = s
	default:
		return false
	}
	return true
}

// lookupPath returns the value at a dotted path of an object.
func lookupPath(v *jv, path string) *jv {
	for _, k := range strings.Split(path, ".") {
		v = member(v, k)
	}
	return v
}

// lookupAll returns the values at a dotted path in which "*" matches
// every key.
func lookupAll(v *jv, path string) []*jv {
	head, rest, more := strings.Cut(path, ".")
	var next []*jv
	if head == "*" {
		if v != nil && v.kind == jvObj {
			for _, p := range v.props {
				next = append(next, p.v)
			}
		}
	} else if m := member(v, head); m != nil {
		next = append(next, m)
	}
	if !more {
		return next
	}
	var out []*jv
	for _, n := range next {
		out = append(out, lookupAll(n, rest)...)
	}
	return out
}
