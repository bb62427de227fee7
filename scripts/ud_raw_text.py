#!/usr/bin/env python3
"""A CoNLL-U treebank's raw text, one file: paragraphs from its `# newpar` (and
`# newdoc`) marks, sentences from its `# text` lines, a blank line between
paragraphs.

usage: scripts/ud_raw_text.py GOLD.conllu > raw.txt

This is the input of the raw-text UD evaluation (issue 9, item 4):

    scripts/ud_raw_text.py ../shared/data/ud-ewt/en_ewt-ud-test.conllu > ewt-test.txt
    newskg analyze ewt-test.txt > pred.conllu
    python3 ../shared/tools/ud_score.py ../shared/data/ud-ewt/en_ewt-ud-test.conllu pred.conllu

Sentences of one paragraph are joined by a space, or by nothing when the last
token of the first has SpaceAfter=No (as in the CoNLL 2018 raw texts). The
text is read at run time; nothing of the treebank is kept in the repository.
"""
import sys


def paragraphs(lines):
    """Yields each paragraph's text."""
    current = []  # (sentence text, space after it)
    text = None
    last_misc = ""
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("# newpar") or line.startswith("# newdoc"):
            if current:
                yield join(current)
                current = []
        elif line.startswith("# text ="):
            text = line[len("# text ="):].strip()
        elif line and not line.startswith("#"):
            last_misc = line.split("\t")[9] if line.count("\t") >= 9 else ""
        elif not line and text is not None:
            current.append((text, "SpaceAfter=No" not in last_misc.split("|")))
            text = None
    if text is not None:
        current.append((text, True))
    if current:
        yield join(current)


def join(sentences):
    out = ""
    for i, (text, space) in enumerate(sentences):
        out += text
        if i + 1 < len(sentences) and space:
            out += " "
    return out


def main():
    if len(sys.argv) != 2:
        usage = [l for l in __doc__.splitlines() if l.startswith("usage:")]
        print(usage[0], file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as f:
        out = list(paragraphs(f))
    sys.stdout.write("\n\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
