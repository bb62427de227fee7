//! The RDF store: documents' facts in, quads out; SPARQL and RDF export.
//!
//! Maps [`DocFacts`](crate::DocFacts) with their resolved
//! [`EntityId`](crate::EntityId)s onto the RDF model of docs/rdf-model.md
//! (a named graph per document, statement nodes, no direct triple for
//! negated facts) and keeps them in an oxigraph [`Store`]: new documents in
//! bulk-loaded batches with their completion markers written last (each
//! document whole or absent after a crash; see `store.rs`), idempotent by
//! content hash, replacing earlier versions from the same source. Queries ([`prepare`]) see the union of all graphs and
//! bind `--param` values as RDF terms in the parsed query, never as text.
//!
//! An ingest can also write any SPARQL 1.1 server instead ([`RemoteStore`],
//! `remote.rs`): both stores stand behind [`IngestStore`], what the
//! ingest's storage half asks of a store.
//!
//! Files: `vocab.rs` (namespaces, instance IRIs), `mapping.rs` (facts →
//! quads, no store), `counts.rs` (the entity totals of store format 2, shared by
//! both stores), `store.rs` (the store, ingest, export),
//! `ingest_store.rs` (what an ingest asks of a store), `snapshot.rs` (the
//! resolver's state kept beside the store), `remote.rs` (a SPARQL
//! server as the store), `version.rs` (the store format and the versions
//! that wrote a store), `query.rs` (SPARQL, parameters, result writers),
//! `named.rs` (the queries/*.rq).
//!
//! ```
//! use newskg::rdf::{prepare, Store};
//! let store = Store::in_memory()?;
//! let query = prepare("ASK { ?s ?p ?o }", &[])?;
//! assert_eq!(query.run(&store)?.boolean(), Some(false));
//! # Ok::<(), newskg::Error>(())
//! ```

mod counts;
mod ingest_store;
#[cfg(feature = "rocksdb")]
mod lock;
pub(crate) mod mapping;
mod named;
mod query;
mod remote;
// Without RocksDB there is no store folder to hold a snapshot.
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
mod snapshot;
mod store;
// Without RocksDB there is no store folder to hold a record.
#[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
mod version;
mod vocab;

use std::path::PathBuf;

pub use ingest_store::IngestStore;
#[cfg(feature = "rocksdb")]
pub use lock::{Holder, LOCK_FILE};
pub use mapping::{doc_quads, doc_quads_with, entity_description, statement_iri};
pub use named::{named_queries, named_query, NamedQuery, QueryParam, ROW_LIMIT};
pub use oxigraph::io::RdfFormat;
pub use query::{
    prepare, prepare_with, PreparedQuery, QueryKind, QueryOutcome, ResultFormat, RunOptions,
    DEFAULT_TIMEOUT,
};
pub use remote::{
    is_remote, Auth, Endpoints, RemoteError, RemoteOptions, RemoteStore, DEFAULT_REMOTE_TIMEOUT,
    PASSWORD_ENV, TOKEN_ENV, USER_ENV,
};
pub use snapshot::SNAPSHOT_FILE;
pub use store::{
    rdf_format, write_quads, Batch, IngestOutcome, Ingested, RunInfo, Store, PENDING_FILE,
};
pub use version::{StoreVersion, OLDEST_STORE_FORMAT, STORE_FORMAT, VERSION_FILE};
pub use vocab::{compact, Ids, DEFAULT_BASE, NKG, PREFIXES};

/// A store operation that failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The on-disk store could not be opened (locked, corrupt, not a store).
    #[error("cannot open store {}", .path.display())]
    Open {
        /// The store folder.
        path: PathBuf,
        /// The cause.
        #[source]
        source: oxigraph::store::StorageError,
    },
    /// Another process writes the store: a store has one writer or any
    /// number of readers (see `rdf/lock.rs` for why).
    #[cfg(feature = "rocksdb")]
    #[error(
        "store {} is being written by {holder}; try again when it has finished (a store has one writer or any number of readers)",
        .path.display()
    )]
    BeingWritten {
        /// The store folder.
        path: PathBuf,
        /// Who writes it.
        holder: Holder,
    },
    /// Other processes read the store, so it cannot be written now.
    #[error(
        "store {} is being read by another process (newskg query, export, stats, entities or serve); try again when it has finished (stop `newskg serve` first)",
        .path.display()
    )]
    BeingRead {
        /// The store folder.
        path: PathBuf,
    },
    /// The folder holds no graph a reader can open: the ingest that began
    /// the store was killed before the store existed (a crash in its first
    /// moments; nothing was stored then), or the folder is not a store.
    #[cfg(feature = "rocksdb")]
    #[error(
        "store {} holds no graph yet: the ingest that began it ended before it stored anything (or the folder is not a store); run `newskg ingest` to build it",
        .path.display()
    )]
    Unfinished {
        /// The store folder.
        path: PathBuf,
    },
    /// The store was written in a store format newer than this newskg
    /// reads (see `rdf/version.rs`): reading it could give wrong answers,
    /// and writing it could damage it.
    #[error(
        "store {} has store format {found} (written by {writer}), newer than {software} reads (format {ours} at most): use that newskg or a newer one, or export the store with it (`newskg export --format nq > dump.nq`) and `newskg load dump.nq` into a new store",
        .path.display()
    )]
    NewerFormat {
        /// The store folder.
        path: PathBuf,
        /// The store's format.
        found: u32,
        /// The newskg that wrote it, as its record says.
        writer: String,
        /// The newest format this newskg reads.
        ours: u32,
        /// This newskg (`newskg x.y.z`).
        software: String,
    },
    /// The store was written in a store format older than this newskg
    /// still reads.
    #[error(
        "store {} has store format {found}, older than {software} reads (format {oldest} at least): export it with the newskg that wrote it and `newskg load` the dump into a new store, or ingest the articles again",
        .path.display()
    )]
    OlderFormat {
        /// The store folder.
        path: PathBuf,
        /// The store's format.
        found: u32,
        /// The oldest format this newskg reads.
        oldest: u32,
        /// This newskg (`newskg x.y.z`).
        software: String,
    },
    /// A named query reads what a newer store format added (the counts of
    /// format 2, the stance links of format 3), and the store, opened to read, is of an older one:
    /// readers never upgrade a store (`newskg upgrade` does).
    #[error(
        "store {} has store format {found}, written by an older newskg, and this query reads the counts store format {needed} adds: run `newskg upgrade --store {}` once (or ingest into the store: any writer upgrades it); reading never changes a store",
        .path.display(), .path.display()
    )]
    NeedsUpgrade {
        /// The store folder.
        path: PathBuf,
        /// The store's format.
        found: u32,
        /// The format the query needs.
        needed: u32,
    },
    /// The store's version record is damaged.
    #[error("{}: unreadable store version record: {problem}", .path.display())]
    BadVersion {
        /// The record file.
        path: PathBuf,
        /// What is wrong, with its line.
        problem: String,
    },
    /// The store's version record could not be read or written.
    #[error("{}: cannot read or write the store version record", .path.display())]
    VersionIo {
        /// The record file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The record of the documents a batch is bulk loading (see
    /// `rdf/store.rs`, "Batches") could not be written, read or removed.
    #[error("{}: cannot write or read the store's record of documents being loaded", .path.display())]
    Pending {
        /// The record file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The resolver snapshot (`rdf/snapshot.rs`) could not be written or
    /// removed.
    #[error("{}: cannot write or remove the store's resolver snapshot", .path.display())]
    Snapshot {
        /// The snapshot file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The store's lock file could not be made or locked.
    #[error("{}: cannot lock the store", .path.display())]
    Lock {
        /// The lock file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// This build has no on-disk store (compiled without the `rocksdb` feature).
    #[error(
        "cannot open store {}: this build has no on-disk store (built without the \"rocksdb\" feature); use `--store :memory:`",
        .path.display()
    )]
    NoDiskStore {
        /// The store folder asked for.
        path: PathBuf,
    },
    /// Reading or writing the store failed.
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    /// Loading RDF into the store failed.
    #[error(transparent)]
    Load(#[from] oxigraph::store::LoaderError),
    /// A remote store failed or could not be reached.
    #[error(transparent)]
    Remote(#[from] RemoteError),
    /// The instance base IRI is not an absolute IRI.
    #[error("invalid base IRI {base:?}")]
    BadBaseIri {
        /// The IRI given.
        base: String,
        /// Why it is invalid.
        #[source]
        source: oxigraph::model::IriParseError,
    },
    /// The instance base IRI must end in `/` or `#`, so ids can be appended.
    #[error("invalid base IRI {base:?}: it must end with '/' or '#'")]
    BaseIriEnd {
        /// The IRI given.
        base: String,
    },
    /// The SPARQL text does not parse. `line` and `column` are 1-based.
    #[error("{}SPARQL syntax error at line {line}, column {column}: {message}", .file.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
    Syntax {
        /// The query file or named query, when the text came from one.
        file: Option<String>,
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
        /// What the parser expected.
        message: String,
    },
    /// A parameter the query declares (`# param NAME: …`) was not given.
    #[error("{}missing --param {name}=VALUE: {description}", .file.as_ref().map(|f| format!("{f}: ")).unwrap_or_default())]
    MissingParam {
        /// The query file or named query, when the text came from one.
        file: Option<String>,
        /// The parameter name, without `?`.
        name: String,
        /// What to pass, from the query's header.
        description: String,
    },
    /// A `--param name=value` that cannot be bound.
    #[error("parameter {name}: {problem}")]
    BadParam {
        /// The parameter name.
        name: String,
        /// What is wrong.
        problem: String,
    },
    /// The query failed while running.
    #[error("query evaluation failed")]
    Evaluation(#[source] oxigraph::sparql::QueryEvaluationError),
    /// A SPARQL update failed while running.
    #[error("SPARQL update failed")]
    Update(#[source] oxigraph::sparql::UpdateEvaluationError),
    /// The query ran past its time limit and was stopped.
    #[error("the query was stopped after the time limit of {} (--timeout); narrow it (LIMIT, more specific patterns) or raise the limit", seconds(.limit))]
    Timeout {
        /// The limit.
        limit: std::time::Duration,
    },
    /// Too many earlier runs that were stopped at their time limit are
    /// still finishing (see [`query::MAX_OUTLIVING_RUNS`]).
    #[error("{running} earlier queries stopped at their time limit are still finishing; try again shortly")]
    Overloaded {
        /// How many are still running.
        running: usize,
    },
    /// A SPARQL update without `--allow-update`.
    #[error("SPARQL update ({operation}) refused: the store is read-only unless --allow-update is given")]
    UpdateRefused {
        /// The update's first operation (`INSERT DATA`, `DROP`, …).
        operation: String,
    },
    /// `LOAD` in an update: newskg reads no file or URL a query names.
    #[error("SPARQL LOAD <{source_iri}> refused: newskg fetches nothing a query names, even with --allow-update; load files with `newskg load FILE`")]
    LoadRefused {
        /// What LOAD named.
        source_iri: String,
    },
    /// `SERVICE` in a query: newskg sends no query to other endpoints.
    #[error("SPARQL SERVICE {endpoint} refused: newskg sends no query to other endpoints (federated queries are off)")]
    ServiceRefused {
        /// The endpoint the query named.
        endpoint: String,
    },
    /// The result cannot be written in the format asked for (e.g. CSV for a
    /// CONSTRUCT query).
    #[error("{format} output does not fit {kind} results")]
    ResultFormat {
        /// The format asked for.
        format: &'static str,
        /// What the query returned.
        kind: &'static str,
    },
    /// Writing output failed.
    #[error("cannot write output")]
    Write(#[source] std::io::Error),
}

/// A duration for messages: "30 s", "0.5 s".
fn seconds(limit: &std::time::Duration) -> String {
    format!("{} s", limit.as_secs_f64())
}
