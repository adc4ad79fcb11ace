#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# bench/rescreen: what re-screening adds to a list load. Loads the real CSL (2022-04, 14,160 rows),
# records N decisions with one distinct party each (N-50 names from negatives_global, 50 CSL names),
# then loads a changed copy of the CSL (1% of rows removed, 1% with one alias more, 20 added) into
# that store and into a store with no recorded decision. Prints wall-clock and CPU (user+sys) seconds
# of each load and of `lists rescreen-report --json`. Usage: bench/rescreen/run.sh [BUILD=build] [N=5000]
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TG=$(cd "${1:-build}" && pwd)/cmd/tollgate/tollgate; N=${2:-5000}
DATA=$ROOT/../shared/data
CSL=$DATA/lists/csl-2022-04/consolidated.csv; NEG=$DATA/bench/persons/negatives_global.csv
[ -f "$CSL" ] && [ -f "$NEG" ] || { echo "skipped: $CSL or $NEG absent"; exit 0; }
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export TOLLGATE_ACTOR=bench
python3 - "$CSL" "$NEG" "$ROOT/examples/orders/17-h100-germany.json" "$W" "$N" <<'PY'
import csv, json, random, sys
csl, neg, tmpl, w, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
random.seed(7)
rows = list(csv.reader(open(csl, newline="", encoding="utf-8")))
head, body = rows[0], rows[1:]
names = [r[0] for r in csv.reader(open(neg, newline="", encoding="utf-8"))][1:]
parties = names[: n - 50] + [r[head.index("name")] for r in random.sample(body, 50)]
o = json.load(open(tmpl))
with open(w + "/orders.jsonl", "w") as f:
    for i, p in enumerate(parties):
        o["id"] = "B-%d" % i
        o["parties"] = [{"role": "end_user", "name": p, "country": "DE"}]
        f.write(json.dumps(o) + "\n")
alt = head.index("alt_names")
k = len(body) // 100
removed = set(random.sample(range(len(body)), k))
changed = set(random.sample(sorted(set(range(len(body))) - removed), k))
out = csv.writer(open(w + "/changed.csv", "w", newline="", encoding="utf-8"))
out.writerow(head)
for i, r in enumerate(body):
    if i in removed:
        continue
    if i in changed:
        r = list(r); r[alt] = (r[alt] + "; " if r[alt] else "") + r[head.index("name")] + " Branch"
    out.writerow(r)
for i in range(20):
    r = list(body[i]); r[0] = "bench-added-%d" % i; r[head.index("name")] = parties[i * 7]
    out.writerow(r)
print("changed CSL: %d rows (%d removed, %d with one alias more, 20 added)" % (len(body) - k + 20, k, k))
PY
t() { local label=$1; shift; /usr/bin/time -f "%e %U %S" -o "$W/t" "$@" >"$W/out" 2>"$W/err" || { echo "$label failed"; cat "$W/err"; exit 1; }
      awk -v l="$label" '{printf "%-44s wall %6.2f s   cpu %6.2f s\n", l, $1, $2 + $3}' "$W/t"; }
for db in empty parties; do
  TOLLGATE_DB=$W/$db.db "$TG" lists load "$CSL" >/dev/null || exit 1
done
TOLLGATE_DB=$W/parties.db "$TG" check --json "$W/orders.jsonl" >/dev/null 2>&1
echo "recorded decisions: $N (one party each)"
t "load changed CSL, no recorded decision" env TOLLGATE_DB=$W/empty.db "$TG" lists load "$W/changed.csv"
tail -1 "$W/out"
t "load changed CSL, $N recorded parties" env TOLLGATE_DB=$W/parties.db "$TG" lists load "$W/changed.csv"
tail -1 "$W/out"
t "lists rescreen-report --json" env TOLLGATE_DB=$W/parties.db "$TG" lists rescreen-report --json
t "reload the same CSL, $N recorded parties" env TOLLGATE_DB=$W/parties.db "$TG" lists load "$W/changed.csv"
tail -1 "$W/out"
