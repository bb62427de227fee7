#!/usr/bin/env bash
# The Spark example on Spark's local mode (issue 14, item 3): runs
# examples/spark/job.py with BIN over the first 200 articles of the news
# bench (local[2]: the map on two executor threads, the reduce on the
# driver), ingests the same articles directly, reduces the job's saved
# docfacts parts once more, and fails unless the three stores are equal
# quad for quad. Stores are compared as sorted N-Quads from `newskg export`
# with the run's identity masked, as in tests/util.rs `mask`: the run IRI
# (`…/id/run/<hex>`) and the prov:startedAtTime / prov:generatedAtTime
# literals, which differ between any two runs.
# Usage: scripts/spark/run.sh BIN
# Installs what is missing: pyspark (pip, pinned) and a headless Java
# runtime (apt-get). Skipped, with a message, without ../shared/data.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
bin=$(realpath "$1")
bench=../shared/data/bench/news-21k.jsonl.gz
if [ ! -f "$bench" ]; then
  echo "skipped: ../shared/data not found (the Spark example was not run)"
  exit 0
fi
# Pinned: 3.5 runs on Java 8, 11 and 17 (Debian 12's default-jre-headless is 17).
python3 -c "import pyspark" 2>/dev/null || python3 -m pip install --quiet "pyspark==3.5.7"
if ! java -version >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
# Spark binds its driver to this address: the loopback, never the network.
export SPARK_LOCAL_IP=127.0.0.1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$bench" "$work/news200.jsonl" <<'PY'
import gzip, itertools, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    out.writelines(itertools.islice(src, 200))
PY
cd "$work"
# spark-submit as on a cluster; no web UI (it would listen on the network)
# and no console progress bar (it redraws one line).
submit="$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')/bin/spark-submit"
export PYSPARK_PYTHON=python3
start=$(date +%s%N)
{
  "$submit" --master 'local[2]' --conf spark.ui.enabled=false \
    --conf spark.ui.showConsoleProgress=false \
    "$repo/examples/spark/job.py" --newskg "$bin" news200.jsonl --docfacts docfacts --store spark.db
} 2>&1 | { grep -v -e ' WARN ' -e ' INFO ' -e 'setLogLevel' -e 'Setting default log level' || true; }
end=$(date +%s%N)
ms=$(((end - start) / 1000000))
printf 'Spark job (spark-submit, local[2], 200 articles, JVM start-up included): %d.%03d s wall\n' \
  $((ms / 1000)) $((ms % 1000))
"$bin" ingest news200.jsonl --store direct.db
"$bin" ingest --from-docfacts docfacts --store saved.db
masked() {
  "$bin" export --format nq --store "$1" |
    sed -E 's|/id/run/[0-9a-f]+|/id/run/RUN|g; s|(prov#(generatedAtTime\|startedAtTime)> )"[^"]*"|\1"TIME"|' |
    LC_ALL=C sort
}
masked direct.db >direct.nq
masked spark.db >spark.nq
masked saved.db >saved.nq
status=0
for s in spark saved; do
  if cmp -s direct.nq $s.nq; then
    echo "$s.db: $(wc -l <$s.nq) quads, equal to the direct ingest's $(wc -l <direct.nq)"
  else
    echo "$s.db differs from the direct ingest ($(wc -l <$s.nq) against $(wc -l <direct.nq) quads):"
    diff direct.nq $s.nq | head -20 || true  # head ends the diff early
    status=1
  fi
done
exit $status
