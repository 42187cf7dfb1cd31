package main

import (
	"fmt"
	"go/token"
	"io"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/report"
)

// jsonVersion is the version of the -format json schema. Adding a field
// keeps it; renaming, removing or changing the meaning of one bumps it.
const jsonVersion = 1

// jsonReport is the document -format json prints.
type jsonReport struct {
	Version  int           `json:"version"`
	Tool     string        `json:"tool"`
	Root     string        `json:"root"` // the directory paths are relative to
	Findings []jsonFinding `json:"findings"`
	Summary  jsonSummary   `json:"summary"`
}

// jsonFinding is one finding. Empty strings are omitted; scope and
// fixes are always present.
type jsonFinding struct {
	Rule     string        `json:"rule"`
	Severity string        `json:"severity"` // error, warning or info
	Message  string        `json:"message"`
	URL      string        `json:"url"`
	Setting  string        `json:"setting,omitempty"` // canonical: max_open, connect_timeout, ...
	Key      string        `json:"key,omitempty"`     // as written: connection_limit, SetMaxOpenConns
	Found    string        `json:"found,omitempty"`   // as the driver spells it
	Want     string        `json:"want,omitempty"`    // in the driver's unit
	Scope    []string      `json:"scope"`
	Driver   string        `json:"driver,omitempty"`
	DSN      string        `json:"dsn,omitempty"` // password redacted
	Func     string        `json:"func,omitempty"`
	Start    jsonPos       `json:"start"`
	End      jsonPos       `json:"end"`
	Fixes    []jsonFix     `json:"fixes"` // the first is what -fix applies
	Related  []jsonRelated `json:"related,omitempty"`
	ValueAt  string        `json:"value_at,omitempty"` // where the value is written, path:line, when not at start: a constant's declaration
}

// jsonPos is a position: the byte offset, and the 1-based line and
// byte column as Go tools print them.
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

// jsonEdit replaces the bytes [start, end) with new.
type jsonEdit struct {
	Start jsonPos `json:"start"`
	End   jsonPos `json:"end"`
	New   string  `json:"new"`
}

type jsonRelated struct {
	Start   jsonPos `json:"start"`
	End     jsonPos `json:"end"`
	Message string  `json:"message"`
}

// jsonSummary counts the findings printed by severity, and those that a
// baseline hid or -fix mended, which are not printed.
type jsonSummary struct {
	Error     int `json:"error"`
	Warning   int `json:"warning"`
	Info      int `json:"info"`
	Baselined int `json:"baselined"`
	Fixed     int `json:"fixed"`
}

func printJSON(w io.Writer, out *outcome) error {
	loc := newLocator()
	r := jsonReport{Version: jsonVersion, Tool: "poolcheck", Root: loc.root, Findings: []jsonFinding{},
		Summary: jsonSummary{Baselined: out.hidden, Fixed: out.fixed}}
	counts := map[string]*int{"error": &r.Summary.Error, "warning": &r.Summary.Warning, "info": &r.Summary.Info}
	for _, f := range out.findings {
		j := toJSON(out.fset, loc, f)
		if n := counts[j.Severity]; n != nil {
			*n++
		}
		r.Findings = append(r.Findings, j)
	}
	return writeJSON(w, r)
}

func toJSON(fset *token.FileSet, loc *locator, f *report.Finding) jsonFinding {
	d := f.Diagnostic
	at := func(p token.Pos) jsonPos { return position(fset, loc, p) }
	j := jsonFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: d.Message, URL: d.URL,
		Setting: string(f.Setting), Key: f.Key, Found: f.Found, Want: f.Want, Scope: f.Scopes,
		Driver: string(f.Driver), DSN: f.DSN, Func: f.Func,
		Start: at(d.Pos), End: at(end(d.Pos, d.End)), Fixes: []jsonFix{},
	}
	if j.Scope == nil {
		j.Scope = []string{}
	}
	for _, fix := range d.SuggestedFixes {
		jf := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
		for _, e := range fix.TextEdits {
			jf.Edits = append(jf.Edits, jsonEdit{Start: at(e.Pos), End: at(editEnd(e)), New: string(e.NewText)})
		}
		j.Fixes = append(j.Fixes, jf)
	}
	if f.ValueAt.IsValid() {
		p := at(f.ValueAt)
		j.ValueAt = fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	for _, r := range d.Related {
		j.Related = append(j.Related, jsonRelated{Start: at(r.Pos), End: at(end(r.Pos, r.End)), Message: r.Message})
	}
	return j
}

func position(fset *token.FileSet, loc *locator, p token.Pos) jsonPos {
	q := loc.position(fset, p)
	return jsonPos{File: loc.path(q.Filename), Offset: q.Offset, Line: q.Line, Col: q.Column}
}

// end is the end of a range, or its start when it has none.
func end(pos, end token.Pos) token.Pos {
	if end.IsValid() {
		return end
	}
	return pos
}

func editEnd(e analysis.TextEdit) token.Pos { return end(e.Pos, e.End) }
