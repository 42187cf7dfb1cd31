package dsn

import "strings"

// PragmaKey is the prefix of the key ExpandPragmas gives a _pragma
// parameter: _pragma=busy_timeout(5000) becomes _pragma:busy_timeout=5000.
const PragmaKey = "_pragma:"

// ExpandPragmas reads each _pragma parameter as modernc.org/sqlite and
// github.com/glebarez/go-sqlite run it, "PRAGMA " + value, and when the
// value is name(arg) or name=arg it renames the parameter to
// _pragma:name (lower case) with the value arg and a value span over
// arg's bytes, so that a setting is read and edited like any other. The
// '=' may be escaped (busy_timeout%3d10000, as dendrite writes it); a
// value with any other escape is left as it is. It changes d in place
// and may be called again.
func (d *DSN) ExpandPragmas() {
	for i := range d.Params {
		p := &d.Params[i]
		if strings.HasPrefix(p.Key, PragmaKey) && !p.pragma {
			// Written as _pragma:name=...: no driver reads that key, so it
			// must not pass for an expanded pragma.
			p.Key = "_pragma%3A" + p.Key[len(PragmaKey):]
		}
		if p.Key != "_pragma" {
			continue
		}
		name, arg, at, ok := d.pragmaParts(p)
		if !ok {
			continue
		}
		start := p.ValueSpan.Start + at
		p.Key, p.Value, p.pragma = PragmaKey+strings.ToLower(name), arg, true
		p.ValueSpan = Span{start, start + len(arg)}
		d.pragmas = true
	}
}

// pragmaParts splits a _pragma parameter's value as written.
func (d *DSN) pragmaParts(p *Param) (name, arg string, at int, ok bool) {
	raw := d.Input[p.ValueSpan.Start:p.ValueSpan.End]
	if raw == p.Value {
		return splitPragma(p.Value)
	}
	i := strings.Index(raw, "%3d")
	if j := strings.Index(raw, "%3D"); i < 0 || j >= 0 && j < i {
		i = j // not strings.ToLower: it may change the length of invalid UTF-8
	}
	if i <= 0 {
		return "", "", 0, false
	}
	name, arg = raw[:i], raw[i+3:]
	if strings.ContainsAny(name+arg, "%+ ") || arg == "" || !identOf(name, true) {
		return "", "", 0, false
	}
	return name, arg, i + 3, true
}

// splitPragma reads name(arg) or name=arg, with blanks around the parts,
// and returns where arg starts.
func splitPragma(v string) (name, arg string, at int, ok bool) {
	i := strings.IndexAny(v, "(=")
	if i <= 0 {
		return "", "", 0, false
	}
	name = strings.TrimSpace(v[:i])
	rest := v[i+1:]
	if v[i] == '(' {
		if !strings.HasSuffix(strings.TrimRight(v, " "), ")") {
			return "", "", 0, false
		}
		rest = v[i+1 : strings.LastIndexByte(v, ')')]
	}
	trimmed := strings.TrimSpace(rest)
	if trimmed == "" || !identOf(name, true) {
		return "", "", 0, false
	}
	at = i + 1 + strings.Index(rest, trimmed)
	return name, trimmed, at, true
}
