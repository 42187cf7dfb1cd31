package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/dsnsite"
	"github.com/poolcheck/poolcheck/model"
)

// write writes files (name -> content) into a fresh directory and
// returns the directory.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// mustLoad loads a policy from source.
func mustLoad(t *testing.T, src string) *Policy {
	t.Helper()
	dir := write(t, map[string]string{"p.toml": src})
	p, err := Load(filepath.Join(dir, "p.toml"))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

// params builds a pool of driver drv from "key=value" DSN parameters,
// as dsnsite does for a parsed DSN, in the given scope.
func params(drv catalog.Driver, scope string, kvs ...string) *model.Pool {
	p := &model.Pool{Driver: drv, Scopes: []string{scope}}
	for _, kv := range kvs {
		k, v, _ := strings.Cut(kv, "=")
		p.Sites = append(p.Sites, dsnsite.Site(drv, dsn.Param{Key: k, Value: v}))
	}
	return p
}

// calls builds a database/sql pool from Go calls: "SetMaxOpenConns=10".
func calls(drv catalog.Driver, scope string, kvs ...string) *model.Pool {
	p := &model.Pool{Driver: drv, Scopes: []string{scope}}
	for _, kv := range kvs {
		k, v, _ := strings.Cut(kv, "=")
		knob, ok := catalog.LookupAPI("database/sql", "DB", k)
		if !ok {
			panic("no knob " + k)
		}
		s := &model.Site{Setting: knob.Setting, Key: k, Raw: v, Const: true, Knob: knob, Source: model.Arg}
		s.Value, s.Problem = knob.Parse(v)
		p.Sites = append(p.Sites, s)
	}
	return p
}
