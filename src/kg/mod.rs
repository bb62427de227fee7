//! Cross-document entity resolution: [`DocFacts`] in, stable [`EntityId`]s out.
//!
//! A [`Resolver`] holds every known [`Entity`] (loaded from the store, or empty
//! for a store-less `extract`) and links each document entity to an existing
//! node by its names, aliases, acronyms and roles, or makes a new node.
//!
//! SKELETON: exact-label matching only; to be replaced.

mod entity;

use std::collections::HashMap;

pub use entity::{Entity, EntityId};

use crate::extract::DocFacts;

/// Links document entities to graph entities, incrementally.
#[derive(Default)]
pub struct Resolver {
    entities: Vec<Entity>,
    by_label: HashMap<String, usize>,
    merges: usize,
}

impl Resolver {
    /// A resolver that knows `existing` entities (ids are kept).
    pub fn new(existing: Vec<Entity>) -> Resolver {
        let by_label = existing
            .iter()
            .enumerate()
            .map(|(i, e)| (e.label.clone(), i))
            .collect();
        Resolver {
            entities: existing,
            by_label,
            merges: 0,
        }
    }

    /// The graph id of each of `doc.entities`, in the same order; updates the
    /// known entities (new nodes, new aliases, mention counts).
    pub fn resolve(&mut self, doc: &DocFacts) -> Vec<EntityId> {
        doc.entities
            .iter()
            .map(|e| {
                let i = match self.by_label.get(&e.label) {
                    Some(&i) => {
                        self.merges += 1;
                        i
                    }
                    None => {
                        let id = EntityId(slug(&e.label));
                        self.entities.push(Entity {
                            id,
                            label: e.label.clone(),
                            label_type: e.label_type,
                            subtype: e.subtype.clone(),
                            aliases: Default::default(),
                            titles: Default::default(),
                            mentions: 0,
                        });
                        self.by_label
                            .insert(e.label.clone(), self.entities.len() - 1);
                        self.entities.len() - 1
                    }
                };
                let ent = &mut self.entities[i];
                ent.mentions += e.mentions;
                ent.aliases.extend(e.aliases.iter().cloned());
                ent.titles.extend(e.titles.iter().cloned());
                ent.id.clone()
            })
            .collect()
    }

    /// Every known entity.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn get(&self, id: &EntityId) -> Option<&Entity> {
        self.entities.iter().find(|e| &e.id == id)
    }

    /// How many document entities were linked to an existing node.
    pub fn merges(&self) -> usize {
        self.merges
    }
}

/// A lower-case ASCII slug for ids: "U.S. Military Intervention" →
/// "us-military-intervention". Letters outside ASCII are kept (IRIs allow them).
pub fn slug(label: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in label.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c != '.' && c != '\'' && c != '’' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("U.S. Military Intervention"),
            "us-military-intervention"
        );
        assert_eq!(slug("Claudia Sheinbaum"), "claudia-sheinbaum");
        assert_eq!(slug("rule out"), "rule-out");
        assert_eq!(slug("Trump's"), "trumps");
        assert_eq!(slug("..."), "x");
    }
}
