//! Negation and modality of a predicate.
//!
//! Takes a parsed sentence and a predicate token; says whether the text
//! denies it and how firmly it is asserted. Only grammatical negation counts
//! ("did not confirm", "never", "no troops will"): verbs that deny by their
//! meaning ("ruled out", "rejected", "denied") are positive facts of an
//! opposing relation, and their stance comes from the lexicon instead.
//! Modal auxiliaries and hedging adverbs make a fact Possible; "reportedly"
//! makes it Reported.

use super::clauses::Tree;
use crate::Modality;

/// Adverbs and particles that negate their head.
const NEGATORS: &[&str] = &["not", "n't", "never", "no", "nt"];

/// Subjects or objects that negate the whole clause ("nobody came").
const NEGATIVE_PRONOUNS: &[&str] = &["nobody", "nothing", "none", "noone", "no-one"];

/// Auxiliaries that hedge.
const HEDGING_AUX: &[&str] = &["would", "could", "may", "might"];

/// Adverbs that hedge.
const HEDGING_ADV: &[&str] = &[
    "possibly",
    "perhaps",
    "maybe",
    "potentially",
    "probably",
    "likely",
];

/// Adverbs that mark hearsay without naming the source.
const HEARSAY_ADV: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "supposedly",
];

/// Whether token `k` is a negation word attached as a modifier.
pub(crate) fn is_negator(t: &Tree, k: usize) -> bool {
    matches!(t.base(k), "advmod" | "neg" | "part") && NEGATORS.contains(&t.lower(k).as_str())
        || t.lemma(k) == "not" && t.base(k) == "advmod"
}

/// Whether predicate `p` is grammatically negated: a negation word on it,
/// or "no"/"nobody" on its subject or object.
pub(crate) fn is_negated(t: &Tree, p: usize) -> bool {
    t.kids(p).iter().any(|&k| {
        if is_negator(t, k) {
            return true;
        }
        match t.base(k) {
            "nsubj" | "obj" | "csubj" => {
                NEGATIVE_PRONOUNS.contains(&t.lower(k).as_str())
                    || t.kids(k)
                        .iter()
                        .any(|&d| t.base(d) == "det" && t.lower(d) == "no")
            }
            _ => false,
        }
    })
}

/// The modality the words around predicate `p` give it, if any.
pub(crate) fn modality(t: &Tree, p: usize) -> Option<Modality> {
    let mut out = None;
    for &k in t.kids(p) {
        let w = t.lower(k);
        match t.base(k) {
            "aux" if HEDGING_AUX.contains(&w.as_str()) => return Some(Modality::Possible),
            "advmod" if HEDGING_ADV.contains(&w.as_str()) => return Some(Modality::Possible),
            "mark" if w == "if" || w == "unless" => return Some(Modality::Possible),
            "advmod" if HEARSAY_ADV.contains(&w.as_str()) => out = Some(Modality::Reported),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::clauses::tests::{fixture_doc, tree_of};
    use super::*;

    #[test]
    fn grammatical_negation() {
        let doc = fixture_doc("extract-negation.conllu");
        // "The ministry did not confirm the report ."
        let t = tree_of(&doc, 0);
        assert!(is_negated(&t, t.find("confirm").unwrap()));
        // "The council ruled out a new tax ."
        let t = tree_of(&doc, 1);
        assert!(!is_negated(&t, t.find("ruled").unwrap()));
        // "No soldiers will enter the city ."
        let t = tree_of(&doc, 2);
        assert!(is_negated(&t, t.find("enter").unwrap()));
    }

    #[test]
    fn hedges_make_possible() {
        let doc = fixture_doc("extract-negation.conllu");
        // "Such a plan would harm local farmers ."
        let t = tree_of(&doc, 3);
        assert_eq!(
            modality(&t, t.find("harm").unwrap()),
            Some(Modality::Possible)
        );
        let t = tree_of(&doc, 1);
        assert_eq!(modality(&t, t.find("ruled").unwrap()), None);
    }
}
