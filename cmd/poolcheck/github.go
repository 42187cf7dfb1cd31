package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/poolcheck/poolcheck/rules"
)

// githubLevels maps severities to workflow commands.
var githubLevels = map[rules.Severity]string{rules.Error: "error", rules.Warning: "warning", rules.Info: "notice"}

// printGitHub writes one workflow command per finding, which GitHub
// Actions shows as an annotation on the line:
//
//	::error file=db/db.go,line=11,col=81,endLine=11,endColumn=88,title=…::message
func printGitHub(w io.Writer, out *outcome) error {
	loc := newLocator()
	titles := make(map[string]string)
	for _, d := range out.ruleBook() {
		titles[d.rule.ID] = d.rule.Title
	}
	for _, f := range out.findings {
		d := f.Diagnostic
		a, b := out.fset.Position(d.Pos), out.fset.Position(end(d.Pos, d.End))
		title := "poolcheck " + f.Rule
		if t := titles[f.Rule]; t != "" {
			title += ": " + t
		}
		msg := d.Message
		if len(d.SuggestedFixes) > 0 {
			msg += "\nFix (poolcheck -fix): " + d.SuggestedFixes[0].Message
		}
		msg += "\n" + d.URL
		props := []string{
			"file=" + escapeProperty(loc.path(a.Filename)),
			"line=" + strconv.Itoa(a.Line),
			"col=" + strconv.Itoa(loc.col16(a)),
			"endLine=" + strconv.Itoa(b.Line),
			"endColumn=" + strconv.Itoa(loc.col16(b)),
			"title=" + escapeProperty(title),
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", githubLevels[f.Severity], strings.Join(props, ","), escapeData(msg)); err != nil {
			return err
		}
	}
	return nil
}

// The escapes of GitHub's workflow commands (@actions/core): a message
// may not hold a raw newline, and a property value neither ':' nor ','.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
