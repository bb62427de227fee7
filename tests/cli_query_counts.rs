//! The named queries that read precomputed counts (store format 2) give
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

/// The query's CSV rows, sorted (the header first).
fn rows(wd: &Workdir, query: &str) -> Vec<String> {
    let out = wd.ok(&["query", query, "--store", "kg.db", "--format", "csv"]);
    let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
    lines[1..].sort();
    lines
}

/// Both named queries answer as their references, and return rows; the
/// most-mentioned rows are returned for the caller to see them change.
fn same_answers(wd: &Workdir, step: &str) -> Vec<String> {
    let mut most = Vec::new();
    for (name, reference) in [
        ("most-mentioned", MOST_MENTIONED),
        ("article-summary", ARTICLE_SUMMARY),
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
