package find

import (
	"strings"
	"sync"

	"github.com/poolcheck/poolcheck/catalog"
)

// sinkIndex maps funcKey spellings to the catalog's DSN sinks; composite
// literal sinks (gorm's postgres.Config{DSN: ...}) are keyed "pkg.Type.Field".
var sinkIndex = sync.OnceValue(func() map[string]catalog.Sink {
	m := make(map[string]catalog.Sink)
	for _, s := range catalog.Sinks() {
		key := s.Pkg + "."
		if s.Recv != "" {
			key += s.Recv + "."
		}
		key += s.Func
		if s.Field != "" {
			key += "." + s.Field
		}
		m[key] = s
	}
	return m
})

// methodIndex and fieldIndex map "pkg.Type.Member" to Go API knobs.
var methodIndex, fieldIndex = apiIndex(catalog.Method), apiIndex(catalog.Field)

func apiIndex(kind catalog.APIKind) func() map[string]*catalog.Knob {
	return sync.OnceValue(func() map[string]*catalog.Knob {
		m := make(map[string]*catalog.Knob)
		for _, k := range catalog.Knobs() {
			if k.API != nil && k.API.Kind == kind {
				m[k.API.Pkg+"."+k.API.Type+"."+k.API.Member] = k
			}
		}
		return m
	})
}

// callNames holds the name of every function call dispatches on, so that
// most calls are passed over before a key is built.
var callNames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, s := range catalog.Sinks() {
		m[s.Func] = true
	}
	for _, k := range catalog.Knobs() {
		if k.API != nil && k.API.Kind == catalog.Method {
			m[k.API.Member] = true
		}
	}
	for key := range callHooks {
		m[key[strings.LastIndexByte(key, '.')+1:]] = true
	}
	return m
})

// fieldNames holds the name of every Go API field knob.
var fieldNames = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool)
	for _, k := range catalog.Knobs() {
		if k.API != nil && k.API.Kind == catalog.Field {
			m[k.API.Member] = true
		}
	}
	return m
})
