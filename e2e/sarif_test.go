package e2e

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
	"github.com/xeipuuv/gojsonschema"
)

// parseSARIF checks a log against SARIF 2.1.0 with go-sarif: its types
// (which cover every property of the specification) must decode it
// with no field left over, and the raw bytes must validate against the
// JSON schema go-sarif ships. Report.Validate would validate go-sarif's
// re-encoding instead, which adds empty properties the schema rejects.
func parseSARIF(t *testing.T, data string) *sarif.Report {
	t.Helper()
	var rep sarif.Report
	dec := json.NewDecoder(bytes.NewReader([]byte(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("SARIF has a property outside the specification: %v", err)
	}
	res, err := gojsonschema.Validate(gojsonschema.NewStringLoader(sarifSchema(t)), gojsonschema.NewStringLoader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("SARIF schema: %s", e)
	}
	if !res.Valid() {
		t.FailNow()
	}
	return &rep
}

// sarifSchema is the SARIF 2.1.0 JSON schema from go-sarif's source
// (the constant schema in pkg/report/v210/sarif/schema.go).
var sarifSchema = func() func(t *testing.T) string {
	var once sync.Once
	var text string
	var err error
	return func(t *testing.T) string {
		t.Helper()
		once.Do(func() { text, err = loadSARIFSchema() })
		if err != nil {
			t.Fatal(err)
		}
		return text
	}
}()

func loadSARIFSchema() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/owenrumney/go-sarif/v3").Output()
	if err != nil {
		return "", fmt.Errorf("locating go-sarif: %w", err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "pkg/report/v210/sarif/schema.go"))
	if err != nil {
		return "", err
	}
	i, j := bytes.IndexByte(src, '`'), bytes.LastIndexByte(src, '`')
	if i < 0 || j <= i || !bytes.Contains(src[i:j], []byte(`"Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"`)) {
		return "", errors.New("go-sarif's schema.go has no SARIF 2.1.0 schema literal")
	}
	return string(src[i+1 : j]), nil
}

// The properties SARIF 2.1.0 requires of the parts poolcheck writes,
// checked on the raw JSON, since a decoder fills in zero values.
func checkRequired(t *testing.T, data string) {
	t.Helper()
	var raw struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				Message *struct {
					Text string `json:"text"`
				} `json:"message"`
				Fixes []struct {
					ArtifactChanges []struct {
						ArtifactLocation *json.RawMessage `json:"artifactLocation"`
						Replacements     []struct {
							DeletedRegion *json.RawMessage `json:"deletedRegion"`
						} `json:"replacements"`
					} `json:"artifactChanges"`
				} `json:"fixes"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		t.Fatal(err)
	}
	if raw.Version != "2.1.0" || !strings.Contains(raw.Schema, "sarif-2.1.0") {
		t.Errorf("version %q, $schema %q; want 2.1.0", raw.Version, raw.Schema)
	}
	if len(raw.Runs) != 1 || raw.Runs[0].Tool.Driver.Name != "poolcheck" {
		t.Fatalf("want one run by the poolcheck driver")
	}
	for _, r := range raw.Runs[0].Tool.Driver.Rules {
		if r.ID == "" {
			t.Error("a rule without an id")
		}
	}
	for _, res := range raw.Runs[0].Results {
		if res.Message == nil || res.Message.Text == "" {
			t.Error("a result without message.text")
		}
		for _, f := range res.Fixes {
			for _, c := range f.ArtifactChanges {
				if c.ArtifactLocation == nil || len(c.Replacements) == 0 {
					t.Error("an artifactChange without artifactLocation or replacements")
				}
				for _, rep := range c.Replacements {
					if rep.DeletedRegion == nil {
						t.Error("a replacement without deletedRegion")
					}
				}
			}
		}
	}
}

func TestSARIF(t *testing.T) {
	dir := fixture(t)
	strict := []string{"-policy", "policies/strict.toml"} // for an info rule
	r := check(t, dir, append(strict, "-format", "sarif", "./...")...)
	if r.code != 1 {
		t.Fatalf("want exit 1; %s", r)
	}
	checkRequired(t, r.stdout)
	run := parseSARIF(t, r.stdout).Runs[0]
	if got := *run.ColumnKind; got != "utf16CodeUnits" {
		t.Errorf("columnKind %q", got)
	}
	if base := run.OriginalUriBaseIds["%SRCROOT%"]; base.URI == nil || *base.URI != "file://"+dir+"/" {
		t.Errorf("%%SRCROOT%% is not the module root %s (no git here)", dir)
	}
	levels := map[string]string{"error": "error", "warning": "warning", "info": "note"}
	want := sortedByPosition(t, dir, append(append([]finding{}, defaultFindings...), strictFindings...))
	if len(run.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want))
	}
	for i, res := range run.Results {
		f := want[i]
		start, end := f.locate(t, dir)
		loc := res.Locations[0].PhysicalLocation
		reg := loc.Region
		switch {
		case *res.RuleID != f.rule || res.Level != levels[f.severity]:
			t.Errorf("result %d: %s %s, want %s %s", i, *res.RuleID, res.Level, f.rule, levels[f.severity])
		case *run.Tool.Driver.Rules[res.RuleIndex].ID != f.rule:
			t.Errorf("result %d: ruleIndex %d names %s", i, res.RuleIndex, *run.Tool.Driver.Rules[res.RuleIndex].ID)
		case *loc.ArtifactLocation.URI != f.file || *loc.ArtifactLocation.URIBaseID != "%SRCROOT%":
			t.Errorf("result %d: uri %s, want %s relative to %%SRCROOT%%", i, *loc.ArtifactLocation.URI, f.file)
		case *reg.StartLine != start.line || *reg.StartColumn != start.col || *reg.EndLine != end.line || *reg.EndColumn != end.col:
			t.Errorf("result %d (%s): region %d:%d-%d:%d, want %d:%d-%d:%d", i, f.rule,
				*reg.StartLine, *reg.StartColumn, *reg.EndLine, *reg.EndColumn, start.line, start.col, end.line, end.col)
		case reg.ByteOffset != start.offset || *reg.ByteLength != len(f.value):
			t.Errorf("result %d: bytes %d+%d, want %d+%d", i, reg.ByteOffset, *reg.ByteLength, start.offset, len(f.value))
		case len(res.PartialFingerprints) != 1:
			t.Errorf("result %d: fingerprints %v", i, res.PartialFingerprints)
		}
		checkSARIFFix(t, res, f, start.offset)
	}
	checkSARIFRules(t, dir, strict, run)
	if strings.Contains(r.stdout, "s3cret") {
		t.Error("the DSN password is in the SARIF")
	}
}

func checkSARIFFix(t *testing.T, res *sarif.Result, f finding, offset int) {
	t.Helper()
	if f.want == "" {
		if len(res.Fixes) != 0 {
			t.Errorf("%s: a fix where none is expected", f.rule)
		}
		return
	}
	if len(res.Fixes) == 0 || len(res.Fixes[0].ArtifactChanges) != 1 {
		t.Fatalf("%s: want one fix on one file", f.rule)
	}
	ch := res.Fixes[0].ArtifactChanges[0]
	rep := ch.Replacements[0]
	if *ch.ArtifactLocation.URI != f.file || rep.DeletedRegion.ByteOffset != offset ||
		*rep.DeletedRegion.ByteLength != len(f.value) || *rep.InsertedContent.Text != f.want {
		t.Errorf("%s: fix replaces %s@%d+%d with %q, want %s@%d+%d with %q", f.rule, *ch.ArtifactLocation.URI,
			rep.DeletedRegion.ByteOffset, *rep.DeletedRegion.ByteLength, *rep.InsertedContent.Text, f.file, offset, len(f.value), f.want)
	}
}

// checkSARIFRules compares the rule metadata with what -rules and
// -explain print, which is where it must come from.
func checkSARIFRules(t *testing.T, dir string, policy []string, run *sarif.Run) {
	t.Helper()
	severities := ruleSeverities(t, dir, policy)
	levels := map[string]string{"error": "error", "warning": "warning", "info": "note", "off": ""}
	if len(run.Tool.Driver.Rules) != len(severities) {
		t.Errorf("%d rules in SARIF, %d in -rules", len(run.Tool.Driver.Rules), len(severities))
	}
	for _, rule := range run.Tool.Driver.Rules {
		id := *rule.ID
		sev, ok := severities[id]
		cfg := rule.DefaultConfiguration
		switch {
		case !ok:
			t.Errorf("rule %s is not in -rules", id)
		case sev == "off" && cfg.Enabled:
			t.Errorf("rule %s is off but enabled in SARIF", id)
		case sev != "off" && (cfg.Level != levels[sev] || !cfg.Enabled):
			t.Errorf("rule %s: level %s, want %s", id, cfg.Level, levels[sev])
		case rule.ShortDescription == nil || *rule.ShortDescription.Text == "" || rule.HelpURI == nil:
			t.Errorf("rule %s: no short description or help URI", id)
		}
	}
	for _, id := range []string{"test-pool-too-small", "max-idle-above-max-open", "prod-pool-over-50"} {
		explain := check(t, dir, append(policy, "-explain", id)...).stdout
		for _, rule := range run.Tool.Driver.Rules {
			if *rule.ID == id && *rule.Help.Text != explain {
				t.Errorf("rule %s: help text is not -explain's:\n%s\nwant:\n%s", id, *rule.Help.Text, explain)
			}
		}
	}
}

// ruleSeverities reads the SEVERITY column of -rules.
func ruleSeverities(t *testing.T, dir string, policy []string) map[string]string {
	t.Helper()
	r := check(t, dir, append(policy, "-rules")...)
	out := make(map[string]string)
	sc := bufio.NewScanner(strings.NewReader(r.stdout))
	sc.Scan() // header
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) >= 2 {
			out[f[0]] = f[1]
		}
	}
	return out
}

// TestSARIFPaths checks that paths are relative to the git top level
// when there is one, from any working directory.
func TestSARIFPaths(t *testing.T) {
	repo := t.TempDir()
	dir := filepath.Join(repo, "services", "fixture")
	copyTree(t, "testdata/fixture", dir)
	gitRepo(t, repo)
	r := check(t, filepath.Join(dir, "pool"), "-format", "sarif", "./...")
	run := parseSARIF(t, r.stdout).Runs[0]
	if len(run.Results) != len(in("pool", defaultFindings)) {
		t.Fatalf("%d results, want %d", len(run.Results), len(in("pool", defaultFindings)))
	}
	for _, res := range run.Results {
		if uri := *res.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "services/fixture/pool/pool.go" {
			t.Errorf("uri %s, want services/fixture/pool/pool.go", uri)
		}
	}
	if base := *run.OriginalUriBaseIds["%SRCROOT%"].URI; base != "file://"+repo+"/" {
		t.Errorf("%%SRCROOT%% %s, want the git top level %s", base, repo)
	}
}
