#!/usr/bin/env bash
# survey.sh: run poolcheck over real public modules and summarise the
# findings per rule. Usage: scripts/survey.sh [OUTDIR]
# Each module is fetched with `go mod download`, copied to a scratch
# directory (the module cache is read-only) and analysed with its tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/bench/out/survey}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

modules=(
  github.com/jackc/pgx/v5@v5.12.0
  gorm.io/gorm@v1.31.2
  github.com/jmoiron/sqlx@v1.4.0
  entgo.io/ent@v0.14.5
  github.com/go-sql-driver/mysql@v1.10.1
  github.com/lib/pq@v1.12.3
  github.com/redis/go-redis/v9@v9.23.0
  gorm.io/driver/postgres@v1.6.3
)

(cd "$root" && go build -o "$work/poolcheck" ./cmd/poolcheck)
summary=$out/summary.txt
: >"$summary"
for m in "${modules[@]}"; do
  name=${m//\//_}
  dir=$(go mod download -json "$m" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  cp -r "$dir" "$work/$name"
  chmod -R u+w "$work/$name"
  pushd "$work/$name" >/dev/null
  # A module's tests may need modules its go.sum names but the cache lacks.
  GOFLAGS=-mod=mod go mod download >/dev/null 2>&1 || true
  set +e
  GOFLAGS=-mod=mod "$work/poolcheck" -format json ./... >"$out/$name.json" 2>"$out/$name.stderr"
  code=$?
  set -e
  popd >/dev/null
  pkgs=$(cd "$work/$name" && GOFLAGS=-mod=mod go list ./... 2>/dev/null | wc -l)
  n=$(grep -c '"rule":' "$out/$name.json" || true)
  printf '%s: %s packages, exit %s, %s findings\n' "$m" "$pkgs" "$code" "$n" | tee -a "$summary"
  grep '"rule":' "$out/$name.json" | sort | uniq -c | sed 's/^/    /' | tee -a "$summary" || true
  if grep -qi 'panic' "$out/$name.stderr"; then echo "    PANIC: see $out/$name.stderr" | tee -a "$summary"; fi
done
