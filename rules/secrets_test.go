package rules

import (
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/dsn"
)

// secretKeys are keys whose values are secrets, as users and drivers
// spell them; none is a key any driver reads as a pool setting.
var secretKeys = []string{"password", "passwd", "pwd", "auth_token", "access_token", "token", "secret", "api_key", "apikey", "credentials"}

// TestViolationsHideSecrets judges every rule's bad example with a
// secret-looking key added, and DSNs of every scheme whose keys are all
// secret-looking, in test and production code: no message, found or
// wanted value holds a secret.
func TestViolationsHideSecrets(t *testing.T) {
	const secret = "S3cretValue9"
	var dsns []string
	for _, r := range Default().Rules() {
		for _, ex := range r.Examples {
			if r.Check != "" || ex.Driver != "" || ex.Bad == "" {
				continue
			}
			for _, key := range secretKeys {
				dsns = append(dsns, withParam(t, ex.Bad, key, secret))
			}
		}
	}
	for _, base := range []string{"postgres://u@h/db", "mysql://u@h/db", "redis://h:6379/0", "rediss://h:6379/0", "sqlserver://u@h", "u@tcp(h:3306)/db", "host=h"} {
		s := base
		for _, key := range secretKeys {
			s = withParam(t, s, key, secret)
		}
		dsns = append(dsns, s)
	}
	judged := 0
	for _, s := range dsns {
		for _, scope := range []string{ScopeTest, ScopeProd} {
			pool, err := examplePool(s, "", scope)
			if err != nil {
				t.Fatalf("%s: %v", s, err)
			}
			for _, v := range Default().Evaluate(pool) {
				judged++
				for what, text := range map[string]string{"message": v.Message, "found": v.Found, "want": v.Want} {
					if strings.Contains(text, secret) {
						t.Errorf("%s (%s, %s code): the %s of %s holds the secret: %s", s, pool.Driver, scope, what, v.Rule.ID, text)
					}
				}
			}
		}
	}
	if judged < len(dsns) {
		t.Errorf("only %d violations for %d DSNs: the test judges too little", judged, len(dsns))
	}
}

// withParam adds key=value to the DSN s.
func withParam(t *testing.T, s, key, value string) string {
	t.Helper()
	d, err := dsn.Parse(s)
	if err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	e := d.Add(key, value)
	if !e.OK() {
		t.Fatalf("%s: cannot add %s", s, key)
	}
	return e.Apply(s)
}
