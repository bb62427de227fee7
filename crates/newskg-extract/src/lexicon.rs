//! The relation lexicon: normalised relation → stance class.
//!
//! Takes a relation as [`crate::Fact::relation`] holds it ("rule out",
//! "refuse to confirm") and returns its [`Stance`]. The entries live in
//! `relations.tsv` (embedded with `include_str!`, so the binary needs no data
//! files); they were written for newskg with the event classes of CAMEO and
//! PLOVER as a guide. Lookup tries the whole relation first, then its first
//! word, so "reject outright" still finds Oppose. The table is parsed by
//! [`Lexicon::builtin`] (a few hundred lines), once per `Extractor`: no global
//! state.

use std::collections::HashMap;

use crate::{Argument, Stance};

/// The embedded relation table.
const RELATIONS_TSV: &str = include_str!("relations.tsv");

/// Relation lemma → stance class.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    stances: HashMap<&'static str, Stance>,
}

impl Lexicon {
    /// The lexicon compiled into the binary. Lines that do not parse (a
    /// comment, an unknown class) are skipped; a unit test checks there are none.
    pub(crate) fn builtin() -> Lexicon {
        let stances = RELATIONS_TSV
            .lines()
            .filter_map(parse_line)
            .collect::<HashMap<_, _>>();
        Lexicon { stances }
    }

    /// The stance class of a relation towards `object`, if the relation has
    /// one in the sense the object allows. Attacks, threats, accusations,
    /// meetings and cooperation are done to people, organisations and
    /// places: "seize cocaine", "target a market", "confront a problem" use
    /// the same verbs in a sense that carries no stance.
    pub(crate) fn stance_towards(&self, relation: &str, object: &Argument) -> Option<Stance> {
        let stance = self.stance(relation)?;
        let needs_agentive_object = matches!(
            stance,
            Stance::Attack | Stance::Threaten | Stance::Accuse | Stance::Meet | Stance::Cooperate
        );
        (!needs_agentive_object || matches!(object, Argument::Entity(_))).then_some(stance)
    }

    /// The stance class of a relation, if the lexicon knows it.
    pub(crate) fn stance(&self, relation: &str) -> Option<Stance> {
        let relation = relation.trim();
        if let Some(s) = self.stances.get(relation) {
            return Some(*s);
        }
        // The longest first words the lexicon knows: "refuse to confirm" →
        // "refuse", "call on to act" → "call on" (not "call", of naming);
        // "be ruled out" → "rule out" stays unknown.
        relation
            .rmatch_indices(' ')
            .find_map(|(space, _)| self.stances.get(&relation[..space]))
            .copied()
    }
}

fn parse_line(line: &'static str) -> Option<(&'static str, Stance)> {
    if line.starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let (rel, class) = line.split_once('\t')?;
    Some((rel.trim(), Stance::from_name(class.trim())?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_parses() {
        for (i, line) in RELATIONS_TSV.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            assert!(
                parse_line(line).is_some(),
                "relations.tsv:{}: bad line {line:?}",
                i + 1
            );
        }
    }

    #[test]
    fn lexical_negations_oppose() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.stance("rule out"), Some(Stance::Oppose));
        assert_eq!(lex.stance("reject"), Some(Stance::Oppose));
        assert_eq!(lex.stance("refuse to confirm"), Some(Stance::Oppose));
        assert_eq!(lex.stance("laud"), Some(Stance::Praise));
        assert_eq!(lex.stance("president of"), Some(Stance::Role));
        assert_eq!(lex.stance("photosynthesize"), None);
        // The longest known first words: "call on" urges, "call" names.
        assert_eq!(lex.stance("call on to cut taxes"), Some(Stance::Support));
        assert_eq!(lex.stance("call"), Some(Stance::Designate));
    }

    #[test]
    fn attack_needs_someone_to_attack() {
        let lex = Lexicon::builtin();
        let drugs = Argument::Concept {
            label: "cocaine".into(),
            head: "cocaine".into(),
        };
        assert_eq!(lex.stance("attack"), Some(Stance::Attack));
        assert_eq!(
            lex.stance_towards("attack", &Argument::Entity(0)),
            Some(Stance::Attack)
        );
        assert_eq!(lex.stance_towards("attack", &drugs), None);
        // Opposing a plan is a stance towards a concept.
        assert_eq!(lex.stance_towards("reject", &drugs), Some(Stance::Oppose));
    }
}
