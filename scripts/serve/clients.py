#!/usr/bin/env python3
"""Real SPARQL clients against a running `newskg serve` (issue 12).

SPARQLWrapper (SELECT, ASK, CONSTRUCT, a refused update, a syntax error)
and rdflib's SPARQLStore (a Graph whose queries go to the endpoint).
Usage: clients.py http://127.0.0.1:PORT
Prints one line per check and `N passed, N failed`; exits 1 on a failure.
"""
import sys
import urllib.error

from SPARQLWrapper import JSON, TURTLE, POST, SPARQLWrapper
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore

base = sys.argv[1].rstrip("/")
endpoint = base + "/sparql"
passed = failed = 0


def check(name, fn):
    global passed, failed
    try:
        fn()
        print(f"ok    {name}")
        passed += 1
    except Exception as e:  # a failed check, whatever raised
        print(f"FAIL  {name}: {type(e).__name__}: {e}")
        failed += 1


def select():
    w = SPARQLWrapper(endpoint)
    w.setQuery("SELECT ?name WHERE { ?e a schema:Person ; rdfs:label ?name } ORDER BY ?name")
    w.setReturnFormat(JSON)
    rows = w.query().convert()["results"]["bindings"]
    names = [r["name"]["value"] for r in rows]
    assert "Claudia Sheinbaum" in names, names


def select_post():
    w = SPARQLWrapper(endpoint)
    w.setMethod(POST)
    w.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?f a nkg:Fact }")
    w.setReturnFormat(JSON)
    n = int(w.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert n > 0, n


def ask():
    w = SPARQLWrapper(endpoint)
    w.setQuery("ASK { ?f nkg:negated true }")
    w.setReturnFormat(JSON)
    assert w.query().convert()["boolean"] is True


def construct():
    w = SPARQLWrapper(endpoint)
    w.setQuery("CONSTRUCT { ?e rdfs:label ?n } WHERE { ?e a schema:Person ; rdfs:label ?n }")
    w.setReturnFormat(TURTLE)
    g = Graph()
    g.parse(data=w.query().convert(), format="turtle")
    assert len(g) > 0, len(g)


def update_refused():
    w = SPARQLWrapper(endpoint)
    w.setMethod(POST)
    w.setQuery("DELETE WHERE { ?s ?p ?o }")
    try:
        w.query()
    except urllib.error.HTTPError as e:
        assert e.code == 403, e.code
        return
    except Exception as e:  # SPARQLWrapper wraps some codes in its own errors
        assert "403" in str(e) or "refused" in str(e), e
        return
    raise AssertionError("the update was not refused")


def syntax_error():
    w = SPARQLWrapper(endpoint)
    w.setQuery("SELECT ?s WHERE { ?s ?p }")
    w.setReturnFormat(JSON)
    try:
        w.query()
    except Exception as e:
        assert "line 1" in str(e) or "400" in str(e) or "QueryBadFormed" in type(e).__name__, e
        return
    raise AssertionError("no error for a bad query")


def rdflib_store():
    store = SPARQLStore(endpoint, returnFormat="json")
    g = Graph(store=store)
    rows = list(g.query(
        "PREFIX nkg: <https://w3id.org/newskg/ns#> "
        "SELECT ?s ?o WHERE { ?f nkg:subject ?s ; nkg:object ?o } LIMIT 5"))
    assert len(rows) == 5, rows


def named_query_csv():
    import urllib.request
    with urllib.request.urlopen(base + "/query/who-opposes?format=csv") as r:
        text = r.read().decode()
    assert text.splitlines()[0].count(",") >= 2, text[:200]


for name, fn in [("SPARQLWrapper SELECT (GET, JSON)", select),
                 ("SPARQLWrapper SELECT (POST)", select_post),
                 ("SPARQLWrapper ASK", ask),
                 ("SPARQLWrapper CONSTRUCT (Turtle) parsed by rdflib", construct),
                 ("SPARQLWrapper update refused with 403", update_refused),
                 ("SPARQLWrapper syntax error is a 400", syntax_error),
                 ("rdflib SPARQLStore query", rdflib_store),
                 ("named query as CSV", named_query_csv)]:
    check(name, fn)
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
