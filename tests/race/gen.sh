#!/bin/sh
# Regenerates the expectations of the race programs with native Go's race
# detector: NAME.out (stdout), NAME.err (stderr, when not empty) and
# NAME.code (exit status, when not 0). Needs cgo (a C compiler).
# Usage: tests/race/gen.sh [NAME.go ...]
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files="$*"
[ -n "$files" ] || files=$(ls *.go)
for f in $files; do
	base=${f%.*}
	cp "$f" "$tmp/$base.go"
	(cd "$tmp" && go build -race -o "$tmp/prog" "$base.go")
	set +e
	(cd "$tmp" && GOMAXPROCS=2 ./prog >"$tmp/out" 2>"$tmp/err")
	code=$?
	set -e
	cp "$tmp/out" "$base.out"
	if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
	if [ "$code" != 0 ]; then echo "$code" >"$base.code"; else rm -f "$base.code"; fi
done
