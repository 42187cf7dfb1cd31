package dsn

import (
	"strings"
	"testing"
)

func TestFragment(t *testing.T) {
	fr := KindFragment
	run(t, []tc{
		{in: "?connection_limit=1&pool_timeout=5", params: []pv{{"connection_limit", "1", ""}, {"pool_timeout", "5", ""}}, ins: &InsertPoint{Offset: end, Sep: "&"}},
		{in: "&connect_timeout=5", params: []pv{{"connect_timeout", "5", ""}}},
		{in: "connection_limit=1&pool_timeout=5", params: []pv{{"connection_limit", "1", ""}, {"pool_timeout", "5", ""}}},
		{in: "?a=1&", kind: fr, params: []pv{{"a", "1", ""}}, ins: &InsertPoint{Offset: end, Sep: ""}},
		{in: "?", kind: fr, ins: &InsertPoint{Offset: 1, Sep: ""}},
		{in: "", kind: fr, ins: &InsertPoint{Offset: 0, Sep: ""}},
		{in: "?a=x+y%21&&b=", kind: fr, params: []pv{{"a", "x y!", "x+y%21"}, {"b", "", ""}}},
		{in: "?a", kind: fr, err: `missing "="`, at: "a"},
		{in: "?=1", kind: fr, err: "empty key", at: "=1"},
		{in: "?a=%zz", kind: fr, err: "invalid URL escape", at: "%zz"},
		{in: "?a=1 b", kind: fr, err: "unexpected space", at: " b"},
	})
}

func TestParseFragmentKnown(t *testing.T) {
	known := func(k string) bool { return strings.HasPrefix(k, "pool_") || k == "connection_limit" }
	d, err := ParseFragment("?connection_limit=1&pool_timeout=5", known)
	if err != nil || len(d.Params) != 2 {
		t.Fatalf("ParseFragment = %+v, %v", d, err)
	}
	_, err = ParseFragment("?connection_limit=1&page=2", known)
	checkErr(t, "?connection_limit=1&page=2", err, "not a known connection parameter", "page")
	if _, err := ParseFragment("?page=2", nil); err != nil {
		t.Errorf("nil known: %v", err)
	}
}
