#!/bin/sh
# What a parked goroutine costs over the whole process, for gol and Go:
# the peak RSS (GNU time's %M) of bench/parked_defer (parked's workload, a defer pending in
# each goroutine, the count its argument) with N goroutines, minus
# that of the same program with none, divided by N. Each figure is the
# median of RUNS runs (default 3).
#
# Usage: bench/parked.sh [N] [RUNS]   (GOL=path/to/gol to pick a binary)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
n=${1:-200000}
runs=${2:-3}
gol=${GOL:-$here/../target/release/gol}
time_bin=/usr/bin/time
[ -x "$time_bin" ] || { echo "parked.sh: GNU time ($time_bin) is needed" >&2; exit 1; }
[ -x "$gol" ] || { echo "parked.sh: no gol binary at $gol (cargo build --release)" >&2; exit 1; }

build=$here/.build
mkdir -p "$build"
(cd "$here" && go build -o "$build/parked_defer" parked_defer.go)

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# Peak RSS in KiB of "$@", the median of $runs runs.
peak() {
    for _ in $(seq "$runs"); do
        "$time_bin" -f %M -o "$tmp" "$@" >/dev/null 2>&1 || { echo "parked.sh: $* failed" >&2; exit 1; }
        tail -n 1 "$tmp"
    done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

report() {
    name=$1
    shift
    base=$(peak "$@" 0)
    full=$(peak "$@" "$n")
    echo "$name: peak RSS $base KiB with 0 goroutines, $full KiB with $n parked: $(( (full - base) * 1024 / n )) bytes per goroutine"
}

report go "$build/parked_defer"
report gol "$gol" run "$here/parked_defer.gol"
