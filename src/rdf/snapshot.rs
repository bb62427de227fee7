//! The resolver snapshot (issue 14): what an ingest's resolver starts from,
//! kept in a file of the store folder so that an ingest into a large store
//! does not read it back quad by quad.
//!
//! An ingest's resolver starts from every entity's description and, for
//! each stored document, the entities it mentions
//! ([`Store::entities_and_documents`](super::Store::entities_and_documents)).
//! Read from the store, that is one pass over every `nkg:mentionCount` quad
//! and every entity description, each IRI decoded: 2.8 s of CPU on the
//! 21k-article bench, most of the 3.3 s by which an ingest of one article
//! there outlasted one into an empty store (README, "Incremental ingest"). [`ResolverState`] is that reading kept as the store holds it (the
//! mention-count quads of each document graph, the description of each
//! entity), so that it can be
//!
//! - built by that pass ([`ResolverState::scan`]);
//! - kept up to date by a writer: after each commit, the graphs and entities
//!   the commit wrote are read again from the store, with the same decoding
//!   as the pass ([`ResolverState::refresh`]), so the state stays what a pass
//!   would read, without a model of what the writes did;
//! - saved at the end of a successful ingest ([`SNAPSHOT_FILE`]) and loaded by
//!   the next one.
//!
//! # When a snapshot is used
//!
//! Only when it describes the store exactly. The version record
//! (`version.rs`) holds the token of the snapshot that does, if one does:
//!
//! - an ingest writes the snapshot (under another name, synced, renamed,
//!   folder synced), then the token into the record (synced likewise), after
//!   the store's last write and flush;
//! - every open of the store to write removes the token from the record
//!   (synced) before RocksDB is opened, so before anything can change the
//!   store; `ingest`, `load`, `upgrade`, updates (`query`/`serve
//!   --allow-update`) all open it so. A newskg older than the snapshot drops
//!   the token too, as it rewrites the record without the keys it does not
//!   know;
//! - an open that found the token keeps it in memory, and the ingest that
//!   opened the store loads the snapshot if the file's token is that token,
//!   nothing was written in between (a repair of an interrupted batch or an
//!   upgrade at the open counts as a write), and the base IRI is the same;
//!   otherwise it reads the store as before.
//!
//! The snapshot also holds how many quads the store holds, for the
//! ingest's summary line, which otherwise counts all of them (0.47 s on the
//! 21k-article bench): the store keeps that number through its writes
//! (`Store::quad_count`) and saves it here with the state.
//!
//! So a crash at any moment leaves either a record without a token (the
//! snapshot, if any, is ignored; the next ingest reads the store and writes a
//! new one) or a token whose snapshot was complete on disk before the token
//! was. Readers never write the record or the snapshot. The snapshot is not
//! RDF: `export` and `query` never see it, and a copy of the store folder
//! copies the record and the snapshot with the store, so the copy's token
//! still describes the copy.

use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::path::Path;

use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Term};
use sha2::{Digest, Sha256};

use crate::kg::{Entity, EntityId};
use crate::nlp::EntityLabel;

use super::counts::{mention_count, EntityTotals};
use super::store::{EntityRecords, DESCRIPTION_PREDICATES};
use super::vocab::{term, Ids, NKG};
use super::StoreError;

/// The snapshot's file name in the store folder.
pub const SNAPSHOT_FILE: &str = "newskg.resolver";

/// The first bytes of a snapshot, with the layout's version: 2 holds the
/// store's quad count and whether mention counts lie outside named graphs,
/// after the base IRI. A snapshot of layout 1 is not read (the store is
/// read instead, once).
const MAGIC: &[u8] = b"newskg resolver snapshot 2\n";

/// What [`Store::entities_and_documents`](super::Store::entities_and_documents)
/// reads from a store, as the store holds it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct ResolverState {
    /// The instance base the entity IRIs were read under.
    base: String,
    /// The subjects of the mention counts, each once.
    iris: Vec<String>,
    /// The index of each in `iris`.
    index: HashMap<String, u32>,
    /// For each named graph holding `nkg:mentionCount` quads, those quads
    /// (subject, count if it is a number), in the store's order.
    mentions: BTreeMap<String, Vec<(u32, Option<usize>)>>,
    /// Each entity described in the entity graph, by IRI, as
    /// [`EntityRecords`] rebuilds it (its `mentions` left at 0: they are the
    /// sums of `mentions` when the state is read).
    entities: BTreeMap<String, Entity>,
    /// Whether the store holds `nkg:mentionCount` quads outside named
    /// graphs (only quads from elsewhere do: a `load` of a Turtle export puts
    /// them in the default graph), which `mentions` leaves out but the
    /// totals count. An ingest writes named graphs only, so it stays as the
    /// scan found it.
    counts_elsewhere: bool,
}

impl ResolverState {
    fn empty(ids: &Ids) -> ResolverState {
        ResolverState {
            base: ids.base().to_owned(),
            iris: Vec::new(),
            index: HashMap::new(),
            mentions: BTreeMap::new(),
            entities: BTreeMap::new(),
            counts_elsewhere: false,
        }
    }

    fn intern(&mut self, iri: &str) -> u32 {
        if let Some(&i) = self.index.get(iri) {
            return i;
        }
        let i = self.iris.len() as u32;
        self.iris.push(iri.to_owned());
        self.index.insert(iri.to_owned(), i);
        i
    }

    /// The state of `store` read in one pass over the mention counts and
    /// one over the descriptions.
    pub(super) fn scan(store: &oxigraph::store::Store, ids: &Ids) -> Result<Self, StoreError> {
        let mut state = ResolverState::empty(ids);
        // Graphs come in any order: gathered by name, ordered at the end.
        let mut by_graph: HashMap<String, Vec<(u32, Option<usize>)>> = HashMap::new();
        state.counts_elsewhere = super::store::read_mention_counts(store, |g, e, n| {
            let entry = (state.intern(e), mention_count(n));
            match by_graph.get_mut(g) {
                Some(list) => list.push(entry),
                None => {
                    by_graph.insert(g.to_owned(), vec![entry]);
                }
            }
        })?;
        state.mentions = by_graph.into_iter().collect();
        let mut records = EntityRecords::new(ids, HashMap::new());
        super::store::read_descriptions(store, ids, &mut records)?;
        state.entities = records.into_map();
        Ok(state)
    }

    /// Reads again from `store` the mention counts of `graphs` and the
    /// descriptions of `entities` (IRIs), replacing what the state held of
    /// them: after a write that touched only those, the state is again what
    /// [`ResolverState::scan`] reads. The same decoding as the scan, and the
    /// same order: a graph's counts and an entity's values of one predicate
    /// come in the order of their objects in either index.
    pub(super) fn refresh(
        &mut self,
        store: &oxigraph::store::Store,
        ids: &Ids,
        graphs: impl IntoIterator<Item = NamedNode>,
        entities: impl IntoIterator<Item = NamedNode>,
    ) -> Result<(), StoreError> {
        let count = term(NKG, "mentionCount");
        for g in graphs {
            let mut list = Vec::new();
            for quad in store.quads_for_pattern(
                None,
                Some(count.as_ref()),
                None,
                Some(GraphNameRef::NamedNode(g.as_ref())),
            ) {
                let quad = quad?;
                if let (NamedOrBlankNode::NamedNode(e), Term::Literal(n)) =
                    (&quad.subject, &quad.object)
                {
                    list.push((self.intern(e.as_str()), mention_count(n.value())));
                }
            }
            if list.is_empty() {
                self.mentions.remove(g.as_str());
            } else {
                self.mentions.insert(g.into_string(), list);
            }
        }
        let graph = ids.entities_graph();
        let predicates = DESCRIPTION_PREDICATES.map(|(ns, local)| term(ns, local));
        for e in entities {
            // One read of the entity's quads in the entity graph; its values
            // go to the records predicate by predicate, as in the scan, each
            // predicate's in the order of their objects (the index's order
            // for a subject and predicate, in either pass).
            let mut values: Vec<(usize, oxigraph::model::Literal)> = Vec::new();
            for quad in store.quads_for_pattern(
                Some(e.as_ref().into()),
                None,
                None,
                Some(graph.as_ref().into()),
            ) {
                let quad = quad?;
                if let (Some(p), Term::Literal(value)) = (
                    predicates.iter().position(|p| *p == quad.predicate),
                    quad.object,
                ) {
                    values.push((p, value));
                }
            }
            values.sort_by_key(|(p, _)| *p);
            let mut records = EntityRecords::new(ids, HashMap::new());
            for (p, value) in &values {
                records.add(e.as_str(), predicates[*p].as_str(), value.value());
            }
            match records.into_map().remove(e.as_str()) {
                Some(entity) => {
                    self.entities.insert(e.into_string(), entity);
                }
                None => {
                    self.entities.remove(e.as_str());
                }
            }
        }
        Ok(())
    }

    /// What the resolver starts from: every entity in the order of its IRI,
    /// its mentions the sum of its counts; and for each document graph, in
    /// the order of their IRIs, the entities it mentions (sorted: the
    /// resolver reads each document's entities as a set).
    pub(super) fn resolver_input(&self, ids: &Ids) -> (Vec<Entity>, Vec<Vec<EntityId>>) {
        let entities = self.entities_with_mentions();
        let entity_ids: Vec<Option<EntityId>> =
            self.iris.iter().map(|iri| ids.entity_id(iri)).collect();
        let mut documents = Vec::with_capacity(self.mentions.len());
        for list in self.mentions.values() {
            let mut doc: Vec<EntityId> = list
                .iter()
                .filter_map(|&(i, _)| entity_ids[i as usize].clone())
                .collect();
            if !doc.is_empty() {
                doc.sort_unstable();
                documents.push(doc);
            }
        }
        (entities, documents)
    }

    /// [`ResolverState::resolver_input`] with each document's entities given
    /// by their positions among the entities (see
    /// [`Resolver::with_gazetteer_and_positions`](crate::kg::Resolver::with_gazetteer_and_positions)):
    /// an id of the mention counts is looked up once, where the resolver
    /// looked up each of the 200,000 or so document entities of the
    /// 21k-article bench, and cloned them first. The same documents, in the
    /// same order, as positions of what the resolver would look up: where
    /// the id is last among the entities, none for an id not described;
    /// each document's sorted.
    pub(super) fn resolver_start(&self, ids: &Ids) -> (Vec<Entity>, Vec<Vec<usize>>) {
        let entities = self.entities_with_mentions();
        let mut position: HashMap<&EntityId, usize> = HashMap::with_capacity(entities.len());
        for (p, e) in entities.iter().enumerate() {
            position.insert(&e.id, p);
        }
        // Per subject: whether it is an entity id at all (a document of
        // none is not one the resolver counts) and its position.
        let at: Vec<(bool, Option<usize>)> = self
            .iris
            .iter()
            .map(|iri| match ids.entity_id(iri) {
                Some(id) => (true, position.get(&id).copied()),
                None => (false, None),
            })
            .collect();
        let mut documents = Vec::with_capacity(self.mentions.len());
        for list in self.mentions.values() {
            if list.iter().any(|&(i, _)| at[i as usize].0) {
                let mut doc: Vec<usize> =
                    list.iter().filter_map(|&(i, _)| at[i as usize].1).collect();
                doc.sort_unstable();
                documents.push(doc);
            }
        }
        (entities, documents)
    }

    /// Every entity in the order of its IRI, its mentions the sum of its
    /// counts.
    fn entities_with_mentions(&self) -> Vec<Entity> {
        let mut totals = vec![0usize; self.iris.len()];
        for list in self.mentions.values() {
            for &(i, n) in list {
                totals[i as usize] += n.unwrap_or(0);
            }
        }
        self.entities
            .iter()
            .map(|(iri, e)| Entity {
                mentions: self.index.get(iri).map_or(0, |&i| totals[i as usize]),
                ..e.clone()
            })
            .collect()
    }

    /// Whether the state holds every `nkg:mentionCount` quad of the store,
    /// so that [`ResolverState::totals`] are the store's.
    pub(super) fn holds_every_count(&self) -> bool {
        !self.counts_elsewhere
    }

    /// The totals (`counts.rs`) of `entities` (IRIs), summed from the
    /// mention counts the state holds: every `nkg:mentionCount` quad of the
    /// store's named graphs, as a pass over the store would sum them (all of
    /// the store's when [`ResolverState::holds_every_count`]). One
    /// pass over the state in memory (about 200,000 counts on the
    /// 21k-article bench), where reading them from the store takes one
    /// index range per entity with every term of it decoded: 0.23 s for
    /// the 800 or so entities of 65 bench articles, as each popular entity
    /// has thousands of counts.
    pub(super) fn totals(&self, entities: impl IntoIterator<Item = String>) -> EntityTotals {
        let mut totals = EntityTotals::new(entities);
        let mut asked = vec![false; self.iris.len()];
        for e in totals.entities() {
            if let Some(&i) = self.index.get(e) {
                asked[i as usize] = true;
            }
        }
        for list in self.mentions.values() {
            for &(i, n) in list {
                if asked[i as usize] {
                    totals.add_value(&self.iris[i as usize], n);
                }
            }
        }
        totals
    }

    /// The base IRI the state was read under.
    pub(super) fn base(&self) -> &str {
        &self.base
    }

    /// The snapshot's bytes, `token` and the store's `quads` in them.
    fn encode(&self, token: &str, quads: usize) -> Vec<u8> {
        let mut out = Vec::with_capacity(1 << 20);
        out.extend_from_slice(MAGIC);
        put_str(&mut out, token);
        put_str(&mut out, &self.base);
        put_len(&mut out, quads);
        out.push(u8::from(self.counts_elsewhere));
        // Only the subjects still counted, renumbered.
        let mut used: Vec<Option<u32>> = vec![None; self.iris.len()];
        let mut kept: Vec<&str> = Vec::new();
        for list in self.mentions.values() {
            for &(i, _) in list {
                if used[i as usize].is_none() {
                    used[i as usize] = Some(kept.len() as u32);
                    kept.push(&self.iris[i as usize]);
                }
            }
        }
        put_len(&mut out, kept.len());
        for iri in &kept {
            put_str(&mut out, iri);
        }
        put_len(&mut out, self.entities.len());
        for (iri, e) in &self.entities {
            put_str(&mut out, iri);
            put_str(&mut out, &e.label);
            out.push(match e.label_type {
                EntityLabel::Person => 0,
                EntityLabel::Organization => 1,
                EntityLabel::Place => 2,
                EntityLabel::Misc => 3,
            });
            match &e.subtype {
                Some(s) => {
                    out.push(1);
                    put_str(&mut out, s);
                }
                None => out.push(0),
            }
            for set in [&e.aliases, &e.titles] {
                put_len(&mut out, set.len());
                for value in set {
                    put_str(&mut out, value);
                }
            }
        }
        put_len(&mut out, self.mentions.len());
        for (graph, list) in &self.mentions {
            put_str(&mut out, graph);
            put_len(&mut out, list.len());
            for &(i, n) in list {
                out.extend_from_slice(&used[i as usize].unwrap_or(0).to_le_bytes());
                out.extend_from_slice(&n.map_or(u64::MAX, |n| n as u64).to_le_bytes());
            }
        }
        let digest = Sha256::digest(&out);
        out.extend_from_slice(&digest);
        out
    }

    /// The state in `bytes` if they are a whole snapshot with token
    /// `token` of a store read under `ids`, with the store's quad count;
    /// `None` otherwise.
    fn decode(bytes: &[u8], token: &str, ids: &Ids) -> Option<(ResolverState, usize)> {
        let body_len = bytes.len().checked_sub(32)?;
        let (body, digest) = bytes.split_at(body_len);
        if Sha256::digest(body).as_slice() != digest {
            return None;
        }
        let mut r = Reader {
            bytes: body.strip_prefix(MAGIC)?,
        };
        if r.str()? != token || r.str()? != ids.base() {
            return None;
        }
        let quads = r.len()?;
        let mut state = ResolverState::empty(ids);
        state.counts_elsewhere = match r.byte()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        for _ in 0..r.len()? {
            let iri = r.str()?;
            if state.index.contains_key(iri) {
                return None;
            }
            state.intern(iri);
        }
        for _ in 0..r.len()? {
            let iri = r.str()?.to_owned();
            let id = ids.entity_id(&iri)?;
            let label = r.str()?.to_owned();
            let label_type = match r.byte()? {
                0 => EntityLabel::Person,
                1 => EntityLabel::Organization,
                2 => EntityLabel::Place,
                3 => EntityLabel::Misc,
                _ => return None,
            };
            let subtype = match r.byte()? {
                0 => None,
                1 => Some(r.str()?.to_owned()),
                _ => return None,
            };
            let mut sets: [std::collections::BTreeSet<String>; 2] = Default::default();
            for set in &mut sets {
                for _ in 0..r.len()? {
                    set.insert(r.str()?.to_owned());
                }
            }
            let [aliases, titles] = sets;
            let entity = Entity {
                id,
                label,
                label_type,
                subtype,
                aliases,
                titles,
                mentions: 0,
            };
            state.entities.insert(iri, entity);
        }
        let subjects = state.iris.len() as u32;
        for _ in 0..r.len()? {
            let graph = r.str()?.to_owned();
            let n = r.len()?;
            let mut list = Vec::with_capacity(n.min(r.bytes.len() / 12));
            for _ in 0..n {
                let i = u32::from_le_bytes(r.take(4)?.try_into().ok()?);
                let count = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
                if i >= subjects {
                    return None;
                }
                let count = if count == u64::MAX {
                    None
                } else {
                    Some(usize::try_from(count).ok()?)
                };
                list.push((i, count));
            }
            state.mentions.insert(graph, list);
        }
        r.bytes.is_empty().then_some((state, quads))
    }
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Reads a snapshot's fields; `None` once the bytes do not fit.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.bytes.len() {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    fn len(&mut self) -> Option<usize> {
        usize::try_from(u64::from_le_bytes(self.take(8)?.try_into().ok()?)).ok()
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = self.len()?;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

/// A new token: different for every snapshot written (the time, the
/// process, a counter, hashed).
pub(super) fn new_token() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let seed = format!(
        "{now} {} {}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    );
    let digest = Sha256::digest(seed.as_bytes());
    digest[..12].iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `state` and the store's `quads` as the snapshot of the store in
/// `dir` with `token`: under another name, synced, renamed over
/// [`SNAPSHOT_FILE`], the folder synced; so the file is whole and on disk
/// before the record names its token.
pub(super) fn write(
    dir: &Path,
    token: &str,
    state: &ResolverState,
    quads: usize,
) -> Result<(), StoreError> {
    let path = dir.join(SNAPSHOT_FILE);
    let tmp = dir.join(format!("{SNAPSHOT_FILE}.tmp"));
    let written = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(&state.encode(token, quads))?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, &path)?;
        super::version::sync_dir(dir)
    })();
    written.map_err(|source| StoreError::Snapshot { path, source })
}

/// The snapshot in `dir` if it is whole, has `token` and was read under
/// `ids`, with the store's quad count; `None` otherwise (missing, another
/// token, another layout, damaged).
pub(super) fn load(dir: &Path, token: &str, ids: &Ids) -> Option<(ResolverState, usize)> {
    let mut bytes = Vec::new();
    std::fs::File::open(dir.join(SNAPSHOT_FILE))
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .ok()?;
    ResolverState::decode(&bytes, token, ids)
}

/// Removes the snapshot of the store in `dir`, if any, and syncs the
/// folder: for a writer that changes the store after its record named the
/// snapshot's token.
pub(super) fn remove(dir: &Path) -> Result<(), StoreError> {
    let path = dir.join(SNAPSHOT_FILE);
    match std::fs::remove_file(&path) {
        Ok(()) => super::version::sync_dir(dir),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
    .map_err(|source| StoreError::Snapshot { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(ids: &Ids) -> ResolverState {
        let mut state = ResolverState::empty(ids);
        let vantor = ids.entity(&EntityId("vantor".into()));
        let ana = ids.entity(&EntityId("ana-ruiz".into()));
        let (v, a) = (state.intern(vantor.as_str()), state.intern(ana.as_str()));
        let foreign = state.intern("http://example.org/other/x");
        state.mentions.insert(
            ids.doc(&crate::input::DocId("d1".into())).into_string(),
            vec![(v, Some(2)), (a, Some(1)), (foreign, None)],
        );
        state.mentions.insert(
            ids.doc(&crate::input::DocId("d2".into())).into_string(),
            vec![(a, Some(3))],
        );
        state.entities.insert(
            ana.into_string(),
            Entity {
                id: EntityId("ana-ruiz".into()),
                label: "Ana Ruiz".into(),
                label_type: EntityLabel::Person,
                subtype: None,
                aliases: ["Ruiz".to_owned()].into(),
                titles: ["minister".to_owned()].into(),
                mentions: 0,
            },
        );
        state.entities.insert(
            vantor.into_string(),
            Entity {
                id: EntityId("vantor".into()),
                label: "Vantor".into(),
                label_type: EntityLabel::Organization,
                subtype: Some("Company".into()),
                aliases: Default::default(),
                titles: Default::default(),
                mentions: 0,
            },
        );
        state
    }

    #[test]
    fn a_snapshot_reads_back_as_written_and_only_with_its_token_and_base() {
        let ids = Ids::default();
        let state = sample(&ids);
        let bytes = state.encode("t1", 1234);
        let back = ResolverState::decode(&bytes, "t1", &ids);
        assert_eq!(back.as_ref().map(|(b, _)| b), Some(&state));
        assert_eq!(back.as_ref().map(|(_, quads)| *quads), Some(1234));
        let (entities, documents) = state.resolver_input(&ids);
        let mentions: Vec<(String, usize)> = entities
            .iter()
            .map(|e| (e.id.0.clone(), e.mentions))
            .collect();
        assert_eq!(
            mentions,
            [("ana-ruiz".to_owned(), 4), ("vantor".to_owned(), 2)]
        );
        assert_eq!(documents.len(), 2);
        assert!(ResolverState::decode(&bytes, "t2", &ids).is_none());
        let other = Ids::new("http://example.org/kg/").unwrap_or_default();
        assert!(ResolverState::decode(&bytes, "t1", &other).is_none());
        // Cut short or changed anywhere: not read.
        for cut in [0, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(ResolverState::decode(&bytes[..cut], "t1", &ids).is_none());
        }
        let mut changed = bytes.clone();
        changed[bytes.len() / 2] ^= 1;
        assert!(ResolverState::decode(&changed, "t1", &ids).is_none());
    }

    /// The start by position is the start by id, also with an escaped id;
    /// an entity IRI with no description is left out, and a document of no
    /// entity IRI is no document.
    #[test]
    fn the_start_by_position_is_the_start_by_id() {
        let ids = Ids::default();
        for escaped in [false, true] {
            let mut state = sample(&ids);
            let ghost = state.intern(ids.entity(&EntityId("ghost".into())).as_str());
            let d2 = ids.doc(&crate::input::DocId("d2".into())).into_string();
            let d3 = ids.doc(&crate::input::DocId("d3".into())).into_string();
            state
                .mentions
                .entry(d2.clone())
                .or_default()
                .push((ghost, Some(1)));
            let foreign = state.intern("http://example.org/other/x");
            state.mentions.insert(d3, vec![(foreign, Some(1))]);
            if escaped {
                let id = EntityId("vantor bay".into());
                let iri = ids.entity(&id).into_string();
                assert!(iri.contains('%'));
                let k = state.intern(&iri);
                state.mentions.entry(d2).or_default().push((k, Some(2)));
                let mut entity = state
                    .entities
                    .values()
                    .next()
                    .cloned()
                    .unwrap_or_else(|| panic!("no entity"));
                entity.id = id;
                state.entities.insert(iri, entity);
            }
            let (entities, documents) = state.resolver_input(&ids);
            let by_id = super::super::ingest_store::positions(&entities, documents);
            let (start, by_position) = state.resolver_start(&ids);
            assert_eq!(start, entities, "escaped: {escaped}");
            assert_eq!(by_position, by_id, "escaped: {escaped}");
            assert_eq!(by_position.len(), 2, "d3 names no entity");
        }
    }

    #[test]
    fn tokens_differ() {
        assert_ne!(new_token(), new_token());
        assert_eq!(new_token().len(), 24);
    }
}
