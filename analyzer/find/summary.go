package find

import (
	"go/types"

	"github.com/poolcheck/poolcheck/catalog"
	"github.com/poolcheck/poolcheck/model"
)

// Summaries is what Find knows of the other packages of the module: the
// analyzer keeps it in analysis facts, so that go vet and golangci-lint
// see what the CLI sees. A nil Summaries knows nothing.
type Summaries interface {
	// None reports that no package this one imports summarized anything.
	None() bool
	// Flows returns the flows of a function of another package: which
	// parameters reach which settings or DSN sinks.
	Flows(fn *types.Func) []Flow
	// Fallback returns the parameter a function of another package
	// returns as a fallback, or -1.
	Fallback(fn *types.Func) int
	// Reaches returns the settings a struct field reaches in the
	// packages this one imports.
	Reaches(field *types.Var) []Reach
	// Default returns the constant a field of another package holds by
	// default, when its package knows one.
	Default(field *types.Var) (FieldDefault, bool)
	// KeyReaches returns the settings the viper key reaches in the
	// packages this one imports: viper.GetDuration(key) passed on to one.
	KeyReaches(key string) []Reach
	// Getter returns the default of the field a method of another
	// package returns, as it returns it, when its package knows one.
	Getter(fn *types.Func) (FieldDefault, bool)
	// GetterField returns the field a getter method of another package
	// returns, and what it multiplies it by.
	GetterField(fn *types.Func) (GetterField, bool)
}

// A GetterField is the field of its receiver a getter method returns,
// by name, maybe scaled: time.Duration(c.LifetimeSeconds) * time.Second.
type GetterField struct {
	Field    string
	Scale    int64
	ScaleRaw string
}

// A Flow is a parameter of a function that reaches a setting (Knob) or,
// with a nil Knob, a DSN sink of Driver.
type Flow struct {
	Fn     *types.Func
	Param  int
	Knob   *catalog.Knob
	Source model.Source
	Driver catalog.Driver
	At     string // where the setting is: "db.go:12"
	// Scale multiplies the argument on its way to the setting,
	// time.Duration(secs) * time.Second: 1e9, spelled ScaleRaw; 0 for none.
	Scale    int64
	ScaleRaw string
}

// A Reach is a setting a struct field reaches, in the driver of the pool
// there when one is known.
type Reach struct {
	Owner  string // the struct type's name
	Knob   *catalog.Knob
	Source model.Source
	Driver catalog.Driver
	At     string // for a viper key: where it is read, "store.go:12"
	// Zero names the other viper keys read on the way, space-separated:
	// the key's value reaches the setting when they are 0.
	Zero string
	// Scale multiplies the field on its way, when a getter reads it:
	// time.Duration(c.LifetimeSeconds) * time.Second; 0 for none.
	Scale    int64
	ScaleRaw string
}

// A FieldDefault is a constant a field of the module's structs holds
// when nobody sets it: a default tag, or the literal a constructor
// returns.
type FieldDefault struct {
	Exact string // what catalog.Knob.Parse reads: "10", "5000000000"
	Raw   string // as written
	At    string // file:line, for messages
	File  string // the file's full name, when known: At's file is in another package's directory
	Tag   bool   // from a struct tag: Raw is a duration as time.ParseDuration reads it
}

// noSummaries knows nothing.
type noSummaries struct{}

func (noSummaries) None() bool                              { return true }
func (noSummaries) Flows(*types.Func) []Flow                { return nil }
func (noSummaries) Fallback(*types.Func) int                { return -1 }
func (noSummaries) Reaches(*types.Var) []Reach              { return nil }
func (noSummaries) Default(*types.Var) (FieldDefault, bool) { return FieldDefault{}, false }
func (noSummaries) KeyReaches(string) []Reach               { return nil }
func (noSummaries) Getter(*types.Func) (FieldDefault, bool) { return FieldDefault{}, false }
func (noSummaries) GetterField(*types.Func) (GetterField, bool) {
	return GetterField{}, false
}

// summarize fills the parts of the result other packages need.
func (f *finder) summarize() {
	for _, fl := range f.flows {
		if fl.fn.Pkg() == f.pkg {
			f.res.Flows = append(f.res.Flows, Flow{Fn: fl.fn, Param: fl.param, Knob: fl.knob, Source: fl.source, Driver: f.flowDriver(fl), At: fl.at, Scale: fl.scale.n, ScaleRaw: fl.scale.raw})
		}
	}
	for _, fl := range f.fieldFlows {
		if f.res.Reaches == nil {
			f.res.Reaches = make(map[*types.Var][]Reach)
		}
		f.res.Reaches[fl.field] = append(f.res.Reaches[fl.field], Reach{Owner: fl.owner, Knob: fl.knob, Source: fl.source, Driver: f.fieldDriver(fl), Scale: fl.scale.n, ScaleRaw: fl.scale.raw})
	}
	for key, rs := range f.keyReaches {
		if f.res.KeyReaches == nil {
			f.res.KeyReaches = make(map[string][]Reach)
		}
		f.res.KeyReaches[key] = rs
	}
}
