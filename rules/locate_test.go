package rules

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestLocate(t *testing.T) {
	src := `# comment
extends = "default" # trailing
disable = [
  "a",   # first
  "b",
]
[scopes]
migrations = ["migrations/**"]

[[rule]]
id = "one"
why = """
multi "quoted" [not a table]
id = "not a key"
"""
  [[rule.example]]
  bad = 'x'
  [[rule.example]]
  good = "y\"z"

[[rule]]
id = "two"
example = [{ bad = "p", good = "q" }, {bad="r"}]
"dotted.key".sub = 1
`
	l := locate(src)
	tests := []struct {
		path     string
		key, val pos
		text     string
	}{
		{"extends", pos{2, 1}, pos{2, 11}, `"default"`},
		{"disable", pos{3, 1}, pos{3, 11}, "[\n  \"a\",   # first\n  \"b\",\n]"},
		{"disable[1]", pos{5, 3}, pos{5, 3}, `"b"`},
		{"scopes", pos{7, 1}, pos{}, ""},
		{"scopes.migrations", pos{8, 1}, pos{8, 14}, `["migrations/**"]`},
		{"rule[0]", pos{10, 1}, pos{}, ""},
		{"rule[0].id", pos{11, 1}, pos{11, 6}, `"one"`},
		{"rule[0].example[0].bad", pos{17, 3}, pos{17, 9}, `'x'`},
		{"rule[0].example[1]", pos{18, 3}, pos{}, ""},
		{"rule[0].example[1].good", pos{19, 3}, pos{19, 10}, `"y\"z"`},
		{"rule[1].id", pos{22, 1}, pos{22, 6}, `"two"`},
		{"rule[1].example[0].good", pos{23, 25}, pos{23, 32}, `"q"`},
		{"rule[1].example[1].bad", pos{23, 40}, pos{23, 44}, `"r"`},
		{"rule[1].dotted.key.sub", pos{24, 1}, pos{24, 20}, "1"},
	}
	for _, tt := range tests {
		e, ok := l.find(tt.path)
		if !ok {
			t.Errorf("%s: not found", tt.path)
			continue
		}
		if e.key != tt.key || e.val != tt.val || e.text != tt.text {
			t.Errorf("%s: key %v val %v text %q, want %v %v %q", tt.path, e.key, e.val, e.text, tt.key, tt.val, tt.text)
		}
	}
	if _, ok := l.find("rule[0].id.x"); ok {
		t.Error("found a key inside a multi-line string")
	}
	if e, _ := l.find("rule[1].dotted.key.sub"); e.plain != "rule.dotted.key.sub" {
		t.Errorf("plain = %q", e.plain)
	}
}

// FuzzLocate: the locator neither panics nor loops on a document the
// decoder accepts, and finds every key the decoder reports.
func FuzzLocate(f *testing.F) {
	f.Add(evalPolicy)
	f.Add(defaultTOML)
	f.Add("a = { b = [1, {c = 'd'}], e.f = \"\"\"x\ny\"\"\" }\n[[t.u]]\n\"q.k\" = 1979-05-27 07:32:00Z")
	f.Fuzz(func(t *testing.T, src string) {
		md, err := toml.Decode(src, &struct{}{})
		if err != nil {
			return
		}
		l := locate(src)
		plains := map[string]bool{}
		for _, e := range l.entries {
			plains[e.plain] = true
		}
		for _, k := range md.Keys() {
			if !plains[strings.Join(k, ".")] {
				t.Errorf("key %q not located", k)
			}
		}
	})
}
