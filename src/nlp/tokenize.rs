//! Tokenizer (SKELETON: whitespace and punctuation only; to be replaced).

use super::Span;

/// Splits `text` into word tokens, returned as byte spans in order.
pub fn tokenize(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Span::new(s, i));
            }
        } else if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                out.push(Span::new(s, i));
            }
            out.push(Span::new(i, i + c.len_utf8()));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(s, text.len()));
    }
    out
}
