#!/bin/sh
# Prints a million lines with fmt.Println under native Go and gol, to a
# file, a pipe and /dev/null, and reports wall time, lines per second and
# CPU time (best of N runs, default 3; needs GNU time at /usr/bin/time). Standard output is unbuffered in both (see
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

# best CMD: the smallest wall time and the smallest CPU time (user +
# system, of the whole pipeline) over $RUNS runs of sh -c CMD, in seconds.
# On a loaded machine the CPU time is the steadier figure.
best() {
	bw=""
	bc=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f "%e %U %S" -o "$TMP/time" sh -c "$1"
		read -r w u s <"$TMP/time"
		c=$(echo "$u + $s" | bc)
		if [ -z "$bw" ] || [ "$(echo "$w < $bw" | bc)" = 1 ]; then bw=$w; fi
		if [ -z "$bc" ] || [ "$(echo "$c < $bc" | bc)" = 1 ]; then bc=$c; fi
		i=$((i + 1))
	done
	echo "$bw $bc"
}

printf '%-6s %-5s %8s %12s %8s\n' target impl wall-s lines/s cpu-s
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
		set -- $(best "$cmd")
		printf '%-6s %-5s %8.3f %12.0f %8.3f\n' "$target" "$impl" "$1" "$(echo "1000000 / $1" | bc)" "$2"
	done
done
