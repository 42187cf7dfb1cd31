package dsn

// Detect reports which grammar s is written in, without validating it.
// The rules, in order (see detectors): a supported scheme:// is KindURL
// and any other scheme:// is KindUnknown; a leading '?' or '&' is
// KindFragment; ';'-separated key=value parts are KindADO;
// [user@]net[(addr)]/... is KindMySQL; '&'-separated pairs without
// white space are KindFragment; text that starts with keyword= is
// KindKeyValue; anything else is KindUnknown.
func Detect(s string) Kind {
	for _, r := range detectors {
		if r.match(s) {
			return r.kind
		}
	}
	return KindUnknown
}

// Parse detects the grammar of s and parses it. An *Error of Kind
// KindUnknown means s is not taken for a connection string at all: no
// grammar matches, or its keys are not plausible ones (plausible). Any
// other Kind means s has that grammar's shape but the driver would
// reject it.
func Parse(s string) (*DSN, error) {
	k := Detect(s)
	if k == KindUnknown {
		return nil, fail(KindUnknown, 0, "not a connection string")
	}
	d, err := ParseAs(s, k)
	if err != nil {
		return nil, err
	}
	if off, ok := plausible(d); !ok {
		return nil, fail(KindUnknown, off, "not a connection string: not a connection parameter key")
	}
	return d, nil
}

// ParseAs parses s in grammar k. KindFragment accepts any keys here;
// use ParseFragment to restrict them.
func ParseAs(s string, k Kind) (*DSN, error) {
	switch k {
	case KindURL:
		return parseURL(s)
	case KindKeyValue:
		return parseKV(s)
	case KindMySQL:
		return parseMySQL(s)
	case KindADO:
		return parseADO(s)
	case KindFragment:
		return parseFragment(s, nil)
	}
	return nil, fail(k, 0, "unknown grammar")
}

// ParseFragment parses a bare query fragment (?a=1&b=2, &a=1, a=1&b=2).
// It fails unless known reports true for every key; a nil known accepts
// every key.
func ParseFragment(s string, known func(key string) bool) (*DSN, error) {
	return parseFragment(s, known)
}

// Redacted returns the input with the password replaced by "xxxxx".
// Every value of a secret-looking key (secretKey) is replaced too.
func (d *DSN) Redacted() string { return redact(d) }

// A Patch shows Text in place of the input's bytes in Span: a
// template's hole as the verb or expression it stands for.
type Patch struct {
	Span Span
	Text string
}

// Shown returns the input's bytes in span, redacted as Redacted does,
// with each patch that lies in span and overlaps no secret applied.
func (d *DSN) Shown(span Span, patches []Patch) string { return shown(d, span, patches) }

// SetValue returns the edit that sets parameter i to value, encoded or
// quoted as the grammar needs. An i out of range gives an empty edit.
func (d *DSN) SetValue(i int, value string) Edit {
	if i < 0 || i >= len(d.Params) {
		return Edit{}
	}
	p := d.Params[i]
	v := d.encode(p.Key, value)
	if !d.hasEquals(p) {
		v = "=" + v
	}
	if d.Kind == KindKeyValue && p.ValueSpan.End < len(d.Input) && !isSpace(d.Input[p.ValueSpan.End]) {
		v += " " // pgx reads a='x'b=c: a bare value would run into b
	}
	return d.verify(Edit{Start: p.ValueSpan.Start, End: p.ValueSpan.End, New: v}, i, p.Key, value)
}

// Add returns the edit that appends key=value at d.Insert. For a
// keyword/value string whose last value ends in a backslash escaping the
// end of the input, the edit also removes that backslash (see kvInsert).
func (d *DSN) Add(key, value string) Edit {
	end := d.Insert.Offset
	if d.Kind == KindKeyValue {
		end = len(d.Input)
	}
	e := Edit{Start: d.Insert.Offset, End: end, New: d.Insert.Sep + d.encodeKey(key) + "=" + d.encode(key, value)}
	return d.verify(e, len(d.Params), key, value)
}

// sameKey compares parameter keys as the driver does: case-insensitively
// for sqlserver (ADO strings and sqlserver:// URLs both lower-case keys),
// exactly otherwise.
func (d *DSN) sameKey(a, b string) bool {
	if d.Kind == KindADO || d.Kind == KindURL && d.Scheme == "sqlserver" {
		return a == b || lower(a) == lower(b)
	}
	return a == b
}
