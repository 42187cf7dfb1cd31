package scan

import (
	"bytes"
	"strings"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
)

// The pre-filter decides, before any parsing, whether a file may hold a
// connection string or a directive. Most files hold neither, so this is
// what a scan spends its time on: a few passes of bytes.Index and
// bytes.IndexByte, which are vectorized, and a map look-up at each hit.
//
// A file is parsed when it holds
//   - "scheme://" for a scheme the catalog knows (postgres, redis, ...);
//   - "key=" for a pool, timeout or TLS key of any driver
//     (connection_limit=, sslmode=, timeout=, ...) or a key only DSNs
//     use (dbname=, Initial Catalog=, Data Source=), which catches
//     fragments and the keyword/value, MySQL and ADO grammars;
//   - "tcp(" or "unix(" (a MySQL DSN without parameters);
//   - "poolcheck:ignore" (a directive must be checked even when it
//     matches nothing).
//
// What it cannot see: a URL whose "://" is written with escapes
// ("postgres:\/\/" in JSON) or assembled from pieces ("postgres" + "://"),
// and a keyword/value or ADO DSN with none of those keys, which only a
// "required" rule (off by default) could judge.

// interesting reports whether src may hold a DSN or a directive.
func interesting(src []byte) bool {
	return bytes.Contains(src, []byte("poolcheck:ignore")) ||
		hasScheme(src) || hasKey(src) ||
		bytes.Contains(src, []byte("tcp(")) || bytes.Contains(src, []byte("unix("))
}

// hasScheme reports a "scheme://" with a scheme the catalog knows.
func hasScheme(src []byte) bool {
	sep := []byte("://")
	for i := 0; ; {
		j := bytes.Index(src[i:], sep)
		if j < 0 {
			return false
		}
		j += i
		k := j
		for k > 0 && j-k < 24 && schemeByte(src[k-1]) {
			k--
		}
		if k < j {
			if _, ok := catalog.ForScheme(string(src[k:j])); ok {
				return true
			}
		}
		i = j + len(sep)
	}
}

// hasKey reports a "key=" with a key that some driver reads.
func hasKey(src []byte) bool {
	set := keys()
	var buf [40]byte
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '=')
		if j < 0 {
			return false
		}
		j += i
		i = j + 1
		k := j
		for k > 0 && j-k <= len(buf) && keyByte(src[k-1]) {
			k--
		}
		n := j - k
		if n == 0 || n > len(buf) {
			continue
		}
		for x := 0; x < n; x++ {
			c := src[k+x]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[x] = c
		}
		if set.all[string(buf[:n])] {
			return true
		}
	}
}

func keyByte(c byte) bool { return alnum(c) || c == '_' }

// keySet holds DSN keys, lower-case: those of knobs and a few that only
// DSNs use (all, which the pre-filter looks for), and every key the
// drivers read but the catalog does not model (other, for readKey).
// host=, port=, user= and password= are too common in other files to
// make one worth parsing; a DSN without a pool, timeout or TLS key
// matters only to "required" rules, and a URL is found by its scheme.
type keySet struct {
	all, other map[string]bool
}

// dsnOnlyKeys are keys that, followed by '=', mean a DSN: libpq's
// dbname and ADO's Initial Catalog and Data Source.
var dsnOnlyKeys = []string{"dbname", "initial catalog", "data source"}

var keys = sync.OnceValue(func() *keySet {
	s := &keySet{all: make(map[string]bool), other: make(map[string]bool)}
	for _, k := range catalog.Knobs() {
		if k.API != nil {
			continue
		}
		for _, key := range append([]string{k.Key}, k.Aliases...) {
			s.add(s.all, key)
		}
	}
	for _, key := range dsnOnlyKeys {
		s.add(s.all, key)
	}
	for _, d := range catalog.Drivers() {
		if info := catalog.Info(d); info != nil {
			for _, key := range info.Other {
				s.other[strings.ToLower(key)] = true
			}
		}
	}
	return s
})

// add records key, and for a key with spaces ("data source") its last
// word, which is what precedes the '='.
func (s *keySet) add(m map[string]bool, key string) {
	key = strings.ToLower(key)
	m[key] = true
	if i := strings.LastIndexByte(key, ' '); i >= 0 {
		m[key[i+1:]] = true
	}
}

// importsLibrary reports whether JS source imports or requires a Node
// pool library the catalog knows ('pg', 'knex', ...): such a file may
// configure a pool with no DSN in it. It looks at each "from" and
// "require(" followed by a quoted name: two vectorized passes.
func importsLibrary(src []byte) bool {
	libs := nodePackages()
	for _, kw := range [][]byte{[]byte("from"), []byte("require(")} {
		for i := 0; ; {
			j := bytes.Index(src[i:], kw)
			if j < 0 {
				break
			}
			i += j + len(kw)
			k := i
			for k < len(src) && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k >= len(src) || src[k] != '\'' && src[k] != '"' {
				continue
			}
			e := bytes.IndexByte(src[k+1:min(len(src), k+64)], src[k])
			if e >= 0 && libs[string(src[k+1:k+1+e])] {
				return true
			}
		}
	}
	return false
}

// nodePackages are the packages of the catalog's Node entry points.
var nodePackages = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range catalog.NodeSinks() {
		m[s.Package] = true
	}
	return m
})
