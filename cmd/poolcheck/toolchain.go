package main

import (
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strings"
)

// troubleshootingURL documents what to do when poolcheck is older than
// the Go version of the code it reads.
const troubleshootingURL = "https://github.com/poolcheck/poolcheck/blob/main/docs/cli.md#troubleshooting"

// newerGo matches the two ways a load fails because the code needs a
// newer Go than poolcheck's: go/types, built into poolcheck, refuses the
// package ("package requires newer Go version go1.27 (application built
// with go1.26)"), or the go command refuses the module ("go.mod requires
// go >= 1.27 (running go 1.26.8; GOTOOLCHAIN=local)"). The group is the
// version wanted.
var newerGo = regexp.MustCompile(`requires newer Go version go(1\.\d+(?:\.\d+)?)|requires go >= (1\.\d+(?:\.\d+)?)`)

// toolchainHint returns one line of advice for a load error that says
// the code needs a newer Go, or "".
func toolchainHint(msg string) string {
	m := newerGo.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	want := m[1] + m[2]
	if strings.Count(want, ".") == 1 {
		want += ".0" // GOTOOLCHAIN names a release: go1.27.0
	}
	return fmt.Sprintf("poolcheck: this poolcheck was built with %s and cannot read code for Go %s; rebuild it with that Go: GOTOOLCHAIN=go%s go install github.com/poolcheck/poolcheck/cmd/poolcheck@<version> (see %s)",
		runtime.Version(), m[1]+m[2], want, troubleshootingURL)
}

// printToolchainHint prints the hint for the first message that has one.
func printToolchainHint(stderr io.Writer, msgs ...string) {
	for _, msg := range msgs {
		if hint := toolchainHint(msg); hint != "" {
			fmt.Fprintln(stderr, hint)
			return
		}
	}
}
