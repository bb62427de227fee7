//! The input stage's output: one cleaned article.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A document's identity: a hash of its cleaned text, so the same content
/// always gets the same id (this is what makes ingest idempotent).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DocId(pub String);

impl DocId {
    /// The id of a text: the first 16 bytes of its SHA-256, as 32 hex digits.
    pub fn of_text(text: &str) -> DocId {
        let digest = Sha256::digest(text.as_bytes());
        DocId(digest[..16].iter().map(|b| format!("{b:02x}")).collect())
    }
}

impl std::fmt::Display for DocId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One article, cleaned: markup stripped, long repeated paragraphs dropped.
///
/// Every byte offset in later stages (`Span`) points into [`Document::text`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Content hash of `text`.
    pub id: DocId,
    /// Where the article came from: a file path, `path#record` for a JSON
    /// Lines record, or `-` for stdin. Re-ingesting changed content from the
    /// same source replaces the earlier version.
    pub source: String,
    /// Headline, when the input format carries one.
    pub title: Option<String>,
    /// Publication date as given by the input (not parsed).
    pub date: Option<String>,
    /// Original URL, when known.
    pub url: Option<String>,
    /// The cleaned text: paragraphs separated by a blank line.
    pub text: String,
    /// Maps byte offsets in `text` back to 1-based lines of the source file.
    pub line_index: LineIndex,
    /// Paragraphs left out of `text` because they repeat an earlier one
    /// verbatim (long paragraphs only: see [`LoadOptions`](crate::LoadOptions)).
    #[serde(default)]
    pub dropped_repeats: usize,
}

impl Document {
    /// A document made from a plain string (tests, examples, stdin).
    pub fn from_text(source: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: DocId::of_text(&text),
            source: source.into(),
            title: None,
            date: None,
            url: None,
            line_index: LineIndex::identity(&text),
            text,
            dropped_repeats: 0,
        }
    }
}

/// Maps a byte offset of [`Document::text`] to the 1-based line of the source
/// it came from. Stored as sorted `(text_offset, source_line)` anchors, one per
/// paragraph (or per line of plain text): cleaning moves paragraphs around, but
/// never splits a line's text across two anchors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineIndex {
    /// Sorted by text offset.
    pub anchors: Vec<(usize, u64)>,
}

impl LineIndex {
    /// Each line of `text` is its own source line (text that was not moved).
    pub fn identity(text: &str) -> LineIndex {
        let mut anchors = vec![(0, 1)];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                anchors.push((i + 1, anchors.len() as u64 + 1));
            }
        }
        LineIndex { anchors }
    }

    /// The source line holding byte `offset` of the text, when known.
    pub fn line_of(&self, offset: usize) -> Option<u64> {
        let i = self.anchors.partition_point(|&(start, _)| start <= offset);
        if i == 0 {
            return None;
        }
        let (start, line) = self.anchors[i - 1];
        // Lines inside an anchor's paragraph are not tracked separately.
        let _ = start;
        Some(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_same_id() {
        assert_eq!(DocId::of_text("a b"), DocId::of_text("a b"));
        assert_ne!(DocId::of_text("a b"), DocId::of_text("a c"));
        assert_eq!(DocId::of_text("x").0.len(), 32);
    }

    #[test]
    fn identity_line_index() {
        let idx = LineIndex::identity("one\ntwo\nthree");
        assert_eq!(idx.line_of(0), Some(1));
        assert_eq!(idx.line_of(4), Some(2));
        assert_eq!(idx.line_of(9), Some(3));
    }
}
