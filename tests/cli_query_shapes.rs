//! Named queries reshaped for speed on a large store (issue 14) answer
//! as their plain forms, kept here as the reference: the lookups oxigraph
//! made row by row, before the entities' names were read in one pass each
//! (subqueries joined in hash tables), and grouping every triple at once.
//! Same rows in the same order.

use crate::util::{examples, Workdir};

/// reported-facts.rq with its names looked up row by row, and every row:
/// the speakers with the most reported facts first (issue 14), counted here
/// after every fact is named.
const REPORTED_FACTS: &str = r#"PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT DISTINCT ?speaker ?subject ?relation ?object ?negated ?sentence
WHERE {
  {
    SELECT DISTINCT ?f ?doc WHERE {
      { GRAPH ?doc { ?f nkg:modality nkg:Reported } } UNION { GRAPH ?doc { ?f nkg:attributedTo ?anyone } }
    }
  }
  LATERAL {
    GRAPH ?doc {
      ?f a nkg:Fact ; nkg:subject ?s ; nkg:predicate ?p ; nkg:object ?o ;
         nkg:modality ?m ; nkg:negated ?negated .
      ?p rdfs:label ?relation .
    }
  }
  OPTIONAL {
    GRAPH ?doc { ?f nkg:attributedTo ?a }
    LATERAL { OPTIONAL { GRAPH ?doc { ?a rdfs:label ?speakerLabel } } }
  }
  OPTIONAL { GRAPH ?doc { ?f nkg:sentence ?sentence } }
  OPTIONAL { GRAPH ?doc { ?s rdfs:label ?subjectLabel } }
  OPTIONAL { GRAPH ?doc { ?o rdfs:label ?objectLabel } }
  BIND(COALESCE(?a, nkg:nobody) AS ?speakerNode)
  OPTIONAL { ?speakerNode schema:name ?speakerName }
  OPTIONAL { ?s schema:name ?subjectName }
  OPTIONAL { ?o schema:name ?objectName }
  OPTIONAL {
    SELECT (?quotedNode AS ?speakerNode) (COUNT(?anyFact) AS ?count)
    WHERE { GRAPH ?anyDoc { ?anyFact nkg:attributedTo ?quotedNode } }
    GROUP BY ?quotedNode
  }
  BIND(COALESCE(?count, 0) AS ?quoted)
  BIND(COALESCE(?speakerName, ?speakerLabel) AS ?speaker)
  BIND(COALESCE(?subjectName, ?subjectLabel) AS ?subject)
  BIND(COALESCE(?objectName, ?objectLabel) AS ?object)
}
ORDER BY DESC(?quoted) ?speaker ?subject ?relation ?object ?negated ?sentence
"#;

/// roles.rq with its names looked up row by row.
const ROLES: &str = r#"PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT DISTINCT ?person ?title ?of
WHERE {
  {
    ?e a schema:Person ; schema:name ?person ; schema:jobTitle ?title .
  } UNION {
    GRAPH ?doc {
      ?f a nkg:Fact ; nkg:subject ?e ; nkg:stance nkg:Role ; nkg:negated false ;
         nkg:predicate ?p ; nkg:object ?o .
      ?p rdfs:label ?title .
    }
    ?e a schema:Person ; schema:name ?person .
    OPTIONAL { GRAPH ?doc { ?o rdfs:label ?objectLabel } }
    OPTIONAL { ?o schema:name ?objectName }
    BIND(COALESCE(?objectName, ?objectLabel) AS ?of)
  }
}
ORDER BY ?person ?title ?of
"#;

/// confirmed-facts.rq as plainly as it can be written: every direct triple
/// labelled in each document, then grouped.
const CONFIRMED_FACTS: &str = r#"PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?subject ?relation ?object (COUNT(DISTINCT ?doc) AS ?documents)
WHERE {
  GRAPH ?doc { ?s ?p ?o . ?p a nkg:Relation ; rdfs:label ?relation }
  OPTIONAL { ?s schema:name ?subjectName }
  OPTIONAL { ?o schema:name ?objectName }
  OPTIONAL { GRAPH ?doc { ?s rdfs:label ?subjectLabel } }
  OPTIONAL { GRAPH ?doc { ?o rdfs:label ?objectLabel } }
  BIND(COALESCE(?subjectName, ?subjectLabel) AS ?subject)
  BIND(COALESCE(?objectName, ?objectLabel) AS ?object)
}
GROUP BY ?s ?p ?o ?subject ?relation ?object
HAVING (COUNT(DISTINCT ?doc) >= 2)
ORDER BY DESC(?documents) ?subject ?relation ?object
"#;

/// The query's CSV output, header first, in the query's order.
fn rows(wd: &Workdir, query: &str) -> Vec<String> {
    rows_with(wd, query, &[])
}

/// [`rows`] with `--param` arguments.
fn rows_with(wd: &Workdir, query: &str, params: &[&str]) -> Vec<String> {
    let mut args = vec!["query", query, "--store", "kg.db", "--format", "csv"];
    for p in params {
        args.extend(["--param", p]);
    }
    let out = wd.ok(&args);
    out.lines().map(str::to_owned).collect()
}

/// A store with reported facts of several speakers: one quoted three
/// times, one twice, one once, and a fact with no speaker (invented text).
fn quoted_store() -> Workdir {
    let wd = Workdir::new();
    wd.write(
        "quotes.txt",
        "Mayor Ilse Varkonyi said the council rejected the bridge plan. \
         Ilse Varkonyi said the harbour needs a new pier. \
         Ilse Varkonyi claimed the tunnel costs too much. \
         Teodor Quast said Keltra supports the tunnel. \
         Teodor Quast claimed the pier is too small. \
         Analysts said the port lost money. \
         The Dornbach Harbour Authority reportedly backed the tunnel.\n",
    );
    wd.ok(&["ingest", "quotes.txt", "--store", "kg.db"]);
    wd
}

#[test]
fn reshaped_queries_answer_as_their_plain_forms() {
    let wd = Workdir::new();
    wd.ok(&["ingest", examples().to_str().unwrap(), "--store", "kg.db"]);
    // Invented text: a reported fact with a speaker, one without, and roles.
    wd.write(
        "extra.txt",
        "Mayor Ilse Varkonyi of Dornbach said the council rejected the bridge plan. \
         The Dornbach Harbour Authority reportedly backed the tunnel. \
         Ilse Varkonyi, the mayor of Dornbach, met Teodor Quast, the chairman of Keltra.\n",
    );
    wd.ok(&["ingest", "extra.txt", "--store", "kg.db"]);
    // The same facts in two more articles, one of them with a concept
    // subject spelt another way, so that some are confirmed.
    wd.write(
        "again.txt",
        "Ilse Varkonyi, the mayor of Dornbach, met Teodor Quast, the chairman of Keltra. \
         Council members rejected the bridge plan.\n",
    );
    wd.write(
        "more.txt",
        "Teodor Quast, the chairman of Keltra, met Ilse Varkonyi. \
         council members rejected the bridge plan.\n",
    );
    wd.ok(&["ingest", "again.txt", "more.txt", "--store", "kg.db"]);
    for (name, reference, least) in [
        ("reported-facts", REPORTED_FACTS, 5),
        ("roles", ROLES, 5),
        ("confirmed-facts", CONFIRMED_FACTS, 2),
    ] {
        let (got, want) = (rows(&wd, name), rows(&wd, reference));
        assert!(
            want.len() > least,
            "{name}: too few rows to compare: {want:?}"
        );
        assert_eq!(got, want, "{name} differs from its plain form");
    }
}

/// Issue 14: reported-facts lists the speakers with the most reported
/// facts first, and `--param limit=N` gives the first N rows of the whole
/// listing (`limit=0`), whatever N: the speakers left out before the facts
/// are named are only those that cannot reach the first N rows.
#[test]
fn reported_facts_limit_gives_the_first_rows_of_the_whole_listing() {
    let wd = quoted_store();
    let all = rows_with(&wd, "reported-facts", &["limit=0"]);
    assert_eq!(all, rows(&wd, REPORTED_FACTS));
    assert!(all.len() > 5, "too few rows: {all:?}");
    // The default limit (1000) is above this store's rows.
    assert_eq!(rows(&wd, "reported-facts"), all);
    for n in 1..all.len() {
        let cut = rows_with(&wd, "reported-facts", &[&format!("limit={n}")]);
        assert_eq!(cut, all[..=n], "limit={n}");
    }
    // The most quoted speaker comes first.
    let speakers: Vec<&str> = all[1..]
        .iter()
        .map(|r| r.split(',').next().unwrap_or_default())
        .collect();
    let count = |s: &str| speakers.iter().filter(|x| **x == s).count();
    assert!(count(speakers[0]) >= count("Teodor Quast"), "{speakers:?}");
}

/// Issue 14: the row limit is a whole number, named in the error if not.
#[test]
fn reported_facts_limit_must_be_a_number() {
    let wd = quoted_store();
    let out = wd.output(&[
        "query",
        "reported-facts",
        "--store",
        "kg.db",
        "--param",
        "limit=all",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(r#"parameter limit: "all" is not a whole number of rows (0 for every row)"#),
        "{err}"
    );
}
