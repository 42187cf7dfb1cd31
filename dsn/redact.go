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

func redact(d *DSN) string {
	spans := secrets(d)
	if len(spans) == 0 {
		return d.Input
	}
	var b strings.Builder
	at := 0
	for _, sp := range spans {
		if sp.Start < at {
			continue
		}
		b.WriteString(d.Input[at:sp.Start])
		b.WriteString(mask)
		at = sp.End
	}
	b.WriteString(d.Input[at:])
	return b.String()
}
