//! Quotations: what stands inside quotation marks is the speaker's claim, not
//! the article's, also when the quote runs over several sentences or
//! paragraphs after its speaker is named.
//!
//! Takes the document text; returns the byte ranges inside quotation marks.
//! Curly double quotes open and close by their shape; straight double quotes
//! alternate. Single quotes are left alone: they are apostrophes too, and
//! headlines use them for scare quotes. News style continues a quote over
//! paragraphs by opening each paragraph with a quote mark and closing only
//! the last one, so a line break inside an open quote closes it unless the
//! next line opens with a quote mark: one unbalanced mark cannot claim the
//! rest of an article.

use std::ops::Range;

/// The byte ranges of `text` inside double quotation marks, in order.
pub(crate) fn spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, mut c)) = chars.next() {
        // Two single marks typed for a double one (‘‘ or ‘’ opening, ’’
        // closing, `` and '' as in typewriter and treebank text) are that
        // double mark: left single, a closing quote would run on to the end
        // of the paragraph.
        let mut width = c.len_utf8();
        if let Some(&(_, next)) = chars.peek() {
            let double = match (c, next) {
                ('‘' | '`', '‘' | '’' | '`') => Some('“'),
                ('’', '’') => Some('”'),
                ('\'', '\'') => Some('"'),
                _ => None,
            };
            if let Some(d) = double {
                width += next.len_utf8();
                chars.next();
                c = d;
            }
        }
        match c {
            '“' if open.is_none() => open = Some(i + width),
            '”' => {
                if let Some(start) = open.take() {
                    out.push(start..i);
                }
            }
            // A straight mark shaped as an opening one (after a space,
            // before a word) inside an open quote reopens it: news style
            // opens each quoted sentence or paragraph again where a text
            // has lost its line breaks (“... he made. "Far from ...").
            '"' if open.is_some() && opens_by_shape(text, i) => {}
            '"' => match open.take() {
                Some(start) => out.push(start..i),
                None => open = Some(i + width),
            },
            '\n' if open.is_some() => {
                // Skip the blank lines and indentation before the next line.
                while chars.peek().is_some_and(|&(_, n)| n.is_whitespace()) {
                    chars.next();
                }
                match chars.peek() {
                    // The quote goes on: its reopening mark is not a close.
                    Some(&(_, '“' | '"')) => {
                        chars.next();
                    }
                    _ => {
                        if let Some(start) = open.take() {
                            out.push(start..i);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        out.push(start..text.len());
    }
    out.retain(|r| !r.is_empty());
    out
}

/// Whether the straight quotation mark at byte `i` has an opening mark's
/// shape: a space before it and a word's first character after it.
fn opens_by_shape(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_whitespace)
        && text[i + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// The index of the span in `spans` that holds byte `at`, if any.
pub(crate) fn holding(spans: &[Range<usize>], at: usize) -> Option<usize> {
    spans.iter().position(|r| r.contains(&at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        spans(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn curly_and_straight_quotes() {
        assert_eq!(
            quoted("“We will win,” the coach said. He added: \"It is close.\""),
            ["We will win,", "It is close."]
        );
    }

    #[test]
    fn a_quote_over_several_sentences() {
        let text =
            "The mayor said: “The bridge is safe. It opens in May. Trust us.” Then she left.";
        assert_eq!(
            quoted(text),
            ["The bridge is safe. It opens in May. Trust us."]
        );
    }

    #[test]
    fn a_quote_over_paragraphs_reopens_each_paragraph() {
        let text =
            "Ms Lane said: “The plan is sound.\n\n“It will save money.”\n\nCritics disagree.";
        let q = quoted(text);
        // The reopening mark of the second paragraph does not close the quote.
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].starts_with("The plan") && q[0].ends_with("save money."));
    }

    #[test]
    fn a_quote_reopened_inside_a_paragraph_goes_on() {
        let text = "Ms Lane said: \"The plan is sound. \"It will save money.\" Critics \
                    disagree. \"It is a waste,\" one said.";
        assert_eq!(
            quoted(text),
            ["The plan is sound. \"It will save money.", "It is a waste,"]
        );
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_paragraph() {
        let text = "He said “the deal is done.\n\nThe firm's shares rose.";
        assert_eq!(quoted(text), ["the deal is done."]);
    }

    #[test]
    fn two_single_marks_are_one_double_mark() {
        let text = "“The port is open,’’ said Ola Lind. The ships left. ‘’We are ready,” he added.";
        assert_eq!(quoted(text), ["The port is open,", "We are ready,"]);
        assert_eq!(
            quoted("``It is done,'' she said. It was late."),
            ["It is done,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(spans("The firm's chief said it's 'fine'.").is_empty());
    }
}
