#!/usr/bin/env bash
# Builds golangci-lint v2.15.0 with the poolcheck module plugin compiled in,
# from the Go module proxy only. It does by hand what `golangci-lint custom`
# does with .custom-gcl.yml, which needs git access to the golangci-lint
# repository.
#
#   scripts/build-golangci.sh [OUT]     default OUT: bin/golangci-lint-poolcheck
#
# The plugin comes from this checkout (a replace directive), so the binary
# always lints with the working tree's poolcheck.
set -euo pipefail

version=v2.15.0
repo=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$repo/bin/golangci-lint-poolcheck}
case $out in /*) ;; *) out=$PWD/$out ;; esac

say() { printf 'build-golangci: %s\n' "$*" >&2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say "downloading github.com/golangci/golangci-lint/v2@$version from the module proxy"
src=$(go mod download -json "github.com/golangci/golangci-lint/v2@$version" |
	sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$src" ] || [ ! -d "$src" ]; then
	say "go mod download gave no source directory"
	exit 1
fi

say "copying $src"
cp -R "$src" "$work/golangci-lint"
chmod -R u+w "$work/golangci-lint"
cd "$work/golangci-lint"

say "adding the plugin: cmd/golangci-lint/plugins.go imports github.com/poolcheck/poolcheck/plugin"
cat > cmd/golangci-lint/plugins.go <<'GO'
package main

// The poolcheck module plugin, registered by its init function.
import _ "github.com/poolcheck/poolcheck/plugin"
GO
go mod edit -require=github.com/poolcheck/poolcheck@v0.0.0 -replace="github.com/poolcheck/poolcheck=$repo"

say "building $out"
mkdir -p "$(dirname "$out")"
# No -ldflags version: golangci-lint then reports "(devel)" and salts its
# result cache with the binary's hash, so a rebuilt plugin never replays
# results cached by the previous build.
GOFLAGS="${GOFLAGS:-} -mod=mod" go build -trimpath -o "$out" ./cmd/golangci-lint
"$out" version >&2
say "done: $out"
