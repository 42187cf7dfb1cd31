package flow

import (
	"context"
	"testing"
	"time"
)

func TestOpen(t *testing.T) {
	openDB("postgres://app@localhost/app_test", 1, 1, time.Minute)                      // want `\[test-pool-too-small\] max_open is 1 \(SetMaxOpenConns, openDB's maxOpen at params.go:15\)`
	_ = New(context.Background(), "postgres://app@localhost/app_test", WithMaxConns(1)) // want `\[test-pool-too-small\] max_open is 1 \(MaxConns, WithMaxConns's n at params.go:36\)`
}
