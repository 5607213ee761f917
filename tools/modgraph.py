#!/usr/bin/env python3
"""Prints a crate's top-level module graph (which modules name which through
`crate::X` paths) and its cycles (strongly connected components).

Usage: tools/modgraph.py [SRC_DIR]   (default vm/src)

vm's modules form no cycle; the layers, bottom-up, are in vm/src/lib.rs."""
import re, sys, os
root = sys.argv[1] if len(sys.argv) > 1 else 'vm/src'
mods = {}
for dp, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith('.rs'): continue
        p = os.path.join(dp, f)
        rel = os.path.relpath(p, root)
        top = rel.split('/')[0].removesuffix('.rs')
        if top in ('lib', 'main'): continue
        if 'test' in rel: continue
        src = open(p).read()
        src = re.sub(r'#\[cfg\(test\)\]\s*mod\s+\w+\s*\{.*', '', src, flags=re.S)
        deps = set(re.findall(r'crate::(\w+)', src))
        # `use crate::{a, b::c}` groups
        for grp in re.findall(r'crate::\{([^}]*(?:\{[^}]*\}[^}]*)*)\}', src):
            for name in re.findall(r'(?:^|[,{]\s*)(\w+)', grp):
                deps.add(name)
        mods.setdefault(top, set()).update(d for d in deps if d != top)
names = set(mods)
g = {m: sorted(d for d in ds if d in names) for m, ds in mods.items()}
idx = {}; low = {}; st = []; on = set(); sccs = []; c = [0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v] = low[v] = c[0]; c[0] += 1; st.append(v); on.add(v)
    for w in g[v]:
        if w not in idx: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        sccs.append(comp)
for v in g:
    if v not in idx: sc(v)
for m in sorted(g): print(f"{m} -> {', '.join(g[m])}")
cyc = [s for s in sccs if len(s) > 1]
print("cycles:", cyc if cyc else "none")
