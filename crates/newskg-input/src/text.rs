//! Plain text → paragraphs and a headline.
//!
//! A paragraph is a line, or a block between blank lines; a line break is
//! kept as a paragraph break unless it looks like hard wrapping (the line
//! does not end a sentence and the next starts in lower case), so both
//! one-paragraph-per-line scrapes and wrapped text come out right. The first
//! line is the headline when it looks like one (short, no final period); a
//! scraped page sometimes puts a one-sentence teaser before the headline, so
//! a title-cased second paragraph is accepted as well. The headline stays in
//! the text: it often states the main fact.

use super::dedup::{collapse, Paragraph, Parsed};

/// Paragraphs and headline of a plain-text article.
pub(crate) fn parse(text: String) -> Parsed {
    let paragraphs = paragraphs(&text, 1);
    let title = headline(&paragraphs);
    Parsed {
        title,
        paragraphs,
        ..Parsed::default()
    }
}

/// Splits `text` into paragraphs; `first_line` is the source line of its
/// first line.
pub(crate) fn paragraphs(text: &str, first_line: u64) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open = false; // whether the last paragraph may take more lines
    for (i, raw) in text.split('\n').enumerate() {
        let line_no = first_line + i as u64;
        let line = collapse(raw);
        if line.is_empty() {
            open = false;
            continue;
        }
        let joins = open
            && out.last().is_some_and(|p| !ends_sentence(&p.text))
            && line
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
        match out.last_mut() {
            Some(last) if joins => {
                last.text.push(' ');
                last.lines.push((last.text.len(), line_no));
                last.text.push_str(&line);
            }
            _ => out.push(Paragraph::on_line(line, line_no)),
        }
        open = true;
    }
    out
}

/// The 1-based number of the first line of `text` longer than `max` bytes
/// (see [`Limits::max_line_bytes`](crate::Limits)), if any.
pub(crate) fn long_line(text: &str, max: u64) -> Option<u64> {
    text.split('\n')
        .position(|line| line.len() as u64 > max)
        .map(|i| i as u64 + 1)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':', ';'])
}

/// The headline among the first paragraphs, if one looks like a headline.
fn headline(paragraphs: &[Paragraph]) -> Option<String> {
    let first = paragraphs.first()?;
    if looks_like_headline(&first.text) {
        return Some(first.text.clone());
    }
    let second = paragraphs.get(1)?;
    (looks_like_headline(&second.text) && title_cased(&second.text)).then(|| second.text.clone())
}

/// Short (at most 20 words, 200 bytes), starts with a capital or digit, and
/// does not end like a sentence or a clause.
fn looks_like_headline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let starts = text
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    (1..=20).contains(&words)
        && text.len() <= 200
        && starts
        && !text.ends_with(['.', ',', ';', ':'])
}

/// Most longer words start with a capital ("Mexico Closes Door on US ...").
fn title_cased(text: &str) -> bool {
    let long: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let capital = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !long.is_empty() && capital * 10 >= long.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &[Paragraph]) -> Vec<&str> {
        p.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn lines_and_blocks_are_paragraphs() {
        let p = paragraphs("Title Words\nFirst para.\n\n  Second   para.\n", 1);
        assert_eq!(texts(&p), ["Title Words", "First para.", "Second para."]);
        assert_eq!(p[2].lines, vec![(0, 4)]);
    }

    #[test]
    fn long_lines_are_found_by_number() {
        assert_eq!(long_line("short\nthis one is long\nshort", 10), Some(2));
        assert_eq!(long_line("short\nshort", 10), None);
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let p = paragraphs(
            "The minister said that the\nplan would go ahead.\nNext one.",
            1,
        );
        assert_eq!(
            texts(&p),
            [
                "The minister said that the plan would go ahead.",
                "Next one."
            ]
        );
        assert_eq!(p[0].lines, vec![(0, 1), (27, 2)]);
    }

    #[test]
    fn headline_detection() {
        let doc = parse("Rain Falls on the City\nIt rained all day.".into());
        assert_eq!(doc.title.as_deref(), Some("Rain Falls on the City"));
        assert_eq!(doc.paragraphs.len(), 2, "the headline stays in the text");
        let doc = parse("It rained all day in the city today.\nMore rain is due.".into());
        assert_eq!(doc.title, None);
        let teaser =
            parse("A teaser sentence comes first.\nCity Braces for More Rain\nBody.".into());
        assert_eq!(teaser.title.as_deref(), Some("City Braces for More Rain"));
        let not = parse("A teaser sentence comes first.\nthe rain goes on and on\nBody.".into());
        assert_eq!(not.title, None);
    }
}
