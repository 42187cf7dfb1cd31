package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/poolcheck/poolcheck/internal/modroot"
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
	if found, err := policyAt(p); found || err != nil {
		return keep(p, found), true, err
	}
	if root, err := isRoot(dir); root || err != nil {
		return "", true, err
	}
	return "", filepath.Dir(dir) == dir, nil
}

// policyAt reports whether a policy file is at p: a regular file, or a
// link to one. Anything else there is an error: a policy is never
// passed over silently. Most directories have none, which one Lstat
// says.
func policyAt(p string) (bool, error) {
	fi, err := os.Lstat(p)
	switch {
	case os.IsNotExist(err):
		return false, nil
	case err != nil:
		return false, err
	case fi.Mode()&os.ModeSymlink != 0:
		fi, err = os.Stat(p)
	}
	if err != nil && !os.IsNotExist(err) {
		return false, err
	}
	if err != nil || !fi.Mode().IsRegular() {
		return false, fmt.Errorf("%s: %w; a policy must be a regular file", p, errNotRegular)
	}
	return true, nil
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
	if modroot.Is(dir) {
		return true, nil
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
	// Walk up to a directory already looked at or where the search
	// stops, then record the answer for each on the way. The lock is
	// not held over the file system: two packages that share a parent
	// at worst both look at it.
	var walked []string
	var r discovered
	for d := dir; ; d = filepath.Dir(d) {
		if known, ok := c.known(d); ok {
			r = known
			break
		}
		walked = append(walked, d)
		if path, done, err := step(d); done {
			r = discovered{path, err}
			break
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dirs == nil {
		c.dirs = make(map[string]discovered)
	}
	for _, w := range walked {
		c.dirs[w] = r
	}
	return r.path, r.err
}

// known returns what Discover found for dir, if it has looked.
func (c *Cache) known(dir string) (discovered, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.dirs[dir]
	return r, ok
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
