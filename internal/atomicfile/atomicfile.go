// Package atomicfile writes the files a fix changed, safely: a file is
// written only while its content is still the content that was analysed,
// through a temporary file in its own directory that is renamed over it,
// with its permissions kept. A reader (an editor, the compiler, another
// poolcheck) sees the old file or the new one, never a mix.
package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// A File is one file to rewrite: Old is what was analysed, New what
// should replace it.
type File struct {
	Name     string
	Old, New []byte
}

// A Failure is a file that was not written, and why.
type Failure struct {
	Name string
	Err  error
}

func (f Failure) Error() string { return f.Name + ": " + f.Err.Error() }

// ErrReadOnly is the reason for a file without write permission.
var ErrReadOnly = errors.New("read-only; not fixed")

// ErrChanged is the reason for a file whose content is no longer Old.
var ErrChanged = errors.New("changed since it was analysed; not fixed (run poolcheck again)")

// Write writes every file whose content on disk is still Old. It first
// prepares each file (checks its content and that it may be written,
// writes the new content next to it), then renames the prepared ones into
// place, checking the content once more just before. It returns the names
// written, in the order given, and a Failure for each file that was not.
func Write(files []File) (written []string, failed []Failure) {
	type prepared struct {
		f   File
		tmp string
	}
	var ready []prepared
	for _, f := range files {
		tmp, err := prepare(f)
		if err != nil {
			failed = append(failed, Failure{f.Name, err})
			continue
		}
		ready = append(ready, prepared{f, tmp})
	}
	for _, p := range ready {
		if err := commit(p.f, p.tmp); err != nil {
			_ = os.Remove(p.tmp)
			failed = append(failed, Failure{p.f.Name, err})
			continue
		}
		written = append(written, p.f.Name)
	}
	return written, failed
}

// prepare checks f and writes its new content to a temporary file in
// the same directory, with the mode of the original.
func prepare(f File) (string, error) {
	fi, err := os.Stat(f.Name)
	if err != nil {
		return "", reason(err)
	}
	if !fi.Mode().IsRegular() {
		return "", errors.New("not a regular file; not fixed")
	}
	if err := Unchanged(f); err != nil {
		return "", err
	}
	// A file the user cannot write, or that is marked read-only (which
	// does not stop root), is not replaced behind their back, although
	// renaming over it would succeed.
	if fi.Mode().Perm()&0o200 == 0 {
		return "", ErrReadOnly
	}
	w, err := os.OpenFile(f.Name, os.O_WRONLY, 0)
	if err != nil {
		return "", reason(err)
	}
	_ = w.Close()
	tmp, err := os.CreateTemp(filepath.Dir(f.Name), "."+filepath.Base(f.Name)+".poolcheck-*")
	if err != nil {
		return "", reason(err)
	}
	err = fill(tmp, f.New, fi.Mode().Perm())
	if err != nil {
		_ = os.Remove(tmp.Name())
		return "", reason(err)
	}
	return tmp.Name(), nil
}

// fill writes data to tmp, sets its mode, flushes and closes it.
func fill(tmp *os.File, data []byte, mode fs.FileMode) error {
	_, err := tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(mode)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	return err
}

// commit renames tmp over f.Name if the file still holds f.Old.
func commit(f File, tmp string) error {
	if err := Unchanged(f); err != nil {
		return err
	}
	if err := os.Rename(tmp, f.Name); err != nil {
		return reason(err)
	}
	return nil
}

// Unchanged reports ErrChanged when the file no longer holds f.Old.
func Unchanged(f File) error {
	now, err := os.ReadFile(f.Name)
	if err != nil {
		return reason(err)
	}
	if !bytes.Equal(now, f.Old) {
		return ErrChanged
	}
	return nil
}

// reason drops the operation and path from a file system error: the
// caller names the file.
func reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w", pe.Err)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return fmt.Errorf("%w", le.Err)
	}
	return err
}
