package difftest

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/dsn"
	"github.com/poolcheck/poolcheck/dsnsite"
	"github.com/poolcheck/poolcheck/model"
)

// TestMain isolates the drivers from the machine: pgconn and lib/pq read
// PG* variables (PGHOST, PGCONNECT_TIMEOUT, PGSSLMODE, ...) and files
// under $HOME (.pgpass, .pg_service.conf, .postgresql/root.crt).
func TestMain(m *testing.M) {
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "PG") {
			must(os.Unsetenv(k))
		}
	}
	realHome = os.Getenv("HOME") // for the go command TestStandIns runs
	home, err := os.MkdirTemp("", "difftest-home")
	if err != nil {
		panic(err)
	}
	must(os.Setenv("HOME", home))
	registerTLS()
	code := m.Run()
	must(os.RemoveAll(home))
	os.Exit(code)
}

// realHome is $HOME before TestMain replaced it: the go command finds
// its build and module caches there.
var realHome string

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// target is one driver parser that poolcheck is compared with.
type target struct {
	name   string
	driver catalog.Driver // the hint poolcheck gets (dsnsite.Pool)
	// grammar is the grammar the driver reads s in.
	grammar func(s string) dsn.Kind
	// parse runs the driver's parser; a panic becomes an error.
	parse func(s string) (any, error)
	// compare adds the value differences of an input both sides accept.
	compare func(c *check)
}

// diff is one disagreement. field is "reject" (the driver rejects,
// poolcheck accepts), "accept" (the driver accepts, dsn fails),
// "problem:KEY" (the driver accepts, the catalog reports a Rejected
// problem on KEY), or a value: "connect_timeout", "tls_mode", "hosts", ...
type diff struct{ field, ours, theirs string }

func (d diff) String() string {
	return fmt.Sprintf("%s: poolcheck %q, driver %q", d.field, d.ours, d.theirs)
}

// check is one input run through one target.
type check struct {
	t     *target
	in    string
	cfg   any   // the driver's config, nil when it rejects
	derr  error // the driver's error
	d     *dsn.DSN
	perr  error // dsn's error
	pool  *model.Pool
	diffs []diff
	known []string // ids of the known differences that explain diffs, sorted, distinct
	bad   []diff   // diffs no known difference explains
	redo  bool     // a rerun on another spelling (pq-url-grammar)
}

func safeParse(t *target, s string) (cfg any, err error) {
	defer func() {
		if r := recover(); r != nil {
			cfg, err = nil, fmt.Errorf("panic: %v", r)
		}
	}()
	return t.parse(s)
}

// run compares target t with poolcheck on input s and classifies the
// disagreements.
func run(t *target, s string) *check {
	c := &check{t: t, in: s}
	c.cfg, c.derr = safeParse(t, s)
	return runWith(c)
}

// runWith completes a check whose driver result is set.
func runWith(c *check) *check {
	t, s := c.t, c.in
	c.d, c.perr = dsn.ParseAs(s, t.grammar(s))
	if c.perr == nil {
		c.pool = dsnsite.Pool(c.d, t.driver)
	}
	switch {
	case c.derr != nil:
		if c.perr == nil && len(c.rejected()) == 0 {
			c.add("reject", "accepted", c.derr.Error())
		}
	case c.perr != nil:
		c.add("accept", c.perr.Error(), "accepted")
	default:
		for _, s := range c.rejected() {
			c.add("problem:"+s.Key, s.Problem.Code+": "+s.Problem.Text, "accepted")
		}
		t.compare(c)
	}
	c.classify()
	return c
}

func (c *check) add(field, ours, theirs string) {
	c.diffs = append(c.diffs, diff{field, ours, theirs})
}

// eq records a value difference unless ours == theirs.
func (c *check) eq(field, ours, theirs string) {
	if ours != theirs {
		c.add(field, ours, theirs)
	}
}

// rejected returns the sites with a Rejected problem.
func (c *check) rejected() []*model.Site {
	var out []*model.Site
	for _, s := range c.pool.Sites {
		if s.Problem != nil && s.Problem.Kind == catalog.Rejected {
			out = append(out, s)
		}
	}
	return out
}

// site returns the last site of the knob that key names for the target's
// driver (aliases included), or nil.
func (c *check) site(key string) *model.Site {
	k, ok := catalog.Lookup(c.t.driver, key)
	if !ok {
		panic("no knob " + key + " for " + string(c.t.driver))
	}
	if c.pool == nil {
		return nil
	}
	for i := len(c.pool.Sites) - 1; i >= 0; i-- {
		if c.pool.Sites[i].Knob == k {
			return c.pool.Sites[i]
		}
	}
	return nil
}

// value returns poolcheck's canonical value for key: the last site's
// value, or the knob's Default when the key is absent. ok is false when
// the value is not known (a custom TLS config name, an unparsable value,
// or no default).
func (c *check) value(key string) (v catalog.Value, set, ok bool) {
	if s := c.site(key); s != nil {
		return s.Value, true, s.Value.Kind != catalog.Unknown
	}
	k, _ := catalog.Lookup(c.t.driver, key)
	if k.Default == "" { // none: the driver's zero value
		switch k.Setting.Kind() {
		case catalog.Count, catalog.Duration:
			return catalog.Value{Kind: k.Setting.Kind()}, false, true
		}
		return catalog.Value{}, false, false
	}
	v, p := k.Parse(k.Default)
	return v, false, p == nil && v.Kind != catalog.Unknown
}

// tlsValue returns poolcheck's TLS mode: the last TLS site with a known
// word (pgx: sslmode and the ssl=true alias, last one wins), else the
// default of the knob named def.
func (c *check) tlsValue(def string) (string, bool) {
	for i := len(c.pool.Sites) - 1; i >= 0; i-- {
		s := c.pool.Sites[i]
		if s.Setting == catalog.TLSMode && s.Value.Kind == catalog.Enum {
			return s.Value.S, true
		}
	}
	v, set, ok := c.value(def)
	if set || !ok {
		return "", false // a custom config name, or an unreadable word
	}
	return v.S, true
}

// durStr and cntStr spell values for diffs.
func durStr(d time.Duration) string { return d.String() }
func cntStr(n int64) string         { return strconv.FormatInt(n, 10) }

// cmpDur compares a duration key whose absence means the knob's default
// (catalog claim) with the driver's value.
func (c *check) cmpDur(key string, theirs time.Duration) {
	if v, _, ok := c.value(key); ok {
		c.eq(key, durStr(v.D), durStr(theirs))
	}
}

func (c *check) cmpCount(key string, theirs int64) {
	if v, _, ok := c.value(key); ok {
		c.eq(key, cntStr(v.N), cntStr(theirs))
	}
}

// classify explains each diff with the first matching known difference.
func (c *check) classify() {
	seen := map[string]bool{}
	for _, df := range c.diffs {
		id := ""
		for _, k := range knownDiffs {
			if k.applies(c.t.name) && k.match(c, df) {
				id = k.id
				break
			}
		}
		if id == "" {
			c.bad = append(c.bad, df)
			continue
		}
		if !seen[id] {
			seen[id] = true
			c.known = append(c.known, id)
		}
	}
	sort.Strings(c.known)
}

// knownDiff is a difference between poolcheck and a driver that is
// understood and accepted. match must check evidence, not just shape.
type knownDiff struct {
	id      string
	targets []string // the targets it applies to; nil: all
	reason  string
	match   func(c *check, df diff) bool
}

func (k *knownDiff) applies(target string) bool {
	return k.targets == nil || slices.Contains(k.targets, target)
}

// tally counts cases, agreements and known differences per target.
type tally struct {
	mu     sync.Mutex
	cases  map[string]int
	differ map[string]int            // cases with at least one diff
	known  map[string]map[string]int // target -> known id -> cases
	bad    map[string]int
}

var totals = newTally()

func newTally() *tally {
	return &tally{cases: map[string]int{}, differ: map[string]int{}, known: map[string]map[string]int{}, bad: map[string]int{}}
}

func (tl *tally) record(c *check) {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	n := c.t.name
	tl.cases[n]++
	if len(c.diffs) > 0 {
		tl.differ[n]++
	}
	if tl.known[n] == nil {
		tl.known[n] = map[string]int{}
	}
	for _, id := range c.known {
		tl.known[n][id]++
	}
	if len(c.bad) > 0 {
		tl.bad[n]++
	}
}

func (tl *tally) report(t *testing.T) {
	tl.mu.Lock()
	defer tl.mu.Unlock()
	var names []string
	for n := range tl.cases {
		names = append(names, n)
	}
	sort.Strings(names)
	all, allDiff, allBad := 0, 0, 0
	for _, n := range names {
		var ks []string
		for id, k := range tl.known[n] {
			ks = append(ks, fmt.Sprintf("%s=%d", id, k))
		}
		sort.Strings(ks)
		t.Logf("%-13s %5d cases, %4d with known differences, %d unclassified  [%s]", n, tl.cases[n], tl.differ[n]-tl.bad[n], tl.bad[n], strings.Join(ks, " "))
		all += tl.cases[n]
		allDiff += tl.differ[n]
		allBad += tl.bad[n]
	}
	t.Logf("SUMMARY: %d cases, %d with classified known differences, %d unclassified disagreements", all, allDiff-allBad, allBad)
}

// caseT is a table case: an input and the known differences it shows
// for each target that reads it ("target:id"; a target not listed must
// agree outright).
type caseT struct {
	in    string
	known []string
}

// runTable runs each case through each target and fails on an
// unexplained diff or on known differences other than those listed.
func runTable(t *testing.T, targets []*target, cases []caseT) {
	t.Helper()
	for _, tc := range cases {
		for _, tg := range targets {
			c := run(tg, tc.in)
			totals.record(c)
			var want []string
			for _, k := range tc.known {
				if n, id, _ := strings.Cut(k, ":"); n == tg.name {
					want = append(want, id)
				}
			}
			sort.Strings(want)
			suggest(tg.name, tc.in, c.known)
			for _, df := range c.bad {
				t.Errorf("%s %q: unclassified disagreement: %s", tg.name, tc.in, df)
			}
			if len(c.bad) == 0 && !slices.Equal(want, c.known) {
				t.Errorf("%s %q: known differences %v, table says %v (diffs: %v)", tg.name, tc.in, c.known, want, c.diffs)
			}
		}
	}
}

// runCorpus runs generated inputs; only unexplained diffs fail.
func runCorpus(t *testing.T, targets []*target, inputs []string) {
	t.Helper()
	for _, in := range inputs {
		for _, tg := range targets {
			c := run(tg, in)
			totals.record(c)
			for _, df := range c.bad {
				t.Errorf("%s %q: unclassified disagreement: %s", tg.name, in, df)
			}
		}
	}
}

// neutralized returns the input with every parameter the catalog models
// for the target's driver set to a value the catalog accepts, using
// dsn's own SetValue edits. A driver that still rejects it rejects
// something the catalog does not model: a port, a host list, another key.
func (c *check) neutralized() (string, bool) {
	if c.d == nil {
		return "", false
	}
	var edits []dsn.Edit
	for i, p := range c.d.Params {
		k, ok := catalog.Lookup(c.t.driver, p.Key)
		if !ok {
			continue
		}
		edits = append(edits, c.d.SetValue(i, goodValue(k)))
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].Start > edits[j].Start })
	s := c.in
	for _, e := range edits {
		s = e.Apply(s)
	}
	return s, true
}

// goodValue is a raw value knob k accepts without a problem.
func goodValue(k *catalog.Knob) string {
	if k.Default != "" {
		if _, p := k.Parse(k.Default); p == nil {
			return k.Default
		}
	}
	switch k.Unit {
	case catalog.UnitCount:
		return "5"
	case catalog.UnitSeconds:
		return "5"
	case catalog.UnitMillis:
		return "5000"
	case catalog.UnitDuration, catalog.UnitSecondsOrDuration:
		return "5s"
	case catalog.UnitEnum:
		var words []string
		for w := range k.Enum {
			words = append(words, w)
		}
		sort.Strings(words)
		for _, w := range words {
			if _, p := k.Parse(w); p == nil && w != "" {
				return w
			}
		}
	}
	panic("no good value for " + k.Key)
}
