package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// version spells the build: the module version (a tag, a pseudo-version
// for go install …@commit, or "(devel)" for a build in a checkout), the
// VCS revision and time when the build recorded them, and the Go
// version that built it.
func version(info *debug.BuildInfo, ok bool) string {
	if !ok {
		return "poolcheck (no build information)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = " with uncommitted changes"
			}
		}
	}
	parts := []string{"poolcheck " + v}
	if rev != "" {
		if at != "" {
			rev += " " + at
		}
		parts = append(parts, "revision "+rev+dirty)
	}
	parts = append(parts, "built with "+info.GoVersion)
	return strings.Join(parts, ", ")
}

func printVersion(w io.Writer) {
	fmt.Fprintln(w, version(debug.ReadBuildInfo()))
}
