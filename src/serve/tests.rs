//! The handler, request by request, without a socket (STYLE 24). The store
//! is the mapping tests' two-sentence document: Ann Lee rejected the plan;
//! Acme did not confirm the deal.

use std::time::Duration;

use super::*;
use crate::rdf::mapping::tests::sample_store as store;

fn app_with(options: ServeOptions) -> App {
    App::new(store(), options).unwrap_or_else(|e| panic!("{e}"))
}

fn app() -> App {
    app_with(ServeOptions::default())
}

fn get(app: &App, target: &str, accept: Option<&str>) -> Response {
    let mut r = Request::new("GET", target);
    if let Some(a) = accept {
        r = r.with_header("Accept", a);
    }
    app.handle(&r)
}

fn q(sparql: &str) -> String {
    format!("/sparql?query={}", percent_encode(sparql))
}

const SELECT: &str = "SELECT ?name WHERE { ?e rdfs:label ?name ; a schema:Person }";
const CONSTRUCT: &str =
    "CONSTRUCT { ?e rdfs:label ?name } WHERE { ?e rdfs:label ?name ; a schema:Person }";

#[test]
fn every_method_and_results_format() {
    let app = app();
    let r = get(&app, &q(SELECT), None);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.header("content-type"),
        Some("application/sparql-results+json; charset=utf-8")
    );
    assert!(r.text().contains("\"value\":\"Ann Lee\""), "{}", r.text());
    for (accept, start) in [
        ("application/sparql-results+xml", "<?xml"),
        ("text/csv", "name\r\nAnn Lee"),
        ("text/tab-separated-values", "?name\n\"Ann Lee\""),
        ("application/json", "{\"head\""),
    ] {
        let r = get(&app, &q(SELECT), Some(accept));
        assert_eq!(r.status, 200, "{accept}: {}", r.text());
        assert!(r.text().starts_with(start), "{accept}: {}", r.text());
        assert!(r
            .header("content-type")
            .is_some_and(|c| c.starts_with(accept)));
    }
    // POST: a form, and a bare query body.
    let form = app.handle(
        &Request::new("POST", "/sparql")
            .with_header("Content-Type", "application/x-www-form-urlencoded")
            .with_header("Accept", "text/csv")
            .with_body(format!("query={}", percent_encode(SELECT))),
    );
    assert_eq!(
        (form.status, form.text().as_str()),
        (200, "name\r\nAnn Lee\r\n")
    );
    let body = app.handle(
        &Request::new("POST", "/sparql")
            .with_header("Content-Type", "application/sparql-query; charset=utf-8")
            .with_header("Accept", "text/csv")
            .with_body(SELECT),
    );
    assert_eq!(
        (body.status, body.text().as_str()),
        (200, "name\r\nAnn Lee\r\n")
    );
    // ASK.
    let ask = get(&app, &q("ASK { ?s nkg:negated true }"), None);
    assert!(ask.text().contains("\"boolean\":true"), "{}", ask.text());
    // An unacceptable type is 406; a format= wins over Accept.
    assert_eq!(get(&app, &q(SELECT), Some("image/png")).status, 406);
    let forced = get(
        &app,
        &format!("{}&format=csv", q(SELECT)),
        Some("image/png"),
    );
    assert_eq!(forced.text(), "name\r\nAnn Lee\r\n");
    // Other methods.
    assert_eq!(app.handle(&Request::new("DELETE", "/sparql")).status, 405);
    let odd = app.handle(
        &Request::new("POST", "/sparql")
            .with_header("Content-Type", "text/plain")
            .with_body(SELECT),
    );
    assert_eq!(odd.status, 415);
}

#[test]
fn graph_results_in_every_rdf_format() {
    let app = app();
    for (accept, media, mark) in [
        (None, "text/turtle", "rdfs:label \"Ann Lee\""),
        (
            Some("application/n-triples"),
            "application/n-triples",
            "<http://www.w3.org/2000/01/rdf-schema#label> \"Ann Lee\"",
        ),
        (
            Some("application/rdf+xml"),
            "application/rdf+xml",
            "Ann Lee</",
        ),
        (
            Some("application/ld+json"),
            "application/ld+json",
            "\"Ann Lee\"",
        ),
    ] {
        let r = get(&app, &q(CONSTRUCT), accept);
        assert_eq!(r.status, 200, "{accept:?}: {}", r.text());
        assert!(
            r.header("content-type")
                .is_some_and(|c| c.starts_with(media)),
            "{:?}",
            r.header("content-type")
        );
        assert!(r.text().contains(mark), "{accept:?}: {}", r.text());
    }
    // Results formats do not fit a graph.
    assert_eq!(get(&app, &q(CONSTRUCT), Some("text/csv")).status, 406);
}

#[test]
fn bad_input_is_400_with_the_position_never_500() {
    let app = app();
    let r = get(&app, &q("SELECT ?s\nWHERE { ?s ?p }"), None);
    assert_eq!(r.status, 400);
    assert!(
        r.text()
            .starts_with("SPARQL syntax error at line 2, column "),
        "{}",
        r.text()
    );
    assert_eq!(get(&app, "/sparql", None).status, 400);
    assert_eq!(get(&app, "/sparql", Some("text/html")).status, 303);
    let bad_graph = get(
        &app,
        &format!("{}&default-graph-uri=not%20an%20iri", q(SELECT)),
        None,
    );
    assert_eq!(bad_graph.status, 400, "{}", bad_graph.text());
    assert_eq!(
        get(&app, &format!("{}&format=yaml", q(SELECT)), None).status,
        400
    );
    for nasty in ["%ff%fe", "%", "SELECT%20*%20%7B", "%00"] {
        let r = get(&app, &format!("/sparql?query={nasty}"), None);
        assert_eq!(r.status, 400, "{nasty}: {}", r.text());
    }
    let not_utf8 = app.handle(
        &Request::new("POST", "/sparql")
            .with_header("Content-Type", "application/sparql-query")
            .with_body(vec![0xff, 0xfe]),
    );
    assert_eq!(not_utf8.status, 400);
}

#[test]
fn updates_load_and_service_are_refused_with_403() {
    let app = app();
    let before = app.store().len().unwrap_or(0);
    for (content_type, body) in [
        ("application/sparql-update", "DROP ALL".to_string()),
        (
            "application/x-www-form-urlencoded",
            format!(
                "update={}",
                percent_encode("INSERT DATA { <http://example.com/a> <http://example.com/b> 1 }")
            ),
        ),
        (
            "application/sparql-update",
            "LOAD <http://example.com/x.ttl>".to_string(),
        ),
        (
            "application/sparql-query",
            "SELECT * { SERVICE <http://example.com/sparql> { ?s ?p ?o } }".to_string(),
        ),
    ] {
        let r = app.handle(
            &Request::new("POST", "/sparql")
                .with_header("Content-Type", content_type)
                .with_body(body.clone()),
        );
        assert_eq!(r.status, 403, "{body}: {}", r.text());
        assert!(r.text().contains("refused"), "{}", r.text());
    }
    assert_eq!(app.store().len().unwrap_or(0), before);
    // An update in a GET is refused outright.
    assert_eq!(get(&app, "/sparql?update=DROP%20ALL", None).status, 400);
    // With --allow-update it runs, and the explorer sees the change.
    let app = app_with(ServeOptions {
        allow_update: true,
        ..ServeOptions::default()
    });
    let r = app.handle(
        &Request::new("POST", "/sparql")
            .with_header("Content-Type", "application/sparql-update")
            .with_body("INSERT DATA { GRAPH <https://w3id.org/newskg/id/graph/entities> { <https://w3id.org/newskg/id/entity/mira-kessel> a schema:Person ; rdfs:label \"Mira Kessel\" ; nkg:entityType \"Person\" } }"),
    );
    assert_eq!(r.status, 204, "{}", r.text());
    let found = get(&app, "/?q=kessel", None);
    assert!(
        found.text().contains("href=\"/entity/mira-kessel\""),
        "{}",
        found.text()
    );
    // LOAD stays refused.
    let r = app.handle(
        &Request::new("POST", "/sparql")
            .with_header("Content-Type", "application/sparql-update")
            .with_body("LOAD <http://example.com/x.ttl>"),
    );
    assert_eq!(r.status, 403);
}

#[test]
fn the_time_limit_is_honoured() {
    let store = store();
    for i in 0..100 {
        let quad = oxigraph::model::Quad::new(
            oxigraph::model::NamedNode::new_unchecked(format!("http://example.com/s{i}")),
            oxigraph::model::NamedNode::new_unchecked("http://example.com/p"),
            oxigraph::model::Literal::from(i),
            oxigraph::model::GraphName::DefaultGraph,
        );
        assert!(store.oxigraph().insert(&quad).is_ok());
    }
    let app = App::new(
        store,
        ServeOptions {
            timeout: Duration::from_millis(50),
            ..ServeOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let r = get(
        &app,
        &q("SELECT * { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?t ?h }"),
        None,
    );
    assert_eq!(r.status, 503, "{}", r.text());
    assert!(r.text().contains("time limit of 0.05 s"), "{}", r.text());
    // The server still answers.
    assert_eq!(get(&app, &q(SELECT), None).status, 200);
}

#[test]
fn named_queries_bind_parameters_as_the_cli_does() {
    let app = app();
    let r = get(&app, "/query/facts-about?entity=ann-lee&format=csv", None);
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Ann Lee,reject,the plan"), "{}", r.text());
    let iri = get(
        &app,
        &format!(
            "/query/facts-about?entity={}&format=csv",
            percent_encode("<https://w3id.org/newskg/id/entity/ann-lee>")
        ),
        None,
    );
    assert_eq!(iri.text(), r.text());
    // A value full of syntax is one literal: no rows, no error.
    let evil = get(
        &app,
        &format!(
            "/query/facts-about?entity={}&format=csv",
            percent_encode("x\" } UNION { ?s ?p ?o } #")
        ),
        None,
    );
    assert_eq!(evil.status, 200, "{}", evil.text());
    assert_eq!(evil.text().lines().count(), 1, "{}", evil.text());
    let missing = get(&app, "/query/facts-about", None);
    assert_eq!(missing.status, 400);
    assert!(
        missing
            .text()
            .starts_with("queries/facts-about.rq: missing --param entity=VALUE"),
        "{}",
        missing.text()
    );
    let unknown = get(&app, "/query/facts-about?entity=ann-lee&nope=1", None);
    assert_eq!(unknown.status, 400);
    assert_eq!(get(&app, "/query/no-such-query", None).status, 404);
    let html = get(&app, "/query/who-opposes", Some("text/html,*/*;q=0.8"));
    assert!(
        html.text().contains("<table id=\"results\">") && html.text().contains("Ann Lee"),
        "{}",
        html.text()
    );
}

#[test]
fn the_dataset_can_be_named() {
    let app = app();
    let g = "http://example.com/nothing-here";
    let r = get(
        &app,
        &format!(
            "{}&default-graph-uri={}&format=csv",
            q(SELECT),
            percent_encode(g)
        ),
        None,
    );
    assert_eq!(r.text(), "name\r\n");
}

#[test]
fn pages_show_entities_facts_and_evidence() {
    let app = app();
    let home = get(&app, "/", Some("text/html"));
    assert_eq!(home.status, 200);
    assert!(home.text().contains("name=\"q\""));
    let search = get(&app, "/?q=lee&type=Person", None);
    assert!(
        search.text().contains("href=\"/entity/ann-lee\""),
        "{}",
        search.text()
    );
    let none = get(&app, "/?q=lee&type=Organization", None);
    assert!(!none.text().contains("href=\"/entity/ann-lee\""));
    let entity = get(&app, "/entity/ann-lee", None);
    assert_eq!(entity.status, 200);
    let text = entity.text();
    assert!(
        text.contains("<blockquote class=\"evidence\">Ann Lee rejected the plan.</blockquote>"),
        "{text}"
    );
    assert!(text.contains("<svg"), "{text}");
    assert!(text.contains("minister"), "titles: {text}");
    assert!(text.contains("Mentions by article"), "{text}");
    // The negated fact is marked.
    let acme = get(&app, "/entity/acme", None).text();
    assert!(
        acme.contains("class=\"fact negated") && acme.contains(">NOT<"),
        "{acme}"
    );
    // The article page links back and highlights fact sentences.
    let doc = text
        .split("href=\"/doc/")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or_default()
        .to_owned();
    let article = get(&app, &format!("/doc/{doc}"), None);
    assert_eq!(article.status, 200, "doc/{doc}");
    assert!(article.text().contains("<mark"), "{}", article.text());
    assert!(article.text().contains("href=\"/entity/acme\""));
    let svg = get(&app, "/graph/entity/ann-lee.svg", None);
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    assert!(svg.text().starts_with("<svg"));
    assert_eq!(get(&app, "/entity/nobody", None).status, 404);
    assert_eq!(get(&app, "/graph/entity/nobody.svg", None).status, 404);
    assert_eq!(get(&app, "/nowhere", None).status, 404);
    let queries = get(&app, "/queries", None).text();
    assert!(
        queries.contains("action=\"/query/facts-about\"") && queries.contains("name=\"entity\"")
    );
}

#[test]
fn pages_escape_what_they_show() {
    let app = app();
    let r = get(&app, "/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", None);
    assert!(!r.text().contains("<script>"));
    assert!(r.text().contains("&lt;script&gt;"));
    let r = get(&app, "/entity/%3Cb%3E", None);
    assert_eq!(r.status, 404);
    assert!(!r.text().contains("<b>"));
}

#[test]
fn short_ids() {
    assert_eq!(
        short_id("https://w3id.org/newskg/id/entity/ann-lee").as_deref(),
        Some("entity/ann-lee")
    );
    assert_eq!(
        short_id("https://example.com/kg/doc/ab12").as_deref(),
        Some("doc/ab12")
    );
    assert_eq!(short_id("http://example.com/x"), None);
}

/// `/store?graph=IRI`: the Graph Store Protocol, and `/query` and `/update`
/// beside `/sparql`, as `oxigraph serve` names them (what `newskg ingest
/// --store http://…` writes through).
#[test]
fn the_graph_store_replaces_and_reads_one_graph() {
    let g = "https://w3id.org/newskg/id/doc/x1";
    let target = format!("/store?graph={}", percent_encode(g));
    let put = |app: &App, media: &str, body: &str| {
        app.handle(
            &Request::new("PUT", &target)
                .with_header("Content-Type", media)
                .with_body(body),
        )
    };
    let triples = "<https://w3id.org/newskg/id/doc/x1> <http://schema.org/headline> \"Tide\" .\n";
    // Read-only: refused, nothing changed.
    let app = app();
    let before = app.store().len().unwrap_or(0);
    let r = put(&app, "application/n-triples", triples);
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(app.store().len().unwrap_or(0), before);
    assert_eq!(get(&app, &target, None).status, 404, "no such graph yet");

    let app = app_with(ServeOptions {
        allow_update: true,
        ..ServeOptions::default()
    });
    let r = put(&app, "application/n-triples; charset=utf-8", triples);
    assert_eq!(r.status, 201, "made: {}", r.text());
    let r = get(&app, &target, Some("application/n-triples"));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.text(), triples);
    // A second PUT replaces the graph, whatever it held.
    let r = put(
        &app,
        "text/turtle",
        "<https://w3id.org/newskg/id/doc/x1> <http://schema.org/headline> \"Ebb\" .",
    );
    assert_eq!(r.status, 204, "replaced: {}", r.text());
    let text = get(&app, &target, None).text();
    assert!(text.contains("\"Ebb\"") && !text.contains("Tide"), "{text}");
    assert_eq!(app.store().len().unwrap_or(0), before + 1);
    // Refusals: quads, a body that does not parse, no graph, other methods.
    assert_eq!(put(&app, "application/n-quads", triples).status, 415);
    let r = put(&app, "application/n-triples", "<a> <b");
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains("does not parse"), "{}", r.text());
    assert!(get(&app, &target, None).text().contains("Ebb"), "unchanged");
    assert_eq!(get(&app, "/store", None).status, 400);
    assert_eq!(get(&app, "/store?graph=not%20an%20iri", None).status, 400);
    let r = app.handle(&Request::new("DELETE", &target));
    assert_eq!((r.status, r.header("allow")), (405, Some("GET, PUT")));

    // /query and /update answer as /sparql does.
    let r = app.handle(
        &Request::new("POST", "/update")
            .with_header("Content-Type", "application/sparql-update")
            .with_body(format!("DROP GRAPH <{g}>")),
    );
    assert_eq!(r.status, 204, "{}", r.text());
    let r = get(
        &app,
        &format!("/query?query={}", percent_encode(SELECT)),
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert!(r.text().contains("Ann Lee"));
    assert_eq!(app.store().len().unwrap_or(0), before);
}
