//! Cross-document entity resolution: [`DocFacts`](crate::DocFacts) in, stable
//! [`EntityId`]s out.
//!
//! A [`Resolver`] holds every known [`Entity`] (loaded from the store, or empty
//! for a store-less `extract`) and links each document entity to an existing
//! node by its names, aliases, acronyms and context, or makes a new node with
//! an id from [`slug`]. `names` (name keys, acronyms, first-name gender, a
//! fallback country table) is shared with in-document coreference.

mod entity;
mod forms;
mod resolve;
mod together;

pub use entity::{Entity, EntityId};
pub use resolve::Resolver;

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
