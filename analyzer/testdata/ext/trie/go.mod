module example.com/trie

go 1.26.0
