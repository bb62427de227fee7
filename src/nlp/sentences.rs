//! Sentence splitter (SKELETON: splits after . ! ?; to be replaced).

use std::ops::Range;

use super::Span;

/// Groups `tokens` (spans into `text`) into sentences: token index ranges.
pub fn split_sentences(text: &str, tokens: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if matches!(t.of(text), "." | "!" | "?") {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}
