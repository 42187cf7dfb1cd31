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
