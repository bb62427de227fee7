//! `/store?graph=IRI`: the SPARQL 1.1 Graph Store HTTP Protocol for one
//! named graph, `PUT` (replace it, with `--allow-update`) and `GET` (read
//! it). With `/query` and `/update` beside `/sparql`, this is the layout of
//! `oxigraph serve`, so `newskg ingest --store http://…` writes to a
//! `newskg serve --allow-update` as it writes to `oxigraph serve` (issue 14,
//! item 2).
//!
//! Status codes: 201 for a `PUT` that made the graph, 204 for one that
//! replaced it; 400 for a missing or bad `graph=` or a body that does not
//! parse; 403 for a `PUT` without `--allow-update`; 404 for a `GET` of a
//! graph with no triple; 415 for a body in a format that is not one of
//! triples.

use oxigraph::model::{GraphName, NamedNode, Quad};

use super::http::{negotiate, Request, Response};
use super::protocol::{chain, error};
use super::App;
use crate::rdf::{self, RdfFormat};

/// The formats a graph is sent in, best first.
const OFFERED: [&str; 3] = [
    "application/n-triples",
    "text/turtle",
    "application/rdf+xml",
];

/// `/store`.
pub(crate) fn graph_store(app: &App, request: &Request) -> Response {
    let graph = match request.param("graph").map(NamedNode::new) {
        Some(Ok(graph)) => graph,
        Some(Err(e)) => return Response::error(400, &format!("graph= is not an IRI: {e}")),
        None => {
            return Response::error(
                400,
                "name the graph: /store?graph=IRI (only named graphs are served here)",
            )
        }
    };
    match request.method.as_str() {
        "GET" | "HEAD" => get(app, request, &graph),
        "PUT" => put(app, request, &graph),
        _ => Response::error(405, "use GET or PUT for the graph store")
            .with_header("Allow", "GET, PUT"),
    }
}

fn get(app: &App, request: &Request, graph: &NamedNode) -> Response {
    let Some(media) = negotiate(request.header("accept"), &OFFERED) else {
        return Response::error(
            406,
            &format!("no acceptable format; offered: {}", OFFERED.join(", ")),
        );
    };
    let quads: Result<Vec<_>, _> = app
        .store()
        .oxigraph()
        .quads_for_pattern(None, None, None, Some(graph.as_ref().into()))
        // Written as a graph: its triples, out of any named graph.
        .map(|q| q.map(|q| Quad::new(q.subject, q.predicate, q.object, GraphName::DefaultGraph)))
        .collect();
    let quads = match quads {
        Ok(quads) => quads,
        Err(e) => return error(&e.into()),
    };
    if quads.is_empty() {
        return Response::error(404, &format!("no graph {graph}"));
    }
    let format = RdfFormat::from_media_type(media).unwrap_or(RdfFormat::NTriples);
    let mut body = Vec::new();
    if let Err(e) = rdf::write_quads(&quads, format, &mut body) {
        return error(&e);
    }
    Response::new(200, &format!("{media}; charset=utf-8"), body)
}

fn put(app: &App, request: &Request, graph: &NamedNode) -> Response {
    if !app.options().allow_update {
        return Response::error(
            403,
            "PUT refused: the store is read-only unless newskg serve runs with --allow-update",
        );
    }
    let media = request.content_type();
    let Some(format) = RdfFormat::from_media_type(&media).filter(|f| !f.supports_datasets()) else {
        return Response::error(
            415,
            &format!(
                "unsupported Content-Type {media:?}: send a graph as application/n-triples, text/turtle or application/rdf+xml"
            ),
        );
    };
    let created = match app
        .store()
        .replace_graph(graph.as_ref(), format, &request.body)
    {
        Ok(created) => created,
        Err(rdf::StoreError::Load(e)) => {
            return Response::error(400, &format!("the body does not parse: {}", chain(&e)))
        }
        Err(e) => return error(&e),
    };
    if let Err(e) = app.refresh() {
        return Response::error(
            500,
            &format!(
                "the graph was stored, but the explorer could not read the store again: {}",
                chain(&e)
            ),
        );
    }
    Response::new(if created { 201 } else { 204 }, "text/plain", Vec::new())
}
