#!/bin/sh
# Regenerates the expectations of tests/dumps with native Go: for each
# NAME.go and each GOTRACEBACK level, NAME.LEVEL.out, .err and .code; for
# quit.go, the same after SIGQUIT (quit.quit.*). Usage: tests/dumps/gen.sh
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in panic_others fatal_others deadlock_all; do
	(cd "$tmp" && cp "$OLDPWD/$f.go" . && go build -o "$f" "$f.go")
	for tb in none single all system crash; do
		set +e
		GOTRACEBACK=$tb "$tmp/$f" >"$f.$tb.out" 2>"$f.$tb.err"
		echo $? >"$f.$tb.code"
		set -e
	done
done
(cd "$tmp" && cp "$OLDPWD/quit.go" . && go build -o quit quit.go)
for tb in single crash; do
	set +e
	sleep 30 | GOTRACEBACK=$tb "$tmp/quit" >quit.$tb.out 2>quit.$tb.err &
	pid=$!
	while ! grep -q start quit.$tb.out; do sleep 0.05; done
	sleep 0.3
	kill -QUIT $pid
	wait $pid
	echo $? >quit.$tb.code
	set -e
done
