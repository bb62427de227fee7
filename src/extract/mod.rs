//! Extraction: [`AnalyzedDoc`] in, [`DocFacts`] out.
//!
//! Finds entity mentions (names, descriptions, pronouns), clusters them by
//! coreference into document entities, and reads facts off each sentence's
//! dependency parse. The entry point is [`Extractor::extract`].
//!
//! SKELETON: to be filled in.

mod attribution;
pub mod carb;
mod clauses;
mod concepts;
mod fact;
mod lexicon;
mod negation;
mod nominal;

pub use fact::{Argument, DocEntity, DocFacts, Fact, Mention, MentionKind, Modality, Stance};

use crate::nlp::{AnalyzedDoc, Gazetteer};

/// Finds entities and facts in analysed documents. `Send + Sync`.
#[derive(Default)]
pub struct Extractor {
    #[allow(dead_code)]
    gazetteer: Gazetteer,
}

impl Extractor {
    /// An extractor with the built-in relation lexicon, using `gazetteer`
    /// (from [`Analyzer::gazetteer`](crate::nlp::Analyzer::gazetteer)) for
    /// demonyms, titles and country names.
    pub fn new(gazetteer: Gazetteer) -> Extractor {
        Extractor { gazetteer }
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
