package difftest

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// The fuzz targets feed any string to a driver family and to poolcheck;
// an unclassified disagreement fails. Plain go test runs only the seeds
// in testdata/fuzz (written by TestWriteSeeds from the tables).

func FuzzPgx(f *testing.F) { fuzz(f, pgTargets) }

func FuzzMySQL(f *testing.F) { fuzz(f, []*target{mysqlT}) }

func FuzzRedis(f *testing.F) { fuzz(f, redisTargets) }

func fuzz(f *testing.F, targets []*target) {
	f.Fuzz(func(t *testing.T, s string) {
		for _, tg := range targets {
			c := run(tg, s)
			for _, df := range c.bad {
				t.Errorf("%s %q: unclassified disagreement: %s", tg.name, s, df)
			}
		}
	})
}

// TestWriteSeeds rewrites the committed seed corpus from the table cases
// when DIFFTEST_WRITE_SEEDS=1.
func TestWriteSeeds(t *testing.T) {
	if os.Getenv("DIFFTEST_WRITE_SEEDS") == "" {
		t.Skip("set DIFFTEST_WRITE_SEEDS=1 to rewrite testdata/fuzz")
	}
	seeds := map[string][]caseT{
		"FuzzPgx":   append(append([]caseT(nil), pgxSuiteCases...), postgresCases...),
		"FuzzMySQL": append(append([]caseT(nil), mysqlSuiteCases...), mysqlCases...),
		"FuzzRedis": append(append([]caseT(nil), redisSuiteCases...), redisCases...),
	}
	for name, cases := range seeds {
		dir := filepath.Join("testdata", "fuzz", name)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			data := "go test fuzz v1\nstring(" + strconv.Quote(c.in) + ")\n"
			file := fmt.Sprintf("%x", sha256.Sum256([]byte(data)))[:16]
			if err := os.WriteFile(filepath.Join(dir, file), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
