#!/usr/bin/env bash
# Runs poolcheck's benchmark harness and prints the results table.
#
#   bench/run.sh [flags]        e.g. bench/run.sh -runs 7 -corpus std,xtools -golangci=false
#
# Flags go to bench/cmd/benchpool (go run ./cmd/benchpool -h lists them).
# Everything is built from this checkout; work files and the table
# (out/results.md) go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")"
exec go run ./cmd/benchpool "$@"
