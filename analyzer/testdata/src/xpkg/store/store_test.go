package store

import "testing"

// An in-package test: golangci-lint analyzes only this package's test
// variant, and its importers import the plain package (TestInProcess).
func TestPlain(t *testing.T) {}
