package dsn

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// pv is an expected parameter: key, decoded value, and the raw value
// text when it differs from the value.
type pv struct{ k, v, raw string }

// end stands for len(input) in an expected InsertPoint.
const end = -1

// tc is one parse case. A case with err set must fail with a message
// containing err, at the offset where the input continues with at
// ("$" for the end of the input).
type tc struct {
	name   string
	in     string
	kind   Kind // grammar for ParseAs; KindUnknown means Parse
	hosts  []Host
	user   string
	db     string
	pw     string // raw password text; "-" for HasPassword with an empty one
	params []pv
	ins    *InsertPoint
	err    string
	at     string
}

func run(t *testing.T, cases []tc) {
	t.Helper()
	for _, c := range cases {
		name := c.name
		if name == "" {
			name = c.in
		}
		t.Run(name, func(t *testing.T) { c.check(t) })
	}
}

func (c tc) parse() (*DSN, error) {
	if c.kind == KindUnknown {
		return Parse(c.in)
	}
	return ParseAs(c.in, c.kind)
}

func (c tc) check(t *testing.T) {
	t.Helper()
	d, err := c.parse()
	if c.err != "" {
		checkErr(t, c.in, err, c.err, c.at)
		return
	}
	if err != nil {
		t.Fatalf("parse %q: %v", c.in, err)
	}
	checkInvariants(t, d)
	if c.hosts != nil && !reflect.DeepEqual(d.Hosts, c.hosts) || c.hosts == nil && len(d.Hosts) > 0 {
		t.Errorf("hosts = %+v, want %+v", d.Hosts, c.hosts)
	}
	if d.User != c.user || d.Database != c.db {
		t.Errorf("user, db = %q, %q, want %q, %q", d.User, d.Database, c.user, c.db)
	}
	switch pw := c.in[d.Password.Start:d.Password.End]; {
	case c.pw == "" && d.HasPassword, c.pw != "" && !d.HasPassword:
		t.Errorf("HasPassword = %v, want password %q", d.HasPassword, c.pw)
	case c.pw == "-" && pw != "", c.pw != "-" && pw != c.pw:
		t.Errorf("password = %q, want %q", pw, c.pw)
	}
	if len(d.Params) != len(c.params) {
		t.Fatalf("params = %+v, want %+v", d.Params, c.params)
	}
	for i, p := range d.Params {
		w := c.params[i]
		if w.raw == "" {
			w.raw = w.v
		}
		if p.Key != w.k || p.Value != w.v || span(d, p.ValueSpan) != w.raw {
			t.Errorf("param %d = %q=%q (raw %q), want %q=%q (raw %q)", i, p.Key, p.Value, span(d, p.ValueSpan), w.k, w.v, w.raw)
		}
	}
	if c.ins != nil && c.ins.Offset == end {
		c.ins.Offset = len(c.in)
	}
	if c.ins != nil && d.Insert != *c.ins {
		t.Errorf("insert = %+v, want %+v", d.Insert, *c.ins)
	}
}

func checkErr(t *testing.T, in string, err error, msg, at string) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok {
		t.Fatalf("parse %q: err = %v, want *Error %q", in, err, msg)
	}
	if !strings.Contains(e.Msg, msg) {
		t.Errorf("parse %q: msg = %q, want %q", in, e.Msg, msg)
	}
	if e.Offset < 0 || e.Offset > len(in) {
		t.Fatalf("parse %q: offset %d out of range", in, e.Offset)
	}
	switch {
	case at == "$" && e.Offset != len(in):
		t.Errorf("parse %q: offset %d, want end", in, e.Offset)
	case at != "" && at != "$" && !strings.HasPrefix(in[e.Offset:], at):
		t.Errorf("parse %q: offset %d at %q, want at %q", in, e.Offset, in[e.Offset:], at)
	}
}

func span(d *DSN, s Span) string { return d.Input[s.Start:s.End] }

// checkInvariants checks what holds for every parsed DSN: spans inside
// the input and in order, the insert point inside it, the key text
// holding the key.
func checkInvariants(t testing.TB, d *DSN) {
	t.Helper()
	n := len(d.Input)
	ok := func(s Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }
	if !ok(d.Password) || !d.HasPassword && d.Password != (Span{}) {
		t.Fatalf("%q: bad password span %+v", d.Input, d.Password)
	}
	if d.Insert.Offset < 0 || d.Insert.Offset > n {
		t.Fatalf("%q: bad insert %+v", d.Input, d.Insert)
	}
	prev := 0
	for i, p := range d.Params {
		if !ok(p.KeySpan) || !ok(p.ValueSpan) || p.KeySpan.Start < prev || p.ValueSpan.Start < p.KeySpan.End {
			t.Fatalf("%q: bad spans in param %d %+v (previous end %d)", d.Input, i, p, prev)
		}
		prev = p.ValueSpan.End
		if d.Kind == KindMySQL || d.Kind == KindKeyValue {
			if span(d, p.KeySpan) != p.Key {
				t.Fatalf("%q: key span %q, key %q", d.Input, span(d, p.KeySpan), p.Key)
			}
		}
	}
	if d.Scheme != strings.ToLower(d.Scheme) {
		t.Fatalf("%q: scheme %q not lower-case", d.Input, d.Scheme)
	}
}

// reparse parses s in d's grammar.
func reparse(d *DSN, s string) (*DSN, error) {
	d2, err := ParseAs(s, d.Kind)
	if err == nil && d.pragmas {
		d2.ExpandPragmas()
	}
	return d2, err
}

// representable reports whether value v of key can be written in d's
// grammar at all.
func representable(d *DSN, key, v string) bool {
	switch {
	case d.Kind == KindKeyValue || d.Kind == KindURL && d.Driver == "postgres":
		return !strings.Contains(v, "\x00") // pgx rejects NUL, raw or %00
	case d.Kind == KindMySQL && mysqlReadsRaw(key, v):
		return !strings.ContainsAny(v, "&/") // read raw: no way to escape them
	case d.Kind == KindADO:
		return utf8.ValidString(v) && !strings.Contains(key, `"`)
	}
	return true
}

// checkSetValue sets every parameter to v in turn and checks that the
// re-parsed DSN reads v there and keeps the other values.
func checkSetValue(t testing.TB, d *DSN, v string) {
	t.Helper()
	for i, p := range d.Params {
		if !representable(d, p.Key, v) {
			continue
		}
		e := d.SetValue(i, v)
		if !e.OK() {
			continue // the grammar cannot write it safely; no fix is offered
		}
		out := e.Apply(d.Input)
		d2, err := reparse(d, out)
		if err != nil {
			t.Fatalf("SetValue(%d, %q) on %q gives %q: %v", i, v, d.Input, out, err)
		}
		if len(d2.Params) <= i || d2.Params[i].Value != v || d2.Params[i].Key != p.Key {
			t.Fatalf("SetValue(%d, %q) on %q gives %q: params %+v", i, v, d.Input, out, d2.Params)
		}
		for j := 0; j < i; j++ {
			if d2.Params[j].Value != d.Params[j].Value {
				t.Fatalf("SetValue(%d, %q) on %q gives %q: param %d changed", i, v, d.Input, out, j)
			}
		}
	}
}

// checkAdd adds key=v and checks the re-parsed DSN ends with it and
// keeps every other parameter.
func checkAdd(t testing.TB, d *DSN, key, v string) {
	t.Helper()
	if !representable(d, key, v) || len(d.Lookup(key)) > 0 || d.Kind == KindADO && d.Insert.Sep == ";" && adoOpenQuote(d.Input) {
		return
	}
	e := d.Add(key, v)
	if !e.OK() {
		return // the grammar cannot write it safely; no fix is offered
	}
	out := e.Apply(d.Input)
	d2, err := reparse(d, out)
	if err != nil {
		t.Fatalf("Add(%q, %q) on %q gives %q: %v", key, v, d.Input, out, err)
	}
	if len(d2.Params) != len(d.Params)+1 {
		t.Fatalf("Add(%q, %q) on %q gives %q: params %+v", key, v, d.Input, out, d2.Params)
	}
	last := d2.Params[len(d.Params)]
	if last.Key != key || last.Value != v {
		t.Fatalf("Add(%q, %q) on %q gives %q: last param %+v", key, v, d.Input, out, last)
	}
	for j, p := range d.Params {
		if d2.Params[j].Key != p.Key || d2.Params[j].Value != p.Value {
			t.Fatalf("Add(%q, %q) on %q gives %q: param %d changed to %+v", key, v, d.Input, out, j, d2.Params[j])
		}
	}
}

// adoOpenQuote reports whether an ADO string ends inside a quote.
func adoOpenQuote(s string) bool {
	in := false
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			if in && i+1 < len(s) && s[i+1] == '"' {
				i++
				continue
			}
			in = !in
		}
	}
	return in
}

// checkRedacted checks that no secret span's text survives redaction,
// where that is decidable: the secret has no 'x' (the mask could form
// it) and does not occur in the input outside the secret spans.
func checkRedacted(t testing.TB, d *DSN) {
	t.Helper()
	r := d.Redacted()
	spans := secrets(d)
	var rest strings.Builder
	at := 0
	for _, sp := range spans {
		rest.WriteString(d.Input[at:sp.Start] + "\x00")
		at = sp.End
	}
	rest.WriteString(d.Input[at:])
	for _, sp := range spans {
		secret := span(d, sp)
		if strings.ContainsAny(secret, "x\x00") || strings.Contains(rest.String(), secret) {
			continue
		}
		if strings.Contains(r, secret) {
			t.Fatalf("Redacted(%q) = %q still holds %q", d.Input, r, secret)
		}
	}
	if d.HasPassword && d.Password.Len() > 0 && !strings.Contains(r, mask) {
		t.Fatalf("Redacted(%q) = %q has no mask", d.Input, r)
	}
	// Shown with every value patched, and each value shown alone, holds
	// no secret either: a patch over a secret is dropped.
	var patches []Patch
	for _, p := range d.Params {
		patches = append(patches, Patch{p.ValueSpan, "%s"})
	}
	if d.HasPassword {
		patches = append(patches, Patch{d.Password, "%s"})
	}
	views := []string{d.Shown(Span{0, len(d.Input)}, patches)}
	for _, p := range d.Params {
		views = append(views, d.Shown(p.ValueSpan, patches))
	}
	for _, sp := range spans {
		secret := span(d, sp)
		if strings.ContainsAny(secret, "x%s\x00") || strings.Contains(rest.String(), secret) {
			continue
		}
		for _, v := range views {
			if strings.Contains(v, secret) {
				t.Fatalf("Shown on %q = %q still holds %q", d.Input, v, secret)
			}
		}
	}
	// An oracle independent of secrets(): the userinfo password of a URL,
	// as pgx (first '@' or '/') and net/url (last '@' in the authority)
	// delimit it.
	if d.Kind != KindURL {
		return
	}
	for _, pw := range userinfoPasswords(d.Input) {
		if pw != "" && !strings.ContainsAny(pw, "x") && strings.Count(d.Input, pw) == 1 && strings.Contains(r, pw) {
			t.Fatalf("Redacted(%q) = %q still holds the userinfo password %q", d.Input, r, pw)
		}
	}
}

// userinfoPasswords returns the password between "://" and '@' as pgx
// (postgres URLs) and net/url delimit it.
func userinfoPasswords(s string) []string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		return nil
	}
	var out []string
	if strings.HasPrefix(scheme, "postgres") {
		if i := strings.IndexAny(rest, "@/"); i >= 0 && rest[i] == '@' {
			if _, pw, ok := strings.Cut(rest[:i], ":"); ok {
				out = append(out, pw)
			}
		}
		return out
	}
	auth := rest
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		auth = rest[:i]
	}
	if i := strings.LastIndex(auth, "@"); i >= 0 {
		if _, pw, ok := strings.Cut(auth[:i], ":"); ok {
			out = append(out, pw)
		}
	}
	return out
}
