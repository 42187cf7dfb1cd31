package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/model"
)

// print writes the findings, or the inventory, in the chosen format.
func (o *options) print(w io.Writer, out *outcome) error {
	switch {
	case o.jsonX:
		return out.graph.PrintJSON(w)
	case o.inventory && o.format == "json":
		return writeJSON(w, inventoryJSON(out))
	case o.inventory:
		return printInventory(w, out)
	case o.format == "json":
		return writeJSON(w, findingsJSON(out))
	}
	return printText(w, out)
}

// printText writes one line per finding: path:line:col: [rule-id] message.
func printText(w io.Writer, out *outcome) error {
	for _, f := range out.findings {
		p := out.fset.Position(f.Diagnostic.Pos)
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s\n", relPath(p.Filename), p.Line, p.Column, f.Diagnostic.Message); err != nil {
			return err
		}
	}
	return nil
}

// printInventory writes one line per setting found:
// path:line:col: driver setting=value (raw param) scope pool-id.
func printInventory(w io.Writer, out *outcome) error {
	for _, e := range inventory(out) {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s %s=%s (%s) %s %s\n",
			e.File, e.Line, e.Col, e.Driver, orDash(e.Setting), e.Value, e.Raw, strings.Join(e.Scope, ","), e.Pool); err != nil {
			return err
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// invEntry is one inventory line; it is also the -inventory JSON schema.
type invEntry struct {
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Col     int      `json:"col"`
	Driver  string   `json:"driver"`
	Setting string   `json:"setting"`
	Value   string   `json:"value"` // canonical: "10", "20s", "disable", or "?" when not constant
	Raw     string   `json:"raw"`   // key=value as written
	Scope   []string `json:"scope"`
	Pool    string   `json:"pool"`
	DSN     string   `json:"dsn,omitempty"`
}

// inventory lists every site of every pool once, in source order.
func inventory(out *outcome) []invEntry {
	var es []invEntry
	seen := make(map[string]bool)
	for _, p := range out.pools {
		pos := out.fset.Position(p.Items[0].Pos)
		id := fmt.Sprintf("%s:%d", relPath(pos.Filename), pos.Line)
		for _, s := range p.Sites {
			ref, ok := s.Ref.(*find.Ref)
			if !ok {
				continue
			}
			sp := out.fset.Position(ref.Pos)
			k := fmt.Sprintf("%s:%d", sp.Filename, sp.Offset)
			if seen[k] {
				continue
			}
			seen[k] = true
			es = append(es, invEntry{File: relPath(sp.Filename), Line: sp.Line, Col: sp.Column,
				Driver: string(p.Driver), Setting: string(s.Setting), Value: canonical(s),
				Raw: s.Key + "=" + s.Raw, Scope: p.Scopes, Pool: id, DSN: p.DSN})
		}
	}
	slices.SortStableFunc(es, func(a, b invEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return es
}

// canonical spells a site's value in canonical units.
func canonical(s *model.Site) string {
	if !s.Const {
		return "?"
	}
	return s.Value.String()
}

func inventoryJSON(out *outcome) any {
	es := inventory(out)
	if es == nil {
		es = []invEntry{}
	}
	return struct {
		Settings []invEntry `json:"settings"`
	}{es}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// jsonFinding is poolcheck's own JSON schema for a finding (-format json).
type jsonFinding struct {
	Rule     string    `json:"rule"`
	Severity string    `json:"severity"`
	Message  string    `json:"message"`
	Setting  string    `json:"setting,omitempty"`
	Key      string    `json:"key,omitempty"`
	Found    string    `json:"found,omitempty"`
	Want     string    `json:"want,omitempty"`
	Scope    []string  `json:"scope"`
	Driver   string    `json:"driver,omitempty"`
	DSN      string    `json:"dsn,omitempty"`
	Func     string    `json:"func,omitempty"`
	Start    jsonPos   `json:"start"`
	End      jsonPos   `json:"end"`
	URL      string    `json:"url"`
	Fix      *jsonFix  `json:"fix,omitempty"`
	Related  []jsonRel `json:"related,omitempty"`
}

type jsonPos struct {
	File   string `json:"file"`
	Offset int    `json:"offset"`
	Line   int    `json:"line"`
	Col    int    `json:"col"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

type jsonRel struct {
	Start   jsonPos `json:"start"`
	Message string  `json:"message"`
}

func findingsJSON(out *outcome) any {
	fs := make([]jsonFinding, 0, len(out.findings))
	for _, f := range out.findings {
		fs = append(fs, toJSON(out, f))
	}
	return struct {
		Version  int           `json:"version"`
		Findings []jsonFinding `json:"findings"`
	}{1, fs}
}

func toJSON(out *outcome, f *report.Finding) jsonFinding {
	d := f.Diagnostic
	j := jsonFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: d.Message, Setting: string(f.Setting), Key: f.Key,
		Found: f.Found, Want: f.Want, Scope: f.Scopes, Driver: string(f.Driver), DSN: f.DSN, Func: f.Func,
		Start: pos(out, d.Pos), End: pos(out, d.End), URL: d.URL,
	}
	if j.Scope == nil {
		j.Scope = []string{}
	}
	if len(d.SuggestedFixes) > 0 {
		fix := d.SuggestedFixes[0]
		j.Fix = &jsonFix{Message: fix.Message}
		for _, e := range fix.TextEdits {
			s, en := out.fset.Position(e.Pos), out.fset.Position(end(e))
			j.Fix.Edits = append(j.Fix.Edits, jsonEdit{File: relPath(s.Filename), Start: s.Offset, End: en.Offset, New: string(e.NewText)})
		}
	}
	for _, r := range d.Related {
		j.Related = append(j.Related, jsonRel{Start: pos(out, r.Pos), Message: r.Message})
	}
	return j
}
