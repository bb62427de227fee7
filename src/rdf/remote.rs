//! A remote store: any SPARQL 1.1 server, written and read over HTTP
//! (`ingest --store http(s)://…`, issue 14, item 2). It stands behind the
//! same [`IngestStore`] as the local [`Store`](super::Store), so an ingest
//! resolves and stores exactly as it does locally, and the server ends up
//! with the quads a local store would hold.
//!
//! # Endpoints
//!
//! A server is named by one URL; its three endpoints default to the layout
//! of `oxigraph serve` (and `newskg serve`): `URL/query` (SPARQL 1.1 Query),
//! `URL/update` (SPARQL 1.1 Update) and `URL/store` (the Graph Store HTTP
//! Protocol). Each can be named apart ([`Endpoints::resolve`]): Fuseki's
//! dataset `http://host:3030/ds`, for example, keeps its graph store at
//! `data`.
//!
//! # How documents are stored
//!
//! As the local store's batches are (see `store.rs`): a document counts as
//! stored once its graph holds its completion marker, `<doc> a
//! schema:NewsArticle`.
//!
//! 1. Each document graph of a batch, without its marker, goes in with one
//!    Graph Store `PUT` (N-Triples), which replaces any graph of that name:
//!    idempotent, and atomic per document.
//! 2. The totals of the batch's entities (`nkg:totalMentions`,
//!    `nkg:documentCount`; see `counts.rs`) are read back: their
//!    `nkg:mentionCount` quads in every graph, the new ones included, summed
//!    by the code the local store sums its own with.
//! 3. One SPARQL Update request then rewrites the descriptions and totals of
//!    the batch's entities in `id:graph/entities` and inserts every marker.
//!    The SPARQL 1.1 Update specification asks servers to run a request
//!    atomically, and oxigraph and Fuseki do.
//!
//! A document replacing an older version from its source is stored alone:
//! its `PUT`, the totals of its entities and of the older versions' read
//! back without the older graphs, then one update dropping the older
//! graphs, rewriting the descriptions and totals, dropping the
//! descriptions of entities no document mentions any more, and inserting
//! its marker.
//!
//! A failure (or a kill) between the two steps leaves graphs without their
//! marker, which nothing reads as a document; the next [`RemoteStore::open`]
//! drops them (graphs under the instance base's `doc/` that have an
//! `nkg:source` and no marker), and the next ingest stores those documents
//! again. What was stored before the failure stays stored.
//!
//! # Reading back
//!
//! [`RemoteStore::open`] reads which documents are stored, and from which
//! sources, in one query, and keeps them in memory (updated by its own
//! writes), so that the checks an ingest makes for each document
//! (unchanged? replacing another?) cost no request. The resolver's start
//! ([`IngestStore::entities_and_documents`]) comes from two queries, built
//! by the same code as the local store's from the same quads.
//!
//! # One writer
//!
//! newskg cannot lock a remote server as it locks a store folder: run one
//! ingest into a remote store at a time.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Quad, Term};
use oxigraph::sparql::results::{
    QueryResultsFormat, QueryResultsParser, QuerySolution, ReaderQueryResultsParserOutput,
};

use crate::extract::DocFacts;
use crate::input::DocId;
use crate::kg::{Entity, EntityId};

use super::counts::{EntityTotals, TOTAL_PREDICATES};
use super::ingest_store::IngestStore;
use super::mapping::{doc_graph, entity_description};
use super::store::{
    marker, Batch, EntityRecords, IngestOutcome, Ingested, MentionTally, RunInfo,
    DESCRIPTION_PREDICATES,
};
use super::vocab::{term, Ids, NKG, RDF, SCHEMA};
use super::StoreError;

/// The environment variable holding a bearer token for remote stores.
pub const TOKEN_ENV: &str = "NEWSKG_STORE_TOKEN";
/// The environment variable holding the user name of HTTP basic
/// authentication for remote stores (with [`PASSWORD_ENV`]).
pub const USER_ENV: &str = "NEWSKG_STORE_USER";
/// The environment variable holding the password of HTTP basic
/// authentication for remote stores (with [`USER_ENV`]).
pub const PASSWORD_ENV: &str = "NEWSKG_STORE_PASSWORD";

/// How long one request to a remote store may take by default: reading a
/// large store back is one request.
pub const DEFAULT_REMOTE_TIMEOUT: Duration = Duration::from_secs(300);

/// Whether `store` names a remote store (an `http://` or `https://` URL)
/// rather than a store folder.
pub fn is_remote(store: &str) -> bool {
    let lower = store.get(..8).unwrap_or(store).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Something wrong with a remote store: its URL, its credentials, or an
/// exchange with it. Every message names the URL.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RemoteError {
    /// The store URL or an endpoint is not an http(s) URL newskg can use.
    #[error("remote store {url:?}: {problem}")]
    BadUrl {
        /// The URL given.
        url: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The credentials in the environment do not fit together.
    #[error("remote store credentials: {problem}")]
    Credentials {
        /// What is wrong.
        problem: String,
    },
    /// The server answered with an error status.
    #[error("{method} {url}: HTTP {status}{}{}: {body}", reason(*.status), hint(*.status))]
    Status {
        /// The request's method.
        method: &'static str,
        /// The request's URL.
        url: String,
        /// The HTTP status.
        status: u16,
        /// The start of the answer's body, on one line.
        body: String,
    },
    /// No answer within the time limit.
    #[error("{method} {url}: no answer within {} s (raise --store-timeout for a slow server)", .limit.as_secs_f64())]
    Timeout {
        /// The request's method.
        method: &'static str,
        /// The request's URL.
        url: String,
        /// The limit.
        limit: Duration,
    },
    /// The server could not be reached, or the exchange broke off.
    #[error("{method} {url}: cannot reach the server")]
    Unreachable {
        /// The request's method.
        method: &'static str,
        /// The request's URL.
        url: String,
        /// The cause.
        #[source]
        source: ureq::Error,
    },
    /// An answer that is not what a SPARQL endpoint sends.
    #[error("{method} {url}: unreadable answer: {problem}")]
    BadAnswer {
        /// The request's method.
        method: &'static str,
        /// The request's URL.
        url: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// ` Unauthorized` for 401: the reason phrase, when the status has one.
fn reason(status: u16) -> String {
    ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

/// What to look at for the statuses a misconfiguration gives.
fn hint(status: u16) -> String {
    match status {
        401 | 403 => format!(
            " (credentials come from {TOKEN_ENV}, or {USER_ENV} and {PASSWORD_ENV}; check them and that they may write)"
        ),
        404 | 405 => " (is this the right endpoint? see --query-endpoint, --update-endpoint, --graph-store-endpoint)".to_owned(),
        413 => " (the request is larger than the server accepts: a smaller --batch sends less at once)".to_owned(),
        _ => String::new(),
    }
}

/// The three endpoints of a remote store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// SPARQL 1.1 Query: reading the store back.
    pub query: String,
    /// SPARQL 1.1 Update: entity descriptions and completion markers.
    pub update: String,
    /// SPARQL 1.1 Graph Store HTTP Protocol: one `PUT` per document graph.
    pub graph_store: String,
}

impl Endpoints {
    /// The endpoints of the server at `url` as `oxigraph serve` lays them
    /// out: `url/query`, `url/update` and `url/store`.
    ///
    /// ```
    /// use newskg::rdf::Endpoints;
    /// let e = Endpoints::new("http://127.0.0.1:7878/")?;
    /// assert_eq!(e.query, "http://127.0.0.1:7878/query");
    /// assert_eq!(Endpoints::resolve("http://h:3030/ds", "data")?, "http://h:3030/ds/data");
    /// assert_eq!(Endpoints::resolve("http://h:3030/ds", "/sparql")?, "http://h:3030/sparql");
    /// # Ok::<(), newskg::rdf::RemoteError>(())
    /// ```
    pub fn new(url: &str) -> Result<Endpoints, RemoteError> {
        Ok(Endpoints {
            query: Endpoints::resolve(url, "query")?,
            update: Endpoints::resolve(url, "update")?,
            graph_store: Endpoints::resolve(url, "store")?,
        })
    }

    /// `endpoint` as an endpoint of the server at `url`: an http(s) URL as
    /// it is, a path starting with `/` from the server's root, anything
    /// else under `url`.
    pub fn resolve(url: &str, endpoint: &str) -> Result<String, RemoteError> {
        let (origin, path) = split_url(url)?;
        if is_remote(endpoint) {
            split_url(endpoint)?;
            return Ok(endpoint.to_owned());
        }
        if endpoint.is_empty() {
            return Err(RemoteError::BadUrl {
                url: url.to_owned(),
                problem: "an empty endpoint name".to_owned(),
            });
        }
        if endpoint.starts_with('/') {
            return Ok(format!("{origin}{endpoint}"));
        }
        Ok(format!("{origin}{}/{endpoint}", path.trim_end_matches('/')))
    }
}

/// `http://host:port` and the path after it of an http(s) URL newskg can
/// send requests to: no credentials in it (they would end up in shell
/// histories and process lists), no query or fragment.
fn split_url(url: &str) -> Result<(&str, &str), RemoteError> {
    let bad = |problem: &str| RemoteError::BadUrl {
        url: url.to_owned(),
        problem: problem.to_owned(),
    };
    if !is_remote(url) {
        return Err(bad("not an http:// or https:// URL"));
    }
    let uri: ureq::http::Uri = url.parse().map_err(|e| bad(&format!("{e}")))?;
    let authority = uri.authority().ok_or_else(|| bad("no host"))?;
    if let Some((_, host)) = authority.as_str().rsplit_once('@') {
        // Named without them: the message must not show the password.
        let scheme = uri.scheme_str().unwrap_or("http");
        return Err(RemoteError::BadUrl {
            url: format!("{scheme}://…@{host}{}", uri.path()),
            problem: format!(
                "credentials in the URL are refused (they would show in shell histories and process lists); set {TOKEN_ENV}, or {USER_ENV} and {PASSWORD_ENV}"
            ),
        });
    }
    if url.contains(['?', '#']) {
        return Err(bad("a store URL takes no query or fragment"));
    }
    let at = url.find("://").map_or(0, |i| i + 3) + authority.as_str().len();
    Ok(url.split_at(at))
}

/// How newskg authenticates to a remote store. Its `Debug` hides secrets.
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// No `Authorization` header.
    #[default]
    None,
    /// HTTP basic authentication.
    Basic {
        /// The user name.
        user: String,
        /// The password.
        password: String,
    },
    /// A bearer token (`Authorization: Bearer …`).
    Bearer {
        /// The token.
        token: String,
    },
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Basic { user, .. } => write!(f, "Basic {{ user: {user:?}, password: <hidden> }}"),
            Auth::Bearer { .. } => f.write_str("Bearer { token: <hidden> }"),
        }
    }
}

impl Auth {
    /// The credentials of the environment: a bearer token in
    /// [`TOKEN_ENV`], or a user and password in [`USER_ENV`] and
    /// [`PASSWORD_ENV`]; none when all are unset. Never from the command
    /// line, where other users of the machine could read them.
    pub fn from_env() -> Result<Auth, RemoteError> {
        let var = |name: &str| match std::env::var(name) {
            Ok(v) => Ok(Some(v)),
            Err(std::env::VarError::NotPresent) => Ok(None),
            Err(std::env::VarError::NotUnicode(_)) => Err(RemoteError::Credentials {
                problem: format!("{name} is not valid UTF-8"),
            }),
        };
        Auth::from_values(var(TOKEN_ENV)?, var(USER_ENV)?, var(PASSWORD_ENV)?)
    }

    /// [`Auth::from_env`] from the values of the three variables (an empty
    /// value counts as unset).
    pub fn from_values(
        token: Option<String>,
        user: Option<String>,
        password: Option<String>,
    ) -> Result<Auth, RemoteError> {
        let set = |v: Option<String>| v.filter(|v| !v.is_empty());
        let problem = |p: String| Err(RemoteError::Credentials { problem: p });
        match (set(token), set(user), set(password)) {
            (None, None, None) => Ok(Auth::None),
            (Some(token), None, None) => Ok(Auth::Bearer { token }),
            (Some(_), _, _) => problem(format!(
                "both {TOKEN_ENV} and {USER_ENV}/{PASSWORD_ENV} are set; set one kind"
            )),
            (None, Some(user), Some(password)) => Ok(Auth::Basic { user, password }),
            (None, Some(_), None) => problem(format!("{USER_ENV} is set without {PASSWORD_ENV}")),
            (None, None, Some(_)) => problem(format!("{PASSWORD_ENV} is set without {USER_ENV}")),
        }
    }

    /// The `Authorization` header's value.
    fn header(&self) -> Option<String> {
        use base64::Engine;
        match self {
            Auth::None => None,
            Auth::Basic { user, password } => Some(format!(
                "Basic {}",
                base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
            )),
            Auth::Bearer { token } => Some(format!("Bearer {token}")),
        }
    }
}

/// How to reach a remote store.
#[derive(Clone, Debug)]
pub struct RemoteOptions {
    /// Its endpoints.
    pub endpoints: Endpoints,
    /// Its credentials.
    pub auth: Auth,
    /// The longest one request may take.
    pub timeout: Duration,
    /// The instance IRIs to write.
    pub ids: Ids,
}

impl RemoteOptions {
    /// The server at `url` with its default [`Endpoints`], no credentials,
    /// [`DEFAULT_REMOTE_TIMEOUT`] and the default instance IRIs.
    pub fn new(url: &str) -> Result<RemoteOptions, RemoteError> {
        Ok(RemoteOptions {
            endpoints: Endpoints::new(url)?,
            auth: Auth::None,
            timeout: DEFAULT_REMOTE_TIMEOUT,
            ids: Ids::default(),
        })
    }
}

/// A SPARQL 1.1 server an ingest writes to (see the module's header).
pub struct RemoteStore {
    endpoints: Endpoints,
    ids: Ids,
    agent: ureq::Agent,
    authorization: Option<String>,
    timeout: Duration,
    /// The documents stored: read at open, kept up to date by this
    /// store's own writes.
    stored: Mutex<Stored>,
}

/// The stored documents by graph IRI, and by source.
#[derive(Default)]
struct Stored {
    docs: HashSet<String>,
    by_source: HashMap<String, BTreeSet<String>>,
}

impl Stored {
    fn insert(&mut self, graph: String, source: String) {
        self.by_source
            .entry(source)
            .or_default()
            .insert(graph.clone());
        self.docs.insert(graph);
    }
}

/// Document graphs sent at once: a server writing each `PUT` in a
/// transaction of its own spends most of it waiting for its disk, which
/// concurrent requests share. Ingesting 1000 bench articles into oxigraph
/// serve on RocksDB took 2.5 times the wall of a store folder one at a time,
/// 1.2 times four at a time (2 busy cores).
const PUTS_AT_ONCE: usize = 4;

/// Entities whose totals one query reads back: bounds the request's size
/// (a batch of 5,000 news articles touches about 10,000 entities).
const TOTALS_AT_ONCE: usize = 1000;

/// The media types of SPARQL results newskg reads, best first.
const RESULTS_ACCEPT: &str = "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8";

impl RemoteStore {
    /// Connects to the server `options` name: drops the graphs an earlier
    /// run left without their completion marker (see the module's header)
    /// and reads which documents are stored.
    pub fn open(options: RemoteOptions) -> Result<RemoteStore, StoreError> {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(options.timeout))
            // A redirected PUT or POST is not resent by every client alike:
            // the status is reported instead (with where it points).
            .max_redirects(0)
            .max_redirects_will_error(false)
            .user_agent(concat!("newskg/", env!("CARGO_PKG_VERSION")))
            .build()
            .new_agent();
        let store = RemoteStore {
            authorization: options.auth.header(),
            endpoints: options.endpoints,
            ids: options.ids,
            agent,
            timeout: options.timeout,
            stored: Mutex::new(Stored::default()),
        };
        store.drop_unmarked_graphs()?;
        let stored = store.read_documents()?;
        *store.stored() = stored;
        Ok(store)
    }

    /// The endpoints written and read.
    pub fn endpoints(&self) -> &Endpoints {
        &self.endpoints
    }

    fn stored(&self) -> MutexGuard<'_, Stored> {
        self.stored.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The IRIs of document graphs start so.
    fn doc_prefix(&self) -> String {
        format!("{}doc/", self.ids.base())
    }

    /// Drops the document graphs that have no completion marker: what a
    /// batch interrupted between its `PUT`s and its update leaves.
    fn drop_unmarked_graphs(&self) -> Result<(), RemoteError> {
        let query = format!(
            "SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g {source} ?s }} FILTER NOT EXISTS {{ GRAPH ?g {{ ?g {a} {article} }} }} }}",
            source = term(NKG, "source"),
            a = term(RDF, "type"),
            article = term(SCHEMA, "NewsArticle"),
        );
        let prefix = self.doc_prefix();
        let mut update = String::new();
        self.select(&query, |row| {
            if let Some(Term::NamedNode(g)) = row.get("g") {
                if g.as_str().starts_with(&prefix) {
                    update.push_str(&format!("DROP SILENT GRAPH {g} ;\n"));
                }
            }
        })?;
        if update.is_empty() {
            return Ok(());
        }
        self.update(&update)
    }

    /// The stored documents: graphs with their marker, and their sources.
    fn read_documents(&self) -> Result<Stored, RemoteError> {
        let query = format!(
            "SELECT ?g ?source WHERE {{ GRAPH ?g {{ ?g {a} {article} ; {source} ?source }} }}",
            a = term(RDF, "type"),
            article = term(SCHEMA, "NewsArticle"),
            source = term(NKG, "source"),
        );
        let prefix = self.doc_prefix();
        let mut stored = Stored::default();
        self.select(&query, |row| {
            if let (Some(Term::NamedNode(g)), Some(Term::Literal(source))) =
                (row.get("g"), row.get("source"))
            {
                if g.as_str().starts_with(&prefix) {
                    stored.insert(g.as_str().to_owned(), source.value().to_owned());
                }
            }
        })?;
        Ok(stored)
    }

    /// Sends one request; an answer with a status other than 2xx is an
    /// error carrying the start of its body.
    fn send(
        &self,
        method: &'static str,
        url: &str,
        graph: Option<&str>,
        content_type: &str,
        accept: Option<&str>,
        body: &[u8],
    ) -> Result<ureq::http::Response<ureq::Body>, RemoteError> {
        let mut request = match method {
            "PUT" => self.agent.put(url),
            _ => self.agent.post(url),
        };
        let mut shown = url.to_owned();
        if let Some(graph) = graph {
            request = request.query("graph", graph);
            shown = format!("{url}?graph={graph}");
        }
        request = request.header("Content-Type", content_type);
        if let Some(accept) = accept {
            request = request.header("Accept", accept);
        }
        if let Some(authorization) = &self.authorization {
            request = request.header("Authorization", authorization);
        }
        let response = request
            .send(body)
            .map_err(|e| self.failure(method, &shown, e))?;
        let status = response.status().as_u16();
        if (200..300).contains(&status) {
            return Ok(response);
        }
        let location = response
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(|l| format!("redirected to {l}"));
        let mut text = Vec::new();
        // The start is enough for a message; a broken body says nothing more.
        let _ = response
            .into_body()
            .into_reader()
            .take(4096)
            .read_to_end(&mut text);
        Err(RemoteError::Status {
            method,
            url: shown,
            status,
            body: location.unwrap_or_else(|| excerpt(&String::from_utf8_lossy(&text))),
        })
    }

    /// A request that got no answer: its time ran out, or no connection.
    fn failure(&self, method: &'static str, url: &str, error: ureq::Error) -> RemoteError {
        let timed_out = match &error {
            ureq::Error::Timeout(_) => true,
            ureq::Error::Io(e) => e.kind() == std::io::ErrorKind::TimedOut,
            _ => false,
        };
        if timed_out {
            return RemoteError::Timeout {
                method,
                url: url.to_owned(),
                limit: self.timeout,
            };
        }
        RemoteError::Unreachable {
            method,
            url: url.to_owned(),
            source: error,
        }
    }

    /// Runs a SELECT query, calling `row` on each solution as it is read.
    fn select(&self, query: &str, mut row: impl FnMut(&QuerySolution)) -> Result<(), RemoteError> {
        let url = &self.endpoints.query;
        let response = self.send(
            "POST",
            url,
            None,
            "application/sparql-query",
            Some(RESULTS_ACCEPT),
            query.as_bytes(),
        )?;
        let bad = |problem: String| RemoteError::BadAnswer {
            method: "POST",
            url: url.clone(),
            problem,
        };
        let media = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let Some(format) =
            QueryResultsFormat::from_media_type(&media).filter(|f| *f != QueryResultsFormat::Csv)
        else {
            return Err(bad(format!(
                "Content-Type {media:?} is not SPARQL results (is this the query endpoint?)"
            )));
        };
        let reader = response.into_body().into_reader();
        // An error while reading the body is the exchange's, not the format's.
        let read_error = |e: &std::io::Error| -> Option<RemoteError> {
            let inner = e.get_ref()?.downcast_ref::<ureq::Error>()?;
            matches!(inner, ureq::Error::Timeout(_)).then(|| RemoteError::Timeout {
                method: "POST",
                url: url.clone(),
                limit: self.timeout,
            })
        };
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(reader)
            .map_err(|e| bad(e.to_string()))?;
        let ReaderQueryResultsParserOutput::Solutions(solutions) = parsed else {
            return Err(bad("a boolean where solutions were expected".to_owned()));
        };
        for solution in solutions {
            match solution {
                Ok(solution) => row(&solution),
                Err(oxigraph::sparql::results::QueryResultsParseError::Io(e)) => {
                    return Err(read_error(&e).unwrap_or_else(|| bad(e.to_string())))
                }
                Err(e) => return Err(bad(e.to_string())),
            }
        }
        Ok(())
    }

    /// Runs a SPARQL Update request.
    fn update(&self, update: &str) -> Result<(), RemoteError> {
        let response = self.send(
            "POST",
            &self.endpoints.update,
            None,
            "application/sparql-update",
            None,
            update.as_bytes(),
        )?;
        drain(response);
        Ok(())
    }

    /// Replaces graph `graph` with `quads` (their graph names ignored)
    /// through the Graph Store Protocol.
    fn put_graph<'a>(
        &self,
        graph: &NamedNode,
        quads: impl IntoIterator<Item = &'a Quad>,
    ) -> Result<(), StoreError> {
        let mut writer = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
        for quad in quads {
            writer
                .serialize_triple(oxigraph::model::TripleRef::new(
                    quad.subject.as_ref(),
                    quad.predicate.as_ref(),
                    quad.object.as_ref(),
                ))
                .map_err(StoreError::Write)?;
        }
        let body = writer.finish().map_err(StoreError::Write)?;
        let response = self.send(
            "PUT",
            &self.endpoints.graph_store,
            Some(graph.as_str()),
            "application/n-triples",
            None,
            &body,
        )?;
        drain(response);
        Ok(())
    }

    /// PUTs each graph of `puts`, [`PUTS_AT_ONCE`] at a time, stopping at
    /// the first failure (graphs put before it stay unmarked, see the
    /// module's header).
    fn put_graphs(&self, puts: &[(&NamedNode, Vec<&Quad>)]) -> Result<(), StoreError> {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let work = || -> Result<(), StoreError> {
            while !failed.load(Ordering::SeqCst) {
                let Some((graph, quads)) = puts.get(next.fetch_add(1, Ordering::SeqCst)) else {
                    break;
                };
                if let Err(e) = self.put_graph(graph, quads.iter().copied()) {
                    failed.store(true, Ordering::SeqCst);
                    return Err(e);
                }
            }
            Ok(())
        };
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..PUTS_AT_ONCE.min(puts.len()))
                .map(|_| scope.spawn(work))
                .collect();
            let mut result = Ok(());
            for worker in workers {
                let done = worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                if result.is_ok() {
                    result = done;
                }
            }
            result
        })
    }

    /// The totals (`counts.rs`) of `entities` (IRIs) as the store will hold
    /// them once the graphs `dropping` are gone: their `nkg:mentionCount`
    /// quads read back through SPARQL, [`TOTALS_AT_ONCE`] entities a
    /// request, and summed as the local store sums its own.
    fn read_totals(
        &self,
        entities: BTreeSet<String>,
        dropping: &BTreeSet<String>,
    ) -> Result<EntityTotals, RemoteError> {
        let entities: Vec<String> = entities.into_iter().collect();
        let mut totals = EntityTotals::new(entities.iter().cloned());
        let unless = if dropping.is_empty() {
            String::new()
        } else {
            format!(" FILTER (?g NOT IN ({}))", iri_list(dropping, ", "))
        };
        for chunk in entities.chunks(TOTALS_AT_ONCE) {
            // ?g is selected so that two graphs with one count stay two rows.
            let query = format!(
                "SELECT ?e ?g ?n WHERE {{ VALUES ?e {{ {} }} GRAPH ?g {{ ?e {} ?n }}{unless} }}",
                iri_list(chunk, " "),
                term(NKG, "mentionCount"),
            );
            self.select(&query, |row| {
                if let (Some(Term::NamedNode(e)), Some(Term::Literal(n))) =
                    (row.get("e"), row.get("n"))
                {
                    totals.add(e.as_str(), n.value());
                }
            })?;
        }
        Ok(totals)
    }

    /// One update request: drops the graphs `drop`, rewrites the
    /// descriptions of `describe`, removes those of `forget`, replaces the
    /// `totals`, and inserts `markers`: what makes documents stored, all
    /// or none of it.
    fn finish_documents(
        &self,
        drop: &BTreeSet<String>,
        describe: &[&Entity],
        forget: &[&String],
        totals: &EntityTotals,
        markers: &[Quad],
    ) -> Result<(), StoreError> {
        let mut update = String::new();
        for g in drop {
            update.push_str(&format!("DROP SILENT GRAPH <{g}> ;\n"));
        }
        let eg = self.ids.entities_graph();
        if !totals.is_empty() {
            let predicates: Vec<String> = TOTAL_PREDICATES
                .iter()
                .map(|local| term(NKG, local).to_string())
                .collect();
            update.push_str(&format!(
                "DELETE {{ GRAPH {eg} {{ ?e ?p ?o }} }} WHERE {{ VALUES ?e {{ {} }} VALUES ?p {{ {} }} GRAPH {eg} {{ ?e ?p ?o }} }} ;\n",
                totals
                    .entities()
                    .map(|e| format!("<{e}>"))
                    .collect::<Vec<_>>()
                    .join(" "),
                predicates.join(" "),
            ));
        }
        if !describe.is_empty() || !forget.is_empty() {
            update.push_str("DELETE { GRAPH ");
            update.push_str(&eg.to_string());
            update.push_str(" { ?e ?p ?o } } WHERE { VALUES ?e {");
            for entity in describe {
                update.push(' ');
                update.push_str(&self.ids.entity(&entity.id).to_string());
            }
            for iri in forget {
                update.push_str(&format!(" <{iri}>"));
            }
            update.push_str(" } GRAPH ");
            update.push_str(&eg.to_string());
            update.push_str(" { ?e ?p ?o } } ;\n");
        }
        let descriptions: Vec<Quad> = describe
            .iter()
            .flat_map(|e| entity_description(&self.ids, e))
            .chain(totals.quads(&eg))
            .collect();
        insert_data(&mut update, descriptions.iter().chain(markers));
        Ok(self.update(&update)?)
    }
}

/// Reads what is left of an answer, so that its connection can be reused.
fn drain(response: ureq::http::Response<ureq::Body>) {
    let _ = std::io::copy(
        &mut response.into_body().into_reader().take(1 << 20),
        &mut std::io::sink(),
    );
}

/// The start of an error page on one line.
fn excerpt(text: &str) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return "(empty body)".to_owned();
    }
    match line.char_indices().nth(300) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}

/// Appends `INSERT DATA { GRAPH <g> { … } … }` for `quads` (none: nothing).
fn insert_data<'a>(update: &mut String, quads: impl Iterator<Item = &'a Quad>) {
    // By graph IRI (`None`: the default graph), in a stable order.
    let mut by_graph: BTreeMap<Option<String>, Vec<&Quad>> = BTreeMap::new();
    for quad in quads {
        let graph = match &quad.graph_name {
            GraphName::DefaultGraph => None,
            other => Some(other.to_string()),
        };
        by_graph.entry(graph).or_default().push(quad);
    }
    if by_graph.is_empty() {
        return;
    }
    update.push_str("INSERT DATA {\n");
    for (graph, quads) in by_graph {
        if let Some(g) = &graph {
            update.push_str(&format!("GRAPH {g} {{\n"));
        }
        for q in quads {
            update.push_str(&format!("{} {} {} .\n", q.subject, q.predicate, q.object));
        }
        if graph.is_some() {
            update.push_str("}\n");
        }
    }
    update.push_str("}\n");
}

/// `<a> <b> …`: IRIs for a VALUES or NOT IN list.
fn iri_list<'a>(iris: impl IntoIterator<Item = &'a String>, separator: &str) -> String {
    iris.into_iter()
        .map(|i| format!("<{i}>"))
        .collect::<Vec<_>>()
        .join(separator)
}

impl IngestStore for RemoteStore {
    fn ids(&self) -> &Ids {
        &self.ids
    }

    /// Nothing to record: a remote store has no version record (its
    /// documents' graphs name the models of the runs that wrote them).
    fn record_models(&self, _run: &RunInfo) -> Result<(), StoreError> {
        Ok(())
    }

    fn entities_and_documents(&self) -> Result<(Vec<Entity>, Vec<Vec<EntityId>>), StoreError> {
        let mut tally = MentionTally::default();
        self.select(
            &format!(
                "SELECT ?g ?e ?n WHERE {{ GRAPH ?g {{ ?e {} ?n }} }}",
                term(NKG, "mentionCount")
            ),
            |row| {
                if let (
                    Some(Term::NamedNode(g)),
                    Some(Term::NamedNode(e)),
                    Some(Term::Literal(n)),
                ) = (row.get("g"), row.get("e"), row.get("n"))
                {
                    tally.add(&self.ids, g.as_str(), e.as_str(), n.value());
                }
            },
        )?;
        let (totals, documents) = tally.finish();
        let mut records = EntityRecords::new(&self.ids, totals);
        let predicates: Vec<String> = DESCRIPTION_PREDICATES
            .iter()
            .map(|(ns, local)| term(ns, local).to_string())
            .collect();
        self.select(
            &format!(
                "SELECT ?e ?p ?v WHERE {{ VALUES ?p {{ {} }} GRAPH {} {{ ?e ?p ?v }} }}",
                predicates.join(" "),
                self.ids.entities_graph()
            ),
            |row| {
                if let (
                    Some(Term::NamedNode(e)),
                    Some(Term::NamedNode(p)),
                    Some(Term::Literal(v)),
                ) = (row.get("e"), row.get("p"), row.get("v"))
                {
                    records.add(e.as_str(), p.as_str(), v.value());
                }
            },
        )?;
        Ok((records.finish(), documents))
    }

    fn contains_document(&self, id: &DocId) -> Result<bool, StoreError> {
        Ok(self.stored().docs.contains(self.ids.doc(id).as_str()))
    }

    fn has_other_version(&self, source: &str, id: &DocId) -> Result<bool, StoreError> {
        let d = self.ids.doc(id);
        Ok(self
            .stored()
            .by_source
            .get(source)
            .is_some_and(|graphs| graphs.iter().any(|g| g != d.as_str())))
    }

    fn commit_batch(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let source_p = term(NKG, "source");
        let mut graphs: HashMap<&GraphName, Vec<&Quad>> = HashMap::new();
        let mut sources: HashMap<&GraphName, String> = HashMap::new();
        for quad in &batch.quads {
            if quad.predicate == source_p {
                if let Term::Literal(source) = &quad.object {
                    sources.insert(&quad.graph_name, source.value().to_owned());
                }
            }
            graphs.entry(&quad.graph_name).or_default().push(quad);
        }
        let puts: Vec<(&NamedNode, Vec<&Quad>)> = batch
            .markers
            .iter()
            .filter_map(|marker| match &marker.graph_name {
                GraphName::NamedNode(g) => {
                    Some((g, graphs.remove(&marker.graph_name).unwrap_or_default()))
                }
                _ => None,
            })
            .collect();
        self.put_graphs(&puts)?;
        // The graphs are in (unmarked), so the totals count them.
        let touched = batch
            .entities
            .keys()
            .map(|id| self.ids.entity(id).as_str().to_owned())
            .collect();
        let totals = self.read_totals(touched, &BTreeSet::new())?;
        let describe: Vec<&Entity> = batch.entities.values().collect();
        self.finish_documents(&BTreeSet::new(), &describe, &[], &totals, &batch.markers)?;
        let mut stored = self.stored();
        for marker in &batch.markers {
            if let GraphName::NamedNode(g) = &marker.graph_name {
                let source = sources.remove(&marker.graph_name).unwrap_or_default();
                stored.insert(g.as_str().to_owned(), source);
            }
        }
        Ok(())
    }

    fn ingest(
        &self,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) -> Result<Ingested, StoreError> {
        let d = self.ids.doc(&doc.analyzed.doc.id);
        let source = doc.analyzed.doc.source.as_str();
        let old: BTreeSet<String> = {
            let stored = self.stored();
            if stored.docs.contains(d.as_str()) {
                return Ok(Ingested {
                    outcome: IngestOutcome::Unchanged,
                    dropped_documents: Vec::new(),
                    dropped_entities: Vec::new(),
                });
            }
            stored
                .by_source
                .get(source)
                .map(|graphs| {
                    graphs
                        .iter()
                        .filter(|g| *g != d.as_str())
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        };
        let mentions = term(SCHEMA, "mentions");
        // What the older versions mention, as the local store reads it.
        let mut mentioned: BTreeMap<String, Vec<EntityId>> =
            old.iter().map(|g| (g.clone(), Vec::new())).collect();
        let mut orphans: BTreeSet<String> = BTreeSet::new();
        if !old.is_empty() {
            let query = format!(
                "SELECT ?g ?e WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?x {mentions} ?e }} }}",
                iri_list(&old, " ")
            );
            self.select(&query, |row| {
                if let (Some(Term::NamedNode(g)), Some(Term::NamedNode(e))) =
                    (row.get("g"), row.get("e"))
                {
                    if let Some(list) = mentioned.get_mut(g.as_str()) {
                        list.extend(self.ids.entity_id(e.as_str()));
                    }
                    orphans.insert(e.as_str().to_owned());
                }
            })?;
        }
        let marker = marker(&self.ids, &doc.analyzed.doc.id);
        let quads = doc_graph(&self.ids, doc, ids, run);
        self.put_graph(&d, quads.iter().filter(|q| **q != marker))?;
        // Entities of the older versions that no other graph (the new one
        // included, now that it is in) mentions lose their description.
        let mut still = HashSet::new();
        if !orphans.is_empty() {
            let query = format!(
                "SELECT DISTINCT ?e WHERE {{ VALUES ?e {{ {} }} GRAPH ?g {{ ?x {mentions} ?e }} FILTER (?g NOT IN ({})) }}",
                iri_list(&orphans, " "),
                iri_list(&old, ", ")
            );
            self.select(&query, |row| {
                if let Some(Term::NamedNode(e)) = row.get("e") {
                    still.insert(e.as_str().to_owned());
                }
            })?;
        }
        let gone: Vec<&String> = orphans.iter().filter(|e| !still.contains(*e)).collect();
        // The totals of the document's entities and of the older versions'
        // that are still mentioned, without the older versions' counts.
        let touched = ids
            .iter()
            .map(|id| self.ids.entity(id).as_str().to_owned())
            .chain(still)
            .collect();
        let totals = self.read_totals(touched, &old)?;
        self.finish_documents(
            &old,
            entities,
            &gone,
            &totals,
            std::slice::from_ref(&marker),
        )?;
        let mut stored = self.stored();
        for g in &old {
            stored.docs.remove(g);
        }
        if let Some(graphs) = stored.by_source.get_mut(source) {
            graphs.retain(|g| !old.contains(g));
        }
        stored.insert(d.as_str().to_owned(), source.to_owned());
        Ok(Ingested {
            outcome: if old.is_empty() {
                IngestOutcome::New
            } else {
                IngestOutcome::Replaced
            },
            dropped_documents: mentioned.into_values().collect(),
            dropped_entities: gone.iter().filter_map(|e| self.ids.entity_id(e)).collect(),
        })
    }

    fn quad_count(&self) -> Result<usize, StoreError> {
        let mut count = None;
        self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
            |row| {
                if let Some(Term::Literal(n)) = row.get("n") {
                    count = n.value().parse().ok();
                }
            },
        )?;
        count.ok_or_else(|| {
            StoreError::Remote(RemoteError::BadAnswer {
                method: "POST",
                url: self.endpoints.query.clone(),
                problem: "no count of the quads".to_owned(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_default_to_oxigraph_serve_and_resolve_against_the_store_url() {
        let e = Endpoints::new("http://127.0.0.1:7878").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(e.update, "http://127.0.0.1:7878/update");
        assert_eq!(e.graph_store, "http://127.0.0.1:7878/store");
        let r = |v| Endpoints::resolve("https://kg.example/ds/", v).map_err(|e| e.to_string());
        assert_eq!(r("data"), Ok("https://kg.example/ds/data".to_owned()));
        assert_eq!(r("/sparql"), Ok("https://kg.example/sparql".to_owned()));
        assert_eq!(
            r("http://other:1/u"),
            Ok("http://other:1/u".to_owned()),
            "an absolute URL as is"
        );
        assert!(r("").is_err());
    }

    #[test]
    fn store_urls_without_credentials_query_or_host_are_refused() {
        let err = Endpoints::new("http://me:secret@host:7878/ds").map(|_| ());
        let err = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(
            err.starts_with(
                "remote store \"http://…@host:7878/ds\": credentials in the URL are refused"
            ),
            "{err}"
        );
        for (url, problem) in [
            ("http://host:7878/?x=1", "no query"),
            ("ftp://host", "not an http"),
            ("http://", ""),
        ] {
            let err = Endpoints::new(url).map(|_| ()).map_err(|e| e.to_string());
            assert!(
                err.as_ref()
                    .is_err_and(|e| e.contains(problem) && e.contains(url)),
                "{url}: {err:?}"
            );
        }
        assert!(is_remote("HTTPS://x") && is_remote("http://x") && !is_remote("kg.db"));
        assert!(!is_remote("http.db"));
    }

    #[test]
    fn credentials_come_as_one_kind_and_never_show() {
        let s = |v: &str| Some(v.to_owned());
        assert_eq!(Auth::from_values(None, None, None).ok(), Some(Auth::None));
        assert_eq!(
            Auth::from_values(s("t0k"), None, s("")).ok(),
            Some(Auth::Bearer {
                token: "t0k".into()
            })
        );
        let basic = Auth::from_values(None, s("ann"), s("pw")).unwrap_or_default();
        assert_eq!(
            basic.header().as_deref(),
            Some("Basic YW5uOnB3"),
            "base64 of ann:pw"
        );
        assert!(!format!("{basic:?}").contains("pw"));
        for (t, u, p, problem) in [
            (s("t"), s("u"), s("p"), "both"),
            (None, s("u"), None, "without NEWSKG_STORE_PASSWORD"),
            (None, None, s("p"), "without NEWSKG_STORE_USER"),
        ] {
            let err = Auth::from_values(t, u, p).err().map(|e| e.to_string());
            assert!(err.as_ref().is_some_and(|e| e.contains(problem)), "{err:?}");
        }
    }

    #[test]
    fn statuses_read_with_their_reason_and_what_to_check() {
        let e = RemoteError::Status {
            method: "PUT",
            url: "http://h/store?graph=g".into(),
            status: 401,
            body: "no".into(),
        };
        assert_eq!(
            e.to_string(),
            "PUT http://h/store?graph=g: HTTP 401 Unauthorized (credentials come from NEWSKG_STORE_TOKEN, or NEWSKG_STORE_USER and NEWSKG_STORE_PASSWORD; check them and that they may write): no"
        );
        assert_eq!(excerpt("  <h1>Not\n found</h1> "), "<h1>Not found</h1>");
        assert!(excerpt(&"x ".repeat(400)).ends_with('…'));
    }

    #[test]
    fn insert_data_groups_quads_by_graph() {
        let n = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        let quads = [
            Quad::new(n("a"), n("p"), n("b"), n("g2")),
            Quad::new(
                n("a"),
                n("p"),
                oxigraph::model::Literal::from("x\ny"),
                n("g1"),
            ),
            Quad::new(n("c"), n("p"), n("d"), n("g2")),
        ];
        let mut update = String::new();
        insert_data(&mut update, quads.iter());
        assert_eq!(
            update,
            "INSERT DATA {\nGRAPH <http://e/g1> {\n<http://e/a> <http://e/p> \"x\\ny\" .\n}\nGRAPH <http://e/g2> {\n<http://e/a> <http://e/p> <http://e/b> .\n<http://e/c> <http://e/p> <http://e/d> .\n}\n}\n"
        );
        let mut none = String::new();
        insert_data(&mut none, [].iter());
        assert!(none.is_empty());
    }
}
