//! The named queries that read precomputed counts (store formats 2 and 3) give
//! the rows of the aggregates they replaced, which are kept here as the
//! reference: after a batch of new documents, an incremental ingest, and
//! the replacement of a document (the counts must follow each).

use crate::assert_contains;
use crate::util::{examples, Workdir};

/// most-mentioned.rq before its totals were precomputed.
const MOST_MENTIONED: &str = r#"# The most mentioned entities: mentions summed over all documents, with the number of documents.
# No parameters.
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?entity ?label ?type (SUM(?n) AS ?mentions) (COUNT(DISTINCT ?doc) AS ?documents)
WHERE {
  GRAPH ?doc { ?entity nkg:mentionCount ?n . }
  ?entity schema:name ?label ; nkg:entityType ?type .
}
GROUP BY ?entity ?label ?type
ORDER BY DESC(?mentions) ?label
LIMIT 50
"#;

/// article-summary.rq before its counts were precomputed.
const ARTICLE_SUMMARY: &str = r#"# Per-article summary: headline, source, date, sentences, entities mentioned, facts and negated facts.
# No parameters.
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?doc ?headline ?source ?date ?sentences ?entities ?facts ?negated
WHERE {
  GRAPH ?doc {
    ?doc a schema:NewsArticle ; nkg:source ?source .
    OPTIONAL { ?doc nkg:sentenceCount ?sentences }
    OPTIONAL { ?doc schema:headline ?headline }
    OPTIONAL { ?doc schema:datePublished ?date }
  }
  {
    SELECT ?doc (COUNT(DISTINCT ?e) AS ?entities)
    WHERE { GRAPH ?doc { ?doc a schema:NewsArticle . OPTIONAL { ?doc schema:mentions ?e } } }
    GROUP BY ?doc
  }
  {
    SELECT ?doc (COUNT(DISTINCT ?f) AS ?facts) (SUM(COALESCE(IF(?neg, 1, 0), 0)) AS ?negated)
    WHERE { GRAPH ?doc { ?doc a schema:NewsArticle . OPTIONAL { ?f a nkg:Fact ; nkg:negated ?neg } } }
    GROUP BY ?doc
  }
}
ORDER BY ?source
"#;

/// co-mentioned.rq before it paired only the entities in enough documents
/// (nkg:documentCount): every pair of the store counted.
const CO_MENTIONED: &str = r#"# Entities mentioned together: pairs of entities that appear in the same documents, most frequent pairs first.
# No parameters.
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>

SELECT ?a ?b ?documents
WHERE {
  {
    SELECT ?x ?y (COUNT(DISTINCT ?doc) AS ?documents)
    WHERE {
      GRAPH ?doc { ?doc schema:mentions ?x , ?y . }
      FILTER(STR(?x) < STR(?y))
    }
    GROUP BY ?x ?y
  }
  ?x schema:name ?a .
  ?y schema:name ?b .
}
ORDER BY DESC(?documents) ?a ?b
LIMIT 200
"#;

/// stance-network.rq before it read the stance links of store format 3:
/// every fact of the store joined with its stance, negation, subject and
/// object, and counted.
const STANCE_NETWORK: &str = r##"# The stance network: how named entities stand towards each other (entity-to-entity facts with a stance), with the number of facts.
# No parameters. Negated facts are left out.
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>

SELECT ?source ?stance ?target ?facts
WHERE {
  {
    SELECT ?s ?o ?st (COUNT(DISTINCT ?f) AS ?facts)
    WHERE {
      { SELECT ?f ?doc ?st WHERE { GRAPH ?doc { ?f nkg:stance ?st } } }
      { SELECT ?f ?doc WHERE { GRAPH ?doc { ?f nkg:negated false } } }
      { SELECT ?f ?doc ?s WHERE { GRAPH ?doc { ?f nkg:subject ?s } } }
      { SELECT ?f ?doc ?o WHERE { GRAPH ?doc { ?f nkg:object ?o } } }
    }
    GROUP BY ?s ?o ?st
  }
  { SELECT ?s ?source WHERE { ?s schema:name ?source } }
  { SELECT ?o ?target WHERE { ?o schema:name ?target } }
  BIND(STRAFTER(STR(?st), "#") AS ?stance)
}
ORDER BY DESC(?facts) ?source ?target ?stance
"##;

/// The query's CSV rows, sorted (the header first).
fn rows(wd: &Workdir, query: &str) -> Vec<String> {
    let out = wd.ok(&["query", query, "--store", "kg.db", "--format", "csv"]);
    let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
    lines[1..].sort();
    lines
}

/// The named queries answer as their references, and return rows; the
/// most-mentioned rows are returned for the caller to see them change.
fn same_answers(wd: &Workdir, step: &str) -> Vec<String> {
    let mut most = Vec::new();
    for (name, reference) in [
        ("most-mentioned", MOST_MENTIONED),
        ("article-summary", ARTICLE_SUMMARY),
        ("co-mentioned", CO_MENTIONED),
        ("stance-network", STANCE_NETWORK),
    ] {
        let (got, want) = (rows(wd, name), rows(wd, reference));
        assert!(want.len() > 1, "{step}: {name}: no rows");
        assert_eq!(got, want, "{step}: {name} differs from the aggregate");
        if name == "most-mentioned" {
            most = got;
        }
    }
    most
}

#[test]
fn precomputed_counts_follow_batches_increments_and_replacements() {
    let wd = Workdir::new();
    wd.ok(&["ingest", examples().to_str().unwrap(), "--store", "kg.db"]);
    let first = same_answers(&wd, "examples");
    // Invented text, mentioning entities of the examples again.
    wd.write(
        "extra.txt",
        "Mexican President Claudia Sheinbaum met Marco Rubio in Mexico City on Monday. \
         Sheinbaum said Mexico would not accept the plan. Rubio did not confirm the deal. \
         Sheinbaum praised the Mexican Army.\n",
    );
    wd.ok(&["ingest", "extra.txt", "--store", "kg.db"]);
    let added = same_answers(&wd, "one more article");
    assert_ne!(first, added, "the new article's mentions should count");
    // The same source with fewer mentions: the totals must go down again.
    wd.write("extra.txt", "Marco Rubio spoke in Washington on Friday.\n");
    let out = wd.ok(&["ingest", "extra.txt", "--store", "kg.db"]);
    assert_contains!(out, "1 replaced");
    let replaced = same_answers(&wd, "replaced article");
    assert_ne!(added, replaced, "the replaced version's mentions should go");
}

/// co-mentioned pairs only the entities in as many documents as a lower
/// bound of its 200th pair, found among the 60 entities in the most
/// documents. The examples have too few pairs for that bound (every entity
/// is paired there); this store has enough: 40 documents, each mentioning
/// some of 80 invented entities, loaded as N-Quads (`load` counts them).
#[test]
fn co_mentioned_pairs_only_the_entities_that_can_reach_the_top() {
    let wd = Workdir::new();
    let (id, nkg, schema) = (
        "https://w3id.org/newskg/id/",
        "https://w3id.org/newskg/ns#",
        "http://schema.org/",
    );
    let mut nq = String::new();
    for e in 0..80 {
        nq.push_str(&format!(
            "<{id}entity/vantor-{e}> <{schema}name> \"Vantor {e:02}\" <{id}graph/entities> .\n"
        ));
    }
    for d in 0..40 {
        let doc = format!("{id}doc/{d:04}");
        nq.push_str(&format!(
            "<{doc}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{schema}NewsArticle> <{doc}> .\n"
        ));
        // Entity e in every (e % 9 + 1)th document, and in some others:
        // document counts from 4 to 40, so the bound leaves some out.
        for e in (0..80).filter(|e| d % (e % 9 + 1) == 0 || (e + d) % 11 == 0) {
            nq.push_str(&format!(
                "<{doc}> <{schema}mentions> <{id}entity/vantor-{e}> <{doc}> .\n\
                 <{id}entity/vantor-{e}> <{nkg}mentionCount> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> <{doc}> .\n"
            ));
        }
    }
    wd.write("pairs.nq", nq);
    wd.ok(&["load", "pairs.nq", "--store", "kg.db"]);
    let (got, want) = (rows(&wd, "co-mentioned"), rows(&wd, CO_MENTIONED));
    assert_eq!(want.len(), 201, "{want:?}");
    assert_eq!(got, want);
}
