//! Verbless predicates: a copula with a nominal or adjective ("X is the
//! president of Y", "X is a maker of chips") and appositions ("Rubio, the
//! secretary of state").

use newskg_nlp::{names, Upos};

use crate::concepts::is_amount;
use crate::frame::{surface_tokens, Frame, Slot, SlotKind};
use crate::subject::subject_of;
use crate::tree::Tree;
use crate::{negation, Modality, Pattern};

/// Whether an "apposition" of `b` to `a` is really a list ("Alpha Corp,
/// Beta Inc and Gamma Co") or a code in brackets ("Alpha Corp <ALP>"):
/// parsers attach both as appositions, and neither says what `a` is.
fn is_list_or_code(t: &Tree, a: usize, b: usize) -> bool {
    let listed = |i: usize| t.kids(i).iter().any(|&k| t.base(k) == "conj");
    let bracketed = (0..t.len())
        .filter(|&k| t.dominates(b, k))
        .any(|k| matches!(t.sent.tokens[k].form.as_str(), "<" | ">"));
    listed(a) || listed(b) || bracketed
}

/// The name that relational noun `n` ties its referent to: a proper-noun
/// possessor or modifier ("Lind's wife", "a key Lind ally"), when `n`
/// is one of [`names::RELATIONAL_NOUNS`] and has no `of` phrase of its own
/// (which the ordinary reading takes: "a friend of Lind").
fn related_name(t: &Tree, n: usize, except: usize) -> Option<usize> {
    if t.upos(n) != Upos::Noun || !names::is_relational_noun(&t.lemma(n)) {
        return None;
    }
    t.kids(n).iter().copied().find(|&k| {
        k != except
            && k < n
            && matches!(t.rel(k), "nmod:poss" | "compound")
            && t.upos(k) == Upos::Propn
    })
}

/// A frame for nominal or adjectival predicate `p` with a copula.
pub(crate) fn copula_frame(t: &Tree, p: usize) -> Option<Frame> {
    let cop = t.kid(p, "cop")?;
    let subject = subject_of(t, p, 0);
    // "It was the ferry that sank", "it was right to go", "this is a
    // blow": "it", "this" and "that" before a copula are most often no
    // participant at all (a cleft, an extraposed clause, a situation), and
    // coreference would pin the predicate on whatever came last.
    if subject
        .as_ref()
        .is_some_and(|s| matches!(t.lower(s.head).as_str(), "it" | "this" | "that"))
    {
        return None;
    }
    // "Vantor is keen to buy Kessel": the infinitive's chain states it
    // ("be keen to buy"); "Vantor be keen" alone says nothing.
    if t.kids(p)
        .iter()
        .any(|&c| crate::verbal::is_control_adjective(t, p, c))
    {
        return None;
    }
    let mut rel_tokens = surface_tokens(t, p);
    rel_tokens.retain(|&k| k != p);
    rel_tokens.sort_unstable();
    let nominal = matches!(t.upos(p), Upos::Noun | Upos::Propn | Upos::Pron);
    // "Sales were 40 mln dlrs in May", "the fee is 10 basis points": an
    // amount says how much, not what the subject is or is tied to (its
    // phrases would make relations of units: "dlr in May").
    if nominal && is_amount(t, p) {
        return None;
    }
    let mut args = Vec::new();
    let relation;
    let pattern;
    // (Not the subject of an infinitive after "for": "keen for people to
    // use it" relates nothing to "keen".)
    let of_like = t.kids(p).iter().copied().find(|&k| {
        let b = t.base(k);
        (nominal && b == "nmod" || !nominal && b == "obl")
            && t.prep(k).is_some()
            && !t
                .kids(p)
                .iter()
                .any(|&c| crate::subject::for_subject(t, c) == Some(k))
    });
    // "was in harbour", "is among the favourites": the predicate is a
    // prepositional phrase, whose preposition is the relation.
    let own_prep = t
        .case_kid(p)
        .filter(|&c| cop < c && c < p && nominal)
        .and_then(|_| t.prep(p));
    match (own_prep, of_like) {
        (Some(prep), _) => {
            relation = format!("be {prep}");
            args.push(Slot::new(p, SlotKind::Object));
            pattern = Pattern::CopulaRel;
        }
        (None, Some(k))
            if nominal
                && !matches!(
                    t.prep(k).as_deref(),
                    Some("of" | "to" | "for" | "at" | "in")
                ) =>
        {
            relation = "be".to_string();
            args.push(Slot::new(p, SlotKind::Object));
            pattern = Pattern::Copula;
        }
        (None, Some(k)) => {
            let prep = t.prep(k).unwrap_or_default();
            // "Brandt was vice president of marketing at Vantor": the
            // office is the role with its rank words, held at the body
            // named after "at" when a named (or pronoun) subject's "of"
            // phrase is a portfolio (a common noun). Not for things ("the
            // outlay is part of a plan at Harlow" is no part of Harlow).
            let named_subject = subject
                .as_ref()
                .is_some_and(|s| matches!(t.upos(s.head), Upos::Propn | Upos::Pron));
            let body = (nominal && named_subject && t.upos(k) == Upos::Noun && prep == "of")
                .then(|| at_name(t, p).or_else(|| at_name(t, k)))
                .flatten();
            relation = if let Some(body) = body {
                args.push(Slot::new(body, SlotKind::Object));
                format!("{} of", role_words(t, p))
            } else if nominal {
                format!("{} {prep}", role_words(t, p))
            } else {
                // "is less likely in Tollund": a degree word before the
                // adjective is part of what is said ("be likely" says the
                // opposite of "be less likely").
                let degree = t
                    .kids(p)
                    .iter()
                    .copied()
                    .find(|&k| {
                        k < p
                            && t.base(k) == "advmod"
                            && matches!(
                                t.lower(k).as_str(),
                                "less" | "least" | "more" | "most" | "too"
                            )
                    })
                    .map(|k| format!("{} ", t.lower(k)))
                    .unwrap_or_default();
                // "is bigger than", "the largest of": the degree of the
                // adjective is what is said ("be big than" says nothing).
                let adjective = if matches!(t.sent.tokens[p].xpos.as_str(), "JJR" | "JJS") {
                    t.lower(p)
                } else {
                    t.lemma(p)
                };
                format!("be {degree}{adjective} {prep}")
            };
            if body.is_none() {
                args.push(Slot::new(k, SlotKind::Object));
            }
            pattern = Pattern::CopulaRel;
        }
        // "Kessel is Lind's closest ally": the tie is the relation.
        (None, None) if nominal && related_name(t, p, usize::MAX).is_some() => {
            let name = related_name(t, p, usize::MAX).unwrap_or(p);
            relation = format!("{} of", t.lemma(p));
            args.push(Slot::new(name, SlotKind::Object));
            pattern = Pattern::CopulaRel;
        }
        (None, None) => {
            relation = "be".to_string();
            args.push(Slot::new(p, SlotKind::Object));
            // "The firm is keen", "MPs were angry": an adjective alone says
            // little in a graph; its reason or complement is elsewhere.
            pattern = if nominal {
                Pattern::Copula
            } else {
                Pattern::CopulaAdj
            };
        }
    }
    Some(Frame {
        pred: p,
        rel_tokens,
        relation,
        subject,
        args,
        negated: negation::is_negated(t, p),
        modality: negation::clause_modality(t, p),
        speaker: None,
        pattern,
        confidence: pattern.prior(),
        object_inside: None,
    })
}

/// "Rubio, the secretary of state" → Rubio secretary of state; "the
/// company, a maker of chips" → company be maker.
pub(crate) fn appos_frame(t: &Tree, b: usize) -> Option<Frame> {
    let a = t.head(b)?;
    appos_frame_of(t, a, b)
}

/// A frame for a second description coordinated with an appositive ("Lind,
/// a retired nurse and old friend of Ruiz": Lind is a friend of Ruiz
/// too) that ties the person to another: a common noun joined to the
/// appositive by "and" or "or" with no comma between (after a comma a
/// conjunct may be another person: "Lind, a banker, and Ruiz").
pub(crate) fn coordinated_appos_frame(t: &Tree, c: usize) -> Option<Frame> {
    let b = t.head(c)?;
    let a = t.head(b)?;
    // One named person or body with a second role (singular: "Lind, a
    // banker and sales director" is no list of sales).
    if t.rel(c) != "conj"
        || t.rel(b) != "appos"
        || t.upos(c) != Upos::Noun
        || t.sent.tokens[c].xpos != "NN"
        || t.upos(a) != Upos::Propn
        || c < b
    {
        return None;
    }
    let cc = t.kids(c).iter().copied().find(|&k| t.rel(k) == "cc")?;
    if (b..cc).any(|k| t.is_punct(k) && t.lower(k) == "," && !t.dominates(c, k)) {
        return None;
    }
    // Only a tie to someone or something ("friend of Ruiz", "officer of
    // Vantor"): a bare second noun ("Lind, a banker and collector") is as
    // often two things the parser joined as an apposition.
    let mut frame = appos_frame_of(t, a, c).filter(|f| f.relation != "be")?;
    // "the former editor and publisher of X": a past word of the first
    // role holds for the whole description (not for a tie between people:
    // "a former nurse and old friend of Ruiz" is a friend still).
    // Only where the first description is a bare office ("former
    // president"): "a former Harlow pupil and joint owner" and "a former
    // mayor and now adviser" end the past with the first.
    let past_adverb = crate::roles::has_past_adverb(t, b);
    let bare_office = t.kids(b).iter().all(|&k| {
        matches!(t.base(k), "det" | "punct" | "cc" | "conj")
            || k < b && names::is_office_modifier(&t.lower(k))
            || k < b && names::is_role_modifier(&t.lower(k))
            || k < b && crate::roles::is_past_role_word(&t.lower(k))
            || past_adverb && t.base(k) == "advmod"
    }) && !t.kids(c).iter().any(|&k| t.base(k) == "advmod");
    let past = bare_office
        && !names::is_relational_noun(&t.lemma(c))
        && (past_adverb
            || t.kids(b).iter().any(|&k| {
                k < b && t.base(k) == "amod" && crate::roles::is_past_role_word(&t.lower(k))
            }));
    if past && !frame.relation.starts_with("former") {
        frame.relation = format!("former {}", frame.relation);
    }
    Some(frame)
}

/// The frame of description `b` of `a`.
fn appos_frame_of(t: &Tree, a: usize, b: usize) -> Option<Frame> {
    if t.is_pron(a) || is_list_or_code(t, a, b) {
        return None;
    }
    // "Lind's wife Ola", "Ruiz's husband, Piet Lund": the name in
    // apposition to a relational noun is the one the tie is of.
    if t.upos(b) == Upos::Propn {
        let name = related_name(t, a, b)?;
        return Some(appos(
            b,
            Slot::new(b, SlotKind::Object),
            format!("{} of", t.lemma(a)),
            name,
        ));
    }
    let of = t.kids(b).iter().copied().find(|&k| {
        t.base(k) == "nmod" && matches!(t.prep(k).as_deref(), Some("of" | "to" | "for"))
    });
    // "vice-president of research at Vantor": the portfolio is a common
    // noun, the body a name after "at" (hung on the role or on its
    // portfolio, or, by the parser, on the name the apposition describes,
    // right after the apposition's words).
    let at_body = at_name(t, b)
        .or_else(|| of.and_then(|k| at_name(t, k)))
        .or_else(|| at_name(t, a).filter(|&k| k > b));
    // (The body is the role's "of", as a title before a name gives it.)
    let (of, body_at) = match (of, at_body) {
        (Some(k), Some(a)) if t.upos(k) == Upos::Noun => (Some(a), true),
        (of, _) => (of, false),
    };
    let role = role_words(t, b);
    let (relation, object) = match (of, related_name(t, b, usize::MAX)) {
        (Some(k), _) if body_at => (format!("{role} of"), k),
        (Some(k), _) => (format!("{role} {}", t.prep(k).unwrap_or_default()), k),
        // "Kessel, a key Lind ally": "ally of" Lind.
        (None, Some(name)) => (format!("{role} of"), name),
        (None, None) => ("be".to_string(), b),
    };
    // "Ruiz, formerly an analyst at Vantor": a role no longer held.
    let relation = if crate::roles::has_past_adverb(t, b) {
        format!("formerly {relation}")
    } else {
        relation
    };
    let mut subject = Slot::new(a, SlotKind::Object);
    subject.exclude.push(b);
    Some(appos(b, subject, relation, object))
}

/// The name after "at" hung on `h` ("director of products at Vantor"):
/// the body where a role's portfolio is held.
fn at_name(t: &Tree, h: usize) -> Option<usize> {
    t.kids(h).iter().copied().find(|&k| {
        t.base(k) == "nmod" && t.prep(k).as_deref() == Some("at") && t.upos(k) == Upos::Propn
    })
}

/// The role noun `b` with the words before it that make it another office
/// ("vice president", "vice-president", "deputy governor"): without them
/// the relation names someone else's role.
fn role_words(t: &Tree, b: usize) -> String {
    // (A measure glued to the noun, "a 500-acre park", is its size.)
    let start = Some(t.hyphen_compound_start(b))
        .filter(|&s| !t.lower(s).starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(b);
    let mut words: Vec<String> = t
        .kids(b)
        .iter()
        .copied()
        .filter(|&k| {
            k < start
                && matches!(t.base(k), "amod" | "compound")
                && newskg_nlp::names::is_role_modifier(&t.lower(k))
        })
        .map(|k| t.lower(k))
        .collect();
    // "chief executive officer", "managing director": the words right
    // before the noun that make it another office, however the parser
    // hung them on each other.
    let mut start = start;
    while start > 0 && t.dominates(b, start - 1) && names::is_office_modifier(&t.lower(start - 1)) {
        start -= 1;
    }
    words.retain(|w| !(start..b).any(|k| t.lower(k) == *w));
    let own: Vec<usize> = (start..=b).collect();
    words.push(if own.len() > 1 {
        t.join(&own).to_lowercase()
    } else {
        t.lemma(b)
    });
    words.join(" ")
}

/// An appositive frame on token `pred`.
fn appos(pred: usize, subject: Slot, relation: String, object: usize) -> Frame {
    Frame {
        pred,
        rel_tokens: Vec::new(),
        relation,
        subject: Some(subject),
        args: vec![Slot::new(object, SlotKind::Object)],
        negated: false,
        modality: Modality::Asserted,
        speaker: None,
        pattern: Pattern::Appos,
        confidence: Pattern::Appos.prior(),
        object_inside: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clauses::tests::{fixture_doc, tree_of};

    #[test]
    fn it_before_a_copula_makes_no_frame() {
        let doc = fixture_doc("extract-copula.conllu");
        // "It was the ferry that sank .": a cleft, "it" is no one.
        let t = tree_of(&doc, doc.sentences.len() - 1);
        assert!(copula_frame(&t, t.find("ferry").unwrap()).is_none());
        // "Ingrid Brandt is the mayor of Tollund ." has a subject.
        let t = tree_of(&doc, 0);
        assert!(copula_frame(&t, t.find("mayor").unwrap()).is_some());
    }
}
