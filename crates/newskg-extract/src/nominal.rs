//! Nominalisations and possessives read as facts.
//!
//! Takes a sentence; returns frames for event nouns whose agent and patient
//! are both in the noun phrase: "Mexico's rejection of military
//! intervention" → Mexico reject military intervention; "the designation of
//! the cartels by the government" → government designate cartels. Without
//! an agent the noun phrase stays a concept ("the terrorist designation of
//! cartels"), whose compact label keeps the `of` phrase. The noun → verb
//! table is small and explicit: suffix rules ("-tion") guess wrong too often
//! ("nation", "station").

use crate::frame::{Frame, Slot, SlotKind};
use crate::tree::Tree;
use crate::{Modality, Pattern};

/// Event nouns and the verb lemma they nominalise.
const NOMINALS: &[(&str, &str)] = &[
    ("rejection", "reject"),
    ("denial", "deny"),
    ("refusal", "refuse"),
    ("opposition", "oppose"),
    ("designation", "designate"),
    ("support", "support"),
    ("endorsement", "endorse"),
    ("approval", "approve"),
    ("acceptance", "accept"),
    ("criticism", "criticize"),
    ("condemnation", "condemn"),
    ("praise", "praise"),
    ("invasion", "invade"),
    ("occupation", "occupy"),
    ("attack", "attack"),
    ("seizure", "seize"),
    ("arrest", "arrest"),
    ("capture", "capture"),
    ("killing", "kill"),
    ("bombing", "bomb"),
    ("announcement", "announce"),
    ("declaration", "declare"),
    ("statement", "state"),
    ("revelation", "reveal"),
    ("confirmation", "confirm"),
    ("signing", "sign"),
    ("authorization", "authorize"),
    ("authorisation", "authorise"),
    ("adoption", "adopt"),
    ("imposition", "impose"),
    ("appointment", "appoint"),
    ("nomination", "nominate"),
    ("election", "elect"),
    ("investigation", "investigate"),
    ("accusation", "accuse"),
    ("threat", "threaten"),
    ("intervention", "intervene in"),
    ("visit", "visit"),
    ("acquisition", "acquire"),
    ("purchase", "purchase"),
    ("sale", "sell"),
    ("release", "release"),
    ("withdrawal", "withdraw from"),
    ("recognition", "recognize"),
    ("defence", "defend"),
    ("defense", "defend"),
    ("protection", "protect"),
    ("destruction", "destroy"),
    ("treatment", "treat"),
    ("use", "use"),
];

/// Frames for the event nouns of a sentence that name both participants.
pub(crate) fn frames(t: &Tree) -> Vec<Frame> {
    let mut out = Vec::new();
    for n in 0..t.len() {
        let lemma = t.lemma(n);
        let Some(&(_, verb)) = NOMINALS.iter().find(|(noun, _)| *noun == lemma) else {
            continue;
        };
        let agent = t.kids(n).iter().copied().find(|&k| {
            t.rel(k) == "nmod:poss" || t.base(k) == "nmod" && t.prep(k).as_deref() == Some("by")
        });
        let patient_prep = if verb.contains(' ') { None } else { Some("of") };
        let patient = t.kids(n).iter().copied().find(|&k| {
            t.base(k) == "nmod"
                && (t.prep(k).as_deref() == Some("of")
                    || patient_prep.is_none() && t.prep(k).is_some())
        });
        let (Some(agent), Some(patient)) = (agent, patient) else {
            continue;
        };
        let (relation, object) = (verb.to_string(), patient);
        out.push(Frame {
            pred: n,
            rel_tokens: vec![n],
            relation,
            subject: Some(Slot {
                head: agent,
                prep: None,
                kind: SlotKind::Object,
                exclude: Vec::new(),
            }),
            args: vec![Slot {
                head: object,
                prep: None,
                kind: SlotKind::Object,
                exclude: Vec::new(),
            }],
            negated: false,
            modality: Modality::Asserted,
            speaker: None,
            pattern: Pattern::Nominal,
            confidence: 0.55,
            object_inside: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::clauses::tests::{facts_of, get};
    use crate::Pattern;

    #[test]
    fn possessive_nominalisation() {
        let facts = facts_of("extract-nominal.conllu");
        // "Norway 's firm rejection of the proposal surprised observers ."
        let f = get(&facts, "Norway|reject|proposal");
        assert_eq!(f.pattern, Pattern::Nominal);
        assert!(!f.negated);
        // "The designation of the groups by the ministry took months ."
        get(&facts, "ministry|designate|groups");
    }

    #[test]
    fn agentless_nominal_stays_concept() {
        let facts = facts_of("extract-nominal.conllu");
        // "The senator defended the terrorist designation of the gangs ."
        get(&facts, "senator|defend|terrorist designation of gangs");
        assert!(!facts
            .iter()
            .any(|(k, f)| f.pattern == Pattern::Nominal && k.contains("gangs")));
    }
}
