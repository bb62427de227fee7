//! The counts of store format 2 (issue 14): what the aggregating named
//! queries read instead of grouping the whole store.
//!
//! - Per document graph, `nkg:entityCount`, `nkg:factCount` and
//!   `nkg:negatedFactCount`: written by [`doc_graph`](super::mapping::doc_graph)
//!   with the graph (so a replacement replaces them), counted by
//!   [`doc_counts`](super::mapping::doc_counts).
//! - Per entity, in the entity graph, `nkg:totalMentions` and
//!   `nkg:documentCount`: a property of the whole store, which no document
//!   alone knows. [`EntityTotals`] computes them for the entities a write
//!   touches, from the `nkg:mentionCount` quads of the store as it is once
//!   the write is done: the local store sums them from the resolver's state
//!   when it keeps one and that holds them all (`snapshot.rs`: the state
//!   holds those of named graphs, which are all of them unless quads came
//!   from elsewhere, such as a `load` of a Turtle export, whose counts are
//!   in the default graph), and otherwise reads them in its transaction;
//!   the remote store reads them by a SPARQL query. All write the quads it
//!   gives. Every reader takes a count's value through [`mention_count`],
//!   so the sums agree whichever read them.

use std::collections::BTreeMap;

use oxigraph::model::{Literal, NamedNode, Quad};

use super::vocab::{term, DOCUMENT_COUNT, NKG, TOTAL_MENTIONS};

/// The predicates of an entity's totals, replaced together.
pub(super) const TOTAL_PREDICATES: [&str; 2] = [TOTAL_MENTIONS, DOCUMENT_COUNT];

/// The value of one `nkg:mentionCount` literal as every reader of the
/// counts takes it (the resolver's read-back, its state, the totals): a
/// whole number, or none for any other literal, which adds nothing to the
/// mentions but still counts its document. One function, so that totals
/// summed from the resolver's state are those summed from the store.
pub(super) fn mention_count(value: &str) -> Option<usize> {
    value.parse().ok()
}

/// The totals of some entities, summed from the `nkg:mentionCount` quads
/// read back for them: one quad per document graph that mentions the
/// entity, so the sum of their values is its total and their number its
/// document count.
#[derive(Debug, Default)]
pub(super) struct EntityTotals {
    /// By entity IRI: mentions, documents.
    by_entity: BTreeMap<String, (usize, usize)>,
}

impl EntityTotals {
    /// Totals for `entities` (IRIs), each at zero until its counts are added.
    pub(super) fn new(entities: impl IntoIterator<Item = String>) -> EntityTotals {
        EntityTotals {
            by_entity: entities.into_iter().map(|e| (e, (0, 0))).collect(),
        }
    }

    /// The entities counted, in IRI order.
    pub(super) fn entities(&self) -> impl Iterator<Item = &str> {
        self.by_entity.keys().map(String::as_str)
    }

    /// Whether no entity is counted.
    pub(super) fn is_empty(&self) -> bool {
        self.by_entity.is_empty()
    }

    /// One `<entity> nkg:mentionCount "count"` quad of one document graph.
    /// Entities not asked for are passed over.
    pub(super) fn add(&mut self, entity: &str, count: &str) {
        self.add_value(entity, mention_count(count));
    }

    /// [`EntityTotals::add`] with the count's value already read by
    /// [`mention_count`].
    pub(super) fn add_value(&mut self, entity: &str, count: Option<usize>) {
        if let Some((mentions, documents)) = self.by_entity.get_mut(entity) {
            *mentions = mentions.saturating_add(count.unwrap_or(0));
            *documents += 1;
        }
    }

    /// The quads to write in the entity graph `graph`, in place of the
    /// entities' earlier totals: two per entity that some document
    /// mentions; none for one that no document mentions any more.
    pub(super) fn quads(&self, graph: &NamedNode) -> Vec<Quad> {
        let (total, documents_p) = (term(NKG, TOTAL_MENTIONS), term(NKG, DOCUMENT_COUNT));
        let mut quads = Vec::with_capacity(2 * self.by_entity.len());
        for (e, &(mentions, documents)) in &self.by_entity {
            if documents == 0 {
                continue;
            }
            let e = NamedNode::new_unchecked(e.as_str());
            let int = |n: usize| Literal::from(i64::try_from(n).unwrap_or(i64::MAX));
            quads.push(Quad::new(
                e.clone(),
                total.clone(),
                int(mentions),
                graph.clone(),
            ));
            quads.push(Quad::new(
                e,
                documents_p.clone(),
                int(documents),
                graph.clone(),
            ));
        }
        quads
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_sum_the_mention_counts_of_the_entities_asked_for() {
        let e = |s: &str| format!("https://example.org/entity/{s}");
        let mut totals = EntityTotals::new([e("ada-varga"), e("port-of-keston")]);
        totals.add(&e("ada-varga"), "3");
        totals.add(&e("ada-varga"), "1");
        // Not a whole number: its document counts, its value does not (as
        // the resolver reads it).
        totals.add_value(&e("ada-varga"), mention_count("-2"));
        totals.add(&e("not-asked"), "7");
        assert_eq!(
            totals.entities().collect::<Vec<_>>(),
            [e("ada-varga"), e("port-of-keston")]
        );
        let graph = NamedNode::new_unchecked("https://example.org/graph/entities");
        let quads: Vec<String> = totals
            .quads(&graph)
            .iter()
            .map(ToString::to_string)
            .collect();
        // The entity no document mentions gets none (its old totals go).
        assert_eq!(
            quads,
            [
                format!("<{}> <{NKG}totalMentions> \"4\"^^<http://www.w3.org/2001/XMLSchema#integer> <{graph}>", e("ada-varga"), graph = graph.as_str()),
                format!("<{}> <{NKG}documentCount> \"3\"^^<http://www.w3.org/2001/XMLSchema#integer> <{graph}>", e("ada-varga"), graph = graph.as_str()),
            ]
        );
    }
}
