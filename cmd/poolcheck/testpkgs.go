package main

import (
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// testOnly returns the packages of the main module that only test code
// imports: every importer among the loaded packages is a _test.go file
// or another such package. Their code is test code (the analyzer's
// -test-packages). A package nothing imports (a command, an API) is not.
func testOnly(pkgs []*packages.Package) []string {
	importers := make(map[string]map[string]bool) // path -> importing package paths; "" for a _test.go file
	var mine []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.Module == nil || !p.Module.Main || len(p.Syntax) == 0 {
			return
		}
		if !strings.HasSuffix(p.PkgPath, "_test") && !slices.Contains(mine, p.PkgPath) {
			mine = append(mine, p.PkgPath)
		}
		for i, f := range p.Syntax {
			by := p.PkgPath
			if i < len(p.CompiledGoFiles) && strings.HasSuffix(p.CompiledGoFiles[i], "_test.go") {
				by = ""
			}
			for _, imp := range f.Imports {
				path, err := strconv.Unquote(imp.Path.Value)
				if err != nil || path == p.PkgPath {
					continue
				}
				if importers[path] == nil {
					importers[path] = make(map[string]bool)
				}
				importers[path][by] = true
			}
		}
	})
	test := make(map[string]bool)
	for changed := true; changed; {
		changed = false
		for _, q := range mine {
			if !test[q] && onlyTests(importers[q], test) {
				test[q], changed = true, true
			}
		}
	}
	var out []string
	for _, q := range mine {
		if test[q] {
			out = append(out, q)
		}
	}
	slices.Sort(out)
	return out
}

// onlyTests reports whether every importer is a test file or a test
// package, and there is at least one.
func onlyTests(importers, test map[string]bool) bool {
	if len(importers) == 0 {
		return false
	}
	for by := range importers {
		if by != "" && !test[by] {
			return false
		}
	}
	return true
}
