package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/poolcheck/poolcheck/rules"
)

// The manual: the README and every page under docs/.
func manual(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", "docs", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{filepath.Join("..", "..", "README.md")}, files...)
}

// A block is one fenced code block of a Markdown file.
type block struct {
	file     string
	line     int // of the opening fence
	lang     string
	text     string
	fragment bool // marked <!-- fragment ... --> on the line before the fence
}

func (b block) String() string { return fmt.Sprintf("%s:%d", b.file, b.line) }

// blocks reads the fenced code blocks of a Markdown file. A fence may be
// indented (inside a list item); the block's lines lose that indent.
func blocks(t *testing.T, file string) []block {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rel, _ := filepath.Rel(filepath.Join("..", ".."), file)
	var out []block
	var cur *block
	var indent, prev, ticks string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			indent = line[:len(line)-len(trimmed)]
			ticks = trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "`"))]
			cur = &block{file: rel, line: n, lang: strings.TrimSpace(trimmed[len(ticks):]),
				fragment: strings.HasPrefix(strings.TrimSpace(prev), "<!-- fragment")}
		case cur != nil && strings.TrimSpace(line) == ticks:
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += strings.TrimPrefix(line, indent) + "\n"
		}
		prev = line
	}
	if cur != nil {
		t.Errorf("%s: the code block is never closed", cur)
	}
	return out
}

// TestDocsTOML loads every toml block of the manual with the policy
// loader: a policy example that does not load is a bug in the manual.
// Blocks marked as fragments are exempt.
func TestDocsTOML(t *testing.T) {
	n := 0
	for _, file := range manual(t) {
		for _, b := range blocks(t, file) {
			if b.lang != "toml" || b.fragment {
				continue
			}
			n++
			path := filepath.Join(t.TempDir(), ".poolcheck.toml")
			if err := os.WriteFile(path, []byte(b.text), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, err := rules.Load(path); err != nil {
				// Positions in the temporary file become positions in the page.
				msg := regexp.MustCompile(`\S*\.poolcheck\.toml:(\d+)`).ReplaceAllStringFunc(err.Error(), func(m string) string {
					line, _ := strconv.Atoi(m[strings.LastIndex(m, ":")+1:])
					return fmt.Sprintf("%s:%d", b.file, b.line+line)
				})
				t.Errorf("%s: the policy does not load: %s", b, msg)
			}
		}
	}
	if n == 0 {
		t.Error("no toml block in the manual: the extraction is broken")
	}
	t.Logf("%d policies loaded", n)
}

// TestDocsYAMLAndJSON parses every yaml block of the manual
// (configurations for golangci-lint, pre-commit, GitHub Actions, GitLab
// CI, scan examples) and every json block (output, baselines).
func TestDocsYAMLAndJSON(t *testing.T) {
	for _, file := range manual(t) {
		for _, b := range blocks(t, file) {
			if b.fragment {
				continue
			}
			var v any
			var err error
			switch b.lang {
			case "yaml", "yml":
				err = yaml.Unmarshal([]byte(b.text), &v)
			case "json":
				err = json.Unmarshal([]byte(b.text), &v)
			}
			if err != nil {
				t.Errorf("%s: %v", b, err)
			}
		}
	}
}

// TestDocsCommands checks every poolcheck command of the manual's shell
// blocks (sh, shell, bash, and the $ lines of console blocks): each flag
// is one the command defines, flags come before the packages or paths,
// and the Go mode's flags parse as the command parses them (values and
// combinations included).
func TestDocsCommands(t *testing.T) {
	goFlags, scanFlags := flagDefs(t, nil), flagDefs(t, []string{"scan"})
	n := 0
	for _, file := range manual(t) {
		for _, b := range blocks(t, file) {
			if b.fragment {
				continue
			}
			for _, c := range commands(b) {
				args, ok := poolcheckArgs(c.words)
				if !ok {
					continue
				}
				n++
				where := fmt.Sprintf("%s:%d", b.file, c.line)
				defs, scan := goFlags, len(args) > 0 && args[0] == "scan"
				if scan {
					defs, args = scanFlags, args[1:]
				}
				if err := checkFlags(defs, args); err != nil {
					t.Errorf("%s: poolcheck %s: %v", where, strings.Join(c.words[1:], " "), err)
					continue
				}
				if !scan {
					if _, err := parseFlags(args, &bytes.Buffer{}); err != nil && !errors.Is(err, flag.ErrHelp) {
						t.Errorf("%s: poolcheck %s: %v", where, strings.Join(args, " "), err)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Error("no poolcheck command in the manual: the extraction is broken")
	}
	t.Logf("%d poolcheck commands checked", n)
}

// A command is the words of one simple shell command and its line.
type command struct {
	line  int
	words []string
}

var shellLangs = map[string]bool{"sh": true, "shell": true, "bash": true, "console": true}

// commands splits a shell block into simple commands: comments dropped,
// continuation lines joined, here-document bodies skipped, and lines cut
// at ;, &&, ||, | and redirections. In a console block only the lines
// after a "$ " prompt are commands.
func commands(b block) []command {
	if !shellLangs[b.lang] {
		return nil
	}
	var out []command
	var heredoc string
	lines := strings.Split(b.text, "\n")
	for i := 0; i < len(lines); i++ {
		line, n := lines[i], b.line+1+i
		if heredoc != "" {
			if strings.TrimSpace(line) == heredoc {
				heredoc = ""
			}
			continue
		}
		if b.lang == "console" {
			rest, ok := strings.CutPrefix(line, "$ ")
			if !ok {
				continue
			}
			line = rest
		}
		for strings.HasSuffix(line, "\\") && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, "\\") + " " + lines[i]
		}
		if m := heredocStart.FindStringSubmatch(line); m != nil {
			heredoc = m[1]
		}
		for _, words := range shellCommands(line) {
			out = append(out, command{n, words})
		}
	}
	return out
}

var heredocStart = regexp.MustCompile(`<<-?\s*['"]?(\w+)['"]?`)

// shellCommands splits one line of shell into the words of its simple
// commands, as far as these checks need: quotes group words (and are
// removed), # starts a comment, ;, &, | end a command, and a redirection
// (>, >>, <, 2>&1, >/dev/null) is dropped with its target.
func shellCommands(line string) [][]string {
	var cmds [][]string
	var words []string
	var cur strings.Builder
	inWord, redirect := false, false
	var quote rune
	endWord := func() {
		if inWord {
			if redirect {
				redirect = false
			} else {
				words = append(words, cur.String())
			}
		}
		cur.Reset()
		inWord = false
	}
	endCommand := func() {
		endWord()
		if len(words) > 0 {
			cmds = append(cmds, words)
		}
		words, redirect = nil, false
	}
	for _, r := range line {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			endWord()
		case r == '#' && !inWord:
			endCommand()
			return cmds
		case r == '>' || r == '<':
			if inWord && strings.Trim(cur.String(), "0123456789") == "" {
				cur.Reset() // a file descriptor: 2>
				inWord = false
			} else {
				endWord()
			}
			redirect = true
		case r == '&' && redirect && !inWord:
			// >&1: the target follows
		case r == ';' || r == '|' || r == '&':
			endCommand()
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	endCommand()
	return cmds
}

// poolcheckArgs returns the arguments of a command that runs poolcheck
// (by name or path, after any VAR=value assignments).
func poolcheckArgs(words []string) ([]string, bool) {
	for len(words) > 0 && regexp.MustCompile(`^[A-Z_][A-Z0-9_]*=`).MatchString(words[0]) {
		words = words[1:]
	}
	if len(words) == 0 || path.Base(strings.Trim(words[0], `"'`)) != "poolcheck" {
		return nil, false
	}
	return words[1:], true
}

// flagDefs reads the flags poolcheck (or poolcheck scan) defines from
// its -h output: the name, and whether it takes a value.
func flagDefs(t *testing.T, sub []string) map[string]bool {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(append(sub, "-h"), &stdout, &stderr); code != exitOK {
		t.Fatalf("poolcheck %v -h: exit %d\n%s", sub, code, stderr.String())
	}
	defs := make(map[string]bool) // name -> takes a value
	for _, m := range regexp.MustCompile(`(?m)^  -(\S+)( \S+)?`).FindAllStringSubmatch(stderr.String(), -1) {
		defs[m[1]] = m[2] != ""
	}
	if len(defs) < 5 {
		t.Fatalf("poolcheck %v -h lists %d flags:\n%s", sub, len(defs), stderr.String())
	}
	return defs
}

// checkFlags reads args as the flag package does and reports an unknown
// flag, a flag without its value, or a flag after the first non-flag
// argument (which the command would read as a package or path).
func checkFlags(defs map[string]bool, args []string) error {
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			break
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if name == "h" || name == "help" {
			continue
		}
		takesValue, ok := defs[name]
		if !ok {
			return fmt.Errorf("no flag -%s", name)
		}
		if takesValue && !hasValue {
			if i+1 == len(args) {
				return fmt.Errorf("-%s needs a value", name)
			}
			i++
		}
	}
	for _, a := range args[i:] {
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			return fmt.Errorf("flag %s comes after the packages or paths, where it is read as one", a)
		}
	}
	return nil
}

// TestDocsCheckerCatches proves the command checks on commands the
// manual must not contain.
func TestDocsCheckerCatches(t *testing.T) {
	goFlags := flagDefs(t, nil)
	for _, tt := range []struct {
		line string
		bad  bool
	}{
		{`poolcheck -fix ./...`, false},
		{`GOFLAGS=-mod=mod "$(go env GOPATH)/bin/poolcheck" -format sarif ./... > poolcheck.sarif || [ $? -eq 1 ]`, false},
		{`poolcheck -baseline poolcheck-baseline.json ./... 2>&1 | tee out.txt`, false},
		{`poolcheck ./... -fix`, true},
		{`poolcheck -fixx ./...`, true},
		{`go install ./cmd/poolcheck && poolcheck -no-such-flag ./...`, true},
		{`poolcheck -format`, true},
		{`echo poolcheck -nope # poolcheck -nope`, false},
	} {
		var bad bool
		for _, words := range shellCommands(tt.line) {
			if args, ok := poolcheckArgs(words); ok && checkFlags(goFlags, args) != nil {
				bad = true
			}
		}
		if bad != tt.bad {
			t.Errorf("%s: reported %v, want %v", tt.line, bad, tt.bad)
		}
	}
}

// pendingPages are pages other work is writing; links to them may lead
// nowhere until they land. Empty when every page has landed.
var pendingPages = map[string]bool{}

// TestDocsLinks follows every relative link of the manual: the file must
// exist and, for a Markdown file, the #anchor must be one of its headings
// (or an <a id>).
func TestDocsLinks(t *testing.T) {
	root := filepath.Join("..", "..")
	link := regexp.MustCompile(`\]\(([^)\s]+)\)`)
	for _, file := range manual(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(root, file)
		for n, line := range strings.Split(outsideCode(string(data)), "\n") {
			for _, m := range link.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				p, anchor, _ := strings.Cut(target, "#")
				dest := rel
				if p != "" {
					dest = filepath.ToSlash(filepath.Join(filepath.Dir(rel), p))
				}
				if _, err := os.Stat(filepath.Join(root, dest)); err != nil {
					if !pendingPages[dest] {
						t.Errorf("%s:%d: %s: no such file %s", rel, n+1, target, dest)
					}
					continue
				}
				if anchor != "" && strings.HasSuffix(dest, ".md") && !anchors(t, filepath.Join(root, dest))[anchor] {
					t.Errorf("%s:%d: %s: %s has no heading #%s", rel, n+1, target, dest, anchor)
				}
			}
		}
	}
}

// outsideCode blanks the fenced code blocks of a page, keeping its lines.
func outsideCode(text string) string {
	lines := strings.Split(text, "\n")
	ticks := ""
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case ticks == "" && strings.HasPrefix(trimmed, "```"):
			ticks = trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "`"))]
			lines[i] = ""
		case ticks != "":
			if trimmed == ticks {
				ticks = ""
			}
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// anchors lists the anchors GitHub makes for a page's headings, and its
// <a id> targets.
func anchors(t *testing.T, file string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := outsideCode(string(data))
	out := make(map[string]bool)
	for _, m := range regexp.MustCompile(`(?m)^#+ (.+)$`).FindAllStringSubmatch(text, -1) {
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(m[1])) {
			switch {
			case r == ' ':
				b.WriteRune('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		out[b.String()] = true
	}
	for _, m := range regexp.MustCompile(`<a id="([^"]+)"`).FindAllStringSubmatch(text, -1) {
		out[m[1]] = true
	}
	return out
}
