//! Gazetteer: known names of countries, cities, organisations and people,
//! demonyms ("Mexican" → Mexico) and titles ("President"), compiled from the
//! PETRARCH dictionaries into `models/gazetteer.nkw`.
//!
//! SKELETON: the API is the contract; the lookups are being filled in.

use std::path::Path;

use super::{EntityLabel, ModelError};

/// What the gazetteer knows about a name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// The canonical name ("United States" for "U.S.", "US", "America").
    pub canonical: String,
    /// Coarse type.
    pub label: EntityLabel,
    /// Finer type ("Country", "City", "Region"), when known.
    pub subtype: Option<String>,
}

/// Name, demonym and title lookups. `Send + Sync`.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// Loads `dir/gazetteer.nkw`.
    pub fn load(_dir: &Path) -> Result<Gazetteer, ModelError> {
        Ok(Gazetteer {})
    }

    /// The entry for a name as written ("U.S.", "Mexico", "New York Times").
    pub fn lookup(&self, _name: &str) -> Option<&GazetteerEntry> {
        None
    }

    /// The country or place a demonym or adjective refers to ("Mexican" → Mexico).
    pub fn demonym(&self, _word: &str) -> Option<&GazetteerEntry> {
        None
    }

    /// Whether `words` (lower-case) is a title or role noun ("president",
    /// "secretary of state", "ambassador").
    pub fn is_title(&self, _words: &str) -> bool {
        false
    }
}
