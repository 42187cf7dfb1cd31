package scan

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// An ignorer answers whether git ignores a path, from the .gitignore
// files of the repository (from its top level down to the path's
// directory) and .git/info/exclude. Without a repository, the .gitignore
// files from the walk's top directory down are read. The global
// core.excludesFile is not read: a scan should not depend on one
// developer's machine.
//
// Patterns follow gitignore(5): blank lines and '#' lines are skipped,
// "\#" and "\!" escape, trailing spaces are dropped unless escaped, '!'
// re-includes, a trailing '/' matches directories only, a pattern with a
// '/' before its end is relative to its .gitignore's directory, and one
// without matches a name at any depth; '*', '?' and [...] do not match
// '/', and "**" matches any number of directories. The last matching
// pattern wins, a deeper .gitignore over a shallower one. A directory
// that is ignored is not entered, so nothing below it is re-included,
// as git does.
type ignorer struct {
	root string                  // the repository's top level, or the walk's top
	sets map[string][]gitPattern // directory -> its patterns, read on first use
}

type gitPattern struct {
	glob    string // slash-separated, anchored or not
	negate  bool
	dirOnly bool
	anchor  bool // relative to the directory of its file
}

func newIgnorer(top string) *ignorer {
	g := &ignorer{root: top, sets: make(map[string][]gitPattern)}
	if r := above(top, ".git"); r != "" {
		g.root = r
		g.sets[""] = readPatterns(filepath.Join(r, ".git", "info", "exclude"))
	}
	return g
}

// ignored reports whether git ignores the file or directory at abs.
func (g *ignorer) ignored(abs string, dir bool) bool {
	r, err := filepath.Rel(g.root, abs)
	if err != nil || !filepath.IsLocal(r) {
		return false
	}
	segs := strings.Split(filepath.ToSlash(r), "/")
	ignored := g.match(g.sets[""], strings.Join(segs, "/"), dir, false)
	// The .gitignore of each directory from the root down to the parent,
	// each matching the path relative to its directory.
	for i := range segs {
		ignored = g.match(g.patterns(strings.Join(segs[:i], "/")), strings.Join(segs[i:], "/"), dir, ignored)
	}
	return ignored
}

// match applies ps to p (relative to their directory) and returns the
// verdict of the last pattern that matches, else prev.
func (g *ignorer) match(ps []gitPattern, p string, dir, prev bool) bool {
	base := path.Base(p)
	for _, pt := range ps {
		if pt.dirOnly && !dir {
			continue
		}
		var ok bool
		if pt.anchor {
			ok = globMatch(pt.glob, p)
		} else {
			ok = segMatch(pt.glob, base)
		}
		if ok {
			prev = !pt.negate
		}
	}
	return prev
}

// patterns returns the patterns of the .gitignore in directory d
// (relative to the root, "" for the root itself).
func (g *ignorer) patterns(d string) []gitPattern {
	key := "/" + d
	if ps, ok := g.sets[key]; ok {
		return ps
	}
	ps := readPatterns(filepath.Join(g.root, filepath.FromSlash(d), ".gitignore"))
	g.sets[key] = ps
	return ps
}

func readPatterns(file string) []gitPattern {
	b, err := os.ReadFile(file)
	if err != nil {
		return nil
	}
	return parsePatterns(string(b))
}

// parsePatterns reads the lines of a .gitignore file.
func parsePatterns(src string) []gitPattern {
	var out []gitPattern
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSuffix(line, "\r")
		line = trimTrailingSpaces(line)
		if line == "" || line[0] == '#' {
			continue
		}
		var p gitPattern
		switch {
		case line[0] == '!':
			p.negate, line = true, line[1:]
		case strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`):
			line = line[1:]
		}
		if strings.HasSuffix(line, "/") {
			p.dirOnly, line = true, strings.TrimRight(line, "/")
		}
		if line == "" {
			continue
		}
		if strings.Contains(line, "/") {
			p.anchor = true
			line = strings.TrimPrefix(line, "/")
		}
		p.glob = strings.ReplaceAll(line, "[!", "[^")
		out = append(out, p)
	}
	return out
}

// trimTrailingSpaces drops trailing spaces that are not escaped.
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-1]
	}
	if strings.HasSuffix(s, `\ `) {
		s = s[:len(s)-2] + " "
	}
	return s
}

// globMatch matches a slash-separated path against a glob in which "**"
// is any number of segments: "a/**" matches what is inside a, "**/b" a
// b at any depth, "a/**/b" a b at any depth below a.
func globMatch(glob, p string) bool {
	return matchSegs(strings.Split(glob, "/"), strings.Split(p, "/"))
}

func matchSegs(g, f []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			if len(g) == 1 {
				return len(f) > 0 // "a/**" matches inside a, not a itself
			}
			for i := 0; i <= len(f); i++ {
				if matchSegs(g[1:], f[i:]) {
					return true
				}
			}
			return false
		}
		if len(f) == 0 || !segMatch(g[0], f[0]) {
			return false
		}
		g, f = g[1:], f[1:]
	}
	return len(f) == 0
}

// segMatch matches one path segment as fnmatch does.
func segMatch(glob, name string) bool {
	ok, err := path.Match(glob, name)
	return err == nil && ok
}
