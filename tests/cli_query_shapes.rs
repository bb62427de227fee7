//! Named queries reshaped for speed on a large store (issue 14) answer
//! as their plain forms, kept here as the reference: the lookups oxigraph
//! made row by row, before the entities' names were read in one pass each
//! (subqueries joined in hash tables). Same rows in the same order.

use crate::util::{examples, Workdir};

/// reported-facts.rq with its names looked up row by row.
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
  BIND(COALESCE(?speakerName, ?speakerLabel) AS ?speaker)
  BIND(COALESCE(?subjectName, ?subjectLabel) AS ?subject)
  BIND(COALESCE(?objectName, ?objectLabel) AS ?object)
}
ORDER BY ?speaker ?subject ?relation ?object ?negated ?sentence
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

/// The query's CSV output, header first, in the query's order.
fn rows(wd: &Workdir, query: &str) -> Vec<String> {
    let out = wd.ok(&["query", query, "--store", "kg.db", "--format", "csv"]);
    out.lines().map(str::to_owned).collect()
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
    for (name, reference) in [("reported-facts", REPORTED_FACTS), ("roles", ROLES)] {
        let (got, want) = (rows(&wd, name), rows(&wd, reference));
        assert!(want.len() > 5, "{name}: too few rows to compare: {want:?}");
        assert_eq!(got, want, "{name} differs from its plain form");
    }
}
