package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// formats are the -format values and their printers, in usage order.
var formats = []struct {
	name  string
	print func(w io.Writer, out *outcome) error
}{
	{"text", printText},
	{"json", printJSON},
	{"sarif", printSARIF},
	{"github", printGitHub},
}

func formatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// print writes the findings, or the inventory, in the chosen format.
func (o *options) print(w io.Writer, out *outcome) error {
	switch {
	case o.jsonX:
		return out.graph.PrintJSON(w)
	case o.inventory && o.format == "json":
		return writeJSON(w, inventoryJSON(out))
	case o.inventory:
		return printInventory(w, out)
	}
	for _, f := range formats {
		if f.name == o.format {
			return f.print(w, out)
		}
	}
	return fmt.Errorf("unknown format %q", o.format)
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
		from := ""
		if e.From != "" {
			from = " from " + e.From
		}
		if e.ValueAt != "" {
			from += ", written at " + e.ValueAt
		}
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s %s=%s (%s%s) %s %s\n",
			e.File, e.Line, e.Col, e.Driver, orDash(e.Setting), e.Value, e.Raw, from, strings.Join(e.Scope, ","), e.Pool); err != nil {
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
	Value   string   `json:"value"`              // canonical: "10", "20s", "disable", or "?" when not constant or not readable as the driver reads it
	Raw     string   `json:"raw"`                // key=value as written
	From    string   `json:"from,omitempty"`     // how a value not written at the setting reaches it: "flag -db-max-conns"
	ValueAt string   `json:"value_at,omitempty"` // where that value is written, path:line: a constant's declaration
	Scope   []string `json:"scope"`
	Pool    string   `json:"pool"`
	DSN     string   `json:"dsn,omitempty"`
}

// inventory lists every site of every pool once, in source order.
func inventory(out *outcome) []invEntry {
	var es []invEntry
	for _, p := range out.pools {
		pos := out.fset.Position(p.Items[0].Pos)
		id := fmt.Sprintf("%s:%d", relPath(pos.Filename), pos.Line)
		for _, s := range p.Sites {
			ref, ok := s.Ref.(*find.Ref)
			if !ok || s.Knob == nil && s.Foreign == nil {
				continue // nothing the catalog knows: host, user, password, ...
			}
			sp := out.fset.Position(cmp.Or(ref.Listed, ref.Pos))
			es = append(es, invEntry{File: relPath(sp.Filename), Line: sp.Line, Col: sp.Column,
				Driver: string(p.Driver), Setting: string(siteSetting(s)), Value: canonical(s),
				Raw: s.Key + "=" + s.Raw, From: s.Via, ValueAt: valueAt(out, ref), Scope: p.Scopes, Pool: id, DSN: p.DSN})
		}
	}
	// One entry a place: a value that reaches two settings (a field read
	// by a database/sql pool and by a pgxpool one) is listed once, the
	// same one every run, whatever order the packages finished in.
	slices.SortStableFunc(es, func(a, b invEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Driver, b.Driver), cmp.Compare(a.Raw, b.Raw), cmp.Compare(a.Pool, b.Pool))
	})
	return slices.CompactFunc(es, func(a, b invEntry) bool {
		return a.File == b.File && a.Line == b.Line && a.Col == b.Col
	})
}

// valueAt spells where a site's value is written, when that is not
// where it is listed: path:line.
func valueAt(out *outcome, ref *find.Ref) string {
	at := ref.ValueAt
	if ref.Listed.IsValid() {
		at = cmp.Or(at, ref.Pos) // a default, listed where it is read
	}
	if !at.IsValid() {
		return ""
	}
	p := out.fset.Position(at)
	if p.Filename == "" {
		return ""
	}
	return fmt.Sprintf("%s:%d", relPath(p.Filename), p.Line)
}

// siteSetting is the site's setting, or the one its key has in the
// driver it belongs to (pool_max_conns given to pgx is still max_open).
func siteSetting(s *model.Site) catalog.Setting {
	if s.Setting == "" && s.Foreign != nil {
		return s.Foreign.Setting
	}
	return s.Setting
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

// writeJSON writes v indented, with & < > as they are: nothing here is
// meant for a browser.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
