//! Dependency parser (SKELETON; to be replaced by the transition parser).

use std::path::Path;

use super::{ModelError, Sentence};

/// Assigns heads and UD relations.
pub struct Parser {}

impl Parser {
    /// Loads parser weights.
    pub fn load(_path: &Path) -> Result<Parser, ModelError> {
        Ok(Parser {})
    }

    /// Sets `head` and `deprel` of every token.
    pub fn predict(&self, _sentence: &mut Sentence) {}
}
