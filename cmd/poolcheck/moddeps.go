package main

import (
	"slices"
	"strings"

	"golang.org/x/tools/go/packages"
)

// moduleDeps lists the packages of the main module that the loaded
// packages import, directly or not, without being loaded themselves:
// poolcheck ./app when app calls store.Open. Their facts (the helpers
// that reach a setter, the defaults of config fields) are what the
// loaded packages are judged with, so they are loaded too and analyzed
// for facts only, as go vet and golangci-lint do. Nil when every such
// import is loaded (./...), without running go list again.
func moduleDeps(cfg *packages.Config, pkgs []*packages.Package) ([]string, error) {
	loaded := make(map[string]bool)
	var mains []string
	for _, p := range pkgs {
		loaded[p.PkgPath] = true
		if p.Module != nil && p.Module.Main && !slices.Contains(mains, p.Module.Path) {
			mains = append(mains, p.Module.Path)
		}
	}
	inMain := func(path string) bool {
		return slices.ContainsFunc(mains, func(m string) bool { return path == m || strings.HasPrefix(path, m+"/") })
	}
	var missing []string
	for _, p := range pkgs {
		for path := range p.Imports {
			if inMain(path) && !loaded[path] && !slices.Contains(missing, path) {
				missing = append(missing, path)
			}
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	// The closure, from go list alone: no syntax, no types.
	list := &packages.Config{Mode: packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Dir: cfg.Dir, Env: cfg.Env, BuildFlags: cfg.BuildFlags}
	deps, err := packages.Load(list, missing...)
	if err != nil {
		return nil, err
	}
	var out []string
	packages.Visit(deps, nil, func(p *packages.Package) {
		if p.Module != nil && p.Module.Main && !loaded[p.PkgPath] && !slices.Contains(out, p.PkgPath) {
			out = append(out, p.PkgPath)
		}
	})
	slices.Sort(out)
	return out, nil
}

// dropDepTests removes what loading deps with tests added: their test
// variants, external test packages and test mains. The plain package
// stays, for its facts.
func dropDepTests(pkgs []*packages.Package, deps []string) []*packages.Package {
	return slices.DeleteFunc(slices.Clone(pkgs), func(p *packages.Package) bool {
		path := strings.TrimSuffix(strings.TrimSuffix(p.PkgPath, ".test"), "_test")
		return slices.Contains(deps, path) && p.ID != p.PkgPath
	})
}
