package analyzer

import "golang.org/x/tools/go/analysis"

// SetTestHookRun makes f run first in every package, for tests.
func SetTestHookRun(f func(*analysis.Pass)) { testHookRun = f }

func SetTestHookLoadOne(f func(path string)) { testHookLoadOne = f }
