//! The knowledge graph's nodes: entities with stable ids.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::nlp::EntityLabel;

/// A stable entity id: a slug of its label ("claudia-sheinbaum"), made unique
/// with a numeric suffix when two different entities share a label
/// ("ronald-johnson", "ronald-johnson-2"). Never changes once assigned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EntityId(pub String);

impl std::fmt::Display for EntityId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One real-world entity across all documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id.
    pub id: EntityId,
    /// The fullest proper name seen.
    pub label: String,
    /// Coarse type.
    pub label_type: EntityLabel,
    /// Finer type when known ("Country").
    pub subtype: Option<String>,
    /// All other names seen.
    pub aliases: BTreeSet<String>,
    /// Titles and roles seen.
    pub titles: BTreeSet<String>,
    /// Mentions over all documents.
    pub mentions: usize,
}
