//! Paragraphs → a [`Document`]: drops paragraphs repeated verbatim, joins
//! the rest with a blank line, and records where each came from.
//!
//! Scraped articles often repeat their headline and whole paragraphs
//! (page furniture, "read more" teasers). A repeat adds no fact but would
//! double every count, so only the first occurrence is kept. Paragraphs are
//! compared after whitespace is collapsed, which every reader already does.

use std::collections::HashSet;

use super::document::{DocId, Document, LineIndex};

/// One paragraph of cleaned text and where its lines came from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Paragraph {
    /// Whitespace-collapsed text, never empty.
    pub text: String,
    /// `(byte offset in text, 1-based source line)`, sorted, starting at 0.
    pub lines: Vec<(usize, u64)>,
}

impl Paragraph {
    /// A paragraph read from one source line.
    pub fn on_line(text: String, line: u64) -> Paragraph {
        Paragraph {
            text,
            lines: vec![(0, line)],
        }
    }
}

/// What a format reader found in one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Parsed {
    /// The headline, if the format has one.
    pub title: Option<String>,
    /// Publication date as written.
    pub date: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Body paragraphs in order, repeats included.
    pub paragraphs: Vec<Paragraph>,
}

/// Collapses every run of whitespace to one space and trims the ends.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The document of `parsed` from `source`, or `None` when no text is left.
pub(crate) fn build(source: String, parsed: Parsed) -> Option<Document> {
    let mut seen = HashSet::new();
    let mut text = String::new();
    let mut anchors = Vec::new();
    for para in parsed.paragraphs {
        if para.text.is_empty() || !seen.insert(para.text.clone()) {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let base = text.len();
        anchors.extend(para.lines.iter().map(|&(off, line)| (base + off, line)));
        text.push_str(&para.text);
    }
    if text.is_empty() {
        return None;
    }
    Some(Document {
        id: DocId::of_text(&text),
        source,
        title: parsed.title.filter(|t| !t.is_empty()),
        date: parsed.date.filter(|d| !d.is_empty()),
        url: parsed.url.filter(|u| !u.is_empty()),
        text,
        line_index: LineIndex { anchors },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_paragraphs_are_kept_once() {
        let paras = [
            "Headline Here",
            "First point.",
            "Headline Here",
            "Second point.",
            "First point.",
        ];
        let parsed = Parsed {
            paragraphs: paras
                .iter()
                .enumerate()
                .map(|(i, p)| Paragraph::on_line(p.to_string(), i as u64 + 1))
                .collect(),
            ..Parsed::default()
        };
        let doc = build("x".into(), parsed);
        let Some(doc) = doc else {
            panic!("no document")
        };
        assert_eq!(doc.text, "Headline Here\n\nFirst point.\n\nSecond point.");
        // "Second point." came from line 4.
        let at = doc.text.find("Second").unwrap_or(0);
        assert_eq!(doc.line_index.line_of(at), Some(4));
        assert_eq!(doc.line_index.line_of(0), Some(1));
    }

    #[test]
    fn nothing_left_is_none() {
        assert!(build("x".into(), Parsed::default()).is_none());
        assert_eq!(collapse("  a \t b\n c "), "a b c");
    }
}
