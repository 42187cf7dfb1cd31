package rules

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// file is one decoded policy file.
type file struct {
	name  string // the path as given, for messages
	loc   *locator
	top   fileT
	rules []ruleT
	exs   [][]exampleT
}

// decode reads a policy file strictly: syntax, unknown keys, then types.
func decode(name, src string) (*file, LoadErrors) {
	f := &file{name: name}
	if _, err := toml.Decode(src, &struct{}{}); err != nil {
		return nil, LoadErrors{f.syntaxErr(src, err)}
	}
	f.loc = locate(src)
	if errs := f.unknownKeys(); len(errs) > 0 {
		return nil, errs
	}
	md, err := toml.Decode(src, &f.top)
	if err != nil {
		return nil, LoadErrors{f.decodeErr(err, func(k string) string { return k })}
	}
	var errs LoadErrors
	f.rules = make([]ruleT, len(f.top.Rule))
	f.exs = make([][]exampleT, len(f.top.Rule))
	for i, prim := range f.top.Rule {
		errs = append(errs, f.decodeRule(&md, i, prim)...)
	}
	if len(errs) > 0 {
		return nil, errs.sorted()
	}
	if keys := md.Undecoded(); len(keys) > 0 { // the locator missed one
		return nil, LoadErrors{{File: name, Msg: "unknown key " + strings.Trim(keys[0].String(), `"`)}}
	}
	return f, nil
}

func (f *file) decodeRule(md *toml.MetaData, i int, prim toml.Primitive) LoadErrors {
	r := &f.rules[i]
	if err := md.PrimitiveDecode(prim, r); err != nil {
		return LoadErrors{f.decodeErr(err, indexer(i, -1))}
	}
	var errs LoadErrors
	f.exs[i] = make([]exampleT, len(r.Example))
	for j, p := range r.Example {
		if err := md.PrimitiveDecode(p, &f.exs[i][j]); err != nil {
			errs = append(errs, f.decodeErr(err, indexer(i, j)))
		}
	}
	return errs
}

// indexer returns the function that adds the indices of rule i and its
// example j to a decoder key such as rule.example.bad.
func indexer(i, j int) func(string) string {
	return func(k string) string {
		k = strings.Replace(k, "rule", "rule"+index(i), 1)
		if j >= 0 {
			k = strings.Replace(k, ".example", ".example"+index(j), 1)
		}
		return k
	}
}

// at returns an error at the value of the key with indexed path, or at
// the key itself for a table header.
func (f *file) at(path, hint, format string, args ...any) *LoadError {
	e := &LoadError{File: f.name, Hint: hint, Msg: fmt.Sprintf(format, args...)}
	if ent, ok := f.loc.find(path); ok {
		p := ent.val
		if p.line == 0 {
			p = ent.key
		}
		e.Line, e.Col = p.line, p.col
	}
	return e
}

// atKey returns an error at the key with indexed path.
func (f *file) atKey(path, hint, format string, args ...any) *LoadError {
	e := f.at(path, hint, format, args...)
	if ent, ok := f.loc.find(path); ok {
		e.Line, e.Col = ent.key.line, ent.key.col
	}
	return e
}

func (f *file) syntaxErr(src string, err error) *LoadError {
	var pe toml.ParseError
	if !errors.As(err, &pe) {
		return &LoadError{File: f.name, Msg: err.Error()}
	}
	e := &LoadError{File: f.name, Line: pe.Position.Line, Col: pe.Position.Col, Msg: "TOML syntax: " + pe.Message}
	// The decoder counts the line of an error at a newline (an
	// unclosed [[rule]) as the next one; its byte offset is right.
	if at := pe.Position.Start; at >= 0 && at < len(src) {
		e.Line = 1 + strings.Count(src[:at], "\n")
		e.Col = at - strings.LastIndexByte(src[:at], '\n')
	}
	return e
}

// lastKey matches the decoder's errors that are not ParseErrors.
var lastKey = regexp.MustCompile(`^toml: (?:line \d+ )?\(last key "([^"]*)"\): (.*)$`)

// decodeErr places a decoder error with the locator: the decoder's own
// position is wrong for every [[rule]] but the last.
func (f *file) decodeErr(err error, idx func(string) string) *LoadError {
	key, msg := "", err.Error()
	var pe toml.ParseError
	if errors.As(err, &pe) {
		key, msg = pe.LastKey, pe.Message
	} else if m := lastKey.FindStringSubmatch(msg); m != nil {
		key, msg = m[1], m[2]
	}
	msg = friendlyType(msg)
	path := idx(key)
	if el, ok := f.element(path, msg); ok {
		path = el
	}
	e := f.at(path, "", "%s", msg)
	if e.Line == 0 && pe.Position.Line > 0 {
		e.Line, e.Col = pe.Position.Line, pe.Position.Col
	}
	return e
}

// element returns the array element of path whose text msg quotes.
func (f *file) element(path, msg string) (string, bool) {
	for n := 0; ; n++ {
		ent, ok := f.loc.find(path + index(n))
		if !ok {
			return "", false
		}
		if quotes(msg, ent.text) {
			return ent.path, true
		}
	}
}

// quotes reports whether the first string msg quotes is the element
// written as text, or the driver it names after a "!".
func quotes(msg, text string) bool {
	first := quoted.FindString(msg)
	if first == "" || text == "" {
		return false
	}
	s, err := strconv.Unquote(text)
	return first == text || err == nil && first == strconv.Quote(strings.TrimPrefix(s, "!"))
}

var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

var typeMismatch = regexp.MustCompile(`^(?:incompatible types: TOML value has type (.+); destination has type (.+)|type mismatch for .+: expected (table) but found (.+))$`)

var typeNames = map[string]string{
	"int64": "integer", "float64": "float", "bool": "boolean", "string": "string",
	"[]any": "array", "[]map[string]any": "array", "map[string]any": "table",
	"slice": "array", "time.Time": "datetime", "primitive (string-like)": "string",
}

// friendlyType rewrites the decoder's type errors in TOML terms.
func friendlyType(msg string) string {
	m := typeMismatch.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	got, want := m[1], m[2]
	if got == "" {
		got, want = m[4], m[3]
	}
	return "wrong type: got " + cmpName(got) + ", want " + cmpName(want)
}

func cmpName(t string) string {
	if n, ok := typeNames[t]; ok {
		return n
	}
	return t
}

// Keys the schema allows, from the struct tags.
var (
	topKeys     = tags(fileT{})
	ruleKeys    = tags(ruleT{})
	exampleKeys = tags(exampleT{})
)

func tags(v any) []string {
	t := reflect.TypeOf(v)
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Tag.Get("toml")
	}
	return out
}

// schema gives the keys allowed under each table of the document.
var schema = map[string][]string{"": topKeys, "rule": ruleKeys, "rule.example": exampleKeys}

// unknownKeys reports the keys the schema does not have, spelled
// exactly: the decoder would accept "Min" for "min".
func (f *file) unknownKeys() LoadErrors {
	var errs LoadErrors
	for _, e := range f.loc.entries {
		parent, key := splitKey(e.plain)
		keys, checked := schema[parent]
		if !checked || e.elem || slices.Contains(keys, key) {
			continue
		}
		errs = append(errs, f.atKey(e.path, hintFor(key, keys, "keys"), "unknown key %q", key))
	}
	return errs
}

// splitKey splits a plain path at its last dot.
func splitKey(p string) (parent, key string) {
	i := strings.LastIndexByte(p, '.')
	if i < 0 {
		return "", p
	}
	return p[:i], p[i+1:]
}
