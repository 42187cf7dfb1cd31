package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// FileName is the name of a policy file that Discover finds.
const FileName = ".poolcheck.toml"

// Discover returns the nearest .poolcheck.toml from dir up to the root
// of the module or repository (the first directory holding go.mod or
// .git, inclusive), or "" when there is none. The path it returns is
// absolute.
func Discover(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		path, done, err := step(dir)
		if done {
			return path, err
		}
		dir = filepath.Dir(dir)
	}
}

// step looks in one directory: its policy file, or whether the search
// stops there (a root, or the file system's root). done is false when
// the search goes on in the parent.
func step(dir string) (path string, done bool, err error) {
	p := filepath.Join(dir, FileName)
	found, err := exists(p)
	if err == nil && !found {
		found, err = present(p)
	}
	if found || err != nil {
		return keep(p, found), true, err
	}
	if root, err := isRoot(dir); root || err != nil {
		return "", true, err
	}
	return "", filepath.Dir(dir) == dir, nil
}

// exists reports whether a regular file is at p.
func exists(p string) (bool, error) {
	fi, err := os.Stat(p)
	switch {
	case err == nil:
		return fi.Mode().IsRegular(), nil
	case os.IsNotExist(err):
		return false, nil
	}
	return false, err
}

// present reports a policy path that exists but is not a regular file
// as an error: a policy is never passed over silently.
func present(p string) (bool, error) {
	if _, err := os.Lstat(p); err == nil {
		return false, fmt.Errorf("%s: %w; a policy must be a regular file", p, errNotRegular)
	}
	return false, nil
}

// keep returns p when found, else "".
func keep(p string, found bool) string {
	if found {
		return p
	}
	return ""
}

// isRoot reports a module root (go.mod) or a repository root (.git, a
// directory or, in a worktree, a file).
func isRoot(dir string) (bool, error) {
	if mod, err := exists(filepath.Join(dir, "go.mod")); mod || err != nil {
		return mod, err
	}
	_, err := os.Stat(filepath.Join(dir, ".git"))
	if os.IsNotExist(err) {
		return false, nil
	}
	return err == nil, err
}

// Cache loads each policy file once, for the many packages or files of
// a run that share it. It is safe for concurrent use.
type Cache struct {
	mu   sync.Mutex
	m    map[string]cached
	dirs map[string]discovered
}

type discovered struct {
	path string
	err  error
}

// Discover is Discover, remembered per directory: the packages of a run
// share their parent directories, each of which is then looked at once.
func (c *Cache) Discover(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dirs == nil {
		c.dirs = make(map[string]discovered)
	}
	// Walk up to a directory already looked at or where the search
	// stops, then record the answer for each on the way.
	var walked []string
	var r discovered
	for d := dir; ; d = filepath.Dir(d) {
		if known, ok := c.dirs[d]; ok {
			r = known
			break
		}
		walked = append(walked, d)
		if path, done, err := step(d); done {
			r = discovered{path, err}
			break
		}
	}
	for _, w := range walked {
		c.dirs[w] = r
	}
	return r.path, r.err
}

type cached struct {
	p   *Policy
	err error
}

// Load returns the policy in file path, or the default policy for "".
func (c *Cache) Load(path string) (*Policy, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if r, ok := c.m[path]; ok {
		return r.p, r.err
	}
	var r cached
	if path == "" {
		r.p = Default()
	} else {
		r.p, r.err = Load(path)
	}
	if c.m == nil {
		c.m = make(map[string]cached)
	}
	c.m[path] = r
	return r.p, r.err
}
