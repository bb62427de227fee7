//! The analysis stage's data: tokens, sentences and named-entity spans.
//!
//! Plain data, no model references. Offsets are byte ranges into
//! [`Document::text`](newskg_input::Document::text).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use newskg_input::Document;

/// A byte range `start..end` in [`Document::text`](newskg_input::Document::text).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// The smallest span covering both.
    pub fn join(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Universal POS tags (UD v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[allow(missing_docs)]
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// All tags, in a fixed order (the order is part of the weight format).
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The CoNLL-U spelling ("NOUN").
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Upos {
    type Err = String;
    fn from_str(s: &str) -> Result<Upos, String> {
        Upos::ALL
            .iter()
            .copied()
            .find(|u| u.as_str() == s)
            .ok_or_else(|| format!("unknown UPOS tag {s:?}"))
    }
}

/// One word of a sentence, with its analysis.
///
/// `&doc.text[token.span.start..token.span.end] == token.form` always holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Token {
    /// Where the word is in the document text (bytes).
    pub span: Span,
    /// The surface form, exactly as in the text.
    pub form: String,
    /// Dictionary form ("rejected" → "reject").
    pub lemma: String,
    /// Universal POS tag.
    pub upos: Upos,
    /// Penn Treebank tag ("VBD").
    pub xpos: String,
    /// Index of the syntactic head in [`Sentence::tokens`]; `None` for the root.
    pub head: Option<usize>,
    /// UD dependency relation to the head, with subtype ("nsubj:pass"); "root" for the root.
    pub deprel: String,
}

impl Token {
    /// A token with only its surface known (before tagging and parsing).
    pub fn unanalyzed(span: Span, form: impl Into<String>) -> Token {
        Token {
            span,
            form: form.into(),
            lemma: String::new(),
            upos: Upos::X,
            xpos: String::new(),
            head: None,
            deprel: String::new(),
        }
    }
}

/// A sentence: its span in the document and its tokens in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// From the first token's start to the last token's end (bytes).
    pub span: Span,
    /// The words, in text order.
    pub tokens: Vec<Token>,
}

impl Sentence {
    /// Whether token `a` is token `b` or one of its ancestors in the
    /// dependency tree (a head out of range ends the walk; a cycle is cut
    /// after as many steps as there are tokens).
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        for _ in 0..=self.tokens.len() {
            match cur {
                Some(c) if c == a => return true,
                Some(c) => cur = self.tokens.get(c).and_then(|t| t.head),
                None => return false,
            }
        }
        false
    }
}

/// The coarse type of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    /// People, real or fictional.
    Person,
    /// Companies, agencies, institutions, parties, newspapers.
    Organization,
    /// Countries, cities, regions, geographical features.
    Place,
    /// Named things of other kinds (nationalities, events, works).
    Misc,
}

impl EntityLabel {
    /// The CoNLL tag suffix ("PER", "ORG", "LOC", "MISC").
    pub fn conll(self) -> &'static str {
        match self {
            EntityLabel::Person => "PER",
            EntityLabel::Organization => "ORG",
            EntityLabel::Place => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    /// The name used in JSON output and the RDF model ("Person").
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Person => "Person",
            EntityLabel::Organization => "Organization",
            EntityLabel::Place => "Place",
            EntityLabel::Misc => "Misc",
        }
    }
}

/// A named-entity span found by the recognizer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NamedEntity {
    /// Index of the sentence in [`AnalyzedDoc::sentences`].
    pub sentence: usize,
    /// Token range in that sentence, end exclusive.
    pub tokens: std::ops::Range<usize>,
    /// Byte span in the document text.
    pub span: Span,
    /// Coarse type.
    pub label: EntityLabel,
    /// A finer type when known from the gazetteers ("Country", "City").
    pub subtype: Option<String>,
}

/// A document with its linguistic analysis. Wraps the [`Document`] unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalyzedDoc {
    /// The input document, untouched.
    pub doc: Document,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Named entities in text order.
    pub entities: Vec<NamedEntity>,
}
