package analyzer

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/poolcheck/poolcheck/analyzer/find"
	"github.com/poolcheck/poolcheck/analyzer/report"
	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// The facts carry what a package of the module tells the packages that
// import it, so that go vet and golangci-lint, which analyze one package
// at a time, judge what the CLI judges. Only packages of the main module
// export them (a dependency has nothing to say about the application's
// pools), and each is small: knobs by catalog ID, positions as text.

// funcFact is a function's summary: the parameters that reach a setting
// or a DSN sink, and the parameter it returns as a fallback (-1: none).
type funcFact struct {
	Flows    []flowFact
	Fallback int
	Fields   []fieldParam // parameters stored in a field: what the field reaches, they reach
	// Getter is the field of its receiver a getter method returns, by
	// name, times GetterScale (0: as it is).
	Getter         string
	GetterScale    int64
	GetterScaleRaw string
}

type fieldParam struct {
	Param int
	Field string // fieldKey
	At    string
}

type flowFact struct {
	Param    int
	Knob     string // catalog.Knob.ID; "" for a DSN sink
	Source   uint8
	Driver   string
	At       string
	Scale    int64 // the argument times Scale reaches the setting; 0: as it is
	ScaleRaw string
}

func (*funcFact) AFact()           {}
func (f *funcFact) String() string { return "poolcheck func summary" }

// defaultFact is the constant a struct field holds when nobody sets it,
// or, on a getter method, the constant it returns then.
type defaultFact struct {
	Exact, Raw, At, File string
	Tag                  bool
}

func newDefaultFact(d find.FieldDefault) *defaultFact {
	return &defaultFact{Exact: d.Exact, Raw: d.Raw, At: d.At, File: d.File, Tag: d.Tag}
}

func (d *defaultFact) value() find.FieldDefault {
	return find.FieldDefault{Exact: d.Exact, Raw: d.Raw, At: d.At, File: d.File, Tag: d.Tag}
}

func (*defaultFact) AFact()           {}
func (d *defaultFact) String() string { return "poolcheck default " + d.Raw }

// reachFact lists the fields of the module's structs that reach a pool
// setting in this package, by "pkgpath.Type.Field", and the defaults
// this package's constructors give the fields of other packages'
// structs (return &config.Config{MaxOpen: envInt("MAX_OPEN", 80)}). A
// field of another package cannot carry an object fact of this one, so
// this is a package fact.
type reachFact struct {
	Fields   []fieldReach   // sorted by Key: a fact's encoding must be deterministic
	Defaults []fieldDefault // sorted by Key
}

type fieldDefault struct {
	Key     string
	Default defaultFact
}

type fieldReach struct {
	Key     string
	Reaches []reach
}

type reach struct {
	Owner, Knob, Driver string
	Source              uint8
	At                  string // a viper key's: where it is read
	Zero                string // a viper key's: the other keys that must be 0 (find.Reach.Zero)
	Scale               int64  // a getter's scale on the way (find.Reach.Scale)
	ScaleRaw            string
}

// viperKeys is the package part of a reachFact key that names a viper
// key, not a field: ":viper db.lifetime" (no import path has a colon).
const viperKeys = ":viper"

func (*reachFact) AFact()           {}
func (r *reachFact) String() string { return "poolcheck field reaches" }

// constFact lists what the declaring package reports on a DSN constant,
// as rule, key and value; a package that uses the constant reports only
// what differs (its driver, its scope).
type constFact struct {
	Findings []string
}

func (*constFact) AFact()           {}
func (c *constFact) String() string { return "poolcheck constant findings" }

var factTypes = []analysis.Fact{(*funcFact)(nil), (*defaultFact)(nil), (*reachFact)(nil), (*constFact)(nil)}

// inModule reports whether pass analyzes a package of the main module:
// one with a module and no version.
func inModule(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Path != "" && pass.Module.Version == ""
}

// summaries answers find.Summaries from the facts of pass.
type summaries struct {
	pass     *analysis.Pass
	none     *bool
	reaches  map[string]map[string][]reach // package path -> field key -> reaches; built on first use
	defaults map[string]*defaultFact       // field key -> the default other packages give it; nil: two disagree
	enc      objectpath.Encoder            // object paths of other packages' fields, cached
}

// None reports a package that imports no summaries: outside the main
// module, or with no helper or config of the module in its imports.
func (s *summaries) None() bool {
	if s.none == nil {
		none := len(s.pass.AllObjectFacts()) == 0 && len(s.pass.AllPackageFacts()) == 0
		s.none = &none
	}
	return *s.none
}

func (s *summaries) Flows(fn *types.Func) []find.Flow {
	var ff funcFact
	if !s.pass.ImportObjectFact(fn, &ff) {
		return nil
	}
	var out []find.Flow
	for _, fl := range ff.Flows {
		k := catalog.ByID(fl.Knob)
		if fl.Knob != "" && k == nil {
			continue // a catalog of another version of poolcheck
		}
		out = append(out, find.Flow{Fn: fn, Param: fl.Param, Knob: k, Source: model.Source(fl.Source), Driver: catalog.Driver(fl.Driver), At: fl.At, Scale: fl.Scale, ScaleRaw: fl.ScaleRaw})
	}
	for _, fp := range ff.Fields {
		path, _, _ := strings.Cut(fp.Field, " ")
		for _, r := range s.reachesOf(path, fp.Field) {
			dup := slices.ContainsFunc(out, func(o find.Flow) bool { return o.Param == fp.Param && o.Knob == r.Knob && o.Driver == r.Driver })
			if !dup {
				out = append(out, find.Flow{Fn: fn, Param: fp.Param, Knob: r.Knob, Source: r.Source, Driver: r.Driver, At: fp.At})
			}
		}
	}
	return out
}

func (s *summaries) Fallback(fn *types.Func) int {
	var ff funcFact
	if !s.pass.ImportObjectFact(fn, &ff) {
		return -1
	}
	return ff.Fallback
}

// Default returns the default the field's package gives it, or else
// the one the packages this one imports all give it in their
// constructors.
func (s *summaries) Default(v *types.Var) (find.FieldDefault, bool) {
	var d defaultFact
	if s.pass.ImportObjectFact(v, &d) {
		return d.value(), true
	}
	s.indexReaches()
	if len(s.defaults) == 0 {
		return find.FieldDefault{}, false
	}
	if fd := s.defaults[s.key(v)]; fd != nil {
		return fd.value(), true
	}
	return find.FieldDefault{}, false
}

func (s *summaries) GetterField(fn *types.Func) (find.GetterField, bool) {
	var ff funcFact
	if !s.pass.ImportObjectFact(fn, &ff) || ff.Getter == "" {
		return find.GetterField{}, false
	}
	return find.GetterField{Field: ff.Getter, Scale: ff.GetterScale, ScaleRaw: ff.GetterScaleRaw}, true
}

func (s *summaries) Getter(fn *types.Func) (find.FieldDefault, bool) {
	var d defaultFact
	if !s.pass.ImportObjectFact(fn, &d) {
		return find.FieldDefault{}, false
	}
	return d.value(), true
}

func (s *summaries) Reaches(v *types.Var) []find.Reach {
	if v.Pkg() == nil {
		return nil
	}
	// Most fields' packages pass none to a setter: say so before the
	// object path, which is costly, is computed.
	if s.indexReaches()[v.Pkg().Path()] == nil {
		return nil
	}
	k := s.key(v)
	if k == "" {
		return nil
	}
	return s.reachesOf(v.Pkg().Path(), k)
}

// key is fieldKey with the object paths of this pass's encoder, which
// caches them: "pkgpath objectpath".
func (s *summaries) key(v *types.Var) string {
	if v.Pkg() == nil {
		return ""
	}
	p, err := s.enc.For(v)
	if err != nil {
		return ""
	}
	return v.Pkg().Path() + " " + string(p)
}

func (s *summaries) KeyReaches(key string) []find.Reach {
	return s.reachesOf(viperKeys, viperKeys+" "+key)
}

// reachesOf returns the reaches of one key of the package facts.
func (s *summaries) reachesOf(path, key string) []find.Reach {
	reaches := s.indexReaches()
	if reaches[path] == nil {
		return nil // most fields: no package this one imports passes them to a setter
	}
	var out []find.Reach
	for _, r := range reaches[path][key] {
		if k := catalog.ByID(r.Knob); k != nil {
			out = append(out, find.Reach{Owner: r.Owner, Knob: k, Source: model.Source(r.Source), Driver: catalog.Driver(r.Driver), At: r.At, Zero: r.Zero, Scale: r.Scale, ScaleRaw: r.ScaleRaw})
		}
	}
	return out
}

// indexReaches reads the reach facts once: package path -> key ->
// reaches, and the defaults of other packages' fields.
func (s *summaries) indexReaches() map[string]map[string][]reach {
	if s.reaches == nil {
		s.reaches = make(map[string]map[string][]reach)
		for _, pf := range s.pass.AllPackageFacts() {
			if rf, ok := pf.Fact.(*reachFact); ok {
				for _, fr := range rf.Fields {
					path, _, _ := strings.Cut(fr.Key, " ")
					if s.reaches[path] == nil {
						s.reaches[path] = make(map[string][]reach)
					}
					s.reaches[path][fr.Key] = append(s.reaches[path][fr.Key], fr.Reaches...)
				}
				s.addDefaults(rf.Defaults)
			}
		}
	}
	return s.reaches
}

// addDefaults indexes the defaults one package gives other packages'
// fields; a field two packages give different defaults has none.
func (s *summaries) addDefaults(fds []fieldDefault) {
	for _, fd := range fds {
		if s.defaults == nil {
			s.defaults = make(map[string]*defaultFact)
		}
		old, seen := s.defaults[fd.Key]
		switch {
		case !seen:
			s.defaults[fd.Key] = &fd.Default
		case old != nil && old.Exact != fd.Default.Exact:
			s.defaults[fd.Key] = nil
		}
	}
}

// fieldKey names a field across packages, as export data and source
// both see it: the package path and the field's object path.
func fieldKey(v *types.Var) string {
	if v.Pkg() == nil {
		return ""
	}
	p, err := objectpath.For(v)
	if err != nil {
		return ""
	}
	return v.Pkg().Path() + " " + string(p)
}

// exportFacts records what other packages need of this one.
func exportFacts(pass *analysis.Pass, ex find.Exported, found *find.Result) {
	// Only what another package can name needs a fact.
	// A fact can only be set on an object of this package.
	for fn, i := range ex.Fallbacks {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, &funcFact{Fallback: i})
		}
	}
	rf := &reachFact{}
	for v, d := range ex.Defaults {
		switch {
		case !v.Exported():
		case v.Pkg() == pass.Pkg:
			pass.ExportObjectFact(v, newDefaultFact(d))
		case inPath(v.Pkg().Path(), pass.Module.Path):
			if k := fieldKey(v); k != "" {
				rf.Defaults = append(rf.Defaults, fieldDefault{Key: k, Default: *newDefaultFact(d)})
			}
		}
	}
	for fn, d := range ex.Getters {
		if fn.Pkg() == pass.Pkg {
			pass.ExportObjectFact(fn, newDefaultFact(d))
		}
	}
	flows := make(map[*types.Func]*funcFact)
	factOf := func(fn *types.Func) *funcFact {
		ff := flows[fn]
		if ff == nil {
			ff = &funcFact{Fallback: -1}
			if i, ok := ex.Fallbacks[fn]; ok {
				ff.Fallback = i
			}
			flows[fn] = ff
		}
		return ff
	}
	for fn, g := range ex.GetterFields {
		if fn.Pkg() == pass.Pkg {
			ff := factOf(fn)
			ff.Getter, ff.GetterScale, ff.GetterScaleRaw = g.Field, g.Scale, g.ScaleRaw
		}
	}
	for fn, pfs := range ex.ParamFields {
		if fn.Pkg() != pass.Pkg {
			continue
		}
		for _, pf := range pfs {
			if k := fieldKey(pf.Field); k != "" {
				ff := factOf(fn)
				ff.Fields = append(ff.Fields, fieldParam{Param: pf.Param, Field: k, At: pf.At})
			}
		}
	}
	if found == nil {
		for fn, ff := range flows {
			pass.ExportObjectFact(fn, ff)
		}
		exportReaches(pass, rf)
		return
	}
	for _, fl := range found.Flows {
		if !fl.Fn.Exported() || fl.Fn.Pkg() != pass.Pkg {
			continue
		}
		ff := factOf(fl.Fn)
		id := ""
		if fl.Knob != nil {
			id = fl.Knob.ID()
		}
		ff.Flows = append(ff.Flows, flowFact{Param: fl.Param, Knob: id, Source: uint8(fl.Source), Driver: string(fl.Driver), At: fl.At, Scale: fl.Scale, ScaleRaw: fl.ScaleRaw})
	}
	for fn, ff := range flows {
		pass.ExportObjectFact(fn, ff)
	}
	for v, rs := range found.Reaches {
		k := fieldKey(v)
		if !v.Exported() || k == "" {
			continue
		}
		fr := fieldReach{Key: k}
		for _, r := range rs {
			fr.Reaches = append(fr.Reaches, reach{Owner: r.Owner, Knob: r.Knob.ID(), Driver: string(r.Driver), Source: uint8(r.Source), Scale: r.Scale, ScaleRaw: r.ScaleRaw})
		}
		rf.Fields = append(rf.Fields, fr)
	}
	for key, rs := range found.KeyReaches {
		fr := fieldReach{Key: viperKeys + " " + key}
		for _, r := range rs {
			fr.Reaches = append(fr.Reaches, reach{Knob: r.Knob.ID(), Driver: string(r.Driver), Source: uint8(r.Source), At: r.At, Zero: r.Zero})
		}
		rf.Fields = append(rf.Fields, fr)
	}
	exportReaches(pass, rf)
}

// exportReaches sets the package fact, when it says something.
func exportReaches(pass *analysis.Pass, rf *reachFact) {
	if len(rf.Fields) == 0 && len(rf.Defaults) == 0 {
		return
	}
	slices.SortFunc(rf.Fields, func(a, b fieldReach) int { return strings.Compare(a.Key, b.Key) })
	slices.SortFunc(rf.Defaults, func(a, b fieldDefault) int { return strings.Compare(a.Key, b.Key) })
	pass.ExportPackageFact(rf)
}

// constKey spells one finding on a constant for constFact.
func constKey(rule, key, found string) string { return rule + "\x00" + key + "\x00" + found }

// exportConstFacts records, for each DSN constant of this package, what
// the package reports on it.
func exportConstFacts(pass *analysis.Pass, fs []*report.Finding) {
	consts := make(map[*types.Const][]string)
	for _, f := range fs {
		if f.Via != nil && !f.Foreign && f.Via.Pkg() == pass.Pkg && f.Via.Exported() {
			consts[f.Via] = append(consts[f.Via], constKey(f.Rule, f.Key, f.Found))
		}
	}
	for c, keys := range consts {
		pass.ExportObjectFact(c, &constFact{Findings: keys})
	}
}

// reported reports whether the package that declares c reports rule,
// key and value on it.
func reported(pass *analysis.Pass, c *types.Const, rule, key, found string) bool {
	var cf constFact
	return pass.ImportObjectFact(c, &cf) && slices.Contains(cf.Findings, constKey(rule, key, found))
}

// knows reports whether obj, of another package, is summarized: a
// function with flows or a fallback, or a field that reaches a setting.
func (s *summaries) knows(obj types.Object) bool {
	switch o := obj.(type) {
	case *types.Func:
		var ff funcFact
		return s.pass.ImportObjectFact(o, &ff)
	case *types.Var:
		return o.IsField() && len(s.Reaches(o)) > 0
	}
	return false
}
