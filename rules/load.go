package rules

import (
	_ "embed"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed default.toml
var defaultTOML string

// DefaultName is the name errors and origins give the embedded policy.
const DefaultName = "default"

// Default returns the embedded default policy. It panics if the
// embedded policy does not load, which the package's tests rule out.
func Default() *Policy {
	p, err := loadDefault()
	if err != nil {
		panic("rules: the default policy does not load:\n" + err.Error())
	}
	return p
}

var loadDefault = sync.OnceValues(func() (*Policy, error) {
	f, errs := decode("default.toml", defaultTOML)
	if errs != nil {
		return nil, errs
	}
	p, errs := apply(empty(), f, func(int) string { return DefaultName })
	if errs != nil {
		return nil, errs
	}
	return p, nil
})

// empty is the policy of extends = "none": the built-in scopes, no rules.
func empty() *Policy { return &Policy{scopes: builtinScopes()} }

// Load reads the policy at path and what it extends. Its errors are
// LoadErrors: each with path:line:col and a hint.
func Load(path string) (*Policy, error) {
	p, errs := load(path, nil)
	if errs != nil {
		return nil, errs
	}
	return p, nil
}

// load reads one file of an extends chain; chain holds the absolute
// paths of the files that extend it.
func load(path string, chain []string) (*Policy, LoadErrors) {
	src, err := readRegular(path)
	if err != nil {
		return nil, LoadErrors{{File: path, Msg: "cannot read policy: " + reason(err)}}
	}
	f, errs := decode(path, string(src))
	if errs != nil {
		return nil, errs
	}
	base, errs := f.base(append(chain, absolute(path)))
	if errs != nil {
		return nil, errs
	}
	return apply(base, f, func(line int) string { return path + ":" + strconv.Itoa(line) })
}

// base loads what f extends: the default policy unless it says
// otherwise, none, or a file relative to f.
func (f *file) base(chain []string) (*Policy, LoadErrors) {
	ext := DefaultName
	if f.top.Extends != nil {
		ext = *f.top.Extends
	}
	const hint = `write "default", "none", or a path relative to this file`
	switch ext {
	case DefaultName:
		return Default(), nil
	case "none":
		return empty(), nil
	case "":
		return nil, LoadErrors{f.at("extends", hint, "extends is empty")}
	}
	next := filepath.Join(filepath.Dir(f.name), filepath.FromSlash(ext))
	if i := slices.Index(chain, absolute(next)); i >= 0 {
		return nil, LoadErrors{f.at("extends", "one file of the cycle must extend something else", "extends cycle: %s", cycle(chain[i:], next))}
	}
	if _, err := os.Stat(next); err != nil {
		return nil, LoadErrors{f.at("extends", hint, "extends %q: %s", ext, reason(err))}
	}
	return load(next, chain)
}

// cycle spells a cycle of files by their base names: a.toml → b.toml → a.toml.
func cycle(chain []string, next string) string {
	names := make([]string, 0, len(chain)+1)
	for _, p := range chain {
		names = append(names, filepath.Base(p))
	}
	return strings.Join(append(names, filepath.Base(next)), " → ")
}

func absolute(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

// reason is an I/O error without the path, which the message has.
func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// errNotRegular is a policy path that names a directory, a pipe or a
// device: reading a pipe would wait forever.
var errNotRegular = errors.New("not a regular file")

// readRegular reads the regular file at path.
func readRegular(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	return os.ReadFile(path)
}
