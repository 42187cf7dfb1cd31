package app

import (
	"testing"

	"fixtures/src/xpkg/config"
	"fixtures/src/xpkg/store"
)

func TestApp(t *testing.T) {
	store.OpenSized("postgres://app@localhost/app_test", 1) // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns, OpenSized's n at store.go:28\)`
	store.Open(config.DB{MaxOpenConns: 1, MaxIdleConns: 1}) // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns, DB.MaxOpenConns\)`
}

// An option of one package stores its argument in a field that another
// package reads into a pool: the argument is judged here.
func TestOptions(t *testing.T) {
	store.OpenPool(config.WithMaxConns(1)) // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns, WithMaxConns's n at config.go:\d+\)`
	store.OpenPool(config.WithMaxConns(10))
	store.OpenPool(config.WithDoubled(1)) // the option changes its parameter: unknown
}
