//! Sentence splitter: tokens (from [`tokenize`](super::tokenize)) in,
//! sentences out as token index ranges that cover every token in order.
//!
//! A sentence ends
//! - after a run of `.`, `!` or `?` (with any closing quotes and brackets
//!   that follow it: `... invasion.” This` splits after `”`), unless the next
//!   token shows the sentence goes on (`"Help!" he said`, `, ; :`);
//! - after an ellipsis only when a capitalised word follows;
//! - after an abbreviation that can end a sentence ("Inc.", "U.S.", "etc.")
//!   only when the next word clearly starts one ("The", "He", "But"...);
//!   titles and initials ("Mr.", "J.") never end one;
//! - at every blank line (paragraph break), and at a single line break after
//!   a line with no final punctuation (a headline or dateline) when the next
//!   line starts with a capital, digit or quote.
//!
//! Why rules and not a model: news text is edited, so punctuation and
//! capitalisation carry the boundaries; the rules are cheap and predictable,
//! and the tokenizer has already decided which periods are abbreviations.

use std::ops::Range;

use super::Span;

/// Groups `tokens` (spans into `text`) into sentences: token index ranges.
///
/// ```
/// use newskg_nlp::{split_sentences, tokenize};
/// let text = "Mr. Smith said no. She left.";
/// let tokens = tokenize(text);
/// assert_eq!(split_sentences(text, &tokens), [0..5, 5..8]);
/// ```
pub fn split_sentences(text: &str, tokens: &[Span]) -> Vec<Range<usize>> {
    let n = tokens.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        // A dateline opening one of the first sentences is a sentence of
        // its own (see `dateline_end`).
        if i == start && out.len() < 3 {
            if let Some(dash) = dateline_end(text, tokens, start) {
                out.push(start..dash + 1);
                start = dash + 1;
                i = start;
                continue;
            }
        }
        let mut last = i;
        let mut boundary = false;
        if let Some(kind) = terminal(tokens[i].of(text)) {
            while last + 1 < n && is_closer(text, tokens, last + 1) {
                last += 1;
            }
            boundary = last + 1 < n && ends_here(kind, text, tokens, last);
        }
        if !boundary && last + 1 < n {
            boundary = line_break(text, tokens, last);
        }
        if boundary || last + 1 == n {
            out.push(start..last + 1);
            start = last + 1;
        }
        i = last + 1;
    }
    out
}

/// The dash that ends the dateline opening the sentence at token `start`:
/// one to three words in capitals (or capitalised, when a date follows),
/// then a region, a date or an agency in any order ("KESTON, March 17 -", "EAST LUND, Ohio, May 2 -", "TOLLUND
/// (Wirefeed) -", "KESTON, Nov 5 (Wirefeed) -"). A dateline says where a story
/// was filed; parsed with the story's first clause, its place becomes that
/// clause's subject or an apposition to it ("Keston say …"). A run of
/// capitals and a dash alone ("NATO - the alliance") is not enough: the
/// date or the agency marks a dateline.
fn dateline_end(text: &str, tokens: &[Span], start: usize) -> Option<usize> {
    let word = |k: usize| tokens.get(k).map(|s| s.of(text));
    let is_caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let is_capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let is_day = |w: &str| (1..=2).contains(&w.len()) && w.chars().all(|c| c.is_ascii_digit());
    let is_dash = |k: usize| matches!(word(k), Some("-" | "--" | "—" | "–"));
    let mut k = start;
    while k < start + 3 && word(k).is_some_and(is_caps) {
        k += 1;
    }
    let caps_end = k;
    // Some wires write the place in mixed case ("Keston, March 17 -"):
    // then only a date marks the dateline.
    let mixed_case = k == start;
    if mixed_case {
        while k < start + 3 && word(k).is_some_and(is_capitalised) {
            k += 1;
        }
    }
    if k == start {
        return None;
    }
    let mut dated = false;
    let mut marked = false;
    let mut regional = false;
    for _ in 0..4 {
        match word(k) {
            // "2 March", the day first.
            Some(",")
                if word(k + 1).is_some_and(is_day)
                    && word(k + 2).is_some_and(crate::names::is_month) =>
            {
                k += 3;
                marked = true;
                dated = true;
            }
            Some(",") if word(k + 1).is_some_and(crate::names::is_month) => {
                // "March 17", or the month alone right before the dash.
                if word(k + 2).is_some_and(is_day) {
                    k += 3;
                } else if is_dash(k + 2) {
                    k += 2;
                } else {
                    return None;
                }
                marked = true;
                dated = true;
            }
            Some(",") => {
                let region = (k + 1..k + 4)
                    .take_while(|&r| word(r).is_some_and(is_capitalised))
                    .count();
                if region == 0 {
                    return None;
                }
                k += 1 + region;
                regional = true;
                // An abbreviated region ("Ill.", "Calif."): its period.
                if word(k) == Some(".") && (word(k + 1) == Some(",") || is_dash(k + 1)) {
                    k += 1;
                }
            }
            Some("(") => {
                let agency = (k + 1..k + 4)
                    .take_while(|&r| word(r).is_some_and(is_capitalised))
                    .count();
                if agency == 0 || word(k + 1 + agency) != Some(")") {
                    return None;
                }
                k += 2 + agency;
                marked = true;
            }
            _ => break,
        }
    }
    // Opening the whole text or the line after a headline, a place in
    // capitals right before a dash needs no date ("FRANKFURT - The dollar
    // ...", "ADDIS ABABA - ..."), when it is no acronym ("NATO - the
    // alliance - met": a word of five letters or more, or two words); nor
    // does one with its region ("EAST LUND, Ohio -"). Some papers end the
    // bare place with a colon ("KESTON: The port ...").
    let opens_a_line = start == 0
        || text[..tokens[start].start]
            .trim_end_matches([' ', '\t'])
            .ends_with('\n');
    let bare_place = k == caps_end
        && (k - start >= 2
            || word(start).is_some_and(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 5));
    let bare_opening = opens_a_line && !mixed_case && bare_place;
    let dash = is_dash(k) || (word(k) == Some(":") && bare_opening);
    let with_region = opens_a_line && !mixed_case && regional;
    ((marked && (dated || !mixed_case) || bare_opening || with_region)
        && dash
        && k + 1 < tokens.len())
    .then_some(k)
}

/// What kind of sentence end a token can be.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Terminal {
    /// `.`, `!`, `?` or a run of them ("?!", "!!!", "....").
    Stop,
    /// `...` or `…`: ends a sentence only before a capital.
    Ellipsis,
    /// A word with its period that often ends a sentence ("Inc.", "U.S.").
    Abbreviation,
    /// A title or initial ("Mr.", "J."): never ends a sentence by itself.
    Title,
}

/// Titles (and abbreviations that precede what they modify): a sentence
/// never ends after them.
const TITLES: &[&str] = &[
    "Mr.", "Mrs.", "Ms.", "Messrs.", "Dr.", "Drs.", "Prof.", "St.", "Mt.", "Ft.", "Gen.", "Sen.",
    "Sens.", "Rep.", "Reps.", "Gov.", "Lt.", "Col.", "Capt.", "Cpt.", "Sgt.", "Maj.", "Adm.",
    "Cmdr.", "Cdr.", "Rev.", "Hon.", "Pres.", "Supt.", "Cpl.", "Pvt.", "Insp.", "Fr.", "Atty.",
    "No.", "Nos.", "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.", "ca.", "Vol.", "Art.", "Ch.",
    "Sec.", "p.", "Gens.", "Lieut.", "Brig.", "Fig.",
];

fn terminal(tok: &str) -> Option<Terminal> {
    let first = tok.as_bytes().first().copied()?;
    if matches!(tok, "。" | "！" | "？") {
        return Some(Terminal::Stop);
    }
    if matches!(first, b'.' | b'!' | b'?') || tok.starts_with('…') {
        if tok == "…" || (tok.len() >= 2 && tok.bytes().all(|b| b == b'.')) {
            return Some(Terminal::Ellipsis);
        }
        return tok
            .chars()
            .all(|c| matches!(c, '.' | '!' | '?' | '…'))
            .then_some(Terminal::Stop);
    }
    if tok.len() > 1 && tok.ends_with('.') && !first.is_ascii_digit() {
        let w = &tok[..tok.len() - 1];
        if TITLES.contains(&tok) || (w.len() == 1 && first.is_ascii_uppercase()) {
            return Some(Terminal::Title);
        }
        return Some(Terminal::Abbreviation);
    }
    None
}

/// Whether token `k` closes what precedes it: a bracket or quote written
/// right after the previous token (or a curly closing quote).
fn is_closer(text: &str, tokens: &[Span], k: usize) -> bool {
    let tok = tokens[k].of(text);
    let attached = tokens[k - 1].end == tokens[k].start;
    let footnote = |k: usize| {
        tokens.get(k).is_some_and(|t| t.of(text) == "[")
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.of(text).bytes().all(|b| b.is_ascii_digit()))
            && tokens.get(k + 2).is_some_and(|t| t.of(text) == "]")
    };
    // A footnote marker "[2]" after the period: "[" opens it, then its
    // number and "]" follow as closers.
    if attached && tok == "[" && footnote(k) {
        return true;
    }
    if (k >= 2 && footnote(k - 1)) || (k >= 3 && footnote(k - 2)) {
        return attached;
    }
    match tok {
        "”" | "’" | "»" | "’’" | ":)" | ":-)" | ":(" | ":-(" | ":D" | ":P" | ";)" | ";-)" => {
            true
        }
        ")" | "]" | "}" | "\"" | "'" | "''" => attached,
        _ => false,
    }
}

/// Whether a sentence ends after token `last`, given the terminal kind of
/// the sentence-final punctuation (there is a next token).
fn ends_here(kind: Terminal, text: &str, tokens: &[Span], last: usize) -> bool {
    let next = tokens[last + 1].of(text);
    let gap = &text[tokens[last].end..tokens[last + 1].start];
    let first = next.chars().next().unwrap_or(' ');
    let continues =
        matches!(next, "," | ";" | ":" | ")" | "]" | "}" | "%") || next.starts_with('.');
    if continues {
        return false;
    }
    let starts_upper =
        first.is_uppercase() || first.is_ascii_digit() || opens(next, tokens, text, last + 1);
    match kind {
        Terminal::Stop => {
            // "Help!" he said: ! and ? in a quote before a lower-case word go on.
            let tok = tokens_terminal(text, tokens, last);
            let quoted = tokens[last].of(text) != tok;
            !(quoted && tok.contains(['!', '?']) && first.is_lowercase())
        }
        Terminal::Ellipsis => starts_upper || gap.contains('\n'),
        Terminal::Abbreviation => {
            gap.contains('\n')
                || is_sentence_start(next, tokens, text, last + 1)
                || after_legal_form(text, tokens, last)
        }
        Terminal::Title => false,
    }
}

/// The terminal token of the sentence ending at `last` (before its closers).
fn tokens_terminal<'a>(text: &'a str, tokens: &[Span], last: usize) -> &'a str {
    let mut k = last;
    while k > 0 && terminal(tokens[k].of(text)).is_none() {
        k -= 1;
    }
    tokens[k].of(text)
}

/// Whether token `k` is an opening quote or bracket before a capital.
fn opens(tok: &str, tokens: &[Span], text: &str, k: usize) -> bool {
    matches!(tok, "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "``")
        && tokens
            .get(k + 1)
            .and_then(|t| t.of(text).chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `word` is a capitalised function word that starts sentences
/// ([`STARTERS`]).
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    STARTERS.contains(&word)
}

/// Capitalised function words that start sentences but rarely follow an
/// abbreviation inside one.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "All",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Meanwhile",
    "However",
    "Also",
    "Still",
    "Then",
    "Now",
    "Today",
    "Yesterday",
    "Earlier",
    "Later",
    "Last",
    "Since",
    "Although",
    "Though",
    "Because",
    "Both",
    "Each",
    "Such",
    "Other",
    "Other",
    "Under",
    "Among",
    "One",
    "Two",
    "No",
    "Not",
    "Instead",
    "Thus",
    "Despite",
    "According",
    "By",
    "With",
    "From",
    "To",
    "During",
    "Officials",
    "Analysts",
];

/// Whether token `k` clearly starts a sentence (after an abbreviation).
fn is_sentence_start(tok: &str, tokens: &[Span], text: &str, k: usize) -> bool {
    if STARTERS.contains(&tok) {
        return true;
    }
    matches!(tok, "\"" | "“" | "‘")
        && tokens.get(k + 1).is_some_and(|t| {
            STARTERS.contains(&t.of(text))
                || t.of(text).chars().next().is_some_and(char::is_uppercase)
        })
}

/// Whether the legal form ending at token `last` ("Vantor Corp.",
/// "Kessel Inc.") closes its sentence: the next word is capitalised and the
/// one after it is a lower-case word that joins no name ("Inc. Terms were",
/// "Corp. Output fell"). A capitalised word after it continues a name or a
/// title inside the sentence ("Vantor Inc. Chief Executive Ola Lind said",
/// "Kessel Co. Ltd of Oslo"), and a lower-case word continues the sentence
/// ("Vantor Corp. shares rose"). Of the 60 most frequent such shapes in the
/// bench's wire copy, all but two ("Co. Ltd of", "Co. Brown and", kept
/// whole by the joiners) are sentence ends.
fn after_legal_form(text: &str, tokens: &[Span], last: usize) -> bool {
    const FORMS: &[&str] = &["Corp.", "Inc.", "Co.", "Ltd.", "Cos.", "Bros.", "Plc."];
    const JOINERS: &[&str] = &["of", "and", "de", "du", "y", "van", "von"];
    let word = |k: usize| tokens.get(k).map(|t| t.of(text));
    let (Some(form), Some(next), Some(after)) = (word(last), word(last + 1), word(last + 2)) else {
        return false;
    };
    FORMS.contains(&form)
        && next.chars().next().is_some_and(char::is_uppercase)
        && next.chars().skip(1).all(char::is_lowercase)
        && after.chars().next().is_some_and(char::is_lowercase)
        && !JOINERS.contains(&after)
}

/// Lower-case words after which a line break is a wrapped line, not a
/// headline end.
const CONTINUERS: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "with", "by",
    "from", "as", "that", "is", "are", "was", "were", "be", "has", "have", "had", "its", "their",
    "his", "her", "this", "which", "who",
];

/// Whether the whitespace after token `last` breaks the sentence: a blank
/// line always, a single line break after a line without final punctuation
/// when the next line starts like a sentence.
fn line_break(text: &str, tokens: &[Span], last: usize) -> bool {
    let gap = &text[tokens[last].end..tokens[last + 1].start];
    let Some(nl) = gap.find('\n') else {
        return false;
    };
    if gap[nl + 1..].contains('\n') {
        return true;
    }
    let prev = tokens[last].of(text);
    let next = tokens[last + 1].of(text);
    let prev_last = prev.chars().next_back().unwrap_or(' ');
    let open_line =
        prev_last.is_alphanumeric() || matches!(prev_last, '"' | '”' | '’' | ')' | ']' | '\'');
    let first = next.chars().next().unwrap_or(' ');
    let next_starts =
        first.is_uppercase() || first.is_ascii_digit() || opens(next, tokens, text, last + 1);
    open_line && next_starts && !CONTINUERS.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    #[test]
    fn a_dateline_is_a_sentence_of_its_own() {
        assert_eq!(
            sents("KESTON, May 2 - The Vantor Group said it would sell."),
            ["KESTON, May 2 -", "The Vantor Group said it would sell."]
        );
        assert_eq!(
            sents("EAST LUND, Ohio, Nov 5 (Wirefeed) - Ana Ruiz won."),
            ["EAST LUND, Ohio, Nov 5 (Wirefeed) -", "Ana Ruiz won."]
        );
        assert_eq!(
            sents("TOLLUND (Wirefeed) — Rain fell."),
            ["TOLLUND (Wirefeed) —", "Rain fell."]
        );
        // A place in mixed case with a date; not with an agency alone.
        assert_eq!(
            sents("Keston, Feb 26 - The Vantor Group said it would sell."),
            ["Keston, Feb 26 -", "The Vantor Group said it would sell."]
        );
        assert_eq!(
            sents("KESTON, Ill., Feb 26 - Rain fell."),
            ["KESTON, Ill., Feb 26 -", "Rain fell."]
        );
        // Opening the text: a place in capitals and a dash, or a month
        // without its day.
        assert_eq!(
            sents("KESTON - Rain fell on the city."),
            ["KESTON -", "Rain fell on the city."]
        );
        assert_eq!(
            sents("EAST LUND - Rain fell."),
            ["EAST LUND -", "Rain fell."]
        );
        assert_eq!(
            sents("KESTON, May - Rain fell."),
            ["KESTON, May -", "Rain fell."]
        );
        assert_eq!(sents("NATO - the alliance - met.").len(), 1);
        // A place and its region, or a bare place and a colon, opening a line.
        assert_eq!(
            sents("EAST LUND, Ohio -- Police held a man."),
            ["EAST LUND, Ohio --", "Police held a man."]
        );
        assert_eq!(
            sents("KESTON, Ill. - Rain fell."),
            ["KESTON, Ill. -", "Rain fell."]
        );
        assert_eq!(
            sents("KESTON: The port reopened."),
            ["KESTON:", "The port reopened."]
        );
        assert_eq!(sents("NOTE: the port reopened.").len(), 1);
        // The line after a headline opens the story too.
        assert_eq!(
            sents("RAIN IN KESTON\n\nKESTON - Rain fell."),
            ["RAIN IN KESTON", "KESTON -", "Rain fell."]
        );
        assert_eq!(
            sents("KESTON, 2 March - Rain fell."),
            ["KESTON, 2 March -", "Rain fell."]
        );
        assert_eq!(sents("Vantor Group (VG) - the firm - sold it.").len(), 1);
        // Capitals and a dash without a date or agency: no dateline.
        assert_eq!(
            sents("NATO - the alliance - met. It rained."),
            ["NATO - the alliance - met.", "It rained."]
        );
        // Only where a story opens.
        assert_eq!(
            sents("It rained. It snowed. It hailed. OSLO, May 2 - Rain fell.").len(),
            4
        );
    }

    /// The sentences of `text` as strings (from first to last token).
    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        let ranges = split_sentences(text, &tokens);
        let mut next = 0;
        for r in &ranges {
            assert_eq!(r.start, next, "ranges must cover tokens in order");
            assert!(r.end > r.start);
            next = r.end;
        }
        assert_eq!(next, tokens.len());
        ranges
            .iter()
            .map(|r| &text[tokens[r.start].start..tokens[r.end - 1].end])
            .collect()
    }

    #[test]
    fn a_legal_form_ends_a_sentence_before_a_new_one() {
        assert_eq!(
            sents("The mill was bought by Vantor Corp. Output fell in May."),
            ["The mill was bought by Vantor Corp.", "Output fell in May."]
        );
        // A title, a name's next word or a lower-case word goes on.
        for text in [
            "Kessel Inc. Chief Executive Ola Lind said so.",
            "Vantor Corp. shares rose.",
            "Kessel Co. Ltd of Oslo agreed.",
        ] {
            assert_eq!(sents(text), [text]);
        }
    }

    #[test]
    fn splits_at_final_punctuation() {
        assert_eq!(
            sents("He left. She stayed! Why? Nobody knows"),
            ["He left.", "She stayed!", "Why?", "Nobody knows"]
        );
        assert_eq!(
            sents("Mr. Smith said. He left."),
            ["Mr. Smith said.", "He left."]
        );
        assert_eq!(sents("Donald J. Trump spoke."), ["Donald J. Trump spoke."]);
    }

    #[test]
    fn abbreviations_split_only_before_a_clear_start() {
        assert_eq!(
            sents("He moved to the U.S. The move was costly. The U.S. Senate agreed."),
            [
                "He moved to the U.S.",
                "The move was costly.",
                "The U.S. Senate agreed."
            ]
        );
        assert_eq!(
            sents("Acme Inc. said it would. At 5 p.m. Monday it did."),
            ["Acme Inc. said it would.", "At 5 p.m. Monday it did."]
        );
        assert_eq!(
            sents("Apples, pears, etc. But not plums."),
            ["Apples, pears, etc.", "But not plums."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let text =
            "Sheinbaum declared, “There is not going to be an invasion.” This comment came later.";
        assert_eq!(
            sents(text),
            [
                "Sheinbaum declared, “There is not going to be an invasion.”",
                "This comment came later."
            ]
        );
        assert_eq!(
            sents("He said \"no.\" Then he left."),
            ["He said \"no.\"", "Then he left."]
        );
        assert_eq!(
            sents("It was praised.[2] In 1891 he left."),
            ["It was praised.[2]", "In 1891 he left."]
        );
        assert_eq!(
            sents("Two rules. 1. Matter is made of atoms."),
            ["Two rules.", "1. Matter is made of atoms."]
        );
        assert_eq!(
            sents("\"Help!\" he cried. (It was late.) We ran."),
            ["\"Help!\" he cried.", "(It was late.)", "We ran."]
        );
    }

    #[test]
    fn ellipsis_splits_before_a_capital() {
        assert_eq!(
            sents("with the military... There is not going to be... an invasion."),
            [
                "with the military...",
                "There is not going to be... an invasion."
            ]
        );
    }

    #[test]
    fn paragraphs_and_headlines() {
        let text = "Mexico Closes Door on US Intervention\nMexican President's denial follows.\n\nIn a statement, she spoke\n\nnext part";
        assert_eq!(
            sents(text),
            [
                "Mexico Closes Door on US Intervention",
                "Mexican President's denial follows.",
                "In a statement, she spoke",
                "next part"
            ]
        );
        // A wrapped line (ends in a function word, or next line lower-case) is not a break.
        assert_eq!(
            sents("They met the\nPresident and\nthen left."),
            ["They met the\nPresident and\nthen left."]
        );
        // Offsets: the headline is tokens 0..6.
        let tokens = tokenize(text);
        assert_eq!(split_sentences(text, &tokens)[0], 0..6);
    }

    #[test]
    fn empty_and_unpunctuated() {
        assert!(split_sentences("", &[]).is_empty());
        assert!(split_sentences("  \n\n ", &tokenize("  \n\n ")).is_empty());
        let text = "word ".repeat(20_000);
        let tokens = tokenize(&text);
        assert_eq!(split_sentences(&text, &tokens), vec![0..20_000]);
        assert_eq!(
            sents("😀 Привет! 東京です。 ok"),
            ["😀 Привет!", "東京です。", "ok"]
        );
    }
}
