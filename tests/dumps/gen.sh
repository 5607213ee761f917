#!/bin/sh
# Regenerates the expectations of tests/dumps with native Go: for each
# NAME.go and each GOTRACEBACK level, NAME.LEVEL.out, .err and .code; for
# quit.go, the same after SIGQUIT (quit.LEVEL.*) and after a SIGSEGV,
# SIGBUS or SIGTRAP sent by kill (quit.SIG.LEVEL.*). Usage:
# tests/dumps/gen.sh
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in panic_others fatal_others deadlock_all breakpoint_others; do
	(cd "$tmp" && cp "$OLDPWD/$f.go" . && go build -o "$f" "$f.go")
	for tb in none single all system crash; do
		set +e
		GOTRACEBACK=$tb "$tmp/$f" >"$f.$tb.out" 2>"$f.$tb.err"
		echo $? >"$f.$tb.code"
		set -e
	done
done
(cd "$tmp" && cp "$OLDPWD/quit.go" . && go build -o quit quit.go)
# quit SIG LEVEL NAME: quit.go signalled with SIG, into NAME.*.
quit() {
	set +e
	sleep 30 | GOTRACEBACK=$2 "$tmp/quit" >$3.out 2>$3.err &
	pid=$!
	while ! grep -q start $3.out; do sleep 0.05; done
	sleep 0.3
	kill -$1 $pid
	wait $pid
	echo $? >$3.code
	set -e
}
for tb in single crash; do
	quit QUIT $tb quit.$tb
done
for sig in SEGV BUS TRAP; do
	for tb in none crash; do
		quit $sig $tb quit.$sig.$tb
	done
done
