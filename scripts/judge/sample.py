#!/usr/bin/env python3
"""Deterministic sample of fact lines from `newskg extract --format jsonl` output.

usage: sample.py EXTRACT.jsonl [-n 120] [--seed 2026] [-o OUT.jsonl] [--counts-only]

Keeps the "kind":"fact" lines (in file order), draws N of them with
random.Random(SEED).sample, and writes them in file order, one JSON line each,
with the fields needed for judging plus empty "verdict" and "reason".
Prints to stderr the number of facts and the counts by argument kind
(subject entity/concept x object entity/concept) over ALL facts and over the sample.
Standard library only.
"""
import argparse
import collections
import json
import random
import sys

def arg_kind(side):
    """'entity' for a named entity (id under /entity/, or any type but Concept), else 'concept'."""
    side = side or {}
    ident = side.get("id") or ""
    if "/concept/" in ident:
        return "concept"
    if "/entity/" in ident:
        return "entity"
    return "concept" if side.get("type") in (None, "", "Concept") else "entity"


def read_facts(path):
    facts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            obj = json.loads(line)
            if obj.get("kind") == "fact":
                facts.append(obj)
    return facts


def judging_record(index, fact):
    subj = fact.get("subject") or {}
    obj = fact.get("object") or {}
    return {
        "index": index,
        "doc": fact.get("doc"),
        "source": fact.get("source"),
        "subject": {"label": subj.get("label"), "type": subj.get("type")},
        "relation": fact.get("relation"),
        "object": {"label": obj.get("label"), "type": obj.get("type")},
        "subject_kind": arg_kind(subj),
        "object_kind": arg_kind(obj),
        "negated": fact.get("negated"),
        "modality": fact.get("modality"),
        "attributed_to": fact.get("attributed_to"),
        "confidence": fact.get("confidence"),
        "pattern": fact.get("pattern"),
        "sentence": fact.get("sentence"),
        "verdict": "",
        "reason": "",
    }


def kind_counts(facts):
    return collections.Counter(
        f"subject {arg_kind(f.get('subject'))} / object {arg_kind(f.get('object'))}"
        for f in facts)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extract")
    ap.add_argument("-n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("-o", "--out", default="-")
    ap.add_argument("--counts-only", action="store_true")
    args = ap.parse_args(argv)

    facts = read_facts(args.extract)
    n = min(args.n, len(facts))
    indices = sorted(random.Random(args.seed).sample(range(len(facts)), n))
    sample = [judging_record(i, facts[i]) for i in indices]

    err = sys.stderr
    print(f"facts: {len(facts)}  sampled: {n}  seed: {args.seed}", file=err)
    for label, group in (("all facts", facts), ("sample", [facts[i] for i in indices])):
        counts = kind_counts(group)
        print(f"argument kinds, {label}:", file=err)
        for key in sorted(counts):
            print(f"  {key}: {counts[key]} ({100.0 * counts[key] / max(1, len(group)):.1f}%)", file=err)
    if args.counts_only:
        return 0
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    for rec in sample:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if out is not sys.stdout:
        out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
