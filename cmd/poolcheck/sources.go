package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/poolcheck/poolcheck/internal/editset"
)

// sources keeps the bytes of each Go file as it was parsed for the
// analysis, so that a fix applies to exactly those bytes. It is the
// loader's ParseFile hook, which go/packages calls once per file, from
// several goroutines.
type sources struct {
	mu     sync.Mutex
	parsed map[string][]byte // file name -> what was parsed
	named  map[string][]byte // a file named by //line directives -> as first read
}

func newSources() *sources {
	return &sources{parsed: make(map[string][]byte), named: make(map[string][]byte)}
}

// parse records src and parses it as go/packages does by default.
func (s *sources) parse(fset *token.FileSet, filename string, src []byte) (*ast.File, error) {
	s.mu.Lock()
	s.parsed[filename] = src
	s.mu.Unlock()
	return parser.ParseFile(fset, filename, src, parser.AllErrors|parser.ParseComments)
}

// place returns the file and edit a text edit makes, checked against
// the bytes that were analysed. An edit in a file that was parsed as
// written applies to it. An edit in a file that //line directives map
// to another (cgo's output, mapped to the .go file that imports "C")
// applies to the named file only when the whole line there is the line
// that was analysed, so the column is the same.
func (s *sources) place(fset *token.FileSet, te analysis.TextEdit) (string, editset.Edit, error) {
	raw, rawEnd := fset.PositionFor(te.Pos, false), fset.PositionFor(editEnd(te), false)
	src, ok := s.parsed[raw.Filename]
	if !ok || raw.Filename != rawEnd.Filename || raw.Offset > rawEnd.Offset || rawEnd.Offset > len(src) {
		return "", editset.Edit{}, fmt.Errorf("the edit lies outside the analysed file")
	}
	e := editset.Edit{Start: raw.Offset, End: rawEnd.Offset, Old: string(src[raw.Offset:rawEnd.Offset]), New: string(te.NewText)}
	adj := fset.Position(te.Pos)
	if adj.Filename == raw.Filename && adj.Line == raw.Line {
		return raw.Filename, e, nil
	}
	orig, err := s.named1(adj.Filename)
	if err != nil {
		return "", editset.Edit{}, err
	}
	line, ok := lineAt(src, raw.Offset)
	at := lineOffset(orig, adj.Line)
	if !ok || rawEnd.Offset > line.end || !sameLine(orig, at, src[line.start:line.end]) {
		return "", editset.Edit{}, errors.New("cgo rewrote this line of " + filepath.Base(adj.Filename) + ", so its columns are not known")
	}
	e.Start, e.End = at+raw.Offset-line.start, at+rawEnd.Offset-line.start
	return adj.Filename, e, nil
}

// named1 returns the content of a file named by //line directives, read
// once, so that every edit of one run checks against the same bytes.
func (s *sources) named1(file string) ([]byte, error) {
	if src, ok := s.named[file]; ok {
		return src, nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	s.named[file] = src
	return src, nil
}

// analysed returns the bytes an edit of file was checked against.
func (s *sources) analysed(file string) []byte {
	if src, ok := s.named[file]; ok {
		return src
	}
	return s.parsed[file]
}

type span struct{ start, end int }

// sameLine reports whether the line of src starting at offset at is line.
func sameLine(src []byte, at int, line []byte) bool {
	if at < 0 || !bytes.HasPrefix(src[at:], line) {
		return false
	}
	rest := src[at+len(line):]
	return len(rest) == 0 || rest[0] == '\n'
}

// lineAt returns the line of src holding offset, without its newline.
func lineAt(src []byte, off int) (span, bool) {
	if off > len(src) {
		return span{}, false
	}
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	end := bytes.IndexByte(src[off:], '\n')
	if end < 0 {
		end = len(src)
	} else {
		end += off
	}
	return span{start, end}, true
}

// lineOffset returns the offset where 1-based line starts in src, or -1.
func lineOffset(src []byte, line int) int {
	off := 0
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}
