package store

import "example.com/trie"

// names counts names with a package poolcheck does not read, which the
// summary of store does without (fallback.go, check).
func names(ns []string) int {
	t := trie.New()
	for _, n := range ns {
		t.Put(n)
	}
	return t.Len()
}
