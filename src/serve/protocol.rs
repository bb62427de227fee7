//! The SPARQL 1.1 Protocol at `/sparql`, and the named queries of
//! `queries/` at `/query/NAME?param=value`.
//!
//! A query comes by GET `?query=`, by POST of a form (`query=` or
//! `update=`), or by POST of `application/sparql-query` or
//! `application/sparql-update`; `default-graph-uri` and `named-graph-uri`
//! set the dataset (without them the default graph is the union of all
//! graphs, as in `newskg query`, and the model's prefixes are predeclared).
//! The result format is negotiated from `Accept` (or forced by `format=`).
//! Named queries bind their parameters exactly as `newskg query --param`
//! does: through [`rdf::prepare_with`], as RDF terms.
//!
//! Status codes: 400 for what the client sent wrong (syntax, with the line
//! and column; a missing or bad parameter), 403 for what is refused (update
//! without `--allow-update`, LOAD, SERVICE), 406 when no acceptable format
//! fits the result, 413 for a body over the cap, 503 for a query stopped at
//! its time limit, 500 only for the store failing.

use oxigraph::model::NamedNode;

use super::http::{negotiate, parse_form, Request, Response};
use super::isolate::RunFailure;
use super::{pages, App};
use crate::rdf::{self, QueryKind, QueryOutcome, ResultFormat, RunOptions, StoreError};

/// Query-string names that are not named-query parameters.
const RESERVED: [&str; 3] = ["format", "default-graph-uri", "named-graph-uri"];

/// `/sparql`.
pub(crate) fn sparql(app: &App, request: &Request) -> Response {
    let mut fields: Vec<(String, String)> = request.query.clone();
    let text: Option<String>;
    match request.method.as_str() {
        "GET" | "HEAD" => {
            if request.param("update").is_some() {
                return Response::error(400, "SPARQL updates must be sent with POST");
            }
            text = request.param("query").map(str::to_owned);
        }
        "POST" => {
            let body = match std::str::from_utf8(&request.body) {
                Ok(b) => b,
                Err(_) => return Response::error(400, "the request body is not UTF-8"),
            };
            match request.content_type().as_str() {
                "application/x-www-form-urlencoded" => {
                    let form = parse_form(body);
                    text = form
                        .iter()
                        .find(|(n, _)| n == "query" || n == "update")
                        .map(|(_, v)| v.clone());
                    fields.extend(form);
                }
                "application/sparql-query" | "application/sparql-update" => {
                    text = Some(body.to_owned());
                }
                other => {
                    return Response::error(
                        415,
                        &format!(
                            "unsupported Content-Type {other:?}: send application/sparql-query, application/sparql-update or a form (application/x-www-form-urlencoded)"
                        ),
                    )
                }
            }
        }
        _ => {
            return Response::error(405, "use GET or POST for SPARQL")
                .with_header("Allow", "GET, POST")
        }
    }
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        if wants_html(request) {
            return Response::new(303, "text/plain", Vec::new())
                .with_header("Location", "/queries");
        }
        return Response::error(
            400,
            "no query: pass it as ?query=…, as a form field query= or update=, or as an application/sparql-query body",
        );
    };
    let graphs = |name: &str| -> Result<Vec<NamedNode>, Response> {
        fields
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| {
                NamedNode::new(v.as_str())
                    .map_err(|e| Response::error(400, &format!("{name} {v:?} is not an IRI: {e}")))
            })
            .collect()
    };
    let (default_graphs, named_graphs) =
        match (graphs("default-graph-uri"), graphs("named-graph-uri")) {
            (Ok(d), Ok(n)) => (d, n),
            (Err(r), _) | (_, Err(r)) => return r,
        };
    let format = fields
        .iter()
        .find(|(n, _)| n == "format")
        .map(|(_, v)| v.clone());
    let prepared = match rdf::prepare_with(&text, &[], None) {
        Ok(p) => p,
        Err(e) => return error(&e),
    };
    run(
        app,
        request,
        &prepared,
        format.as_deref(),
        default_graphs,
        named_graphs,
    )
}

/// `/query/NAME?param=value…`.
pub(crate) fn named(app: &App, name: &str, request: &Request) -> Response {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        return Response::error(405, "named queries are run with GET").with_header("Allow", "GET");
    }
    let name = name.trim_end_matches(".rq");
    let Some(sparql) = rdf::named_query(name) else {
        let known: Vec<&str> = rdf::named_queries().iter().map(|q| q.name).collect();
        return Response::error(
            404,
            &format!(
                "no named query {name:?}; the named queries are: {}",
                known.join(", ")
            ),
        );
    };
    let params: Vec<(String, String)> = request
        .query
        .iter()
        .filter(|(n, _)| !RESERVED.contains(&n.as_str()))
        .cloned()
        .collect();
    let origin = format!("queries/{name}.rq");
    let prepared = match rdf::prepare_with(sparql, &params, Some(&origin)) {
        Ok(p) => p,
        Err(e) => return error(&e),
    };
    run(
        app,
        request,
        &prepared,
        request.param("format"),
        Vec::new(),
        Vec::new(),
    )
}

/// Media types offered for each kind of result, the default first.
fn offered(kind: QueryKind) -> &'static [&'static str] {
    match kind {
        QueryKind::Select | QueryKind::Ask => &[
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
            "application/json",
            "application/xml",
            "text/html",
        ],
        QueryKind::Construct | QueryKind::Describe => &[
            "text/turtle",
            "application/n-triples",
            "application/rdf+xml",
            "application/ld+json",
            "text/plain",
            "text/html",
        ],
        QueryKind::Update => &["text/plain", "text/html"],
    }
}

/// The media type a `format=` value names.
fn format_media(name: &str) -> Option<&'static str> {
    Some(match name.to_ascii_lowercase().as_str() {
        "json" | "srj" => "application/sparql-results+json",
        "xml" | "srx" => "application/sparql-results+xml",
        "csv" => "text/csv",
        "tsv" => "text/tab-separated-values",
        "ttl" | "turtle" => "text/turtle",
        "nt" | "ntriples" | "n-triples" => "application/n-triples",
        "rdfxml" | "rdf" => "application/rdf+xml",
        "jsonld" | "json-ld" => "application/ld+json",
        "html" => "text/html",
        _ => return None,
    })
}

fn wants_html(request: &Request) -> bool {
    negotiate(
        request.header("accept"),
        &["application/sparql-results+json", "text/html"],
    ) == Some("text/html")
}

fn run(
    app: &App,
    request: &Request,
    prepared: &rdf::PreparedQuery,
    format: Option<&str>,
    default_graphs: Vec<NamedNode>,
    named_graphs: Vec<NamedNode>,
) -> Response {
    let options = RunOptions::default()
        .with_timeout(Some(app.options.timeout))
        .with_updates(app.options.allow_update)
        .with_dataset(default_graphs, named_graphs);
    // Refusals first: an update is told it is refused whatever it accepts.
    if let Err(e) = prepared.check(&options) {
        return error(&e);
    }
    let kind = prepared.kind();
    let offered = offered(kind);
    let media = match format {
        Some(name) => {
            let graph = matches!(kind, QueryKind::Construct | QueryKind::Describe);
            // json and xml name the results format or the RDF one by kind.
            let media = match (name.to_ascii_lowercase().as_str(), graph) {
                ("json", true) => Some("application/ld+json"),
                ("xml", true) => Some("application/rdf+xml"),
                (other, _) => format_media(other),
            };
            match media {
                Some(m) if offered.contains(&m) => m,
                Some(_) => {
                    return Response::error(
                        400,
                        &format!("format={name} does not fit this query's results; offered: {}", offered.join(", ")),
                    )
                }
                None => {
                    return Response::error(
                        400,
                        &format!("unknown format={name}; use json, xml, csv, tsv, ttl, nt, rdfxml, jsonld or html"),
                    )
                }
            }
        }
        // An update's answer is empty: whatever the client accepts will do.
        None if kind == QueryKind::Update => "text/plain",
        None => match negotiate(request.header("accept"), offered) {
            Some(m) => m,
            None => {
                return Response::error(
                    406,
                    &format!(
                        "no acceptable format for this result; offered: {}",
                        offered.join(", ")
                    ),
                )
            }
        },
    };
    let outcome = match app.run(prepared, &options) {
        Ok(o) => o,
        Err(RunFailure::Store(e)) => return error(&e),
        Err(RunFailure::Process { status, message }) => return Response::error(status, &message),
    };
    if let QueryOutcome::Updated = outcome {
        if let Err(e) = app.refresh() {
            return Response::error(
                500,
                &format!(
                    "the update ran, but the explorer could not read the store again: {}",
                    chain(&e)
                ),
            );
        }
        return Response::new(204, "text/plain", Vec::new());
    }
    if media == "text/html" {
        return pages::results(app, &prepared.sparql(), &outcome);
    }
    let mut body = Vec::new();
    let written = match &outcome {
        QueryOutcome::Graph(triples) => {
            let Some(format) = rdf::rdf_format(match media {
                "text/plain" => "nt",
                other => other,
            }) else {
                return Response::error(406, &format!("cannot write {media}"));
            };
            let quads: Vec<_> = triples
                .iter()
                .map(|t| t.clone().in_graph(oxigraph::model::GraphName::DefaultGraph))
                .collect();
            rdf::write_quads(&quads, format, &mut body)
        }
        _ => {
            let format = match media {
                "application/sparql-results+xml" | "application/xml" => ResultFormat::Xml,
                "text/csv" => ResultFormat::Csv,
                "text/tab-separated-values" => ResultFormat::Tsv,
                _ => ResultFormat::Json,
            };
            outcome.write(format, &mut body)
        }
    };
    if let Err(e) = written {
        return error(&e);
    }
    Response::new(200, &format!("{media}; charset=utf-8"), body)
}

/// A store error as a response: the status its kind deserves and the whole
/// message chain as text.
pub(crate) fn error(e: &StoreError) -> Response {
    Response::error(status(e), &chain(e))
}

/// The HTTP status a store error deserves.
pub(crate) fn status(e: &StoreError) -> u16 {
    match e {
        StoreError::Syntax { .. }
        | StoreError::MissingParam { .. }
        | StoreError::BadParam { .. }
        | StoreError::BadBaseIri { .. } => 400,
        StoreError::UpdateRefused { .. }
        | StoreError::LoadRefused { .. }
        | StoreError::ServiceRefused { .. } => 403,
        StoreError::ResultFormat { .. } => 406,
        StoreError::NeedsUpgrade { .. } => 409,
        StoreError::Timeout { .. } | StoreError::Overloaded { .. } => 503,
        // A query the evaluator rejects (an unknown function, a bad
        // dataset) is the client's; the store failing underneath is ours.
        StoreError::Evaluation(oxigraph::sparql::QueryEvaluationError::Dataset(_)) => 500,
        StoreError::Evaluation(_) => 400,
        StoreError::Update(oxigraph::sparql::UpdateEvaluationError::Storage(_)) => 500,
        StoreError::Update(_) => 400,
        _ => 500,
    }
}

/// An error and its causes, `: `-separated (as `{:#}` prints in the CLI).
pub(crate) fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let more = cause.to_string();
        if !text.ends_with(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = cause.source();
    }
    text
}
