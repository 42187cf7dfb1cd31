package dsn

import (
	"slices"
	"strings"
)

// Mask replaces each secret.
const Mask = "xxxxx"

const mask = Mask

// secretWords mark a key whose value is a secret: password, pwd, Pwd,
// sslpassword, passwd, api_key, ...
var secretWords = []string{"pass", "pwd", "secret", "token", "apikey", "api_key", "credential"}

// SecretKey reports whether the value of key is a secret: its name holds
// pass, pwd, secret, token, apikey, api_key or credential (any case).
func SecretKey(key string) bool { return isSecretKey(key) }

func isSecretKey(key string) bool {
	k := lower(key)
	for _, w := range secretWords {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// secrets returns the non-empty spans to mask, sorted and distinct.
func secrets(d *DSN) []Span {
	var out []Span
	if d.HasPassword && d.Password.Len() > 0 {
		out = append(out, d.Password)
	}
	if d.userinfo.Len() > 0 {
		out = append(out, d.userinfo)
	}
	for _, p := range d.Params {
		if p.ValueSpan.Len() > 0 && isSecretKey(p.Key) {
			out = append(out, p.ValueSpan)
		}
	}
	slices.SortFunc(out, func(a, b Span) int { return a.Start - b.Start })
	return slices.Compact(out)
}

func redact(d *DSN) string { return shown(d, Span{0, len(d.Input)}, nil) }

// shown returns the bytes of d's input in span with each secret masked
// and each patch that overlaps no secret applied.
func shown(d *DSN, span Span, patches []Patch) string {
	edits := make([]Patch, 0, len(patches)+2)
	for _, sp := range secrets(d) {
		if overlaps(sp, span) && (sp.Start < span.Start || sp.End > span.End) {
			return mask // part of a secret
		}
		edits = append(edits, Patch{sp, mask})
	}
	n := len(edits)
	for _, p := range patches {
		if !slices.ContainsFunc(edits[:n], func(s Patch) bool { return overlaps(s.Span, p.Span) }) {
			edits = append(edits, p)
		}
	}
	slices.SortStableFunc(edits, func(a, b Patch) int { return a.Span.Start - b.Span.Start })
	var b strings.Builder
	at := span.Start
	for _, e := range edits {
		if e.Span.Start < at || e.Span.End > span.End {
			continue
		}
		b.WriteString(d.Input[at:e.Span.Start])
		b.WriteString(e.Text)
		at = e.Span.End
	}
	b.WriteString(d.Input[at:span.End])
	return b.String()
}

func overlaps(a, b Span) bool { return a.Start < b.End && b.Start < a.End }
