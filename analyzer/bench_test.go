package analyzer_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/poolcheck/poolcheck/analyzer"
)

// synthetic writes a module with one package, one file, holding n pool
// configurations that cycle through the shapes the analyzer reads: a
// postgres URL constant, a key/value string, a MySQL DSN built with
// fmt.Sprintf, and a fragment appended to a base URL, each opened with
// database/sql and sized with the three setters. It imports only the
// standard library, so it loads without the module cache.
func synthetic(tb testing.TB, n int) string {
	dir := tb.TempDir()
	var b strings.Builder
	b.WriteString("package synth\n\nimport (\n\t\"database/sql\"\n\t\"fmt\"\n\t\"os\"\n\t\"time\"\n)\n")
	for i := range n {
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "\nconst dsn%d = \"postgres://app:secret@db%d.internal:5432/app?sslmode=require&connect_timeout=10&pool_max_conns=%d\"\n", i, i, 10+i%50)
			fmt.Fprintf(&b, "\nfunc open%d() (*sql.DB, error) {\n\tdb, err := sql.Open(\"postgres\", dsn%d)\n", i, i)
		case 1:
			fmt.Fprintf(&b, "\nfunc open%d() (*sql.DB, error) {\n\tdb, err := sql.Open(\"postgres\", \"host=db%d.internal port=5432 user=app dbname=app sslmode=disable connect_timeout=%d\")\n", i, i, i%20)
		case 2:
			fmt.Fprintf(&b, "\nfunc open%d() (*sql.DB, error) {\n\tdb, err := sql.Open(\"mysql\", fmt.Sprintf(\"app:%%s@tcp(db%d.internal:3306)/app?parseTime=true&timeout=%ds\", os.Getenv(\"PW\")))\n", i, i, i%30)
		case 3:
			fmt.Fprintf(&b, "\nfunc open%d() (*sql.DB, error) {\n\tdsn := os.Getenv(\"DATABASE_URL\")\n\tdsn += \"?pool_max_conns=%d&connect_timeout=5\"\n\tdb, err := sql.Open(\"pgx\", dsn)\n", i, i%100)
		}
		fmt.Fprintf(&b, "\tif err != nil {\n\t\treturn nil, err\n\t}\n\tdb.SetMaxOpenConns(%d)\n\tdb.SetMaxIdleConns(%d)\n\tdb.SetConnMaxLifetime(%d * time.Minute)\n\treturn db, nil\n}\n", i%200, i%10, i%60)
	}
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("go.mod", "module synth\n\ngo 1.26\n")
	write("synth.go", b.String())
	return dir
}

// BenchmarkAnalyzerSynthetic times the analysis of one large generated
// file, not its loading: the package is loaded and type-checked once,
// then each iteration runs checker.Analyze with a fresh poolcheck
// analyzer, as the CLI does, which includes building the inspector
// and loading the (built-in) policy. The sizes show
// how the time grows with the number of configurations in a package.
func BenchmarkAnalyzerSynthetic(b *testing.B) {
	for _, n := range []int{500, 1000, 2000} {
		b.Run(fmt.Sprintf("configs=%d", n), func(b *testing.B) {
			dir := synthetic(b, n)
			cfg := &packages.Config{Mode: packages.LoadSyntax, Dir: dir, Env: append(os.Environ(), "GOFLAGS=", "GOPROXY=off")}
			pkgs, err := packages.Load(cfg, ".")
			if err != nil {
				b.Fatal(err)
			}
			if packages.PrintErrors(pkgs) > 0 {
				b.Fatal("synthetic package does not load")
			}
			lines := pkgs[0].Fset.File(pkgs[0].Syntax[0].Pos()).LineCount()
			findings := 0
			b.ReportAllocs()
			for b.Loop() {
				g, err := checker.Analyze([]*analysis.Analyzer{analyzer.New()}, pkgs, nil)
				if err != nil {
					b.Fatal(err)
				}
				act := g.Roots[0]
				if act.Err != nil {
					b.Fatal(act.Err)
				}
				findings = len(act.Result.(*analyzer.Result).Findings)
			}
			if findings == 0 {
				b.Fatal("no findings: the analyzer did not engage")
			}
			b.ReportMetric(float64(findings), "findings")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(lines), "ns/line")
		})
	}
}
