// Command realworld scores poolcheck against a hand-labelled corpus of
// real Go applications (bench/realworld/labels/*.toml).
//
// For each application it downloads the pinned module version from the Go
// module proxy (go mod download -json, checked against the label file's
// sum), copies it to a work directory, builds poolcheck from this checkout,
// runs `poolcheck -inventory -format json` and `poolcheck -format json` on
// the application's packages with the built-in policy, and matches both
// outputs against the labels by file and line. It prints a Markdown table
// (or, with -json, a JSON summary with the misses and false positives).
//
// Run it from bench/ (bench/realworld/score.sh does):
//
//	go run ./cmd/realworld [-apps a,b] [-json] [-v] [-work DIR]
//
// Network is needed only the first time: downloads stay in GOMODCACHE.
package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

var (
	labelsDir = flag.String("labels", "realworld/labels", "directory of label files, relative to bench/")
	appsFlag  = flag.String("apps", "", "comma-separated applications to score (default: all label files)")
	jsonOut   = flag.Bool("json", false, "print a JSON summary instead of the table")
	jsonFile  = flag.String("json-out", "", "also write the JSON summary to this file")
	verbose   = flag.Bool("v", false, "after the table, list missed sites, missed verdicts and false positives")
	workDir   = flag.String("work", "", "work directory (default: a new temporary directory, removed at the end)")
	keep      = flag.Bool("keep", false, "keep the work directory")
	binFlag   = flag.String("poolcheck", "", "poolcheck binary to use (default: build ./cmd/poolcheck from the repository root)")
	repoRoot  = flag.String("repo", "..", "repository root, relative to bench/")
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("realworld: ")
	flag.Parse()
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	files, err := loadLabels(*labelsDir)
	if err != nil {
		return err
	}
	if *appsFlag != "" {
		want := strings.Split(*appsFlag, ",")
		files = slices.DeleteFunc(files, func(lf *LabelFile) bool { return !slices.Contains(want, lf.App) })
		if len(files) == 0 {
			return fmt.Errorf("no label file for %s", *appsFlag)
		}
	}

	work := *workDir
	if work == "" {
		work, err = os.MkdirTemp("", "poolcheck-realworld-")
		if err != nil {
			return err
		}
		if !*keep {
			defer func() { _ = os.RemoveAll(work) }()
		}
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	work, _ = filepath.Abs(work)

	start := time.Now()
	bin := *binFlag
	commit := ""
	if bin == "" {
		root, _ := filepath.Abs(*repoRoot)
		bin = filepath.Join(work, "poolcheck")
		if out, err := command(root, nil, "go", "build", "-o", bin, "./cmd/poolcheck"); err != nil {
			return fmt.Errorf("building poolcheck: %w\n%s", err, out)
		}
		if out, err := command(root, nil, "git", "rev-parse", "--short", "HEAD"); err == nil {
			commit = strings.TrimSpace(string(out))
		}
	}

	var scores []Score
	for _, lf := range files {
		sc, err := scoreApp(lf, work, bin)
		if err != nil {
			return fmt.Errorf("%s: %w", lf.App, err)
		}
		scores = append(scores, sc)
		if !*jsonOut {
			fmt.Fprintf(os.Stderr, "realworld: %s scored in %.0fs\n", lf.App, sc.Seconds)
		}
	}
	wall := time.Since(start)

	summary := struct {
		Date    string       `json:"date"`
		Commit  string       `json:"poolcheck_commit,omitempty"`
		Seconds float64      `json:"wall_seconds"`
		Apps    []*LabelFile `json:"apps"`
		Scores  []Score      `json:"scores"`
		Total   Score        `json:"total"`
	}{time.Now().UTC().Format("2006-01-02"), commit, wall.Seconds(), files, scores, total(scores)}
	js, err := json.MarshalIndent(summary, "", "  ")
	if err != nil {
		return err
	}
	js = append(js, '\n')
	if *jsonFile != "" {
		if err := os.WriteFile(*jsonFile, js, 0o644); err != nil {
			return err
		}
	}
	if *jsonOut {
		_, err := os.Stdout.Write(js)
		return err
	}
	fmt.Printf("poolcheck %s, %s, wall time %.0fs\n\n", cmp.Or(commit, bin), time.Now().UTC().Format("2006-01-02"), wall.Seconds())
	fmt.Print(table(scores))
	if *verbose {
		for _, s := range scores {
			printDetails(s)
		}
	}
	return nil
}

// loadLabels reads and validates every label file in dir.
func loadLabels(dir string) ([]*LabelFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.toml"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no label files in %s", dir)
	}
	var files []*LabelFile
	for _, p := range paths {
		var lf LabelFile
		md, err := toml.DecodeFile(p, &lf)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if und := md.Undecoded(); len(und) > 0 {
			return nil, fmt.Errorf("%s: unknown keys %v", p, und)
		}
		if err := lf.validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		files = append(files, &lf)
	}
	return files, nil
}

// scoreApp downloads, copies, analyses and scores one application.
func scoreApp(lf *LabelFile, work, bin string) (Score, error) {
	start := time.Now()
	out, err := command(work, nil, "go", "mod", "download", "-json", lf.Module+"@"+lf.Version)
	var dl struct{ Dir, Sum, Error string }
	if jerr := json.Unmarshal(out, &dl); jerr != nil || err != nil || dl.Error != "" {
		return Score{}, fmt.Errorf("go mod download %s@%s: %w %s %s", lf.Module, lf.Version, err, dl.Error, out)
	}
	if dl.Sum != lf.Sum {
		return Score{}, fmt.Errorf("module sum %s, labels were written for %s", dl.Sum, lf.Sum)
	}
	dir := filepath.Join(work, lf.App)
	if err := os.RemoveAll(dir); err != nil {
		return Score{}, err
	}
	if err := copyTree(dl.Dir, dir); err != nil {
		return Score{}, err
	}
	for _, name := range []string{".poolcheck.toml", "go.work"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			return Score{}, fmt.Errorf("the module ships a %s; the corpus assumes the built-in policy", name)
		}
	}

	cgo := "CGO_ENABLED=0"
	if lf.CGO {
		cgo = "CGO_ENABLED=1"
	}
	env := []string{"GOFLAGS=-mod=mod -buildvcs=false", cgo, "GOWORK=off", "GOTOOLCHAIN=local"}
	args := []string{}
	if lf.Tags != "" {
		args = append(args, "-tags", lf.Tags)
	}
	pkgs := lf.Packages
	if len(pkgs) == 0 {
		pkgs = []string{"./..."}
	}
	var loadErrs []string

	invOut, invErr, err := runSplit(dir, env, bin, append(append(slices.Clone(args), "-inventory", "-format", "json"), pkgs...)...)
	if err != nil && exitCode(err) != 2 {
		return Score{}, fmt.Errorf("poolcheck -inventory: %w\n%s", err, invErr)
	}
	loadErrs = append(loadErrs, firstLines(invErr, 5)...)
	var inv struct {
		Settings []InvEntry `json:"settings"`
	}
	if err := json.Unmarshal(invOut, &inv); err != nil {
		return Score{}, fmt.Errorf("reading the inventory: %w\n%s", err, invErr)
	}

	fOut, fErr, err := runSplit(dir, env, bin, append(append(slices.Clone(args), "-format", "json"), pkgs...)...)
	if err != nil && exitCode(err) != 1 && exitCode(err) != 2 {
		return Score{}, fmt.Errorf("poolcheck: %w\n%s", err, fErr)
	}
	var fj struct {
		Root     string    `json:"root"`
		Findings []Finding `json:"findings"`
	}
	if err := json.Unmarshal(fOut, &fj); err != nil {
		return Score{}, fmt.Errorf("reading the findings: %w\n%s", err, fErr)
	}
	// Paths are relative to fj.Root (the module root here: no git).
	for i := range fj.Findings {
		fj.Findings[i].Start.File = relTo(fj.Root, dir, fj.Findings[i].Start.File)
	}
	for i := range inv.Settings {
		inv.Settings[i].File = relTo(dir, dir, inv.Settings[i].File)
	}

	sc := score(lf.App, lf.Site, inv.Settings, fj.Findings)
	sc.LoadErrors = loadErrs
	sc.Seconds = time.Since(start).Seconds()
	return sc, nil
}

// relTo turns a path relative to root (or absolute) into one relative to dir.
func relTo(root, dir, p string) string {
	if !filepath.IsAbs(p) {
		if root == "" {
			root = dir
		}
		p = filepath.Join(root, p)
	}
	if r, err := filepath.Rel(dir, p); err == nil {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(p)
}

func command(dir string, env []string, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return append(out, stderr.Bytes()...), err
	}
	return out, nil
}

func runSplit(dir string, env []string, name string, args ...string) (stdout, stderr []byte, err error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.Bytes(), e.Bytes(), err
}

func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

func firstLines(b []byte, n int) []string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if l = strings.TrimSpace(l); l != "" && len(lines) < n {
			lines = append(lines, l)
		}
	}
	return lines
}

// copyTree copies a read-only module directory into dst, writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

func printDetails(s Score) {
	fmt.Printf("\n### %s\n", s.App)
	if len(s.LoadErrors) > 0 {
		fmt.Printf("load errors (first lines):\n")
		for _, l := range s.LoadErrors {
			fmt.Printf("  %s\n", l)
		}
	}
	for _, m := range s.MissedSites {
		fmt.Printf("missed site   %s:%d %s %v %s\n", m.File, m.Line, m.Kind, m.Keys, m.Value)
	}
	for _, m := range s.MissedValues {
		fmt.Printf("missed value  %s:%d %v %s\n", m.File, m.Line, m.Keys, m.Value)
	}
	for _, m := range s.MissedVerdicts {
		fmt.Printf("missed verdict %s:%d %s (%s)\n", m.File, m.Line, m.Rule, m.Value)
	}
	for _, f := range s.FalsePositives {
		fmt.Printf("false positive %s:%d [%s] %s=%s (%s)\n", f.File, f.Line, f.Rule, f.Key, f.Found, f.Class)
	}
	for _, f := range s.IgnoredFindings {
		fmt.Printf("optional      %s:%d [%s] %s=%s\n", f.File, f.Line, f.Rule, f.Key, f.Found)
	}
	for _, m := range s.DecoyInventory {
		fmt.Printf("decoy listed  %s:%d %v\n", m.File, m.Line, m.Keys)
	}
	for _, f := range s.UnlabelledInv {
		fmt.Printf("unlabelled inventory %s:%d %s=%s\n", f.File, f.Line, f.Key, f.Found)
	}
}
