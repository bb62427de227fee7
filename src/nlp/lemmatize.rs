//! Lemmatizer (SKELETON: lower-case form; to be replaced by tables + rules).

use std::path::Path;

use super::{ModelError, Upos};

/// Maps a word and its tags to its dictionary form.
pub struct Lemmatizer {}

impl Lemmatizer {
    /// Loads the lemma tables from the models folder.
    pub fn load(_dir: &Path) -> Result<Lemmatizer, ModelError> {
        Ok(Lemmatizer {})
    }

    /// The lemma of `form` tagged `upos`/`xpos`.
    pub fn lemma(&self, form: &str, _upos: Upos, _xpos: &str) -> String {
        form.to_lowercase()
    }
}
