package main

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/rules"
)

// SARIF 2.1.0 (types in sarif_types.go). e2e/sarif_test.go validates
// the output against the specification's JSON schema.
const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	toolURI      = "https://github.com/poolcheck/poolcheck"
)

// sarifLevels maps severities to SARIF levels.
var sarifLevels = map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "note"}

func printSARIF(w io.Writer, out *outcome) error {
	return writeJSON(w, toSARIF(out, newLocator()))
}

func toSARIF(out *outcome, loc *locator) sarifLog {
	s := &sarifWriter{out: out, loc: loc, index: make(map[string]int)}
	for _, d := range out.ruleBook() {
		s.addRule(d)
	}
	run := sarifRun{
		Tool:               sarifTool{Driver: sarifDriver{Name: "poolcheck", InformationURI: toolURI}},
		Invocations:        []sarifInvocation{{ExecutionSuccessful: !out.failed}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(loc.root) + "/"}},
		ColumnKind:         "utf16CodeUnits",
		Results:            []sarifResult{},
	}
	prints := fingerprints(out.findings)
	for i, f := range out.findings {
		run.Results = append(run.Results, s.result(f, prints[i]))
	}
	run.Tool.Driver.Rules = s.rules
	return sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// sarifWriter builds one run: its rules, and results that index them.
type sarifWriter struct {
	out   *outcome
	loc   *locator
	rules []sarifRule
	index map[string]int // rule id -> index in rules
}

func (s *sarifWriter) addRule(d ruleDoc) {
	r := d.rule
	short := cmp.Or(r.Title, r.ID)
	s.index[r.ID] = len(s.rules)
	s.rules = append(s.rules, sarifRule{
		ID:                   r.ID,
		ShortDescription:     sarifText{short},
		FullDescription:      sarifText{cmp.Or(strings.Join(strings.Fields(r.Why), " "), short)},
		Help:                 sarifText{cmp.Or(d.help(), short)},
		HelpURI:              report.DocURL + r.ID,
		DefaultConfiguration: sarifConfig{Enabled: !r.Disabled, Level: sarifLevels[r.Severity]},
		Properties:           sarifRuleProps{Tags: []string{"connection-pool", r.Scope}, Origin: s.origin(r.Origin)},
	})
}

// origin shows a rule's "file:line" relative to the root; the built-in
// policy's rules say "default".
func (s *sarifWriter) origin(o string) string {
	if o == "default" {
		return o
	}
	if !filepath.IsAbs(o) {
		wd, _ := os.Getwd()
		o = filepath.Join(wd, o)
	}
	if rel, ok := strings.CutPrefix(o, s.loc.root+string(filepath.Separator)); ok {
		return filepath.ToSlash(rel)
	}
	return o
}

func (s *sarifWriter) result(f *report.Finding, fingerprint string) sarifResult {
	d := f.Diagnostic
	idx, ok := s.index[f.Rule]
	if !ok { // not in any policy found: describe it from the finding
		s.index[f.Rule] = len(s.rules)
		idx = len(s.rules)
		s.rules = append(s.rules, sarifRule{ID: f.Rule, ShortDescription: sarifText{f.Rule}, FullDescription: sarifText{f.Rule},
			Help: sarifText{f.Rule}, HelpURI: d.URL, DefaultConfiguration: sarifConfig{Enabled: true, Level: sarifLevels[f.Severity]},
			Properties: sarifRuleProps{Tags: []string{"connection-pool"}}})
	}
	scopes := f.Scopes
	if scopes == nil {
		scopes = []string{}
	}
	r := sarifResult{
		RuleID: f.Rule, RuleIndex: idx, Level: sarifLevels[f.Severity], Message: sarifText{d.Message},
		Locations:           []sarifLocation{{PhysicalLocation: s.physical(d.Pos, end(d.Pos, d.End))}},
		PartialFingerprints: map[string]string{"poolcheck/v1": fingerprint},
		Properties: sarifResultProps{Setting: string(f.Setting), Key: f.Key, Found: f.Found, Want: f.Want,
			Driver: string(f.Driver), DSN: f.DSN, Func: f.Func, Scopes: scopes},
	}
	for i, rel := range d.Related {
		r.RelatedLocations = append(r.RelatedLocations, sarifLocation{ID: i + 1,
			PhysicalLocation: s.physical(rel.Pos, end(rel.Pos, rel.End)), Message: &sarifText{rel.Message}})
	}
	for _, fix := range d.SuggestedFixes {
		r.Fixes = append(r.Fixes, s.fix(fix.Message, fix.TextEdits))
	}
	return r
}

func (s *sarifWriter) physical(pos, end token.Pos) sarifPhysical {
	start := s.out.fset.Position(pos)
	return sarifPhysical{ArtifactLocation: s.artifact(start.Filename), Region: s.region(pos, end)}
}

func (s *sarifWriter) region(pos, end token.Pos) sarifRegion {
	a, b := s.loc.position(s.out.fset, pos), s.loc.position(s.out.fset, end)
	return sarifRegion{StartLine: a.Line, StartColumn: s.loc.col16(a), EndLine: b.Line, EndColumn: s.loc.col16(b),
		ByteOffset: a.Offset, ByteLength: b.Offset - a.Offset}
}

// artifact names a file relative to %SRCROOT%, or by its absolute URI
// when it lies outside the root.
func (s *sarifWriter) artifact(file string) sarifArtifactLoc {
	rel, ok := s.loc.rel(file)
	if !ok {
		return sarifArtifactLoc{URI: fileURI(file)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
}

// fix groups a suggested fix's edits by file.
func (s *sarifWriter) fix(msg string, edits []analysis.TextEdit) sarifFix {
	f := sarifFix{Description: sarifText{msg}, ArtifactChanges: []sarifArtifactEdit{}}
	byFile := make(map[string]int)
	for _, e := range edits {
		name := s.out.fset.Position(e.Pos).Filename
		i, ok := byFile[name]
		if !ok {
			i = len(f.ArtifactChanges)
			byFile[name] = i
			f.ArtifactChanges = append(f.ArtifactChanges, sarifArtifactEdit{ArtifactLocation: s.artifact(name)})
		}
		f.ArtifactChanges[i].Replacements = append(f.ArtifactChanges[i].Replacements,
			sarifReplacement{DeletedRegion: s.region(e.Pos, editEnd(e)), InsertedContent: sarifText{string(e.NewText)}})
	}
	return f
}

// fingerprints identifies each finding by what it is, not where: the
// baseline key and its occurrence, so a result survives line shifts.
func fingerprints(fs []*report.Finding) []string {
	seen := make(map[baselineKey]int)
	out := make([]string, len(fs))
	for i, f := range fs {
		k := keyOf(f)
		seen[k]++
		sum := sha256.Sum256([]byte(k.String() + "#" + strconv.Itoa(seen[k])))
		out[i] = hex.EncodeToString(sum[:8])
	}
	return out
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
