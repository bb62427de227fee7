//! The web explorer: server-rendered HTML, one small stylesheet, no script
//! and nothing fetched from elsewhere. Every text from the store goes
//! through [`esc`]. URLs are stable: `/entity/<slug>` and `/concept/<slug>`
//! are the node's IRI from its kind on, `/doc/<hash>` the document's.
//!
//! What the store does not hold, the pages do not show: the article's full
//! text is not in the RDF model (only each fact's evidence sentence and its
//! character offsets), so an article page lists the sentences that carry
//! facts, in text order, highlighted, and says so.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use oxigraph::model::Term;

use super::http::{percent_encode, Request, Response};
use super::isolate::RunFailure;
use super::{short_id, App, View};
use crate::graph::{Edge, Node, NodeKind};
use crate::rdf::{self, compact, QueryOutcome};

/// The stylesheet at `/style.css`.
pub(crate) const CSS: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{background:#23395d;color:#fff;padding:.6em 1.2em;display:flex;gap:1.5em;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:1em 1.2em}
form.search{display:flex;gap:.5em;margin:1em 0}
form.search input[type=search]{flex:1;font-size:1.1em;padding:.4em}
select,button,input{font-size:1em;padding:.3em}
.kind{display:inline-block;font-size:.75em;padding:0 .5em;border-radius:.8em;background:#e3e8f0;color:#23395d;margin-left:.4em}
.kind.Person{background:#d5efeb}.kind.Organization{background:#d6e4f0}.kind.Place{background:#e5f2cf}.kind.Misc{background:#fde5c6}
ol.results li,ul.facts li{margin:.4em 0}
.muted{color:#6e6e73;font-size:.9em}
.fact{background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:.5em .8em;list-style:none}
.fact.negated{border-left:4px solid #c0392b}.fact.reported{border-left:4px solid #8e44ad}.fact.possible{border-left:4px solid #d68910}
.flag{font-size:.75em;font-weight:700;padding:0 .4em;border-radius:3px;color:#fff;margin-right:.3em}
.flag.negated{background:#c0392b}.flag.reported{background:#8e44ad}.flag.possible{background:#d68910}
blockquote.evidence{margin:.3em 0 .2em 0;padding-left:.8em;border-left:3px solid #ccc;font-style:italic}
.graph{overflow:auto;background:#fff;border:1px solid #e0e0e0;border-radius:6px;max-height:720px}
table{border-collapse:collapse;background:#fff;font-size:.9em}
td,th{border:1px solid #ddd;padding:.25em .5em;vertical-align:top;text-align:left}
th{background:#eef1f5}
mark{background:#fff3a3}
textarea{width:100%;font-family:ui-monospace,monospace;font-size:.9em}
pre.sparql{background:#fff;border:1px solid #e0e0e0;padding:.6em;overflow:auto;font-size:.85em}
details.query{margin:.6em 0;background:#fff;border:1px solid #e0e0e0;border-radius:6px;padding:.5em .8em}
"#;

/// HTML escaping of text and attribute values (the graph's markup
/// escaping, one home for it).
pub(crate) fn esc(s: &str) -> String {
    crate::graph::escape_markup(s)
}

/// A whole page around `body`.
fn page(status: u16, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · newskg</title><link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body><header><a href=\"/\">newskg</a>\
         <a href=\"/queries\">SPARQL</a></header>\n<main>\n{body}\n</main></body></html>\n",
        esc(title)
    );
    Response::new(status, "text/html; charset=utf-8", html.into_bytes())
}

/// 404 as a page.
pub(crate) fn not_found(path: &str) -> Response {
    page(
        404,
        "Not found",
        &format!("<h1>Not found</h1><p>Nothing at <code>{}</code>. <a href=\"/\">Search the graph</a>.</p>", esc(path)),
    )
}

/// Link to a node's page.
fn node_link(node: &Node) -> String {
    format!("<a href=\"/{}\">{}</a>", esc(&node.id), esc(&node.label))
}

/// The search box, with `q` and `kind` filled in.
fn search_form(q: &str, kind: &str) -> String {
    let mut options = String::new();
    for k in ["", "Person", "Organization", "Place", "Misc", "Concept"] {
        let label = if k.is_empty() { "any type" } else { k };
        let selected = if k == kind { " selected" } else { "" };
        let _ = write!(options, "<option value=\"{k}\"{selected}>{label}</option>");
    }
    format!(
        "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\
         <input type=\"search\" name=\"q\" id=\"q\" value=\"{}\" placeholder=\"A name or alias: a person, an organisation, a place…\" autofocus>\
         <select name=\"type\" id=\"type\">{options}</select><button type=\"submit\" id=\"go\">Search</button></form>",
        esc(q)
    )
}

/// `/`: the search box; with `q`, the matching entities and concepts.
pub(crate) fn home(_app: &App, view: &View, request: &Request) -> Response {
    let q = request.param("q").unwrap_or_default().trim().to_owned();
    let kind = request.param("type").unwrap_or_default().to_owned();
    let mut body = format!("<h1>Explore the graph</h1>{}", search_form(&q, &kind));
    let wanted = |n: &Node| kind.is_empty() || n.kind.as_str() == kind;
    let hits: Vec<&Node> = if q.is_empty() {
        let mut top: Vec<&Node> = view
            .graph
            .nodes()
            .filter(|n| n.kind.is_entity() && wanted(n))
            .collect();
        top.sort_by_key(|n| (std::cmp::Reverse(n.mentions), n.id.clone()));
        top.truncate(30);
        let _ = write!(
            body,
            "<p class=\"muted\">{} documents, {} entities and concepts, {} facts. The most mentioned:</p>",
            view.docs.len(),
            view.graph.node_count(),
            view.graph.edge_count()
        );
        top
    } else {
        search(view, &q, &wanted)
    };
    if !q.is_empty() && hits.is_empty() {
        let _ = write!(
            body,
            "<p>No entity or concept matches <b>{}</b>.</p>",
            esc(&q)
        );
    }
    body.push_str("<ol class=\"results\">");
    for n in hits {
        let _ = write!(
            body,
            "<li>{}<span class=\"kind {}\">{}</span> <span class=\"muted\">{} mentions in {} documents{}</span></li>",
            node_link(n),
            n.kind,
            n.kind,
            n.mentions,
            n.documents,
            if n.aliases.is_empty() {
                String::new()
            } else {
                format!(" · also {}", esc(&n.aliases.join(", ")))
            }
        );
    }
    body.push_str("</ol>");
    page(200, if q.is_empty() { "Search" } else { &q }, &body)
}

/// Nodes whose label or an alias contains `q` (any case): exact names
/// first, then names starting with it, then the rest; the most mentioned
/// first among equals. At most 50.
fn search<'a>(view: &'a View, q: &str, wanted: &dyn Fn(&Node) -> bool) -> Vec<&'a Node> {
    let q = q.to_lowercase();
    let mut hits: Vec<(u8, &Node)> = view
        .graph
        .nodes()
        .filter(|n| wanted(n) && n.kind != NodeKind::Other)
        .filter_map(|n| {
            let label = n.label.to_lowercase();
            let aliases: Vec<String> = n.aliases.iter().map(|a| a.to_lowercase()).collect();
            let rank = if label == q {
                0
            } else if aliases.contains(&q) {
                1
            } else if label.starts_with(&q) {
                2
            } else if label.contains(&q) {
                3
            } else if aliases.iter().any(|a| a.contains(&q)) {
                4
            } else {
                return None;
            };
            Some((rank, n))
        })
        .collect();
    hits.sort_by_key(|(rank, n)| {
        (
            *rank,
            !n.kind.is_entity(),
            std::cmp::Reverse(n.mentions),
            n.id.clone(),
        )
    });
    hits.into_iter().take(50).map(|(_, n)| n).collect()
}

/// `/entity/<slug>`, `/concept/<slug>`.
pub(crate) fn node(app: &App, view: &View, id: &str) -> Response {
    let Some(node) = view.graph.node(id) else {
        return not_found(&format!("/{id}"));
    };
    let mut body = format!(
        "<h1 id=\"name\">{}<span class=\"kind {}\">{}</span></h1>",
        esc(&node.label),
        node.kind,
        node.kind
    );
    let _ = write!(
        body,
        "<p class=\"muted\"><code>{}</code></p><dl>",
        esc(&node.iri)
    );
    if !node.aliases.is_empty() {
        let _ = write!(
            body,
            "<dt>Also called</dt><dd>{}</dd>",
            esc(&node.aliases.join(", "))
        );
    }
    if !node.titles.is_empty() {
        let _ = write!(
            body,
            "<dt>Titles and roles</dt><dd>{}</dd>",
            esc(&node.titles.join(", "))
        );
    }
    let _ = write!(
        body,
        "<dt>Mentions</dt><dd>{} in {} documents</dd></dl>",
        node.mentions, node.documents
    );
    // Roles stated as facts ("minister of …") come with the facts below.
    if let Some(svg) = app.svg(view, id) {
        let _ = write!(
            body,
            "<h2>Neighbourhood</h2><div class=\"graph\" id=\"ego\">{svg}</div><p class=\"muted\"><a href=\"/graph/{}.svg\">SVG file</a></p>",
            esc(id)
        );
    }
    body.push_str(&mentions_by_article(app, view, node));
    let outgoing: Vec<(&Node, &Node, &Edge)> =
        view.graph.edges().filter(|(s, _, _)| s.id == id).collect();
    let incoming: Vec<(&Node, &Node, &Edge)> = view
        .graph
        .edges()
        .filter(|(s, t, _)| t.id == id && s.id != id)
        .collect();
    for (title, facts) in [
        ("Facts with it as subject", &outgoing),
        ("Facts with it as object", &incoming),
    ] {
        let _ = write!(body, "<h2>{title} ({})</h2>", facts.len());
        let mut by_stance: BTreeMap<String, Vec<&(&Node, &Node, &Edge)>> = BTreeMap::new();
        for f in facts.iter() {
            by_stance
                .entry(f.2.stance.clone().unwrap_or_else(|| "No stance".into()))
                .or_default()
                .push(f);
        }
        for (stance, list) in by_stance {
            let _ = write!(
                body,
                "<h3>{} ({})</h3><ul class=\"facts\">",
                esc(&stance),
                list.len()
            );
            for (s, t, e) in list {
                body.push_str(&fact_item(view, s, t, e));
            }
            body.push_str("</ul>");
        }
    }
    page(200, &node.label, &body)
}

/// One fact: who, what, whom, its flags and confidence, the sentence that
/// says it and the article it is from.
fn fact_item(view: &View, s: &Node, t: &Node, e: &Edge) -> String {
    let mut classes = vec!["fact"];
    let mut flags = String::new();
    if e.negated {
        classes.push("negated");
        flags.push_str("<span class=\"flag negated\">NOT</span>");
    }
    if e.is_reported() {
        classes.push("reported");
        let by = e
            .attributed_to
            .as_deref()
            .map(|who| format!(" by {}", esc(view.graph.label_of(who))))
            .unwrap_or_default();
        let _ = write!(flags, "<span class=\"flag reported\">reported{by}</span>");
    }
    if e.modality == "Possible" {
        classes.push("possible");
        flags.push_str("<span class=\"flag possible\">possible</span>");
    }
    let confidence = e
        .confidence
        .map(|c| format!(" <span class=\"muted\">confidence {c:.2}</span>"))
        .unwrap_or_default();
    let source = match view.docs.get(&e.document) {
        Some(doc) => format!(
            "<a href=\"/{}\">{}</a>{}",
            esc(&e.document),
            esc(if doc.headline.is_empty() {
                &doc.source
            } else {
                &doc.headline
            }),
            if doc.date.is_empty() {
                String::new()
            } else {
                format!(" <span class=\"muted\">{}</span>", esc(&doc.date))
            }
        ),
        None => format!("<a href=\"/{}\">{}</a>", esc(&e.document), esc(&e.document)),
    };
    let sentence = e
        .sentence
        .as_deref()
        .map(|s| format!("<blockquote class=\"evidence\">{}</blockquote>", esc(s)))
        .unwrap_or_default();
    format!(
        "<li class=\"{}\">{flags}{} <b>{}</b> {}{confidence}{sentence}<div class=\"muted\">from {source}</div></li>",
        classes.join(" "),
        node_link(s),
        esc(&e.relation),
        node_link(t),
    )
}

/// The documents mentioning `node`, with the mention count in each. The
/// count is looked up outside the GRAPH block: inside it, oxigraph read every
/// count of the store (2.1 s instead of 0.6 on the 21k-article bench).
fn mentions_by_article(app: &App, view: &View, node: &Node) -> String {
    let sparql = "SELECT ?doc ?n WHERE { GRAPH ?doc { ?doc schema:mentions ?e } OPTIONAL { GRAPH ?doc { ?e nkg:mentionCount ?n } } } ORDER BY DESC(?n) ?doc LIMIT 200";
    let rows = run_rows(app, sparql, &[("e", &format!("<{}>", node.iri))]);
    if rows.is_empty() {
        return String::new();
    }
    let mut html = String::from("<h2>Mentions by article</h2><table id=\"mentions\"><tr><th>Article</th><th>Date</th><th>Mentions</th></tr>");
    for row in rows {
        let (Some(doc), n) = (
            row.first().cloned().flatten(),
            row.get(1).cloned().flatten(),
        ) else {
            continue;
        };
        let short = short_id(&doc).unwrap_or_default();
        let info = view.docs.get(&short);
        let title = info
            .map(|d| {
                if d.headline.is_empty() {
                    d.source.clone()
                } else {
                    d.headline.clone()
                }
            })
            .unwrap_or_else(|| short.clone());
        let _ = write!(
            html,
            "<tr><td><a href=\"/{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
            esc(&short),
            esc(&title),
            esc(info.map(|d| d.date.as_str()).unwrap_or_default()),
            esc(&n.unwrap_or_default())
        );
    }
    html.push_str("</table>");
    html
}

/// Runs `sparql` with `params`, each cell as text (IRIs whole); nothing on
/// error (the page shows less rather than failing).
fn run_rows(app: &App, sparql: &str, params: &[(&str, &str)]) -> Vec<Vec<Option<String>>> {
    let params: Vec<(String, String)> = params
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    let options = rdf::RunOptions::default().with_timeout(Some(app.options().timeout));
    let outcome = rdf::prepare(sparql, &params)
        .map_err(RunFailure::Store)
        .and_then(|q| app.run(&q, &options));
    match outcome {
        Ok(QueryOutcome::Solutions { rows, .. }) => rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|t| {
                        t.map(|t| match t {
                            Term::NamedNode(n) => n.into_string(),
                            Term::Literal(l) => l.value().to_owned(),
                            other => other.to_string(),
                        })
                    })
                    .collect()
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// `/doc/<hash>`.
pub(crate) fn article(app: &App, view: &View, id: &str) -> Response {
    let Some(doc) = view.docs.get(id) else {
        return not_found(&format!("/{id}"));
    };
    let title = if doc.headline.is_empty() {
        doc.source.clone()
    } else {
        doc.headline.clone()
    };
    let mut body = format!("<h1>{}</h1><dl>", esc(&title));
    for (label, value) in [
        ("Date", &doc.date),
        ("Source", &doc.source),
        ("URL", &doc.url),
    ] {
        if !value.is_empty() {
            let _ = write!(body, "<dt>{label}</dt><dd>{}</dd>", esc(value));
        }
    }
    let _ = write!(
        body,
        "<dt>IRI</dt><dd><code>{}</code></dd></dl>",
        esc(&doc.iri)
    );
    let rows = run_rows(
        app,
        "SELECT ?e ?n WHERE { GRAPH ?d { ?d schema:mentions ?e } OPTIONAL { GRAPH ?d { ?e nkg:mentionCount ?n } } } ORDER BY DESC(?n) ?e",
        &[("d", &format!("<{}>", doc.iri))],
    );
    body.push_str("<h2>Entities</h2><ul>");
    for row in rows {
        let Some(iri) = row.first().cloned().flatten() else {
            continue;
        };
        let short = short_id(&iri).unwrap_or_default();
        let n = row.get(1).cloned().flatten().unwrap_or_default();
        match view.graph.node(&short) {
            Some(node) => {
                let _ = write!(body, "<li>{}<span class=\"kind {}\">{}</span> <span class=\"muted\">{} mentions</span></li>", node_link(node), node.kind, node.kind, esc(&n));
            }
            None => {
                let _ = write!(
                    body,
                    "<li>{} <span class=\"muted\">{} mentions</span></li>",
                    esc(&compact(&iri)),
                    esc(&n)
                );
            }
        }
    }
    body.push_str("</ul>");
    let mut facts: Vec<(&Node, &Node, &Edge)> = view
        .graph
        .edges()
        .filter(|(_, _, e)| e.document == id)
        .collect();
    facts.sort_by_key(|(_, _, e)| (e.char_start.unwrap_or(u64::MAX), e.id.clone()));
    let _ = write!(body, "<h2>Facts ({})</h2><ul class=\"facts\">", facts.len());
    for (s, t, e) in &facts {
        body.push_str(&fact_item(view, s, t, e));
    }
    body.push_str("</ul>");
    // The text as far as the store holds it: the fact sentences in order.
    let mut sentences: Vec<(u64, &str)> = facts
        .iter()
        .filter_map(|(_, _, e)| Some((e.char_start.unwrap_or(u64::MAX), e.sentence.as_deref()?)))
        .collect();
    sentences.sort();
    sentences.dedup();
    body.push_str("<h2>Text</h2><p class=\"muted\">The store keeps each fact's sentence, not the whole article: these are its sentences that state facts, in text order.</p>");
    for (start, s) in sentences {
        let _ = write!(
            body,
            "<p><mark title=\"characters from {start}\">{}</mark></p>",
            esc(s)
        );
    }
    page(200, &title, &body)
}

/// `/queries`: the named queries, ready to run, and a box for any SPARQL.
pub(crate) fn queries() -> Response {
    let mut body = String::from(
        "<h1>SPARQL</h1><p>The endpoint is <code>/sparql</code> (SPARQL 1.1 Protocol: GET <code>?query=</code>, POST a form or <code>application/sparql-query</code>). \
         The default graph is the union of all graphs; the model's prefixes (<code>entity:</code>, <code>rel:</code>, <code>nkg:</code>, <code>schema:</code>, …) are predeclared.</p>\
         <form action=\"/sparql\" method=\"get\"><input type=\"hidden\" name=\"format\" value=\"html\">\
         <textarea name=\"query\" rows=\"7\" id=\"sparql\">SELECT ?s ?relation ?o WHERE {\n  ?f a nkg:Fact ; nkg:subject ?s ; nkg:predicate ?relation ; nkg:object ?o .\n} LIMIT 20</textarea>\
         <p><button type=\"submit\">Run</button></p></form><h2>Named queries</h2>",
    );
    for q in rdf::named_queries() {
        let mut inputs = String::new();
        for p in &q.params {
            // One with a default may be left empty (the default is its placeholder).
            let (required, placeholder) = match &p.default {
                Some(default) => ("", format!("{default}: {}", p.description)),
                None => (" required", p.description.clone()),
            };
            let _ = write!(
                inputs,
                "<label>{} <input name=\"{}\"{required} placeholder=\"{}\"></label> ",
                esc(&p.name),
                esc(&p.name),
                esc(&placeholder)
            );
        }
        let _ = write!(
            body,
            "<details class=\"query\"><summary><b>{}</b> — {}</summary>\
             <form action=\"/query/{}\" method=\"get\"><input type=\"hidden\" name=\"format\" value=\"html\">{inputs}<button type=\"submit\">Run</button> \
             <a href=\"/query/{}?format=csv\">CSV</a></form><pre class=\"sparql\">{}</pre></details>",
            esc(q.name),
            esc(&q.description),
            percent_encode(q.name),
            percent_encode(q.name),
            esc(q.sparql)
        );
    }
    page(200, "SPARQL", &body)
}

/// Query results as an HTML table (at most the configured rows).
pub(crate) fn results(app: &App, sparql: &str, outcome: &QueryOutcome) -> Response {
    let cap = app.options().max_html_rows;
    let mut body = String::from("<h1>Results</h1>");
    let cell = |t: &Term| -> String {
        match t {
            Term::NamedNode(n) => {
                let iri = n.as_str();
                match short_id(iri).filter(|s| {
                    s.starts_with("entity/") || s.starts_with("concept/") || s.starts_with("doc/")
                }) {
                    Some(s) => format!("<a href=\"/{}\">{}</a>", esc(&s), esc(&compact(iri))),
                    None => esc(&compact(iri)),
                }
            }
            Term::Literal(l) => esc(l.value()),
            other => esc(&other.to_string()),
        }
    };
    match outcome {
        QueryOutcome::Boolean(b) => {
            let _ = write!(body, "<p id=\"answer\"><b>{b}</b></p>");
        }
        QueryOutcome::Solutions { variables, rows } => {
            let _ = write!(
                body,
                "<p class=\"muted\">{} rows{}</p><table id=\"results\"><tr>",
                rows.len(),
                if rows.len() > cap {
                    format!(", the first {cap} shown")
                } else {
                    String::new()
                }
            );
            for v in variables {
                let _ = write!(body, "<th>{}</th>", esc(v.as_str()));
            }
            body.push_str("</tr>");
            for row in rows.iter().take(cap) {
                body.push_str("<tr>");
                for t in row {
                    let _ = write!(
                        body,
                        "<td>{}</td>",
                        t.as_ref().map(cell).unwrap_or_default()
                    );
                }
                body.push_str("</tr>");
            }
            body.push_str("</table>");
        }
        QueryOutcome::Graph(triples) => {
            let _ = write!(body, "<p class=\"muted\">{} triples{}</p><table id=\"results\"><tr><th>subject</th><th>predicate</th><th>object</th></tr>", triples.len(), if triples.len() > cap { format!(", the first {cap} shown") } else { String::new() });
            for t in triples.iter().take(cap) {
                let _ = write!(
                    body,
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                    cell(&t.subject.clone().into()),
                    esc(&compact(t.predicate.as_str())),
                    cell(&t.object)
                );
            }
            body.push_str("</table>");
        }
        QueryOutcome::Updated => body.push_str("<p>Done.</p>"),
    }
    let _ = write!(
        body,
        "<h2>Query</h2><pre class=\"sparql\">{}</pre>",
        esc(sparql)
    );
    page(200, "Results", &body)
}
