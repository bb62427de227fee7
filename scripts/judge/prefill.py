#!/usr/bin/env python3
"""Carry earlier verdicts onto the identical facts of a new sample, so that a
judge re-reads them instead of judging from scratch (they still check each:
an entity type or an attribution may have changed since).

A fact is identical when its key (scripts/judge/keys.py: file name, sentence,
subject, relation and object labels) and its modality and negation are. Judged
files are read in the order given, so list them oldest first: the newest
verdict wins.

    python3 scripts/judge/prefill.py sample.jsonl out.jsonl judged-v1.jsonl judged-v2.jsonl
"""
import json
import sys

from keys import key


def identity(fact: dict) -> str:
    return f"{key(fact)}|{fact['modality']}|{fact['negated']}"


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sample, out, judged = sys.argv[1], sys.argv[2], sys.argv[3:]
    verdicts = {}
    for path in judged:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    fact = json.loads(line)
                    if fact.get("verdict"):
                        verdicts[identity(fact)] = (fact, path)
    rows = []
    carried = 0
    with open(sample, encoding="utf-8") as f:
        for line in f:
            fact = json.loads(line)
            prior = verdicts.get(identity(fact))
            if prior:
                earlier, path = prior
                fact["prior_verdict"] = earlier["verdict"]
                fact["prior_reason"] = earlier.get("reason", "")
                fact["prior_note"] = earlier.get("note", "")
                fact["prior_file"] = path.rsplit("/", 1)[-1]
                carried += 1
            rows.append(fact)
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in rows)
    print(f"{carried} of {len(rows)} facts carry an earlier verdict", file=sys.stderr)


if __name__ == "__main__":
    main()
