package editset

import "testing"

func TestSet(t *testing.T) {
	src := []byte("host=db sslmode=disable pool=1")
	var s Set
	steps := []struct {
		edits []Edit
		ok    bool
	}{
		{[]Edit{{16, 23, "disable", "require"}}, true},
		{[]Edit{{16, 23, "disable", "require"}}, true},          // the same edit again: kept once
		{[]Edit{{20, 22, "ab", "xy"}}, false},                   // inside an edit taken
		{[]Edit{{29, 30, "1", "10"}, {0, 0, "", "# "}}, true},   // two places, out of order
		{[]Edit{{0, 0, "", "x"}}, false},                        // a second insertion at one offset
		{[]Edit{{5, 7, "db", "h1"}, {6, 8, "b ", "zz"}}, false}, // overlapping each other
		{[]Edit{{5, 7, "db", "h2"}}, true},                      // the last step added nothing
	}
	for i, st := range steps {
		if got := s.TryAdd(st.edits); got != st.ok {
			t.Errorf("step %d: TryAdd(%v) = %v, want %v", i, st.edits, got, st.ok)
		}
	}
	got, ok := s.Apply(src)
	if want := "# host=h2 sslmode=require pool=10"; !ok || string(got) != want {
		t.Errorf("Apply = %q, %v; want %q", got, ok, want)
	}
	// An edit whose old bytes are not there is refused.
	var bad Set
	bad.TryAdd([]Edit{{0, 4, "HOST", "x"}})
	if _, ok := bad.Apply(src); ok {
		t.Error("Apply accepted an edit of bytes that are not there")
	}
}

// BenchmarkTryAdd adds n edits in source order; the time per edit stays
// flat as n doubles.
func BenchmarkTryAdd(b *testing.B) {
	for b.Loop() {
		var s Set
		for i := range 100_000 {
			s.TryAdd([]Edit{{Start: i * 10, End: i*10 + 1, Old: "1", New: "10"}})
		}
	}
}
