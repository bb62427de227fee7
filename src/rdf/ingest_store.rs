//! [`IngestStore`]: what the storage half of an ingest asks of a store, so
//! that one code path (`pipeline::ingest` and `pipeline::ingest_docfacts`)
//! writes the local [`Store`] and a [`RemoteStore`] alike (issue 14, item
//! 2). The local store answers from oxigraph directly; the remote one over
//! HTTP (`remote.rs`).

use crate::extract::DocFacts;
use crate::input::DocId;
use crate::kg::{Entity, EntityId};

use super::remote::RemoteStore;
use super::store::{Batch, Ingested, RunInfo, Store};
use super::vocab::Ids;
use super::StoreError;

/// A store an ingest writes: the local [`Store`] or a [`RemoteStore`].
///
/// Documents go in as [`Store`] describes: new ones gathered in a [`Batch`]
/// and committed together, their completion markers last; one that
/// replaces an older version from its source through
/// [`IngestStore::ingest`]. A document counts as stored once its marker is.
/// Sealed: the ingest relies on these exact semantics, so only newskg's
/// stores implement it.
pub trait IngestStore: Sync + sealed::Sealed {
    /// The instance IRIs this store writes.
    fn ids(&self) -> &Ids;

    /// Records that `run`'s models write this store (called before
    /// anything is stored).
    fn record_models(&self, run: &RunInfo) -> Result<(), StoreError>;

    /// What the resolver starts from: every stored entity, and for each
    /// stored document the entities it mentions (see
    /// [`Store::entities_and_documents`]).
    fn entities_and_documents(&self) -> Result<(Vec<Entity>, Vec<Vec<EntityId>>), StoreError>;

    /// [`IngestStore::entities_and_documents`] with each document's entities
    /// given by their positions among the entities (see
    /// [`Store::resolver_start`]): what an ingest's resolver starts from.
    fn resolver_start(&self) -> Result<(Vec<Entity>, Vec<Vec<usize>>), StoreError> {
        let (entities, documents) = self.entities_and_documents()?;
        let documents = positions(&entities, documents);
        Ok((entities, documents))
    }

    /// Whether a document with this content is stored.
    fn contains_document(&self, id: &DocId) -> Result<bool, StoreError>;

    /// Whether a document from `source` other than `id` is stored.
    fn has_other_version(&self, source: &str, id: &DocId) -> Result<bool, StoreError>;

    /// Stores a batch of new documents, each whole or not at all.
    fn commit_batch(&self, batch: Batch) -> Result<(), StoreError>;

    /// Stores one document, replacing older versions from its source (see
    /// [`Store::ingest`]).
    fn ingest(
        &self,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) -> Result<Ingested, StoreError>;

    /// Quads in the store, for the ingest's summary (a store folder keeps
    /// the number instead of counting: [`Store::quad_count`]).
    fn quad_count(&self) -> Result<usize, StoreError>;

    /// Makes what the ingest stored durable and quick to open: called once
    /// at its end. A remote store has nothing to do.
    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Compacts the store's files, after [`IngestStore::flush`], when the
    /// ingest at least doubled the store (see [`Store::compact`]). A remote
    /// store has nothing to do.
    fn compact(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Saves what the next ingest's resolver starts from, after
    /// [`IngestStore::flush`] at the end of a successful ingest (see
    /// [`Store::save_resolver_snapshot`]). A remote store has nothing to do:
    /// it is read back as before.
    fn save_resolver_snapshot(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Adds a new document to `batch` (see [`Store::add_to_batch`]).
    fn add_to_batch(
        &self,
        batch: &mut Batch,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) {
        batch.add(self.ids(), doc, ids, entities, run);
    }
}

/// Each of `documents`' entity ids as the position of the last entity of
/// `entities` with that id (what the resolver looks an id up as), ids of no
/// entity left out; each document's sorted.
pub(super) fn positions(entities: &[Entity], documents: Vec<Vec<EntityId>>) -> Vec<Vec<usize>> {
    let mut position = std::collections::HashMap::with_capacity(entities.len());
    for (p, e) in entities.iter().enumerate() {
        position.insert(&e.id, p);
    }
    documents
        .iter()
        .map(|doc| {
            let mut doc: Vec<usize> = doc
                .iter()
                .filter_map(|id| position.get(id).copied())
                .collect();
            doc.sort_unstable();
            doc
        })
        .collect()
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Store {}
    impl Sealed for super::RemoteStore {}
}

impl IngestStore for Store {
    fn ids(&self) -> &Ids {
        Store::ids(self)
    }

    fn record_models(&self, run: &RunInfo) -> Result<(), StoreError> {
        Store::record_models(self, run)
    }

    fn entities_and_documents(&self) -> Result<(Vec<Entity>, Vec<Vec<EntityId>>), StoreError> {
        Store::entities_and_documents(self)
    }

    fn resolver_start(&self) -> Result<(Vec<Entity>, Vec<Vec<usize>>), StoreError> {
        Store::resolver_start(self)
    }

    fn contains_document(&self, id: &DocId) -> Result<bool, StoreError> {
        Store::contains_document(self, id)
    }

    fn has_other_version(&self, source: &str, id: &DocId) -> Result<bool, StoreError> {
        Store::has_other_version(self, source, id)
    }

    fn commit_batch(&self, batch: Batch) -> Result<(), StoreError> {
        Store::commit_batch(self, batch)
    }

    fn ingest(
        &self,
        doc: &DocFacts,
        ids: &[EntityId],
        entities: &[&Entity],
        run: &RunInfo,
    ) -> Result<Ingested, StoreError> {
        Store::ingest(self, doc, ids, entities, run)
    }

    fn quad_count(&self) -> Result<usize, StoreError> {
        Store::quad_count(self)
    }

    fn flush(&self) -> Result<(), StoreError> {
        Store::flush(self)
    }

    fn compact(&self) -> Result<(), StoreError> {
        Store::compact(self)
    }

    fn save_resolver_snapshot(&self) -> Result<(), StoreError> {
        Store::save_resolver_snapshot(self)
    }
}
