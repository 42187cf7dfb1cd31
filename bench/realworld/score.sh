#!/usr/bin/env bash
# Scores poolcheck against the hand-labelled real-world corpus
# (bench/realworld/labels/*.toml) and prints the results table.
#
#   bench/realworld/score.sh [flags]     e.g. -apps goose,miniflux -v, or -json
#
# Flags go to bench/cmd/realworld (go run ./cmd/realworld -h lists them).
# poolcheck is built from this checkout. The applications and their
# dependencies come from the Go module proxy the first time and stay in
# GOMODCACHE, so reruns need no network.
set -euo pipefail
cd "$(dirname "$0")/.."
exec go run ./cmd/realworld "$@"
