package scan

import (
	"cmp"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/rules"
)

// Options configure a scan.
type Options struct {
	// Policy is a policy file. "" uses, for each file, the nearest
	// .poolcheck.toml found by rules.Discover, else the built-in policy:
	// the same choice the Go analyzer makes.
	Policy string
	// MinSeverity drops findings below it; 0 keeps every finding.
	MinSeverity rules.Severity
	// Workers is how many files are read at once; 0 means GOMAXPROCS.
	Workers int
}

// A Finding is one rule broken at one place of a file. It carries what
// the Go analyzer's report.Finding carries, in byte offsets of the file.
type Finding struct {
	Rule     string
	Severity rules.Severity
	Message  string // "[rule-id] ...", worded as the Go analyzer words it
	URL      string // the rule's documentation
	Setting  catalog.Setting
	Key      string // the parameter as written: connection_limit
	Found    string // as the driver spells it
	Want     string // in the driver's unit; "" when no fix applies
	Driver   catalog.Driver
	Scopes   []string
	DSN      string // redacted: never a password
	File     string // the file as the walk found it
	Path     string // slash-separated, relative to the root: what policy globs and baselines use
	Pos, End Position
	Fix      *Fix // nil when there is none
	Related  []Related

	problem bool // the rule judges driver problems, not thresholds
}

// Position is a place in a file: a byte offset, and the 1-based line and
// byte column as Go tools print them.
type Position struct{ Offset, Line, Col int }

// Fix is a set of edits that make a finding go away.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the file bytes [Start, End) with New.
type Edit struct {
	Start, End int
	New        string
}

// Related is another place that a finding is about (the other setting
// of a relation).
type Related struct {
	Pos, End Position
	Message  string
}

// FileError is a file that could not be read or parsed. The scan goes
// on with the other files.
type FileError struct {
	File      string
	Line, Col int // 0 when the error has no position
	Msg       string
}

func (e *FileError) Error() string {
	switch {
	case e.File == "":
		return e.Msg
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Result is what a scan found.
type Result struct {
	Findings []*Finding   // by file, then offset, then rule
	Errors   []*FileError // by file
	Notes    []*FileError // files not scanned that a user may expect to be: not errors
	Files    int          // files of a known type that were read
	Parsed   int          // of those, the files that may hold a DSN and were parsed
	Bytes    int64        // bytes read

	sources map[string][]byte // file -> content, for the files with findings
}

// Source returns the content of a file with findings as it was scanned.
func (r *Result) Source(file string) ([]byte, bool) {
	b, ok := r.sources[file]
	return b, ok
}

// Scan walks paths and judges every connection string it finds in the
// files it knows (see the package documentation). An error means the
// scan could not start (the policy does not load); problems with single
// files are in Result.Errors.
func Scan(paths []string, opts Options) (*Result, error) {
	s := &scanner{opts: opts, roots: make(map[string]string)}
	if opts.Policy != "" {
		pol, err := rules.Load(opts.Policy)
		if err != nil {
			return nil, err
		}
		s.fixed = pol
		if abs, err := filepath.Abs(opts.Policy); err == nil {
			s.policyFile = abs
		}
	}
	if len(paths) == 0 {
		return nil, errors.New("no paths to scan")
	}
	files, errs, notes := s.collect(paths)
	res := &Result{Errors: errs, Notes: notes, sources: make(map[string][]byte)}
	outs := s.run(files)
	for _, o := range outs {
		if o.read {
			res.Files++
			res.Bytes += int64(o.size)
		}
		if o.parsed {
			res.Parsed++
		}
		res.Notes = append(res.Notes, o.notes...)
		for _, e := range o.errs {
			if !slices.ContainsFunc(res.Errors, func(x *FileError) bool { return *x == *e }) {
				res.Errors = append(res.Errors, e)
			}
		}
		if len(o.findings) > 0 {
			res.Findings = append(res.Findings, o.findings...)
			res.sources[o.file.path] = o.src
		}
	}
	slices.SortStableFunc(res.Findings, func(a, b *Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Pos.Offset, b.Pos.Offset))
	})
	slices.SortStableFunc(res.Errors, func(a, b *FileError) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return res, nil
}

// scanner holds what a scan shares between files.
type scanner struct {
	opts       Options
	fixed      *rules.Policy // the -policy file, when given
	policyFile string        // its absolute path: never scanned

	policies rules.Cache
	mu       sync.Mutex
	roots    map[string]string // dir -> root
}

// run scans files on Workers goroutines and returns their outcomes in
// the order of files.
func (s *scanner) run(files []walked) []*outcome {
	outs := make([]*outcome, len(files))
	n := s.opts.Workers
	if n <= 0 {
		n = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, max(len(files), 1)) {
		wg.Go(func() {
			for i := range next {
				outs[i] = s.file(files[i])
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	return outs
}

// policyFor returns the policy for a file in dir: the -policy file, else
// the nearest .poolcheck.toml, else the defaults.
func (s *scanner) policyFor(dir string) (*rules.Policy, error) {
	if s.fixed != nil {
		return s.fixed, nil
	}
	path, err := rules.Discover(dir)
	if err != nil {
		return nil, err
	}
	return s.policies.Load(path)
}

// rootOf returns the directory that policy globs are relative to for a
// file in dir: the nearest directory holding go.mod (the module root,
// as for Go code), else the nearest holding .git, else top (where the
// walk started).
func (s *scanner) rootOf(dir, top string) string {
	s.mu.Lock()
	r, ok := s.roots[dir]
	s.mu.Unlock()
	if ok {
		return r
	}
	r = above(dir, "go.mod")
	if r == "" {
		r = above(dir, ".git")
	}
	if r == "" {
		r = top
	}
	s.mu.Lock()
	s.roots[dir] = r
	s.mu.Unlock()
	return r
}

// above returns the nearest directory at or above dir that holds name.
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

// rel returns file relative to root, slash-separated.
func rel(root, file string) string {
	r, err := filepath.Rel(root, file)
	if err != nil || !filepath.IsLocal(r) {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(r)
}

// With returns a copy of r that holds only the findings fs (a subset of
// r's, after a baseline hid some), for Apply.
func (r *Result) With(fs []*Finding) *Result {
	c := *r
	c.Findings = fs
	return &c
}
