#!/usr/bin/env python3
"""How long are the paragraphs that news articles repeat verbatim?

usage: scripts/repeat_lengths.py [CORPUS.jsonl.gz]   (default: ../shared/data/bench/news-21k.jsonl.gz)

Reads a JSON Lines corpus (one article a line, body in `text`) at run time and
prints, for every paragraph that repeats an earlier paragraph of the same
article, how many words it has: the measurement behind newskg's
REPEAT_MIN_WORDS (crates/newskg-input/src/dedup.rs, issue 9 item 4). Only
counts are printed, never text, so the output can be quoted.

Paragraphs are split as newskg's text reader splits them (each non-blank line,
whitespace collapsed; hard-wrapped lines are rare in news corpora and are not
joined here). A word is a whitespace-separated piece holding a letter, as in
dedup.rs, so that figures do not make a table row long.
"""
import collections
import gzip
import json
import os
import sys


def words(paragraph):
    return sum(1 for w in paragraph.split() if any(c.isalpha() for c in w))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "..", "shared", "data", "bench", "news-21k.jsonl.gz")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    if not os.path.exists(path):
        print(f"skipped: {path} not found", file=sys.stderr)
        return 0
    opener = gzip.open if path.endswith(".gz") else open
    articles = paragraphs = 0
    repeats = collections.Counter()
    with_repeats = set()
    with opener(path, "rt", encoding="utf-8") as f:
        for n, line in enumerate(f):
            record = json.loads(line)
            articles += 1
            seen = set()
            for raw in record.get("text", "").split("\n"):
                p = " ".join(raw.split())
                if not p:
                    continue
                paragraphs += 1
                if p in seen:
                    repeats[words(p)] += 1
                    with_repeats.add(n)
                seen.add(p)
    print(f"{articles} articles, {paragraphs} paragraphs, "
          f"{sum(repeats.values())} repeats in {len(with_repeats)} articles")
    print("words\trepeats")
    for w in sorted(repeats):
        print(f"{w}\t{repeats[w]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
