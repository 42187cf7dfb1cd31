package main

import (
	"go/token"
	"os"
	"path/filepath"
	"unicode/utf16"
	"unicode/utf8"
)

// findRoot returns the directory that machine-readable paths are
// relative to: the git top level at or above dir, else the module root,
// else dir itself. Code scanning resolves paths from the repository root.
func findRoot(dir string) string {
	for _, marker := range []string{".git", "go.mod"} {
		if r := above(dir, marker); r != "" {
			return r
		}
	}
	return dir
}

// above returns the nearest directory at or above dir that holds name
// (a file or a directory), or "".
func above(dir, name string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// locator turns token positions into what the machine formats print:
// slash-separated paths relative to the root, and UTF-16 columns.
type locator struct {
	root  string
	files map[string][]byte // read once, for columns
	lines map[string][]int  // line starts of files named by //line directives
}

func newLocator() *locator {
	wd, err := os.Getwd()
	if err != nil {
		wd = "."
	}
	return &locator{root: findRoot(wd), files: make(map[string][]byte), lines: make(map[string][]int)}
}

// rel returns file relative to the root, or ok=false and the absolute
// path when it lies outside.
func (l *locator) rel(file string) (string, bool) {
	r, err := filepath.Rel(l.root, file)
	if err != nil || !filepath.IsLocal(r) {
		return filepath.ToSlash(file), false
	}
	return filepath.ToSlash(r), true
}

// path is rel without the flag.
func (l *locator) path(file string) string {
	p, _ := l.rel(file)
	return p
}

// source returns the content of file, read once.
func (l *locator) source(file string) []byte {
	src, ok := l.files[file]
	if !ok {
		src, _ = os.ReadFile(file)
		l.files[file] = src
	}
	return src
}

// position returns where pos lies in the file the user wrote. A //line
// directive (cgo writes them) moves the file, line and column, but the
// offset token.Position gives is still one in the file that was parsed:
// the offset is counted again from the line and column in the named file.
func (l *locator) position(fset *token.FileSet, pos token.Pos) token.Position {
	p := fset.Position(pos)
	if raw := fset.PositionFor(pos, false); raw.Filename == p.Filename && raw.Line == p.Line {
		return p
	}
	starts, ok := l.lines[p.Filename]
	if !ok {
		starts = lineStarts(l.source(p.Filename))
		l.lines[p.Filename] = starts
	}
	p.Offset = 0
	if p.Line >= 1 && p.Line <= len(starts) {
		p.Offset = starts[p.Line-1] + max(p.Column-1, 0)
	}
	return p
}

// lineStarts returns the offset of the start of each line of src.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// col16 returns the 1-based column of p in UTF-16 code units, which is
// what SARIF viewers and GitHub count; Go counts bytes.
func (l *locator) col16(p token.Position) int {
	src := l.source(p.Filename)
	start := p.Offset - (p.Column - 1)
	if start < 0 || p.Offset > len(src) {
		return p.Column
	}
	n := 1
	for line := src[start:p.Offset]; len(line) > 0; {
		r, size := utf8.DecodeRune(line)
		line = line[size:]
		if utf16.RuneLen(r) == 2 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
