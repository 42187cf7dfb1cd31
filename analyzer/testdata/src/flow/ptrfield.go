package flow

import "database/sql"

// Options that keep a pointer to their parameter (o.maxOpen = &n) and a
// constructor that reads through it (*o.maxOpen): the parameter reaches
// the setter, and a call is judged where it is.
type ptrOpts struct {
	maxOpen *int
	maxIdle *int
}

type PtrOption func(*ptrOpts)

func PtrMaxOpen(n int) PtrOption { return func(o *ptrOpts) { o.maxOpen = &n } } // want PtrMaxOpen:"poolcheck func summary"

// A parameter changed before its address is kept is not the argument.
func PtrMaxIdle(n int) PtrOption {
	return func(o *ptrOpts) {
		n *= 2
		o.maxIdle = &n
	}
}

func OpenPtr(dsn string, opts ...PtrOption) *sql.DB { // want OpenPtr:"poolcheck func summary"
	var o ptrOpts
	for _, opt := range opts {
		opt(&o)
	}
	db, _ := sql.Open("pgx", dsn)
	if o.maxOpen != nil {
		db.SetMaxOpenConns(*o.maxOpen)
	}
	if o.maxIdle != nil {
		db.SetMaxIdleConns(*o.maxIdle)
	}
	return db
}

func ptrCallers() {
	OpenPtr("postgres://h/db", PtrMaxOpen(0)) // want `\[prod-pool-unbounded\] max_open is unlimited \(SetMaxOpenConns\(0\), PtrMaxOpen's n at ptrfield.go:15\)`
	OpenPtr("postgres://h/db", PtrMaxOpen(20), PtrMaxIdle(0))
}

// ptrTo returns a pointer to its argument, as k8s.io/utils/ptr.To does: a
// value written through it into a pointer field is the argument.
func ptrTo[T any](v T) *T { return &v }

// ptrCopy is not such a helper: it takes a pointer.
func ptrCopy[T any](v *T) *T { c := *v; return &c }

func defaultPtrOpts(o *ptrOpts, def *int) {
	if o.maxOpen == nil {
		o.maxOpen = ptrTo(0) // want `\[prod-pool-unbounded\] max_open is unlimited \(SetMaxOpenConns\(0\), ptrOpts.maxOpen\)`
	}
	if o.maxIdle == nil {
		o.maxIdle = ptrCopy(def)
	}
}
