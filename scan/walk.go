package scan

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// skipDirs are directories a walk never enters: version control data
// and dependencies, which are not the project's own configuration.
var skipDirs = []string{".git", ".hg", ".svn", "node_modules", "vendor"}

// walked is a file to scan.
type walked struct {
	path   string // as found: the argument, joined with the path below it
	abs    string
	top    string // the absolute directory the walk started from
	size   int64
	format *format
	named  bool // named on the command line
}

// collect lists the files to scan under paths. A file named on the
// command line is scanned whenever its type is known, .gitignore or not;
// in a directory, the walk skips skipDirs, symbolic links, what
// .gitignore files ignore and files of unknown types. Each file is
// listed once.
func (s *scanner) collect(paths []string) (out []walked, errs, notes []*FileError) {
	seen := make(map[string]bool)
	add := func(w walked) {
		if !seen[w.abs] {
			seen[w.abs] = true
			out = append(out, w)
		}
	}
	for _, arg := range paths {
		fi, err := os.Stat(arg)
		if err != nil {
			errs = append(errs, &FileError{File: arg, Msg: reason(err)})
			continue
		}
		abs, err := filepath.Abs(arg)
		if err != nil {
			errs = append(errs, &FileError{File: arg, Msg: reason(err)})
			continue
		}
		if !fi.IsDir() {
			f := formatFor(filepath.Base(arg))
			switch {
			case f == nil:
				notes = append(notes, &FileError{File: arg, Msg: unread(arg)})
			case !fi.Mode().IsRegular():
				errs = append(errs, &FileError{File: arg, Msg: "not a regular file"})
			default:
				add(walked{path: arg, abs: abs, top: filepath.Dir(abs), size: fi.Size(), format: f, named: true})
			}
			continue
		}
		ign := newIgnorer(abs)
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &FileError{File: p, Msg: reason(err)})
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			ap := filepath.Join(abs, mustRel(arg, p))
			if d.IsDir() {
				if p != arg && (slices.Contains(skipDirs, d.Name()) || ign.ignored(ap, true)) {
					return filepath.SkipDir
				}
				return nil
			}
			f := formatFor(d.Name())
			if f == nil || !d.Type().IsRegular() || ign.ignored(ap, false) {
				return nil
			}
			var size int64
			if info, err := d.Info(); err == nil {
				size = info.Size()
			}
			add(walked{path: p, abs: ap, top: abs, size: size, format: f})
			return nil
		})
		if err != nil {
			errs = append(errs, &FileError{File: arg, Msg: reason(err)})
		}
	}
	return out, errs, notes
}

// unread says why a file named on the command line is not scanned.
func unread(name string) string {
	if strings.HasSuffix(name, ".go") {
		return "not scanned: Go files are read by poolcheck ./... (Go mode)"
	}
	return "not scanned: poolcheck scan does not read this type of file"
}

// mustRel returns p relative to base, which WalkDir guarantees is its
// prefix.
func mustRel(base, p string) string {
	r, err := filepath.Rel(base, p)
	if err != nil {
		return "."
	}
	return r
}

// reason is an I/O error without the path, which the message has.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file or directory"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
