//! Verbal predicates: SVO, ditransitive, verb + preposition, passive (turned
//! active when the `by` agent is there), xcomp chains ("refuse to confirm"),
//! object control ("urged them to leave"), relative and participial clauses
//! (the antecedent fills the gap), shared objects of conjoined verbs.

use newskg_nlp::names::{self, PREPOSITION_PARTICIPLES};
use newskg_nlp::Upos;

use crate::attribution::{self, SPEECH};
use crate::concepts::{is_amount, is_time_noun, INFINITIVE_NOUNS};
use crate::frame::{surface_tokens, Frame, Slot, SlotKind};
use crate::subject::{controller, gap_filler, subject_of};
use crate::tree::Tree;
use crate::{negation, Modality, Pattern};

/// Verbs that only carry tense or aspect for the xcomp below them
/// ("is going to come", "have to start treating").
const TRANSPARENT_VERBS: &[&str] = &[
    "go", "start", "begin", "continue", "have", "keep", "need", "seem", "appear", "use", "get",
];

/// Adjectives of will that take an infinitive their subject does ("is
/// keen to buy", "are ready to strike"): like "plan to buy" they state the
/// subject's attitude now, so they belong in the relation ("be keen to
/// buy"); without them "said Vantor was ready to sell" would report a
/// sale. Adjectives that tell whether the event happened are read
/// elsewhere: "unable to", "unwilling to" deny it, "able to" and past
/// feelings ("was happy to") tell it happened (`negation`), and raising
/// adjectives ("likely to", "due to") only hedge it.
const CONTROL_ADJECTIVES: &[&str] = &[
    "keen",
    "eager",
    "willing",
    "ready",
    "determined",
    "reluctant",
    "anxious",
    "desperate",
    "prepared",
    "hesitant",
];

/// Whether `a` is a predicative adjective of will
/// ([`CONTROL_ADJECTIVES`]) with its copula and infinitive `c` ("is keen to
/// buy"), which then reads as one relation with it.
pub(crate) fn is_control_adjective(t: &Tree, a: usize, c: usize) -> bool {
    t.upos(a) == Upos::Adj
        && t.kid(a, "cop").is_some()
        && t.rel(c) == "xcomp"
        && t.head(c) == Some(a)
        && t.upos(c) == Upos::Verb
        && t.has_to_mark(c)
        && CONTROL_ADJECTIVES.contains(&t.lower(a).as_str())
        // "keen for people to use it": the people use it, not whoever is keen.
        && crate::subject::for_subject(t, c).is_none()
        && t.kid(c, "nsubj").is_none()
}

/// Passive verbs of hearsay and belief before an infinitive ("are said to
/// have declared war", "is believed to hold", "is thought to fear"): the
/// text reports someone's claim, so the fact is the infinitive's, Reported.
const HEARSAY_PASSIVE: &[&str] = &[
    "say",
    "report",
    "believe",
    "think",
    "rumour",
    "rumor",
    "allege",
    "understand",
    "know",
    "consider",
    "suppose",
    "claim",
    "estimate",
    "feel",
    "suspect",
];

/// Passive verbs of expectation before an infinitive ("is expected to
/// win", "is set to join"): the event has not happened; Possible.
const EXPECTATION_PASSIVE: &[&str] = &["expect", "predict", "tip", "forecast", "set", "due"];

/// Verbs that lend little meaning of their own to the noun they take in a
/// support-verb construction ("take part in", "put pressure on", "give
/// the go-ahead for", "get its hands on").
const SUPPORT_VERBS: &[&str] = &[
    "take", "make", "give", "pay", "put", "lay", "set", "poke", "keep", "lose", "get", "gain",
    "have", "hold", "raise", "cast", "draw", "launch", "play", "assert", "exert", "seize", "lift",
    "impose", "express", "voice", "show", "offer", "lend", "extend", "pledge", "signal",
];

/// Nouns that, after a support verb and before a prepositional phrase,
/// carry the predicate themselves and name nothing on their own: "took part
/// in the talks" says that someone participated in the talks, not that they
/// took a part. The noun belongs to the relation ("take part in") and the
/// phrase's object is the participant; without the fold the reader states
/// "take part" and "take in talks", neither of which the sentence says.
const LIGHT_SUPPORT_NOUNS: &[&str] = &[
    "part",
    "place",
    "hand",
    "note",
    "advantage",
    "account",
    "care",
    "heed",
    "hold",
    "way",
    "go",
    "aim",
    "issue",
    "charge",
    "fun",
    "tribute",
    "attention",
    "notice",
    "effect",
    "step",
    "stock",
    "exception",
    "offence",
    "offense",
    "priority",
    "precedence",
    "side",
    "birth",
    "rise",
    "fire",
    "use",
    "track",
    "root",
    "faith",
    "stand",
    "light",
    "shape",
    "sight",
];

/// Nouns that name a thing of their own after a support verb ("imposed
/// tariffs on", "took a stake in", "asserted control over"): the object
/// stays ("impose tariffs"), and the prepositional phrase is related
/// through the noun ("impose tariffs on" China), not through the bare verb
/// ("impose on" China), which misstates what was done to it.
const CONTENT_SUPPORT_NOUNS: &[&str] = &[
    "control",
    "pressure",
    "stake",
    "role",
    "bid",
    "sanctions",
    "ban",
    "limit",
    "limits",
    "curbs",
    "restrictions",
    "tariffs",
    "duties",
    "aid",
    "concern",
    "concerns",
    "questions",
    "access",
    "claim",
    "interest",
    "responsibility",
    "credit",
    "action",
    "doubt",
    "doubts",
    "blame",
];

/// Verbs of perception that take an object with a bare or gerund clause
/// ("saw him leave", "missed the winger stepping out"): what is perceived
/// is the event, not its agent.
const PERCEPTION_VERBS: &[&str] = &[
    "see", "watch", "hear", "notice", "witness", "spot", "miss", "observe", "feel",
];

/// Verbs of causation with an object and a bare infinitive ("made the
/// board resign", "let the bill pass"): like "forced the board to resign",
/// the relation carries the caused verb.
const CAUSATIVE_VERBS: &[&str] = &["make", "let", "help", "have"];

/// Verbs whose object takes an adjective saying what the verb makes of it
/// ("made the phones cheaper", "kept the road open", "found him guilty",
/// "declared the vote void", "called the plan outrageous", "branded the
/// decision unacceptable"): the adjective joins the relation.
const OBJECT_PREDICATIVE_VERBS: &[&str] = &[
    "make",
    "keep",
    "leave",
    "find",
    "consider",
    "declare",
    "deem",
    "render",
    "hold",
    "rule",
    "set",
    "turn",
    "drive",
    "prove",
    "call",
    "brand",
    "label",
    "judge",
    "term",
    "pronounce",
];

/// Verbs of regarding, whose object is what an "as" phrase says of it
/// ("regards Tollund as a rival", "described the cuts as harsh", "sees the
/// deal as a turning point"): without that phrase the fact says nothing
/// the text says ("regard Tollund").
const REGARDING_VERBS: &[&str] = &[
    "regard",
    "view",
    "see",
    "describe",
    "depict",
    "portray",
    "characterise",
    "characterize",
    "consider",
    "treat",
    "class",
    "classify",
    "brand",
    "label",
    "dub",
    "cast",
];

/// The "as" predicate of verb `v`'s object, after the object: an oblique
/// noun or adjective marked "as" ("as a rival"), or an adjective or noun
/// complement with its "as" ("as harsh").
fn as_predicate(t: &Tree, v: usize, args: &[Slot], object_end: usize) -> Option<usize> {
    args.iter().map(|s| s.head).find(|&p| {
        p > object_end
            && t.head(p) == Some(v)
            && matches!(t.upos(p), Upos::Noun | Upos::Propn | Upos::Adj)
            && matches!(t.base(p), "obl" | "xcomp")
            && t.kids(p).iter().any(|&k| k < p && t.lower(k) == "as")
    })
}

/// The words of "as" predicate `p` that join a relation ("as rival", "as
/// labour of love"): its "as", modifiers and an "of" phrase right after it,
/// skipping determiners and possessives; `None` when that is more than five
/// words or not one run of the sentence, too long for a relation.
fn as_phrase(t: &Tree, p: usize, object_end: usize) -> Option<Vec<usize>> {
    let modifies = |k: usize, h: usize| {
        t.head(k) == Some(h) && matches!(t.base(k), "amod" | "compound" | "advmod")
    };
    // (Modifiers of modifiers too: "chief executive officer".)
    let mut words: Vec<usize> = (object_end + 1..=p)
        .filter(|&k| {
            k == p
                || t.head(k) == Some(p) && t.lower(k) == "as"
                || t.dominates(p, k) && t.head(k).is_some_and(|h| modifies(k, h))
        })
        .collect();
    // "as a labour of love", "as the highlight of his career": a noun of
    // degree or part says what it is only with its "of".
    if let Some(o) = t.kids(p).iter().copied().find(|&o| {
        t.base(o) == "nmod" && t.prep(o).as_deref() == Some("of") && t.case_kid(o) == Some(p + 1)
    }) {
        words.push(p + 1);
        words.extend((p + 2..o).filter(|&k| modifies(k, o)));
        words.push(o);
    }
    let contiguous = words.windows(2).all(|w| {
        (w[0] + 1..w[1])
            .all(|k| matches!(t.base(k), "det" | "case" | "punct") || t.rel(k) == "nmod:poss")
    });
    (words.len() <= 5 && contiguous).then_some(words)
}

/// How many words `relation` has (where a fold puts the object).
fn word_count(relation: &str) -> usize {
    relation.split_whitespace().count()
}

/// Tokens `words` as words of a relation: lower case, but for names ("as
/// adviser to Kessel"), joined by spaces.
fn relation_words(t: &Tree, words: &[usize]) -> String {
    words
        .iter()
        .map(|&k| {
            if t.upos(k) == Upos::Propn {
                t.sent.tokens[k].form.clone()
            } else {
                t.lower(k)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `i` heads a clause the extractor reads as a verbal predicate.
pub(crate) fn is_verbal(t: &Tree, i: usize) -> bool {
    if t.upos(i) != Upos::Verb {
        return false;
    }
    !matches!(
        t.base(i),
        "amod"
            | "compound"
            | "aux"
            | "cop"
            | "det"
            | "case"
            | "mark"
            | "fixed"
            | "flat"
            | "nsubj"
            | "obj"
            | "iobj"
            | "nmod"
            | "obl"
    ) && t.kid(i, "cop").is_none()
}

/// Whether the predicate at `i` is in the passive voice.
fn is_passive(t: &Tree, i: usize) -> bool {
    t.kids(i)
        .iter()
        .any(|&k| matches!(t.rel(k), "nsubj:pass" | "aux:pass" | "csubj:pass"))
        // A reduced relative ("a directive signed by the president"); a
        // participle with its own auxiliary or subject is a full clause
        // read as a modifier ("staff who had not paid him"), active.
        || t.base(i) == "acl"
            && t.sent.tokens[i].xpos == "VBN"
            && !t
                .kids(i)
                .iter()
                .any(|&k| matches!(t.rel(k), "aux" | "nsubj"))
}

/// The modality a passive verb of hearsay or expectation gives the
/// infinitive under it ("is said to", "is expected to"), if `v` is one.
fn hearsay(t: &Tree, v: usize) -> Option<Modality> {
    if !is_passive(t, v) {
        return None;
    }
    let lemma = t.lemma(v);
    if HEARSAY_PASSIVE.contains(&lemma.as_str()) {
        Some(Modality::Reported)
    } else if EXPECTATION_PASSIVE.contains(&lemma.as_str()) {
        Some(Modality::Possible)
    } else {
        None
    }
}

/// Whether `v` is a matrix verb whose xcomp chain continues below it with
/// nothing of its own to state (it has no object).
fn is_bare_matrix(t: &Tree, v: usize) -> bool {
    t.kids(v)
        .iter()
        .any(|&k| t.rel(k) == "xcomp" && t.upos(k) == Upos::Verb)
        && !t
            .kids(v)
            .iter()
            .any(|&k| matches!(t.base(k), "obj" | "iobj" | "ccomp"))
        && controller(t, v).is_none()
}

/// The relation and surface tokens of an xcomp chain ending at `v`, plus
/// the top of the chain (whose subject, negation and modality apply).
fn chain(t: &Tree, v: usize) -> (Vec<usize>, usize) {
    let mut verbs = vec![v];
    let mut cur = v;
    while t.rel(cur) == "xcomp" && !attribution::is_misread_gerund(t, cur)
        || is_purpose_of_bare_passive(t, cur)
    {
        match t.head(cur) {
            // "told Vantor to stop the sale": where an object does the
            // complement, not the subject, the chain ends here.
            Some(h) if t.upos(h) == Upos::Verb && controller(t, h).is_none() => {
                verbs.push(h);
                cur = h;
            }
            // "is keen to buy": the adjective heads the chain, and the
            // chain goes on above it ("seemed keen to buy").
            Some(h) if is_control_adjective(t, h, cur) => {
                verbs.push(h);
                cur = h;
            }
            _ => break,
        }
    }
    verbs.reverse();
    (verbs, cur)
}

/// The first verb of the chain that verb `v` ends ("planned" of "planned
/// to sell"), `v` itself when it ends none.
pub(crate) fn chain_top(t: &Tree, v: usize) -> usize {
    chain(t, v).1
}

/// Whether infinitive `c` says what a passive verb with no agent and no
/// object was done for, right after it ("the powers are needed to counter
/// threats", "troops were sent to help"): the passive alone states
/// nothing, and the two read as one relation ("be needed to counter").
fn is_purpose_of_bare_passive(t: &Tree, c: usize) -> bool {
    let Some(h) = t.head(c) else {
        return false;
    };
    t.rel(c) == "advcl"
        && t.has_to_mark(c)
        && t.upos(h) == Upos::Verb
        && is_passive(t, h)
        && (h + 1..c).all(|k| t.head(k) == Some(c) && matches!(t.base(k), "mark" | "aux"))
        && !t.kids(h).iter().any(|&k| {
            matches!(t.base(k), "obj" | "iobj" | "ccomp" | "xcomp")
                || t.rel(k) == "obl:agent"
                || t.prep(k).as_deref() == Some("by")
        })
}

/// Whether the negation of chain verb `verbs[n]` is written in the
/// relation ("decided not to sell", "agreed not to strike") rather than
/// denying the whole fact: an inner verb after "to", that the relation
/// shows, with its own "not".
fn negated_inside(t: &Tree, verbs: &[usize], n: usize) -> bool {
    let v = verbs[n];
    n > 0
        && t.has_to_mark(v)
        && verbs[..n].iter().any(|&c| names_itself(t, c))
        && negation::is_negated(t, v)
}

/// Whether chain verb `c` says something of its own: no verb that only
/// carries the next one ([`TRANSPARENT_VERBS`]) and no passive of hearsay
/// ("is said to").
fn names_itself(t: &Tree, c: usize) -> bool {
    !TRANSPARENT_VERBS.contains(&t.lemma(c).as_str()) && hearsay(t, c).is_none()
}

fn verb_relation(t: &Tree, verbs: &[usize], passive_no_agent: bool) -> String {
    let mut words: Vec<String> = Vec::new();
    let last = verbs.len() - 1;
    for (n, &v) in verbs.iter().enumerate() {
        // ("is needed to counter" keeps its passive: "need to" would say
        // the subject needs.)
        if n < last && TRANSPARENT_VERBS.contains(&t.lemma(v).as_str()) && !is_passive(t, v) {
            continue;
        }
        if n < last && hearsay(t, v).is_some() {
            continue;
        }
        if n > 0 && !words.is_empty() && t.has_to_mark(v) {
            // "decided not to sell": the negation belongs to the inner
            // verb and stays in the relation (see `negated_inside`).
            if negated_inside(t, verbs, n) {
                words.push("not".into());
            }
            words.push("to".into());
        }
        // "was forced to publish": the subject is made to act, it does
        // not force; a passive verb inside the chain keeps its voice.
        let passive_inside = n < last
            && t.kids(v)
                .iter()
                .any(|&k| t.rel(k) == "aux:pass" || t.rel(k) == "nsubj:pass");
        if t.upos(v) == Upos::Adj {
            // "be keen to": the copula the adjective needs to be a relation.
            words.push("be".into());
            words.push(t.lower(v));
        } else if n == last && passive_no_agent || passive_inside {
            words.push("be".into());
            words.push(t.lower(v));
        } else {
            words.push(t.lemma(v));
        }
        if let Some(p) = particle_of(t, v) {
            words.push(t.lower(p));
        }
        if let Some(c) = manner_compound_of(t, v) {
            words.push((c..c + 5).map(|k| t.lower(k)).collect::<String>());
        }
    }
    words.join(" ")
}

/// The first word of a reduplicated compound that verb `v` takes as its
/// manner ("go head-to-head with", "meet face-to-face"), which the parser
/// reads as an object: it belongs in the relation, or "go with" a rival
/// says another thing.
fn manner_compound_of(t: &Tree, v: usize) -> Option<usize> {
    t.kids(v)
        .iter()
        .copied()
        .find(|&k| k > v && t.in_reduplicated_compound(k) && t.in_reduplicated_compound(k + 4))
}

/// Adverbs that, right after a verb and right before its preposition, are
/// the particle of a phrasal-prepositional verb ("come in for", "cut back
/// on", "come up with", "get away with").
const PARTICLES: &[&str] = &[
    "in", "out", "up", "down", "off", "away", "back", "over", "on", "along", "through", "together",
    "apart",
];

/// Phrasal verbs of news whose particle often follows the object ("cut
/// the rate back", "kept prices down", "called the strike off"), where
/// the parser hangs it on the verb as an adverb.
const PHRASAL_VERBS: &[&str] = &[
    "bring back",
    "buy back",
    "cut back",
    "scale back",
    "push back",
    "hold back",
    "win back",
    "take back",
    "turn back",
    "pay back",
    "put back",
    "get back",
    "keep down",
    "hold down",
    "push down",
    "drive down",
    "bring down",
    "knock down",
    "pull down",
    "turn down",
    "wear down",
    "water down",
    "play down",
    "drive up",
    "push up",
    "step up",
    "set up",
    "give up",
    "sell off",
    "pay off",
    "write off",
    "lay off",
    "call off",
    "cut off",
    "put off",
    "carry out",
    "rule out",
    "point out",
    "give away",
    "throw away",
    "lead out",
    "send away",
    "kick away",
    "wrestle away",
    "put together",
    "bring together",
    "pull together",
    "piece together",
    "cobble together",
    "stitch together",
    "take apart",
    "pull apart",
];

/// The particle of verb `v`: its `compound:prt`, or an adverb of
/// [`PARTICLES`] right after it and right before the preposition of its
/// own oblique ("has come in for criticism"), which UD parses as an
/// adverb; without it the relation says another thing ("come for
/// criticism").
fn particle_of(t: &Tree, v: usize) -> Option<usize> {
    // "pushed back the launch" (the tagger's particle, hung as an adverb)
    // and "pushed the launch back": a particle word right after the verb
    // or right after its object is the verb's particle; without it the
    // relation says another thing ("push launch"). Not before a figure or
    // a "from"/"to" ("earned 34 cts, down from 76", "stepped away from"):
    // there it says how far or where.
    // A verb and particle of [`PHRASAL_VERBS`] ("put together").
    let phrasal =
        |p: usize| PHRASAL_VERBS.contains(&format!("{} {}", t.lemma(v), t.lower(p)).as_str());
    let before_a_measure = |p: usize| {
        p + 1 < t.len()
            && (t.upos(p + 1) == Upos::Num
                || matches!(
                    t.lower(p + 1).as_str(),
                    "from" | "to" | "near" | "than" | "of"
                ))
    };
    // The parser's own particle, unless a comma sets it off before a
    // figure ("declared a dividend of 21 cts, up five pct": how much it
    // changed, no "declare up").
    if let Some(p) = t.kid(v, "compound:prt") {
        // (A hyphen glues a particle on: "spun-off from".)
        let set_off = p > 0 && t.is_punct(p - 1) && t.sent.tokens[p - 1].xpos != "HYPH";
        let change = set_off && before_a_measure(p);
        return (!change).then_some(p);
    }
    if let Some(p) = t.kids(v).iter().copied().find(|&p| {
        p > v
            && t.rel(p) == "advmod"
            && PARTICLES.contains(&t.lower(p).as_str())
            && !before_a_measure(p)
            && (p == v + 1
                && (t.sent.tokens[p].xpos == "RP"
                    // ("put together a government": tagged an adverb.)
                    || phrasal(p))
                || t.upos(p - 1) != Upos::Punct
                    // After the object, only a phrasal verb of
                    // [`PHRASAL_VERBS`], closing the phrase ("pushed the
                    // launch back by a year"): elsewhere such a word is
                    // most often an adverb of the clause ("started the
                    // festival back in 1978").
                    && phrasal(p)
                    && (p + 1 >= t.len()
                        || matches!(t.upos(p + 1), Upos::Punct | Upos::Adp | Upos::Cconj | Upos::Sconj))
                    && t.kid(v, "obj").is_some_and(|o| {
                        o < p && (v + 1..p).all(|j| t.dominates(o, j))
                    }))
    }) {
        return Some(p);
    }
    let a = v + 1;
    let preposition = a + 1;
    (preposition < t.len()
        && t.head(a) == Some(v)
        && t.rel(a) == "advmod"
        && PARTICLES.contains(&t.lower(a).as_str())
        && t.rel(preposition) == "case"
        && t.head(preposition)
            .is_some_and(|o| t.head(o) == Some(v) && t.base(o) == "obl"))
    .then_some(a)
}

/// Whether the "including" phrase headed by `k` follows its verb's object
/// noun at once (after a comma at most), so that it counts members of that
/// noun, not of a noun inside a phrase after it ("helps competitors across
/// many sports, including rugby"), nor of a noun with a figure ("grew 12
/// pct, including capital goods", "opened 81 stores, including 76 in
/// Tollund": read on the bench, the members after a counted noun were as
/// often wrong as right); and a figure is no member.
fn counts_members_of_the_object(t: &Tree, k: usize) -> bool {
    let Some(v) = t.head(k) else {
        return false;
    };
    let Some(object) = t.kid(v, "obj") else {
        return false;
    };
    let Some(case) = t.case_kid(k) else {
        return false;
    };
    let ends_at_its_noun = !t.kids(object).iter().any(|&d| d > object);
    ends_at_its_noun
        && object < k
        && t.kid(object, "nummod").is_none()
        && t.upos(k) != Upos::Num
        && (case == object + 1 || case == object + 2 && t.after_comma(case))
}

fn slot_for(t: &Tree, k: usize) -> Option<Slot> {
    if t.in_reduplicated_compound(k) {
        return None;
    }
    let rel = t.rel(k);
    let kind = match t.base(k) {
        "obj" | "iobj" => SlotKind::Object,
        "ccomp" => SlotKind::Clause,
        // A bare noun phrase as an oblique ("last week", "each year", "two
        // miles"): UD v2.13 calls it obl:unmarked, earlier obl:tmod or npmod.
        "obl" if matches!(rel, "obl:tmod" | "obl:npmod" | "obl:unmarked") => SlotKind::Temporal,
        "obl" if is_time_noun(&t.lemma(k)) => SlotKind::Temporal,
        "obl" => SlotKind::Oblique,
        "xcomp" if t.upos(k) != Upos::Verb && t.case_kid(k).is_some() => SlotKind::Oblique,
        // "became a symbol", "remained strong": the complement is the object.
        "xcomp" if matches!(t.upos(k), Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num) => {
            SlotKind::Object
        }
        _ => return None,
    };
    let mut slot = Slot::new(k, kind);
    if kind == SlotKind::Oblique {
        slot.prep = t.prep(k);
        if slot.prep.as_deref() == Some("according to") {
            return None; // attribution, not an argument
        }
        // "beat six actors, including Ana Ruiz": the phrase counts members
        // of the phrase before it. Right after the verb's object it names
        // some of what the verb was done to ("beat Ana Ruiz"); after any
        // other phrase it is no participant of the verb ("will meet in
        // Tollund, including miners": not "meet including miners").
        if slot.prep.as_deref() == Some("including") {
            return counts_members_of_the_object(t, k).then(|| Slot::new(k, SlotKind::Object));
        }
        // "sold all units except Tollund", "unlike Kessel", "besides the
        // bank": what is left out or set beside is no participant; nor is
        // a comparison set off by commas ("the order meant that Vantor,
        // like Kessel, supplies ...": not "mean like Kessel"); "per" gives
        // a rate ("71 dlrs per share", "per capita"), not a participant.
        if matches!(
            slot.prep.as_deref(),
            Some("excluding" | "except" | "unlike" | "besides" | "per")
        ) {
            return None;
        }
        if slot.prep.as_deref() == Some("like")
            && t.case_kid(k).is_some_and(|c| c == 0 || t.after_comma(c))
        {
            return None;
        }
    }
    Some(slot)
}

/// Prepositions of a phrase between a passive verb and its agent that the
/// parser may hang the `by` phrase on: a time, place, role or beneficiary
/// ("praised at the summit by Norway", "was named as chairman by the
/// board", "prepared for the city by consultants"). "With" and "of" are
/// left out: there "by" names an author ("the book by Ruiz").
const BEFORE_AGENT: &[&str] = &[
    "at", "in", "on", "during", "for", "as", "to", "after", "before",
];

/// Nouns whose own `by` phrase names their author or agent ("research by
/// Ruiz", "an offer by Vantor", "an attack by rebels"): after one of them
/// "by" belongs to the noun, not to the passive verb before it.
const AUTHORED_NOUNS: &[&str] = &[
    "research",
    "study",
    "survey",
    "report",
    "offer",
    "bid",
    "request",
    "proposal",
    "book",
    "novel",
    "film",
    "song",
    "album",
    "painting",
    "article",
    "paper",
    "attack",
    "raid",
    "statement",
    "speech",
    "decision",
    "ruling",
    "vote",
    "investment",
    "purchase",
    "acquisition",
    "takeover",
    "visit",
    "campaign",
    "work",
    "play",
    "poem",
    "letter",
    "plan",
    "move",
    "comment",
    "remark",
];

/// The `by` phrase that passive verb `v` has lost to a phrase between them
/// ("was praised at the summit by Norway" with "by Norway" hung on "summit"),
/// as (that phrase, the agent): the phrase's last part, a name or a noun
/// that is no amount.
fn stranded_agent(t: &Tree, v: usize) -> Option<(usize, usize)> {
    t.kids(v).iter().copied().find_map(|k| {
        let before_agent = t.base(k) == "obl"
            && k > v
            && !AUTHORED_NOUNS.contains(&t.lemma(k).to_lowercase().as_str())
            && (t.rel(k) == "obl:unmarked"
                || t.prep(k)
                    .is_some_and(|p| BEFORE_AGENT.contains(&p.as_str())));
        if !before_agent {
            return None;
        }
        let agent = t.kids(k).iter().copied().find(|&n| {
            t.base(n) == "nmod"
                && n > k
                && t.prep(n).as_deref() == Some("by")
                && matches!(t.upos(n), Upos::Noun | Upos::Propn)
                && !is_amount(t, n)
        })?;
        Some((k, agent))
    })
}

/// Whether complement verb `c` of an object-control or causative verb has
/// an object or clause of its own ("urged Kessel to sell the mill"): then
/// the matrix object is the complement's subject, not what it acts on.
fn takes_its_own_argument(t: &Tree, c: usize) -> bool {
    t.kids(c)
        .iter()
        .any(|&k| matches!(t.base(k), "obj" | "iobj" | "ccomp" | "xcomp"))
}

/// The slot of "the council" in "called on the council to act": an "on"
/// phrase of "call" with no object beside it, followed by an infinitive
/// hung on the verb (UD's object control, as after "urge").
fn called_on(t: &Tree, v: usize, args: &[Slot]) -> Option<usize> {
    if t.lemma(v) != "call" || args.iter().any(|s| s.kind == SlotKind::Object) {
        return None;
    }
    let i = args
        .iter()
        .position(|s| s.kind == SlotKind::Oblique && s.prep.as_deref() == Some("on"))?;
    let on = args[i].head;
    t.kids(v)
        .iter()
        .any(|&c| t.rel(c) == "xcomp" && c > on && t.has_to_mark(c))
        .then_some(i)
}

/// The words of the object of complement verb `c` that a relation can
/// carry ("approve the merger" → "merger", "cut its prices" → "prices",
/// "stop selling chips" → "selling chips"): the object's compact label (no
/// article, no possessive pronoun) of at most three words, four with a
/// gerund. `None` when `c` has another kind of argument (a clause, a second
/// object) or its object is a pronoun or longer: then no short relation
/// says what the object is to do.
fn complement_object_words(t: &Tree, c: usize) -> Option<String> {
    let mut arguments = t
        .kids(c)
        .iter()
        .copied()
        .filter(|&k| matches!(t.base(k), "obj" | "iobj" | "ccomp" | "xcomp"));
    let object = arguments.next()?;
    // "to suspend trading in its shares", "to stop selling chips": a
    // gerund object the parser labels a complement is still the thing
    // done, with its own object.
    let gerund = t.base(object) == "xcomp"
        && t.sent.tokens[object].xpos == "VBG"
        && !t.kids(object).iter().any(|&k| t.base(k) == "nsubj");
    if arguments.next().is_some() || !(t.base(object) == "obj" || gerund) || t.is_pron(object) {
        return None;
    }
    let (words, most) = if gerund {
        let mut words = vec![object];
        match t.kids(object).iter().copied().find(|&k| t.base(k) == "obj") {
            Some(o) if t.is_pron(o) => return None,
            Some(o) => words.extend(noun_words(t, o)),
            None => {}
        }
        (words, 4)
    } else {
        (noun_words(t, object), 3)
    };
    short_words(t, &words, most)
}

/// The compact label tokens of noun `head` without articles, punctuation
/// or pronouns.
fn noun_words(t: &Tree, head: usize) -> Vec<usize> {
    crate::concepts::compact_tokens(t, head)
        .into_iter()
        .filter(|&k| !matches!(t.upos(k), Upos::Det | Upos::Punct) && !t.is_pron(k))
        .collect()
}

/// `words` as relation words when they are 1 to `most` words (a
/// preposition aside) and hold no possessor ("cut Vantor's prices" does
/// not read inside a relation) and no figure (a relation is made of words:
/// an amount is an argument, "give" a 5 mln dlr loan).
fn short_words(t: &Tree, words: &[usize], most: usize) -> Option<String> {
    let unfit = words.iter().any(|&k| {
        t.rel(k) == "nmod:poss" || t.sent.tokens[k].form.chars().any(|c| c.is_ascii_digit())
    });
    let content = words.iter().filter(|&&k| t.base(k) != "case").count();
    (!unfit && (1..=most).contains(&content)).then(|| relation_words(t, words))
}

/// Prepositions that open a verb's argument ("come up with", "live up
/// to", "rely on", "vote for") rather than a circumstance ("as a result",
/// "after the vote").
const ARGUMENT_PREPOSITIONS: &[&str] = &[
    "to", "with", "for", "on", "in", "into", "from", "against", "about", "over", "of", "at",
];

/// The prepositional argument of complement verb `c` that has no object,
/// as relation words ("to come up with proposals" → "with proposals"):
/// its only phrase with a preposition that names no time or amount, of at
/// most three words.
fn complement_phrase_words(t: &Tree, c: usize) -> Option<String> {
    let mut phrases = t.kids(c).iter().copied().filter(|&k| {
        t.base(k) == "obl"
            && t.prep(k)
                .is_some_and(|p| ARGUMENT_PREPOSITIONS.contains(&p.as_str()))
            && !is_time_noun(&t.lemma(k))
    });
    let phrase = phrases.next()?;
    if phrases.next().is_some() || t.is_pron(phrase) || is_amount(t, phrase) {
        return None;
    }
    let mut words = noun_words(t, phrase);
    words.extend(t.case_kid(phrase));
    words.sort_unstable();
    words.dedup();
    short_words(t, &words, 3)
}

/// What the infinitive clause after an expected object says.
enum Expected {
    /// A one-word predicate ("to rise", "to be lower", "to be capped", with
    /// any circumstances: "to continue because of the strong dollar").
    Word(String),
    /// A description of the object ("to be one of the threats", "to be
    /// part of the plan").
    Description,
    /// A clause with an argument of its own ("to cut rates").
    Clause,
}

/// Reads the infinitive clause `c` after an expected object.
fn expected_predicate(t: &Tree, c: usize) -> Expected {
    let has_argument = |kinds: &[&str]| t.kids(c).iter().any(|&k| kinds.contains(&t.base(k)));
    match t.upos(c) {
        Upos::Verb if takes_its_own_argument(t, c) => Expected::Clause,
        Upos::Verb => {
            let passive = t.kids(c).iter().any(|&k| t.rel(k) == "aux:pass");
            Expected::Word(verb_relation(t, &[c], passive))
        }
        Upos::Adj
            if t.kid(c, "cop").is_some() && !has_argument(&["nmod", "obj", "ccomp", "xcomp"]) =>
        {
            Expected::Word(format!("be {}", t.lower(c)))
        }
        _ if t.kid(c, "cop").is_some() => Expected::Description,
        _ => Expected::Clause,
    }
}

/// The infinitive clause after the object of a verb of [`names::EXPECTING_VERBS`]
/// `v`: hung on the verb (`xcomp`, a verb or a copula's predicate) or on
/// the object (`acl`), marked by "to". Nouns that take an infinitive of
/// their own ("wants an opportunity to work") are what is wanted.
fn expected_clause(t: &Tree, v: usize, object: usize) -> Option<usize> {
    let of_verb = t
        .kids(v)
        .iter()
        .copied()
        .find(|&c| t.rel(c) == "xcomp" && t.has_to_mark(c) && c > object);
    let of_object = || {
        t.kids(object)
            .iter()
            .copied()
            .find(|&c| t.rel(c) == "acl" && t.has_to_mark(c))
            .filter(|_| !INFINITIVE_NOUNS.contains(&t.lemma(object).as_str()))
    };
    of_verb.or_else(of_object)
}

/// Reflexive pronouns: as an object before a prepositional phrase they
/// belong to the predicate ("distanced itself from the bill", "prides
/// himself on", "braced themselves for").
const REFLEXIVES: &[&str] = &[
    "itself",
    "himself",
    "herself",
    "themselves",
    "ourselves",
    "myself",
    "yourself",
    "yourselves",
];

/// Drops a reflexive object followed by a prepositional argument of the
/// verb: what "Vantor distanced itself from the bill" relates is Vantor and
/// the bill ("distance from"), and the object, being the subject again,
/// names no second participant.
fn drop_reflexive_object(t: &Tree, args: &mut Vec<Slot>) {
    let Some(i) = args
        .iter()
        .position(|s| s.kind == SlotKind::Object && REFLEXIVES.contains(&t.lower(s.head).as_str()))
    else {
        return;
    };
    let reflexive = args[i].head;
    if args
        .iter()
        .any(|s| s.kind == SlotKind::Oblique && s.head > reflexive)
    {
        args.remove(i);
    }
}

/// "Kessel Bank, in which Vantor holds a stake": in relative clause `v`,
/// the relative pronoun after its preposition is the antecedent, an
/// argument like any prepositional phrase after the verb (its span
/// without the clause).
fn relative_pronoun_as_antecedent(t: &Tree, v: usize, args: &mut [Slot]) {
    let Some(antecedent) = t.head(v).filter(|_| t.rel(v) == "acl:relcl") else {
        return;
    };
    for slot in args.iter_mut().filter(|s| {
        s.kind == SlotKind::Oblique && matches!(t.lower(s.head).as_str(), "which" | "whom")
    }) {
        slot.head = antecedent;
        slot.exclude.push(v);
    }
}

/// Verbs that take a recipient and a thing given as two objects ("gave
/// Brandt a watch", "sent the team a message").
const DATIVE_VERBS: &[&str] = &[
    "give", "send", "offer", "hand", "grant", "award", "lend", "pay", "owe", "sell", "bring",
    "promise", "pass", "leave", "wish",
];

/// "gave Brandt a watch", "sent the team a message": the first of two
/// objects (the parser's `iobj`, or the first of two `obj`s of a verb of
/// giving, the second opening a noun phrase of its own) receives the
/// other: "give to" Brandt, not "give" Brandt, which would make him the
/// thing given. The recipient stays an object slot, with "to" and the
/// thing given ([`fold_thing_given`]).
fn recipient_of_two_objects(t: &Tree, v: usize, args: &mut Vec<Slot>) {
    // (Verbs of saying keep their addressee as the object: "told the
    // committee".)
    if !DATIVE_VERBS.contains(&t.lemma(v).as_str()) {
        return;
    }
    let objects: Vec<usize> = args
        .iter()
        .filter(|s| s.kind == SlotKind::Object && t.base(s.head) == "obj")
        .map(|s| s.head)
        .collect();
    let recipient = if let Some(i) = args.iter().position(|s| t.rel(s.head) == "iobj") {
        // The recipient comes first, whichever of the two the parser
        // called the indirect object ("gave Ruiz a reward").
        objects.first().map(|&o| o.min(args[i].head))
    } else if let [first, second] = objects[..] {
        // The second object opens a phrase of its own right after the
        // first: a determiner, a number or an adjective first ("offer home
        // buyers more credit"), not a name run on from the first
        // ("inducted rock band Vexa"), nor a measure further on ("5.5 mln
        // shares at 56.50 dlrs a share"). A count is no recipient.
        let first_end = (first..second).filter(|&k| t.dominates(first, k)).max();
        let second_start = (first..second).filter(|&k| t.dominates(second, k)).min();
        let opens = second_start.is_some_and(|k| {
            matches!(t.base(k), "det" | "nummod" | "nmod:poss" | "amod")
                && first_end.map(|e| e + 1) == Some(k)
        });
        let counted = t.kids(first).iter().any(|&k| t.base(k) == "nummod");
        (opens && !counted).then_some(first)
    } else {
        None
    };
    let Some(r) = recipient.and_then(|r| args.iter().position(|s| s.head == r)) else {
        return;
    };
    if let Some(g) = args.iter().position(|s| {
        s.kind == SlotKind::Object
            && matches!(t.base(s.head), "obj" | "iobj")
            && s.head != args[r].head
    }) {
        fold_thing_given(t, v, args, r, g);
    }
}

/// "gave Brandt a watch": the recipient's fact carries the thing given in
/// its relation ("give watch to" Brandt), which then makes no fact of its
/// own (it would repeat the one sentence). Where the thing given is too
/// long, a figure or a pronoun for a relation, both keep facts of their
/// own ("give" a 5 mln dlr loan, "provide to" the market), except after
/// verbs that say nothing without what is given ([`EMPTY_WITHOUT_THING_GIVEN`]):
/// "give to" Brandt is no fact (judged: readers called such facts useless,
/// and "provide to" or "sell to" a buyer correct).
fn fold_thing_given(t: &Tree, v: usize, args: &mut Vec<Slot>, recipient: usize, given: usize) {
    let head = args[given].head;
    let words = (!t.is_pron(head))
        .then(|| short_words(t, &noun_words(t, head), 3))
        .flatten();
    match words {
        Some(words) => {
            args[recipient].prep = Some(format!("{words} to"));
            args.remove(given);
        }
        None if EMPTY_WITHOUT_THING_GIVEN.contains(&t.lemma(v).as_str()) => {
            args.remove(recipient);
        }
        None => {
            args[recipient].prep = Some("to".to_string());
            // The thing given first: a statement names the clause by it.
            if recipient < given {
                args.swap(recipient, given);
            }
        }
    }
}

/// Verbs of giving whose recipient alone says nothing: "give to", "grant
/// to", "hand to" someone could be anything.
const EMPTY_WITHOUT_THING_GIVEN: &[&str] =
    &["give", "grant", "hand", "pass", "leave", "wish", "bring"];

/// Verbs of providing, whose direct object may be the one provided for
/// and a "with" phrase the thing provided ("supplied the mill with coal",
/// "provided the market with 40 mln stg of help").
const PROVIDING_VERBS: &[&str] = &["provide", "supply", "furnish"];

/// "supplied the mill with coal": the object of a verb of providing is the
/// recipient when a "with" phrase names what is provided, so the recipient
/// carries the thing provided and its "to" ("supply coal to" the mill),
/// like the earlier of two objects. "Provide" the market would say the
/// market is what was provided.
fn recipient_before_with(t: &Tree, v: usize, args: &mut Vec<Slot>) {
    if !PROVIDING_VERBS.contains(&t.lemma(v).as_str()) {
        return;
    }
    let recipient = args
        .iter()
        .position(|s| s.kind == SlotKind::Object && t.base(s.head) == "obj" && s.prep.is_none());
    let provided = args.iter().position(|s| {
        s.kind == SlotKind::Oblique
            && s.prep.as_deref() == Some("with")
            && matches!(t.upos(s.head), Upos::Noun | Upos::Propn | Upos::Num)
    });
    if let (Some(r), Some(p)) = (recipient, provided) {
        if t.head(args[p].head) != Some(v) || args[p].head < args[r].head {
            return;
        }
        args[p].kind = SlotKind::Object;
        args[p].prep = None;
        fold_thing_given(t, v, args, r, p);
    }
}

/// Verbs that take an object and a "that" clause together ("told reporters
/// that", "warned them that").
const OBJECT_AND_CLAUSE: &[&str] = &[
    "tell", "inform", "warn", "remind", "assure", "convince", "persuade", "notify", "promise",
    "show", "teach", "ask", "advise", "bet", "email", "write",
];

/// Drops the arguments a parser hangs on a verb that the verb cannot have:
/// a second direct object ("rejected any possibility of intervention
/// following reports": "reports" is no second thing rejected; but "inducted
/// rock band Vexa", two objects side by side, is one noun phrase whose name is
/// the second), and a "that" clause beside an object of a verb that does not
/// take both ("rejected the plan that the council signed" read as rejecting
/// that the council signed).
fn drop_misattached(t: &Tree, v: usize, args: &mut Vec<Slot>) {
    // (A recipient, marked "to", is no second direct object.)
    let objects: Vec<usize> = args
        .iter()
        .filter(|s| t.base(s.head) == "obj" && s.prep.is_none())
        .map(|s| s.head)
        .collect();
    if let [first, second, ..] = objects[..] {
        let last_of_first = (0..t.len()).filter(|&k| t.dominates(first, k)).max();
        let start_of_second = (0..t.len()).filter(|&k| t.dominates(second, k)).min();
        // A name right after the first object, with at most a determiner of
        // its own before it: "rock band Vexa", "soul group the Velvetones".
        let name_start = match start_of_second {
            Some(s) if s + 1 == second && t.base(s) == "det" => Some(s),
            Some(s) if s == second => Some(s),
            _ => None,
        };
        let side_by_side = t.upos(second) == Upos::Propn
            && name_start.is_some_and(|s| last_of_first.is_some_and(|a| a + 1 == s));
        let keep = if side_by_side { second } else { first };
        args.retain(|s| t.base(s.head) != "obj" || s.head == keep);
    }
    // A comma between a verb and its object is no English ("if the talks
    // fail, a strike will ..."): such an "object" opens the next
    // clause, and the parser attached it before it saw that clause's verb.
    args.retain(|s| t.base(s.head) != "obj" || !t.comma_before_object(v, s.head));
    // Verbs of saying keep their clause: there the object is the misparse
    // (the policy drops it), and the clause carries the attribution.
    let lemma = t.lemma(v);
    let has_object = args.iter().any(|s| s.kind == SlotKind::Object);
    if has_object
        && !OBJECT_AND_CLAUSE.contains(&lemma.as_str())
        && !SPEECH.contains(&lemma.as_str())
    {
        args.retain(|s| s.kind != SlotKind::Clause);
    }
}

/// A support noun after verb `v` ("took part in", "imposed tariffs on").
struct SupportNoun {
    /// Its tokens ("go ahead" is two).
    tokens: Vec<usize>,
    /// Its words in a relation ("part", "go-ahead", "tariffs").
    words: String,
    /// Whether it names nothing on its own and joins the relation of every
    /// argument ([`LIGHT_SUPPORT_NOUNS`]), or only that of prepositional
    /// ones ([`CONTENT_SUPPORT_NOUNS`]).
    light: bool,
}

/// Finds the support noun of verb `v`: its only object, a support noun with
/// nothing but determiners and modifiers, followed by a prepositional
/// argument of the verb. A light noun's object slot is removed. After a
/// verb that is no support verb only a content noun
/// ([`CONTENT_SUPPORT_NOUNS`]) counts, never a light one.
fn support_noun(t: &Tree, v: usize, args: &mut Vec<Slot>) -> Option<SupportNoun> {
    // Any verb's content noun relates a phrase after it ("postponed action
    // on the bid", "lifted curbs on imports"); other nouns only after a
    // support verb.
    let support = SUPPORT_VERBS.contains(&t.lemma(v).as_str());
    if t.kid(v, "iobj").is_some() {
        return None;
    }
    // A phrase after the noun, or the antecedent of a relative pronoun that
    // stands for one ("in which Vantor holds a stake").
    let after = |s: &Slot, o: usize| s.head > o || s.exclude.contains(&v);
    let objects: Vec<usize> = args
        .iter()
        .filter(|s| s.kind == SlotKind::Object)
        .map(|s| s.head)
        .collect();
    let [o] = objects[..] else {
        return None;
    };
    let lemma = t.lemma(o).to_lowercase();
    let form = t.lower(o);
    let light = LIGHT_SUPPORT_NOUNS.contains(&lemma.as_str());
    // Any other plain noun after a support verb names the thing the
    // prepositional phrase relates to as well ("made a donation to the
    // hospital": "make donation to", not "make to"); a counted one does not
    // ("got 5 pct of the vote").
    let counted = t.kids(o).iter().any(|&k| t.base(k) == "nummod");
    let content_noun = CONTENT_SUPPORT_NOUNS.contains(&form.as_str())
        || CONTENT_SUPPORT_NOUNS.contains(&lemma.as_str());
    let content = content_noun || support && !counted;
    let light = light && support;
    if t.base(o) != "obj"
        || o < v
        || t.upos(o) != Upos::Noun
        || !(light || content)
        || !args
            .iter()
            .any(|s| s.kind == SlotKind::Oblique && after(s, o))
    {
        return None;
    }
    // Only determiners, possessives and modifiers may stand with the noun:
    // a noun with its own phrase or clause ("a role that …", "the hand of
    // the minister") is an argument, not part of the predicate.
    let bare = t.kids(o).iter().all(|&k| {
        matches!(
            t.base(k),
            "det" | "nmod:poss" | "amod" | "nummod" | "compound" | "punct"
        ) || t.rel(k) == "nmod:poss"
    });
    if !bare {
        return None;
    }
    let mut tokens = vec![o];
    let words = if lemma == "go" {
        // "the go ahead", with "ahead" hung on the verb or the noun.
        let ahead = (o + 1 < t.len() && t.lower(o + 1) == "ahead").then_some(o + 1)?;
        tokens.push(ahead);
        "go-ahead".to_owned()
    } else {
        form
    };
    if light {
        args.retain(|s| s.head != o);
    } else {
        // After another verb than a support verb ("put the surplus at",
        // "express dismay at" keep theirs), only the prepositions a noun
        // takes for what it is about ("action on", "stake in", "curbs
        // against"); "at the meeting", "from the banks" are the verb's.
        let the_noun_s = |prep: Option<&str>| {
            support
                || matches!(
                    prep,
                    Some("on" | "in" | "for" | "over" | "to" | "against" | "into" | "with")
                )
        };
        for slot in args.iter_mut() {
            if slot.kind == SlotKind::Oblique && after(slot, o) && the_noun_s(slot.prep.as_deref())
            {
                let preposition = slot.prep.take().unwrap_or_default();
                slot.prep = Some(format!("{words} {preposition}").trim_end().to_owned());
            }
        }
    }
    Some(SupportNoun {
        tokens,
        words,
        light,
    })
}

/// Whether verb `v` is a word of a title that the sentence names ("sang
/// When a Man Loves a Woman", "the film Meet the Vantors"): English
/// capitalises a verb inside a sentence only there. Not in a title-cased
/// headline, where every word is capitalised, nor where the verb opens the
/// sentence or what follows a colon or a quotation mark.
fn in_a_title(t: &Tree, v: usize) -> bool {
    let capitalised = t.sent.tokens[v]
        .form
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    // After an abbreviation's period ("The U.S. Imposed tariffs") some wires
    // capitalise the next word as if a sentence began.
    let opens = v == 0
        || matches!(
            t.sent.tokens[v - 1].form.as_str(),
            ":" | "\"" | "“" | "‘" | "'" | "(" | "-" | "--" | "—"
        )
        || t.sent.tokens[v - 1].form.ends_with('.');
    capitalised && !opens && !crate::concepts::is_title_case(t) && !is_shouted(t)
}

/// Whether the sentence is in capitals (a headline or a table row).
fn is_shouted(t: &Tree) -> bool {
    let letters: Vec<char> = t
        .sent
        .tokens
        .iter()
        .flat_map(|tok| tok.form.chars())
        .filter(|c| c.is_alphabetic())
        .collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase())
}

/// "shares fell following the report", "sold its assets, excluding real
/// estate", "halted trading pending an announcement": a participle that
/// works as a preposition ([`PREPOSITION_PARTICIPLES`]) says when, what is
/// counted or what about; the subject a clause would lend it did not do
/// it. Not with a subject or an auxiliary of its own ("the Fed is
/// following a neutral path"), nor "concerning"/"regarding" on a noun
/// ("talks concerning the sale" are about it).
fn works_as_preposition(t: &Tree, v: usize) -> bool {
    let word = t.lower(v);
    t.sent.tokens[v].xpos == "VBG"
        && PREPOSITION_PARTICIPLES.contains(&word.as_str())
        // As an adverbial or a noun's modifier; a gerund that is a verb's
        // object or follows "of" is the act itself ("opposes including
        // the clause", "accused him of excluding costs").
        && matches!(t.base(v), "advcl" | "acl")
        && !t
            .kids(v)
            .iter()
            .any(|&k| matches!(t.base(k), "nsubj" | "aux" | "expl" | "mark"))
        && !(matches!(word.as_str(), "concerning" | "regarding") && t.rel(v) == "acl")
}

/// A frame for verbal predicate `v`, if it states anything.
pub(crate) fn verb_frame(t: &Tree, v: usize) -> Option<Frame> {
    if is_bare_matrix(t, v)
        || negation::is_prevented(t, v)
        || in_a_title(t, v)
        || works_as_preposition(t, v)
        // "London-based", "Paris-headquartered": half of a compound
        // adjective, no event (its first half is no agent: "London base").
        || v > 0 && t.lower(v - 1) == "-" && names::PLACE_PARTICIPLES.contains(&t.lemma(v).as_str())
    {
        return None;
    }
    let (verbs, top) = chain(t, v);
    let passive = is_passive(t, v);
    let mut subject = subject_of(t, top, 0);
    let mut args: Vec<Slot> = t.kids(v).iter().filter_map(|&k| slot_for(t, k)).collect();
    // "go head-to-head with a rival": the parser hangs the phrase on the
    // compound's last word; it is the verb's.
    if let Some(c) = manner_compound_of(t, v) {
        args.extend(
            t.kids(c + 4)
                .iter()
                .filter(|&&k| t.base(k) == "nmod" && t.case_kid(k).is_some())
                .map(|&k| {
                    let mut slot = Slot::new(k, SlotKind::Oblique);
                    slot.prep = t.prep(k);
                    slot
                }),
        );
    }
    recipient_of_two_objects(t, v, &mut args);
    recipient_before_with(t, v, &mut args);
    drop_misattached(t, v, &mut args);
    drop_reflexive_object(t, &mut args);
    relative_pronoun_as_antecedent(t, v, &mut args);
    let mut pattern = if t.kids(v).iter().any(|&k| t.base(k) == "iobj") {
        Pattern::Ditransitive
    } else {
        Pattern::Svo
    };
    if verbs.len() > 1 {
        pattern = Pattern::Xcomp;
    }
    // A relative or participial clause: the antecedent fills the object gap.
    if let Some((a, "obj")) = gap_filler(t, v) {
        let mut s = Slot::new(a, SlotKind::Object);
        s.exclude.push(v);
        args.insert(0, s);
        pattern = Pattern::Relcl;
    } else if matches!(t.rel(v), "acl:relcl" | "acl")
        && subject.as_ref().is_some_and(|s| s.exclude.contains(&v))
    {
        pattern = if t.rel(v) == "acl" {
            Pattern::Participle
        } else {
            Pattern::Relcl
        };
    }
    // Conjoined verbs share a later object ("rejected and condemned X").
    if t.base(v) == "conj" && !args.iter().any(|s| s.kind == SlotKind::Object) {
        if let Some(h) = t.head(v) {
            if let Some(o) = t
                .kids(h)
                .iter()
                .copied()
                .find(|&o| t.base(o) == "obj" && o > v && !t.comma_before_object(v, o))
            {
                args.insert(0, Slot::new(o, SlotKind::Object));
            }
        }
    }
    // Passive: the `by` agent becomes the subject, the patient the object.
    let mut passive_no_agent = false;
    if passive {
        if let Some((phrase, agent)) = stranded_agent(t, v) {
            if !args
                .iter()
                .any(|s| t.rel(s.head) == "obl:agent" || s.prep.as_deref() == Some("by"))
            {
                for slot in args.iter_mut().filter(|s| s.head == phrase) {
                    slot.exclude.push(agent);
                }
                let mut slot = Slot::new(agent, SlotKind::Oblique);
                slot.prep = Some("by".to_string());
                args.push(slot);
            }
        }
        let agent = args.iter().position(|s| {
            s.kind == SlotKind::Oblique
                && (t.rel(s.head) == "obl:agent" || s.prep.as_deref() == Some("by"))
                && !is_amount(t, s.head)
        });
        // "agreed to be acquired by Kessel": the subject agreed, so the
        // agent does not take its place; it is who the relation is "by"
        // ("agree to be acquired by" Kessel). Only a chain whose relation
        // shows no verb but the passive ("is said to be backed by") turns
        // round.
        let shown_matrix = verbs[..verbs.len() - 1].iter().any(|&c| names_itself(t, c));
        match agent.filter(|_| !shown_matrix) {
            Some(ai) => {
                let mut agent = args.remove(ai);
                agent.kind = SlotKind::Object;
                agent.prep = None;
                let patient = subject.take().or_else(|| {
                    // Reduced relative: "a directive signed by the president".
                    (t.base(v) == "acl").then(|| t.head(v)).flatten().map(|a| {
                        let mut s = Slot::new(a, SlotKind::Object);
                        s.exclude.push(v);
                        s
                    })
                });
                if let Some(p) = patient {
                    args.insert(0, p);
                }
                subject = Some(agent);
                pattern = Pattern::PassiveAgent;
            }
            None => {
                passive_no_agent = true;
                pattern = Pattern::Passive;
            }
        }
    }
    // Where the object reads inside the relation, when a fold puts words
    // of its own after it ("urge to resign": "urge Kessel to resign").
    let mut object_inside = None;
    let mut relation = verb_relation(t, &verbs, passive_no_agent);
    // "was formerly owned by": a state that has ended is no present fact;
    // the relation says so.
    if t.kids(v)
        .iter()
        .any(|&k| t.base(k) == "advmod" && t.lower(k) == "formerly")
    {
        relation = format!("formerly {relation}");
    }
    // A light support noun joins the relation; a content one stays the
    // object and joins only the prepositional relations (in its slots).
    let light_noun = if passive {
        None
    } else {
        support_noun(t, v, &mut args).filter(|n| n.light)
    };
    if let Some(noun) = &light_noun {
        relation = format!("{relation} {}", noun.words);
    }
    // "called on the council to act": the one called on is the object of
    // the call as of an "urge" ("call on to act" the council).
    if let Some(i) = called_on(t, v, &args) {
        args[i].kind = SlotKind::Object;
        args[i].prep = None;
        relation = format!("{relation} on");
    }
    // "allowed the visitors to hold on", "urged them to leave": without its
    // complement the matrix verb misstates what happened to its object.
    if let Some(object) = args
        .iter()
        .find(|s| s.kind == SlotKind::Object)
        .map(|s| s.head)
    {
        let causative = CAUSATIVE_VERBS.contains(&t.lemma(v).as_str());
        let complement = t.kids(v).iter().copied().find(|&c| {
            t.rel(c) == "xcomp"
                && t.upos(c) == Upos::Verb
                && (t.has_to_mark(c)
                    || causative && matches!(t.sent.tokens[c].xpos.as_str(), "VB" | "VBP"))
        });
        if complement.is_none() && names::EXPECTING_VERBS.contains(&t.lemma(v).as_str()) {
            if let Some(c) = expected_clause(t, v, object) {
                match expected_predicate(t, c) {
                    // "expects net income to be lower": "expect to be
                    // lower" net income, as "urge to resign" someone.
                    Expected::Word(predicate) => {
                        object_inside.get_or_insert(word_count(&relation));
                        relation = format!("{relation} to {predicate}");
                        if let Some(slot) = args.iter_mut().find(|s| s.head == object) {
                            slot.exclude.push(c);
                        }
                    }
                    // "considers spyware to be one of the threats": no one
                    // considers spyware; the verb states nothing alone.
                    Expected::Description => return None,
                    // "wants more policing to tackle crime": the object may
                    // well be what is wanted; left as it is.
                    Expected::Clause => {}
                }
            }
        }
        if let Some(c) = complement {
            // Only where the object is known to do the complement: a verb
            // of control, expecting or causing with its object, reached
            // through "to" infinitives only ("agreed to instruct the bank
            // to sell it"). After other verbs the object is most often a
            // noun the infinitive completes ("sought the power to block
            // votes").
            let lemma = t.lemma(v);
            // ("Made loans to help poor countries": with "to", "make" and
            // "let" cause nothing; a purpose.)
            let controls = (names::OBJECT_CONTROL_VERBS.contains(&lemma.as_str())
                || names::EXPECTING_VERBS.contains(&lemma.as_str())
                || causative && lemma != "have" && (lemma == "help" || !t.has_to_mark(c))
                || lemma == "call")
                && verbs[1..].iter().all(|&c| t.has_to_mark(c));
            // "advised her not to rush back": the complement's own denial
            // is the relation's ("advise not to rush back" her).
            let not = if negation::is_negated(t, c) {
                "not "
            } else {
                ""
            };
            let to = if t.has_to_mark(c) { "to " } else { "" };
            let verb = verb_relation(t, &[c], false);
            if takes_its_own_argument(t, c) {
                // "asked the regulator to approve the merger": the object
                // is who is to approve, and what it is asked to approve
                // joins the relation ("ask to approve merger" the
                // regulator), as the complement's own fact (the regulator
                // approve the merger, Possible) says. Without it, "ask to
                // approve" the regulator would make the regulator the
                // thing approved, and the bare "ask" leaves out the
                // request: a complement too long or vague for a relation
                // leaves the fact out.
                if !controls {
                    return None;
                }
                let what = complement_object_words(t, c)?;
                object_inside.get_or_insert(word_count(&relation));
                relation = format!("{relation} {not}{to}{verb} {what}");
            } else {
                // "urged them to come up with proposals": the complement's
                // one prepositional argument says what to come up with.
                let phrase = complement_phrase_words(t, c)
                    .filter(|_| controls)
                    .map(|words| format!(" {words}"))
                    .unwrap_or_default();
                object_inside.get_or_insert(word_count(&relation));
                relation = format!("{relation} {not}{to}{verb}{phrase}");
            }
        }
    }
    // "stopped Vantor from trading": what the object is kept from doing
    // goes into the relation ("stop from trading" Vantor), as a complement
    // does with "urge to resign"; alone, "stop from" trading names nothing.
    if negation::PREVENTING.contains(&t.lemma(v).as_str())
        && args.iter().any(|s| s.kind == SlotKind::Object)
    {
        let gerund = |k: usize| {
            t.sent.tokens[k].xpos == "VBG" || t.lower(k).ends_with("ing") && t.upos(k) == Upos::Noun
        };
        if let Some(i) = args.iter().position(|s| {
            s.kind == SlotKind::Oblique && s.prep.as_deref() == Some("from") && gerund(s.head)
        }) {
            let k = args.remove(i).head;
            object_inside.get_or_insert(word_count(&relation));
            relation = format!("{relation} from {}", t.lower(k));
        } else if let Some(c) = t.kids(v).iter().copied().find(|&c| {
            matches!(t.base(c), "advcl" | "xcomp")
                && t.sent.tokens[c].xpos == "VBG"
                && t.kids(c).iter().any(|&m| t.lower(m) == "from" && m < c)
        }) {
            object_inside.get_or_insert(word_count(&relation));
            relation = format!("{relation} from {}", t.lower(c));
        }
    }
    // "made the phones cheaper", "found him guilty", "kept the road open":
    // the adjective says what the verb does to its object ("make cheaper"
    // the phones), and is no second thing made or found.
    let mut predicative = None;
    let mut predicative_degree = None;
    let object_end = args
        .iter()
        .find(|s| t.base(s.head) == "obj")
        .and_then(|s| (s.head..t.len()).filter(|&k| t.dominates(s.head, k)).max());
    if let (Some(end), true) = (
        object_end,
        OBJECT_PREDICATIVE_VERBS.contains(&t.lemma(v).as_str()),
    ) {
        // Right after the object ("made the phones cheaper", "more
        // affordable"): elsewhere an adjective hung on the verb is most
        // often a parser's misattachment ("sold shares worth ...").
        let follows =
            |a: usize| (end + 1..a).all(|k| t.head(k) == Some(a) && t.base(k) == "advmod");
        if let Some(a) = args.iter().position(|s| {
            t.rel(s.head) == "xcomp" && t.upos(s.head) == Upos::Adj && follows(s.head)
        }) {
            let adjective = args.remove(a).head;
            // "made calls more affordable" is not "made them affordable":
            // a degree word of comparison stays with its adjective.
            if let Some(degree) = t.kids(adjective).iter().copied().find(|&k| {
                k + 1 == adjective
                    && t.base(k) == "advmod"
                    && matches!(t.lower(k).as_str(), "more" | "less" | "too")
            }) {
                object_inside.get_or_insert(word_count(&relation));
                relation = format!("{relation} {}", t.lower(degree));
                predicative_degree = Some(degree);
            }
            object_inside.get_or_insert(word_count(&relation));
            relation = format!("{relation} {}", t.lower(adjective));
            predicative = Some(adjective);
        }
    }
    // "regards Tollund as a rival": the "as" phrase says what the verb makes
    // of the object, and joins the relation ("regard as rival" Tollund) when
    // it is short; a longer one would make a sentence of the relation, and
    // without it the fact says nothing, so then there is none.
    let mut regarded_as = Vec::new();
    if let (Some(end), true) = (object_end, REGARDING_VERBS.contains(&t.lemma(v).as_str())) {
        if let Some(p) = as_predicate(t, v, &args, end) {
            let words = as_phrase(t, p, end)?;
            args.retain(|s| s.head != p);
            object_inside.get_or_insert(word_count(&relation));
            relation = format!("{relation} {}", relation_words(t, &words));
            regarded_as = words;
        }
    }
    // "named Ana Ruiz chief executive", "appointed Kessel as adviser": the
    // office the object is named to joins the relation ("name chief
    // executive" Ana Ruiz), as an "as" phrase of regarding does. One too
    // long for a relation is left out: as an object of its own it would
    // say that the office was named.
    // (In a passive turned round, "was named chief executive by the
    // board", the office follows the verb.)
    let named_end = object_end.or((pattern == Pattern::PassiveAgent).then_some(v));
    if let (Some(end), true) = (named_end, names::is_naming_verb(&t.lemma(v))) {
        let office = args
            .iter()
            .map(|s| s.head)
            .find(|&p| {
                p > end && t.head(p) == Some(v) && t.base(p) == "xcomp" && t.upos(p) == Upos::Noun
            })
            .or_else(|| as_predicate(t, v, &args, end));
        if let Some(p) = office {
            args.retain(|s| s.head != p);
            if let Some(words) = as_phrase(t, p, end) {
                object_inside.get_or_insert(word_count(&relation));
                relation = format!("{relation} {}", relation_words(t, &words));
                regarded_as = words;
            }
        }
    }
    // "saw Brandt leaving the bank", "heard him play": what is seen is the
    // event, not its agent, which the embedded clause states itself.
    if PERCEPTION_VERBS.contains(&t.lemma(v).as_str())
        && t.kids(v).iter().any(|&c| {
            matches!(t.base(c), "xcomp" | "ccomp")
                && t.upos(c) == Upos::Verb
                && !t.has_to_mark(c)
                && t.kid(c, "mark").is_none()
        })
    {
        args.retain(|s| s.kind != SlotKind::Object);
    }
    let mut rel_tokens: Vec<usize> = verbs.iter().flat_map(|&c| surface_tokens(t, c)).collect();
    if let Some(p) = particle_of(t, v) {
        rel_tokens.push(p);
    }
    if let Some(c) = manner_compound_of(t, v) {
        rel_tokens.extend(c..c + 5);
    }
    if let Some(noun) = light_noun {
        rel_tokens.extend(noun.tokens);
    }
    rel_tokens.extend(predicative_degree);
    rel_tokens.extend(predicative);
    rel_tokens.extend(regarded_as);
    // "did not seriously harm": what is denied is the manner, so it stays
    // in the relation ("NOT seriously harm"), not the harm itself.
    if let Some(adverb) = negation::denied_manner(t, verbs[0]) {
        object_inside = object_inside.map(|n| n + 1);
        relation = format!("{} {relation}", t.lower(adverb));
        rel_tokens.push(adverb);
    }
    // "almost doubled": close to the event is not the event.
    if let Some(adverb) = verbs
        .iter()
        .find_map(|&c| negation::approximation(t, c))
        .filter(|a| !rel_tokens.contains(a))
    {
        object_inside = object_inside.map(|n| n + 1);
        // After a passive's "be": "be partly offset by".
        relation = match relation.strip_prefix("be ") {
            Some(rest) => format!("be {} {rest}", t.lower(adverb)),
            None => format!("{} {relation}", t.lower(adverb)),
        };
        rel_tokens.push(adverb);
    }
    // Which chain verbs carry a denial of their own, read once.
    let denials: Vec<bool> = verbs.iter().map(|&c| negation::is_negated(t, c)).collect();
    // "does not plan to sell the shares now": the denial is for now.
    if let Some(time) = verbs
        .iter()
        .map(|&c| negation::denied_time(t, c))
        .find(|ks| !ks.is_empty())
        .filter(|_| denials.contains(&true))
    {
        let words: Vec<String> = time.iter().map(|&k| t.lower(k)).collect();
        relation = format!("{relation} {}", words.join(" "));
        rel_tokens.extend(time);
    }
    rel_tokens.sort_unstable();
    rel_tokens.dedup();
    // "was unable to return": the adjective denies the event itself, and
    // the event has the modality of the clause the adjective heads.
    let inability = negation::denied_ability(t, top);
    // "has yet to explain", "is yet to sign": not done so far.
    let yet_to = verbs[..verbs.len() - 1].iter().any(|&c| {
        matches!(t.lemma(c).as_str(), "have" | "be")
            && t.kids(c)
                .iter()
                .any(|&k| t.base(k) == "advmod" && t.lower(k) == "yet")
    });
    let negated = inability.is_some()
        || yet_to
        || verbs.iter().enumerate().any(|(n, &c)| {
            denials[n]
                && !negated_inside(t, &verbs, n)
                && !negation::not_until(t, c)
                && !negation::not_for_that_reason(t, c)
        });
    let chain_hearsay: Vec<Modality> = verbs[..verbs.len() - 1]
        .iter()
        .filter_map(|&c| hearsay(t, c))
        .collect();
    let modality = if let Some(adjective) = inability {
        negation::clause_modality(t, adjective)
    } else if yet_to {
        negation::clause_modality(t, top)
    } else if verbs
        .iter()
        .any(|&c| negation::modality(t, c) == Some(Modality::Possible))
        // "appears to have sold": how things seem, hedged; "needs to
        // repay", "has to repay": an obligation, not an event ("had to
        // accept", in the past, most often tells that it was done).
        || verbs[..verbs.len() - 1].iter().any(|&c| {
            matches!(t.lemma(c).as_str(), "seem" | "appear" | "need")
                || t.lemma(c) == "have" && t.sent.tokens[c].xpos != "VBD"
        })
        || chain_hearsay.contains(&Modality::Possible)
    {
        Modality::Possible
    } else {
        match negation::clause_modality(t, top) {
            Modality::Asserted if !chain_hearsay.is_empty() => Modality::Reported,
            m => m,
        }
    };
    Some(Frame {
        pred: v,
        rel_tokens,
        relation,
        subject,
        args,
        negated,
        modality,
        speaker: None,
        pattern,
        confidence: pattern.prior(),
        object_inside,
    })
}
