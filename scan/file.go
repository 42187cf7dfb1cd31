package scan

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/poolcheck/poolcheck/rules"
)

// maxSize is the largest file a scan reads; larger files are skipped
// (generated data, dumps).
const maxSize = 64 << 20

// A format reads one kind of file.
type format struct {
	name  string
	parse func(f *fileScan)
}

// fileScan is one file being parsed: its bytes, and what the format
// parser found in them.
type fileScan struct {
	src      []byte
	path     string // the file's path, for formats that read its name
	values   []value
	pools    []optPool // Node library pools (JS)
	comments []comment
	errs     []parseError
}

// parseError is a problem at a byte offset, or on a line when the
// parser only gives lines.
type parseError struct {
	off  int // -1 when only line is known
	line int
	msg  string
}

func (f *fileScan) errorf(off int, format string, args ...any) {
	f.errs = append(f.errs, parseError{off: off, msg: fmt.Sprintf(format, args...)})
}

func (f *fileScan) value(v value) { f.values = append(f.values, v) }

func (f *fileScan) comment(start, end, body, stop int) {
	f.comments = append(f.comments, comment{start: start, end: end, body: body, stop: stop})
}

var (
	fmtEnv        = &format{"env", parseEnv}
	fmtYAML       = &format{"yaml", parseYAML}
	fmtJSON       = &format{"json", parseJSON}
	fmtTOML       = &format{"toml", parseTOML}
	fmtINI        = &format{"ini", parseINI}
	fmtProperties = &format{"properties", parseProperties}
	fmtJS         = &format{"js", parseJS}
	fmtPrisma     = &format{"prisma", parsePrisma}
)

// extFormats maps file extensions to formats.
var extFormats = map[string]*format{
	".yml": fmtYAML, ".yaml": fmtYAML,
	".json": fmtJSON, ".jsonc": fmtJSON,
	".toml":       fmtTOML,
	".ini":        fmtINI,
	".properties": fmtProperties,
	".js":         fmtJS, ".mjs": fmtJS, ".cjs": fmtJS, ".jsx": fmtJS,
	".ts": fmtJS, ".mts": fmtJS, ".cts": fmtJS, ".tsx": fmtJS,
	".prisma": fmtPrisma,
	".env":    fmtEnv,
}

// formatFor returns the format of a file by its base name, or nil:
// .env, .env.* and *.env files; YAML, JSON(C), TOML, .ini, .properties,
// JS/TS and .prisma by extension. Minified bundles (*.min.js), type
// declarations (*.d.ts) and poolcheck's own policy files are not read.
func formatFor(base string) *format {
	switch {
	case base == ".env" || strings.HasPrefix(base, ".env."):
		return fmtEnv
	case base == rules.FileName:
		return nil
	}
	for _, skip := range []string{".min.js", ".min.mjs", ".min.cjs", ".d.ts", ".d.mts", ".d.cts"} {
		if strings.HasSuffix(base, skip) {
			return nil
		}
	}
	return extFormats[strings.ToLower(filepath.Ext(base))]
}

// outcome is what scanning one file gave.
type outcome struct {
	file         walked
	read, parsed bool
	size         int
	src          []byte
	findings     []*Finding
	errs         []*FileError
	notes        []*FileError
}

// file scans one file: policy and exclusion first, then its bytes.
func (s *scanner) file(w walked) (o *outcome) {
	o = &outcome{file: w}
	if w.abs == s.policyFile {
		return o
	}
	dir := filepath.Dir(w.abs)
	pol, err := s.policyFor(dir)
	if err != nil { // reported once, with the policy file's own positions
		o.errs = append(o.errs, &FileError{Msg: err.Error()})
		return o
	}
	relp := rel(s.rootOf(dir, w.top), w.abs)
	if pol.Excluded(relp) {
		return o
	}
	if w.size > maxSize {
		e := &FileError{File: w.path, Msg: fmt.Sprintf("not scanned: larger than the %d MiB limit", maxSize>>20)}
		if w.named {
			o.errs = append(o.errs, e)
		} else {
			o.notes = append(o.notes, e)
		}
		return o
	}
	src, err := os.ReadFile(w.path)
	if err != nil {
		o.errs = append(o.errs, &FileError{File: w.path, Msg: "cannot read: " + reason(err)})
		return o
	}
	o.read, o.size = true, len(src)
	s.content(o, relp, pol, src)
	return o
}

// content judges the bytes of a file: the pre-filter, the format's
// parser, the judgement and the directives.
func (s *scanner) content(o *outcome, relp string, pol *rules.Policy, src []byte) {
	w := o.file
	if binary(src) || !interesting(src) && !nodePool(w, src) {
		return
	}
	o.parsed = true
	r := &fileRun{w: w, rel: relp, pol: pol, min: s.opts.MinSeverity, src: src}
	fs := &fileScan{src: withoutBOM(src, w.format), path: w.path}
	if !safely(func() { w.format.parse(fs) }) {
		o.errs = append(o.errs, &FileError{File: w.path, Msg: "internal error while reading this " + w.format.name + " file; please report it"})
		return
	}
	for _, e := range fs.errs {
		fe := &FileError{File: w.path, Line: e.line, Msg: e.msg}
		if e.off >= 0 {
			p := r.position(e.off)
			fe.Line, fe.Col = p.Line, p.Col
		}
		o.errs = append(o.errs, fe)
	}
	if !safely(func() {
		for _, v := range fs.values {
			r.judge(v)
		}
		for i := range fs.pools {
			r.judgePool(&fs.pools[i])
		}
		r.suppress(fs.comments)
		r.settle()
	}) {
		o.errs = append(o.errs, &FileError{File: w.path, Msg: "internal error while judging this file; please report it"})
		return
	}
	o.findings, o.src = r.findings, src
}

// bom is the UTF-8 byte-order mark that editors on Windows write.
var bom = []byte{0xEF, 0xBB, 0xBF}

// withoutBOM returns src with a leading byte-order mark turned into
// spaces, which every format but YAML skips (the YAML parser skips the
// mark itself, and spaces would indent the first line). Offsets stay
// those of the file.
func withoutBOM(src []byte, f *format) []byte {
	if !bytes.HasPrefix(src, bom) || f == fmtYAML {
		return src
	}
	c := bytes.Clone(src)
	copy(c, "   ")
	return c
}

// nodePool reports a JS file that may configure a Node library's pool
// without a DSN in it: it imports one, or it is a knexfile.
func nodePool(w walked, src []byte) bool {
	return w.format == fmtJS && (strings.HasPrefix(filepath.Base(w.path), "knexfile") || importsLibrary(src))
}

// safely runs fn and reports whether it returned without a panic. A
// scan must never crash on a file's content; the fuzz tests hunt for
// the panics this catches.
func safely(fn func()) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	fn()
	return true
}

// binary reports whether src looks binary: a NUL byte in its first 8000
// bytes, as git decides.
func binary(src []byte) bool {
	return bytes.IndexByte(src[:min(len(src), 8000)], 0) >= 0
}
