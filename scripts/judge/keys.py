#!/usr/bin/env python3
"""Turn judged facts (JSON Lines with "verdict") into the judgements file of
`newskg train facts`: one `KEY TAB VERDICT` line per fact, where KEY is
FNV-1a 64 (hex) of the source's file name, the sentence and the subject,
relation and object labels joined by U+001F (src/pipeline/fact_training.rs,
`fact_key`). Only hashes and verdicts come out: no text of the documents.

    python3 scripts/judge/keys.py judged-*.jsonl > models/facts-judgements.tsv
"""
import json
import sys


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def key(fact: dict) -> str:
    fields = [
        fact["source"].rsplit("/", 1)[-1],
        fact["sentence"],
        fact["subject"]["label"],
        fact["relation"],
        fact["object"]["label"],
    ]
    return "%016x" % fnv1a64("\x1f".join(fields).encode("utf-8"))


def main() -> None:
    verdicts = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                fact = json.loads(line)
                verdict = fact.get("verdict")
                if verdict not in ("CORRECT", "USELESS", "WRONG"):
                    sys.exit(f"{path}:{n}: no verdict (CORRECT, USELESS or WRONG)")
                verdicts[key(fact)] = verdict  # a later file's verdict wins
    print("# newskg train facts: judged facts, KEY TAB VERDICT (scripts/judge/keys.py)")
    for k in sorted(verdicts):
        print(f"{k}\t{verdicts[k]}")


if __name__ == "__main__":
    main()
