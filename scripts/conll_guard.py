#!/usr/bin/env python3
"""Keep CoNLL-2003 dev text out of the repository (issue 9, item 5).

usage: scripts/conll_guard.py generate [--shared DIR] [-o FILE]
       scripts/conll_guard.py scan [--list FILE] [PATH...]

CoNLL-2003 dev (eng.testa, Reuters 1996) is for measuring only and must never
be redistributed, so no sentence of it may be quoted in a doc comment, a test
or a list. This script and the test `clean_tree` (tests/clean_tree.rs) guard
that without the repository holding any of its text:

generate  reads ../shared/data/ner/conll2003-dev/dev.txt at run time and writes
          the FNV-1a 64 hashes of its distinctive word trigrams to
          tests/guard/conll2003-dev-trigrams.txt (hashes only, sorted).
scan      hashes every trigram of the repository's tracked (and new, not
          ignored) text files the same way and prints each hit as
          `path:line: words`; exit 1 when there is one. The Rust test does
          the same on every `cargo test`.

Words are runs of ASCII letters and digits, lower-cased, so punctuation,
spacing and case do not hide a quote ("P. Smith 84;" is `p smith 84`). A
trigram of dev can be listed when

* it occurs in none of the background texts: the UD treebanks in
  ../shared/data (EWT, GUM, PUD: general English), the 21k-article news
  benchmark (Reuters 1987, BBC 2004-5: the same genre ten years earlier) and
  the names of our curated lists (crates/newskg-nlp/src/lists/*.tsv); so
  common phrases ("in the league", "the U.S. government") never are;
* it is not a name alone (its three words all inside names, by dev's own
  entity tags): a name ("New York Yankees") is world knowledge that a list
  may hold; the text around names is what a quote would copy;
* and it has two words with letters, or a rare word (one in none of the
  background texts).

Listed are every such trigram with a rare word, or with a figure beside two
words of names (scorecards, results rows: "Dunmere 2 Ostervale"), and, in
every sentence, its two best other ones (most rare words, then most name
words, then most words with letters; at least three words apart), so that
nearly every sentence of dev has a listed trigram: 95% of those of 8 words
or more (the rest are made of common phrases and names only).

A trigram hash is the FNV-1a 64 of the three words joined by one space
(UTF-8), written as 16 hex digits. The background texts only shorten the
list; without them it would be longer, never weaker.
"""
import argparse
import glob
import gzip
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
LIST = os.path.join(REPO, "tests", "guard", "conll2003-dev-trigrams.txt")
WORD = re.compile(r"[A-Za-z0-9]+")
HEADER = """\
# FNV-1a 64 hashes (16 hex digits) of distinctive lower-cased word trigrams of
# CoNLL-2003 dev, for tests/clean_tree.rs. Hashes only: no text of the data
# set is in this file. Regenerate with `scripts/conll_guard.py generate`
# (reads ../shared/data at run time; see the script for what is listed).
"""


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def trigrams(ws):
    return (" ".join(ws[i:i + 3]) for i in range(len(ws) - 2))


def dev_sentences(path):
    """Each sentence as (word, in a name) pairs: the words of its tokens."""
    sentence = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if fields[0]:
                in_name = len(fields) > 1 and fields[1] != "O"
                sentence.extend((w, in_name) for w in words(fields[0]))
            elif sentence:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def background(shared):
    """Vocabulary and trigrams of the background texts."""
    vocab, tri = set(), set()

    def add(text):
        ws = words(text)
        vocab.update(ws)
        tri.update(trigrams(ws))

    found = []
    for path in sorted(glob.glob(os.path.join(shared, "data", "ud-*", "*.conllu"))):
        found.append(path)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("# text ="):
                    add(line[len("# text ="):])
    bench = os.path.join(shared, "data", "bench", "news-21k.jsonl.gz")
    if os.path.exists(bench):
        found.append(bench)
        with gzip.open(bench, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                for paragraph in (record.get("title", "") + "\n" + record["text"]).split("\n"):
                    add(paragraph)
    # Names of the curated lists: trigrams only (their words stay rare).
    for path in sorted(glob.glob(os.path.join(REPO, "crates", "newskg-nlp", "src", "lists", "*.tsv"))):
        found.append(path)
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip() and not line.startswith("#"):
                    tri.update(trigrams(words(line.split("\t")[0])))
    return vocab, tri, found


def select(sentences, vocab, common):
    """The trigrams to list (see the module doc)."""
    names = set()
    for sentence in sentences:
        for i in range(len(sentence) - 2):
            if all(n for _, n in sentence[i:i + 3]):
                names.add(" ".join(w for w, _ in sentence[i:i + 3]))
    chosen = set()
    for sentence in sentences:
        ranked = []
        for i in range(len(sentence) - 2):
            gram = sentence[i:i + 3]
            text = " ".join(w for w, _ in gram)
            if text in common or text in names:
                continue
            rare = sum(1 for w, _ in gram if w not in vocab)
            in_name = sum(1 for _, n in gram if n)
            lettered = sum(1 for w, _ in gram if any(c.isalpha() for c in w) and len(w) > 1)
            figure = any(c.isdigit() for w, _ in gram for c in w)
            if lettered < 2 and not rare:
                continue
            if rare or (figure and in_name >= 2):
                chosen.add(text)
            ranked.append(((-rare, -in_name, -lettered, i), i, text))
        ranked.sort()
        picked = []
        for _, i, text in ranked:
            if len(picked) == 2:
                break
            if all(abs(i - j) >= 3 for j in picked):
                picked.append(i)
                chosen.add(text)
    return chosen


def generate(args):
    dev = os.path.join(args.shared, "data", "ner", "conll2003-dev", "dev.txt")
    if not os.path.exists(dev):
        print(f"conll_guard: {dev} not found (name ../shared with --shared DIR)", file=sys.stderr)
        return 2
    vocab, common, corpora = background(args.shared)
    hashes = {fnv1a64(t) for t in select(list(dev_sentences(dev)), vocab, common)}
    with open(args.output, "w", encoding="utf-8") as out:
        out.write(HEADER)
        for h in sorted(hashes):
            out.write(f"{h:016x}\n")
    print(f"{len(hashes)} trigram hashes written to {os.path.relpath(args.output)} "
          f"(background: {len(corpora)} files)", file=sys.stderr)
    return 0


def tracked_files():
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=True).stdout
    return sorted({p for p in out.decode("utf-8").split("\0") if p})


def scan(args):
    with open(args.list, encoding="utf-8") as f:
        listed = {int(l, 16) for l in f if l.strip() and not l.startswith("#")}
    paths = args.paths or tracked_files()
    hits = 0
    for rel in paths:
        path = os.path.join(REPO, rel)
        if os.path.abspath(path) == os.path.abspath(args.list) or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if b"\0" in data:
            continue  # binary: weights, gzip
        text = data.decode("utf-8", errors="replace")
        spans = [(m.group().lower(), text.count("\n", 0, m.start()) + 1)
                 for m in WORD.finditer(text)]
        for i in range(len(spans) - 2):
            gram = " ".join(w for w, _ in spans[i:i + 3])
            if fnv1a64(gram) in listed:
                hits += 1
                print(f"{rel}:{spans[i][1]}: {gram}")
    if hits:
        print(f"conll_guard: {hits} trigram(s) of CoNLL-2003 dev in the tree: rewrite them "
              "with invented names and figures", file=sys.stderr)
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    g.add_argument("-o", "--output", default=LIST)
    s = sub.add_parser("scan")
    s.add_argument("--list", default=LIST)
    s.add_argument("paths", nargs="*")
    args = parser.parse_args()
    return generate(args) if args.command == "generate" else scan(args)


if __name__ == "__main__":
    sys.exit(main())
