package report

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/rules"
)

// fixFor returns the edit that gives the setting the value the rule
// wants: in place, or added to the DSN when the setting is missing.
func fixFor(p *group.Pool, v rules.Violation, ref *find.Ref) []analysis.SuggestedFix {
	if v.Want == "" {
		return nil
	}
	if v.Site != nil {
		if ref.Edit == nil {
			return nil
		}
		edits, ok := ref.Edit(v.Want)
		if !ok {
			return nil
		}
		return []analysis.SuggestedFix{{Message: "set " + v.Site.Key + " to " + v.Want, TextEdits: edits}}
	}
	if ref.Add == nil {
		return nil
	}
	for _, k := range catalog.ForSetting(p.Driver, v.Rule.Setting) {
		if k.API != nil {
			continue
		}
		edits, ok := ref.Add(k.Key, v.Want)
		if !ok {
			return nil
		}
		return []analysis.SuggestedFix{{Message: "add " + k.Key + "=" + v.Want, TextEdits: edits}}
	}
	return nil
}

// dropOverlaps keeps the first fix that touches each source range and
// drops later fixes that overlap it. Identical edits (the same import
// added twice) do not conflict. fs is in source order, the preferred
// finding first at each position.
func dropOverlaps(fs []*Finding) {
	var taken []analysis.TextEdit
	for _, f := range fs {
		fixes := f.Diagnostic.SuggestedFixes
		if len(fixes) == 0 {
			continue
		}
		if conflicts(fixes[0].TextEdits, taken) {
			f.Diagnostic.SuggestedFixes = nil
			continue
		}
		taken = append(taken, fixes[0].TextEdits...)
	}
}

func conflicts(edits, taken []analysis.TextEdit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if e.Pos == t.Pos && end(e) == end(t) && string(e.NewText) == string(t.NewText) {
				continue
			}
			if e.Pos < end(t) && t.Pos < end(e) || e.Pos == t.Pos {
				return true
			}
		}
	}
	return false
}

func end(e analysis.TextEdit) token.Pos {
	if e.End.IsValid() {
		return e.End
	}
	return e.Pos
}
