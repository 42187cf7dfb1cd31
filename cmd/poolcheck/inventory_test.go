package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/token"
	"strings"
	"testing"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/group"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// -inventory says where a value given through a named constant is
// written: this package's declaration, or another package's.
func TestInventoryValueAt(t *testing.T) {
	module(t, map[string]string{
		"config/config.go": "package config\n\nconst MaxIdle = 4\n",
		"store/store.go": `package store

import (
	"database/sql"
	"time"

	"m/config"
)

const maxOpen = 20

func Open() {
	db, _ := sql.Open("pgx", "postgres://app@db/app")
	db.SetMaxOpenConns(maxOpen)
	db.SetMaxIdleConns(config.MaxIdle)
	db.SetConnMaxIdleTime(0)
	db.SetConnMaxLifetime(time.Minute) // a unit of the standard library: written here
}
`,
	})
	settings := runInventory(t)
	want := map[string]string{"max_open": "store/store.go:10", "max_idle": "config/config.go:3", "conn_max_idle_time": "", "conn_max_lifetime": ""}
	for _, e := range settings {
		w, ok := want[e.Setting]
		if !ok {
			continue
		}
		delete(want, e.Setting)
		if e.ValueAt != w {
			t.Errorf("%s at %s:%d: value_at %q, want %q", e.Setting, e.File, e.Line, e.ValueAt, w)
		}
	}
	for s := range want {
		t.Errorf("%s not listed: %+v", s, settings)
	}
}

// A finding on a DSN parameter that another package's constant fills
// says where that constant is declared, in -format json's value_at and
// in -inventory's.
func TestFindingValueAt(t *testing.T) {
	module(t, map[string]string{
		"config/config.go": "package config\n\n// SSLMode is the default.\nconst SSLMode = \"disable\"\n",
		"store/store.go": `package store

import (
	"database/sql"
	"fmt"

	"m/config"
)

func Open(host string) {
	db, _ := sql.Open("postgres", fmt.Sprintf("host=%s dbname=app sslmode=%s", host, config.SSLMode))
	_ = db
}
`,
	})
	for _, args := range [][]string{{"-format", "json", "./..."}, {"-inventory", "-format", "json", "./..."}} {
		var stdout, stderr bytes.Buffer
		run(args, &stdout, &stderr)
		var got struct {
			Findings []struct {
				Rule    string `json:"rule"`
				ValueAt string `json:"value_at"`
			} `json:"findings"`
			Settings []invEntry `json:"settings"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatal(err, stdout.String(), stderr.String())
		}
		n := 0
		for _, f := range got.Findings {
			if n++; f.Rule != "prod-tls-disabled" || f.ValueAt != "config/config.go:4" {
				t.Errorf("%v: finding %s value_at %q, want prod-tls-disabled at config/config.go:4", args, f.Rule, f.ValueAt)
			}
		}
		for _, e := range got.Settings {
			if n++; e.Setting != "tls_mode" || e.ValueAt != "config/config.go:4" {
				t.Errorf("%v: %s value_at %q, want tls_mode at config/config.go:4", args, e.Setting, e.ValueAt)
			}
		}
		if n != 1 {
			t.Errorf("%v: %d results, want 1: %s", args, n, stdout.String())
		}
	}
}

// A setting whose value is a default is listed where it is read (the
// setter's argument, the template's verb argument), with value_at where
// the default is written; the finding stays at the default, which a fix
// edits.
func TestInventoryListsDefaultsAtTheSetting(t *testing.T) {
	module(t, map[string]string{"main.go": `package main

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
)

func main() {
	maxConns := flag.Int("db-max-conns", 0, "max")
	mode := os.Getenv("SSLMODE")
	if mode == "" {
		mode = "disable"
	}
	flag.Parse()
	db, _ := sql.Open("postgres", fmt.Sprintf("host=db dbname=app sslmode=%s", mode))
	db.SetMaxOpenConns(*maxConns)
}
`})
	settings := runInventory(t)
	want := map[string][2]string{"tls_mode": {"main.go:17", "main.go:14"}, "max_open": {"main.go:18", "main.go:11"}}
	for _, e := range settings {
		w := want[e.Setting]
		if at := fmt.Sprintf("%s:%d", e.File, e.Line); at != w[0] || e.ValueAt != w[1] {
			t.Errorf("%s listed at %s, value_at %q; want %s, %q", e.Setting, at, e.ValueAt, w[0], w[1])
		}
		delete(want, e.Setting)
	}
	for s := range want {
		t.Errorf("%s not listed: %+v", s, settings)
	}
	var stdout, stderr bytes.Buffer
	run([]string{"./..."}, &stdout, &stderr)
	for _, at := range []string{"main.go:11:", "main.go:14:"} {
		if !strings.Contains(stdout.String(), at) {
			t.Errorf("no finding at the default %s:\n%s", at, stdout.String())
		}
	}
}

// runInventory runs poolcheck -inventory -format json ./... in the
// working directory and returns its settings.
func runInventory(t *testing.T) []invEntry {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"-inventory", "-format", "json", "./..."}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got struct {
		Settings []invEntry `json:"settings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err, stdout.String())
	}
	return got.Settings
}

// A value that reaches two settings (a field a database/sql pool and a
// pgxpool read) is listed once, the same entry whatever order the
// packages' pools came in.
func TestInventoryOneEntryAPlace(t *testing.T) {
	fset := token.NewFileSet()
	f := fset.AddFile("/m/a.go", -1, 40)
	f.SetLinesForContent([]byte("package a\n\nvar x = Config{MaxOpen: 1}\n\n\n\n\n\n\n\n\n\n"))
	pos := f.Pos(30)
	pool := func(driver catalog.Driver, key string) *group.Pool {
		s := &model.Site{Setting: catalog.MaxOpen, Key: key, Raw: "1", Knob: &catalog.Knob{Driver: driver, Key: key},
			Ref: &find.Ref{Pos: pos, End: pos + 1}}
		return &group.Pool{Pool: &model.Pool{Driver: driver, Sites: []*model.Site{s}}, Items: []*find.Item{{Pos: pos, End: pos + 1}}}
	}
	a, b := pool(catalog.SQL, "SetMaxOpenConns"), pool(catalog.Pgxpool, "MaxConns")
	first := inventory(&outcome{fset: fset, pools: []*group.Pool{a, b}})
	second := inventory(&outcome{fset: fset, pools: []*group.Pool{b, a}})
	if len(first) != 1 || len(second) != 1 {
		t.Fatalf("%d and %d entries, want 1", len(first), len(second))
	}
	if first[0].Raw != second[0].Raw {
		t.Errorf("listed %s, then %s", first[0].Raw, second[0].Raw)
	}
}

// A template's holes show as the verb or "…" they stand for, never as
// the placeholder the DSN was parsed with, in -inventory's raw and dsn
// and in a finding's dsn; a password stays masked.
func TestHolesShown(t *testing.T) {
	module(t, map[string]string{
		"store/store.go": `package store

import (
	"database/sql"
	"fmt"
	"os"
)

func Open(user, pw string, n int) {
	_, _ = sql.Open("postgres", fmt.Sprintf("host=%s user=%s password=%s sslmode=disable connect_timeout=%d", os.Getenv("H"), user, pw, n))
	_, _ = sql.Open("postgres", "postgres://app:"+pw+"@db/app?sslmode="+os.Getenv("S")+"&connect_timeout=5")
}
`,
	})
	want := map[string]string{
		"tls_mode|sslmode=disable":           "host=%s user=%s password=xxxxx sslmode=disable connect_timeout=%d",
		"connect_timeout|connect_timeout=%d": "host=%s user=%s password=xxxxx sslmode=disable connect_timeout=%d",
		//poolcheck:ignore enum-value-rejected,test-connect-timeout-too-short expected output, not a DSN
		"tls_mode|sslmode=…": "postgres://app:xxxxx@db/app?sslmode=…&connect_timeout=5",
		//poolcheck:ignore enum-value-rejected,test-connect-timeout-too-short expected output, not a DSN
		"connect_timeout|connect_timeout=5": "postgres://app:xxxxx@db/app?sslmode=…&connect_timeout=5",
	}
	for _, e := range runInventory(t) {
		k := e.Setting + "|" + e.Raw
		w, ok := want[k]
		if !ok {
			t.Errorf("unexpected entry %s: %+v", k, e)
			continue
		}
		delete(want, k)
		if e.DSN != w {
			t.Errorf("%s: dsn %q, want %q", k, e.DSN, w)
		}
	}
	for k := range want {
		t.Errorf("%s not listed", k)
	}
	if fs := runFindings(t); len(fs) != 1 || fs[0].DSN != "host=%s user=%s password=xxxxx sslmode=disable connect_timeout=%d" {
		t.Errorf("findings: %+v, want one prod-tls-disabled with the template's verbs", fs)
	}
}

// runFindings runs poolcheck -format json ./... and returns its findings.
func runFindings(t *testing.T) []jsonFinding {
	t.Helper()
	var stdout, stderr bytes.Buffer
	run([]string{"-format", "json", "./..."}, &stdout, &stderr)
	var got struct {
		Findings []jsonFinding `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err, stdout.String(), stderr.String())
	}
	return got.Findings
}

// A verb filled with this package's constant scaled by a unit,
// dbConnectTimeout/time.Second, has its value written at the constant.
func TestInventoryScaledConstValueAt(t *testing.T) {
	module(t, map[string]string{
		"store/store.go": `package store

import (
	"database/sql"
	"fmt"
	"time"
)

const connectTimeout = 5 * time.Second

const format = "host=%s dbname=app connect_timeout=%d"

func Open(host string) {
	_, _ = sql.Open("postgres", fmt.Sprintf(format, host, connectTimeout/time.Second))
	_, _ = sql.Open("postgres", fmt.Sprintf(format, host, time.Second/time.Second*7))
}
`,
	})
	want := map[int]string{14: "store/store.go:9", 15: ""}
	for _, e := range runInventory(t) {
		w, ok := want[e.Line]
		if !ok || e.Setting != "connect_timeout" {
			t.Errorf("unexpected entry %+v", e)
			continue
		}
		delete(want, e.Line)
		if e.ValueAt != w {
			t.Errorf("line %d: value_at %q, want %q", e.Line, e.ValueAt, w)
		}
	}
	for l := range want {
		t.Errorf("line %d not listed", l)
	}
}

// A url.Values parameter whose value is a named constant is listed at
// the Set call that reads it, with value_at at the constant; the finding
// stays at the constant, which a fix edits.
func TestInventoryURLValuesConst(t *testing.T) {
	module(t, map[string]string{"store/store.go": `package store

import (
	"database/sql"
	"net/url"
)

const (
	sslMode     = "sslmode"
	sslModeNoop = "disable"
)

func Open(host string, tls bool) {
	q := url.Values{}
	if tls {
		q.Set(sslMode, "verify-full")
	} else {
		q.Set(sslMode, sslModeNoop)
	}
	q.Set("connect_timeout", "10")
	_, _ = sql.Open("postgres", "postgres://app@"+host+"/app?"+q.Encode())
}
`})
	want := map[string]string{
		"sslmode=verify-full": "store/store.go:16 ",
		"sslmode=disable":     "store/store.go:18 store/store.go:10",
		"connect_timeout=10":  "store/store.go:20 ",
	}
	for _, e := range runInventory(t) {
		w, ok := want[e.Raw]
		if !ok {
			t.Errorf("unexpected entry %+v", e)
			continue
		}
		delete(want, e.Raw)
		if got := fmt.Sprintf("%s:%d %s", e.File, e.Line, e.ValueAt); got != w {
			t.Errorf("%s: listed at %q, want %q", e.Raw, got, w)
		}
	}
	for k := range want {
		t.Errorf("%s not listed", k)
	}
	if fs := runFindings(t); len(fs) != 1 || fs[0].Rule != "prod-tls-disabled" || fs[0].Start.Line != 10 {
		t.Errorf("findings %+v, want prod-tls-disabled at store/store.go:10", fs)
	}
}
