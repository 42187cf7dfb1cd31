package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/catalog"
)

// ignoredPrograms lists the files of the main module's loaded packages
// that only the ignore build tag leaves out (//go:build ignore) and that
// import a package poolcheck knows: programs run with `go run file.go`,
// such as test clients and seeders, which no package build loads.
func ignoredPrograms(pkgs []*packages.Package) []string {
	var out []string
	for _, p := range pkgs {
		if p.Module == nil || !p.Module.Main {
			continue
		}
		for _, f := range p.IgnoredFiles {
			if strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") && !slices.Contains(out, f) && isProgram(f) {
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return out
}

// isProgram reports whether the Go file at path is excluded by the
// ignore tag and imports a sink package of the catalog.
func isProgram(path string) bool {
	src, err := os.ReadFile(path)
	if err != nil || !bytes.Contains(src[:min(len(src), 4096)], []byte("ignore")) {
		return false // most ignored files are another platform's: no need to parse them
	}
	f, err := parser.ParseFile(token.NewFileSet(), path, src, parser.ImportsOnly|parser.ParseComments)
	if err != nil || !ignoreTagged(f) {
		return false
	}
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && sinkPackages()[p] {
			return true
		}
	}
	return false
}

// ignoreTagged reports a //go:build line, above the package clause,
// that names the ignore tag.
func ignoreTagged(f *ast.File) bool {
	for _, g := range f.Comments {
		for _, c := range g.List {
			if c.Pos() > f.Package || !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				return false
			}
			ignore := false
			expr.Eval(func(tag string) bool {
				ignore = ignore || tag == "ignore"
				return false
			})
			return ignore
		}
	}
	return false
}

var sinkPackages = sync.OnceValue(func() map[string]bool {
	out := make(map[string]bool)
	for _, s := range catalog.Sinks() {
		out[s.Pkg] = true
	}
	return out
})

// loadPrograms loads each program of files on its own (each has its own
// main) and returns those that load without errors. One that does not is
// named on stderr and left out: no build of the module compiles it, so
// its errors are not the module's.
func loadPrograms(cfg *packages.Config, fset *token.FileSet, files []string, stderr io.Writer) ([]*packages.Package, error) {
	one := *cfg
	one.Tests, one.Fset = false, fset // one file set: positions print from it
	var out []*packages.Package
	for _, f := range files {
		pkgs, err := packages.Load(&one, f)
		if err != nil {
			return nil, err
		}
		if len(pkgs) != 1 || len(pkgs[0].Errors) > 0 || pkgs[0].IllTyped {
			msg := "no package"
			if len(pkgs) == 1 && len(pkgs[0].Errors) > 0 {
				msg = pkgs[0].Errors[0].Error()
			}
			fmt.Fprintf(stderr, "poolcheck: %s: not checked: a //go:build ignore program that does not load: %s\n", relPath(f), msg)
			continue
		}
		out = append(out, pkgs[0])
	}
	return out, nil
}
