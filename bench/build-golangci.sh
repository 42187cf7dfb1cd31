#!/usr/bin/env bash
# Builds ONE golangci-lint v2.15.0 binary with two module plugins compiled
# in: poolcheck (this checkout's plugin/) and noop (bench/noopplugin), so
# that the benchmark compares the same binary running only poolcheck with
# it running only noop. It does by hand, from the Go module proxy, what
# `golangci-lint custom` does with bench/.custom-gcl.yml (which needs git
# access to the golangci-lint repository); scripts/build-golangci.sh is
# the same recipe with poolcheck alone.
#
#   bench/build-golangci.sh OUT
set -euo pipefail

version=v2.15.0
bench=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$bench/.." && pwd)
out=${1:?usage: build-golangci.sh OUT}
case $out in /*) ;; *) out=$PWD/$out ;; esac

say() { printf 'build-golangci: %s\n' "$*" >&2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	say "go mod download gave no source directory"
	exit 1
fi
cp -R "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"
cd "$work/golangci-lint"

cat > cmd/golangci-lint/plugins.go <<'GO'
package main

// The module plugins, registered by their init functions.
import (
	_ "github.com/poolcheck/poolcheck/bench/noopplugin"
	_ "github.com/poolcheck/poolcheck/plugin"
)
GO
go mod edit \
	-require=github.com/poolcheck/poolcheck@v0.0.0 -replace="github.com/poolcheck/poolcheck=$repo" \
	-require=github.com/poolcheck/poolcheck/bench/noopplugin@v0.0.0 -replace="github.com/poolcheck/poolcheck/bench/noopplugin=$bench/noopplugin"

say "building $out (several minutes)"
mkdir -p "$(dirname "$out")"
GOFLAGS="${GOFLAGS:-} -mod=mod" go build -trimpath -o "$out" ./cmd/golangci-lint
"$out" version >&2
