//! Paragraphs → a [`Document`]: drops long paragraphs repeated verbatim,
//! joins the rest with a blank line, and records where each came from.
//!
//! Scraped articles often repeat their headline and whole paragraphs
//! (page furniture, "read more" teasers). A repeat adds no fact but would
//! double every count, so only the first occurrence is kept. Paragraphs are
//! compared after whitespace is collapsed, which every reader already does.
//!
//! Only paragraphs of at least [`REPEAT_MIN_WORDS`] words are dropped (issue
//! 9, item 4): a short line said twice is usually text, not furniture (a
//! letter's "Sara," greeting, the rows of an earnings table, a dialogue's
//! "Yes."). Measured on the 21,268 news articles of the shared benchmark
//! corpus (`scripts/repeat_lengths.py`): every repeated paragraph of 1 to 6
//! words is such a line (table rows and labels such as "Avg shrs 5.2 mln vs
//! 5.1 mln" or "Pay April 15"), every one of 9 words or more repeats a whole
//! sentence or a headline; none has 7 or 8. Words are counted as
//! whitespace-separated pieces holding a letter, so figures do not make a
//! table row long. What was dropped is counted in
//! [`Document::dropped_repeats`].

use std::collections::HashSet;

/// Repeats of paragraphs with at least this many words (pieces holding a
/// letter) are dropped by default; shorter repeats are kept.
pub const REPEAT_MIN_WORDS: usize = 8;

/// The words of `paragraph` that count for [`REPEAT_MIN_WORDS`].
pub(crate) fn words(paragraph: &str) -> usize {
    paragraph
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
}

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
/// Repeats of paragraphs of at least `repeat_min_words` words are dropped;
/// `None` keeps every paragraph.
pub(crate) fn build(
    source: String,
    parsed: Parsed,
    repeat_min_words: Option<usize>,
) -> Option<Document> {
    let mut seen = HashSet::new();
    let mut dropped_repeats = 0;
    let mut text = String::new();
    let mut anchors = Vec::new();
    for para in parsed.paragraphs {
        if para.text.is_empty() {
            continue;
        }
        if let Some(min) = repeat_min_words {
            if words(&para.text) >= min && !seen.insert(para.text.clone()) {
                dropped_repeats += 1;
                continue;
            }
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
        dropped_repeats,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(paras: &[&str]) -> Parsed {
        Parsed {
            paragraphs: paras
                .iter()
                .enumerate()
                .map(|(i, p)| Paragraph::on_line(p.to_string(), i as u64 + 1))
                .collect(),
            ..Parsed::default()
        }
    }

    const HEADLINE: &str = "Harbour Town Council Votes To Rebuild The Old Ferry Pier";
    const FIRST: &str = "The council voted on Monday to rebuild the old ferry pier by next spring.";

    #[test]
    fn long_repeated_paragraphs_are_kept_once() {
        let parsed = parsed(&[HEADLINE, FIRST, HEADLINE, "Second point.", FIRST]);
        let Some(doc) = build("x".into(), parsed, Some(REPEAT_MIN_WORDS)) else {
            panic!("no document")
        };
        assert_eq!(doc.text, format!("{HEADLINE}\n\n{FIRST}\n\nSecond point."));
        assert_eq!(doc.dropped_repeats, 2);
        // "Second point." came from line 4.
        let at = doc.text.find("Second").unwrap_or(0);
        assert_eq!(doc.line_index.line_of(at), Some(4));
        assert_eq!(doc.line_index.line_of(0), Some(1));
    }

    #[test]
    fn short_repeats_are_text_and_stay() {
        // A letter's greeting said twice, an earnings table's rows: text.
        let paras = [
            "Dear Tom,",
            "Thanks for the photos.",
            "Dear Tom,",
            "Net loss 1.2 mln dlrs vs profit 3.4 mln",
            "Net loss 1.2 mln dlrs vs profit 3.4 mln",
        ];
        let doc = build("x".into(), parsed(&paras), Some(REPEAT_MIN_WORDS));
        let Some(doc) = doc else {
            panic!("no document")
        };
        assert_eq!(doc.text, paras.join("\n\n"));
        assert_eq!(doc.dropped_repeats, 0);
        assert_eq!(words(paras[3]), 7);
        assert_eq!(words("7 8 9 -- 1.5"), 0);
    }

    #[test]
    fn no_threshold_keeps_every_paragraph() {
        let paras = [HEADLINE, FIRST, HEADLINE];
        let doc = build("x".into(), parsed(&paras), None);
        let Some(doc) = doc else {
            panic!("no document")
        };
        assert_eq!(doc.text, paras.join("\n\n"));
        assert_eq!(doc.dropped_repeats, 0);
    }

    #[test]
    fn nothing_left_is_none() {
        assert!(build("x".into(), Parsed::default(), Some(REPEAT_MIN_WORDS)).is_none());
        assert_eq!(collapse("  a \t b\n c "), "a b c");
    }
}
