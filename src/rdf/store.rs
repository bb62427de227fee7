//! The oxigraph store: idempotent by content hash, replacing earlier
//! versions from the same source; entity descriptions read back for the
//! resolver; export in every RDF format.
//!
//! # What a crash leaves
//!
//! After a crash at any moment (`kill -9`, a panic, a full disk), every
//! document in the store is whole or absent, and running the same ingest
//! again gives the store an uninterrupted ingest gives. A document is
//! stored in one of two ways:
//!
//! - **One transaction** ([`Store::ingest`]): its graph, the removal of the
//!   older versions from its source, and the descriptions of its entities
//!   commit together or not at all (RocksDB's write batch). Ingest uses it
//!   for a document that replaces another, which is rare.
//! - **Batches** ([`Store::commit_batch`]): new documents, many at a time,
//!   which is what makes bulk ingest fast. A document's graph is written
//!   through oxigraph's bulk loader (sorted files handed to RocksDB, no
//!   per-quad log or memtable work) *without its completion marker*, the
//!   quad `<doc> rdf:type schema:NewsArticle` in graph `<doc>`. Then one
//!   transaction writes the entity descriptions and the markers. Before the
//!   bulk load, the batch's document graphs are listed in
//!   [`PENDING_FILE`] in the store folder; it is removed once the markers
//!   are committed.
//!
//! Every reader finds documents by their marker, and the resolver reads
//! only entity descriptions, which commit with the markers. A crash
//! between the bulk load and that transaction leaves graphs without their
//! marker: the next open of the store (to write, or to read when the
//! folder may be written) finds [`PENDING_FILE`], removes each listed graph
//! that has no marker, removes the bulk loader's leftover `bulk-*.sst`
//! files, and then the file. A crash before the bulk load commits leaves
//! nothing of it in the store (oxigraph ingests all the files of one load
//! in one RocksDB call, atomic across column families; the listed graphs
//! are removed all the same if it were not).
//!
//! So "stored" means "marked": a document of an interrupted batch is
//! absent and is analysed again by the next ingest, as an interrupted
//! transaction's was. What a crash costs is at most one batch of work.
//! The guarantee is about the process dying; after a power cut it holds as
//! far as RocksDB's write-ahead log (not synced on each commit) reached the
//! disk.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::model::{
    GraphNameRef, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Quad, QuadRef, Term, Triple,
};

use crate::extract::DocFacts;
use crate::kg::{Entity, EntityId};
use crate::nlp::EntityLabel;

use super::counts::{EntityTotals, TOTAL_PREDICATES};
use super::mapping::{doc_graph, doc_precomputed, entity_description};
use super::snapshot::{self, ResolverState};
#[cfg(feature = "rocksdb")]
use super::version;
use super::version::StoreVersion;
use super::vocab::{
    term, Ids, ENTITY_COUNT, FACT_COUNT, NEGATED_FACT_COUNT, NKG, PREFIXES, RDF, RDFS, SCHEMA,
    STANCE_LINK,
};
use super::StoreError;

/// What the software run that produced quads was (PROV-O `prov:wasGeneratedBy`).
#[derive(Clone, Debug)]
pub struct RunInfo {
    /// Run id: a hash of start time and versions.
    pub id: String,
    /// `newskg x.y.z`.
    pub software: String,
    /// Model versions, e.g. "tagger=… parser=…".
    pub models: String,
    /// ISO 8601 start time (`xsd:dateTime`).
    pub started: String,
}

/// What ingesting one document did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IngestOutcome {
    /// A document not seen before.
    New,
    /// The same content was already stored: nothing changed.
    Unchanged,
    /// The source had an older version, now replaced.
    Replaced,
}

/// What [`Store::ingest`] did, with what the resolver must forget so that
/// it stays what one loaded from the store would be (see
/// [`Resolver::forget_document`](crate::kg::Resolver::forget_document)).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ingested {
    /// New, unchanged or replaced.
    pub outcome: IngestOutcome,
    /// For each older version dropped, the entities it mentioned.
    pub dropped_documents: Vec<Vec<EntityId>>,
    /// Entities whose description went with the older versions: no stored
    /// document mentions them any more.
    pub dropped_entities: Vec<EntityId>,
}

/// New documents gathered to be stored together by [`Store::commit_batch`]
/// (see the module's header): their graphs' quads, their completion
/// markers, and the latest description of each entity they mention. Its
/// size is what the caller lets it grow to: [`Batch::len`] documents.
#[derive(Debug, Default)]
pub struct Batch {
    /// Every quad of the documents' graphs except the markers.
    pub(super) quads: Vec<Quad>,
    /// One marker a document, in the order they were added.
    pub(super) markers: Vec<Quad>,
    /// The documents' ids, so a repeat of one within the batch is seen.
    docs: HashSet<crate::input::DocId>,
    /// Their sources, so that a second version from one source is not
    /// stored beside the first in the same batch.
    pub(super) sources: HashSet<String>,
    /// Each entity's record as of the last document that mentions it, as a
    /// transaction per document would have left its description.
    pub(super) entities: BTreeMap<EntityId, Entity>,
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Documents in the batch.
    pub fn len(&self) -> usize {
        self.markers.len()
    }

    /// Whether the batch holds no document.
    pub fn is_empty(&self) -> bool {
        self.markers.is_empty()
    }

    /// Quads in the batch (documents' graphs, markers included; entity
    /// descriptions not).
    pub fn quads(&self) -> usize {
        self.quads.len() + self.markers.len()
    }

    /// Whether a document with this content is in the batch.
    pub fn contains_document(&self, id: &crate::input::DocId) -> bool {
        self.docs.contains(id)
    }

    /// Whether a document from `source` is in the batch.
    pub fn has_source(&self, source: &str) -> bool {
        self.sources.contains(source)
    }

    /// Adds a new document with instance IRIs under `base` (see
    /// [`Store::add_to_batch`]): its graph's quads, its marker apart.
    pub(super) fn add(
        &mut self,
        base: &Ids,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) {
        let marker = marker(base, &doc.analyzed.doc.id);
        for quad in doc_graph(base, doc, ids, run) {
            if quad == marker {
                self.markers.push(quad);
            } else {
                self.quads.push(quad);
            }
        }
        self.docs.insert(doc.analyzed.doc.id.clone());
        self.sources.insert(doc.analyzed.doc.source.clone());
        for entity in entities {
            self.entities.insert(entity.id.clone(), (*entity).clone());
        }
    }
}

/// The completion marker of document `id`: `<doc> rdf:type
/// schema:NewsArticle` in graph `<doc>` (see the module's header).
pub(super) fn marker(base: &Ids, id: &crate::input::DocId) -> Quad {
    let d = base.doc(id);
    Quad::new(d.clone(), term(RDF, "type"), term(SCHEMA, "NewsArticle"), d)
}

/// The knowledge graph store: oxigraph on RocksDB ([`Store::open`]) or in
/// memory ([`Store::in_memory`]). Writes go through [`Store::ingest`] (one
/// document, one transaction) or [`Store::commit_batch`] (many new
/// documents; see the module's header for what a crash leaves); write from
/// one thread at a time (reads may go on in others).
///
/// ```
/// use newskg::rdf::{prepare, RdfFormat, Store};
/// let store = Store::in_memory()?;
/// assert!(store.is_empty()?);
/// let answer = prepare("SELECT ?doc { ?doc a schema:NewsArticle }", &[])?.run(&store)?;
/// assert!(answer.is_empty());
/// let mut nquads = Vec::new();
/// store.export(RdfFormat::NQuads, &mut nquads)?;
/// # Ok::<(), newskg::Error>(())
/// ```
pub struct Store {
    inner: oxigraph::store::Store,
    ids: Ids,
    /// What the store's version record said when it was opened (for an
    /// in-memory store, this newskg's). In a lock because an ingest
    /// records its models through `&Store`.
    version: std::sync::Mutex<StoreVersion>,
    /// Query runs on this store abandoned at their time limit and still
    /// running ([`super::query::MAX_OUTLIVING_RUNS`]).
    outliving_runs: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    /// The store folder, for writing the version record; `None` in memory
    /// and for readers.
    #[cfg_attr(not(feature = "rocksdb"), allow(dead_code))]
    dir: Option<std::path::PathBuf>,
    /// The store folder, for messages; `None` in memory.
    folder: Option<std::path::PathBuf>,
    /// The store format this open brought the store from (a writer's
    /// open upgrades an older store), or `None`.
    upgraded_from: Option<u32>,
    /// The resolver snapshot as this store uses it (`snapshot.rs`).
    snapshot: std::sync::Mutex<SnapshotSession>,
    /// Dropped after `inner`, so the store is closed before others may open it.
    #[cfg(feature = "rocksdb")]
    _lock: Option<super::lock::StoreLock>,
}

impl Store {
    /// Opens (or creates) the persistent store in folder `path` to write.
    ///
    /// A store has one writer or any number of readers: while another
    /// process reads or writes it, this fails with
    /// [`StoreError::BeingRead`] or [`StoreError::BeingWritten`] (which names
    /// the writer's process), never waiting.
    ///
    /// A store of a store format this newskg does not read is refused with
    /// [`StoreError::NewerFormat`] or [`StoreError::OlderFormat`] before
    /// RocksDB opens it; otherwise the version record is (re)written to say
    /// this newskg wrote it last (see [`StoreVersion`]). A store of an older
    /// format this newskg still reads is brought to this one first (the
    /// counts of `rdf/counts.rs`; [`Store::upgraded_from`] tells).
    #[cfg(feature = "rocksdb")]
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(path).map_err(|source| StoreError::Lock {
            path: path.join(super::lock::LOCK_FILE),
            source,
        })?;
        let lock = super::lock::lock(path, super::lock::Access::Write)?;
        let mut found = version::check(path)?;
        // The resolver snapshot stops describing the store before anything
        // can change it (`snapshot.rs`): its token leaves the record, on
        // disk, before RocksDB opens. This ingest may still use it, if
        // nothing is written before its resolver is built.
        let mut token = found.resolver_snapshot.take();
        if token.is_some() {
            version::write_synced(path, &found)?;
        }
        let inner = oxigraph::store::Store::open(path).map_err(|source| StoreError::Open {
            path: path.to_owned(),
            source,
        })?;
        mark_made(path);
        if path.join(PENDING_FILE).exists() {
            // A repair writes the store (a batch cannot have been
            // interrupted after a snapshot was recorded; never use one then).
            token = None;
        }
        finish_interrupted_batch(path, &inner)?;
        // Only a writer brings an older store to this format: readers
        // write nothing (`PreparedQuery::run_with` refuses them the named
        // queries that need the counts). A new folder has no record either,
        // and nothing to count.
        let upgraded_from = if found.format < version::STORE_FORMAT && !inner.is_empty()? {
            token = None;
            recount(&inner)?;
            Some(found.format)
        } else {
            None
        };
        // The models stay those of the last ingest until an ingest says
        // which it uses (`record_models`).
        let now = StoreVersion::current(found.models.clone());
        version::write(path, &now)?;
        // A new store's quads are counted from 0 (`SnapshotSession::quads`).
        let quads = inner.is_empty()?.then_some(0);
        Ok(Store {
            inner,
            ids: Ids::default(),
            outliving_runs: std::sync::Arc::default(),
            version: std::sync::Mutex::new(now),
            dir: Some(path.to_owned()),
            folder: Some(path.to_owned()),
            upgraded_from,
            snapshot: std::sync::Mutex::new(SnapshotSession {
                token_at_open: token,
                quads,
                ..SnapshotSession::default()
            }),
            _lock: Some(lock),
        })
    }

    /// Opens the existing persistent store in folder `path` to read only
    /// (queries, exports). Any number of processes may read a store at
    /// once; while one writes it, this fails with
    /// [`StoreError::BeingWritten`] naming the writer.
    #[cfg(feature = "rocksdb")]
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        // A batch was interrupted (see the module's header): its unmarked
        // graphs go before anyone reads, which takes the store to write for
        // a moment. When that fails (another process holds the store, the
        // folder is read-only), reading goes on, and says why if it fails.
        // Nothing else is written: neither the version record nor, for a
        // store of an older format, the counts of this one (`newskg
        // upgrade` or the next ingest adds them).
        if path.join(PENDING_FILE).exists() {
            let _ = finish_interrupted_batch_to_read(path);
        }
        let lock = super::lock::lock(path, super::lock::Access::Read)?;
        let version = version::check(path)?;
        let inner = oxigraph::store::Store::open_read_only(path).map_err(|source| {
            if unfinished(path) {
                StoreError::Unfinished {
                    path: path.to_owned(),
                }
            } else {
                StoreError::Open {
                    path: path.to_owned(),
                    source,
                }
            }
        })?;
        Ok(Store {
            inner,
            ids: Ids::default(),
            outliving_runs: std::sync::Arc::default(),
            version: std::sync::Mutex::new(version),
            dir: None,
            folder: Some(path.to_owned()),
            upgraded_from: None,
            snapshot: std::sync::Mutex::default(),
            _lock: Some(lock),
        })
    }

    /// Opens the persistent store in `path`: this build has none (compiled
    /// without the `rocksdb` feature), so it always fails with
    /// [`StoreError::NoDiskStore`].
    #[cfg(not(feature = "rocksdb"))]
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Err(StoreError::NoDiskStore {
            path: path.to_owned(),
        })
    }

    /// Like [`Store::open`]: this build has no on-disk store.
    #[cfg(not(feature = "rocksdb"))]
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        Store::open(path)
    }

    /// A throwaway in-memory store.
    pub fn in_memory() -> Result<Store, StoreError> {
        Ok(Store {
            inner: oxigraph::store::Store::new()?,
            ids: Ids::default(),
            outliving_runs: std::sync::Arc::default(),
            version: std::sync::Mutex::new(StoreVersion {
                recorded: false,
                ..StoreVersion::current(None)
            }),
            dir: None,
            folder: None,
            upgraded_from: None,
            snapshot: std::sync::Mutex::default(),
            #[cfg(feature = "rocksdb")]
            _lock: None,
        })
    }

    /// The same store, writing instance IRIs under `ids` (`--base-iri`).
    pub fn with_ids(self, ids: Ids) -> Store {
        // A resolver state read under other ids is not this store's.
        let other_base = self
            .session()
            .state
            .as_ref()
            .is_some_and(|state| state.base() != ids.base());
        if other_base {
            self.forget_state();
        }
        Store { ids, ..self }
    }

    /// What the store's version record says: its format, and the newskg
    /// and models that last wrote it.
    pub fn version(&self) -> StoreVersion {
        self.version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// The store folder; `None` for an in-memory store.
    pub fn folder(&self) -> Option<&Path> {
        self.folder.as_deref()
    }

    /// The store format this open upgraded the store from: an older
    /// store opened to write ([`Store::open`]) gets the counts of this
    /// format (see `rdf/counts.rs`) before anything else happens; `None`
    /// when it was of this format already.
    pub fn upgraded_from(&self) -> Option<u32> {
        self.upgraded_from
    }

    /// Writes what RocksDB holds in memory and in its write-ahead log to
    /// the store's files (nothing to do in memory). An ingest ends with it:
    /// otherwise every later open to read replays that log (on the
    /// 21k-article bench, an `ASK` took 0.35 s after main's ingest and 0.47 s
    /// with the counts of format 2, 0.01 s once flushed; 0.34 and 0.03 s
    /// after 2,000 articles).
    pub fn flush(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        self.inner.flush()?;
        Ok(())
    }

    /// Compacts the store's files (RocksDB's full compaction, oxigraph's
    /// `Store::optimize`; nothing to do in memory). Each bulk-loaded batch
    /// is files of its own over the whole key space, and every lookup of a
    /// query seeks in each of them: on the 21k-article bench, compacted at
    /// the end of its ingest (4.5 s), `roles` took 0.94 s instead of 1.38 s
    /// and confirmed-facts 0.81 s instead of 1.12 s. An ingest compacts
    /// when it at least doubled the store (see `pipeline::ingest`), since
    /// the cost grows with the store (6.6 s after 100 articles into that
    /// store, whose ingest took 1.4 s). The content does not change.
    pub fn compact(&self) -> Result<(), StoreError> {
        #[cfg(feature = "rocksdb")]
        self.inner.optimize()?;
        Ok(())
    }

    /// Recounts every precomputed count (`rdf/counts.rs`) from what the
    /// store holds, replacing the stored ones, in one transaction: for
    /// quads that came from elsewhere (`newskg load` of an export, which
    /// may be of an older format) or an update. Ingests keep the counts
    /// themselves.
    pub fn recount(&self) -> Result<(), StoreError> {
        self.before_write(false)?;
        recount(&self.inner)
    }

    /// Records in the store's version record that `run`'s models write it
    /// (an ingest calls this before storing anything). Nothing to do for an
    /// in-memory store.
    pub fn record_models(&self, run: &RunInfo) -> Result<(), StoreError> {
        let mut version = self
            .version
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        version.models = Some(run.models.clone());
        #[cfg(feature = "rocksdb")]
        if let Some(dir) = &self.dir {
            version::write(dir, &version)?;
        }
        Ok(())
    }

    /// The instance IRIs this store writes.
    pub fn ids(&self) -> &Ids {
        &self.ids
    }

    /// Whether a document with this content is already stored (so ingest
    /// can skip it before spending any time analysing it).
    pub fn contains_document(&self, id: &crate::input::DocId) -> Result<bool, StoreError> {
        let d = self.ids.doc(id);
        let rdf_type = term(RDF, "type");
        let article = term(SCHEMA, "NewsArticle");
        Ok(self.inner.contains(QuadRef::new(
            &d,
            &rdf_type,
            &article,
            GraphNameRef::NamedNode(d.as_ref()),
        ))?)
    }

    /// Whether the store holds a document from `source` other than the one
    /// with id `id`: storing `id` would replace it (see [`Store::ingest`]).
    pub fn has_other_version(
        &self,
        source: &str,
        id: &crate::input::DocId,
    ) -> Result<bool, StoreError> {
        let d = self.ids.doc(id);
        let source_p = term(NKG, "source");
        let source = oxigraph::model::Literal::from(source);
        for quad in self.inner.quads_for_pattern(
            None,
            Some(source_p.as_ref()),
            Some(source.as_ref().into()),
            None,
        ) {
            if quad?.graph_name != oxigraph::model::GraphName::NamedNode(d.clone()) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Adds a new document to `batch`: one neither stored nor in the batch,
    /// whose source has no other version stored or in the batch (those go
    /// through [`Store::ingest`]). Arguments as for [`Store::ingest`].
    pub fn add_to_batch(
        &self,
        batch: &mut Batch,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) {
        batch.add(&self.ids, doc, ids, entities, run);
    }

    /// Stores a batch of new documents (see the module's header): their
    /// graphs through the bulk loader, then their entities' descriptions
    /// and their completion markers in one transaction. Until that
    /// transaction commits, none of the batch's documents is stored; a crash
    /// before then leaves unmarked graphs that the next open removes.
    pub fn commit_batch(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        self.before_write(true)?;
        let mut touched = self.tracking().then(|| self.batch_touches(&batch));
        let committed = self.commit_batch_now(batch, touched.as_mut());
        let growth = committed.as_ref().ok().copied().flatten();
        self.after_write(committed.is_ok(), touched, growth)?;
        committed.map(|_| ())
    }

    /// What a commit of `batch` writes of what the resolver reads: the
    /// graphs given mention counts (and the entity graph, where the
    /// descriptions are rewritten), and the entities described.
    fn batch_touches(&self, batch: &Batch) -> Touched {
        let count = term(NKG, "mentionCount");
        let entities_graph = self.ids.entities_graph();
        let mut touched = Touched::default();
        touched.graphs.insert(entities_graph.clone());
        for quad in batch.quads.iter().chain(&batch.markers) {
            if let oxigraph::model::GraphName::NamedNode(g) = &quad.graph_name {
                if quad.predicate == count {
                    touched.graphs.insert(g.clone());
                }
                if *g == entities_graph {
                    if let NamedOrBlankNode::NamedNode(s) = &quad.subject {
                        touched.entities.insert(s.clone());
                    }
                }
            }
        }
        touched
            .entities
            .extend(batch.entities.keys().map(|id| self.ids.entity(id)));
        touched
    }

    /// [`Store::commit_batch`]'s writes; `touched`, when this store keeps
    /// the resolver's state, is what the commit touches of it (the graphs
    /// read into the state here leave it). Returns by how many quads the
    /// store grew, when that is known without counting them (see
    /// [`SnapshotSession::quads`]).
    fn commit_batch_now(
        &self,
        batch: Batch,
        mut touched: Option<&mut Touched>,
    ) -> Result<Option<isize>, StoreError> {
        let pending = self.dir.as_ref().map(|dir| dir.join(PENDING_FILE));
        if let Some(pending) = &pending {
            write_pending(pending, &batch.markers)?;
        }
        // Each document's graph is new (its marker is not stored), so its
        // quads (distinct: `doc_graph` writes each once) and its marker are
        // all added; unless a graph already held quads without a marker,
        // which only another writer leaves (a `load`): the growth is then
        // not known.
        let mut fresh = true;
        for marker in &batch.markers {
            if !graph_is_empty(&self.inner, marker.graph_name.as_ref())? {
                fresh = false;
                break;
            }
        }
        let mut added = batch.quads.len() + batch.markers.len();
        let mut removed = 0;
        let entities_graph = self.ids.entities_graph();
        // Entities the documents' quads describe (none: `doc_graph` writes
        // the document's graph only), which the state must read again.
        let loaded_descriptions: HashSet<NamedOrBlankNode> = batch
            .quads
            .iter()
            .filter(|q| q.graph_name.as_ref() == GraphNameRef::NamedNode(entities_graph.as_ref()))
            .map(|q| q.subject.clone())
            .collect();
        let mut loader = self.inner.bulk_loader();
        loader.load_quads(batch.quads)?;
        loader.commit()?;
        test_abort_after_bulk_load();
        let eg = GraphNameRef::NamedNode(entities_graph.as_ref());
        // The bulk-loaded graphs are in the store already, so the totals
        // count the batch's documents; read from the store, not through the
        // transaction below, which writes no mention count (and whose reads
        // go through its pending writes).
        let totals = self.batch_totals(&batch.entities, touched.as_deref_mut())?;
        // Each entity's quads in the entity graph become its description and
        // its totals, which every document of the batch changes.
        let mut totals_of: HashMap<NamedOrBlankNode, Vec<Quad>> = HashMap::new();
        for quad in totals.quads(&entities_graph) {
            totals_of
                .entry(quad.subject.clone())
                .or_default()
                .push(quad);
        }
        // What the resolver's state reads of an entity: when none of these
        // quads changed, the state has its record already.
        let described = DESCRIPTION_PREDICATES.map(|(ns, local)| term(ns, local));
        let mut kept_records = Vec::new();
        let mut tx = self.inner.start_transaction()?;
        for entity in batch.entities.values() {
            let e = self.ids.entity(&entity.id);
            let mut quads = entity_description(&self.ids, entity);
            quads.extend(totals_of.remove(&e.clone().into()).unwrap_or_default());
            let done = rewrite_subject(&mut tx, e.as_ref(), eg, &quads, &described)?;
            added += done.added;
            removed += done.removed;
            if !done.watched && !loaded_descriptions.contains(&e.clone().into()) {
                kept_records.push(e);
            }
        }
        for marker in &batch.markers {
            tx.insert(marker);
        }
        tx.commit()?;
        if let Some(pending) = &pending {
            std::fs::remove_file(pending).map_err(|source| StoreError::Pending {
                path: pending.clone(),
                source,
            })?;
        }
        // Most entities of a batch keep their description (only their
        // totals move): the state is not read again for them (for the 783
        // entities of 65 bench articles, 0.02 s of a store folder's refresh).
        if let Some(touched) = touched {
            for e in &kept_records {
                touched.entities.remove(e);
            }
        }
        Ok(fresh.then(|| growth(added, removed)))
    }

    /// The totals of a batch's `entities`, once the bulk loader has written
    /// the batch's graphs. A store that keeps the resolver's state reads the
    /// batch's graphs into it now (the refresh after the commit would read
    /// the same: the transaction writes no mention count in them) and, when
    /// the state holds every mention count of the store, sums the totals
    /// from it, in memory; `touched` then keeps only what the transaction
    /// changes. Otherwise they are read from the store.
    fn batch_totals(
        &self,
        entities: &BTreeMap<EntityId, Entity>,
        touched: Option<&mut Touched>,
    ) -> Result<EntityTotals, StoreError> {
        let entities = entities.keys().map(|id| self.ids.entity(id));
        if let Some(touched) = touched {
            let mut session = self.session();
            if let Some(state) = session.state.as_mut() {
                // The entity graph is read again after the transaction,
                // which rewrites descriptions there.
                let eg = self.ids.entities_graph();
                let graphs: Vec<_> = std::mem::take(&mut touched.graphs).into_iter().collect();
                touched.graphs.insert(eg.clone());
                state.refresh(
                    &self.inner,
                    &self.ids,
                    graphs.into_iter().filter(|g| *g != eg),
                    [],
                )?;
                if state.holds_every_count() {
                    return Ok(state.totals(entities.map(oxigraph::model::NamedNode::into_string)));
                }
            }
        }
        count_totals(entities, |e, count| {
            Ok(self
                .inner
                .quads_for_pattern(Some(e.into()), Some(count), None, None)
                .collect::<Result<_, _>>()?)
        })
    }

    /// Stores one document's facts in one transaction.
    ///
    /// `ids[i]` is the graph id of `doc.entities[i]`; `entities` are the
    /// resolver's current records of the entities to (re)describe in
    /// `id:graph/entities`. A document whose graph already exists is left
    /// alone ([`IngestOutcome::Unchanged`]); an older version from the same
    /// source is dropped in the same transaction ([`IngestOutcome::Replaced`]),
    /// with the descriptions of entities no document mentions any more.
    pub fn ingest(
        &self,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) -> Result<Ingested, StoreError> {
        self.before_write(true)?;
        let mut touched = Touched::default();
        let done = self.ingest_now(doc, ids, entities, run, &mut touched);
        let growth = done.as_ref().ok().and_then(|(_, growth)| *growth);
        self.after_write(done.is_ok(), Some(touched), growth)?;
        done.map(|(ingested, _)| ingested)
    }

    /// [`Store::ingest`]'s transaction; `touched` gets the graphs and
    /// entities it writes of what the resolver reads. Returns with what it
    /// did by how many quads the store grew (fewer when a replaced version
    /// was larger), when that is known without counting them (see
    /// [`SnapshotSession::quads`]).
    fn ingest_now(
        &self,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
        touched_out: &mut Touched,
    ) -> Result<(Ingested, Option<isize>), StoreError> {
        let unchanged = Ingested {
            outcome: IngestOutcome::Unchanged,
            dropped_documents: Vec::new(),
            dropped_entities: Vec::new(),
        };
        let d = self.ids.doc(&doc.analyzed.doc.id);
        let graph = GraphNameRef::NamedNode(d.as_ref());
        let rdf_type = term(RDF, "type");
        let article = term(SCHEMA, "NewsArticle");
        let source_p = term(NKG, "source");
        let mentions_p = term(SCHEMA, "mentions");
        let mut tx = self.inner.start_transaction()?;
        if tx.contains(QuadRef::new(&d, &rdf_type, &article, graph))? {
            return Ok((unchanged, Some(0)));
        }
        // What the transaction adds and removes, counted as it writes.
        let (mut added, mut removed) = (0, 0);
        // Older versions: other document graphs with the same nkg:source.
        let source = oxigraph::model::Literal::from(doc.analyzed.doc.source.as_str());
        let mut old_graphs = BTreeSet::new();
        for quad in tx.quads_for_pattern(
            None,
            Some(source_p.as_ref()),
            Some(source.as_ref().into()),
            None,
        ) {
            let quad = quad?;
            if let oxigraph::model::GraphName::NamedNode(g) = quad.graph_name {
                if g != d {
                    old_graphs.insert(g);
                }
            }
        }
        let mut orphans = BTreeSet::new();
        let mut dropped_documents = Vec::new();
        for g in &old_graphs {
            let mut mentioned = Vec::new();
            for quad in tx.quads_for_pattern(
                None,
                Some(mentions_p.as_ref()),
                None,
                Some(g.as_ref().into()),
            ) {
                if let Term::NamedNode(e) = quad?.object {
                    mentioned.extend(self.ids.entity_id(e.as_str()));
                    orphans.insert(e);
                }
            }
            dropped_documents.push(mentioned);
            removed += tx
                .quads_for_pattern(None, None, None, Some(g.as_ref().into()))
                .try_fold(0, |n, quad| quad.map(|_| n + 1))?;
            tx.remove_named_graph(g.as_ref())?;
            touched_out.graphs.insert(g.clone());
        }
        // The document's graph is new, as in a batch (`commit_batch_now`).
        let fresh = tx
            .quads_for_pattern(None, None, None, Some(graph))
            .next()
            .is_none();
        let entities_graph = self.ids.entities_graph();
        touched_out.graphs.insert(d.clone());
        touched_out.graphs.insert(entities_graph.clone());
        for quad in doc_graph(&self.ids, doc, ids, run) {
            if quad.graph_name == oxigraph::model::GraphName::NamedNode(entities_graph.clone()) {
                if let NamedOrBlankNode::NamedNode(s) = &quad.subject {
                    touched_out.entities.insert(s.clone());
                }
            }
            tx.insert(&quad);
            added += 1;
        }
        let eg = GraphNameRef::NamedNode(entities_graph.as_ref());
        for entity in entities {
            let e = self.ids.entity(&entity.id);
            touched_out.entities.insert(e.clone());
            // Its totals go here and are written below (`write_totals`).
            let description = entity_description(&self.ids, entity);
            let done = rewrite_subject(&mut tx, e.as_ref(), eg, &description, &[])?;
            added += done.added;
            removed += done.removed;
        }
        // Entities only the replaced version mentioned lose their description;
        // the others' totals change with the documents that mention them.
        let mut dropped_entities = Vec::new();
        let mut touched: BTreeSet<_> = ids.iter().map(|id| self.ids.entity(id)).collect();
        touched_out.entities.extend(orphans.iter().cloned());
        for e in orphans {
            let still = tx
                .quads_for_pattern(
                    None,
                    Some(mentions_p.as_ref()),
                    Some(e.as_ref().into()),
                    None,
                )
                .next()
                .is_some();
            if still {
                touched.insert(e);
            } else {
                removed += remove_subject(&mut tx, e.as_ref(), eg)?;
                dropped_entities.extend(self.ids.entity_id(e.as_str()));
            }
        }
        // Read through the transaction: its documents' mention counts change.
        let totals = count_totals(touched, |e, count| {
            Ok(tx
                .quads_for_pattern(Some(e.into()), Some(count), None, None)
                .collect::<Result<_, _>>()?)
        })?;
        let (gone, written) = write_totals(&mut tx, &totals, &entities_graph)?;
        tx.commit()?;
        let ingested = Ingested {
            outcome: if old_graphs.is_empty() {
                IngestOutcome::New
            } else {
                IngestOutcome::Replaced
            },
            dropped_documents,
            dropped_entities,
        };
        Ok((
            ingested,
            fresh.then(|| growth(added + written, removed + gone)),
        ))
    }

    /// For each stored document, the entities it mentions, for
    /// [`Resolver::with_documents`](crate::kg::Resolver::with_documents).
    pub fn document_mentions(&self) -> Result<Vec<Vec<EntityId>>, StoreError> {
        Ok(self.mention_tally()?.finish().1)
    }

    /// Every entity stored, for the resolver; `mentions` is the sum of the
    /// per-document mention counts.
    pub fn entities(&self) -> Result<Vec<Entity>, StoreError> {
        Ok(self.entities_and_documents()?.0)
    }

    /// [`Store::entities`] and [`Store::document_mentions`] at once: what an
    /// ingest's resolver starts from. Both come from one pass over the
    /// per-document mention counts, since reading the store back is most of
    /// the fixed cost of an ingest into a large store (oxigraph looks every
    /// IRI of a quad up by its id: on the 21k-article bench, 2.8 s before
    /// the first new document, a quarter of it a second pass over
    /// `schema:mentions`).
    ///
    /// A store opened to write keeps what it read up to date through its
    /// writes and an ingest saves it at its end ([`Store::save_resolver_snapshot`]);
    /// the next ingest reads that resolver snapshot instead of the store when
    /// it still describes the store exactly (`snapshot.rs`). Either way the
    /// answer is the same: a document's entities come sorted.
    pub fn entities_and_documents(&self) -> Result<(Vec<Entity>, Vec<Vec<EntityId>>), StoreError> {
        if let Some(input) = self.with_state(|state, ids| state.resolver_input(ids))? {
            return Ok(input);
        }
        let (totals, mut documents) = self.mention_tally()?.finish();
        for doc in &mut documents {
            doc.sort_unstable();
        }
        let mut records = EntityRecords::new(&self.ids, totals);
        read_descriptions(&self.inner, &self.ids, &mut records)?;
        Ok((records.finish(), documents))
    }

    /// [`Store::entities_and_documents`] with each document's entities
    /// given by their positions among the entities, what an ingest's
    /// resolver starts from
    /// ([`Resolver::with_gazetteer_and_positions`](crate::kg::Resolver::with_gazetteer_and_positions)).
    pub fn resolver_start(&self) -> Result<(Vec<Entity>, Vec<Vec<usize>>), StoreError> {
        if let Some(start) = self.with_state(|state, ids| state.resolver_start(ids))? {
            return Ok(start);
        }
        let (entities, documents) = self.entities_and_documents()?;
        let documents = super::ingest_store::positions(&entities, documents);
        Ok((entities, documents))
    }

    /// `read` applied to the resolver's state of a store folder opened to
    /// write, which it keeps through its writes: loaded from the resolver
    /// snapshot when that describes the store, otherwise read from the
    /// store. `None` for a store without one (in memory, or a reader).
    fn with_state<T>(
        &self,
        read: impl FnOnce(&ResolverState, &Ids) -> T,
    ) -> Result<Option<T>, StoreError> {
        #[cfg(feature = "rocksdb")]
        if let Some(dir) = &self.dir {
            let mut session = self.session();
            if let Some(state) = &session.state {
                return Ok(Some(read(state, &self.ids)));
            }
            let loaded = session
                .token_at_open
                .take()
                .and_then(|token| Some((snapshot::load(dir, &token, &self.ids)?, token)));
            let (state, token) = match loaded {
                Some(((state, quads), token)) => {
                    // Nothing was written since the open (the token would be
                    // gone): the snapshot's count is the store's.
                    session.quads = Some(quads);
                    (state, Some(token))
                }
                None => (ResolverState::scan(&self.inner, &self.ids)?, None),
            };
            let answer = read(&state, &self.ids);
            session.state = Some(state);
            session.loaded = token;
            return Ok(Some(answer));
        }
        #[cfg(not(feature = "rocksdb"))]
        let _ = read;
        Ok(None)
    }

    /// One pass over `nkg:mentionCount` (see [`MentionTally`]).
    fn mention_tally(&self) -> Result<MentionTally, StoreError> {
        let mut tally = MentionTally::default();
        // The resolver reads the counts of documents, which are named graphs.
        read_mention_counts(&self.inner, |g, e, n| tally.add(&self.ids, g, e, n))?;
        Ok(tally)
    }

    /// Number of quads in all graphs, counted.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.inner.len()?)
    }

    /// Number of quads in all graphs, as [`Store::len`] counts them, but
    /// without counting when this store knows it: a store folder opened to
    /// write knows it from its resolver snapshot (saved with the count by
    /// the ingest before, `snapshot.rs`) or, new, as 0, and keeps it through
    /// [`Store::commit_batch`] and [`Store::ingest`], which count what they
    /// add and remove; any other write makes it count again. For the
    /// ingest's summary line: counting walks every quad (0.47 s on the
    /// 21k-article bench).
    pub fn quad_count(&self) -> Result<usize, StoreError> {
        if let Some(n) = self.session().quads {
            return Ok(n);
        }
        let n = self.len()?;
        if self.dir.is_some() {
            self.session().quads = Some(n);
        }
        Ok(n)
    }

    /// Whether the store holds no quad.
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.inner.is_empty()?)
    }

    /// Number of document graphs.
    pub fn document_count(&self) -> Result<usize, StoreError> {
        let (t, a) = (term(RDF, "type"), term(SCHEMA, "NewsArticle"));
        let mut n = 0;
        for quad in
            self.inner
                .quads_for_pattern(None, Some(t.as_ref()), Some(a.as_ref().into()), None)
        {
            quad?;
            n += 1;
        }
        Ok(n)
    }

    /// The count of this store's query runs abandoned at their time limit
    /// and still running.
    pub(crate) fn outliving_runs(&self) -> &std::sync::Arc<std::sync::atomic::AtomicUsize> {
        &self.outliving_runs
    }

    /// Whether query runs abandoned at their time limit still run on this
    /// store. A process must not end normally while they do: RocksDB's
    /// teardown at exit races their reads (see `newskg query`).
    pub fn has_outliving_runs(&self) -> bool {
        self.outliving_runs
            .load(std::sync::atomic::Ordering::SeqCst)
            > 0
    }

    /// The oxigraph store underneath, for queries and export. What is
    /// written through it escapes the resolver snapshot's bookkeeping, so
    /// on a store opened to write the snapshot is given up first: not used,
    /// not saved, and removed if this store had recorded it.
    pub fn oxigraph(&self) -> &oxigraph::store::Store {
        if self.dir.is_some() {
            self.forget_state();
            if self.session().recorded {
                // Best effort (no error to return here): the token the record
                // names then names no file.
                let _ = self.before_write(false);
            }
        }
        &self.inner
    }

    /// Writes every quad in `format`, streaming. Formats without graphs
    /// (Turtle, N-Triples, RDF/XML, N3) get the union of all graphs, each
    /// triple once (which keeps a set of the triples written in memory).
    pub fn export(&self, format: RdfFormat, out: &mut dyn Write) -> Result<(), StoreError> {
        serialize(
            self.inner.iter().map(|q| q.map_err(StoreError::from)),
            format,
            out,
        )
    }

    /// Replaces the content of the named graph `graph` with the triples
    /// of `data` (`format` must be a format of triples, not of quads), in
    /// one transaction: a Graph Store Protocol `PUT` (`newskg serve`'s
    /// `/store`). Returns whether the graph held nothing before.
    pub fn replace_graph(
        &self,
        graph: NamedNodeRef<'_>,
        format: RdfFormat,
        data: &[u8],
    ) -> Result<bool, StoreError> {
        self.before_write(false)?;
        let parser = oxigraph::io::RdfParser::from_format(format)
            .without_named_graphs()
            .with_default_graph(graph);
        let mut tx = self.inner.start_transaction()?;
        let was_empty = tx
            .quads_for_pattern(None, None, None, Some(graph.into()))
            .next()
            .is_none();
        tx.clear_graph(graph)?;
        tx.load_from_slice(parser, data)?;
        tx.commit()?;
        Ok(was_empty)
    }

    /// Loads RDF in `format` (a dump made by [`Store::export`]) in one transaction.
    pub fn import(&self, format: RdfFormat, input: impl std::io::Read) -> Result<(), StoreError> {
        self.before_write(false)?;
        Ok(self.inner.load_from_reader(format, input)?)
    }

    /// Saves what the resolver starts from as the store's resolver snapshot
    /// and records its token (`snapshot.rs`), so that the next ingest reads
    /// it instead of the store: an ingest calls it at its end, after
    /// [`Store::flush`]. Nothing to do in memory, for readers, or when this
    /// store did not keep the state up to date (it never read it, or was
    /// written otherwise than by [`Store::commit_batch`] and
    /// [`Store::ingest`]). A snapshot loaded and not changed since is
    /// recorded again as it is.
    pub fn save_resolver_snapshot(&self) -> Result<(), StoreError> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let mut session = self.session();
        if session.state.is_none() {
            return Ok(());
        }
        // Saved with the store's quad count, counted now if this store does
        // not know it (the first ingest into a store without a snapshot, or
        // after another writer), so the next ingest need not count.
        let quads = match session.quads {
            Some(n) => n,
            None => {
                let n = self.inner.len()?;
                session.quads = Some(n);
                n
            }
        };
        let Some(state) = &session.state else {
            return Ok(());
        };
        let token = match &session.loaded {
            Some(token) => token.clone(),
            None => {
                let token = snapshot::new_token();
                snapshot::write(dir, &token, state, quads)?;
                token
            }
        };
        #[cfg(feature = "rocksdb")]
        {
            let mut version = self
                .version
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            version.resolver_snapshot = Some(token.clone());
            version::write_synced(dir, &version)?;
        }
        session.loaded = Some(token);
        session.recorded = true;
        Ok(())
    }

    fn session(&self) -> std::sync::MutexGuard<'_, SnapshotSession> {
        self.snapshot
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Whether this store keeps the resolver's state up to date.
    fn tracking(&self) -> bool {
        self.session().state.is_some()
    }

    /// Gives up the resolver's state: the snapshot found at the open is not
    /// used and nothing is saved; the quad count is no longer known.
    fn forget_state(&self) {
        let mut session = self.session();
        session.token_at_open = None;
        session.state = None;
        session.loaded = None;
        session.quads = None;
    }

    /// Called before every write of a store opened to write: the snapshot
    /// found at the open can no longer be used; a snapshot this store
    /// recorded is removed (and the folder synced) before the write; the
    /// state is given up unless the write keeps it up to date (`tracked`:
    /// [`Store::commit_batch`] and [`Store::ingest`], see [`Store::after_write`]).
    fn before_write(&self, tracked: bool) -> Result<(), StoreError> {
        let Some(dir) = &self.dir else {
            return Ok(());
        };
        let mut session = self.session();
        session.token_at_open = None;
        session.loaded = None;
        if !tracked {
            session.state = None;
            session.quads = None;
        }
        if session.recorded {
            snapshot::remove(dir)?;
            session.recorded = false;
        }
        Ok(())
    }

    /// After a tracked write: the graphs and entities it `touched` are read
    /// again into the state, and the quad count moves by the write's
    /// `growth` (unknown: counted again when asked); if it failed, the state
    /// and the count are given up (what was written is not known).
    fn after_write(
        &self,
        ok: bool,
        touched: Option<Touched>,
        growth: Option<isize>,
    ) -> Result<(), StoreError> {
        let mut session = self.session();
        session.quads = match (ok, session.quads, growth) {
            (true, Some(n), Some(g)) => n.checked_add_signed(g),
            _ => None,
        };
        let Some(state) = session.state.as_mut() else {
            return Ok(());
        };
        match touched {
            Some(t) if ok => {
                let refreshed = state.refresh(&self.inner, &self.ids, t.graphs, t.entities);
                if refreshed.is_err() {
                    session.state = None;
                }
                refreshed
            }
            _ => {
                session.state = None;
                Ok(())
            }
        }
    }
}

/// What a store opened to write does with the resolver snapshot
/// (`snapshot.rs`).
#[derive(Default)]
struct SnapshotSession {
    /// The token the version record held when the store was opened, until
    /// the state is read or anything is written.
    token_at_open: Option<String>,
    /// What the resolver starts from, once read, kept up to date through
    /// the store's writes.
    state: Option<ResolverState>,
    /// The token of the snapshot `state` is, while nothing changed it.
    loaded: Option<String>,
    /// Whether the version record names a snapshot this store saved.
    recorded: bool,
    /// How many quads the store holds, when known without counting them: a
    /// store opened to write learns it from the snapshot it loads (or, new,
    /// as 0, or by counting once), then [`Store::commit_batch`] and
    /// [`Store::ingest`] move it by what they add and remove; any other
    /// write, or a failed one, forgets it. Tests check it against a count
    /// after every kind of write.
    quads: Option<usize>,
}

/// The graphs and entities (IRIs) a write touched of what the resolver
/// reads.
#[derive(Default)]
struct Touched {
    graphs: BTreeSet<oxigraph::model::NamedNode>,
    entities: BTreeSet<oxigraph::model::NamedNode>,
}

/// The file that says a store folder was made completely: written once
/// oxigraph has opened it to write, that is, once RocksDB has made every
/// column family and oxigraph has written (and flushed) its storage version.
/// An ingest killed before then leaves a folder that cannot be opened to
/// read ("CURRENT: No such file or directory", "Column family not found",
/// "Inserts are only possible on read-write instances", depending on the
/// moment) and that holds no document; see [`unfinished`].
#[cfg(feature = "rocksdb")]
const MADE_FILE: &str = "newskg.made";

/// Writes [`MADE_FILE`] into `path` when missing (stores made by an older
/// newskg get it on their next write). Best effort: without it, a store
/// works the same; only a failure to open it to read is told less well.
#[cfg(feature = "rocksdb")]
fn mark_made(path: &Path) {
    let made = path.join(MADE_FILE);
    if !made.exists() {
        let _ = std::fs::write(
            made,
            "newskg: this store was made completely (its RocksDB column families and oxigraph's storage version exist)\n",
        );
    }
}

/// Whether opening the store in `path` to read failed because its creation
/// never finished (see [`MADE_FILE`]): such a store holds no document, as
/// nothing is stored before [`Store::open`] returns.
#[cfg(feature = "rocksdb")]
fn unfinished(path: &Path) -> bool {
    !path.join(MADE_FILE).exists()
}

/// The file listing the document graphs of the batch being loaded (one IRI
/// a line), present from before its bulk load until its markers are
/// committed; see the module's header.
pub const PENDING_FILE: &str = "newskg.pending";

/// Writes [`PENDING_FILE`] at `path` listing the graphs of `markers`: under
/// another name first, then renamed, so the file is never half written.
fn write_pending(path: &Path, markers: &[Quad]) -> Result<(), StoreError> {
    let mut text = String::from(
        "# newskg: document graphs being bulk loaded; those without their marker are removed when the store is next opened\n",
    );
    for marker in markers {
        if let oxigraph::model::GraphName::NamedNode(g) = &marker.graph_name {
            text.push_str(g.as_str());
            text.push('\n');
        }
    }
    let tmp = path.with_extension("pending.tmp");
    let io = |source| StoreError::Pending {
        path: path.to_owned(),
        source,
    };
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// For tests: the process aborts (as `kill -9` would end it, no cleanup)
/// right after the bulk load of its N-th batch, before the markers, when
/// `NEWSKG_TEST_ABORT_AFTER_BULK_LOAD=N`; so that the one moment a crash
/// leaves unmarked graphs is tested on the real binary, every time.
fn test_abort_after_bulk_load() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::OnceLock;
    static AT: OnceLock<Option<usize>> = OnceLock::new();
    static LOADS: AtomicUsize = AtomicUsize::new(0);
    let at = AT.get_or_init(|| {
        std::env::var("NEWSKG_TEST_ABORT_AFTER_BULK_LOAD")
            .ok()
            .and_then(|n| n.parse().ok())
    });
    if let Some(at) = at {
        if LOADS.fetch_add(1, Ordering::SeqCst) + 1 == *at {
            std::process::abort();
        }
    }
}

/// [`finish_interrupted_batch`] for a reader: takes the store to write for
/// the moment it needs, and writes nothing else.
#[cfg(feature = "rocksdb")]
fn finish_interrupted_batch_to_read(path: &Path) -> Result<(), StoreError> {
    let _lock = super::lock::lock(path, super::lock::Access::Write)?;
    // A repair is a write: no snapshot may describe the store after it (by
    // the order of writes none does while a batch is pending; checked all
    // the same).
    let mut found = version::check(path)?;
    if found.resolver_snapshot.take().is_some() {
        version::write_synced(path, &found)?;
    }
    let inner = oxigraph::store::Store::open(path).map_err(|source| StoreError::Open {
        path: path.to_owned(),
        source,
    })?;
    finish_interrupted_batch(path, &inner)?;
    // Flushed, so the readers after do not replay the removal.
    inner.flush()?;
    Ok(())
}

/// Finishes a batch that a crash interrupted (see the module's header):
/// removes the graphs [`PENDING_FILE`] lists that have no completion marker,
/// the bulk loader's leftover files, then the list. Called with the store
/// held to write.
#[cfg(feature = "rocksdb")]
fn finish_interrupted_batch(path: &Path, inner: &oxigraph::store::Store) -> Result<(), StoreError> {
    let pending = path.join(PENDING_FILE);
    let io = |source| StoreError::Pending {
        path: pending.clone(),
        source,
    };
    // Files of a bulk load killed before RocksDB took them: oxigraph names
    // them so and removes them itself once they are ingested.
    for entry in std::fs::read_dir(path).map_err(io)? {
        let name = entry.map_err(io)?.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            std::fs::remove_file(path.join(name.as_ref())).map_err(io)?;
        }
    }
    let text = match std::fs::read_to_string(&pending) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io(e)),
    };
    let (rdf_type, article) = (term(RDF, "type"), term(SCHEMA, "NewsArticle"));
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Ok(g) = oxigraph::model::NamedNode::new(line.trim()) else {
            continue;
        };
        let marker = QuadRef::new(&g, &rdf_type, &article, GraphNameRef::NamedNode(g.as_ref()));
        if !inner.contains(marker)? {
            inner.remove_named_graph(g.as_ref())?;
        }
    }
    std::fs::remove_file(&pending).map_err(io)
}

/// The totals (`rdf/counts.rs`) of the entities `touched`, counted from
/// the `nkg:mentionCount` quads `read` gives for each: the store's, or the
/// transaction's when the write changes them. Recounted
/// rather than adjusted by a difference, so a wrong total never outlives
/// the next document that mentions the entity; the read is one index range
/// per entity. (A batch into a store that keeps the resolver's state sums
/// the same quads from the state: [`ResolverState::totals`].)
fn count_totals(
    touched: impl IntoIterator<Item = oxigraph::model::NamedNode>,
    read: impl Fn(NamedNodeRef<'_>, NamedNodeRef<'_>) -> Result<Vec<Quad>, StoreError>,
) -> Result<EntityTotals, StoreError> {
    let touched: Vec<_> = touched.into_iter().collect();
    let mut totals = EntityTotals::new(touched.iter().map(|e| e.as_str().to_owned()));
    let count = term(NKG, "mentionCount");
    for e in &touched {
        for quad in read(e.as_ref(), count.as_ref())? {
            if let Term::Literal(n) = &quad.object {
                totals.add(e.as_str(), n.value());
            }
        }
    }
    Ok(totals)
}

/// Writes `totals` in the entity graph `eg` in place of the entities'
/// earlier ones. Returns the quads removed and written.
fn write_totals(
    tx: &mut oxigraph::store::Transaction<'_>,
    totals: &EntityTotals,
    eg: &oxigraph::model::NamedNode,
) -> Result<(usize, usize), StoreError> {
    let mut removed = 0;
    let graph = GraphNameRef::NamedNode(eg.as_ref());
    for e in totals.entities() {
        removed += remove_totals(tx, NamedNodeRef::new_unchecked(e), graph)?;
    }
    // Two distinct quads per entity, whose earlier totals are gone.
    let quads = totals.quads(eg);
    for quad in &quads {
        tx.insert(quad);
    }
    Ok((removed, quads.len()))
}

/// Removes entity `e`'s totals from graph `g`; returns how many quads.
fn remove_totals(
    tx: &mut oxigraph::store::Transaction<'_>,
    e: NamedNodeRef<'_>,
    g: GraphNameRef<'_>,
) -> Result<usize, StoreError> {
    let mut removed = 0;
    for local in TOTAL_PREDICATES {
        let p = term(NKG, local);
        removed += remove_matching(tx, e, Some(p.as_ref()), g)?;
    }
    Ok(removed)
}

/// Whether graph `g` of `store` holds no quad.
fn graph_is_empty(store: &oxigraph::store::Store, g: GraphNameRef<'_>) -> Result<bool, StoreError> {
    Ok(store
        .quads_for_pattern(None, None, None, Some(g))
        .next()
        .transpose()?
        .is_none())
}

/// The change in a store's quad count from `added` new quads and `removed`
/// ones.
fn growth(added: usize, removed: usize) -> isize {
    let signed = |n: usize| isize::try_from(n).unwrap_or(isize::MAX);
    signed(added).saturating_sub(signed(removed))
}

/// Recounts every precomputed count of store format 3 (`rdf/counts.rs`)
/// from what the store holds, replacing those stored, in one transaction:
/// a writer's open of an older store (so a crash leaves the older format:
/// the version record is rewritten after), and [`Store::recount`]. Running
/// it twice gives the same store. Each document graph's counts and stance
/// links come from its mentions and facts through [`doc_precomputed`], the
/// function that makes them at ingest; each entity's totals from one pass
/// over the mention counts through [`EntityTotals`]. 17 s on the
/// 21k-article bench at load 3 (format 2's counts).
fn recount(inner: &oxigraph::store::Store) -> Result<(), StoreError> {
    let (rdf_type, article) = (term(RDF, "type"), term(SCHEMA, "NewsArticle"));
    // The quads doc_precomputed reads: every schema:mentions, the nkg:Fact
    // nodes, every nkg:negated, nkg:subject, nkg:object and nkg:stance.
    let counted: [(oxigraph::model::NamedNode, Option<Term>); 6] = [
        (term(SCHEMA, "mentions"), None),
        (rdf_type.clone(), Some(term(NKG, "Fact").into())),
        (term(NKG, "negated"), None),
        (term(NKG, "subject"), None),
        (term(NKG, "object"), None),
        (term(NKG, "stance"), None),
    ];
    let stance_link = Term::from(term(NKG, STANCE_LINK));
    // Reads go to the store, not through the transaction (which writes
    // none of what is read, and whose reads go through its pending writes);
    // the store has one writer, this one.
    let read = |s: Option<NamedOrBlankNodeRef<'_>>,
                p: NamedNodeRef<'_>,
                o: Option<oxigraph::model::TermRef<'_>>,
                g: Option<GraphNameRef<'_>>| {
        inner
            .quads_for_pattern(s, Some(p), o, g)
            .collect::<Result<Vec<_>, _>>()
    };
    let docs = read(None, rdf_type.as_ref(), Some(article.as_ref().into()), None)?;
    let mut tx = inner.start_transaction()?;
    for marker in &docs {
        let (NamedOrBlankNode::NamedNode(d), oxigraph::model::GraphName::NamedNode(g)) =
            (&marker.subject, &marker.graph_name)
        else {
            continue;
        };
        if d != g {
            continue;
        }
        let graph = GraphNameRef::NamedNode(g.as_ref());
        let mut quads = Vec::new();
        for (p, o) in &counted {
            quads.extend(read(
                None,
                p.as_ref(),
                o.as_ref().map(Term::as_ref),
                Some(graph),
            )?);
        }
        for local in [ENTITY_COUNT, FACT_COUNT, NEGATED_FACT_COUNT] {
            for quad in read(
                Some(d.as_ref().into()),
                term(NKG, local).as_ref(),
                None,
                Some(graph),
            )? {
                tx.remove(&quad);
            }
        }
        // The stance links go whole: each quad of each link node.
        for link in read(
            None,
            rdf_type.as_ref(),
            Some(stance_link.as_ref()),
            Some(graph),
        )? {
            for quad in
                inner.quads_for_pattern(Some(link.subject.as_ref()), None, None, Some(graph))
            {
                tx.remove(&quad?);
            }
        }
        for quad in doc_precomputed(d, &quads) {
            tx.insert(&quad);
        }
    }
    // The entity graph is where the entities are described: a store
    // written under another --base-iri has its own.
    let entity_type = term(NKG, "entityType");
    let eg = match inner
        .quads_for_pattern(None, Some(entity_type.as_ref()), None, None)
        .next()
        .transpose()?
    {
        Some(Quad {
            graph_name: oxigraph::model::GraphName::NamedNode(g),
            ..
        }) => g,
        _ => Ids::default().entities_graph(),
    };
    let mentions = read(None, term(NKG, "mentionCount").as_ref(), None, None)?;
    let mut totals = EntityTotals::new(mentions.iter().filter_map(|q| match &q.subject {
        NamedOrBlankNode::NamedNode(e) => Some(e.as_str().to_owned()),
        _ => None,
    }));
    for quad in &mentions {
        if let (NamedOrBlankNode::NamedNode(e), Term::Literal(n)) = (&quad.subject, &quad.object) {
            totals.add(e.as_str(), n.value());
        }
    }
    // Every stored total goes, also those of entities no document
    // mentions any more.
    for local in TOTAL_PREDICATES {
        for quad in read(None, term(NKG, local).as_ref(), None, None)? {
            tx.remove(&quad);
        }
    }
    for quad in totals.quads(&eg) {
        tx.insert(&quad);
    }
    tx.commit()?;
    // Flushed, or the whole recount stays in RocksDB's write-ahead log,
    // which every later read-only open replays (1.5 s more per query on
    // the 21k-article bench).
    #[cfg(feature = "rocksdb")]
    inner.flush()?;
    Ok(())
}

/// What [`rewrite_subject`] changed.
struct Rewritten {
    /// Quads inserted.
    added: usize,
    /// Quads removed.
    removed: usize,
    /// Whether a quad of one of the predicates watched was among them.
    watched: bool,
}

/// Makes the quads with subject `s` in graph `g` those of `quads`: removes
/// the others and inserts the missing ones; says how many, and whether one
/// of them has a predicate of `watch`. A batch used to remove an entity's description and write it
/// again, every one of its quads; most entities a batch mentions are known
/// and their descriptions unchanged (only their totals move), so for the 65
/// new articles among the last 100 of the bench that rewrote the 5,400
/// quads of 783 entities, and the batch's commit took 0.14 s of CPU where
/// it now takes 0.07 s. The store ends the same.
fn rewrite_subject(
    tx: &mut oxigraph::store::Transaction<'_>,
    s: NamedNodeRef<'_>,
    g: GraphNameRef<'_>,
    quads: &[Quad],
    watch: &[oxigraph::model::NamedNode],
) -> Result<Rewritten, StoreError> {
    let old = tx
        .quads_for_pattern(Some(s.into()), None, None, Some(g))
        .collect::<Result<HashSet<_>, _>>()?;
    let mut new: HashSet<&Quad> = quads.iter().collect();
    let mut done = Rewritten {
        added: 0,
        removed: 0,
        watched: false,
    };
    for quad in &old {
        if !new.contains(quad) {
            tx.remove(quad);
            done.removed += 1;
            done.watched |= watch.contains(&quad.predicate);
        }
    }
    for quad in quads {
        // Each quad once, even if `quads` repeats one.
        if new.remove(quad) && !old.contains(quad) {
            tx.insert(quad);
            done.added += 1;
            done.watched |= watch.contains(&quad.predicate);
        }
    }
    Ok(done)
}

/// Removes every quad with subject `s` in graph `g`; returns how many.
fn remove_subject(
    tx: &mut oxigraph::store::Transaction<'_>,
    s: NamedNodeRef<'_>,
    g: GraphNameRef<'_>,
) -> Result<usize, StoreError> {
    remove_matching(tx, s, None, g)
}

/// Removes every quad with subject `s` (and predicate `p`, if given) in
/// graph `g`; returns how many (read through the transaction, so what it
/// wrote before counts).
fn remove_matching(
    tx: &mut oxigraph::store::Transaction<'_>,
    s: NamedNodeRef<'_>,
    p: Option<NamedNodeRef<'_>>,
    g: GraphNameRef<'_>,
) -> Result<usize, StoreError> {
    let old = tx
        .quads_for_pattern(Some(s.into()), p, None, Some(g))
        .collect::<Result<Vec<_>, _>>()?;
    for quad in &old {
        tx.remove(quad);
    }
    Ok(old.len())
}

/// The RDF format named on the command line: `ttl`, `trig`, `nt`, `nq`,
/// `rdfxml`, `jsonld`, `n3` (and their usual long names and media types).
pub fn rdf_format(name: &str) -> Option<RdfFormat> {
    match name.to_ascii_lowercase().as_str() {
        "ttl" | "turtle" => Some(RdfFormat::Turtle),
        "trig" => Some(RdfFormat::TriG),
        "nt" | "ntriples" | "n-triples" => Some(RdfFormat::NTriples),
        "nq" | "nquads" | "n-quads" => Some(RdfFormat::NQuads),
        "rdfxml" | "rdf" | "xml" | "owl" => Some(RdfFormat::RdfXml),
        "jsonld" | "json-ld" => Some(RdfFormat::JsonLd {
            profile: JsonLdProfileSet::empty(),
        }),
        "n3" => Some(RdfFormat::N3),
        other => RdfFormat::from_media_type(other).or_else(|| RdfFormat::from_extension(other)),
    }
}

/// Writes `quads` in `format` with the model's prefixes; formats without
/// graphs get each distinct triple once (the union of the graphs).
pub fn write_quads(
    quads: &[Quad],
    format: RdfFormat,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    serialize(quads.iter().map(|q| Ok(q.clone())), format, out)
}

fn serialize(
    quads: impl Iterator<Item = Result<Quad, StoreError>>,
    format: RdfFormat,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let mut serializer = RdfSerializer::from_format(format);
    for (prefix, iri) in PREFIXES {
        serializer =
            serializer
                .with_prefix(prefix, iri)
                .map_err(|source| StoreError::BadBaseIri {
                    base: iri.to_owned(),
                    source,
                })?;
    }
    let mut writer = serializer.for_writer(out);
    if format.supports_datasets() {
        for quad in quads {
            writer.serialize_quad(&quad?).map_err(StoreError::Write)?;
        }
    } else {
        let mut seen: HashSet<Triple> = HashSet::new();
        for quad in quads {
            let quad = quad?;
            let triple = Triple::new(quad.subject, quad.predicate, quad.object);
            if seen.contains(&triple) {
                continue;
            }
            writer
                .serialize_triple(&triple)
                .map_err(StoreError::Write)?;
            seen.insert(triple);
        }
    }
    writer.finish().map_err(StoreError::Write)?;
    Ok(())
}

/// The predicates of `id:graph/entities` an entity is rebuilt from (see
/// [`EntityRecords`]).
pub(super) const DESCRIPTION_PREDICATES: [(&str, &str); 5] = [
    (RDFS, "label"),
    (SCHEMA, "alternateName"),
    (SCHEMA, "jobTitle"),
    (NKG, "entityType"),
    (NKG, "subtype"),
];

/// The `nkg:mentionCount` quads read back, which every document graph
/// writes beside each `schema:mentions` of an entity: the total per entity
/// IRI and, per document graph, the entities it mentions. Shared by the
/// local and the remote store, so that both rebuild the resolver alike.
#[derive(Default)]
pub(super) struct MentionTally {
    totals: HashMap<String, usize>,
    by_doc: BTreeMap<String, Vec<EntityId>>,
}

impl MentionTally {
    /// One quad `<entity> nkg:mentionCount "count"` in graph `<graph>`.
    pub(super) fn add(&mut self, base: &Ids, graph: &str, entity: &str, count: &str) {
        if let Ok(n) = count.parse::<usize>() {
            *self.totals.entry(entity.to_owned()).or_default() += n;
        }
        if let Some(id) = base.entity_id(entity) {
            self.by_doc.entry(graph.to_owned()).or_default().push(id);
        }
    }

    /// Mentions of each entity (by IRI) over all documents, and for each
    /// document (in the order of their graph IRIs) the entities it mentions.
    pub(super) fn finish(self) -> (HashMap<String, usize>, Vec<Vec<EntityId>>) {
        (self.totals, self.by_doc.into_values().collect())
    }
}

/// Entities rebuilt from their descriptions in `id:graph/entities` (the
/// literals of [`DESCRIPTION_PREDICATES`]), in the order of their IRIs, the
/// order the resolver gets them in from either store.
/// Calls `f` with the graph, entity and count of every `nkg:mentionCount`
/// quad of a named graph of `store` (one pass, in the store's order).
/// Returns whether some such quad is in another graph (the default graph,
/// or one named by a blank node).
pub(super) fn read_mention_counts(
    store: &oxigraph::store::Store,
    mut f: impl FnMut(&str, &str, &str),
) -> Result<bool, StoreError> {
    let count = term(NKG, "mentionCount");
    let mut elsewhere = false;
    for quad in store.quads_for_pattern(None, Some(count.as_ref()), None, None) {
        let quad = quad?;
        match (&quad.graph_name, &quad.subject, &quad.object) {
            (
                oxigraph::model::GraphName::NamedNode(g),
                NamedOrBlankNode::NamedNode(e),
                Term::Literal(n),
            ) => f(g.as_str(), e.as_str(), n.value()),
            (oxigraph::model::GraphName::NamedNode(_), _, _) => {}
            _ => elsewhere = true,
        }
    }
    Ok(elsewhere)
}

/// Feeds `records` every entity description of `store`'s entities graph:
/// one pass per predicate an entity is rebuilt from (skipping rdf:type and
/// schema:name, a copy of the label, saves decoding their quads).
pub(super) fn read_descriptions(
    store: &oxigraph::store::Store,
    ids: &Ids,
    records: &mut EntityRecords,
) -> Result<(), StoreError> {
    let graph = ids.entities_graph();
    for predicate in DESCRIPTION_PREDICATES {
        let predicate = term(predicate.0, predicate.1);
        for quad in store.quads_for_pattern(
            None,
            Some(predicate.as_ref()),
            None,
            Some(graph.as_ref().into()),
        ) {
            let quad = quad?;
            if let (NamedOrBlankNode::NamedNode(s), Term::Literal(value)) =
                (&quad.subject, &quad.object)
            {
                records.add(s.as_str(), predicate.as_str(), value.value());
            }
        }
    }
    Ok(())
}

pub(super) struct EntityRecords<'a> {
    base: &'a Ids,
    totals: HashMap<String, usize>,
    by_iri: BTreeMap<String, Entity>,
}

impl<'a> EntityRecords<'a> {
    /// No entity yet; `totals` are the mentions of each entity IRI.
    pub(super) fn new(base: &'a Ids, totals: HashMap<String, usize>) -> EntityRecords<'a> {
        EntityRecords {
            base,
            totals,
            by_iri: BTreeMap::new(),
        }
    }

    /// One description quad: `<subject> <predicate> "value"`. Subjects
    /// outside the entity IRIs and other predicates are passed over.
    pub(super) fn add(&mut self, subject: &str, predicate: &str, value: &str) {
        let Some(field) = DESCRIPTION_PREDICATES
            .iter()
            .position(|(ns, local)| predicate.strip_prefix(ns) == Some(local))
        else {
            return;
        };
        let Some(id) = self.base.entity_id(subject) else {
            return;
        };
        let totals = &self.totals;
        let entity = self
            .by_iri
            .entry(subject.to_owned())
            .or_insert_with(|| Entity {
                id,
                label: String::new(),
                label_type: EntityLabel::Misc,
                subtype: None,
                aliases: BTreeSet::new(),
                titles: BTreeSet::new(),
                mentions: totals.get(subject).copied().unwrap_or(0),
            });
        let value = value.to_owned();
        // In the order of DESCRIPTION_PREDICATES.
        match field {
            0 => entity.label = value,
            1 => {
                entity.aliases.insert(value);
            }
            2 => {
                entity.titles.insert(value);
            }
            3 => {
                entity.label_type = match value.as_str() {
                    "Person" => EntityLabel::Person,
                    "Organization" => EntityLabel::Organization,
                    "Place" => EntityLabel::Place,
                    _ => EntityLabel::Misc,
                }
            }
            _ => entity.subtype = Some(value),
        }
    }

    /// The entities, in the order of their IRIs.
    pub(super) fn finish(self) -> Vec<Entity> {
        self.by_iri.into_values().collect()
    }

    /// The entities by IRI.
    pub(super) fn into_map(self) -> BTreeMap<String, Entity> {
        self.by_iri
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rdf::mapping::tests::{run, sample};

    const TEXT: &str = "Ann Lee rejected the plan. Acme did not confirm the deal.";

    fn ingest(store: &Store, source: &str, text: &str) -> IngestOutcome {
        let (facts, ids, entities) = sample(source, text);
        let refs: Vec<&Entity> = entities.iter().collect();
        match store.ingest(&facts, &ids, &refs, &run()) {
            Ok(done) => done.outcome,
            Err(e) => panic!("ingest failed: {e}"),
        }
    }

    fn count(store: &Store) -> usize {
        store.len().unwrap_or(usize::MAX)
    }

    #[test]
    fn ingest_is_idempotent_and_replaces_by_source() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        assert_eq!(ingest(&store, "a.txt", TEXT), IngestOutcome::New);
        let once = count(&store);
        assert!(once > 30, "{once} quads");
        assert_eq!(ingest(&store, "a.txt", TEXT), IngestOutcome::Unchanged);
        assert_eq!(count(&store), once);
        // Changed content from the same source replaces the document.
        let changed = "Ann Lee rejected the proposal. Acme did not confirm the deal.";
        assert_eq!(ingest(&store, "a.txt", changed), IngestOutcome::Replaced);
        assert_eq!(store.document_count().ok(), Some(1));
        let dump = {
            let mut out = Vec::new();
            assert!(store.export(RdfFormat::NQuads, &mut out).is_ok());
            String::from_utf8_lossy(&out).into_owned()
        };
        assert!(dump.contains("rejected the proposal"));
        assert!(!dump.contains("rejected the plan"), "the old graph is gone");
        assert_eq!(count(&store), once, "same shape, same quad count");
        // A second source adds a document; the entities stay one each.
        assert_eq!(ingest(&store, "b.txt", TEXT), IngestOutcome::New);
        assert_eq!(store.document_count().ok(), Some(2));
        let entities = store.entities().unwrap_or_default();
        assert_eq!(entities.len(), 2);
        let ann = entities.iter().find(|e| e.id.0 == "ann-lee");
        assert_eq!(ann.map(|e| e.mentions), Some(4));
        assert_eq!(ann.map(|e| e.label_type), Some(EntityLabel::Person));
        assert!(ann.is_some_and(|e| e.aliases.contains("Lee") && e.titles.contains("minister")));
    }

    #[test]
    fn a_replacement_drops_entities_no_document_mentions_any_more() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        assert_eq!(ingest(&store, "a.txt", TEXT), IngestOutcome::New);
        let before = count(&store);
        // The new version mentions only Ann Lee: Acme's description goes.
        let (mut facts, mut ids, mut entities) = sample("a.txt", "Ann Lee rejected the plan.");
        facts.entities.truncate(1);
        ids.truncate(1);
        entities.truncate(1);
        let refs: Vec<&Entity> = entities.iter().collect();
        let done = store.ingest(&facts, &ids, &refs, &run()).ok();
        assert_eq!(
            done.as_ref().map(|d| d.outcome),
            Some(IngestOutcome::Replaced)
        );
        // What the resolver must forget: the old version's two entities, and
        // Acme, which no document mentions now.
        let done = done.unwrap_or_else(|| panic!("no outcome"));
        let names = |ids: &[EntityId]| {
            let mut v: Vec<String> = ids.iter().map(|i| i.0.clone()).collect();
            v.sort();
            v
        };
        assert_eq!(
            done.dropped_documents
                .iter()
                .map(|d| names(d))
                .collect::<Vec<_>>(),
            [["acme", "ann-lee"]]
        );
        assert_eq!(names(&done.dropped_entities), ["acme"]);
        assert_eq!(
            store.document_mentions().ok(),
            Some(vec![vec![EntityId("ann-lee".into())]])
        );
        let left: Vec<String> = store
            .entities()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.id.0)
            .collect();
        assert_eq!(left, ["ann-lee"]);
        assert!(count(&store) < before);
        // A third document about Acme from elsewhere brings it back.
        assert_eq!(ingest(&store, "c.txt", TEXT), IngestOutcome::New);
        assert_eq!(store.entities().map(|e| e.len()).ok(), Some(2));
    }

    #[test]
    fn exports_reimport_with_the_same_quad_count() {
        let Ok(store) = Store::in_memory() else {
            panic!("no store")
        };
        ingest(&store, "a.txt", TEXT);
        ingest(
            &store,
            "b.txt",
            "Ann Lee praised Acme. Acme did not confirm the plan.",
        );
        let quads = count(&store);
        let jsonld = rdf_format("jsonld").unwrap_or(RdfFormat::NQuads);
        for format in [RdfFormat::TriG, RdfFormat::NQuads, jsonld] {
            let mut out = Vec::new();
            assert!(store.export(format, &mut out).is_ok());
            let Ok(copy) = Store::in_memory() else {
                panic!()
            };
            if let Err(e) = copy.import(format, out.as_slice()) {
                panic!("{format}: {e}");
            }
            assert_eq!(count(&copy), quads, "{format}");
        }
        // Turtle holds the union: the distinct triples.
        let distinct: HashSet<String> = store
            .oxigraph()
            .iter()
            .filter_map(Result::ok)
            .map(|q| Triple::new(q.subject, q.predicate, q.object).to_string())
            .collect();
        for format in [RdfFormat::Turtle, RdfFormat::NTriples, RdfFormat::RdfXml] {
            let mut out = Vec::new();
            assert!(store.export(format, &mut out).is_ok());
            let Ok(copy) = Store::in_memory() else {
                panic!()
            };
            if let Err(e) = copy.import(format, out.as_slice()) {
                panic!("{format}: {e}");
            }
            assert_eq!(count(&copy), distinct.len(), "{format}");
        }
    }

    fn dump(store: &Store) -> Vec<String> {
        let mut out = Vec::new();
        assert!(store.export(RdfFormat::NQuads, &mut out).is_ok());
        let mut lines: Vec<String> = String::from_utf8_lossy(&out)
            .lines()
            .map(str::to_owned)
            .collect();
        lines.sort();
        lines
    }

    fn batch_of(store: &Store, docs: &[(&str, &str)]) -> Batch {
        let mut batch = Batch::new();
        for (source, text) in docs {
            let (facts, ids, entities) = sample(source, text);
            let refs: Vec<&Entity> = entities.iter().collect();
            store.add_to_batch(&mut batch, &facts, &ids, &refs, &run());
        }
        batch
    }

    const OTHER: &str = "Ann Lee praised Acme. Acme did not confirm the plan.";

    /// A batch stores what a transaction per document stores.
    #[test]
    fn a_batch_stores_what_transactions_store() {
        let (Ok(one_by_one), Ok(batched)) = (Store::in_memory(), Store::in_memory()) else {
            panic!("no store")
        };
        ingest(&one_by_one, "a.txt", TEXT);
        ingest(&one_by_one, "b.txt", OTHER);
        let batch = batch_of(&batched, &[("a.txt", TEXT), ("b.txt", OTHER)]);
        assert_eq!(batch.len(), 2);
        assert!(batch.has_source("b.txt") && !batch.has_source("c.txt"));
        assert!(batched.commit_batch(batch).is_ok());
        assert_eq!(dump(&batched), dump(&one_by_one));
        assert_eq!(batched.document_count().ok(), Some(2));
        // Then it is stored: a second ingest changes nothing.
        assert_eq!(ingest(&batched, "b.txt", OTHER), IngestOutcome::Unchanged);
    }

    /// Compaction changes the files, not what the store holds: two bulk
    /// loaded batches read the same before and after it, and stay stored.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn compaction_keeps_every_quad() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kg.db");
        let before;
        {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            for docs in [[("a.txt", TEXT)], [("b.txt", OTHER)]] {
                let batch = batch_of(&store, &docs);
                assert!(store.commit_batch(batch).is_ok());
            }
            before = dump(&store);
            assert!(store.flush().is_ok() && store.compact().is_ok());
            assert_eq!(dump(&store), before);
        }
        let store = Store::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dump(&store), before);
        assert_eq!(store.document_count().ok(), Some(2));
    }

    /// A crash between a batch's bulk load and its markers: the next open
    /// (here a reader's) removes the unmarked graphs, the bulk loader's
    /// leftover files and the list, and keeps what was committed.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn an_interrupted_batch_is_removed_when_the_store_is_next_opened() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kg.db");
        let committed;
        {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            let first = batch_of(&store, &[("a.txt", TEXT)]);
            assert!(store.commit_batch(first).is_ok());
            committed = dump(&store);
            // The second batch, as `commit_batch` leaves it at its crash.
            let second = batch_of(&store, &[("b.txt", OTHER)]);
            assert!(write_pending(&path.join(PENDING_FILE), &second.markers).is_ok());
            let mut loader = store.inner.bulk_loader();
            assert!(loader.load_quads(second.quads).is_ok());
            assert!(loader.commit().is_ok());
            assert!(dump(&store).len() > committed.len());
            assert!(std::fs::write(path.join("bulk-42.sst"), b"left by a kill").is_ok());
        }
        let store = Store::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(dump(&store), committed);
        assert!(!path.join(PENDING_FILE).exists());
        assert!(!path.join("bulk-42.sst").exists());
    }

    /// A document of `source` naming `people`: each an entity id, its label
    /// and type (the sample's two entities, renamed).
    #[cfg(feature = "rocksdb")]
    fn doc_naming(
        source: &str,
        text: &str,
        people: [(&str, &str, EntityLabel); 2],
    ) -> (DocFacts, Vec<EntityId>, Vec<Entity>) {
        let (mut facts, mut ids, mut entities) = sample(source, text);
        for (i, (id, label, kind)) in people.into_iter().enumerate() {
            facts.entities[i].label = label.into();
            facts.entities[i].label_type = kind;
            ids[i] = EntityId(id.into());
            entities[i].id = ids[i].clone();
            entities[i].label = label.into();
            entities[i].label_type = kind;
            entities[i].aliases = [format!("{label} ({source})")].into();
        }
        (facts, ids, entities)
    }

    /// Two documents naming two entities each ("Ana Ruiz met Vantor.",
    /// "Jan Brandt left Kessel."): the first batch of several tests.
    #[cfg(feature = "rocksdb")]
    fn two_documents() -> Vec<(DocFacts, Vec<EntityId>, Vec<Entity>)> {
        vec![
            doc_naming(
                "a.txt",
                "Ana Ruiz met Vantor.",
                [("ana-ruiz", "Ana Ruiz", PERSON), ("vantor", "Vantor", ORG)],
            ),
            doc_naming(
                "b.txt",
                "Jan Brandt left Kessel.",
                [
                    ("jan-brandt", "Jan Brandt", PERSON),
                    ("kessel", "Kessel", ORG),
                ],
            ),
        ]
    }

    #[cfg(feature = "rocksdb")]
    const PERSON: EntityLabel = EntityLabel::Person;
    #[cfg(feature = "rocksdb")]
    const ORG: EntityLabel = EntityLabel::Organization;

    /// What a pass over the store reads (not the store's own state or
    /// snapshot), in the resolver's terms.
    #[cfg(feature = "rocksdb")]
    fn scanned(store: &Store) -> (Vec<Entity>, Vec<Vec<EntityId>>) {
        ResolverState::scan(&store.inner, &store.ids)
            .unwrap_or_else(|e| panic!("{e}"))
            .resolver_input(&store.ids)
    }

    #[cfg(feature = "rocksdb")]
    fn record(path: &Path) -> String {
        std::fs::read_to_string(path.join(super::version::VERSION_FILE)).unwrap_or_default()
    }

    /// Whether the resolver's start came from the snapshot.
    #[cfg(feature = "rocksdb")]
    fn from_snapshot(store: &Store) -> bool {
        store.session().loaded.is_some()
    }

    #[cfg(feature = "rocksdb")]
    fn ingest_one(store: &Store, doc: (DocFacts, Vec<EntityId>, Vec<Entity>)) -> Ingested {
        let (facts, ids, entities) = doc;
        let refs: Vec<&Entity> = entities.iter().collect();
        store
            .ingest(&facts, &ids, &refs, &run())
            .unwrap_or_else(|e| panic!("{e}"))
    }

    #[cfg(feature = "rocksdb")]
    fn commit(store: &Store, docs: Vec<(DocFacts, Vec<EntityId>, Vec<Entity>)>) {
        let mut batch = Batch::new();
        for (facts, ids, entities) in docs {
            let refs: Vec<&Entity> = entities.iter().collect();
            store.add_to_batch(&mut batch, &facts, &ids, &refs, &run());
        }
        store.commit_batch(batch).unwrap_or_else(|e| panic!("{e}"));
    }

    /// Three ingest sessions, each as `newskg ingest` does it (read the
    /// resolver's start, write batches and single-document transactions,
    /// flush, save the snapshot): the state a writer keeps up to date
    /// through its writes, the snapshot the next session loads, and what a
    /// reader reads are each what a pass over the store reads, entity for
    /// entity and document for document; and the sessions after the first
    /// start from the snapshot.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn the_resolver_snapshot_is_what_a_pass_over_the_store_reads() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kg.db");
        type Session = Box<dyn Fn(&Store)>;
        let sessions: Vec<Session> = vec![
            Box::new(|store| {
                commit(store, two_documents());
                // A new document in a transaction of its own.
                let done = ingest_one(
                    store,
                    doc_naming(
                        "c.txt",
                        "Ana Ruiz praised Kessel.",
                        [("ana-ruiz", "Ana Ruiz", PERSON), ("kessel", "Kessel", ORG)],
                    ),
                );
                assert_eq!(done.outcome, IngestOutcome::New);
            }),
            Box::new(|store| {
                commit(
                    store,
                    vec![doc_naming(
                        "d.txt",
                        "Ana Ruiz visited Tollund.",
                        [
                            ("ana-ruiz", "Ana Ruiz", PERSON),
                            ("tollund", "Tollund", ORG),
                        ],
                    )],
                );
                // Both again, their records as stored: only their totals
                // change, and the state is not read again for them.
                let (facts, ids, mut entities) = doc_naming(
                    "e.txt",
                    "Ana Ruiz left Tollund.",
                    [
                        ("ana-ruiz", "Ana Ruiz", PERSON),
                        ("tollund", "Tollund", ORG),
                    ],
                );
                for e in &mut entities {
                    e.aliases = [format!("{} (d.txt)", e.label)].into();
                }
                commit(store, vec![(facts, ids, entities)]);
                // A new version of a.txt no longer names Vantor: its
                // description goes, and Ana Ruiz's mentions change.
                let done = ingest_one(
                    store,
                    doc_naming(
                        "a.txt",
                        "Ana Ruiz met Jan Brandt.",
                        [
                            ("ana-ruiz", "Ana Ruiz", PERSON),
                            ("jan-brandt", "Jan Brandt", PERSON),
                        ],
                    ),
                );
                assert_eq!(done.outcome, IngestOutcome::Replaced);
                assert_eq!(done.dropped_entities, [EntityId("vantor".into())]);
            }),
            Box::new(|_| {}),
        ];
        for (i, session) in sessions.iter().enumerate() {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            // The open took the token out of the record before anything.
            assert!(
                !record(&path).contains("resolver-snapshot"),
                "{}",
                record(&path)
            );
            let start = store
                .entities_and_documents()
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(from_snapshot(&store), i > 0, "session {i}");
            assert_eq!(start, scanned(&store), "session {i}: the start");
            // The start an ingest reads: the same, documents by position.
            let (entities, documents) = start.clone();
            assert_eq!(
                store.resolver_start().ok(),
                Some((
                    entities.clone(),
                    super::super::ingest_store::positions(&entities, documents)
                )),
                "session {i}: the start by position"
            );
            session(&store);
            // The state kept through the writes is what a pass reads now.
            let kept = store
                .entities_and_documents()
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(kept, scanned(&store), "session {i}: after its writes");
            assert!(store.flush().is_ok());
            store
                .save_resolver_snapshot()
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(record(&path).contains("resolver-snapshot: "));
            drop(store);
            // A reader reads the store itself, and gets the same.
            let reader = Store::open_read_only(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(reader.entities_and_documents().ok(), Some(kept));
        }
        let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let (entities, documents) = store.entities_and_documents().unwrap_or_default();
        assert!(from_snapshot(&store));
        let names: Vec<&str> = entities.iter().map(|e| e.id.0.as_str()).collect();
        assert_eq!(names, ["ana-ruiz", "jan-brandt", "kessel", "tollund"]);
        assert_eq!(documents.len(), 5);
    }

    /// The entity totals a store folder keeps through an ingest's writes
    /// (batches sum them from the resolver's state, a replacement reads them
    /// in its transaction) are at each step what a recount of the whole
    /// store gives: the popular entity of several batches, an entity whose
    /// last document is replaced away, and its return in a later batch.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn totals_kept_through_writes_are_a_recount() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::open(&dir.path().join("kg.db")).unwrap_or_else(|e| panic!("{e}"));
        // Each step starts as an ingest does, reading the resolver's start,
        // so the store keeps the state its batches sum from.
        let track = |store: &Store| {
            assert!(store.entities_and_documents().is_ok());
            assert!(store.tracking());
        };
        let recounted = |store: &Store, step: &str| {
            let kept = dump(store);
            store.recount().unwrap_or_else(|e| panic!("{e}"));
            let counted = dump(store);
            assert!(
                kept == counted,
                "{step}: kept {:?}, recounted {:?}",
                kept.iter()
                    .filter(|q| !counted.contains(q))
                    .collect::<Vec<_>>(),
                counted
                    .iter()
                    .filter(|q| !kept.contains(q))
                    .collect::<Vec<_>>()
            );
            kept
        };
        let total = |quads: &[String], entity: &str| -> Option<String> {
            quads
                .iter()
                .find(|q| {
                    q.starts_with(&format!(
                        "<{}entity/{entity}> <{NKG}totalMentions>",
                        Ids::default().base()
                    ))
                })
                .and_then(|q| q.split('"').nth(1).map(str::to_owned))
        };
        track(&store);
        commit(&store, two_documents());
        let quads = recounted(&store, "first batch");
        assert_eq!(total(&quads, "ana-ruiz").as_deref(), Some("2"));
        track(&store);
        commit(
            &store,
            vec![doc_naming(
                "d.txt",
                "Ana Ruiz visited Vantor.",
                [("ana-ruiz", "Ana Ruiz", PERSON), ("vantor", "Vantor", ORG)],
            )],
        );
        let quads = recounted(&store, "second batch");
        assert_eq!(total(&quads, "ana-ruiz").as_deref(), Some("4"));
        assert_eq!(total(&quads, "vantor").as_deref(), Some("2"));
        // a.txt again, naming other people: Vantor keeps one document.
        track(&store);
        let done = ingest_one(
            &store,
            doc_naming(
                "a.txt",
                "Jan Brandt met Kessel.",
                [
                    ("jan-brandt", "Jan Brandt", PERSON),
                    ("kessel", "Kessel", ORG),
                ],
            ),
        );
        assert_eq!(done.outcome, IngestOutcome::Replaced);
        let quads = recounted(&store, "replacement");
        assert_eq!(total(&quads, "ana-ruiz").as_deref(), Some("2"));
        assert_eq!(total(&quads, "vantor").as_deref(), Some("1"));
        assert_eq!(total(&quads, "jan-brandt").as_deref(), Some("4"));
        // d.txt replaced too: Vantor's last document goes, then it returns.
        track(&store);
        let done = ingest_one(
            &store,
            doc_naming(
                "d.txt",
                "Ana Ruiz visited Kessel.",
                [("ana-ruiz", "Ana Ruiz", PERSON), ("kessel", "Kessel", ORG)],
            ),
        );
        assert_eq!(done.dropped_entities, [EntityId("vantor".into())]);
        let quads = recounted(&store, "last mention replaced");
        assert_eq!(total(&quads, "vantor"), None);
        track(&store);
        commit(
            &store,
            vec![doc_naming(
                "e.txt",
                "Vantor hired Ana Ruiz.",
                [("vantor", "Vantor", ORG), ("ana-ruiz", "Ana Ruiz", PERSON)],
            )],
        );
        let quads = recounted(&store, "a batch after the replacements");
        assert_eq!(total(&quads, "vantor").as_deref(), Some("2"));
        assert_eq!(total(&quads, "ana-ruiz").as_deref(), Some("3"));
        // A mention count in the default graph, as a load of a Turtle export
        // leaves them: the totals count it, though the state does not hold
        // it, so the next batch reads the store.
        let vantor = store.ids.entity(&EntityId("vantor".into()));
        let quad = format!(
            "<{}> <{NKG}mentionCount> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n",
            vantor.as_str()
        );
        assert!(store.import(RdfFormat::NQuads, quad.as_bytes()).is_ok());
        store.recount().unwrap_or_else(|e| panic!("{e}"));
        track(&store);
        assert!(!store
            .session()
            .state
            .as_ref()
            .is_some_and(ResolverState::holds_every_count));
        commit(
            &store,
            vec![doc_naming(
                "f.txt",
                "Vantor hired Jan Brandt.",
                [
                    ("vantor", "Vantor", ORG),
                    ("jan-brandt", "Jan Brandt", PERSON),
                ],
            )],
        );
        let quads = recounted(&store, "a batch with a count in the default graph");
        assert_eq!(total(&quads, "vantor").as_deref(), Some("9"));
    }

    /// The quad count a store folder keeps through its writes, instead of
    /// counting for the ingest's summary, is what counting gives after each
    /// kind of write: a new store, batches, a document in a transaction, a
    /// replacement that drops an entity, an unchanged one; in the next
    /// session from the snapshot; and, where a write cannot tell what it
    /// added (a graph already holding quads without a marker, as a `load`
    /// may leave), or after another writer, it is counted again.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn the_quad_count_kept_through_writes_is_what_counting_gives() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kg.db");
        let known = |store: &Store| store.session().quads;
        let kept = |store: &Store, step: &str| {
            let counted = store.len().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(known(store), Some(counted), "{step}");
            assert_eq!(store.quad_count().ok(), Some(counted), "{step}");
        };
        {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            kept(&store, "a new store");
            assert!(store.entities_and_documents().is_ok());
            commit(&store, two_documents());
            kept(&store, "a batch");
            let done = ingest_one(
                &store,
                doc_naming(
                    "c.txt",
                    "Ana Ruiz praised Kessel.",
                    [("ana-ruiz", "Ana Ruiz", PERSON), ("kessel", "Kessel", ORG)],
                ),
            );
            assert_eq!(done.outcome, IngestOutcome::New);
            kept(&store, "a new document alone");
            let replacement = doc_naming(
                "a.txt",
                "Ana Ruiz met Jan Brandt.",
                [
                    ("ana-ruiz", "Ana Ruiz", PERSON),
                    ("jan-brandt", "Jan Brandt", PERSON),
                ],
            );
            let done = ingest_one(&store, replacement.clone());
            assert_eq!(done.dropped_entities, [EntityId("vantor".into())]);
            kept(&store, "a replacement");
            let done = ingest_one(&store, replacement);
            assert_eq!(done.outcome, IngestOutcome::Unchanged);
            kept(&store, "unchanged");
            assert!(store.flush().is_ok() && store.save_resolver_snapshot().is_ok());
        }
        let leftover = doc_naming(
            "t.txt",
            "Tollund hired Ana Ruiz.",
            [
                ("tollund", "Tollund", ORG),
                ("ana-ruiz", "Ana Ruiz", PERSON),
            ],
        );
        {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(known(&store), None, "known before the snapshot is read");
            assert!(store.entities_and_documents().is_ok());
            assert!(from_snapshot(&store));
            kept(&store, "from the snapshot");
            // Another writer: a quad in the graph of a document not stored.
            let d = store.ids.doc(&leftover.0.analyzed.doc.id);
            let quad = format!(
                "<{}> <{SCHEMA}headline> \"Draft\" <{}> .\n",
                d.as_str(),
                d.as_str()
            );
            assert!(store.import(RdfFormat::NQuads, quad.as_bytes()).is_ok());
            assert_eq!(known(&store), None, "after another writer");
            kept_after_count(&store, "counted after another writer");
            assert!(store.entities_and_documents().is_ok());
            commit(&store, vec![leftover.clone()]);
            assert_eq!(known(&store), None, "a batch into a graph not empty");
            kept_after_count(&store, "counted after that batch");
            let done = ingest_one(
                &store,
                doc_naming(
                    "u.txt",
                    "Vantor came back.",
                    [("vantor", "Vantor", ORG), ("tollund", "Tollund", ORG)],
                ),
            );
            assert_eq!(done.outcome, IngestOutcome::New);
            kept(&store, "a new document after counting");
        }
    }

    /// Asserts that [`Store::quad_count`] counts the store and then knows it.
    #[cfg(feature = "rocksdb")]
    fn kept_after_count(store: &Store, step: &str) {
        let counted = store.len().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.quad_count().ok(), Some(counted), "{step}");
        assert_eq!(store.session().quads, Some(counted), "{step}");
    }

    /// A snapshot that does not describe the store is not used: the store
    /// was written after it by another writer (a load), by a session that
    /// never saved one (a crash after its writes), or the file is another
    /// snapshot, damaged, or written under another base IRI. Each time the
    /// start is what a pass over the store reads.
    #[cfg(feature = "rocksdb")]
    #[test]
    fn a_stale_resolver_snapshot_is_not_used() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("kg.db");
        let snapshot_file = path.join(snapshot::SNAPSHOT_FILE);
        let session = |write: &dyn Fn(&Store), save: bool| -> bool {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            let start = store
                .entities_and_documents()
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(start, scanned(&store));
            let used = from_snapshot(&store);
            write(&store);
            if save {
                assert!(store.flush().is_ok());
                store
                    .save_resolver_snapshot()
                    .unwrap_or_else(|e| panic!("{e}"));
            }
            used
        };
        let nothing = |_: &Store| {};
        let vantor = doc_naming(
            "a.txt",
            "Ana Ruiz met Vantor.",
            [("ana-ruiz", "Ana Ruiz", PERSON), ("vantor", "Vantor", ORG)],
        );
        session(&|store| commit(store, vec![vantor.clone()]), true);
        assert!(session(&nothing, true), "a fresh snapshot is used");

        // Another writer: quads loaded (as `newskg load` does) describing
        // and mentioning an entity the snapshot does not know.
        {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            let (facts, ids, entities) = doc_naming(
                "k.txt",
                "Kessel grew.",
                [
                    ("kessel", "Kessel", ORG),
                    ("jan-brandt", "Jan Brandt", PERSON),
                ],
            );
            let refs: Vec<&Entity> = entities.iter().collect();
            let mut nquads = Vec::new();
            let quads = super::super::mapping::doc_quads(&facts, &ids, &refs, &run());
            assert!(write_quads(&quads, RdfFormat::NQuads, &mut nquads).is_ok());
            store
                .import(RdfFormat::NQuads, nquads.as_slice())
                .unwrap_or_else(|e| panic!("{e}"));
        }
        assert!(snapshot_file.exists(), "the load left the file, stale");
        assert!(!session(&nothing, true), "not used after a load");
        let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let (entities, _) = store.entities_and_documents().unwrap_or_default();
        assert!(from_snapshot(&store), "the next ingest's snapshot is used");
        assert!(entities.iter().any(|e| e.id.0 == "jan-brandt"));
        drop(store);

        // A session that wrote and ended without saving (a crash after its
        // writes): the record names no snapshot, the old file is stale.
        let before = std::fs::read(&snapshot_file).unwrap_or_default();
        let tollund = doc_naming(
            "t.txt",
            "Tollund hired Ana Ruiz.",
            [
                ("tollund", "Tollund", ORG),
                ("ana-ruiz", "Ana Ruiz", PERSON),
            ],
        );
        session(&|store| commit(store, vec![tollund.clone()]), false);
        assert!(!record(&path).contains("resolver-snapshot"));
        assert_eq!(std::fs::read(&snapshot_file).ok(), Some(before.clone()));
        assert!(!session(&nothing, true), "not used after a crash");

        // The record's token with another snapshot's file (an older one
        // copied over it), a damaged file, a missing one.
        let current = std::fs::read(&snapshot_file).unwrap_or_default();
        for (what, bytes) in [
            ("older", Some(before)),
            ("damaged", Some(current[..current.len() - 1].to_vec())),
            ("missing", None),
        ] {
            match &bytes {
                Some(b) => assert!(std::fs::write(&snapshot_file, b).is_ok()),
                None => assert!(std::fs::remove_file(&snapshot_file).is_ok()),
            }
            assert!(!session(&nothing, true), "{what} snapshot used");
            assert!(session(&nothing, true), "the rewritten one is used");
        }

        // Another base IRI: the entities are other IRIs.
        {
            let ids = Ids::new("http://example.org/kg/").unwrap_or_default();
            let store = Store::open(&path)
                .unwrap_or_else(|e| panic!("{e}"))
                .with_ids(ids);
            let (entities, _) = store.entities_and_documents().unwrap_or_default();
            assert!(!from_snapshot(&store));
            assert!(entities.is_empty());
        }

        // (That writer's open took the token out of the record.)
        assert!(!session(&nothing, true));
        // Written through the oxigraph store underneath: given up, not saved.
        assert!(session(&nothing, true));
        {
            let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
            assert!(store.entities_and_documents().is_ok());
            assert!(from_snapshot(&store));
            let quad = Quad::new(
                store.ids.entity(&EntityId("ana-ruiz".into())),
                term(RDFS, "label"),
                oxigraph::model::Literal::from("Ana Ruiz Diaz"),
                store.ids.entities_graph(),
            );
            assert!(store.oxigraph().insert(&quad).is_ok());
            assert!(store.save_resolver_snapshot().is_ok());
            assert!(!record(&path).contains("resolver-snapshot"));
        }
        assert!(!session(&nothing, false));
    }

    #[test]
    fn format_names() {
        assert_eq!(rdf_format("ttl"), Some(RdfFormat::Turtle));
        assert_eq!(rdf_format("nq"), Some(RdfFormat::NQuads));
        assert_eq!(rdf_format("rdfxml"), Some(RdfFormat::RdfXml));
        assert_eq!(rdf_format("dot"), None);
    }

    #[cfg(not(feature = "rocksdb"))]
    #[test]
    fn no_disk_store_says_what_to_do() {
        let err = Store::open(Path::new("kg.db"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("kg.db") && err.contains("--store :memory:"),
            "{err}"
        );
    }
}
