package e2e

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// command is one parsed workflow command.
type command struct {
	level string
	props map[string]string // unescaped
	msg   string            // unescaped
}

var commandLine = regexp.MustCompile(`^::(error|warning|notice) ([^:]*)::(.*)$`)

// unescape undoes the workflow-command escapes; % goes last.
var unescape = strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%")

func parseCommands(t *testing.T, out string) []command {
	t.Helper()
	var cmds []command
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		m := commandLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not a workflow command: %q", line)
		}
		c := command{level: m[1], props: map[string]string{}, msg: unescape.Replace(m[3])}
		// Escaped property values hold neither ',' nor ':'.
		for _, kv := range strings.Split(m[2], ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				t.Fatalf("bad property %q in %q", kv, line)
			}
			c.props[k] = unescape.Replace(v)
		}
		cmds = append(cmds, c)
	}
	return cmds
}

func TestGitHubFormat(t *testing.T) {
	dir := fixture(t)
	r := check(t, dir, "-format", "github", "-policy", "policies/strict.toml", "./...")
	if r.code != 1 {
		t.Fatalf("want exit 1; %s", r)
	}
	levels := map[string]string{"error": "error", "warning": "warning", "info": "notice"}
	want := sortedByPosition(t, dir, append(append([]finding{}, defaultFindings...), strictFindings...))
	cmds := parseCommands(t, r.stdout)
	if len(cmds) != len(want) {
		t.Fatalf("%d commands, want %d:\n%s", len(cmds), len(want), r.stdout)
	}
	for i, c := range cmds {
		f := want[i]
		start, end := f.locate(t, dir)
		wantProps := map[string]string{
			"file": f.file, "line": strconv.Itoa(start.line), "col": strconv.Itoa(start.col),
			"endLine": strconv.Itoa(end.line), "endColumn": strconv.Itoa(end.col),
		}
		for k, v := range wantProps {
			if c.props[k] != v {
				t.Errorf("%s %s: %s=%q, want %q", f.file, f.rule, k, c.props[k], v)
			}
		}
		if c.level != levels[f.severity] {
			t.Errorf("%s %s: ::%s, want ::%s", f.file, f.rule, c.level, levels[f.severity])
		}
		// The title holds ':' (escaped on the wire); the message a
		// newline before the rule's URL.
		if !strings.HasPrefix(c.props["title"], "poolcheck "+f.rule+": ") {
			t.Errorf("%s %s: title %q", f.file, f.rule, c.props["title"])
		}
		if !strings.HasPrefix(c.msg, "["+f.rule+"] ") || !strings.HasSuffix(c.msg, "\nhttps://github.com/poolcheck/poolcheck/blob/main/docs/rules.md#"+f.rule) {
			t.Errorf("%s %s: message %q", f.file, f.rule, c.msg)
		}
	}
}
