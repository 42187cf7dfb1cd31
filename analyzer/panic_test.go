package analyzer_test

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/poolcheck/poolcheck/analyzer"
)

// errorsOnly collects what analysistest reports instead of failing.
type errorsOnly struct{ msgs []string }

func (e *errorsOnly) Errorf(format string, args ...any) {
	e.msgs = append(e.msgs, fmt.Sprintf(format, args...))
}

// A panic inside the analysis fails the package with a message; it does
// not crash the run. Not parallel: the hook is global, and the parallel
// tests start only after the sequential ones.
func TestPanicIsAnError(t *testing.T) {
	analyzer.SetTestHookRun(func(pass *analysis.Pass) {
		if pass.Pkg.Path() == "fixtures/src/quiet" {
			panic("injected")
		}
	})
	defer analyzer.SetTestHookRun(nil)
	var got errorsOnly
	analysistest.Run(&got, fixtures, analyzer.New(), "fixtures/src/quiet")
	if len(got.msgs) == 0 || !strings.Contains(strings.Join(got.msgs, "\n"), "internal error in poolcheck: injected") {
		t.Errorf("want the package to fail with the internal error, got %q", got.msgs)
	}
}
