// Package e2e runs poolcheck the way users do: the CLI and its output
// formats, go vet and go fix, golangci-lint with the module plugin, and
// pre-commit, each on a copy of testdata/fixture.
//
//	cd e2e && go test -v ./...
//
// The golangci-lint tests need the custom binary that
// scripts/build-golangci.sh builds; pass it as POOLCHECK_GOLANGCI. The
// pre-commit tests need pre-commit on PATH (apt-get install pre-commit).
// Outside CI a missing tool skips its tests with a message; with CI set
// (as .ci/run runs) it fails them.
package e2e
