#!/usr/bin/env bash
# Real clients against `newskg serve` (issue 12): builds a store from the
# example articles with BIN, serves it on a free port, runs clients.py
# (SPARQLWrapper, rdflib) and browser.py (headless Chromium), stops the
# server with SIGTERM and checks that it exits 0.
# Usage: scripts/serve/run.sh BIN [SCREENSHOT.png]
# Installs what is missing: SPARQLWrapper, rdflib, websocket-client (pip) and
# chromium (apt-get).
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=$(realpath "$1")
shot=${2:-$(mktemp -d)/explorer.png}
python3 -c "import SPARQLWrapper, rdflib, websocket" 2>/dev/null ||
  python3 -m pip install --quiet SPARQLWrapper rdflib websocket-client
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
"$bin" ingest examples/articles --store "$work/kg.db" >/dev/null
"$bin" serve --store "$work/kg.db" --bind 127.0.0.1:0 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do grep -q 'http://' "$work/serve.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -1)
echo "newskg serve at $url"
status=0
python3 scripts/serve/clients.py "$url" || status=1
python3 scripts/serve/browser.py "$url" "Sheinbaum" "$shot" || status=1
kill -TERM "$pid"
wait "$pid" || { echo "newskg serve did not exit cleanly on SIGTERM"; status=1; }
grep -q 'stopped' "$work/serve.log" || { echo "no 'stopped' line"; status=1; }
echo "screenshot: $shot"
exit $status
