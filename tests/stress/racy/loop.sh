#!/bin/sh
# Runs each racy program N times (default 100) at GOMAXPROCS 2 and 8 and
# counts the runs that did not end normally with "torn 0" and "done true":
# crashes (a signal), fatal errors, panics, mixed values.
#   tests/stress/racy/loop.sh [N] [path/to/gol]
set -u
n=${1:-100}
gol=${2:-target/release/gol}
dir=$(dirname "$0")
bad=0
for f in "$dir"/*.go; do
    for p in 2 8; do
        fails=0
        i=0
        while [ "$i" -lt "$n" ]; do
            out=$(GOMAXPROCS=$p "$gol" run "$f" 2>/tmp/racy-loop.$$)
            rc=$?
            case "$rc:$out" in
            0:*"torn 0"*"done true") ;;
            *)
                fails=$((fails + 1))
                echo "$(basename "$f") P=$p run $i: exit $rc: $(echo "$out" | tr '\n' ' ') $(head -c 200 /tmp/racy-loop.$$)"
                ;;
            esac
            i=$((i + 1))
        done
        echo "$(basename "$f") GOMAXPROCS=$p: $n runs, $fails failed"
        bad=$((bad + fails))
    done
done
rm -f /tmp/racy-loop.$$
[ "$bad" -eq 0 ]
