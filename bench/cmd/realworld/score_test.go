package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestScore(t *testing.T) {
	sites := []Site{
		// 0: prod DSN with a verdict, found and reported.
		{File: "db/db.go", Line: 10, Kind: KindDSN, Keys: []string{"sslmode"}, Scope: "prod", Verdict: []string{"prod-tls-disabled"}},
		// 1: test setter, found, no verdict.
		{File: "db/db_test.go", Line: 5, Kind: KindSetter, Keys: []string{"SetMaxOpenConns"}, Scope: "test"},
		// 2: setter with a verdict that is not reported and not listed.
		{File: "db/pool.go", Line: 7, Kind: KindSetter, Keys: []string{"SetMaxOpenConns"}, Scope: "prod", Verdict: []string{"prod-single-connection"}},
		// 3: setter on the same line as a listed one with another key: not found.
		{File: "db/pool.go", Line: 8, Kind: KindSetter, Keys: []string{"SetMaxIdleConns"}, Scope: "prod"},
		// 4: optional verdict, reported: ignored either way.
		{File: "db/notify.go", Line: 3, Kind: KindField, Keys: []string{"MaxConns"}, Scope: "prod", Verdict: []string{"prod-single-connection"}, Optional: true},
		// 5: value site, found.
		{File: "config/config.go", Line: 20, Kind: KindValue, Keys: []string{"MaxOpenConns"}, Scope: "prod"},
		// 6: decoy, listed and given a finding.
		{File: "cmd/usage.go", Line: 30, EndLine: 32, Kind: KindDecoy, Keys: []string{"sslmode"}},
		// 7: multi-line DSN matched on its second line.
		{File: "db/long.go", Line: 40, EndLine: 42, Kind: KindDSN, Keys: []string{"pool_max_conns"}, Scope: "test", Verdict: []string{"test-pool-too-small"}},
		// 8: in-memory SQLite name: not expected in the inventory, verdict reported.
		{File: "db/mem_test.go", Line: 3, Kind: KindDSN, Keys: []string{":memory:"}, Scope: "test", Verdict: []string{"sqlite-memory-shared"}, Inventory: new(false)},
		// 9: value site at a constant's declaration, found through the value_at of the setter it reaches.
		{File: "config/defaults.go", Line: 7, Kind: KindValue, Keys: []string{"maxIdle"}, Scope: "prod"},
		// 10: value site with a verdict, reported by a finding in the template it fills, whose value_at names it.
		{File: "common/const.go", Line: 50, Kind: KindValue, Keys: []string{"sslmode"}, Scope: "prod", Verdict: []string{"prod-tls-disabled"}},
	}
	inv := []InvEntry{
		{File: "db/db.go", Line: 10, Setting: "tls_mode", Raw: "sslmode=disable"},
		{File: "db/db.go", Line: 10, Setting: "connect_timeout", Raw: "connect_timeout=5"},
		{File: "db/db_test.go", Line: 5, Setting: "max_open", Raw: "SetMaxOpenConns=1"},
		{File: "db/pool.go", Line: 8, Setting: "max_open", Raw: "SetMaxOpenConns=1"},
		{File: "db/notify.go", Line: 3, Setting: "max_open", Raw: "MaxConns=1"},
		{File: "config/config.go", Line: 20, Setting: "max_open", Raw: "MaxOpenConns=30"},
		{File: "cmd/usage.go", Line: 31, Setting: "tls_mode", Raw: "sslmode=disable"},
		{File: "db/long.go", Line: 41, Setting: "max_open", Raw: "pool_max_conns=1"},
		{File: "other/x.go", Line: 1, Setting: "max_open", Raw: "SetMaxOpenConns=5"},
		{File: "db/db_test.go", Line: 5, Setting: "max_idle", Raw: "SetMaxIdleConns=2", ValueAt: "config/defaults.go:7"},
	}
	findings := []Finding{
		{Rule: "prod-tls-disabled", Key: "sslmode", Setting: "tls_mode", Start: Pos{File: "db/db.go", Line: 10}},
		{Rule: "test-pool-too-small", Key: "SetMaxOpenConns", Setting: "max_open", Start: Pos{File: "db/db_test.go", Line: 5}},   // wrong-rule
		{Rule: "prod-single-connection", Key: "MaxConns", Setting: "max_open", Start: Pos{File: "db/notify.go", Line: 3}},        // ignored
		{Rule: "prod-tls-disabled", Key: "sslmode", Setting: "tls_mode", Start: Pos{File: "cmd/usage.go", Line: 32}},             // decoy
		{Rule: "test-pool-too-small", Key: "pool_max_conns", Setting: "max_open", Start: Pos{File: "db/long.go", Line: 41}},      // TP
		{Rule: "prod-single-connection", Key: "SetMaxOpenConns", Setting: "max_open", Start: Pos{File: "other/x.go", Line: 1}},   // unlabelled
		{Rule: "prod-single-connection", Key: "SetMaxOpenConns", Setting: "max_open", Start: Pos{File: "./db/pool.go", Line: 8}}, // no label for that key: FP, unlabelled
		{Rule: "prod-tls-disabled", Key: "sslmode", Setting: "tls_mode", Start: Pos{File: "db/db.go", Line: 10}},                 // second TP on the same site
		{Rule: "sqlite-memory-shared", Start: Pos{File: "db/mem_test.go", Line: 3}},                                              // TP, inventory = false
		{Rule: "prod-tls-disabled", Key: "sslmode", Start: Pos{File: "db/tmpl.go", Line: 5}, ValueAt: "common/const.go:50"},      // TP through value_at
		{Rule: "prod-tls-disabled", Key: "sslmode", Start: Pos{File: "db/tmpl2.go", Line: 5}, ValueAt: "common/const.go:51"},     // unlabelled
	}
	sc := score("fake", sites, inv, findings)

	check := func(name string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", name, got, want)
		}
	}
	check("Sites", sc.Sites, 6)
	check("NotInventoried", sc.NotInventoried, 1)
	check("SitesFound", sc.SitesFound, 4) // 0, 1, 4, 7
	check("Values", sc.Values, 3)
	check("ValuesFound", sc.ValuesFound, 2) // 5 at its line, 9 through value_at
	check("Decoys", sc.Decoys, 1)
	check("DecoyInvHits", sc.DecoyInvHits, 1)
	check("InvUnlabelled", sc.InvUnlabelled, 1)
	check("Findings", sc.Findings, 11)
	check("TruePos", sc.TruePos, 5)
	check("FalsePos", sc.FalsePos, 5)
	check("Ignored", sc.Ignored, 1)
	check("DecoyFindings", sc.DecoyFindings, 1)
	check("Verdicts", sc.Verdicts, 5) // 0, 2, 7, 8, 10 (4 is optional)
	check("VerdictsReported", sc.VerdictsReported, 4)
	if len(sc.MissedVerdicts) != 1 || sc.MissedVerdicts[0].Line != 7 || sc.MissedVerdicts[0].Rule != "prod-single-connection" {
		t.Errorf("MissedVerdicts = %+v", sc.MissedVerdicts)
	}
	if len(sc.MissedSites) != 2 || sc.MissedSites[0].Line != 7 || sc.MissedSites[1].Line != 8 {
		t.Errorf("MissedSites = %+v", sc.MissedSites)
	}
	classes := map[string]int{}
	for _, f := range sc.FalsePositives {
		classes[f.Class]++
	}
	if classes["wrong-rule"] != 1 || classes["decoy"] != 1 || classes["unlabelled"] != 3 {
		t.Errorf("false positive classes = %v", classes)
	}
	if r := *sc.FindingPrecision; r != 5.0/10 {
		t.Errorf("precision = %v, want 5/10", r)
	}
	if r := *sc.FindingRecall; r != 4.0/5 {
		t.Errorf("recall = %v, want 4/5", r)
	}
	if r := *sc.InventoryRecall; r != 4.0/6 {
		t.Errorf("inventory recall = %v, want 4/6", r)
	}

	tot := total([]Score{sc, sc})
	check("total TruePos", tot.TruePos, 10)
	check("total Verdicts", tot.Verdicts, 10)
	if *tot.FindingPrecision != *sc.FindingPrecision {
		t.Errorf("total precision = %v", *tot.FindingPrecision)
	}
}

func TestScoreEmpty(t *testing.T) {
	sc := score("empty", nil, nil, nil)
	if sc.InventoryRecall != nil || sc.FindingPrecision != nil || sc.FindingRecall != nil {
		t.Errorf("ratios of an empty score should be n/a: %+v", sc)
	}
	if got := pct(sc.FindingPrecision); got != "n/a" {
		t.Errorf("pct(nil) = %q", got)
	}
}

func TestValidate(t *testing.T) {
	ok := LabelFile{App: "a", Module: "m", Version: "v1.0.0", Sum: "h1:x"}
	cases := []struct {
		name string
		site Site
		bad  bool
	}{
		{"good dsn", Site{File: "a.go", Line: 1, Kind: KindDSN, Scope: "prod"}, false},
		{"good decoy", Site{File: "a.go", Line: 1, Kind: KindDecoy}, false},
		{"unknown kind", Site{File: "a.go", Line: 1, Kind: "arg", Scope: "prod"}, true},
		{"no scope", Site{File: "a.go", Line: 1, Kind: KindSetter}, true},
		{"decoy with verdict", Site{File: "a.go", Line: 1, Kind: KindDecoy, Verdict: []string{"x"}}, true},
		{"optional without verdict", Site{File: "a.go", Line: 1, Kind: KindDSN, Scope: "test", Optional: true}, true},
		{"end before line", Site{File: "a.go", Line: 5, EndLine: 4, Kind: KindDSN, Scope: "test"}, true},
		{"no line", Site{File: "a.go", Kind: KindDSN, Scope: "test"}, true},
		{"inventory false on a value", Site{File: "a.go", Line: 1, Kind: KindValue, Scope: "test", Inventory: new(false)}, true},
	}
	for _, c := range cases {
		lf := ok
		lf.Site = []Site{c.site}
		if err := lf.validate(); (err != nil) != c.bad {
			t.Errorf("%s: validate() = %v, want error %v", c.name, err, c.bad)
		}
	}
}

// TestLabelFiles loads the committed corpus: every file must decode
// strictly and validate, and app names must be unique.
func TestLabelFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "realworld", "labels")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no label directory")
	}
	files, err := loadLabels(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, lf := range files {
		if seen[lf.App] {
			t.Errorf("duplicate app %s", lf.App)
		}
		seen[lf.App] = true
		if len(lf.Site) == 0 {
			t.Errorf("%s: no sites", lf.App)
		}
	}
}
