//! Who does it: the subject of a predicate, its own or the one it inherits
//! from the clause above (relative clauses and their antecedents, shared
//! subjects of conjoined verbs, control, participial adjuncts).

use newskg_nlp::Upos;

use crate::frame::{Slot, SlotKind};
use crate::tree::Tree;

/// Relative pronouns.
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];

/// The antecedent of a relative clause and what the gap is, for `v` (an
/// acl:relcl or participial acl head).
pub(crate) fn gap_filler(t: &Tree, v: usize) -> Option<(usize, &'static str)> {
    let a = t.head(v)?;
    match t.rel(v) {
        "acl:relcl" => {
            let pron = t
                .kids(v)
                .iter()
                .copied()
                .find(|&k| RELATIVE.contains(&t.lower(k).as_str()) && t.upos(k) != Upos::Sconj);
            // "the day when she scored", "the town where she grew up":
            // a relative adverb fills a gap of time, place or reason; the
            // noun is no argument of the clause.
            let adverbial = t.kids(v).iter().any(|&k| {
                t.sent.tokens[k].xpos == "WRB"
                    && matches!(t.lower(k).as_str(), "when" | "where" | "why" | "whereby")
            });
            if adverbial && pron.is_none() {
                return None;
            }
            match pron.map(|p| t.base(p)) {
                Some("nsubj") | Some("csubj") => Some((a, "subj")),
                Some("obj") => Some((a, "obj")),
                Some(_) => None,
                None if t.kid(v, "nsubj").is_none() => Some((a, "subj")),
                None if t.kid(v, "obj").is_none() => Some((a, "obj")),
                None => None,
            }
        }
        // "an order targeting the cartels": the order targets. Not for an
        // infinitive: in "a move to designate the cartels" the move designates
        // nothing; whoever moves does, and the phrase does not say who.
        "acl" if t.upos(a) != Upos::Verb && !t.has_to_mark(v) => Some((a, "subj")),
        _ => None,
    }
}

/// The subject of predicate `p`: its own, or one it inherits from the
/// clause it depends on (relative clauses, shared subjects of conjoined
/// verbs, participial adjuncts, control). Depth-limited.
pub(crate) fn subject_of(t: &Tree, p: usize, depth: usize) -> Option<Slot> {
    if depth > 6 {
        return None;
    }
    // "The plan is to sell the mill": the outer subject of a clausal
    // predicate is what the clause is (the plan), not who sells; the verb
    // has no subject of its own.
    if t.kids(p).iter().any(|&k| t.rel(k) == "nsubj:outer") && t.upos(p) == Upos::Verb {
        return None;
    }
    // The same when the parser read the copula as an auxiliary ("Their
    // duty was to warn ..." with "was" the verb's aux): a noun of
    // what is to be done is no agent.
    if is_be_to(t, p)
        && t.kids(p).iter().any(|&k| {
            t.base(k) == "nsubj"
                && crate::concepts::INFINITIVE_NOUNS.contains(&t.lemma(k).to_lowercase().as_str())
        })
    {
        return None;
    }
    if let Some(k) = t
        .kids(p)
        .iter()
        .copied()
        .find(|&k| matches!(t.base(k), "nsubj" | "csubj"))
        .map(|k| named_after_descriptor(t, p, k))
    {
        // "Giving the minister the power is an attack": a clause as the
        // subject is an event, and its label would be the clause cut down
        // to a few words ("giving minister be attack"). It is nobody.
        // Only a verb form by both tags and by its lemma ("winning" of
        // "win"): names the tagger half-read as verbs ("Bening played",
        // NOUN and VBG) stay subjects.
        let verb_form = t.upos(k) == Upos::Verb
            && t.sent.tokens[k].xpos.starts_with("VB")
            && t.lemma(k) != t.lower(k);
        if verb_form && matches!(t.base(k), "csubj" | "nsubj") {
            return None;
        }
        // Nor an infinitive clause ("it took two years to build the
        // plant", the clause read as the subject): "build take" says
        // nothing.
        if t.base(k) == "csubj" && t.has_to_mark(k) {
            return None;
        }
        if !RELATIVE.contains(&t.lower(k).as_str()) || t.rel(p) != "acl:relcl" {
            return Some(Slot::new(k, SlotKind::Object));
        }
    }
    if let Some((a, "subj")) = gap_filler(t, p) {
        let mut s = Slot::new(a, SlotKind::Object);
        s.exclude.push(p);
        return Some(s);
    }
    if let Some(k) = for_subject(t, p) {
        return Some(Slot::new(k, SlotKind::Object));
    }
    let h = t.head(p)?;
    match t.base(p) {
        "conj" if t.upos(h) == Upos::Verb || t.kid(h, "cop").is_some() => {
            subject_of(t, h, depth + 1)
        }
        "xcomp" if crate::attribution::is_misread_gerund(t, p) => None,
        "xcomp" => match controller(t, h) {
            Some(o) => Some(Slot::new(o, SlotKind::Object)),
            None => subject_of(t, h, depth + 1),
        },
        "advcl" if t.sent.tokens[p].xpos == "VBG" && t.kid(p, "mark").is_none() => {
            match reduced_relative_antecedent(t, h, p) {
                Some(o) => Some(Slot::new(o, SlotKind::Object)),
                None => subject_of(t, h, depth + 1),
            }
        }
        // "cut costs by closing plants", "after buying the stake, it ...":
        // an adjunct "-ing" clause of means or time has its verb's subject
        // (a verb's: "keen on selling" is the adjective's complement).
        // (Not "without", which says it did not happen, nor "before",
        // which leaves open whether it did.)
        "advcl"
            if t.sent.tokens[p].xpos == "VBG"
                && t.upos(h) == Upos::Verb
                && t.kid(p, "mark")
                    .is_some_and(|m| ADJUNCT_GERUND_MARKS.contains(&t.lower(m).as_str())) =>
        {
            subject_of(t, h, depth + 1)
        }
        _ => None,
    }
}

/// Prepositions of an adjunct "-ing" clause whose event happened as its
/// verb's did, by the verb's subject.
/// ("in" and "on" are left out: most often a verb's or an adjective's own
/// preposition, "interested in buying", "concentrate on selling", whose
/// event is not said to happen.)
const ADJUNCT_GERUND_MARKS: &[&str] = &["by", "after", "while", "upon", "since", "through"];

/// The subject an infinitive takes with "for" after an adjective ("keen
/// for people to use the phones", "happy for customers to be charged"):
/// the parser hangs the noun on the adjective as a "for" phrase, with the
/// infinitive right after the phrase. Who uses the phones is the people,
/// not whoever is keen. (After a verb the same words are most often a
/// purpose: "called for a vote to reconsider the veto".)
pub(crate) fn for_subject(t: &Tree, p: usize) -> Option<usize> {
    if !t.has_to_mark(p) || !matches!(t.base(p), "xcomp" | "advcl" | "acl") {
        return None;
    }
    let h = t.head(p).filter(|&h| t.upos(h) == Upos::Adj)?;
    let k = t
        .kids(h)
        .iter()
        .copied()
        .find(|&k| k < p && t.base(k) == "obl" && t.prep(k).as_deref() == Some("for"))?;
    // Only the infinitive's own words ("to", "be") between the phrase and it.
    let end = (k..p).filter(|&i| t.dominates(k, i)).max()?;
    (end + 1..p)
        .all(|i| t.head(i) == Some(p) && matches!(t.base(i), "mark" | "aux" | "advmod"))
        .then_some(k)
}

/// Whether verb `p` is "be to" + infinitive ("was to buy", "is to
/// be sold"): an arrangement or obligation, not an event.
pub(crate) fn is_be_to(t: &Tree, p: usize) -> bool {
    t.kids(p)
        .iter()
        .any(|&k| t.rel(k) == "aux" && t.lemma(k) == "be")
        && t.has_to_mark(p)
}

/// The object of verb `h` that does its complement ("told Vantor to stop
/// the sale", "urged the council to reject"), also where the parser labels
/// it iobj; not an "object" across a comma, which opens another clause.
/// `None` when the subject does it ("wants to buy").
pub(crate) fn controller(t: &Tree, h: usize) -> Option<usize> {
    t.kid(h, "obj")
        .or_else(|| t.kid(h, "iobj"))
        .filter(|&o| !t.comma_before_object(h, o))
        // "called on the council to act".
        .or_else(|| {
            (t.lemma(h) == "call")
                .then(|| {
                    t.kids(h)
                        .iter()
                        .copied()
                        .find(|&k| t.base(k) == "obl" && t.prep(k).as_deref() == Some("on"))
                })
                .flatten()
        })
}

/// "Pan-Nordic chain Vantor is ready to...": parsers trained on web
/// text sometimes give the verb two subjects, a descriptor and the name
/// right after it. The name is who acts. Returns the name when subject `k`
/// of `p` is a common noun followed at once (after its own words) by a
/// second subject that is a proper noun; `k` otherwise.
fn named_after_descriptor(t: &Tree, p: usize, k: usize) -> usize {
    if t.upos(k) != Upos::Noun {
        return k;
    }
    t.kids(p)
        .iter()
        .copied()
        .find(|&n| {
            n > k
                && t.base(n) == "nsubj"
                && t.upos(n) == Upos::Propn
                && t.case_kid(n).is_none()
                && (k + 1..n).all(|w| t.dominates(n, w))
        })
        .unwrap_or(k)
}

/// The noun a subjectless -ing participle `p` modifies as a reduced
/// relative clause, wherever the parser hung it (see
/// [`reduced_relative_antecedent`]).
pub(crate) fn participle_antecedent(t: &Tree, p: usize) -> Option<usize> {
    match t.rel(p) {
        "acl" => t.head(p),
        "advcl" | "xcomp" if t.sent.tokens[p].xpos == "VBG" => {
            reduced_relative_antecedent(t, t.head(p)?, p)
        }
        _ => None,
    }
}

/// The object of `h` that a subjectless -ing participle `p` hanging from
/// `h` really modifies, read as a reduced relative clause: "signed a
/// directive authorizing the use of force" means the directive authorizes.
/// Parsers often attach the participle to the verb; the reading is taken
/// only when the participle directly follows the object's last word (no
/// comma, which would mark an adverbial "..., saying ...").
fn reduced_relative_antecedent(t: &Tree, h: usize, p: usize) -> Option<usize> {
    let o = t.kids(h).iter().copied().find(|&k| t.base(k) == "obj")?;
    if !matches!(t.upos(o), Upos::Noun | Upos::Propn) || o > p {
        return None;
    }
    let last = (o..t.len()).filter(|&k| t.dominates(o, k)).max()?;
    let first = (0..=p).find(|&k| t.dominates(p, k))?;
    (first == p && p == last + 1).then_some(o)
}
