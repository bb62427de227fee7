//! POS tagger (SKELETON; to be replaced by the averaged perceptron).

use std::path::Path;

use super::{ModelError, Sentence};

/// Assigns UPOS and XPOS tags.
pub struct Tagger {}

impl Tagger {
    /// Loads tagger weights.
    pub fn load(_path: &Path) -> Result<Tagger, ModelError> {
        Ok(Tagger {})
    }

    /// Sets `upos` and `xpos` of every token.
    pub fn predict(&self, _sentence: &mut Sentence) {}
}
