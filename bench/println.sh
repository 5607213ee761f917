#!/bin/sh
# Prints a million lines with fmt.Println under native Go and gol, to a
# file, a pipe and /dev/null, and reports wall time and lines per second
# (best of N runs, default 3). Standard output is unbuffered in both (see
# vm/src/stdio.rs), so this measures one write(2) per print.
#
# Usage: bench/println.sh [RUNS]   (GOL=path/to/gol to choose the binary)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
GOL=${GOL:-$HERE/../target/release/gol}
RUNS=${1:-3}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cat >"$TMP/lines.go" <<'GO'
package main

import "fmt"

func main() {
	for i := 0; i < 1000000; i++ {
		fmt.Println(i)
	}
}
GO
(cd "$TMP" && go mod init lines >/dev/null 2>&1 && go build -o lines lines.go)

# best CMD: the smallest wall time of $RUNS runs of sh -c CMD, in seconds.
best() {
	b=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		s=$(date +%s.%N)
		sh -c "$1"
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc)
		if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
		i=$((i + 1))
	done
	echo "$b"
}

printf '%-10s %-5s %8s %12s\n' target impl seconds lines/s
for target in file pipe null; do
	case $target in
	file) redir=">$TMP/out.txt" ;;
	pipe) redir="| cat >/dev/null" ;;
	null) redir=">/dev/null" ;;
	esac
	for impl in go gol; do
		case $impl in
		go) cmd="$TMP/lines $redir" ;;
		gol) cmd="$GOL run $TMP/lines.go $redir" ;;
		esac
		t=$(best "$cmd")
		printf '%-10s %-5s %8.3f %12.0f\n' "$target" "$impl" "$t" "$(echo "1000000 / $t" | bc)"
	done
done
