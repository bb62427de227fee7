#!/usr/bin/env bash
# Ingest the first N bench articles (default 200) into a store folder and into a
# remote store served by `oxigraph serve` (on disk, on an ephemeral port),
# print both wall times, and check that the two stores hold the same quads
# (run ids and start times masked, as tests/util.rs does): README, "Remote
# stores". Needs ../shared/data/bench and `oxigraph` (pip install oxigraph).
#
#   bash scripts/remote/compare.sh [NEWSKG_BINARY] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
newskg=$(realpath "${1:-${CARGO_TARGET_DIR:-target}/release/newskg}")
n=${2:-200}
corpus=../shared/data/bench/news-21k.jsonl.gz
[ -f "$corpus" ] || { echo "skipped: $corpus not found"; exit 0; }
command -v oxigraph >/dev/null || { echo "no oxigraph on PATH: pip install oxigraph" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
{ zcat "$corpus" || true; } | head -n "$n" > "$work/bench.jsonl"  # zcat stops on the closed pipe
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
oxigraph serve --location "$work/oxigraph" --bind "127.0.0.1:$port" >"$work/oxigraph.log" 2>&1 &
server=$!
for _ in $(seq 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/query?query=ASK%7B%7D" && break
  sleep 0.1
done
url="http://127.0.0.1:$port"

wall() {  # LABEL COMMAND...: runs it, prints the wall time and its summary line
  local label=$1 start end out ms
  shift
  start=$(date +%s%N)
  out=$("$@")
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  printf '%-26s %3d.%02d s wall   %s\n' "$label" $((ms / 1000)) $((ms % 1000 / 10)) "${out%%;*}"
}
cd "$work"
wall "local store folder" "$newskg" ingest bench.jsonl --store local.db
wall "oxigraph serve (remote)" "$newskg" ingest bench.jsonl --store "$url"
wall "remote rerun (unchanged)" "$newskg" ingest bench.jsonl --store "$url"
wall "local rerun (unchanged)" "$newskg" ingest bench.jsonl --store local.db

mask() { sed -E 's#/id/run/[0-9a-f]+#/id/run/RUN#g; s#"[^"]*"\^\^<http://www.w3.org/2001/XMLSchema\#dateTime>#"TIME"#g' | LC_ALL=C sort; }
"$newskg" export --format nq --store local.db | mask > local.nq
curl -s -H 'Accept: application/n-quads' "$url/store" | mask > remote.nq
echo "quads: $(wc -l < local.nq) local, $(wc -l < remote.nq) remote"
if cmp -s local.nq remote.nq; then
  echo "the stores are equal quad for quad"
else
  echo "the stores differ:"; diff local.nq remote.nq | head -n 20
  exit 1
fi
