//! Linguistic analysis: [`Document`] in, [`AnalyzedDoc`] out.
//!
//! The first of newskg's stage crates after input: it knows nothing of facts,
//! graphs or stores (no oxigraph, no RocksDB), so it builds and tests in
//! seconds. Name knowledge that later stages share (the [`Gazetteer`] and the
//! name-form helpers of [`names`]) lives here, below every stage that reads it.
//!
//! Stages, in order: tokenizer and sentence splitter (rules), lemmatizer
//! (tables + rules), POS tagger and dependency parser (averaged perceptrons,
//! then the grammar's repairs of [`repair`]),
//! named-entity recognizer (perceptron sequence tagger + gazetteers).
//! The entry point is [`Analyzer`]: load it once per process with
//! [`Analyzer::from_source`] (a [`ModelSource`] found by [`ModelSearch`]:
//! a folder, or the models built into the program) or [`Analyzer::load`]
//! (a folder), and share it between threads (it is `Send + Sync`).

pub mod corpus;
mod gazetteer;
mod lemmatize;
mod lists;
mod models;
pub mod names;
mod ner;
mod parser;
pub mod perceptron;
mod repair;
mod sentences;
mod tagger;
mod tokenize;
pub mod train;
mod types;

use std::path::{Path, PathBuf};

pub use gazetteer::{Gazetteer, GazetteerEntry, Gender};
pub use lemmatize::Lemmatizer;
pub use models::{ModelFile, ModelSearch, ModelSource, Searched, MODELS_ENV, MODEL_FILES};
pub use ner::{
    train_ner, Conventions, LabelScheme, MiscConvention, NerSource, NerTrainConfig, NerTrainReport,
    Recognizer,
};
pub use newskg_input::Limits;
pub use parser::Parser;
pub use sentences::split_sentences;
pub use tagger::Tagger;
pub use tokenize::tokenize;
pub use types::{AnalyzedDoc, EntityLabel, NamedEntity, Sentence, Span, Token, Upos};

use newskg_input::Document;

/// A sentence over [`Limits::max_sentence_tokens`], analysed in pieces
/// (see [`Analyzer::analyze_within`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongSentence {
    /// Where it starts: a byte offset in the document's text.
    pub byte_start: usize,
    /// Its length in tokens.
    pub tokens: usize,
    /// How many pieces it was analysed as.
    pub pieces: usize,
    /// The limit: no piece is longer.
    pub limit: usize,
}

/// A model file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The file could not be read.
    #[error("{}: cannot read model file", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a newskg weight file, or is damaged.
    #[error("{}: {message}", .path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// No place searched holds a complete set of models (see [`ModelSearch`]).
    #[error("no models found; tried {}", join(.tried))]
    NotFound {
        /// Every place tried, in order, with the reason it was passed over.
        tried: Vec<Searched>,
    },
    /// The bundled models were asked for, but this build has none.
    #[error("{name}: this newskg was built without bundled models (cargo feature bundled-models)")]
    NotBundled {
        /// The file asked for.
        name: String,
    },
}

/// `a, b, c`.
fn join(items: &[Searched]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Training a tagger or parser failed: a model that cannot be written or a
/// corpus that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    /// A model file could not be written or read.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A training or evaluation corpus could not be read.
    #[error(transparent)]
    Corpus(#[from] corpus::CorpusError),
}

/// The loaded analysis models. Cheap to share (`&Analyzer`) across threads.
pub struct Analyzer {
    /// Where the models were read from, and their versions (provenance).
    source: ModelSource,
    versions: String,
    lemmatizer: Lemmatizer,
    tagger: Tagger,
    parser: Parser,
    /// Also holds the gazetteer (see [`Analyzer::gazetteer`]).
    recognizer: Recognizer,
}

impl Analyzer {
    /// The `models/` folder of the source tree this crate was built from.
    /// Only for tests, examples and benches that run inside the repository:
    /// a program that may be copied or installed elsewhere finds its models
    /// with [`ModelSearch`] instead (issue 9, item 3).
    pub fn default_dir() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"))
    }

    /// Loads every model from `dir` (`tagger.nkw`, `parser.nkw`, `ner.nkw`,
    /// `lemmas.nkw`, `gazetteer.nkw`).
    pub fn load(dir: &Path) -> Result<Analyzer, ModelError> {
        Analyzer::from_source(&ModelSource::Dir(dir.to_owned()))
    }

    /// Loads the models compiled into the program (cargo feature
    /// `bundled-models`); an error when this build has none.
    pub fn bundled() -> Result<Analyzer, ModelError> {
        Analyzer::from_source(&ModelSource::Bundled)
    }

    /// Loads every model from `source`.
    ///
    /// ```
    /// use newskg_nlp::{Analyzer, ModelSource};
    /// # let source = ModelSource::Dir(Analyzer::default_dir());
    /// // In a program: let source = newskg_nlp::ModelSearch::with_explicit(None).find()?;
    /// let analyzer = Analyzer::from_source(&source)?;
    /// assert!(analyzer.model_versions().starts_with("facts="));
    /// # Ok::<(), newskg_nlp::ModelError>(())
    /// ```
    pub fn from_source(source: &ModelSource) -> Result<Analyzer, ModelError> {
        Ok(Analyzer {
            source: source.clone(),
            versions: source.versions(),
            lemmatizer: Lemmatizer::from_source(source)?,
            tagger: Tagger::from_source(source)?,
            parser: Parser::from_source(source)?,
            recognizer: Recognizer::from_source(source)?,
        })
    }

    /// The same models, parsing with a beam of `width` instead of the
    /// parser file's (see [`Parser::with_beam_width`]).
    pub fn with_parser_beam(mut self, width: usize) -> Analyzer {
        self.parser = self.parser.with_beam_width(width);
        self
    }

    /// The same models, the parser pruning its beam at `margin` below the
    /// best hypothesis (see [`Parser::with_beam_margin`]).
    pub fn with_parser_beam_margin(mut self, margin: f32) -> Analyzer {
        self.parser = self.parser.with_beam_margin(margin);
        self
    }

    /// Where the models were read from.
    pub fn source(&self) -> &ModelSource {
        &self.source
    }

    /// The version of each model, for provenance: `facts=<checksum> gazetteer=…
    /// lemmas=… ner=… parser=… tagger=…` (see [`ModelSource::versions`]).
    pub fn model_versions(&self) -> &str {
        &self.versions
    }

    /// Tokens, sentences, tags, lemmas, parse and named entities of `doc`,
    /// within the default [`Limits`] (see [`Analyzer::analyze_within`]).
    pub fn analyze(&self, doc: Document) -> AnalyzedDoc {
        self.analyze_within(doc, &Limits::default()).0
    }

    /// Like [`Analyzer::analyze`]; a sentence of more than
    /// `limits.max_sentence_tokens` tokens (a list or table scraped without
    /// punctuation, a hostile input) is analysed as consecutive pieces of at
    /// most that many, which bounds the parser's time and every later
    /// stage's work per sentence. Each such sentence is returned as a
    /// [`LongSentence`], for the caller to warn about.
    pub fn analyze_within(
        &self,
        doc: Document,
        limits: &Limits,
    ) -> (AnalyzedDoc, Vec<LongSentence>) {
        let spans = tokenize(&doc.text);
        let max = limits.max_sentence_tokens.max(1);
        let mut long = Vec::new();
        let mut ranges = Vec::new();
        for range in split_sentences(&doc.text, &spans) {
            if range.len() <= max {
                ranges.push(range);
                continue;
            }
            let pieces = range.len().div_ceil(max);
            long.push(LongSentence {
                byte_start: spans[range.start].start,
                tokens: range.len(),
                pieces,
                limit: max,
            });
            let mut start = range.start;
            while start < range.end {
                let end = (start + max).min(range.end);
                ranges.push(start..end);
                start = end;
            }
        }
        let mut sentences: Vec<Sentence> = ranges
            .into_iter()
            .map(|range| {
                let tokens: Vec<Token> = spans[range]
                    .iter()
                    .map(|s| Token::unanalyzed(*s, s.of(&doc.text)))
                    .collect();
                let span = Span::new(
                    tokens.first().map_or(0, |t| t.span.start),
                    tokens.last().map_or(0, |t| t.span.end),
                );
                Sentence { span, tokens }
            })
            .collect();
        for s in &mut sentences {
            self.analyze_sentence(s);
        }
        let entities = self.recognizer.predict(&doc.text, &sentences);
        repair_with_names(&mut sentences, &entities);
        let analyzed = AnalyzedDoc {
            doc,
            sentences,
            entities,
        };
        (analyzed, long)
    }

    /// Like [`Analyzer::analyze`], but the whole text is one sentence (for
    /// one-sentence-per-line inputs such as open IE benchmarks).
    pub fn analyze_as_sentence(&self, doc: Document) -> AnalyzedDoc {
        let tokens: Vec<Token> = tokenize(&doc.text)
            .into_iter()
            .map(|s| Token::unanalyzed(s, s.of(&doc.text)))
            .collect();
        let mut sentences = Vec::new();
        if !tokens.is_empty() {
            let span = Span::new(tokens[0].span.start, tokens[tokens.len() - 1].span.end);
            let mut sentence = Sentence { span, tokens };
            self.analyze_sentence(&mut sentence);
            sentences.push(sentence);
        }
        let entities = self.recognizer.predict(&doc.text, &sentences);
        repair_with_names(&mut sentences, &entities);
        AnalyzedDoc {
            doc,
            sentences,
            entities,
        }
    }

    /// Tags, lemmatizes and parses one tokenized sentence in place (used for
    /// `--input conllu`, where tokens and sentences are given).
    pub fn analyze_sentence(&self, sentence: &mut Sentence) {
        let pairs = tokenize::name_bracket_pairs(&sentence.tokens);
        if pairs.is_empty() {
            self.tag_and_parse(sentence);
            return;
        }
        // Wire copy marks company names with angle brackets ("said it
        // acquired <Vantor 9 Inc> of Ohio"). A tagger and parser trained on
        // web text read them as anything from a noun to a clause boundary,
        // so the sentence is tagged and parsed without them; they come
        // back as the name's punctuation, where the recognizer still sees
        // them.
        let hidden: Vec<usize> = pairs.iter().flat_map(|&(a, b)| [a, b]).collect();
        let kept: Vec<usize> = (0..sentence.tokens.len())
            .filter(|i| !hidden.contains(i))
            .collect();
        let mut inner = Sentence {
            span: sentence.span,
            tokens: kept.iter().map(|&i| sentence.tokens[i].clone()).collect(),
        };
        self.tag_and_parse(&mut inner);
        for (j, token) in inner.tokens.into_iter().enumerate() {
            let i = kept[j];
            sentence.tokens[i] = Token {
                head: token.head.map(|h| kept[h]),
                ..token
            };
        }
        for (open, close) in pairs {
            // The bracketed phrase's head: the word inside whose head is
            // outside.
            let head = (open + 1..close)
                .find(|&i| {
                    sentence.tokens[i]
                        .head
                        .is_none_or(|h| h <= open || h >= close)
                })
                .unwrap_or(open + 1);
            for (k, xpos) in [(open, "-LRB-"), (close, "-RRB-")] {
                let t = &mut sentence.tokens[k];
                t.upos = Upos::Punct;
                t.xpos = xpos.to_string();
                t.lemma.clone_from(&t.form);
                t.head = Some(head);
                t.deprel = "punct".to_string();
            }
        }
    }

    /// Tags, lemmatizes and parses `sentence`, then repairs its parse.
    fn tag_and_parse(&self, sentence: &mut Sentence) {
        self.tagger.predict(sentence);
        for t in &mut sentence.tokens {
            t.lemma = self.lemmatizer.lemma(&t.form, t.upos, &t.xpos);
        }
        self.parser.predict(sentence);
        repair::repair(sentence);
    }

    /// The gazetteer (shared with extraction and resolution).
    pub fn gazetteer(&self) -> &Gazetteer {
        self.recognizer.gazetteer()
    }

    /// The named-entity recognizer alone (for `analyze --format bio`).
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }
}

/// The parse repairs that need the recognizer's names
/// ([`repair::repair_with_names`]), sentence by sentence.
fn repair_with_names(sentences: &mut [Sentence], entities: &[NamedEntity]) {
    for (i, sentence) in sentences.iter_mut().enumerate() {
        let persons: Vec<std::ops::Range<usize>> = entities
            .iter()
            .filter(|e| e.sentence == i && e.label == EntityLabel::Person)
            .map(|e| e.tokens.clone())
            .collect();
        if !persons.is_empty() {
            repair::repair_with_names(sentence, &persons);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 15 item 3: a sentence without punctuation is analysed in
    /// pieces no longer than the limit, and said to be.
    #[test]
    fn a_sentence_over_the_limit_is_analysed_in_pieces() {
        let analyzer = Analyzer::load(&Analyzer::default_dir()).unwrap();
        let words = ["harbour", "pilots", "and", "Vantor", "ferries"];
        let text: String = (0..1003)
            .map(|i| words[i % words.len()])
            .collect::<Vec<_>>()
            .join(" ");
        let limits = Limits {
            max_sentence_tokens: 100,
            ..Limits::default()
        };
        let (doc, long) = analyzer.analyze_within(Document::from_text("-", &text), &limits);
        assert_eq!(
            long,
            [LongSentence {
                byte_start: 0,
                tokens: 1003,
                pieces: 11,
                limit: 100
            }]
        );
        let lengths: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
        assert_eq!(lengths.iter().sum::<usize>(), 1003);
        assert!(lengths.iter().all(|&n| n <= 100), "{lengths:?}");
        // Every piece is parsed on its own: one root each.
        for s in &doc.sentences {
            assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
        }
        // Within the default limit nothing is split.
        let (_, long) = analyzer.analyze_within(
            Document::from_text("-", "Mira Kessel opened the office."),
            &Limits::default(),
        );
        assert!(long.is_empty());
    }
}
