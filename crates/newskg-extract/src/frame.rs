//! Frames: one predicate of a sentence with its subject, argument slots,
//! negation, modality and attribution, as the patterns read it. Facts
//! (`clauses`) and open IE tuples (`carb`) are both stated from frames.

use crate::tree::Tree;
use crate::{negation, Modality, Pattern};

/// What an argument slot of a predicate holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SlotKind {
    /// Direct or indirect object, copula complement.
    Object,
    /// Prepositional argument; its preposition joins the relation.
    Oblique,
    /// Time expression: open IE keeps it, facts do not.
    Temporal,
    /// A clausal complement ("said that ..."), named by its compact clause.
    Clause,
}

/// One argument of a predicate.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Slot {
    /// Head token.
    pub(crate) head: usize,
    /// The preposition, lower-cased ("from", "according to").
    pub(crate) prep: Option<String>,
    /// What it is.
    pub(crate) kind: SlotKind,
    /// Subtrees that are not part of the argument's span (the relative
    /// clause of an antecedent that fills a gap).
    pub(crate) exclude: Vec<usize>,
}

impl Slot {
    /// A plain object slot headed by `head`.
    pub(crate) fn object(head: usize) -> Slot {
        Slot::new(head, SlotKind::Object)
    }

    pub(crate) fn new(head: usize, kind: SlotKind) -> Slot {
        Slot {
            head,
            prep: None,
            kind,
            exclude: Vec::new(),
        }
    }
}

/// One predicate of a sentence with everything needed to state it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Frame {
    /// The predicate token (content verb, or the nominal of a copula).
    pub(crate) pred: usize,
    /// Tokens of the surface relation: auxiliaries, negation, the xcomp
    /// chain, the verb, its particle (open IE uses them).
    pub(crate) rel_tokens: Vec<usize>,
    /// Normalised relation ("rule out", "refuse to confirm", "president of").
    pub(crate) relation: String,
    /// Subject, if the clause has or inherits one.
    pub(crate) subject: Option<Slot>,
    /// Arguments in text order.
    pub(crate) args: Vec<Slot>,
    /// Grammatically negated.
    pub(crate) negated: bool,
    /// Asserted, reported or possible.
    pub(crate) modality: Modality,
    /// Head token of whoever the text attributes the clause to.
    pub(crate) speaker: Option<usize>,
    /// Which construction it was read from.
    pub(crate) pattern: Pattern,
    /// Confidence from the pattern and the parse.
    pub(crate) confidence: f32,
    /// How many words of the relation an object reads after, when a fold
    /// put words of its own after the object (see [`crate::Fact`]).
    pub(crate) object_inside: Option<usize>,
}

/// Tokens of the surface relation around predicate `p` (auxiliaries,
/// negation, copula, particle), sorted.
pub(crate) fn surface_tokens(t: &Tree, p: usize) -> Vec<usize> {
    let mut out = vec![p];
    for &k in t.kids(p) {
        let keep = match t.base(k) {
            "aux" | "cop" | "compound" if t.rel(k) != "compound" => true,
            "advmod" | "neg" | "part" => negation::is_negator(t, k),
            "mark" => t.lower(k) == "to" && t.rel(p) == "xcomp",
            _ => false,
        };
        if keep {
            out.push(k);
        }
    }
    out
}
