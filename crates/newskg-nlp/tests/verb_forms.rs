//! Verb forms through the shipped models: the tense a strong verb's form
//! shows is the tag it gets, whatever the context suggested to the tagger.

use std::path::PathBuf;
use std::sync::OnceLock;

use newskg_input::Document;
use newskg_nlp::Analyzer;

/// The shipped models, loaded once for all tests of this file.
fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(|| {
        let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../models"));
        Analyzer::load(&dir).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Each word of `text`'s first sentence with its tag and relation.
fn tagged(text: &str) -> Vec<(String, String, String)> {
    let doc = analyzer().analyze(Document::from_text("verbs.txt", text));
    doc.sentences[0]
        .tokens
        .iter()
        .map(|t| (t.form.clone(), t.xpos.clone(), t.deprel.clone()))
        .collect()
}

/// The first word of `words` whose form is `form`, with its tag and relation.
fn word<'w>(words: &'w [(String, String, String)], form: &str) -> &'w (String, String, String) {
    words
        .iter()
        .find(|w| w.0 == form)
        .unwrap_or_else(|| panic!("no {form}: {words:?}"))
}

/// "fell" is a past tense, never a participle: read as one ("stocks fell
/// by 2.5 mln barrels" as stocks that were felled), the sentence had no
/// verb and the amount became an agent.
#[test]
fn a_past_tense_form_is_no_participle() {
    let words = tagged("Crude stocks fell by 2.5 mln barrels in the week, the institute said.");
    let fell = word(&words, "fell");
    assert_eq!(fell.1, "VBD", "{words:?}");
    assert!(!words.iter().any(|w| w.2 == "obl:agent"), "{words:?}");
}

/// "taken" is a participle, never a past tense, and a noun reading of a
/// strong verb's form stays ("a rose").
#[test]
fn a_participle_form_is_no_past_tense() {
    let words = tagged("The board has taken a rose from the garden.");
    let taken = word(&words, "taken");
    assert_eq!(taken.1, "VBN", "{words:?}");
    let rose = word(&words, "rose");
    assert_eq!(rose.1, "NN", "{words:?}");
}

/// Wire copy's units are nouns: "cts" and "dlrs", whose "-s" looks like a
/// verb's, had made "4-3/4 cts a unit" a clause ("ct unit").
#[test]
fn a_wire_unit_is_no_verb() {
    let words =
        tagged("Tollund Mining declared a final payout of 4-3/4 cts a unit, its board said.");
    let cts = word(&words, "cts");
    assert_eq!(cts.1, "NNS", "{words:?}");
    let words = tagged("Harlow Steel will lift its list price by 45 U.S. dlrs a ton.");
    let dlrs = word(&words, "dlrs");
    assert_eq!(dlrs.1, "NNS", "{words:?}");
}

/// After a modal, with only adverbs between, comes a verb's base form: a
/// noun reading there ("will issue" with "issue" as a noun) leaves the
/// clause without its verb. An indefinite pronoun after the modal of a
/// question is its subject and stays a noun.
#[test]
fn the_word_after_a_modal_is_a_verb() {
    for (text, form) in [
        (
            "Ana Ruiz said the union would most likely focus on pay in the spring.",
            "focus",
        ),
        (
            "The Harlow council will issue its report on Monday.",
            "issue",
        ),
    ] {
        let words = tagged(text);
        let verb = word(&words, form);
        assert_eq!(verb.1, "VB", "{words:?}");
        assert!(!matches!(verb.2.as_str(), "compound" | "nmod"), "{words:?}");
    }
    let words = tagged("Why would anyone store old files there?");
    let anyone = word(&words, "anyone");
    assert_eq!(anyone.1, "NN", "{words:?}");
}

/// Pronouns are a closed class: a plural noun opening a sentence
/// ("Ministers met ...") is no personal pronoun, whatever its shape
/// suggested to the tagger; a real pronoun keeps its tag.
#[test]
fn only_a_pronoun_is_tagged_as_one() {
    let words = tagged("Ministers met the unions on Monday.");
    assert_eq!(words[0].1, "NNS", "{words:?}");
    let words = tagged("They met the unions on Monday.");
    assert_eq!(words[0].1, "PRP", "{words:?}");
}
