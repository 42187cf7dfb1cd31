// Command poolcheck checks database and redis connection-pool settings
// in Go packages against a policy.
//
//	poolcheck [flags] packages
//
// The same binary is a go vet and go fix tool:
//
//	go vet -vettool=$(command -v poolcheck) ./...
//	go fix -fixtool=$(command -v poolcheck) ./...
//
// Output formats: text, json (poolcheck's schema), sarif and github
// (-format), and the x/tools JSON shape (-json). A baseline file hides
// accepted findings (-baseline, -write-baseline). See the README for
// every flag, the policy and the rules.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/poolcheck/poolcheck/analyzer"
)

// Exit codes, the same on every output format.
const (
	exitOK       = 0 // nothing at or above the fail level
	exitFindings = 1 // findings at or above the fail level
	exitError    = 2 // usage, policy or load error
)

func main() {
	args := os.Args[1:]
	if (len(args) == 0 || args[0] != "scan") && vetMode(args) {
		singlechecker.Main(analyzer.Analyzer)
		return
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// vetMode reports whether go vet or go fix is driving the binary: they
// ask for -V=full and -flags, then pass one *.cfg file.
func vetMode(args []string) bool {
	for _, a := range args {
		if a == "-flags" || strings.HasPrefix(a, "-V") || strings.HasSuffix(a, ".cfg") {
			return true
		}
	}
	return false
}

// run is the CLI; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "scan" {
		return runScan(args[1:], stdout, stderr)
	}
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintln(stderr, "poolcheck:", err)
		return exitError
	}
	return opts.run(stdout, stderr)
}
