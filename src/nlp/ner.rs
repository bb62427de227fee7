//! Named-entity recognizer (SKELETON; to be replaced by the perceptron tagger).

use std::path::Path;

use super::{ModelError, NamedEntity, Sentence};

/// Finds person, organisation, place and misc names.
pub struct Recognizer {}

impl Recognizer {
    /// Loads NER weights and gazetteers from the models folder.
    pub fn load(_dir: &Path) -> Result<Recognizer, ModelError> {
        Ok(Recognizer {})
    }

    /// Named entities of a document's analysed sentences.
    pub fn predict(&self, _text: &str, _sentences: &[Sentence]) -> Vec<NamedEntity> {
        Vec::new()
    }
}
