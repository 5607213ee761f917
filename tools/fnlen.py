#!/usr/bin/env python3
"""Lists the Rust functions longer than N lines (default 300), longest first.

Usage: tools/fnlen.py [N [DIR ...]]   (default DIRs: the workspace's crates)

Braces are matched line by line with string and comment text removed; test
files are skipped. The limits it checks: no function over 300 lines but the
interpreter's dispatch loop, which stays under 600."""
import re, sys, os
N = int(sys.argv[1]) if len(sys.argv) > 1 else 300
roots = sys.argv[2:] or ['lang/src', 'vm/src', 'gc/src', 'stdlib/src', 'src']
fnre = re.compile(r'^\s*(pub(\([^)]*\))?\s+)?(const\s+)?(unsafe\s+)?(extern\s+"C"\s+)?fn\s+(\w+)')
def strip(line):
    line = re.sub(r'"(\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(\\.|[^'\\])'", "''", line)
    i = line.find('//')
    return line if i < 0 else line[:i]
out = []
for root in roots:
    for dp, _, fs in os.walk(root):
        for f in fs:
            if not f.endswith('.rs') or 'test' in f: continue
            p = os.path.join(dp, f)
            lines = open(p).read().split('\n')
            i = 0
            while i < len(lines):
                m = fnre.match(lines[i])
                if m:
                    depth = 0; started = False; j = i
                    while j < len(lines):
                        s = strip(lines[j])
                        if not started and ';' in s and '{' not in s: break
                        depth += s.count('{') - s.count('}')
                        if '{' in s: started = True
                        if started and depth <= 0: break
                        j += 1
                    n = j - i + 1
                    if started and n > N: out.append((n, p, i + 1, m.group(6)))
                i += 1
for n, p, l, name in sorted(out, reverse=True): print(f"{n:5} {p}:{l} {name}")
