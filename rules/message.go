package rules

import (
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// Messages name the setting, the value found as the driver spells it,
// and the value wanted. They never print a DSN.

// describe spells a site and its value as "max_open is 1
// (connection_limit)", or "acquire_timeout is 5s (pool_timeout=5)" when
// the driver spells the value differently.
func describe(s *model.Site, v catalog.Value) string {
	text := Format(v)
	how := s.Key
	if text != s.Raw {
		how = found(s)
	}
	verb := " is "
	if s.Default {
		verb = " defaults to "
	}
	if s.Via != "" {
		how += ", " + s.Via
	}
	return string(s.Setting) + verb + text + " (" + how + ")"
}

// via spells how a value reached the site: ", flag -db-max-conns", or "".
func via(s *model.Site) string {
	if s.Via == "" {
		return ""
	}
	return ", " + s.Via
}

// found spells a site as written: connection_limit=1,
// SetMaxOpenConns(1) or MaxConns: 1.
func found(s *model.Site) string {
	switch s.Source {
	case model.Arg:
		return s.Key + "(" + s.Raw + ")"
	case model.Field:
		return s.Key + ": " + s.Raw
	}
	return s.Key + "=" + s.Raw
}

var scopeWords = map[string]string{ScopeAny: "", ScopeTest: " in test code", ScopeProd: " in production code"}

// where names r's scope: " in test code".
func (r *Rule) where() string {
	if w, ok := scopeWords[r.Scope]; ok {
		return w
	}
	return " in " + r.Scope + " code"
}
