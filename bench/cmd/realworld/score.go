package main

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// A LabelFile holds the hand-written labels of one application: where to
// get it and every site a careful reader finds in it. The schema is
// documented in bench/realworld/README.md.
type LabelFile struct {
	App      string   `toml:"app" json:"app"`
	Module   string   `toml:"module" json:"module"`
	Version  string   `toml:"version" json:"version"`
	Sum      string   `toml:"sum" json:"sum"`
	Category string   `toml:"category" json:"category"`
	License  string   `toml:"license" json:"license"`
	Tags     string   `toml:"tags" json:"tags,omitempty"`
	CGO      bool     `toml:"cgo" json:"cgo,omitempty"` // load with CGO_ENABLED=1, as the application's build does
	Packages []string `toml:"packages" json:"packages,omitempty"`
	Notes    string   `toml:"notes" json:"notes,omitempty"`
	Site     []Site   `toml:"site" json:"-"`
}

// A Site is one labelled place in the application's code.
type Site struct {
	File     string   `toml:"file" json:"file"`
	Line     int      `toml:"line" json:"line"`
	EndLine  int      `toml:"end_line" json:"end_line,omitempty"`
	Kind     string   `toml:"kind" json:"kind"` // dsn, setter, field, value, decoy
	Keys     []string `toml:"keys" json:"keys,omitempty"`
	Value    string   `toml:"value" json:"value,omitempty"`
	Constant bool     `toml:"constant" json:"constant"`
	Scope    string   `toml:"scope" json:"scope,omitempty"`
	Verdict  []string `toml:"verdict" json:"verdict,omitempty"`
	Optional bool     `toml:"optional" json:"optional,omitempty"`
	// Inventory false: the site carries no setting of the canonical model
	// (an in-memory SQLite name, cache=shared, journal_mode), so -inventory
	// is not expected to list it; it counts for findings only.
	Inventory *bool  `toml:"inventory" json:"inventory,omitempty"`
	Why       string `toml:"why" json:"why,omitempty"`
}

// inInventory reports whether -inventory is expected to list the site.
func (s *Site) inInventory() bool {
	return s.Inventory == nil || *s.Inventory
}

// Kinds of site. Inventory recall counts dsn, setter and field sites (what
// a reader finds by grep); value sites (a constant or default that reaches
// a setting through a parameter, a config struct or an option function)
// are counted apart; decoys must get no finding.
const (
	KindDSN    = "dsn"
	KindSetter = "setter"
	KindField  = "field"
	KindValue  = "value"
	KindDecoy  = "decoy"
)

// validate reports the first problem of a label file, if any.
func (lf *LabelFile) validate() error {
	if lf.App == "" || lf.Module == "" || lf.Version == "" || lf.Sum == "" {
		return fmt.Errorf("app, module, version and sum are required")
	}
	for i, s := range lf.Site {
		where := fmt.Sprintf("site %d (%s:%d)", i+1, s.File, s.Line)
		if s.File == "" || s.Line < 1 {
			return fmt.Errorf("%s: file and line are required", where)
		}
		if s.EndLine != 0 && s.EndLine < s.Line {
			return fmt.Errorf("%s: end_line before line", where)
		}
		switch s.Kind {
		case KindDSN, KindSetter, KindField, KindValue:
			if s.Scope != "test" && s.Scope != "prod" {
				return fmt.Errorf("%s: scope must be test or prod, not %q", where, s.Scope)
			}
		case KindDecoy:
			if len(s.Verdict) > 0 || s.Optional {
				return fmt.Errorf("%s: a decoy has no verdict", where)
			}
		default:
			return fmt.Errorf("%s: unknown kind %q", where, s.Kind)
		}
		if !s.inInventory() && s.Kind != KindDSN && s.Kind != KindSetter && s.Kind != KindField {
			return fmt.Errorf("%s: inventory = false is for dsn, setter and field sites", where)
		}
		if s.Optional && len(s.Verdict) == 0 {
			return fmt.Errorf("%s: optional without a verdict", where)
		}
	}
	return nil
}

// An InvEntry is one setting of `poolcheck -inventory -format json`.
type InvEntry struct {
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Col     int      `json:"col"`
	Driver  string   `json:"driver"`
	Setting string   `json:"setting"`
	Value   string   `json:"value"`
	Raw     string   `json:"raw"`
	Scope   []string `json:"scope"`
	Pool    string   `json:"pool"`
	ValueAt string   `json:"value_at"` // where the value is written, path:line, when not at the entry
}

// valueAt splits ValueAt into its file and line.
func (e InvEntry) valueAt() (string, int, bool) {
	i := strings.LastIndexByte(e.ValueAt, ':')
	if i < 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(e.ValueAt[i+1:])
	return e.ValueAt[:i], n, err == nil
}

// writtenIn reports an entry whose value is written on s's lines: a
// value label matches the setting it reaches there too.
func (s *Site) writtenIn(e InvEntry) bool {
	file, line, ok := e.valueAt()
	return ok && s.covers(file, line)
}

// Key is the key as written: the part of raw before '='.
func (e InvEntry) Key() string {
	k, _, _ := strings.Cut(e.Raw, "=")
	return k
}

// A Pos is a position in poolcheck's JSON findings.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// A Finding is one finding of `poolcheck -format json`.
type Finding struct {
	Rule    string   `json:"rule"`
	Setting string   `json:"setting"`
	Key     string   `json:"key"`
	Found   string   `json:"found"`
	Driver  string   `json:"driver"`
	Scope   []string `json:"scope"`
	Start   Pos      `json:"start"`
	Message string   `json:"message"`
	ValueAt string   `json:"value_at"` // where the value is written, path:line, when not at start
}

// at reports whether the finding is on s's lines or, for a value label,
// names them as where its value is written (a constant of another
// package that fills a DSN): the same rule as for inventory entries.
func (f Finding) at(s *Site) bool {
	return s.covers(f.Start.File, f.Start.Line) || s.Kind == KindValue && s.writtenIn(InvEntry{ValueAt: f.ValueAt})
}

// covers reports whether the site spans file:line.
func (s *Site) covers(file string, line int) bool {
	if cleanPath(s.File) != cleanPath(file) {
		return false
	}
	end := s.EndLine
	if end == 0 {
		end = s.Line
	}
	return line >= s.Line && line <= end
}

// keyMatches reports whether an entry with this key or canonical setting
// can be the site's. A DSN, value or decoy site takes any entry on its
// lines; a setter or field site takes an entry whose key (SetMaxOpenConns,
// MaxConns) or setting is one of its keys.
func (s *Site) keyMatches(key, setting string) bool {
	if s.Kind != KindSetter && s.Kind != KindField {
		return true
	}
	if len(s.Keys) == 0 {
		return true
	}
	for _, k := range s.Keys {
		if strings.EqualFold(k, key) || strings.EqualFold(k, setting) {
			return true
		}
	}
	return false
}

func cleanPath(p string) string {
	return path.Clean(strings.ReplaceAll(p, "\\", "/"))
}

// A SiteRef names a labelled site in a report.
type SiteRef struct {
	File  string   `json:"file"`
	Line  int      `json:"line"`
	Kind  string   `json:"kind"`
	Keys  []string `json:"keys,omitempty"`
	Value string   `json:"value,omitempty"`
	Scope string   `json:"scope,omitempty"`
	Rule  string   `json:"rule,omitempty"`
	Why   string   `json:"why,omitempty"`
}

// A FindingRef names a finding in a report.
type FindingRef struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Rule  string `json:"rule"`
	Key   string `json:"key,omitempty"`
	Found string `json:"found,omitempty"`
	// Class: "unlabelled" (no label on that line), "wrong-rule" (a label
	// whose verdict does not name the rule) or "decoy".
	Class string `json:"class,omitempty"`
}

// A Score is the result for one application (or the total).
type Score struct {
	App string `json:"app"`

	Sites          int `json:"sites"`           // dsn, setter and field sites
	NotInventoried int `json:"not_inventoried"` // dsn sites with inventory = false
	SitesFound     int `json:"sites_found"`     // of those, listed by -inventory
	Values         int `json:"values"`          // value sites
	ValuesFound    int `json:"values_found"`    // of those, listed by -inventory
	Decoys         int `json:"decoys"`          // decoy sites
	DecoyInvHits   int `json:"decoy_inventory_hits"`
	InvEntries     int `json:"inventory_entries"`
	InvUnlabelled  int `json:"inventory_unlabelled"` // entries on no labelled line

	Findings      int `json:"findings"`
	TruePos       int `json:"true_positives"`
	FalsePos      int `json:"false_positives"`
	Ignored       int `json:"ignored"` // findings of an optional verdict
	DecoyFindings int `json:"decoy_findings"`

	Verdicts         int `json:"verdicts"` // (site, rule) pairs, optional ones left out
	VerdictsReported int `json:"verdicts_reported"`

	InventoryRecall  *float64 `json:"inventory_recall"`
	FindingPrecision *float64 `json:"findings_precision"`
	FindingRecall    *float64 `json:"findings_recall"`

	MissedSites     []SiteRef    `json:"missed_sites,omitempty"`
	MissedValues    []SiteRef    `json:"missed_values,omitempty"`
	MissedVerdicts  []SiteRef    `json:"missed_verdicts,omitempty"`
	FalsePositives  []FindingRef `json:"false_positive_findings,omitempty"`
	DecoyInventory  []SiteRef    `json:"decoy_inventory,omitempty"`
	UnlabelledInv   []FindingRef `json:"unlabelled_inventory,omitempty"`
	IgnoredFindings []FindingRef `json:"ignored_findings,omitempty"`

	LoadErrors []string `json:"load_errors,omitempty"`
	Seconds    float64  `json:"seconds,omitempty"`
}

func ratio(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	r := float64(n) / float64(d)
	return &r
}

func ref(s *Site) SiteRef {
	return SiteRef{File: s.File, Line: s.Line, Kind: s.Kind, Keys: s.Keys, Value: s.Value, Scope: s.Scope, Why: s.Why}
}

// score matches poolcheck's inventory and findings of one application
// against its labels.
func score(app string, sites []Site, inv []InvEntry, findings []Finding) Score {
	sc := Score{App: app, InvEntries: len(inv)}

	// Inventory: which labelled sites does some entry match?
	for i := range sites {
		s := &sites[i]
		hit := false
		for _, e := range inv {
			if s.covers(e.File, e.Line) && s.keyMatches(e.Key(), e.Setting) || s.Kind == KindValue && s.writtenIn(e) {
				hit = true
				break
			}
		}
		switch s.Kind {
		case KindDSN, KindSetter, KindField:
			if !s.inInventory() {
				sc.NotInventoried++
				break
			}
			sc.Sites++
			if hit {
				sc.SitesFound++
			} else {
				sc.MissedSites = append(sc.MissedSites, ref(s))
			}
		case KindValue:
			sc.Values++
			if hit {
				sc.ValuesFound++
			} else {
				sc.MissedValues = append(sc.MissedValues, ref(s))
			}
		case KindDecoy:
			sc.Decoys++
			if hit {
				sc.DecoyInvHits++
				sc.DecoyInventory = append(sc.DecoyInventory, ref(s))
			}
		}
	}
	for _, e := range inv {
		labelled := false
		for i := range sites {
			if sites[i].covers(e.File, e.Line) || sites[i].Kind == KindValue && sites[i].writtenIn(e) {
				labelled = true
				break
			}
		}
		if !labelled {
			sc.InvUnlabelled++
			sc.UnlabelledInv = append(sc.UnlabelledInv, FindingRef{File: e.File, Line: e.Line, Key: e.Key(), Found: e.Value})
		}
	}

	// Findings.
	type verdictKey struct {
		site int
		rule string
	}
	reported := map[verdictKey]bool{}
	for _, f := range findings {
		sc.Findings++
		fr := FindingRef{File: f.Start.File, Line: f.Start.Line, Rule: f.Rule, Key: f.Key, Found: f.Found}
		decoy, labelled := false, false
		tp, ignored := -1, false
		for i := range sites {
			s := &sites[i]
			if !f.at(s) {
				continue
			}
			if s.Kind == KindDecoy {
				decoy = true
				continue
			}
			if !s.keyMatches(f.Key, f.Setting) {
				continue
			}
			labelled = true
			if slices.Contains(s.Verdict, f.Rule) {
				if s.Optional {
					ignored = true
				} else if tp < 0 {
					tp = i
				}
			}
		}
		switch {
		case tp >= 0:
			sc.TruePos++
			reported[verdictKey{tp, f.Rule}] = true
		case ignored:
			sc.Ignored++
			sc.IgnoredFindings = append(sc.IgnoredFindings, fr)
		default:
			sc.FalsePos++
			switch {
			case decoy && !labelled:
				fr.Class = "decoy"
				sc.DecoyFindings++
			case labelled:
				fr.Class = "wrong-rule"
			default:
				fr.Class = "unlabelled"
			}
			sc.FalsePositives = append(sc.FalsePositives, fr)
		}
	}
	// A finding that several labels on one line could take counts once, but
	// each verdict it names is reported: credit every matching site.
	for _, f := range findings {
		for i := range sites {
			s := &sites[i]
			if s.Kind != KindDecoy && !s.Optional && f.at(s) &&
				s.keyMatches(f.Key, f.Setting) && slices.Contains(s.Verdict, f.Rule) {
				reported[verdictKey{i, f.Rule}] = true
			}
		}
	}
	for i := range sites {
		s := &sites[i]
		if s.Kind == KindDecoy || s.Optional {
			continue
		}
		for _, r := range s.Verdict {
			sc.Verdicts++
			if reported[verdictKey{i, r}] {
				sc.VerdictsReported++
			} else {
				m := ref(s)
				m.Rule = r
				sc.MissedVerdicts = append(sc.MissedVerdicts, m)
			}
		}
	}
	sc.fill()
	return sc
}

// fill computes the ratios from the counts.
func (sc *Score) fill() {
	sc.InventoryRecall = ratio(sc.SitesFound, sc.Sites)
	sc.FindingPrecision = ratio(sc.TruePos, sc.TruePos+sc.FalsePos)
	sc.FindingRecall = ratio(sc.VerdictsReported, sc.Verdicts)
}

// total adds up the counts of several scores (lists are left out).
func total(scores []Score) Score {
	t := Score{App: "TOTAL"}
	for _, s := range scores {
		t.Sites += s.Sites
		t.NotInventoried += s.NotInventoried
		t.SitesFound += s.SitesFound
		t.Values += s.Values
		t.ValuesFound += s.ValuesFound
		t.Decoys += s.Decoys
		t.DecoyInvHits += s.DecoyInvHits
		t.InvEntries += s.InvEntries
		t.InvUnlabelled += s.InvUnlabelled
		t.Findings += s.Findings
		t.TruePos += s.TruePos
		t.FalsePos += s.FalsePos
		t.Ignored += s.Ignored
		t.DecoyFindings += s.DecoyFindings
		t.Verdicts += s.Verdicts
		t.VerdictsReported += s.VerdictsReported
		t.Seconds += s.Seconds
	}
	t.fill()
	return t
}

func pct(r *float64) string {
	if r == nil {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", *r)
}

// table renders scores as a Markdown table.
func table(scores []Score) string {
	var b strings.Builder
	b.WriteString("| app | sites found/labelled | inventory recall | values found/labelled | findings | TP | FP | ignored (optional) | verdicts reported/labelled | precision | recall | decoys | decoy findings | decoy inventory hits | seconds |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
	rows := slices.Clone(scores)
	slices.SortStableFunc(rows, func(a, b Score) int {
		return cmp.Compare(strings.ToLower(a.App), strings.ToLower(b.App))
	})
	rows = append(rows, total(scores))
	for _, s := range rows {
		name := s.App
		if name == "TOTAL" {
			name = "**total**"
		}
		fmt.Fprintf(&b, "| %s | %d/%d | %s | %d/%d | %d | %d | %d | %d | %d/%d | %s | %s | %d | %d | %d | %.0f |\n",
			name, s.SitesFound, s.Sites, pct(s.InventoryRecall), s.ValuesFound, s.Values,
			s.Findings, s.TruePos, s.FalsePos, s.Ignored, s.VerdictsReported, s.Verdicts,
			pct(s.FindingPrecision), pct(s.FindingRecall), s.Decoys, s.DecoyFindings, s.DecoyInvHits, s.Seconds)
	}
	return b.String()
}
