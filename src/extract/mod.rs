//! Extraction: [`AnalyzedDoc`] in, [`DocFacts`] out.
//!
//! Finds entity mentions (names, descriptions, pronouns), clusters them by
//! coreference into document entities, and reads facts off each sentence's
//! dependency parse. The entry point is [`Extractor::extract`].
//!
//! SKELETON: to be filled in.

mod fact;

pub use fact::{Argument, DocEntity, DocFacts, Fact, Mention, MentionKind, Modality, Stance};

use crate::nlp::AnalyzedDoc;

/// Finds entities and facts in analysed documents. `Send + Sync`.
#[derive(Default)]
pub struct Extractor {}

impl Extractor {
    /// An extractor with the built-in relation lexicon.
    pub fn new() -> Extractor {
        Extractor {}
    }

    /// Entities, mentions and facts of one analysed document.
    pub fn extract(&self, analyzed: AnalyzedDoc) -> DocFacts {
        DocFacts {
            analyzed,
            entities: Vec::new(),
            mentions: Vec::new(),
            facts: Vec::new(),
        }
    }
}
