//! Short and odd inputs through the whole analysis and extraction with the
//! shipped models (issue 9, item 8): none may panic, and every offset must
//! still point into the text. The inputs are fixed lists and a seeded
//! generator, so every run checks the same texts; a failure prints the text.
//!
//! Each text goes through both entry points: `Analyzer::analyze` (articles)
//! and `Analyzer::analyze_as_sentence` (`extract --format carb`).
#![allow(clippy::print_stderr)]

use std::path::PathBuf;
use std::sync::OnceLock;

use newskg_extract::{DocFacts, Extractor};
use newskg_input::Document;
use newskg_nlp::Analyzer;

/// The shipped models, loaded once for all tests of this file.
fn engine() -> &'static (Analyzer, Extractor) {
    static ENGINE: OnceLock<(Analyzer, Extractor)> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
        let analyzer = Analyzer::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        let extractor = Extractor::new(analyzer.gazetteer().clone());
        (analyzer, extractor)
    })
}

/// Runs `text` through both entry points and checks every offset.
fn check(text: &str) {
    check_with(text, true);
}

/// Runs `text` through `analyze`, and `analyze_as_sentence` if `both`.
fn check_with(text: &str, both: bool) {
    let (analyzer, extractor) = engine();
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = extractor.extract(analyzer.analyze(Document::from_text("odd.txt", text)));
        invariants(text, &doc);
        if both {
            let one = extractor
                .extract(analyzer.analyze_as_sentence(Document::from_text("odd.txt", text)));
            invariants(text, &one);
        }
    }));
    if run.is_err() {
        panic!("analysis of {text:?} failed: see the panic message above");
    }
}

/// Spans point into the text at character boundaries; indices point at
/// sentences, tokens and entities that exist.
fn invariants(text: &str, doc: &DocFacts) {
    let analyzed = &doc.analyzed;
    assert_eq!(analyzed.doc.text, text, "the text is kept unchanged");
    for s in &analyzed.sentences {
        for t in &s.tokens {
            assert_eq!(
                text.get(t.span.start..t.span.end),
                Some(t.form.as_str()),
                "token {t:?} in {text:?}"
            );
        }
        if let Some(head) = s.tokens.iter().filter_map(|t| t.head).max() {
            assert!(head < s.tokens.len(), "head {head} out of sentence");
        }
    }
    for e in &analyzed.entities {
        let sentence = &analyzed.sentences[e.sentence];
        assert!(e.tokens.start < e.tokens.end && e.tokens.end <= sentence.tokens.len());
        assert!(text.get(e.span.start..e.span.end).is_some(), "{e:?}");
    }
    for m in &doc.mentions {
        assert!(m.sentence < analyzed.sentences.len(), "{m:?}");
        assert!(m.tokens.end <= analyzed.sentences[m.sentence].tokens.len());
        assert!(text.get(m.span.start..m.span.end).is_some(), "{m:?}");
        assert!(m.entity < doc.entities.len(), "{m:?}");
    }
    for f in &doc.facts {
        assert!(f.sentence < analyzed.sentences.len(), "{f:?}");
    }
}

/// Hand-picked odd texts: each is a shape that once broke, or could.
#[test]
fn short_and_odd_texts() {
    let texts = [
        // Issue 9 item 8: a capitalised last word, "The" alone at the end.
        "We watched The",
        "We watched The.",
        "The",
        "The The The",
        "They met The Harbour",
        "Officials of the",
        "Department of",
        "World",
        // One token.
        "Hello",
        "hello",
        "A",
        "I",
        "X.",
        "U.S.",
        // Only punctuation, quotes and brackets.
        ".",
        "...",
        "!?!",
        "\"",
        "'",
        "\u{201c}",
        "\u{201d}\u{2019}",
        "(",
        ")",
        "[ ] { } ( )",
        "( ( ( ( (",
        "-- \u{2014} \u{2013} / \\ & % $ #",
        "\"The\"",
        "(The)",
        "'s",
        "n't",
        // Only numbers.
        "1",
        "2024",
        "3.14 42 1,000 7%",
        "1. 2. 3.",
        "10:30",
        // Empty, blank and broken lines.
        "",
        " ",
        "\n",
        "\n\n\n",
        "\t\t",
        "The\n\nThe\n\nThe",
        "We watched The\n\n\n\nThey left.",
        "\r\n\r\n",
        // Unicode oddities: combining marks, zero-width and direction
        // characters, letters whose case changes their length, emoji
        // sequences, scripts without case.
        "Zoe\u{308} met Jose\u{301}.",
        "\u{200b}\u{200d}\u{feff}",
        "Ana\u{200b}Lima spoke.",
        "\u{202e}Ana Lima\u{202c} spoke.",
        "\u{130}stanbul \u{130}",
        "\u{1c5}ivko said",
        "Stra\u{df}e STRASSE \u{fb01}ne",
        "\u{3a3}\u{3b9}\u{3c3}\u{3c5}\u{3c6}\u{3bf}\u{3c2}",
        "\u{1f642}",
        "\u{1f469}\u{200d}\u{1f469}\u{200d}\u{1f467} The",
        "\u{65e5}\u{672c} \u{41c}\u{43e}\u{441}\u{43a}\u{432}\u{430}",
        "\u{645}\u{631}\u{62d}\u{628}\u{627}",
        "Ana\u{a0}Lima\u{2028}left\u{2029}.",
        "\u{fffd}\u{fffd}",
        "C$ A$ $",
        "Norland-based ex-Norland -based ex-",
        "Mr. Dr. St.",
        "Mr",
    ];
    for text in texts {
        check(text);
    }
}

/// A tiny xorshift generator: the same texts on every run and machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// 400 generated texts of 1 to 8 pieces, drawn from words that steer the
/// name rules (capitals, "The", "of", organisation and event words),
/// punctuation, numbers and unicode oddities.
#[test]
fn generated_short_texts() {
    const PIECES: &[&str] = &[
        "The",
        "the",
        "We",
        "watched",
        "said",
        "not",
        "of",
        "and",
        "for",
        "on",
        "de",
        "van",
        "Bank",
        "Cup",
        "World",
        "New",
        "Harbour",
        "Board",
        "Ministry",
        "President",
        "Ana",
        "Lima",
        "Norland",
        "NORLAND",
        "Mr.",
        "U.S.",
        "ex-Norland",
        "Norland-based",
        "C$",
        ".",
        ",",
        "!",
        "?",
        "...",
        "\"",
        "'",
        "\u{201c}",
        "\u{201d}",
        "(",
        ")",
        "[",
        "]",
        "-",
        "\u{2014}",
        "'s",
        "n't",
        "0",
        "42",
        "3.14",
        "1,000",
        "2024",
        "\n",
        "\n\n",
        "\u{301}",
        "\u{200b}",
        "\u{feff}",
        "\u{a0}",
        "\u{130}",
        "\u{df}",
        "\u{1f642}",
        "\u{65e5}\u{672c}",
        "who",
        "which",
        "told",
        "Reuters",
        "AP",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let n = 1 + rng.below(8);
        let mut text = String::new();
        for i in 0..n {
            // Mostly spaced, sometimes glued: "The(" and "42%" shapes too.
            if i > 0 && rng.below(4) != 0 {
                text.push(' ');
            }
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
        check(&text);
    }
}

/// One sentence of 10,000 tokens with no full stop, once in lower case and
/// once as one long capitalised run, which the name rules walk as a whole.
/// Without a full stop the article path sees one sentence too, so one entry
/// point is enough (and keeps the test to seconds in a debug build).
#[test]
fn a_ten_thousand_token_sentence() {
    let lower: Vec<&str> = [
        "they", "said", "the", "plan", "of", "Ana", "Lima", "was", "good", ",",
    ]
    .iter()
    .copied()
    .cycle()
    .take(10_000)
    .collect();
    check_with(&lower.join(" "), false);
    let capitals: Vec<&str> = ["Ana", "Lima", "Harbour", "Board", "The", "New"]
        .iter()
        .copied()
        .cycle()
        .take(10_000)
        .collect();
    check_with(&capitals.join(" "), false);
}
