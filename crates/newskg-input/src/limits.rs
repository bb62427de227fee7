//! [`Limits`]: the one place that bounds every input dimension (issue 15,
//! item 3), so that a hostile or broken input (a gzip bomb, a 50 MB line,
//! 100,000 nested `<div>`s, a sentence without punctuation, a page of
//! 10,000 names) ends in a clear message naming the file and the limit, in
//! bounded memory and time, while the other inputs go on.
//!
//! This crate applies the byte and HTML limits while reading; the analysis
//! (`newskg-nlp`) applies the sentence limit and the pipeline the entity
//! limit, from the same struct, so the defaults and their reasons live here
//! together. Each default is far above what real news has: over the 21,268
//! articles of the shared benchmark, the longest JSON Lines record is
//! 25 KB, and none trips any limit (README, "Limits").

use std::fmt;

/// Bounds on every input dimension. Each can be raised (or lowered) per run
/// with the `newskg` flag named in its doc.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one input file after decompression (`.gz`); the rest of a
    /// file past it is not read (`--max-decompressed-bytes`, default 4 GiB:
    /// a news dump of a million articles fits, a gzip bomb stops there).
    pub max_decompressed_bytes: u64,
    /// Bytes of one whole-file article (text or HTML, after decompression)
    /// (`--max-document-bytes`, default 32 MiB: a long article is 100 KB,
    /// a saved page with inline images a few MB).
    pub max_document_bytes: u64,
    /// Bytes of one line: a JSON Lines record (the record is skipped and
    /// the next one read), or a line of a text file; not HTML, whose
    /// minified pages are one line (`--max-line-bytes`, default 8 MiB).
    pub max_line_bytes: u64,
    /// Nesting depth of HTML elements (`--max-html-depth`, default 512,
    /// the depth at which browsers stop nesting; the parser newskg uses
    /// has no such stop and slows down quadratically with depth).
    pub max_html_depth: usize,
    /// Tokens of one sentence: a longer one is analysed in pieces of at most
    /// this many tokens, with a warning (`--max-sentence-tokens`, default
    /// 400; real sentences run to about 150, and a piece bounds the
    /// parser's time and the extractor's work on it).
    pub max_sentence_tokens: usize,
    /// Named-entity mentions in one document (each occurrence counts, as
    /// coreference, resolution and storage work grows with them): a
    /// document with more is skipped before extraction (`--max-entities`,
    /// default 2,000; a long article has a few hundred).
    pub max_entities: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_decompressed_bytes: 4 << 30,
            max_document_bytes: 32 << 20,
            max_line_bytes: 8 << 20,
            max_html_depth: 512,
            max_sentence_tokens: 400,
            max_entities: 2_000,
        }
    }
}

/// Which limit an input went over (for [`InputError::OverLimit`](crate::InputError::OverLimit)).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_decompressed_bytes`].
    DecompressedBytes,
    /// [`Limits::max_document_bytes`].
    DocumentBytes,
    /// [`Limits::max_line_bytes`].
    LineBytes,
    /// [`Limits::max_html_depth`].
    HtmlDepth,
}

impl Limit {
    /// The command-line flag that sets this limit.
    pub fn flag(self) -> &'static str {
        match self {
            Limit::DecompressedBytes => "--max-decompressed-bytes",
            Limit::DocumentBytes => "--max-document-bytes",
            Limit::LineBytes => "--max-line-bytes",
            Limit::HtmlDepth => "--max-html-depth",
        }
    }
}

/// What went over which limit: `line longer than 8388608 bytes (8 MiB)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Over {
    pub limit: Limit,
    pub value: u64,
}

impl fmt::Display for Over {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (what, unit) = match self.limit {
            Limit::DecompressedBytes => ("input decompresses to more than", "bytes"),
            Limit::DocumentBytes => ("article longer than", "bytes"),
            Limit::LineBytes => ("line longer than", "bytes"),
            Limit::HtmlDepth => ("HTML elements nested deeper than", "levels"),
        };
        write!(f, "{what} the limit of {} {unit}", self.value)?;
        if unit == "bytes" && self.value >= 1024 {
            write!(f, " ({})", human(self.value))?;
        }
        let after = match self.limit {
            Limit::DecompressedBytes => "; the rest of the file is not read",
            _ => "",
        };
        write!(f, "{after} (raise it with {})", self.limit.flag())
    }
}

/// `32 MiB`, `4 GiB`, `1.5 KiB`.
pub(crate) fn human(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value.fract() == 0.0 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_limit_and_its_flag() {
        let over = Over {
            limit: Limit::LineBytes,
            value: 8 << 20,
        };
        assert_eq!(
            over.to_string(),
            "line longer than the limit of 8388608 bytes (8 MiB) (raise it with --max-line-bytes)"
        );
        let over = Over {
            limit: Limit::HtmlDepth,
            value: 512,
        };
        assert_eq!(
            over.to_string(),
            "HTML elements nested deeper than the limit of 512 levels (raise it with --max-html-depth)"
        );
        assert_eq!(human(1536), "1.5 KiB");
        assert_eq!(human(4 << 30), "4 GiB");
    }
}
