// Command pcprof profiles poolcheck as the CLI drives it: it loads the
// packages as cmd/poolcheck does (same mode, test variants preferred)
// and runs checker.Analyze with poolcheck's analyzer, or with a no-op
// (-noop), writing CPU and heap profiles.
//
//	go run ./cmd/pcprof -cpuprofile cpu.out -memprofile mem.out net/... go/...
//	go tool pprof -top cpu.out
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"reflect"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer"
)

func main() {
	cpu := flag.String("cpuprofile", "", "write a CPU profile of load and analysis to `file`")
	mem := flag.String("memprofile", "", "write a heap profile (after analysis, before exit) to `file`")
	noop := flag.Bool("noop", false, "run a no-op analyzer instead of poolcheck")
	tests := flag.Bool("test", true, "load test variants")
	repeat := flag.Int("repeat", 1, "analyze `n` times (a fresh analyzer each time), for a denser profile of the analysis")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("pcprof: ")

	a := analyzer.New()
	if *noop {
		a = &analysis.Analyzer{Name: "noop", Doc: "noop", ResultType: reflect.TypeFor[*analyzer.Result](),
			Run: func(*analysis.Pass) (any, error) { return &analyzer.Result{}, nil }}
	}
	if *cpu != "" {
		f, err := os.Create(*cpu)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	t0 := time.Now()
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: *tests}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		log.Fatal(err) //nolint:gocritic // a failed load needs no profile
	}
	t1 := time.Now()
	pkgs = preferTestVariants(pkgs)
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		log.Fatal(err)
	}
	for range *repeat - 1 {
		if !*noop {
			a = analyzer.New()
		}
		if graph, err = checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
			log.Fatal(err)
		}
	}
	t2 := time.Now()
	n := 0
	for _, act := range graph.Roots {
		if r, ok := act.Result.(*analyzer.Result); ok {
			n += len(r.Findings)
		}
	}
	fmt.Fprintf(os.Stderr, "packages %d  load %v  analyze %v  findings %d\n", len(pkgs), t1.Sub(t0).Round(time.Millisecond), t2.Sub(t1).Round(time.Millisecond), n)
	if *mem != "" {
		runtime.GC()
		f, err := os.Create(*mem)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
	runtime.KeepAlive(graph)
}

// preferTestVariants is cmd/poolcheck's.
func preferTestVariants(pkgs []*packages.Package) []*packages.Package {
	tested := make(map[string]bool)
	for _, p := range pkgs {
		if p.ID != p.PkgPath && strings.HasPrefix(p.ID, p.PkgPath+" [") {
			tested[p.PkgPath] = true
		}
	}
	return slices.DeleteFunc(slices.Clone(pkgs), func(p *packages.Package) bool {
		return p.ID == p.PkgPath && tested[p.PkgPath] || strings.HasSuffix(p.ID, ".test")
	})
}
