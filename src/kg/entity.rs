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

impl Entity {
    /// The type shown to people (`newskg entities`): the finer subtype when
    /// known ("Country"), else the coarse type ("Place").
    pub fn type_name(&self) -> &str {
        self.subtype.as_deref().unwrap_or(self.label_type.as_str())
    }

    /// Whether `name` (in any case) is this entity's coarse type or its
    /// subtype: a country answers to both "Place" and "Country".
    pub fn has_type(&self, name: &str) -> bool {
        self.label_type.as_str().eq_ignore_ascii_case(name)
            || self
                .subtype
                .as_deref()
                .is_some_and(|s| s.eq_ignore_ascii_case(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_country_answers_to_its_subtype_and_its_type() {
        let country = Entity {
            id: EntityId("norland".into()),
            label: "Norland".into(),
            label_type: EntityLabel::Place,
            subtype: Some("Country".into()),
            aliases: BTreeSet::new(),
            titles: BTreeSet::new(),
            mentions: 1,
        };
        assert_eq!(country.type_name(), "Country");
        for name in ["Country", "country", "Place", "PLACE"] {
            assert!(country.has_type(name), "{name}");
        }
        assert!(!country.has_type("City"));
        let person = Entity {
            subtype: None,
            label_type: EntityLabel::Person,
            ..country
        };
        assert_eq!(person.type_name(), "Person");
        assert!(person.has_type("person") && !person.has_type("Country"));
    }
}
