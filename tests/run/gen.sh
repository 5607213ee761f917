#!/bin/sh
# Regenerates the expectations of the end-to-end programs with native Go:
# NAME.out (stdout), NAME.err (stderr, when not empty) and NAME.code (exit
# status, when not 0). Usage: tests/run/gen.sh [NAME.go ...]
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files="$*"
[ -n "$files" ] || files=$(ls *.go *.gol 2>/dev/null || true)
for f in $files; do
	base=${f%.*}
	# .gol scripts that are valid Go are built as .go.
	cp "$f" "$tmp/$base.go"
	(cd "$tmp" && go build -o "$tmp/prog" "$base.go")
	set +e
	(cd "$tmp" && ./prog >"$tmp/out" 2>"$tmp/err")
	code=$?
	set -e
	cp "$tmp/out" "$base.out"
	if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
	if [ "$code" != 0 ]; then echo "$code" >"$base.code"; else rm -f "$base.code"; fi
done
