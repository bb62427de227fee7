//! The named queries of `queries/*.rq`, embedded in the binary.
//!
//! `newskg query who-opposes` runs `queries/who-opposes.rq`. Each file starts
//! with a comment header: the first line says what the query answers, and a
//! line `# param NAME: description` declares each `--param`, which is then
//! required: running the query without it is an error naming it, not an
//! empty answer. `# param NAME = DEFAULT: description` declares one that
//! takes DEFAULT when not given. A parameter named `limit` is the query's
//! row limit (see [`ROW_LIMIT`]). A line `# store format: N` says the query reads what store
//! format N added (the precomputed counts of `counts.rs`): on a store of an
//! older format it is refused with what to run, not answered empty. The
//! header is parsed at run time from the embedded text, so the file is the
//! only place a query and its documentation live.

/// A query shipped in `queries/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedQuery {
    /// The file name without `.rq` (`who-opposes`).
    pub name: &'static str,
    /// What it answers (the header's first line).
    pub description: String,
    /// Its parameters, in header order.
    pub params: Vec<QueryParam>,
    /// The SPARQL text.
    pub sparql: &'static str,
}

/// One `--param` a named query takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryParam {
    /// The variable name, without `?`.
    pub name: String,
    /// What to pass.
    pub description: String,
    /// The value taken when it is not given; `None` for a required one.
    pub default: Option<String>,
}

/// The name of the parameter that is a named query's row limit (issue 14):
/// declared with a default (`# param limit = 1000: …`), it is a whole
/// number of rows, 0 for every row. The query is cut after that many rows
/// (an outermost `LIMIT`), and sees the value as `?limit`, an
/// `xsd:integer`, so it can leave out early what cannot reach the first
/// rows (`queries/reported-facts.rq`).
pub const ROW_LIMIT: &str = "limit";

/// Every embedded query: (name, text), sorted by name.
const QUERIES: [(&str, &str); 11] = [
    (
        "article-summary",
        include_str!("../../queries/article-summary.rq"),
    ),
    (
        "co-mentioned",
        include_str!("../../queries/co-mentioned.rq"),
    ),
    (
        "confirmed-facts",
        include_str!("../../queries/confirmed-facts.rq"),
    ),
    ("facts-about", include_str!("../../queries/facts-about.rq")),
    (
        "most-mentioned",
        include_str!("../../queries/most-mentioned.rq"),
    ),
    (
        "negated-facts",
        include_str!("../../queries/negated-facts.rq"),
    ),
    (
        "reported-facts",
        include_str!("../../queries/reported-facts.rq"),
    ),
    ("roles", include_str!("../../queries/roles.rq")),
    (
        "stance-network",
        include_str!("../../queries/stance-network.rq"),
    ),
    ("who-opposes", include_str!("../../queries/who-opposes.rq")),
    (
        "who-supports",
        include_str!("../../queries/who-supports.rq"),
    ),
];

/// The SPARQL text of the named query `name` (with or without `.rq`).
pub fn named_query(name: &str) -> Option<&'static str> {
    let name = name.strip_suffix(".rq").unwrap_or(name);
    QUERIES.iter().find(|(n, _)| *n == name).map(|(_, q)| *q)
}

/// Every named query with its description and parameters, sorted by name.
pub fn named_queries() -> Vec<NamedQuery> {
    QUERIES
        .iter()
        .map(|&(name, sparql)| describe(name, sparql))
        .collect()
}

/// Reads the comment header of a query.
fn describe(name: &'static str, sparql: &'static str) -> NamedQuery {
    let (description, params) = header(sparql);
    NamedQuery {
        name,
        description,
        params,
        sparql,
    }
}

/// The description and the declared parameters of the comment header at the
/// top of `sparql` (any query text, not only the named ones).
pub(crate) fn header(sparql: &str) -> (String, Vec<QueryParam>) {
    let lines = sparql
        .lines()
        .map_while(|l| l.trim_start().strip_prefix('#'))
        .map(str::trim);
    let mut description = String::new();
    let mut params = Vec::new();
    for line in lines {
        if line.starts_with(FORMAT_LINE) {
            continue;
        }
        if let Some((param, text)) = line.strip_prefix("param ").and_then(|p| p.split_once(':')) {
            let (name, default) = match param.split_once('=') {
                Some((name, default)) => (name, Some(default.trim().to_owned())),
                None => (param, None),
            };
            params.push(QueryParam {
                name: name.trim().trim_start_matches('?').to_owned(),
                description: text.trim().to_owned(),
                default,
            });
        } else if description.is_empty() {
            description = line.to_owned();
        }
    }
    (description, params)
}

/// How a header line naming the store format a query needs starts.
const FORMAT_LINE: &str = "store format:";

/// The store format the comment header of `sparql` says the query needs
/// (`# store format: 2`); 1, the oldest, when it says nothing.
pub(crate) fn needed_format(sparql: &str) -> u32 {
    sparql
        .lines()
        .map_while(|l| l.trim_start().strip_prefix('#'))
        .find_map(|l| l.trim().strip_prefix(FORMAT_LINE))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kg::Entity;
    use crate::rdf::mapping::tests::{run, sample};
    use crate::rdf::{prepare_with, Store};

    #[test]
    fn every_file_in_queries_is_embedded_with_a_header() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/queries");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(Result::ok)
                    .filter_map(|e| {
                        e.file_name()
                            .to_str()?
                            .strip_suffix(".rq")
                            .map(str::to_owned)
                    })
                    .collect()
            })
            .unwrap_or_default();
        on_disk.sort();
        let embedded: Vec<&str> = named_queries().iter().map(|q| q.name).collect();
        assert_eq!(on_disk, embedded);
        assert!(embedded.len() >= 10);
        for q in named_queries() {
            assert!(q.description.len() > 20, "{}: no description", q.name);
            assert_eq!(named_query(q.name), Some(q.sparql));
        }
        let facts_about = named_queries()
            .into_iter()
            .find(|q| q.name == "facts-about");
        assert_eq!(facts_about.map(|q| q.params.len()), Some(1));
        assert_eq!(named_query("who-opposes.rq"), named_query("who-opposes"));
        assert_eq!(named_query("nope"), None);
    }

    #[test]
    fn the_queries_reading_precomputed_counts_say_so() {
        for q in named_queries() {
            let counts = ["totalMentions", "documentCount", "factCount"]
                .iter()
                .any(|c| q.sparql.contains(c));
            let links = q.sparql.contains("nkg:link");
            let format = needed_format(q.sparql);
            let needed = match (links, counts) {
                (true, _) => 3,
                (false, true) => 2,
                (false, false) => 1,
            };
            assert_eq!(format, needed, "{}", q.name);
            assert!(!q.description.starts_with(FORMAT_LINE), "{}", q.name);
        }
        let text = "# Counts.\n# store format: 2 (the totals)\n# param who: a name\nSELECT";
        assert_eq!(needed_format(text), 2);
        assert_eq!(header(text).0, "Counts.");
        assert_eq!(needed_format("SELECT * { ?s ?p ?o } # store format: 9"), 1);
    }

    /// Runs `name` with `params` on a two-document store.
    fn rows(store: &Store, name: &str, params: &[(&str, &str)]) -> Vec<Vec<String>> {
        let params: Vec<(String, String)> = params
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        let Some(sparql) = named_query(name) else {
            panic!("no query {name}")
        };
        match prepare_with(sparql, &params, Some(name)).and_then(|q| q.run(store)) {
            Ok(outcome) => outcome.text_rows(),
            Err(e) => panic!("{name}: {e}"),
        }
    }

    /// Issue 9 item 9: a declared parameter left out is an error naming it,
    /// not an empty table.
    #[test]
    fn a_missing_declared_param_is_an_error_naming_it() {
        let Some(sparql) = named_query("facts-about") else {
            panic!("no facts-about")
        };
        let err = prepare_with(sparql, &[], Some("queries/facts-about.rq"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with(
                "queries/facts-about.rq: missing --param entity=VALUE: the entity: its id"
            ),
            "{err}"
        );
        // Any text with the header is held to it; `?entity` counts as given.
        let text = "# param who: a name\nSELECT ?x { BIND(?who AS ?x) }";
        assert!(prepare_with(text, &[], None).is_err());
        let given = [("?who".to_string(), "Lee".to_string())];
        assert!(prepare_with(text, &given, None).is_ok());
        // Queries without parameters run without any.
        assert!(prepare_with(named_query("who-opposes").unwrap_or(""), &[], None).is_ok());
    }

    /// Issue 14: `# param NAME = DEFAULT: …` declares a parameter that
    /// takes DEFAULT when not given (or given empty, as a blank form field).
    #[test]
    fn a_param_with_a_default_is_optional() {
        let text = "# Rows.\n# param limit = 2: rows to list\n# param who: a name\nSELECT ?x { }";
        let (description, params) = header(text);
        assert_eq!(description, "Rows.");
        let defaults: Vec<(&str, Option<&str>)> = params
            .iter()
            .map(|p| (p.name.as_str(), p.default.as_deref()))
            .collect();
        assert_eq!(defaults, [("limit", Some("2")), ("who", None)]);
        assert_eq!(params[0].description, "rows to list");
        let reported = named_queries()
            .into_iter()
            .find(|q| q.name == "reported-facts")
            .map(|q| q.params);
        assert_eq!(
            reported
                .as_deref()
                .and_then(|p| p.first())
                .map(|p| (p.name.as_str(), p.default.as_deref())),
            Some((ROW_LIMIT, Some("1000")))
        );
    }

    /// Issue 14: a declared `limit` cuts the rows (0: every row), is seen
    /// as an integer `?limit`, and must be a whole number.
    #[test]
    fn a_row_limit_cuts_the_rows() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        let text = "# Numbers.\n# param limit = 2: rows\n\
                    SELECT ?n ?l { VALUES ?n { 1 2 3 4 5 } BIND(?limit AS ?l) } ORDER BY ?n";
        let run = |params: &[(&str, &str)]| {
            let params: Vec<(String, String)> = params
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
            prepare_with(text, &params, None)
                .and_then(|q| q.run(&store))
                .map(|o| o.text_rows())
                .map_err(|e| e.to_string())
        };
        let col = |rows: Vec<Vec<String>>, i: usize| -> Vec<String> {
            rows.into_iter().map(|r| r[i].clone()).collect()
        };
        assert_eq!(
            run(&[]).map(|r| col(r, 0)),
            Ok(vec!["1".into(), "2".into()])
        );
        assert_eq!(
            run(&[]).map(|r| col(r, 1)),
            Ok(vec!["2".into(), "2".into()])
        );
        assert_eq!(run(&[("limit", "")]).map(|r| r.len()), Ok(2));
        assert_eq!(run(&[("limit", "4")]).map(|r| r.len()), Ok(4));
        assert_eq!(run(&[("limit", "0")]).map(|r| r.len()), Ok(5));
        assert_eq!(
            run(&[("limit", "ten")]),
            Err(r#"parameter limit: "ten" is not a whole number of rows (0 for every row)"#.into())
        );
    }

    #[test]
    fn every_query_parses_and_runs() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        for (source, text) in [
            (
                "a.txt",
                "Ann Lee rejected the plan. Acme did not confirm the deal.",
            ),
            (
                "b.txt",
                "Ann Lee rejected the plan again. Acme did not confirm the deal today.",
            ),
        ] {
            let (facts, ids, entities) = sample(source, text);
            let refs: Vec<&Entity> = entities.iter().collect();
            assert!(store.ingest(&facts, &ids, &refs, &run()).is_ok());
        }
        for q in named_queries() {
            let params: Vec<(&str, &str)> = q
                .params
                .iter()
                .filter(|p| p.default.is_none())
                .map(|p| (p.name.as_str(), "Lee"))
                .collect();
            rows(&store, q.name, &params);
        }
        let opposes = rows(&store, "who-opposes", &[]);
        assert!(
            opposes
                .iter()
                .any(|r| r[0] == "Ann Lee" && r[1] == "reject" && r[2] == "the plan"),
            "{opposes:?}"
        );
        let negated = rows(&store, "negated-facts", &[]);
        assert!(
            negated.iter().all(|r| r[1] == "confirm") && negated.len() == 2,
            "{negated:?}"
        );
        let about = rows(&store, "facts-about", &[("entity", "lee")]);
        assert_eq!(about.len(), 4, "{about:?}");
        let about_iri = rows(&store, "facts-about", &[("entity", "id:entity/acme")]);
        assert_eq!(about_iri.len(), 4, "{about_iri:?}");
        // Issue 9 item 9: the id `newskg entities` prints, and the full IRI
        // with or without angle brackets, name the entity too.
        for entity in [
            "ann-lee",
            "entity:ann-lee",
            "https://w3id.org/newskg/id/entity/ann-lee",
            "<https://w3id.org/newskg/id/entity/ann-lee>",
        ] {
            let found = rows(&store, "facts-about", &[("entity", entity)]);
            assert_eq!(found, about, "{entity}");
        }
        assert!(rows(&store, "facts-about", &[("entity", "ann")]).is_empty());
        let confirmed = rows(&store, "confirmed-facts", &[]);
        assert!(
            confirmed.iter().any(|r| r[1] == "reject" && r[3] == "2"),
            "{confirmed:?}"
        );
        assert!(
            !confirmed.iter().any(|r| r[1] == "confirm"),
            "negated facts confirm nothing"
        );
        let most = rows(&store, "most-mentioned", &[]);
        assert_eq!(
            most.first().map(|r| (r[1].as_str(), r[3].as_str())),
            Some(("Ann Lee", "4"))
        );
        let summary = rows(&store, "article-summary", &[]);
        assert_eq!(summary.len(), 2, "{summary:?}");
        assert_eq!(
            summary[0][5..],
            ["2".to_string(), "3".into(), "1".into()],
            "{summary:?}"
        );
        let roles = rows(&store, "roles", &[]);
        assert_eq!(
            roles,
            vec![vec![
                "Ann Lee".to_string(),
                "minister".into(),
                String::new()
            ]]
        );
        let pairs = rows(&store, "co-mentioned", &[]);
        assert_eq!(pairs.first().map(|r| r[2].as_str()), Some("2"), "{pairs:?}");
        let reported = rows(&store, "reported-facts", &[]);
        assert!(
            reported.iter().all(|r| r[0] == "Acme") && !reported.is_empty(),
            "{reported:?}"
        );
        let network = rows(&store, "stance-network", &[]);
        assert_eq!(
            network,
            vec![vec![
                "Ann Lee".to_string(),
                "Support".into(),
                "Acme".into(),
                "2".into()
            ]]
        );
    }
}
