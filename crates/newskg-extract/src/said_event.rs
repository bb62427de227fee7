//! A said clause with a verb and no object ("Ruiz said the talks had
//! broken down", "said prices would rise sharply"): what a statement
//! reports may be an event with no other participant. The clause reader
//! ([`crate::clauses`]) gives it a fact with no object
//! ([`crate::Argument::Absent`]), which only the statement shows.
//!
//! This module says which clauses are such events ([`is_said_event`]) and
//! the relation that names them with the words the verb needs
//! ([`relation`]); the linking verbs and [`is_said`] are shared with the
//! clause reader's said adjectives ("said prices would stay high").

use newskg_nlp::Upos;

use crate::attribution::SPEECH;
use crate::frame::Frame;
use crate::tree::Tree;
use crate::Pattern;

/// Whether the clause of predicate `p` is what a verb of saying says ("Lind
/// said [prices would stay high]").
pub(crate) fn is_said(t: &Tree, p: usize) -> bool {
    t.base(p) == "ccomp"
        && t.head(p)
            .is_some_and(|v| SPEECH.contains(&t.lemma(v).as_str()))
}

/// Whether frame `f` is a verb's clause, active or passive ("the talks
/// failed", "the plan was approved", "prices would continue to fall"),
/// that a verb of saying has as what was said, and the verb needs nothing
/// after it: such a clause is a claim with no object. A verb with a
/// complement in the parse (an object the reader could not name, a clause
/// or an infinitive: "be used to pay", "be seen to rise"), and the verbs
/// that link or lend their subject to something after them ("remain",
/// "look", "need", "be"), say nothing without it. A verb's clause
/// elsewhere ("the talks failed" on its own) says something a graph has no
/// edge for, and is left out.
pub(crate) fn is_said_event(t: &Tree, f: &Frame) -> bool {
    let lemma = t.lemma(f.pred);
    // The cheap tests first: most frames are no verb's clause of saying.
    if !matches!(f.pattern, Pattern::Svo | Pattern::Passive | Pattern::Xcomp)
        || t.upos(f.pred) != Upos::Verb
        || LINKING_VERBS.contains(&lemma.as_str())
        || COMPLEMENT_VERBS.contains(&lemma.as_str()) && !is_whole_passive(f, &lemma)
        || !(is_said(t, f.pred) || is_said(t, crate::verbal::chain_top(t, f.pred)))
    {
        return false;
    }
    // A clause opened by "whether", "that" or "to" is a complement
    // wherever the parse hung it ("examine whether the plant could
    // reopen", "agreed to buy"); so is a prepositional phrase that is no
    // time ("concentrate on", "succeed in", "act as": without it the verb
    // says nothing a reader can use; judged blind on bench articles, such
    // facts were mostly useless).
    let complemented = t.kids(f.pred).iter().any(|&k| {
        let marked_by = |words: &[&str]| {
            t.kids(k).iter().any(|&m| {
                matches!(t.base(m), "mark" | "case") && words.contains(&t.lower(m).as_str())
            })
        };
        matches!(
            t.base(k),
            "obj" | "iobj" | "xcomp" | "ccomp" | "csubj" | "expl"
        ) || t.base(k) == "advcl" && marked_by(&["whether", "that", "to"])
            || t.rel(k) == "obl"
                && t.kids(k).iter().any(|&m| t.base(m) == "case")
                && !crate::concepts::is_time_noun(&t.lemma(k))
    });
    // The words after the verb, up to a comma or a conjunction, are its
    // own: a phrase after it that the parse hung elsewhere ("bought [the
    // remaining shares]" with the object read as a clause of its own) may
    // be the object it lost.
    let own_words = || {
        (f.pred + 1..t.len())
            .take_while(|&j| !t.is_punct(j) && t.base(j) != "cc")
            .all(|j| t.dominates(f.pred, j))
    };
    !complemented && own_words()
}

/// The words after verb `v` that say how it went ("strongly", "sharply
/// higher", "lower"): adverbs in "-ly" and comparatives of direction among
/// its own dependents, in text order. Adverbs of stance, degree, focus or
/// time ("likely", "mainly", "only", "early") say nothing of the manner.
fn manner_words(t: &Tree, v: usize) -> Vec<usize> {
    const NOT_MANNER: &[&str] = &[
        "only",
        "likely",
        "early",
        "probably",
        "possibly",
        "reportedly",
        "apparently",
        "eventually",
        "finally",
        "initially",
        "originally",
        "recently",
        "currently",
        "previously",
        "really",
        "actually",
        "already",
        "also",
        "unlikely",
        "lately",
        "mainly",
        "largely",
        "partly",
        "mostly",
        "nearly",
        "simply",
        "particularly",
        "especially",
        "certainly",
        "definitely",
        "surely",
        "generally",
        "usually",
        "normally",
        "typically",
        "presumably",
        "allegedly",
        "clearly",
        "obviously",
        "merely",
        "solely",
        "primarily",
    ];
    let manner = |k: usize| {
        let w = t.lower(k);
        !NOT_MANNER.contains(&w.as_str())
            && (w.ends_with("ly") && w.len() > 4
                || matches!(
                    w.as_str(),
                    "higher" | "lower" | "further" | "firmer" | "weaker"
                ))
    };
    let mut out: Vec<usize> = (v + 1..t.len())
        .filter(|&k| {
            t.dominates(v, k) && matches!(t.base(k), "advmod" | "xcomp" | "obl" | "amod" | "conj")
        })
        .filter(|&k| {
            // the adverb itself, or "higher" with "sharply" under it
            t.head(k) == Some(v)
                || t.head(k)
                    .is_some_and(|h| h != v && t.head(h) == Some(v) && manner(h))
        })
        .filter(|&k| manner(k))
        .collect();
    out.sort_unstable();
    out
}

/// Adverbs of direction that complete an intransitive verb ("step aside",
/// "break down", "move along") when the parse did not make them particles.
const DIRECTION_ADVERBS: &[&str] = &[
    "aside", "down", "up", "out", "off", "away", "back", "along", "ahead", "forward", "over",
];

/// Verbs that say nothing without what follows them, beside the linking
/// verbs ([`is_said_event`]): "be", "have", "do", and verbs of
/// wanting, needing and thinking, whose object the parse may have lost.
const COMPLEMENT_VERBS: &[&str] = &[
    "be", "have", "do", "need", "want", "wish", "hope", "expect", "plan", "intend", "try", "think",
    "believe", "feel", "know", "mean", "make", "take", "give", "put", "let",
];

/// Whether frame `f` is the passive of a verb of needing, wanting or
/// planning, which says something whole without a complement ("the new
/// offices are not needed", "a strike was planned"), unlike its active
/// ("they need"). ("Was expected" with nothing after it has lost its "to"
/// or its date: "closing is expected" says nothing.)
fn is_whole_passive(f: &Frame, lemma: &str) -> bool {
    f.pattern == Pattern::Passive && matches!(lemma, "need" | "want" | "plan")
}

/// The relation of a said event: the frame's own, with an adverb of
/// direction right after the verb ("should step aside", "was moving
/// along") and the words that say how it went ("tickets were selling
/// strongly", "prices closed sharply higher"): with no object, that is most
/// of what was said.
pub(crate) fn relation(t: &Tree, f: &Frame) -> String {
    let next = f.pred + 1;
    let particle = (next < t.len()
        && t.head(next) == Some(f.pred)
        && t.base(next) == "advmod"
        && DIRECTION_ADVERBS.contains(&t.lower(next).as_str()))
    .then(|| t.lower(next));
    let mut relation = match particle {
        Some(p) if !f.relation.ends_with(&format!(" {p}")) => format!("{} {p}", f.relation),
        _ => f.relation.clone(),
    };
    for k in manner_words(t, f.pred) {
        relation.push(' ');
        relation.push_str(&t.lower(k));
    }
    relation
}

/// Verbs that link their subject to an adjective that describes it ("prices
/// remained high", "the plan looks sound"), where other verbs' adjectives
/// are misreadings or manners ("repurchase up to all outstanding").
pub(crate) const LINKING_VERBS: &[&str] = &[
    "remain", "stay", "become", "look", "seem", "appear", "prove", "grow", "turn", "get", "go",
    "sound", "feel", "keep",
];
