#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The architecture rules of docs/architecture.md, checked over the tree (ctest lint__architecture).

1. No cycle among the files of src/, server/, cmd/ over their includes (a file and its header, same folder
   and stem, are one node), and none among the modules (a folder of src/, server/, cmd/) over includes and
   calls of a function that one module alone defines. Every strongly connected component has one node.
2. No SQL statement text outside src/store/ and *_store.c files.
3. No tg_engine outside src/engine/ in src/ (server/ and cmd/ sit on top of the engine).
4. No test, benchmark or fuzzer includes a *_int.h header of another module; src/ files include only their
   own folder's *_int.h.
5. Sizes: no C file over 800 lines, no function body over 60 lines, no line over 160 columns (tabs = 8).
Usage: architecture.py ROOT [--verbose]. Exit 1 and one line per breach when a rule is broken.
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
VERBOSE = "--verbose" in sys.argv
LAYERED = ["src", "server", "cmd"]
SIZED = ["src", "server", "cmd", "include", "tests", "bench", "fuzz"]
MAX_FILE, MAX_FUNC, MAX_COL = 800, 60, 160
breaches = []


def files_under(dirs, exts=(".c", ".h")):
    out = []
    for d in dirs:
        for base, subdirs, names in os.walk(os.path.join(ROOT, d)):
            subdirs[:] = [s for s in subdirs if s not in ("corpora", "node_modules")]
            out += [os.path.join(base, n) for n in names if n.endswith(exts)]
    return sorted(out)


def rel(p):
    return os.path.relpath(p, ROOT)


def read(p):
    with open(p, encoding="utf-8", errors="replace") as f:
        return f.read()


def strip_comments_and_strings(text):
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


def node_of(path):
    """A file's node: its path without extension; x_int.h belongs to x (its module's private header)."""
    stem, ext = os.path.splitext(rel(path))
    if ext == ".h" and stem.endswith("_int") and (os.path.exists(os.path.join(ROOT, stem[:-4] + ".c")) or
                                                  os.path.exists(os.path.join(ROOT, stem[:-4] + ".h"))):
        return stem[:-4]
    return stem


# ---- 1. cycles: files over includes, modules over includes and calls ----
def module_of(path):
    r = rel(path).split(os.sep)
    if r[0] == "src":
        return "src/" + r[1]
    if r[0] in ("server", "cmd"):
        return r[0]
    if r[:2] == ["tests", "unit"] and len(r) > 2:
        return {"server": "server"}.get(r[2], "src/" + r[2])
    return None


def graphs():
    files = files_under(LAYERED)
    by_base = {}
    for f in files:
        by_base.setdefault(os.path.basename(f), []).append(f)
    defined, code = {}, {}
    for f in files:
        code[f] = strip_comments_and_strings(read(f))
        if f.endswith(".c"):
            for m in re.finditer(r"^(?!static\b)[A-Za-z_][\w \t\*]*?\b([a-z_]\w*)\s*\([^;{]*\)\s*\{", code[f], re.M | re.S):
                defined.setdefault(m.group(1), set()).add(f)
    inc, mod = {}, {}
    for f in files:
        a, ma = node_of(f), module_of(f)
        inc.setdefault(a, set())
        mod.setdefault(ma, set())
        here = os.path.dirname(f)
        for m in re.finditer(r'#include "([^"]+)"', read(f)):
            cand = os.path.join(here, m.group(1))
            if m.group(1).startswith("tg/"):
                continue  # the public API (include/tg/): not a room of its own
            target = cand if os.path.exists(cand) else (by_base.get(os.path.basename(m.group(1))) or [None])[0]
            if target and node_of(target) != a:
                inc[a].add(node_of(target))
            if target and module_of(target) != ma:
                mod[ma].add(module_of(target))
        if f.endswith(".c"):
            local = set(re.findall(r"^static\b[^;{(]*?\b([a-z_]\w*)\s*\(", code[f], re.M))
            for name in set(re.findall(r"(?<!->)(?<!\.)\b([a-z_]\w*)\s*\(", code[f])) - local:
                owners = defined.get(name)
                if owners and len(owners) == 1 and module_of(next(iter(owners))) != ma:
                    mod[ma].add(module_of(next(iter(owners))))
    return inc, mod


def sccs(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in list(edges):
        if v not in index:
            visit(v)
    return out


inc_edges, mod_edges = graphs()
for what, edges in (("files (includes)", inc_edges), ("modules (includes and calls)", mod_edges)):
    for comp in sccs(edges):
        if len(comp) > 1:
            ring = sorted(comp)
            ties = ["%s -> %s" % (a, b) for a in ring for b in sorted(edges[a]) if b in comp]
            breaches.append("cycle of %d %s: %s (%s)" % (len(comp), what, " ".join(ring), "; ".join(ties)))

# ---- 2. SQL only in the modules' *_store.c and src/store/ ----
SQL = re.compile(r'"\s*(SELECT\s|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(UNIQUE\s+)?(TABLE|INDEX)|'
                 r'ALTER\s+TABLE|DROP\s+(TABLE|INDEX)|WITH\s+\w+\s+AS\s*\()')
for f in files_under(LAYERED):
    r = rel(f)
    if r.startswith("src/store/") or r.endswith("_store.c"):
        continue
    for n, line in enumerate(read(f).split("\n"), 1):
        if SQL.search(line):
            breaches.append("%s:%d: SQL outside a *_store.c file: %s" % (r, n, line.strip()[:80]))

# ---- 3. the engine is the top of the library ----
for f in files_under(["src"]):
    r = rel(f)
    if r.startswith("src/engine/"):
        continue
    for n, line in enumerate(strip_comments_and_strings(read(f)).split("\n"), 1):
        if re.search(r"\btg_engine\b|\btg_engine_\w+\s*\(", line):
            breaches.append("%s:%d: tg_engine used below the engine: %s" % (r, n, line.strip()[:80]))

# ---- 4. private headers stay in their module ----
int_headers = {os.path.basename(h): module_of(h) for h in files_under(LAYERED, (".h",)) if h.endswith("_int.h")}
for f in files_under(LAYERED + ["tests", "bench", "fuzz"]):
    mine = module_of(f)
    for n, line in enumerate(read(f).split("\n"), 1):
        m = re.match(r'\s*#include "([^"]+_int\.h)"', line)
        if m and os.path.basename(m.group(1)) in int_headers and int_headers[os.path.basename(m.group(1))] != mine:
            breaches.append("%s:%d: includes %s, private to %s" % (rel(f), n, m.group(1),
                                                                  int_headers[os.path.basename(m.group(1))]))

# ---- 5. sizes ----
for f in files_under(SIZED):
    r = rel(f)
    lines = read(f).split("\n")
    if f.endswith(".c") and len(lines) - 1 > MAX_FILE and not r.startswith(("tests/", "bench/", "fuzz/")):
        breaches.append("%s: %d lines (at most %d)" % (r, len(lines) - 1, MAX_FILE))
    start = None
    for n, line in enumerate(lines, 1):
        if len(line.expandtabs(8)) > MAX_COL:
            breaches.append("%s:%d: line of %d columns (at most %d)" % (r, n, len(line.expandtabs(8)), MAX_COL))
        if line == "{":
            start = n
        elif line.startswith("}") and start is not None:
            if n - start - 1 > MAX_FUNC and not r.startswith(("tests/", "bench/", "fuzz/")):
                breaches.append("%s:%d: function body of %d lines (at most %d)" % (r, start, n - start - 1, MAX_FUNC))
            start = None

for b in breaches:
    print(b)
if VERBOSE:
    print("%d files, %d include edges; %d modules, %d module edges" % (len(inc_edges), sum(map(len, inc_edges.values())),
                                                                      len(mod_edges), sum(map(len, mod_edges.values()))))
if breaches:
    print("architecture: %d breaches (docs/architecture.md)" % len(breaches))
    sys.exit(1)
print("ok: no cycles, SQL only in *_store.c and src/store/, no tg_engine below the engine, no foreign *_int.h, sizes")
