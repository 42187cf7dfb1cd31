package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer"
	"github.com/poolcheck/poolcheck/rules"
)

// exampleFile wraps a check rule's example statements in a function.
const exampleFile = `package %s

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/mattn/go-sqlite3"
)

var (
	_ = sql.Open
	_ = url.Parse
	_ = os.Getenv
	_ = time.Second
	_ = pgxpool.New
)

func example(ctx context.Context, dsn string) {
	%s
}
`

type example struct {
	rule, code string
	bad        bool
}

// TestCheckExamples proves the examples of the default policy's
// structural checks, which the policy loader cannot: each bad example is
// reported under its rule and each good one is not.
func TestCheckExamples(t *testing.T) {
	t.Parallel()
	var exs []example
	for _, r := range rules.Default().Rules() {
		for _, ex := range r.Examples {
			if r.Check != "" {
				exs = append(exs, example{r.ID, ex.Bad, true}, example{r.ID, ex.Good, false})
			}
		}
	}
	if len(exs) == 0 {
		t.Fatal("the default policy has no check examples")
	}
	dir := t.TempDir()
	// The fixture module's go.mod, with its stand-ins named by absolute
	// paths so that it works from the temporary directory.
	mod, err := os.ReadFile(filepath.Join(fixtures, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "go.mod"), strings.ReplaceAll(string(mod), "=> ./src/", "=> "+filepath.Join(fixtures, "src")+"/"))
	var patterns []string
	for i, ex := range exs {
		pkg := fmt.Sprintf("e%d", i)
		writeFile(t, filepath.Join(dir, pkg, "e.go"), fmt.Sprintf(exampleFile, pkg, ex.code))
		patterns = append(patterns, "./"+pkg)
	}
	cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off")}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("an example does not compile")
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.New()}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		var i int
		if _, err := fmt.Sscanf(act.Package.Name, "e%d", &i); err != nil {
			t.Fatalf("package %s: %v", act.Package.Name, err)
		}
		ex := exs[i]
		if act.Err != nil {
			t.Errorf("%s: %v", ex.code, act.Err)
			continue
		}
		var got []string
		for _, f := range act.Result.(*analyzer.Result).Findings {
			got = append(got, f.Rule)
		}
		if slices.Contains(got, ex.rule) != ex.bad {
			t.Errorf("%s example of %s: got findings %v\n\t%s", map[bool]string{true: "bad", false: "good"}[ex.bad], ex.rule, got, ex.code)
		}
	}
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
