package e2e

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The -format json schema, version 1, as docs/output.md documents it.
// Decoding rejects unknown fields, so a field added without updating
// this (and docs/output.md) fails the test.
type jsonReport struct {
	Version  int           `json:"version"`
	Tool     string        `json:"tool"`
	Root     string        `json:"root"`
	Findings []jsonFinding `json:"findings"`
	Summary  struct {
		Error, Warning, Info, Baselined, Fixed int
	} `json:"summary"`
}

type jsonFinding struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	URL      string   `json:"url"`
	Setting  string   `json:"setting"`
	Key      string   `json:"key"`
	Found    string   `json:"found"`
	Want     string   `json:"want"`
	Scope    []string `json:"scope"`
	Driver   string   `json:"driver"`
	DSN      string   `json:"dsn"`
	Func     string   `json:"func"`
	Start    jsonPos  `json:"start"`
	End      jsonPos  `json:"end"`
	Fixes    []struct {
		Message string `json:"message"`
		Edits   []struct {
			Start jsonPos `json:"start"`
			End   jsonPos `json:"end"`
			New   string  `json:"new"`
		} `json:"edits"`
	} `json:"fixes"`
	Related []struct {
		Start   jsonPos `json:"start"`
		End     jsonPos `json:"end"`
		Message string  `json:"message"`
	} `json:"related"`
}

type jsonPos struct {
	File   string `json:"file"`
	Offset int    `json:"offset"`
	Line   int    `json:"line"`
	Col    int    `json:"col"`
}

func decodeStrict(t *testing.T, data string, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("decoding: %v\n%s", err, data)
	}
}

func TestJSONFormat(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-format", "json", "./...")
	if r.code != 1 {
		t.Fatalf("want exit 1; %s", r)
	}
	var rep jsonReport
	decodeStrict(t, r.stdout, &rep)
	if rep.Version != 1 || rep.Tool != "poolcheck" || rep.Root != dir {
		t.Errorf("header: version %d, tool %q, root %q; want 1, poolcheck, %s", rep.Version, rep.Tool, rep.Root, dir)
	}
	if len(rep.Findings) != len(defaultFindings) {
		t.Fatalf("%d findings, want %d", len(rep.Findings), len(defaultFindings))
	}
	// Findings come sorted by file and offset; so does the table.
	want := sortedByPosition(t, dir, defaultFindings)
	counts := map[string]int{}
	for i, got := range rep.Findings {
		checkJSONFinding(t, dir, got, want[i])
		counts[got.Severity]++
	}
	s := rep.Summary
	if s.Error != counts["error"] || s.Warning != counts["warning"] || s.Info != 0 || s.Baselined != 0 || s.Fixed != 0 {
		t.Errorf("summary %+v, want %v", s, counts)
	}
	if strings.Contains(r.stdout, "s3cret") {
		t.Error("the DSN password is in the JSON")
	}
}

func checkJSONFinding(t *testing.T, dir string, got jsonFinding, f finding) {
	t.Helper()
	start, end := f.locate(t, dir)
	wantPos := func(p pos) jsonPos { return jsonPos{f.file, p.offset, p.line, p.col} }
	switch {
	case got.Rule != f.rule || got.Severity != f.severity:
		t.Errorf("%s: rule %s %s, want %s %s", f.file, got.Rule, got.Severity, f.rule, f.severity)
	case got.Start != wantPos(start) || got.End != wantPos(end):
		t.Errorf("%s %s: at %+v-%+v, want %+v-%+v", f.file, f.rule, got.Start, got.End, wantPos(start), wantPos(end))
	case got.Found != f.value || got.Want != f.want || got.Setting != f.setting || got.Driver != f.driver:
		t.Errorf("%s %s: found %q want %q setting %q driver %q; want %q %q %q %q", f.file, f.rule,
			got.Found, got.Want, got.Setting, got.Driver, f.value, f.want, f.setting, f.driver)
	case len(got.Scope) != 1 || got.Scope[0] != f.scope:
		t.Errorf("%s %s: scope %v, want [%s]", f.file, f.rule, got.Scope, f.scope)
	case !strings.HasPrefix(got.Message, "["+f.rule+"] ") || !strings.HasSuffix(got.URL, "#"+f.rule):
		t.Errorf("%s %s: message %q, url %q", f.file, f.rule, got.Message, got.URL)
	case got.Func == "":
		t.Errorf("%s %s: no enclosing function", f.file, f.rule)
	}
	if f.want == "" {
		if len(got.Fixes) != 0 {
			t.Errorf("%s %s: a fix where none is expected", f.file, f.rule)
		}
		return
	}
	// The first fix's edits, applied to the file, write the wanted value.
	if len(got.Fixes) == 0 || len(got.Fixes[0].Edits) == 0 {
		t.Fatalf("%s %s: no fix", f.file, f.rule)
	}
	src := read(t, filepath.Join(dir, f.file))
	e := got.Fixes[0].Edits[0]
	if e.Start.File != f.file || src[:e.Start.Offset]+e.New+src[e.End.Offset:] != src[:start.offset]+f.want+src[end.offset:] {
		t.Errorf("%s %s: edit %+v does not write %q over %q", f.file, f.rule, e, f.want, f.value)
	}
}

// sortedByPosition orders findings as poolcheck does: by file, offset.
func sortedByPosition(t *testing.T, dir string, fs []finding) []finding {
	out := append([]finding(nil), fs...)
	sort.SliceStable(out, func(i, j int) bool {
		a, _ := out[i].locate(t, dir)
		b, _ := out[j].locate(t, dir)
		if out[i].file != out[j].file {
			return out[i].file < out[j].file
		}
		return a.offset < b.offset
	})
	return out
}

func TestJSONDSNRedacted(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-format", "json", "./db")
	var rep jsonReport
	decodeStrict(t, r.stdout, &rep)
	for _, f := range rep.Findings {
		if f.File() == "db/db.go" && f.DSN != "postgres://app:xxxxx@db.internal:5432/app?sslmode=disable&connect_timeout=5s" {
			t.Errorf("%s: dsn %q, want the DSN with its password replaced", f.Rule, f.DSN)
		}
	}
}

// File is where a finding starts.
func (f jsonFinding) File() string { return f.Start.File }
