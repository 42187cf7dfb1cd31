package report

import (
	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/internal/editset"
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
	var taken editset.Set
	for _, f := range fs {
		fixes := f.Diagnostic.SuggestedFixes
		if len(fixes) > 0 && !taken.TryAdd(toSet(fixes[0].TextEdits)) {
			f.Diagnostic.SuggestedFixes = nil
		}
	}
}

// toSet spells text edits for an editset, positions as offsets in the
// file set (all of one package, so comparable).
func toSet(tes []analysis.TextEdit) []editset.Edit {
	out := make([]editset.Edit, len(tes))
	for i, te := range tes {
		end := te.End
		if !end.IsValid() {
			end = te.Pos
		}
		out[i] = editset.Edit{Start: int(te.Pos), End: int(end), New: string(te.NewText)}
	}
	return out
}
