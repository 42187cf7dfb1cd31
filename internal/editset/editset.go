// Package editset keeps the text edits taken for one file in order, so
// that deciding whether a new fix overlaps one taken before is a binary
// search: applying n fixes costs O(n log n), not O(n²).
package editset

import (
	"bytes"
	"cmp"
	"slices"
)

// An Edit replaces bytes [Start, End) of a file, which hold Old, with
// New. Start == End inserts.
type Edit struct {
	Start, End int
	Old, New   string
}

// A Set holds non-overlapping edits sorted by start. Fixes arrive in
// source order, so adding is nearly always appending.
type Set struct{ edits []Edit }

// Edits returns the edits in order.
func (s *Set) Edits() []Edit { return s.edits }

// Len is the number of edits.
func (s *Set) Len() int { return len(s.edits) }

// Overlaps reports whether e overlaps, without being equal to, an edit
// of the set. Two insertions at one offset overlap: their order would
// be a guess.
func (s *Set) Overlaps(e Edit) bool {
	i := s.search(e.Start)
	for _, j := range [...]int{i - 1, i, i + 1} {
		if j < 0 || j >= len(s.edits) || s.edits[j] == e {
			continue
		}
		t := s.edits[j]
		if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
			return true
		}
	}
	return false
}

// Fits reports whether every edit of es can be added: none overlaps an
// edit of the set or another of es. An edit equal to one in the set
// fits (the same import added by two fixes).
func (s *Set) Fits(es []Edit) bool {
	for i, e := range es {
		if s.Overlaps(e) {
			return false
		}
		for _, f := range es[:i] {
			if e != f && (e.Start < f.End && f.Start < e.End || e.Start == f.Start) {
				return false
			}
		}
	}
	return true
}

// TryAdd adds every edit of es if they fit, else none. An edit equal to
// one in the set is kept once.
func (s *Set) TryAdd(es []Edit) bool {
	if !s.Fits(es) {
		return false
	}
	for _, e := range es {
		s.add(e)
	}
	return true
}

func (s *Set) add(e Edit) {
	i := s.search(e.Start)
	for j := i; j < len(s.edits) && s.edits[j].Start == e.Start; j++ {
		if s.edits[j] == e {
			return
		}
	}
	s.edits = slices.Insert(s.edits, i, e)
}

// search returns the index of the first edit starting at or after start.
func (s *Set) search(start int) int {
	n := len(s.edits)
	if n == 0 || s.edits[n-1].Start < start {
		return n
	}
	i, _ := slices.BinarySearchFunc(s.edits, start, func(x Edit, start int) int { return cmp.Compare(x.Start, start) })
	return i
}

// Apply returns src with the set's edits made, or false when an edit
// lies outside src or does not replace the bytes it expects.
func (s *Set) Apply(src []byte) ([]byte, bool) {
	var buf bytes.Buffer
	buf.Grow(len(src))
	last := 0
	for _, e := range s.edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) || string(src[e.Start:e.End]) != e.Old {
			return nil, false
		}
		buf.Write(src[last:e.Start])
		buf.WriteString(e.New)
		last = e.End
	}
	buf.Write(src[last:])
	return buf.Bytes(), true
}
