#!/usr/bin/env python3
"""Summarise a judged fact sample (one JSON line per fact, with "verdict" and "reason").

usage: report.py JUDGED.jsonl [JUDGED2.jsonl ...]

verdict: CORRECT / USELESS / WRONG.  reason: a category (text after a ':' is ignored).
Prints precision = CORRECT/all with a Wilson 95% interval, verdict counts, the reason
categories of the non-correct facts ranked, and precision by pattern, by confidence band
and by argument kind (subject entity/concept x object entity/concept).
Standard library only; the output is deterministic.
"""
import collections
import json
import math
import sys

from sample import arg_kind  # one reading of entity/concept for both scripts

VERDICTS = ("CORRECT", "USELESS", "WRONG")
BANDS = ((None, 0.5, "<0.5"), (0.5, 0.7, "0.5-0.7"), (0.7, 0.8, "0.7-0.8"),
         (0.8, 0.9, "0.8-0.9"), (0.9, None, ">=0.9"))


def wilson(k, n, z=1.959964):
    if n == 0:
        return (0.0, 0.0)
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def band(conf):
    if conf is None:
        return "none"
    for low, high, name in BANDS:
        if (low is None or conf >= low) and (high is None or conf < high):
            return name
    return "none"


def side_kind(rec, key):
    return rec.get(f"{key}_kind") or arg_kind(rec.get(key))


def category(rec):
    return (rec.get("reason") or "").split(":")[0].strip().lower() or "(none)"


def fmt_prec(k, n):
    lo, hi = wilson(k, n)
    p = k / n if n else 0.0
    return f"{k:>3}/{n:<3} = {p:6.1%}  [{lo:5.1%}, {hi:5.1%}]"


def table(title, rows, key, order=None):
    groups = collections.defaultdict(list)
    for r in rows:
        groups[key(r)].append(r)
    names = order if order else sorted(groups, key=lambda g: (-len(groups[g]), g))
    print(f"\n{title}")
    print(f"  {'':<28} {'precision (Wilson 95%)':<36} {'C':>3} {'U':>3} {'W':>3}")
    for name in names:
        g = groups.get(name, [])
        if not g:
            continue
        c = collections.Counter(r["verdict"] for r in g)
        print(f"  {name:<28} {fmt_prec(c['CORRECT'], len(g)):<36} "
              f"{c['CORRECT']:>3} {c['USELESS']:>3} {c['WRONG']:>3}")


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 2
    rows = []
    for path in argv:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rows.append(json.loads(line))
    bad = [r for r in rows if r.get("verdict") not in VERDICTS]
    if bad:
        print(f"{len(bad)} facts have no valid verdict (e.g. index {bad[0].get('index')})",
              file=sys.stderr)
        return 1
    n = len(rows)
    counts = collections.Counter(r["verdict"] for r in rows)
    print(f"judged facts: {n}  ({', '.join(argv)})")
    print(f"precision (CORRECT/all): {fmt_prec(counts['CORRECT'], n)}")
    for v in VERDICTS:
        print(f"  {v:<8} {counts[v]:>3}  ({counts[v] / n:.1%})")
    print(f"not-wrong rate ((CORRECT+USELESS)/all): {fmt_prec(counts['CORRECT'] + counts['USELESS'], n)}")

    print("\nreasons of non-correct facts (ranked)")
    reasons = collections.Counter(category(r) for r in rows if r["verdict"] != "CORRECT")
    by_verdict = collections.defaultdict(collections.Counter)
    for r in rows:
        if r["verdict"] != "CORRECT":
            by_verdict[category(r)][r["verdict"]] += 1
    for name, k in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
        split = by_verdict[name]
        print(f"  {name:<24} {k:>3}  ({k / n:5.1%} of all)  W={split['WRONG']} U={split['USELESS']}")

    table("precision by pattern", rows, lambda r: r.get("pattern") or "(none)")
    table("precision by confidence band", rows, lambda r: band(r.get("confidence")),
          order=[b[2] for b in BANDS] + ["none"])
    print("\ncumulative: precision of facts at or above a threshold")
    for t in (0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9):
        g = [r for r in rows if (r.get("confidence") or 0) >= t]
        k = sum(r["verdict"] == "CORRECT" for r in g)
        print(f"  conf >= {t:<4}  kept {len(g):>3}  {fmt_prec(k, len(g)) if g else '-'}")
    table("precision by argument kind", rows,
          lambda r: f"subj {side_kind(r, 'subject')} / obj {side_kind(r, 'object')}",
          order=[f"subj {s} / obj {o}" for s in ("entity", "concept") for o in ("entity", "concept")])
    table("precision by modality", rows, lambda r: r.get("modality") or "(none)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
