#!/usr/bin/env bash
# The derived files under models/ that train in seconds are rebuilt from
# ../shared/data with BIN and compared byte for byte with the committed ones:
# the gazetteer (compiled from the PETRARCH dictionaries and the curated
# lists) and the fact classifier (its judged candidates are re-extracted with
# this build's rules, so a rule change that moves a judged fact shows here
# until `newskg train facts` is run again and its output committed).
# The tagger, parser and recognizer take hours and are not rebuilt here.
# Usage: scripts/models/reproduce.sh BIN
# Skipped, with a message, without ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "$1")
data=../shared/data
if [ ! -d "$data/gazetteers/petrarch" ] || [ ! -d "$data/ud-ewt" ]; then
  echo "skipped: ../shared/data not found (models/ not reproduced)"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" train gazetteer --data "$data/gazetteers/petrarch" --output "$work/gazetteer.nkw" 2>/dev/null >/dev/null
cmp "$work/gazetteer.nkw" models/gazetteer.nkw
echo "models/gazetteer.nkw: reproduced"
"$bin" --models models train facts --data "$data" --judgements models/facts-judgements.tsv \
  --output "$work/facts.nkw" 2>/dev/null >/dev/null
cmp "$work/facts.nkw" models/facts.nkw || {
  echo "models/facts.nkw differs from 'newskg train facts' with this build: retrain it and commit" >&2
  exit 1
}
echo "models/facts.nkw: reproduced"
