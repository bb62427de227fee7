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
//!   the write is done; the local store feeds it from its transaction, the
//!   remote store from a SPARQL query, and both write the quads it gives,
//!   so the two hold the same quads.

use std::collections::BTreeMap;

use oxigraph::model::{Literal, NamedNode, Quad};

use super::vocab::{term, DOCUMENT_COUNT, NKG, TOTAL_MENTIONS};

/// The predicates of an entity's totals, replaced together.
pub(super) const TOTAL_PREDICATES: [&str; 2] = [TOTAL_MENTIONS, DOCUMENT_COUNT];

/// The totals of some entities, summed from the `nkg:mentionCount` quads
/// read back for them: one quad per document graph that mentions the
/// entity, so the sum of their values is its total and their number its
/// document count.
#[derive(Debug, Default)]
pub(super) struct EntityTotals {
    /// By entity IRI: mentions, documents.
    by_entity: BTreeMap<String, (i64, i64)>,
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
        if let Some((mentions, documents)) = self.by_entity.get_mut(entity) {
            *mentions += count.parse::<i64>().unwrap_or(0);
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
            quads.push(Quad::new(
                e.clone(),
                total.clone(),
                Literal::from(mentions),
                graph.clone(),
            ));
            quads.push(Quad::new(
                e,
                documents_p.clone(),
                Literal::from(documents),
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
                format!("<{}> <{NKG}documentCount> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> <{graph}>", e("ada-varga"), graph = graph.as_str()),
            ]
        );
    }
}
