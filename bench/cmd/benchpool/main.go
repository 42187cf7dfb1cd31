// Command benchpool is poolcheck's benchmark harness. From a checkout it
// builds the CLI twice, as poolcheck and as a no-op analyzer driven the
// same way (go build -tags poolcheck_noop), then runs both on several
// corpora, alternating no-op and poolcheck runs, and prints medians and
// the ratio poolcheck / no-op of wall time, CPU time and peak RSS.
//
// Run it from bench/ (bench/run.sh does):
//
//	go run ./cmd/benchpool [-runs 5] [-corpus std,xtools,drivers,scale] [-golangci] [-micro]
//
// What is measured, per run of a binary: wall time from start to exit
// (time.Since around os/exec); CPU time as user+system from the rusage
// that wait4 returns, which includes the go list and compiler processes
// the driver started and waited for; peak RSS as ru_maxrss of the same
// rusage, which Linux reports as the largest resident set of the process
// or of any descendant it waited for (not a sum; the driver itself is
// the largest by far).
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

var (
	runs     = flag.Int("runs", 5, "timed runs of each binary per corpus (at least 5 for the published table)")
	corpora  = flag.String("corpus", "std,xtools,drivers,scale", "comma-separated corpora: std, xtools, drivers, scale")
	golangci = flag.Bool("golangci", true, "build golangci-lint with the poolcheck and noop plugins and compare them")
	micro    = flag.Bool("micro", true, "run the micro-benchmarks (go test -bench -benchmem)")
	count    = flag.Int("count", 5, "go test -count for the micro-benchmarks")
	scaleN   = flag.Int("scale", 20, "copies of the drivers corpus in the 1× scaling slice")
	outDir   = flag.String("out", "out", "work and results directory, relative to bench/")
)

// A sample is one run of one binary.
type sample struct {
	wall, cpu time.Duration
	rssMB     float64
}

// A corpus is a set of packages the binaries run on.
type corpus struct {
	name     string
	dir      string   // working directory of the run
	patterns []string // the packages
	pkgs     int      // root packages, with tests
	lines    int      // lines of Go in them
	a, b     []sample // no-op, poolcheck
	floor    string   // what a is, when not the no-op
}

var bench, repo, out string

func main() {
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("benchpool: ")
	wd, err := os.Getwd()
	check(err)
	if _, err := os.Stat(filepath.Join(wd, "cmd", "benchpool")); err != nil {
		log.Fatal("run me from bench/ (bench/run.sh does)")
	}
	bench, repo = wd, filepath.Dir(wd)
	out = filepath.Join(bench, *outDir)
	check(os.MkdirAll(out, 0o755))

	noop, pc := filepath.Join(out, "poolcheck-noop"), filepath.Join(out, "poolcheck")
	step("building %s and %s from %s", rel(noop), rel(pc), repo)
	sh(repo, nil, "go", "build", "-o", pc, "./cmd/poolcheck")
	sh(repo, nil, "go", "build", "-tags", "poolcheck_noop", "-o", noop, "./cmd/poolcheck")

	var cs, scale []*corpus
	for _, name := range strings.Split(*corpora, ",") {
		switch strings.TrimSpace(name) {
		case "std":
			cs = append(cs, &corpus{name: "std slice", dir: bench, patterns: []string{"net/...", "go/...", "database/...", "encoding/..."}})
		case "xtools":
			cs = append(cs, &corpus{name: "x/tools go/...", dir: bench, patterns: []string{"golang.org/x/tools/go/..."}})
		case "drivers":
			cs = append(cs, driversCorpus())
		case "scale":
			for _, k := range []int{1, 2, 4} {
				scale = append(scale, scaleCorpus(k))
			}
		case "":
		default:
			log.Fatalf("unknown corpus %q", name)
		}
	}
	all := append(slices.Clone(cs), scale...)
	for _, c := range all {
		c.pkgs, c.lines = size(c)
		step("%s: %d packages, %d lines; warm-up, then %d × (no-op, poolcheck)", c.name, c.pkgs, c.lines, *runs)
		measure(c, noop, pc)
	}
	var gcl, gclVet []*corpus
	if *golangci {
		gcl, gclVet = golangciRuns()
	}
	var mb []microResult
	if *micro {
		mb = microBenchmarks()
	}

	var md bytes.Buffer
	report(&md, cs, scale, gcl, gclVet, mb)
	check(os.WriteFile(filepath.Join(out, "results.md"), md.Bytes(), 0o644))
	fmt.Print(md.String())
	step("table written to %s", rel(filepath.Join(out, "results.md")))
}

// measure runs a warm-up of each binary, untimed, so that the build
// cache holds every export file and the page cache every source, then
// alternates timed no-op and poolcheck runs.
func measure(c *corpus, noop, pc string) {
	args := append([]string{"-format", "text"}, c.patterns...)
	run(c.dir, nil, noop, args...)
	run(c.dir, nil, pc, args...)
	for i := 0; i < *runs; i++ {
		c.a = append(c.a, run(c.dir, nil, noop, args...))
		c.b = append(c.b, run(c.dir, nil, pc, args...))
		fmt.Fprintf(os.Stderr, "  run %d: no-op %6.2fs  poolcheck %6.2fs\n", i+1, c.a[i].wall.Seconds(), c.b[i].wall.Seconds())
	}
}

// run runs a binary and measures it. Exit code 1 (findings) is success.
func run(dir string, env []string, name string, args ...string) sample {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && (!errors.As(err, &exit) || exit.ExitCode() != 1) {
		log.Fatalf("%s %s in %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), dir, err, tail(stderr.String()))
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{wall: wall, cpu: cpu, rssMB: float64(ru.Maxrss) / 1024} // Linux: KiB
}

// driversCorpus is bench/corpus, a module importing pgx, gorm, sqlx, ent
// and go-redis, analysed with every non-standard package it depends on.
func driversCorpus() *corpus {
	dir := filepath.Join(bench, "corpus")
	deps := strings.Fields(sh(dir, nil, "go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", "./..."))
	deps = slices.DeleteFunc(deps, func(p string) bool { return strings.HasPrefix(p, "github.com/poolcheck/") })
	return &corpus{name: "drivers corpus + deps", dir: dir, patterns: append([]string{"./..."}, deps...)}
}

// scaleModule writes, once, a module holding 4×scaleN copies of
// bench/corpus's packages (store, cache, orm, entdb, app), each copy
// under its own path pNNN, with the corpus's go.mod requirements.
func scaleModule() string {
	return copies(filepath.Join(bench, "corpus"), filepath.Join(out, "scale"))
}

// fixedScaleModule is the scaling module written from fixedCorpus: the
// same code after the fixes a user of the gate makes, so that poolcheck
// analyses every DSN and setting and reports nothing.
func fixedScaleModule() string {
	return copies(fixedCorpus(), filepath.Join(out, "scale-fixed"))
}

// handFix is the one change poolcheck cannot make itself: its message
// for store.OpenFromEnv says to build the URL with net/url.
var handFix = []struct{ file, old, new string }{
	{"store/store.go", "\t\"os\"\n", "\t\"net/url\"\n\t\"os\"\n"},
	{"store/store.go", `	dsn := os.Getenv("DATABASE_URL")
	dsn += "?pool_max_conns=500"
	return pgxpool.New(ctx, dsn)`, `	u, err := url.Parse(os.Getenv("DATABASE_URL"))
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("pool_max_conns", "500")
	u.RawQuery = q.Encode()
	return pgxpool.New(ctx, u.String())`},
}

// fixedCorpus writes, once, a copy of bench/corpus with poolcheck -fix
// applied and handFix made, and fails unless poolcheck then reports
// nothing in it.
func fixedCorpus() string {
	src, dir := filepath.Join(bench, "corpus"), filepath.Join(out, "corpus-fixed")
	pc := filepath.Join(out, "poolcheck")
	check(os.RemoveAll(dir))
	check(filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		r, _ := filepath.Rel(src, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		check(os.MkdirAll(filepath.Join(dir, filepath.Dir(r)), 0o755))
		return os.WriteFile(filepath.Join(dir, r), b, 0o644)
	}))
	run(dir, nil, pc, "-fix", "./...")
	for _, f := range handFix {
		path := filepath.Join(dir, f.file)
		b, err := os.ReadFile(path)
		check(err)
		if !bytes.Contains(b, []byte(f.old)) {
			log.Fatalf("%s: the hand fix no longer applies; update handFix", f.file)
		}
		check(os.WriteFile(path, bytes.Replace(b, []byte(f.old), []byte(f.new), 1), 0o644))
	}
	cmd := exec.Command(pc, "./...")
	cmd.Dir = dir
	if left, err := cmd.CombinedOutput(); err != nil || len(left) > 0 {
		log.Fatalf("poolcheck ./... in %s after the fixes: %v\n%s", dir, err, left)
	}
	return dir
}

// copies writes, once, 4×scaleN copies of the packages of the module in
// src to the module in dir.
func copies(src, dir string) string {
	stamp := filepath.Join(dir, fmt.Sprintf(".copies-%d", 4**scaleN))
	if _, err := os.Stat(stamp); err == nil {
		return dir // keep the files, and so the build cache's export data
	}
	check(os.RemoveAll(dir))
	check(os.MkdirAll(dir, 0o755))
	mod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	check(err)
	mod = regexp.MustCompile(`(?m)^module .*$`).ReplaceAll(mod, []byte("module scale"))
	check(os.WriteFile(filepath.Join(dir, "go.mod"), mod, 0o644))
	sum, err := os.ReadFile(filepath.Join(src, "go.sum"))
	check(err)
	check(os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))
	for i := range 4 * *scaleN {
		copyPath := fmt.Sprintf("p%03d", i)
		check(filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			r, _ := filepath.Rel(src, path)
			if filepath.Dir(r) == "." {
				return nil // doc.go of the root package
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			b = bytes.ReplaceAll(b, []byte("github.com/poolcheck/poolcheck/bench/corpus/"), []byte("scale/"+copyPath+"/"))
			dst := filepath.Join(dir, copyPath, r)
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		}))
	}
	check(os.WriteFile(stamp, nil, 0o644))
	return dir
}

// scaleCorpus is the first k×scaleN copies in the scaling module. The
// sizes share one module so that go list compiles each copy once.
func scaleCorpus(k int) *corpus {
	dir := scaleModule()
	c := &corpus{name: fmt.Sprintf("scale %d×", k), dir: dir}
	for i := range k * *scaleN {
		c.patterns = append(c.patterns, fmt.Sprintf("scale/p%03d/...", i))
	}
	return c
}

// size counts the root packages and their lines of Go, test files too.
func size(c *corpus) (pkgs, lines int) {
	list := sh(c.dir, nil, "go", append([]string{"list", "-e", "-f",
		"{{.Dir}}{{range .GoFiles}} {{.}}{{end}}{{range .CgoFiles}} {{.}}{{end}}{{range .TestGoFiles}} {{.}}{{end}}{{range .XTestGoFiles}} {{.}}{{end}}"},
		c.patterns...)...)
	for _, l := range strings.Split(strings.TrimSpace(list), "\n") {
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		pkgs++
		for _, name := range f[1:] {
			b, err := os.ReadFile(filepath.Join(f[0], name))
			check(err)
			lines += bytes.Count(b, []byte("\n"))
		}
	}
	return pkgs, lines
}

// golangciRuns builds one golangci-lint with both plugins and runs it on
// the drivers corpus, on the scaling module (4×) and on the same module
// with its findings fixed (where golangci-lint has no issues to process,
// so the ratio is poolcheck's analysis alone), alternating a
// configuration that enables only noop with one that enables only
// poolcheck, then the same two with govet enabled as well (golangci-lint's
// standard set has it). Each run gets an empty golangci-lint cache.
//
// The second pair is the configuration most users run. poolcheck's facts
// make golangci-lint type-check every dependency from source on a cold
// cache; govet's own facts (printf, ...) already do, so alongside it
// poolcheck adds only its analysis.
func golangciRuns() (alone, withVet []*corpus) {
	bin := filepath.Join(out, "golangci-lint-bench")
	step("building %s (bench/build-golangci.sh; minutes when the build cache is cold)", rel(bin))
	sh(bench, nil, filepath.Join(bench, "build-golangci.sh"), bin)
	// cfg writes golangci-<file>[-govet].yml enabling plugin name, with
	// settings (YAML lines under the plugin) when not empty.
	cfg := func(file, name string, vet bool, settings string) string {
		enable := name
		if vet {
			enable, file = name+", govet", file+"-govet"
		}
		path := filepath.Join(out, "golangci-"+file+".yml")
		check(os.WriteFile(path, []byte(`version: "2"
run:
  tests: true
linters:
  default: none
  enable: [`+enable+`]
  settings:
    custom:
      `+name+`:
        type: module
        description: `+name+settings+`
issues:
  max-issues-per-linter: 0
  max-same-issues: 0
`), 0o644))
		return path
	}
	dirs := []struct {
		name, dir string
		control   bool // alone, also against the no-op reporting one issue per file
	}{
		{"drivers corpus ./...", filepath.Join(bench, "corpus"), false},
		{"scale module (4×) ./...", scaleModule(), true},
		{"scale module (4×), findings fixed ./...", fixedScaleModule(), false},
	}
	reportCfg := cfg("noop-report", "noop", false, "\n        settings:\n          report: true")
	for _, vet := range []bool{false, true} {
		noopCfg, pcCfg := cfg("noop", "noop", vet, ""), cfg("poolcheck", "poolcheck", vet, "")
		for _, d := range dirs {
			c := &corpus{name: d.name, dir: d.dir, patterns: []string{"./..."}}
			c.pkgs, c.lines = size(c)
			step("golangci-lint on %s (govet too: %v): warm-up, then %d × (noop, poolcheck)", c.name, vet, *runs)
			lint := func(config string) sample {
				cache, err := os.MkdirTemp(out, "gcl-cache-")
				check(err)
				defer func() { check(os.RemoveAll(cache)) }()
				return run(c.dir, []string{"GOLANGCI_LINT_CACHE=" + cache}, bin, "run", "--config", config, "--issues-exit-code", "1", "./...")
			}
			lint(noopCfg)
			lint(pcCfg)
			// Alone on the scale module, a third floor: the no-op that
			// reports one issue per file, as poolcheck reports about one.
			var control *corpus
			if !vet && d.control {
				control = &corpus{name: c.name, pkgs: c.pkgs, lines: c.lines, floor: "noop reporting one issue per file"}
			}
			for i := 0; i < *runs; i++ {
				c.a = append(c.a, lint(noopCfg))
				c.b = append(c.b, lint(pcCfg))
				fmt.Fprintf(os.Stderr, "  run %d: noop %6.2fs  poolcheck %6.2fs\n", i+1, c.a[i].wall.Seconds(), c.b[i].wall.Seconds())
				if control != nil {
					control.a = append(control.a, lint(reportCfg))
					control.b = c.b
					fmt.Fprintf(os.Stderr, "  run %d: noop reporting one issue per file %6.2fs\n", i+1, control.a[i].wall.Seconds())
				}
			}
			if vet {
				withVet = append(withVet, c)
			} else {
				alone = append(alone, c)
			}
			if control != nil {
				alone = append(alone, control)
			}
		}
	}
	return alone, withVet
}

type microResult struct {
	name                string
	ns, bytes, allocs   float64
	nsAll, mbAll        []float64 // ns/op and MB/s of each run
	mbs                 float64   // median MB/s, 0 when not reported
	hasBytes, hasAllocs bool
}

// benchLine is a result line: name, iterations, then value-unit pairs
// (ns/op, custom metrics, B/op, allocs/op) in any order.
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+((?:\s+[\d.e+-]+ \S+)+)\s*$`)

// microBenchmarks runs go test -bench in the root module and keeps the
// median of -count runs of each benchmark.
func microBenchmarks() []microResult {
	pkgs := []string{"./dsn", "./rules", "./analyzer", "./scan"}
	step("micro-benchmarks: go test -run '^$' -bench . -benchmem -count %d %s", *count, strings.Join(pkgs, " "))
	text := sh(repo, nil, "go", append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", strconv.Itoa(*count)}, pkgs...)...)
	check(os.WriteFile(filepath.Join(out, "micro.txt"), []byte(text), 0o644))
	byName := map[string]*microResult{}
	var order []string
	sc := bufio.NewScanner(strings.NewReader(text))
	pkg := ""
	for sc.Scan() {
		l := sc.Text()
		if p, ok := strings.CutPrefix(l, "pkg: "); ok {
			pkg = p[strings.LastIndex(p, "/")+1:]
		}
		m := benchLine.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		name := pkg + "." + m[1]
		r := byName[name]
		if r == nil {
			r = &microResult{name: name}
			byName[name] = r
			order = append(order, name)
		}
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				r.nsAll = append(r.nsAll, v)
			case "MB/s":
				r.mbAll = append(r.mbAll, v)
			case "B/op":
				r.bytes, r.hasBytes = v, true
			case "allocs/op":
				r.allocs, r.hasAllocs = v, true
			}
		}
	}
	var rs []microResult
	for _, n := range order {
		r := byName[n]
		r.ns = median(r.nsAll)
		if len(r.mbAll) > 0 {
			r.mbs = median(r.mbAll)
		}
		rs = append(rs, *r)
	}
	return rs
}

func report(w io.Writer, cs, scale, gcl, gclVet []*corpus, mb []microResult) {
	fmt.Fprintf(w, "Machine: %d CPUs (nproc), %s, %s, GOMAXPROCS %d. Date: %s.\n",
		runtime.NumCPU(), cpuModel(), strings.TrimSpace(sh(bench, nil, "go", "version")), runtime.GOMAXPROCS(0), time.Now().Format("2006-01-02"))
	fmt.Fprintf(w, "Command: `%s` (%d timed runs of each binary per corpus, alternating no-op, poolcheck; medians).\n\n",
		strings.TrimSpace("bench/run.sh "+strings.Join(os.Args[1:], " ")), *runs)
	if len(cs) > 0 {
		fmt.Fprintf(w, "### CLI: poolcheck vs the no-op analyzer (same driver, same load)\n\n")
		table(w, cs, "no-op")
	}
	if len(scale) > 0 {
		fmt.Fprintf(w, "### Scaling: 1×, 2×, 4× copies of the drivers corpus (%d, %d, %d copies)\n\n", *scaleN, 2**scaleN, 4**scaleN)
		table(w, scale, "no-op")
		fmt.Fprintf(w, "| size | lines | poolcheck wall | × 1× wall | lines × | no-op wall | poolcheck − no-op | × 1× |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
		base := scale[0]
		bw, bd := med(base.b, wall), med(base.b, wall)-med(base.a, wall)
		for _, c := range scale {
			pw, nw := med(c.b, wall), med(c.a, wall)
			fmt.Fprintf(w, "| %s | %d | %.2f s | %.2f | %.1f | %.2f s | %.3f s | %.2f |\n",
				c.name, c.lines, pw, pw/bw, float64(c.lines)/float64(base.lines), nw, pw-nw, (pw-nw)/bd)
		}
		if len(scale) == 3 {
			t1, t2, t4 := med(scale[0].b, wall), med(scale[1].b, wall), med(scale[2].b, wall)
			fmt.Fprintf(w, "\nTime for twice the code: T(2×)/T(1×) = %.2f, T(4×)/T(2×) = %.2f. Marginal: (T(4×)−T(2×)) / (T(2×)−T(1×)) = %.2f (2.00 is linear).\n",
				t2/t1, t4/t2, (t4-t2)/(t2-t1))
		}
		fmt.Fprintln(w)
	}
	if len(gcl) > 0 {
		fmt.Fprintf(w, "### golangci-lint v2.15.0, one binary with both plugins: only noop vs only poolcheck enabled (empty cache each run)\n\n")
		table(w, gcl, "noop")
	}
	if len(gclVet) > 0 {
		fmt.Fprintf(w, "### golangci-lint v2.15.0, the same binary with govet enabled too: noop + govet vs poolcheck + govet (empty cache each run)\n\n")
		table(w, gclVet, "noop")
	}
	if len(mb) > 0 {
		fmt.Fprintf(w, "### Micro-benchmarks (go test -bench . -benchmem -count %d; median ns/op)\n\n| benchmark | ns/op | MB/s | B/op | allocs/op |\n|---|---:|---:|---:|---:|\n", *count)
		for _, r := range mb {
			b, a := "", ""
			if r.hasBytes {
				b = strconv.FormatFloat(r.bytes, 'f', -1, 64)
			}
			if r.hasAllocs {
				a = strconv.FormatFloat(r.allocs, 'f', -1, 64)
			}
			mb := ""
			if r.mbs > 0 {
				mb = strconv.FormatFloat(r.mbs, 'f', 1, 64)
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", r.name, fmtNs(r.ns), mb, b, a)
		}
		fmt.Fprintln(w)
	}
	targets(w, cs, scale, gcl, gclVet)
}

// label names a row of a table: the corpus, and a floor other than
// the no-op.
func (c *corpus) label() string {
	if c.floor == "" {
		return c.name
	}
	return c.name + " — floor: " + c.floor
}

func table(w io.Writer, cs []*corpus, floor string) {
	fmt.Fprintf(w, "| corpus | pkgs | lines | wall %[1]s | wall poolcheck | ratio | CPU %[1]s | CPU poolcheck | ratio | RSS %[1]s | RSS poolcheck | ratio |\n", floor)
	fmt.Fprintf(w, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, c := range cs {
		wa, wb := med(c.a, wall), med(c.b, wall)
		ca, cb := med(c.a, cpu), med(c.b, cpu)
		ra, rb := med(c.a, rss), med(c.b, rss)
		fmt.Fprintf(w, "| %s | %d | %d | %.2f s | %.2f s | **%.3f** | %.2f s | %.2f s | %.3f | %.0f MB | %.0f MB | **%.3f** |\n",
			c.label(), c.pkgs, c.lines, wa, wb, wb/wa, ca, cb, cb/ca, ra, rb, rb/ra)
	}
	fmt.Fprintln(w)
}

// targets states each target of the issue against the measurements.
func targets(w io.Writer, cs, scale, gcl, gclVet []*corpus) {
	fmt.Fprintf(w, "### Targets\n\n")
	ok := func(b bool) string {
		if b {
			return "met"
		}
		return "**missed**"
	}
	for _, c := range cs {
		rw := med(c.b, wall) / med(c.a, wall)
		rr := med(c.b, rss) / med(c.a, rss)
		fmt.Fprintf(w, "- %s: wall ratio %.3f (≤ 1.05: %s); peak RSS ratio %.3f (≤ 1.10: %s)\n", c.name, rw, ok(rw <= 1.05), rr, ok(rr <= 1.10))
	}
	if len(scale) == 3 {
		t1, t2, t4 := med(scale[0].b, wall), med(scale[1].b, wall), med(scale[2].b, wall)
		fmt.Fprintf(w, "- linear growth: T(2×)/T(1×) = %.2f, T(4×)/T(2×) = %.2f (≤ 2.1: %s)\n", t2/t1, t4/t2, ok(t2/t1 <= 2.1 && t4/t2 <= 2.1))
	}
	for _, g := range []struct {
		how string
		cs  []*corpus
	}{{"alone", gcl}, {"with govet", gclVet}} {
		for _, c := range g.cs {
			if c.pkgs < 400 {
				continue
			}
			rw := med(c.b, wall) / med(c.a, wall)
			if c.floor != "" {
				fmt.Fprintf(w, "- golangci-lint %s on %s against the %s (poolcheck's analysis, golangci-lint's cost of issues taken out): wall ratio %.3f\n", g.how, c.name, c.floor, rw)
				continue
			}
			fmt.Fprintf(w, "- golangci-lint %s on %s (%d packages): wall ratio %.3f (≤ 1.05: %s)\n", g.how, c.name, c.pkgs, rw, ok(rw <= 1.05))
		}
	}
	fmt.Fprintln(w)
}

func wall(s sample) float64 { return s.wall.Seconds() }
func cpu(s sample) float64  { return s.cpu.Seconds() }
func rss(s sample) float64  { return s.rssMB }

func med(ss []sample, f func(sample) float64) float64 {
	var xs []float64
	for _, s := range ss {
		xs = append(xs, f(s))
	}
	return median(xs)
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	if n := len(xs); n%2 == 0 {
		return (xs[n/2-1] + xs[n/2]) / 2
	}
	return xs[len(xs)/2]
}

func fmtNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.2f µs", ns/1e3)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// sh runs a command that must succeed and returns its standard output.
func sh(dir string, env []string, name string, args ...string) string {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("%s %s in %s: %v\n%s", name, strings.Join(args, " "), dir, err, tail(stderr.String()))
	}
	return stdout.String()
}

func tail(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-20):], "\n")
}

func step(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "benchpool: "+format+"\n", args...)
}

func rel(path string) string {
	if r, err := filepath.Rel(bench, path); err == nil {
		return cmp.Or(r, ".")
	}
	return path
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
