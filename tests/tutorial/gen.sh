#!/bin/sh
# Regenerates NAME.out of the tutorial programs with native Go.
# Usage: tests/tutorial/gen.sh [NAME.go ...]
set -e
cd "$(dirname "$0")"
files="$*"
[ -n "$files" ] || files=$(ls *.go)
for f in $files; do
	go run "$f" >"${f%.go}.out"
done
