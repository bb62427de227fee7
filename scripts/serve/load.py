#!/usr/bin/env python3
"""Latency of the named queries through `newskg serve` vs `newskg query`, under
N concurrent clients on 127.0.0.1, a bounded loop (issue 12, "Measure").

Usage: load.py BIN STORE URL [--clients 8] [--rounds 5] [--cli-rounds 2]
  BIN    the newskg binary (for the CLI side)
  STORE  the store folder the server serves (the CLI reads it too: both are readers)
  URL    the running server, http://127.0.0.1:PORT
Per query: median and p95 in ms over clients x rounds HTTP requests (each
client keeps one connection), and over clients x cli-rounds CLI runs (each a
process that opens the store); then 50 clients that drop the connection after
1 KB of a large CONSTRUCT, and a check that the answers are unchanged after.
"""
import argparse
import http.client
import statistics
import subprocess
import threading
import time
import urllib.parse

ap = argparse.ArgumentParser()
ap.add_argument("bin")
ap.add_argument("store")
ap.add_argument("url")
ap.add_argument("--clients", type=int, default=8)
ap.add_argument("--rounds", type=int, default=5)
ap.add_argument("--cli-rounds", type=int, default=2)
args = ap.parse_args()
host = urllib.parse.urlparse(args.url).netloc

# The entity most mentioned, for facts-about.
conn = http.client.HTTPConnection(host, timeout=120)
conn.request("GET", "/query/most-mentioned?format=csv")
# The 20th most mentioned entity for facts-about: the top ones (hundreds of
# documents) take longer than the 30 s limit with 8 clients on 2 cores.
top = conn.getresponse().read().decode().splitlines()[20].split(",")[0]
queries = [("article-summary", {}), ("co-mentioned", {}), ("confirmed-facts", {}),
           ("facts-about", {"entity": top}), ("most-mentioned", {}), ("negated-facts", {}),
           ("reported-facts", {}), ("roles", {}), ("stance-network", {}),
           ("who-opposes", {}), ("who-supports", {})]


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run_parallel(work):
    results, threads = [], []
    lock = threading.Lock()

    def client():
        mine = work()
        with lock:
            results.extend(mine)

    for _ in range(args.clients):
        t = threading.Thread(target=client)
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    return results


print(f"{'query':<16} {'HTTP median':>11} {'HTTP p95':>9} {'CLI median':>10} {'CLI p95':>8}  (ms, {args.clients} clients)")
for name, params in queries:
    target = f"/query/{name}?" + urllib.parse.urlencode({**params, "format": "csv"})

    def http_work():
        c = http.client.HTTPConnection(host, timeout=120)
        out = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            c.request("GET", target)
            r = c.getresponse()
            body = r.read()
            if r.status != 200:
                print(f"  {name}: HTTP {r.status}: {body[:120]!r}")
                continue
            out.append((time.perf_counter() - t0) * 1000)
        return out

    def cli_work():
        out = []
        cmd = [args.bin, "query", name, "--store", args.store, "--format", "csv"]
        for k, v in params.items():
            cmd += ["--param", f"{k}={v}"]
        for _ in range(args.cli_rounds):
            t0 = time.perf_counter()
            done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if done.returncode != 0:
                print(f"  {name}: CLI exit {done.returncode}")
                continue
            out.append((time.perf_counter() - t0) * 1000)
        return out

    h = run_parallel(http_work)
    c = run_parallel(cli_work)
    if h and c:
        print(f"{name:<16} {statistics.median(h):>11.1f} {pct(h, 95):>9.1f} {statistics.median(c):>10.1f} {pct(c, 95):>8.1f}")


def count():
    c = http.client.HTTPConnection(host, timeout=120)
    c.request("GET", "/sparql?" + urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"}),
              headers={"Accept": "text/csv"})
    return c.getresponse().read().decode()


before = count()
summary_before = http.client.HTTPConnection(host, timeout=120)
summary_before.request("GET", "/query/article-summary?format=csv")
summary_before = summary_before.getresponse().read()
dropped = 0
for _ in range(50):
    import socket
    s = socket.create_connection(tuple(host.rsplit(":", 1)[0:1]) + (int(host.rsplit(":", 1)[1]),))
    q = urllib.parse.quote("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    s.sendall(f"GET /sparql?query={q} HTTP/1.1\r\nHost: {host}\r\nAccept: application/n-triples\r\n\r\n".encode())
    s.recv(1024)
    s.close()
    dropped += 1
after = count()
summary_after = http.client.HTTPConnection(host, timeout=120)
summary_after.request("GET", "/query/article-summary?format=csv")
summary_after = summary_after.getresponse().read()
print(f"{dropped} clients dropped mid-response; quads before {before.split()[-1]}, after {after.split()[-1]}; "
      f"article-summary identical: {summary_before == summary_after}")
