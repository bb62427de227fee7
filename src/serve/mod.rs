//! `newskg serve`: the store over HTTP, as a SPARQL 1.1 Protocol endpoint and
//! as a web explorer of the graph (issue 12).
//!
//! Takes an opened [`Store`] and [`ServeOptions`]; [`App::new`] projects the
//! graph once (the served store does not change under a reader, see below)
//! and [`App::handle`] turns one [`Request`] into one [`Response`], with no
//! socket involved, so that every route is tested as a plain function call.
//! [`Listener`] is the socket: a synchronous HTTP/1.1 server (`tiny_http`)
//! feeding a fixed pool of worker threads, stopped gracefully by
//! [`Shutdown::shutdown`] (the CLI calls it on SIGINT and SIGTERM).
//!
//! Why synchronous threads and not an async stack (axum/hyper on tokio):
//! every request is a SPARQL evaluation, which is blocking, CPU-bound work in
//! oxigraph; an async server would hand each one to a blocking pool anyway.
//! `tiny_http` is four small crates against tokio's and hyper's dozens, which
//! matters on the project's 2-core build machines, and its `unblock` gives a
//! graceful shutdown.
//!
//! Routes: `/sparql` (also as `/query` and `/update`) and `/query/NAME`
//! (`protocol.rs`); `/store?graph=IRI`, the Graph Store Protocol
//! (`graph_store.rs`); `/`, `/entity/…`,
//! `/concept/…`, `/doc/…`, `/graph/….svg`, `/queries` (`pages.rs`). Limits:
//! each query's time ([`ServeOptions::timeout`]), the request body
//! ([`ServeOptions::max_body`]), the rows an HTML table shows
//! ([`ServeOptions::max_html_rows`]), and each query's memory
//! ([`ServeOptions::query_memory`]): queries run in processes of their own,
//! ended at either limit (`isolate.rs`). Updates, LOAD and SERVICE are refused
//! with 403 unless [`ServeOptions::allow_update`] (LOAD and SERVICE always).

mod graph_store;
mod http;
mod isolate;
mod listen;
mod pages;
mod protocol;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Duration;

pub use http::{negotiate, parse_form, percent_decode, percent_encode, Request, Response};
pub use isolate::{serve_queries, QUERY_PROCESS_FLAG};
pub use listen::{Listener, Shutdown};

use isolate::{QueryProcesses, RunFailure};

use crate::graph::{GraphError, KnowledgeGraph};
use crate::rdf::{self, Store, StoreError};

/// How the server runs.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Time limit of one query.
    pub timeout: Duration,
    /// Whether SPARQL Update may change the store (never LOAD or SERVICE).
    pub allow_update: bool,
    /// Largest request body accepted, in bytes (413 above it).
    pub max_body: usize,
    /// Rows an HTML results table shows.
    pub max_html_rows: usize,
    /// Worker threads: the queries that run at once.
    pub threads: usize,
    /// The `newskg` program, to run each query in a process of its own
    /// (`isolate.rs`): then a query over [`ServeOptions::query_memory`] or
    /// its time limit is ended with its process, and nothing of it outlives
    /// its answer. Used for an on-disk store served read-only; `None` (and
    /// any other store) runs queries on threads of this process.
    pub query_program: Option<PathBuf>,
    /// Resident memory a query's process may use, in bytes.
    pub query_memory: u64,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            timeout: rdf::DEFAULT_TIMEOUT,
            allow_update: false,
            max_body: 1 << 20,
            max_html_rows: 1000,
            threads: std::thread::available_parallelism()
                .map(|n| (n.get() * 2).max(4))
                .unwrap_or(4),
            query_program: None,
            query_memory: DEFAULT_QUERY_MEMORY,
        }
    }
}

/// The default of [`ServeOptions::query_memory`]: 2 GiB.
pub const DEFAULT_QUERY_MEMORY: u64 = 2 << 30;

/// What failed while starting or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address could not be listened on (in use, not local, …).
    #[error("cannot listen on {addr}")]
    Bind {
        /// The address asked for.
        addr: String,
        /// The cause.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Projecting the store's graph for the explorer failed.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What the explorer shows of a document.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocInfo {
    pub iri: String,
    pub headline: String,
    pub date: String,
    pub source: String,
    pub url: String,
}

/// The served store with what the pages need: the graph projection and the
/// documents' headlines, computed once (and again after an update).
pub struct App {
    store: Store,
    options: ServeOptions,
    /// Where queries run when not on this process's threads.
    processes: Option<QueryProcesses>,
    view: RwLock<Arc<View>>,
    svgs: Mutex<HashMap<String, Arc<String>>>,
}

/// The store as the pages see it.
pub(crate) struct View {
    pub graph: KnowledgeGraph,
    /// Short document id (`doc/…`) → what to show.
    pub docs: BTreeMap<String, DocInfo>,
}

/// Drawings kept at most, by entity.
const SVG_CACHE: usize = 512;
/// Nodes an ego graph drawing keeps (the centre's closest).
const EGO_NODES: usize = 30;

impl App {
    /// Serves `store` as `options` say.
    pub fn new(store: Store, options: ServeOptions) -> Result<App, ServeError> {
        let view = View::read(&store)?;
        let processes = match (&options.query_program, store.folder()) {
            (Some(program), Some(folder)) if !options.allow_update => Some(QueryProcesses::new(
                program.clone(),
                folder.to_owned(),
                options.query_memory,
                options.threads,
            )),
            _ => None,
        };
        Ok(App {
            store,
            options,
            processes,
            view: RwLock::new(Arc::new(view)),
            svgs: Mutex::new(HashMap::new()),
        })
    }

    /// The options.
    pub fn options(&self) -> &ServeOptions {
        &self.options
    }

    /// Answers one request. Never panics on input: bad requests are 4xx.
    pub fn handle(&self, request: &Request) -> Response {
        let response = self.route(request);
        // Any site may query a local endpoint (YASGUI in a browser tab).
        response.with_header("Access-Control-Allow-Origin", "*")
    }

    fn route(&self, request: &Request) -> Response {
        let path = request.path.as_str();
        if request.method == "OPTIONS" {
            return Response::new(204, "text/plain", Vec::new())
                .with_header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                .with_header("Access-Control-Allow-Headers", "Content-Type, Accept");
        }
        // `/query` and `/update` are `/sparql` under the names `oxigraph
        // serve` gives them, so that one client (`newskg ingest --store
        // http://…`) finds both servers' endpoints alike.
        if matches!(path, "/sparql" | "/query" | "/update") {
            return protocol::sparql(self, request);
        }
        if path == "/store" {
            return graph_store::graph_store(self, request);
        }
        if let Some(name) = path.strip_prefix("/query/") {
            return protocol::named(self, name, request);
        }
        if !matches!(request.method.as_str(), "GET" | "HEAD") {
            return Response::error(405, "only GET is allowed here").with_header("Allow", "GET");
        }
        let view = self.view();
        match path {
            "/" | "/search" => pages::home(self, &view, request),
            "/queries" => pages::queries(),
            "/style.css" => Response::new(200, "text/css; charset=utf-8", pages::CSS)
                .with_header("Cache-Control", "max-age=3600"),
            _ => {
                if let Some(id) = path
                    .strip_prefix("/graph/")
                    .and_then(|p| p.strip_suffix(".svg"))
                {
                    return match self.svg(&view, id) {
                        Some(svg) => Response::new(200, "image/svg+xml", svg.as_bytes().to_vec()),
                        None => Response::error(404, &format!("no entity or concept {id}")),
                    };
                }
                let id = path.trim_start_matches('/');
                if id.starts_with("entity/") || id.starts_with("concept/") {
                    return pages::node(self, &view, id);
                }
                if id.starts_with("doc/") {
                    return pages::article(self, &view, id);
                }
                pages::not_found(path)
            }
        }
    }

    /// The current view.
    pub(crate) fn view(&self) -> Arc<View> {
        match self.view.read() {
            Ok(v) => Arc::clone(&v),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Reads the view again after an update changed the store.
    pub(crate) fn refresh(&self) -> Result<(), ServeError> {
        let view = View::read(&self.store)?;
        match self.view.write() {
            Ok(mut v) => *v = Arc::new(view),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(view),
        }
        match self.svgs.lock() {
            Ok(mut s) => s.clear(),
            Err(poisoned) => poisoned.into_inner().clear(),
        }
        Ok(())
    }

    /// The ego graph drawing of node `id` (`entity/x`), cached.
    pub(crate) fn svg(&self, view: &View, id: &str) -> Option<Arc<String>> {
        if let Ok(cache) = self.svgs.lock() {
            if let Some(svg) = cache.get(id) {
                return Some(Arc::clone(svg));
            }
        }
        view.graph.node(id)?;
        let ego = view.graph.ego_limited(id, 1, EGO_NODES).ok()?;
        let mut out = Vec::new();
        // Graphviz when installed, else the built-in layout; either way
        // the picture is drawn here, nothing is fetched by the browser.
        let drawn = match ego.render(crate::graph::RenderFormat::Svg, &mut out) {
            Ok(()) => true,
            Err(_) => {
                out.clear();
                ego.write_svg(Some(id), Some("/"), &mut out).is_ok()
            }
        };
        if !drawn {
            return None;
        }
        let text = String::from_utf8_lossy(&out);
        // Inline use: drop Graphviz's XML prolog and doctype.
        let svg = Arc::new(text[text.find("<svg").unwrap_or(0)..].to_owned());
        if let Ok(mut cache) = self.svgs.lock() {
            if cache.len() >= SVG_CACHE {
                cache.clear();
            }
            cache.insert(id.to_owned(), Arc::clone(&svg));
        }
        Some(svg)
    }

    /// Runs `prepared` as `options` say: in a query process when the
    /// server has them (updates never: they run where the store is open
    /// to write), else here.
    pub(crate) fn run(
        &self,
        prepared: &rdf::PreparedQuery,
        options: &rdf::RunOptions,
    ) -> Result<rdf::QueryOutcome, RunFailure> {
        match &self.processes {
            Some(processes) if prepared.kind() != rdf::QueryKind::Update => {
                prepared.check_store(&self.store)?;
                processes.run(prepared, options)
            }
            _ => Ok(prepared.run_with(&self.store, options)?),
        }
    }

    /// Whether queries run in processes of their own.
    pub fn isolates_queries(&self) -> bool {
        self.processes.is_some()
    }

    /// The store.
    pub(crate) fn store(&self) -> &Store {
        &self.store
    }

    /// Whether queries abandoned at their time limit still run on the
    /// store (then the process must not end normally, see
    /// [`Store::has_outliving_runs`]).
    pub fn has_outliving_runs(&self) -> bool {
        self.store.has_outliving_runs()
    }
}

impl View {
    fn read(store: &Store) -> Result<View, ServeError> {
        let graph = KnowledgeGraph::from_store(store.oxigraph())?;
        let query = rdf::prepare(
            "SELECT ?doc ?headline ?date ?source ?url WHERE { GRAPH ?doc { ?doc a schema:NewsArticle \
             OPTIONAL { ?doc schema:headline ?headline } OPTIONAL { ?doc schema:datePublished ?date } \
             OPTIONAL { ?doc nkg:source ?source } OPTIONAL { ?doc schema:url ?url } } }",
            &[],
        )?;
        let outcome = query.run_with(store, &rdf::RunOptions::default().with_timeout(None))?;
        let mut docs = BTreeMap::new();
        if let rdf::QueryOutcome::Solutions { rows, .. } = outcome {
            for row in rows {
                let text = |i: usize| match row.get(i).and_then(Option::as_ref) {
                    Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                    Some(oxigraph::model::Term::NamedNode(n)) => n.as_str().to_owned(),
                    _ => String::new(),
                };
                let iri = text(0);
                let Some(short) = short_id(&iri) else {
                    continue;
                };
                docs.insert(
                    short,
                    DocInfo {
                        headline: text(1),
                        date: text(2),
                        source: text(3),
                        url: text(4),
                        iri,
                    },
                );
            }
        }
        Ok(View { graph, docs })
    }
}

/// The short id of an instance IRI: from its kind on (`doc/ab12…`,
/// `entity/mira-kessel`), as the graph projection names nodes.
pub(crate) fn short_id(iri: &str) -> Option<String> {
    ["/entity/", "/concept/", "/doc/", "/fact/", "/rel/"]
        .iter()
        .filter_map(|kind| iri.rfind(kind))
        .max()
        .map(|at| iri[at + 1..].to_owned())
}

#[cfg(test)]
mod tests;
