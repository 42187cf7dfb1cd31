// Package trie is a third-party package of nothing poolcheck reads: the
// fixtures' xpkg/store uses it only inside a function body, so its
// importers' export data does not name it, and golangci-lint's plugin,
// summarizing store from source for an importer, type-checks store with
// an empty package in its place (analyzer/fallback.go, check). It is
// not a stand-in of a real module (difftest checks those, under src/).
package trie

// Trie holds keys.
type Trie struct{ keys []string }

// New returns an empty Trie.
func New() *Trie { return &Trie{} }

// Put adds k.
func (t *Trie) Put(k string) { t.keys = append(t.keys, k) }

// Len returns the number of keys.
func (t *Trie) Len() int { return len(t.keys) }
