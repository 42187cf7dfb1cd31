package modroot

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFind(t *testing.T) {
	tmp := t.TempDir()
	mod := filepath.Join(tmp, "mod")
	deep := filepath.Join(mod, "a", "b")
	noMod := filepath.Join(tmp, "plain", "c")
	asDir := filepath.Join(tmp, "dirmod")
	for _, d := range []string{deep, noMod, filepath.Join(asDir, "go.mod")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte("module m\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ dir, want string }{
		{deep, mod},
		{mod, mod},
		{filepath.Join(mod, "a"), mod},
		{asDir, Find(tmp)}, // a directory named go.mod is not one
	} {
		if got := Find(tc.dir); got != tc.want {
			t.Errorf("Find(%s) = %q, want %q", tc.dir, got, tc.want)
		}
	}
	if !Is(mod) || Is(deep) {
		t.Errorf("Is(mod) = %v, Is(deep) = %v; want true, false", Is(mod), Is(deep))
	}
	// Below a directory with no go.mod anywhere above, the answer is
	// whatever holds above tmp (normally ""), the same for each level.
	if Find(noMod) != Find(tmp) {
		t.Errorf("Find(%s) = %q, want Find(tmp) = %q", noMod, Find(noMod), Find(tmp))
	}
}
