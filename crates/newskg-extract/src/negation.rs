//! Negation and modality of a predicate.
//!
//! Takes a parsed sentence and a predicate token; says whether the text
//! denies it and how firmly it is asserted. Only grammatical negation counts
//! ("did not confirm", "never", "no troops will"): verbs that deny by their
//! meaning ("ruled out", "rejected", "denied") are positive facts of an
//! opposing relation, and their stance comes from the lexicon instead.
//! Modal auxiliaries and hedging adverbs make a fact Possible; "reportedly"
//! makes it Reported.

use crate::tree::Tree;
use crate::Modality;
use newskg_nlp::Upos;

/// Adverbs and particles that negate their head ("rarely fell" and
/// "seldom pays" deny it as a rule).
const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "nt", "rarely", "seldom", "hardly",
];

/// Subjects or objects that negate the whole clause ("nobody came").
const NEGATIVE_PRONOUNS: &[&str] = &["nobody", "nothing", "none", "noone", "no-one"];

/// Auxiliaries that hedge, oblige or look ahead: none of them says the
/// event happened ("should have been chosen", "must pay", "can veto",
/// "will meet on Monday": planned or predicted, not yet a fact).
const HEDGING_AUX: &[&str] = &[
    "would", "could", "may", "might", "should", "must", "can", "ca", "shall", "ought", "'d",
    "will", "wo", "'ll",
];

/// The modal auxiliary among a clause's relation `tokens` (auxiliaries,
/// negation, verb), as a word of its own: its lemma, so "will" for "wo" of
/// "won't" (the lemmatizer is the one home of contractions); "will" and
/// "would" too, which make a plan or a prediction.
///
/// A verb of the chain that hedges or obliges the same way ("needs to
/// raise", "seems to hold") is given with its "to": left out, "he needs to
/// raise taxes" would read as "he raises taxes". Not "have": "has yet to
/// decide", "has until May to reply" and "has standing to sue" are no
/// obligation.
pub(crate) fn modal_word(t: &Tree, tokens: &[usize]) -> Option<String> {
    let likely =
        |k: usize| matches!(t.lemma(k).as_str(), "likely" | "unlikely") && t.upos(k) == Upos::Adj;
    let auxiliary = tokens.iter().find_map(|&k| {
        let hedges = t.base(k) == "aux" && HEDGING_AUX.contains(&t.lower(k).as_str());
        hedges.then(|| t.lemma(k))
    });
    auxiliary.or_else(|| {
        tokens.iter().find_map(|&k| {
            let lemma = t.lemma(k);
            // (Active: "is needed to halt" obliges nobody.)
            let hedges = matches!(lemma.as_str(), "need" | "seem" | "appear")
                && t.sent.tokens[k].xpos != "VBN";
            // "are likely to prove", "is expected to fall": a forecast, given
            // as written ("expected to"), since the lemma would read as the
            // subject's own expecting.
            let forecast = likely(k) || lemma == "expect" && t.sent.tokens[k].xpos == "VBN";
            let chained = t
                .kids(k)
                .iter()
                .any(|&c| t.rel(c) == "xcomp" && tokens.contains(&c) && t.has_to_mark(c));
            if forecast && chained {
                return Some(format!("{} to", t.lower(k)));
            }
            // "are likely to prove": the adjective heads the chain's verb
            // from outside the relation's words.
            if let Some(h) = t
                .head(k)
                .filter(|_| t.rel(k) == "xcomp" && t.has_to_mark(k))
            {
                if likely(h) {
                    return Some(format!("{} to", t.lower(h)));
                }
            }
            // The verb of an infinitive of the chain ("needs to be paid"),
            // not the chain's own last verb ("is needed").
            (hedges && chained && t.upos(k) == Upos::Verb).then(|| format!("{lemma} to"))
        })
    })
}

/// Subordinators of a clause that is not asserted: conditions, open
/// questions, and precautions ("if", "whether", "lest", "in case").
const CONDITIONAL_MARKS: &[&str] = &["if", "unless", "whether", "lest", "case"];

/// Whether `k` is a subordinator that makes its clause a condition (one of
/// [`CONDITIONAL_MARKS`], "as long as", "so long as", "provided",
/// "providing").
/// The condition clause of verb `v` (or of the verb whose complement `v`
/// is, as in "would be able to pay if ..."), opened by "if" or "unless":
/// its mark and its head.
pub(crate) fn condition_clause(t: &Tree, v: usize) -> Option<(usize, usize)> {
    let mut cur = v;
    for _ in 0..t.len() {
        let found = t.kids(cur).iter().find_map(|&c| {
            let mark =
                t.kids(c).iter().copied().find(|&m| {
                    t.base(m) == "mark" && matches!(t.lower(m).as_str(), "if" | "unless")
                })?;
            (t.base(c) == "advcl").then_some((mark, c))
        });
        if found.is_some() || t.rel(cur) != "xcomp" {
            return found;
        }
        cur = t.head(cur)?;
    }
    None
}

fn is_conditional_mark(t: &Tree, k: usize) -> bool {
    let word = t.lower(k);
    // (The first or the last word of "as long as", as parsers mark it.)
    let long_as_at = |a: usize| {
        a + 2 < t.len()
            && matches!(t.lower(a).as_str(), "as" | "so")
            && t.lower(a + 1) == "long"
            && t.lower(a + 2) == "as"
    };
    let long_as = long_as_at(k) || k >= 2 && long_as_at(k - 2);
    t.base(k) == "mark"
        && (CONDITIONAL_MARKS.contains(&word.as_str())
            || long_as
            || matches!(word.as_str(), "provided" | "providing"))
}

/// Clausal relations: walking up them stays inside one sentence's clauses.
const CLAUSAL: &[&str] = &[
    "conj",
    "xcomp",
    "ccomp",
    "advcl",
    "acl",
    "csubj",
    "parataxis",
];

/// Adverbs that hedge.
const HEDGING_ADV: &[&str] = &[
    "possibly",
    "perhaps",
    "maybe",
    "potentially",
    "probably",
    "likely",
];

/// Adverbs of certainty and extent that a "not" of their own turns into
/// a hedge ("not necessarily", "not always").
const DENIED_CERTAINTY: &[&str] = &["necessarily", "always"];

/// Whether token `k` is an adverb of [`DENIED_CERTAINTY`] right after a
/// "not" ("not necessarily", "not always"), wherever the parser hung the
/// "not".
fn is_denied_certainty(t: &Tree, k: usize) -> bool {
    DENIED_CERTAINTY.contains(&t.lower(k).as_str()) && k > 0 && t.lower(k - 1) == "not"
}

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
    // "Not only was the price high, but …" adds; it denies nothing. Nor
    // does "not necessarily" or "not always": it hedges (see `modality`).
    let not_only = t.lower(k) == "not"
        && k + 1 < t.len()
        && (t.lower(k + 1) == "only" || is_denied_certainty(t, k + 1));
    // "no longer under pressure", "no more able to": it has ended.
    let no_longer = t.lower(k) == "longer"
        && k > 0
        && t.lower(k - 1) == "no"
        && matches!(t.base(k), "advmod" | "obl" | "obl:npmod");
    no_longer
        || !not_only
            && (matches!(t.base(k), "advmod" | "neg" | "part")
                && NEGATORS.contains(&t.lower(k).as_str())
                || t.lemma(k) == "not" && t.base(k) == "advmod")
}

/// Adverbs that stress a denial without narrowing it ("did not actually
/// sign", "is not really a bid"): the verb itself is denied.
const EMPHASIS_ADV: &[&str] = &["actually", "really", "certainly", "definitely", "surely"];

/// The manner or degree adverb that a negation of `p` denies instead of the
/// verb ("does not seriously harm", "did not directly fund"): a "not" before
/// such an adverb says the harm was not serious, not that there was none,
/// so the adverb belongs in the denied relation. An "-ly" adverb after the
/// negation word, not one of hedging, hearsay or emphasis.
pub(crate) fn denied_manner(t: &Tree, p: usize) -> Option<usize> {
    let negator = t.kids(p).iter().copied().find(|&k| is_negator(t, k))?;
    t.kids(p).iter().copied().find(|&k| {
        let w = t.lower(k);
        k > negator
            && k < p
            && t.base(k) == "advmod"
            && w.len() > 4
            && w.ends_with("ly")
            && ![HEDGING_ADV, HEARSAY_ADV, EMPHASIS_ADV]
                .iter()
                .any(|list| list.contains(&w.as_str()))
    })
}

/// Adverbs that say an event came close to happening or happened only in
/// part ("almost doubled", "barely changed", "partly offset", "little
/// affected"): without them the relation states more than the text, so
/// they stay in it.
const APPROXIMATORS: &[&str] = &[
    "little",
    "almost",
    "nearly",
    "virtually",
    "practically",
    "barely",
    "scarcely",
    "partly",
    "partially",
];

/// The adverb of approximation before chain verb `p` ([`APPROXIMATORS`]),
/// with nothing but auxiliaries and adverbs between them: "partly because
/// the banks did not want" qualifies the reason, not the verb. Right before
/// another adverb it grades that adverb ("almost exactly matching").
pub(crate) fn approximation(t: &Tree, p: usize) -> Option<usize> {
    t.kids(p).iter().copied().find(|&k| {
        k < p
            && t.base(k) == "advmod"
            && APPROXIMATORS.contains(&t.lower(k).as_str())
            // ("a little disappointed" is somewhat, not hardly, so.)
            && !(k > 0 && t.lower(k) == "little" && t.lower(k - 1) == "a")
            && t.upos(k + 1) != Upos::Adv
            && (k + 1..p).all(|j| matches!(t.upos(j), Upos::Aux | Upos::Adv | Upos::Part))
    })
}

/// Adverbs of time that a denial is often about ("does not plan to sell
/// the shares now", "did not comment immediately"): the event is denied
/// for then, not for ever.
const DENIED_TIMES: &[&str] = &["now", "immediately", "yet", "soon", "today", "away"];

/// The time adverb after chain verb `p` that a negation denies, with the
/// word before it where it is one phrase ("straight away", "right away"):
/// its tokens, in order.
pub(crate) fn denied_time(t: &Tree, p: usize) -> Vec<usize> {
    let Some(k) =
        t.kids(p).iter().copied().find(|&k| {
            k > p && t.base(k) == "advmod" && DENIED_TIMES.contains(&t.lower(k).as_str())
        })
    else {
        return Vec::new();
    };
    if t.lower(k) != "away" {
        return vec![k];
    }
    // "away" alone is a direction ("walked away"); with "straight" or
    // "right" before it, a time.
    match k.checked_sub(1) {
        Some(b) if matches!(t.lower(b).as_str(), "straight" | "right") => vec![b, k],
        _ => Vec::new(),
    }
}

/// Whether negated verb `p` has an "until" phrase or clause ("did not sign
/// the deal until May", "did not arrive until the talks had ended"): "not
/// ... until" says when it happened, late, not that it did not.
pub(crate) fn not_until(t: &Tree, p: usize) -> bool {
    t.kids(p).iter().any(|&k| {
        k > p
            && matches!(t.base(k), "obl" | "advcl")
            && t.kids(k).iter().any(|&m| {
                matches!(t.base(m), "case" | "mark")
                    && matches!(t.lower(m).as_str(), "until" | "till")
            })
    })
}

/// Whether negated verb `p` has a purpose or reason singled out by a focus
/// word ("did not buy the firm just to close it", "did not resign only
/// because of the scandal"): the denial is of that reason, and the act
/// itself is taken for granted.
pub(crate) fn not_for_that_reason(t: &Tree, p: usize) -> bool {
    const FOCUS: &[&str] = &["just", "only", "simply", "merely", "purely", "solely"];
    t.kids(p).iter().any(|&k| {
        let Some(m) = t.kids(k).iter().copied().find(|&m| {
            m < k
                && matches!(t.base(m), "case" | "mark")
                && matches!(t.lower(m).as_str(), "to" | "because" | "for")
        }) else {
            return false;
        };
        k > p
            && matches!(t.base(k), "obl" | "advcl")
            && m > p
            && m.checked_sub(1)
                .is_some_and(|f| FOCUS.contains(&t.lower(f).as_str()))
    })
}

/// Whether `k` is "neither" or "nor" as a conjunction: "neither A nor B"
/// denies both.
fn is_neither_nor(t: &Tree, k: usize) -> bool {
    t.base(k) == "cc" && matches!(t.lower(k).as_str(), "neither" | "nor")
}

/// Whether predicate `p` is grammatically negated: a negation word on it,
/// "no"/"nobody" on its subject or object, or "neither ... nor" on it
/// ("neither confirmed nor denied", "Nor has it paid") or on its subject or
/// object ("Neither Kessel nor Vantor has paid").
pub(crate) fn is_negated(t: &Tree, p: usize) -> bool {
    own_denial(t, p) && !lends_denial(t, p) || raised_denial(t, p)
}

/// Whether denied verb of opinion `h` gives its "not" to the clause it
/// takes ([`raised_denial`]): then it is not denied itself ("did not think
/// P" is "think not P").
fn lends_denial(t: &Tree, h: usize) -> bool {
    t.kids(h).iter().any(|&c| raised_denial(t, c))
}

/// Verbs of opinion whose denial is read in the clause they take ("we do
/// not think the bank will cut rates" says the speaker thinks it will
/// not): English raises the clause's "not" to these verbs.
const NEG_RAISING_VERBS: &[&str] = &["think", "believe", "expect", "suppose", "imagine", "reckon"];

/// Whether clause `p` is the content of a denied verb of opinion
/// ([`NEG_RAISING_VERBS`]): "did not think [that] P" denies P. Not after
/// "never" ("never thought he would win" says he did), nor "cannot" ("can't
/// believe he said it" says he did), nor where the clause has a manner or
/// degree adverb the denial may be about ("doesn't think he hurt it
/// badly" says he hurt it): those stay denials of the opinion.
fn raised_denial(t: &Tree, p: usize) -> bool {
    let manner = t.kids(p).iter().any(|&k| {
        let w = t.lower(k);
        t.base(k) == "advmod" && w.len() > 4 && w.ends_with("ly")
    });
    t.base(p) == "ccomp"
        && !manner
        && t.head(p).is_some_and(|h| {
            NEG_RAISING_VERBS.contains(&t.lemma(h).as_str())
                && t.kids(h)
                    .iter()
                    .any(|&k| is_negator(t, k) && matches!(t.lower(k).as_str(), "not" | "n't"))
                && !t
                    .kids(h)
                    .iter()
                    .any(|&k| t.base(k) == "aux" && matches!(t.lemma(k).as_str(), "can" | "could"))
        })
        && !t.kids(p).iter().any(|&k| is_negator(t, k))
}

/// Whether clause `p` denies itself (see [`is_negated`]).
fn own_denial(t: &Tree, p: usize) -> bool {
    // "no statement confirming the deal": an -ing participle on a noun
    // that "no" denies says what nothing did. (A clause that completes
    // the noun is its content, not its deed: "no doubt that prices rose".)
    let participle = t.sent.tokens[p].xpos == "VBG";
    let on_denied_noun = participle
        && crate::subject::participle_antecedent(t, p)
            .is_some_and(|h| t.kids(h).iter().any(|&d| is_no(t, d)));
    on_denied_noun
        || shares_a_denial(t, p)
        || t.kids(p).iter().any(|&k| {
            // ("No longer" after the predicate is a later clause's, which the
            // parser hung here: "opened a market, but trading is no longer ...")
            if t.lower(k) == "longer" && k > p {
                return false;
            }
            if is_negator(t, k) || is_neither_nor(t, k) {
                return true;
            }
            // "Vantor is no friend of the unions": "no" on a nominal predicate
            // denies the copula.
            if is_no(t, k) && t.kid(p, "cop").is_some() {
                return true;
            }
            match t.base(k) {
                "nsubj" | "obj" | "csubj" => {
                    NEGATIVE_PRONOUNS.contains(&t.lower(k).as_str())
                        || not_a_single(t, k)
                        || t.kids(k).iter().any(|&d| {
                            is_no(t, d)
                                || is_neither_nor(t, d)
                                || t.base(d) == "conj"
                                    && t.kids(d).iter().any(|&c| is_neither_nor(t, c))
                        })
                }
                _ => false,
            }
        })
}

/// "did not confirm or deny the report", "will not buy and hold shares":
/// a verb joined to a denied verb, with no subject or auxiliary of its own,
/// is under the same "not", when "or"/"nor" joins them or it is a bare
/// infinitive that shares the auxiliary ("did not resign and left", a verb
/// with its own tense, says it left), and no "but" sets it apart.
fn shares_a_denial(t: &Tree, p: usize) -> bool {
    let Some(h) = t.head(p).filter(|_| t.rel(p) == "conj") else {
        return false;
    };
    let own = t
        .kids(p)
        .iter()
        .any(|&k| matches!(t.base(k), "nsubj" | "aux" | "cop" | "expl"));
    let joined_by = |words: &[&str]| {
        t.kids(p)
            .iter()
            .any(|&k| t.base(k) == "cc" && words.contains(&t.lower(k).as_str()))
    };
    // ("did not cut its prices but raised its wages": "but" sets the second
    // verb against the denial.)
    t.upos(h) == Upos::Verb
        && t.upos(p) == Upos::Verb
        && !own
        && !joined_by(&["but", "yet"])
        && (joined_by(&["or", "nor"]) || t.sent.tokens[p].xpos == "VB")
        && t.kid(h, "aux").is_some()
        && t.kids(h).iter().any(|&k| k < h && is_negator(t, k))
}

/// Whether token `k` is the determiner "no" ("no statement", "no
/// friend").
fn is_no(t: &Tree, k: usize) -> bool {
    t.base(k) == "det" && t.lower(k) == "no"
}

/// Adjectives that deny what their infinitive says could be done: "was
/// unable to return" says the return did not happen, and so does "was
/// unwilling to return" (a refusal, as "refused to return" is; "reluctant"
/// is not among them: one can act reluctantly).
const INABILITY: &[&str] = &[
    "unable",
    "incapable",
    "powerless",
    "unwilling",
    "loath",
    "loth",
    "unprepared",
];

/// The adjective that denies the event of infinitive `v`, if one does:
/// an [`INABILITY`] adjective ("unable to pay") or a negated "able" ("was
/// not able to pay", "never able to pay") whose complement `v` is.
pub(crate) fn denied_ability(t: &Tree, v: usize) -> Option<usize> {
    if t.rel(v) != "xcomp" || !t.has_to_mark(v) {
        return None;
    }
    let adjective = t.head(v).filter(|&a| t.upos(a) == Upos::Adj)?;
    let lemma = t.lower(adjective);
    (INABILITY.contains(&lemma.as_str()) || lemma == "able" && is_negated(t, adjective))
        .then_some(adjective)
}

/// Whether noun phrase `k` is "not one" or "not a single" something ("Not
/// one of the systems has stopped piracy"): none of them, so the predicate
/// is denied.
fn not_a_single(t: &Tree, k: usize) -> bool {
    let words: Vec<usize> = (0..=k).filter(|&i| t.dominates(k, i)).collect();
    let denied = words.first().is_some_and(|&w| t.lower(w) == "not");
    denied && (t.lower(k) == "one" || words.iter().any(|&w| t.lower(w) == "single"))
}

/// Verbs of appearance: a clause after "looks like", "sounds as if" or
/// "seems (that)" is how things appear to someone, not a fact.
const APPEARANCE: &[&str] = &["look", "seem", "sound", "appear", "feel"];

/// Whether clause `c` is what an [`APPEARANCE`] verb says things look
/// like: its complement after "like" or "as if"/"as though", or any
/// complement clause of "seem" and "appear".
fn is_appearance(t: &Tree, c: usize) -> bool {
    let Some(h) = t.head(c).filter(|&h| h < c) else {
        return false;
    };
    let lemma = t.lemma(h);
    // ("It seems X": UD makes the clause the subject of "seems", csubj.)
    if !APPEARANCE.contains(&lemma.as_str()) || !matches!(t.base(c), "ccomp" | "advcl" | "csubj") {
        return false;
    }
    matches!(lemma.as_str(), "seem" | "appear")
        || (h + 1..c).any(|k| {
            t.lower(k) == "like"
                || t.lower(k) == "as" && matches!(t.lower(k + 1).as_str(), "if" | "though")
        })
}

/// The modality the words around predicate `p` give it, if any.
pub(crate) fn modality(t: &Tree, p: usize) -> Option<Modality> {
    modality_of(t, p, true)
}

/// [`modality`], with or without what `p`'s auxiliaries say.
fn modality_of(t: &Tree, p: usize, with_auxiliaries: bool) -> Option<Modality> {
    let mut out = None;
    for &k in t.kids(p) {
        let w = t.lower(k);
        match t.base(k) {
            "aux" if !with_auxiliaries => {}
            "aux" if HEDGING_AUX.contains(&w.as_str()) => return Some(Modality::Possible),
            // "was to buy": arranged or obliged, not done.
            "aux" if crate::subject::is_be_to(t, p) => return Some(Modality::Possible),
            "advmod" if HEDGING_ADV.contains(&w.as_str()) => return Some(Modality::Possible),
            // "is not necessarily the buyer", "does not always pay": the
            // "not" denies the certainty, not the event; the event is
            // left open.
            "advmod" if is_denied_certainty(t, k) => return Some(Modality::Possible),
            "mark" if is_conditional_mark(t, k) => return Some(Modality::Possible),
            "advmod" if HEARSAY_ADV.contains(&w.as_str()) => out = Some(Modality::Reported),
            _ => {}
        }
    }
    out
}

/// The modality of the clause headed by `top` in its sentence: its own
/// markers (see [`modality`]), then those of every clause it is embedded in.
/// A clause is not asserted when it, or a clause above it, is hedged
/// ("said it would leave"), conditional ("if X wins"), the consequence of a
/// condition ("if X wins, Y will resign"), or an infinitive that only states
/// a purpose, an aim or a proposal ("bought shares to stop the bid", "an
/// opportunity to invade", "urged them to leave"). `top` is the top of a
/// composed xcomp chain: "plans to invade" is one relation, asserted.
pub(crate) fn clause_modality(t: &Tree, top: usize) -> Modality {
    let mut reported = false;
    let mut cur = top;
    // "may sell the mill and is holding talks": a conjunct with an
    // auxiliary of its own has its own tense and mood, so the auxiliaries
    // of the verb it is joined to ("may") do not reach it.
    let mut own_auxiliary = false;
    // "could have won when Lind hit the post": a past event of a clause of
    // time happened, whatever the clause it is the time of hedges; its
    // own markers still count ("when Lind might have ...").
    let mut happened = false;
    for _ in 0..t.len() {
        match modality_of(t, cur, !own_auxiliary) {
            Some(Modality::Possible) if !happened => return Modality::Possible,
            Some(Modality::Reported) => reported = true,
            _ => {}
        }
        // (Also one hung on an adverb of the verb: "as long as" parsed
        // as "long" modifying the verb and the clause modifying "long".)
        let conditional =
            |k: usize| t.base(k) == "advcl" && t.kids(k).iter().any(|&m| is_conditional_mark(t, m));
        let conditional_kid = t.kids(cur).iter().any(|&k| {
            conditional(k) || t.base(k) == "advmod" && t.kids(k).iter().any(|&a| conditional(a))
        });
        if !happened
            && (conditional_kid
                || is_infinitive_modifier(t, cur)
                || is_prospect(t, cur)
                || is_contemplated(t, cur)
                || is_mandated(t, cur)
                || is_appearance(t, cur)
                || is_pending_time_clause(t, cur))
        {
            return Modality::Possible;
        }
        happened = happened || is_past_time_clause(t, cur);
        if is_accusation(t, cur) || is_report_content(t, cur) {
            reported = true;
        }
        if !CLAUSAL.contains(&t.base(cur)) {
            break;
        }
        // "“We will close the border,” Lind said": the speech verb hangs
        // off its quote, whose modality is the quote's, not the saying's.
        if matches!(t.base(cur), "parataxis" | "ccomp")
            && crate::attribution::SPEECH.contains(&t.lemma(cur).as_str())
            && t.head(cur).is_some_and(|h| h < cur)
        {
            break;
        }
        // (So has one with a subject of its own and a finite verb: "would
        // appeal, and that it hoped to win".)
        own_auxiliary = t.base(cur) == "conj"
            && t.kids(cur).iter().any(|&k| {
                t.base(k) == "aux"
                    || t.base(k) == "nsubj"
                        && matches!(t.sent.tokens[cur].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            });
        match t.head(cur) {
            Some(h) => cur = h,
            None => break,
        }
    }
    if reported {
        Modality::Reported
    } else {
        Modality::Asserted
    }
}

/// Conjunctions of time ("when the bank cut rates").
const TIME_CONJUNCTIONS: &[&str] = &[
    "when", "while", "as", "after", "before", "since", "once", "until", "till", "whenever",
];

/// Whether `v` heads a clause of a time still to come: "until" or "before"
/// with a verb in the present tense ("wait until the board rules", "barred
/// from buying until Vantor complies", "before the deal closes"): English
/// puts a future event in the present after these conjunctions, so the
/// event has not happened.
fn is_pending_time_clause(t: &Tree, v: usize) -> bool {
    t.base(v) == "advcl"
        && t.kids(v).iter().any(|&k| {
            t.base(k) == "mark" && matches!(t.lower(k).as_str(), "until" | "till" | "before")
        })
        && tensed(t, v, &["VBZ", "VBP"])
}

/// Whether the clause of `v` is in a tense of `tags`: its verb's tag, or
/// that of an auxiliary or copula of it ("had cut", "was late").
fn tensed(t: &Tree, v: usize, tags: &[&str]) -> bool {
    let in_tense = |k: usize| tags.contains(&t.sent.tokens[k].xpos.as_str());
    in_tense(v)
        || t.kids(v)
            .iter()
            .any(|&k| matches!(t.base(k), "aux" | "cop") && in_tense(k))
}

/// Whether `v` heads an adverbial clause of time in the past tense ("when
/// Lind hit the post", "after the bank had cut rates"): an event the
/// sentence takes as having happened. (In the present, "when prices fall",
/// it may be yet to come; so in the past under a modal of the future,
/// "would only lift the siege after the troops withdrew", where the past is
/// the reported speech's, or under a condition; under a modal's perfect,
/// "could have won when Lind hit the post", it is past.)
fn is_past_time_clause(t: &Tree, v: usize) -> bool {
    // "her first race since winning the title": "since" with an "-ing"
    // verb looks back from whenever the clause above is, so the winning
    // happened whatever that clause's modal.
    if t.base(v) == "advcl"
        && t.sent.tokens[v].xpos == "VBG"
        && t.kids(v)
            .iter()
            .any(|&k| t.base(k) == "mark" && t.lower(k) == "since")
    {
        return true;
    }
    let past_time_clause = t.base(v) == "advcl"
        && t.kids(v).iter().any(|&k| {
            matches!(t.base(k), "mark" | "advmod")
                && TIME_CONJUNCTIONS.contains(&t.lower(k).as_str())
        })
        && tensed(t, v, &["VBD"]);
    if !past_time_clause {
        return false;
    }
    // Any clause above it: a modal without a perfect, or a condition
    // ("if she had locked the van when she left the depot").
    let mut cur = v;
    for _ in 0..t.len() {
        let Some(h) = t.head(cur).filter(|_| CLAUSAL.contains(&t.base(cur))) else {
            break;
        };
        let auxiliaries = || t.kids(h).iter().copied().filter(|&k| t.base(k) == "aux");
        let modal = auxiliaries().any(|k| t.sent.tokens[k].xpos == "MD");
        let perfect = auxiliaries().any(|k| t.lemma(k) == "have");
        let conditional =
            t.base(h) == "advcl" && t.kids(h).iter().any(|&m| is_conditional_mark(t, m));
        if conditional || modal && !perfect {
            return false;
        }
        cur = h;
    }
    true
}

/// Whether predicate `v` lies in an open question: a clause opened by
/// "whether" ("asked whether the bank had paid"), or by "if" as a verb's
/// complement ("asked if the bank had paid"), a direct question by
/// inversion ([`asks`]) or one that ends in a question mark, itself or a
/// clause it is embedded in.
pub(crate) fn in_open_question(t: &Tree, v: usize) -> bool {
    let mut cur = v;
    for _ in 0..t.len() {
        let opened_by = |w: &str| {
            t.kids(cur)
                .iter()
                .any(|&k| t.base(k) == "mark" && t.lower(k) == w)
        };
        if opened_by("whether")
            || t.base(cur) == "ccomp" && opened_by("if")
            || asks(t, cur)
            || ends_in_question_mark(t, cur)
        {
            return true;
        }
        if !CLAUSAL.contains(&t.base(cur)) {
            // "a vote on whether to strike": the question hangs on a
            // noun; go on from the noun's clause no further.
            return false;
        }
        match t.head(cur) {
            Some(h) => cur = h,
            None => return false,
        }
    }
    false
}

/// Whether the clause headed by `p` ends with a question mark, inside its
/// own words or right after them, closing quotation marks aside ("\"Will
/// Vantor sell the mill?\" Hale asked"): a question claims nothing,
/// however it was parsed.
fn ends_in_question_mark(t: &Tree, p: usize) -> bool {
    let quote = |k: usize| {
        t.is_punct(k)
            && t.sent.tokens[k]
                .form
                .chars()
                .all(|c| "\"'\u{201c}\u{201d}\u{2018}\u{2019}`".contains(c))
    };
    let Some(mut last) = (0..t.len()).filter(|&k| t.dominates(p, k)).max() else {
        return false;
    };
    while last > 0 && quote(last) {
        last -= 1;
    }
    if t.lower(last) == "?" {
        return true;
    }
    let mut next = last + 1;
    while next < t.len() && quote(next) {
        next += 1;
    }
    next < t.len() && t.lower(next) == "?"
}

/// Verbs that weigh or put forward a course of action: their "-ing"
/// complement is a plan, not an event ("discussed building a plant",
/// "recommended cutting rates").
const CONTEMPLATING_VERBS: &[&str] = &[
    "discuss",
    "consider",
    "contemplate",
    "propose",
    "suggest",
    "recommend",
    "explore",
    "study",
    "weigh",
    "debate",
    "favor",
    "favour",
    "advocate",
    "envisage",
    "mull",
    "examine",
];

/// Whether `v` is the "-ing" complement of a verb of
/// [`CONTEMPLATING_VERBS`], whatever the parser called it.
/// (A clause with a subject or an auxiliary of its own is finite: "data
/// suggest the bank is keeping rates" says what is so; an adverbial
/// participle after a comma, "favoured the merger, arguing that", is no
/// complement.)
fn is_contemplated(t: &Tree, v: usize) -> bool {
    let Some(h) = t.head(v) else {
        return false;
    };
    // (An adverbial's words follow the verb at once.)
    let right_after = || (0..v).find(|&k| t.dominates(v, k)).unwrap_or(v) == h + 1;
    t.sent.tokens[v].xpos == "VBG"
        && h < v
        && CONTEMPLATING_VERBS.contains(&t.lemma(h).as_str())
        && !t
            .kids(v)
            .iter()
            .any(|&k| matches!(t.base(k), "nsubj" | "aux" | "mark"))
        && (matches!(t.base(v), "xcomp" | "ccomp" | "obj") || t.base(v) == "advcl" && right_after())
}

/// Verbs whose "that" clause says what someone wants done, not what is
/// (the mandative subjunctive, Quirk et al. 1985 §16.32): "demanded that
/// Kessel repay the loan", "proposed that the quotas be cut".
const MANDATIVE_VERBS: &[&str] = &[
    "demand",
    "recommend",
    "propose",
    "urge",
    "request",
    "require",
    "ask",
    "order",
    "stipulate",
];

/// Verbs whose "that" clause is mandative only in the subjunctive:
/// "suggested that Vantor sell the mill" (a proposal) but "suggested that
/// Vantor was failing" (a claim).
const SUBJUNCTIVE_MANDATIVE_VERBS: &[&str] = &["suggest", "insist", "advise"];

/// Whether clause `v` is what a verb of [`MANDATIVE_VERBS`] wants done
/// ("demanded that Kessel repay the loan"): nothing says it happened.
fn is_mandated(t: &Tree, v: usize) -> bool {
    let Some(h) = t.head(v).filter(|&h| h < v && t.base(v) == "ccomp") else {
        return false;
    };
    // The clause opens with "that", a question word ("asked why he had
    // left") or right after the verb ("demanded all departments make
    // savings"); a speech verb hung there after a comma ("asked banks to
    // cut sales, the agency reported") is no content.
    let opens = t.phrase_start(v);
    let content = opens == h + 1
        || matches!(
            t.lower(opens).as_str(),
            "that" | "whether" | "if" | "why" | "how" | "what" | "who" | "when" | "where" | "which"
        );
    let lemma = t.lemma(h);
    content
        && (MANDATIVE_VERBS.contains(&lemma.as_str())
            || SUBJUNCTIVE_MANDATIVE_VERBS.contains(&lemma.as_str()) && is_subjunctive(t, v))
}

/// Whether finite clause `v` is in the subjunctive: its first verb in the
/// base form after a subject ("that Vantor sell", "that the mill be
/// sold"), no modal.
fn is_subjunctive(t: &Tree, v: usize) -> bool {
    let first = t
        .kids(v)
        .iter()
        .copied()
        .filter(|&k| matches!(t.rel(k), "aux" | "aux:pass") && k < v)
        .min()
        .unwrap_or(v);
    t.kids(v).iter().any(|&k| t.base(k) == "nsubj") && t.sent.tokens[first].xpos == "VB"
}

/// Verbs of making someone do something that say it was done: "forced
/// the bank to cut rates" tells that the bank cut them, where "urged the
/// bank to cut rates" does not (implicative verbs, Karttunen 1971).
const IMPLICATIVE_CONTROL_VERBS: &[&str] = &[
    "force", "compel", "oblige", "prompt", "cause", "lead", "spur",
];

/// Whether `v` is a "to" infinitive that modifies or complements something
/// else (purpose adverbial, noun modifier, object-controlled complement):
/// its event is aimed at, not reported. The complement of a verb of
/// [`IMPLICATIVE_CONTROL_VERBS`] or of [`IMPLICATIVE_PREDICATES`] happened
/// when the verb did.
fn is_infinitive_modifier(t: &Tree, v: usize) -> bool {
    matches!(t.base(v), "advcl" | "acl" | "xcomp" | "ccomp" | "csubj")
        && t.kids(v)
            .iter()
            .any(|&k| t.base(k) == "mark" && matches!(t.lower(k).as_str(), "to" | "so"))
        && !(t.base(v) == "xcomp"
            && t.head(v).is_some_and(|h| {
                IMPLICATIVE_CONTROL_VERBS.contains(&t.lemma(h).as_str())
                    && t.kids(h)
                        .iter()
                        .any(|&k| matches!(t.base(k), "obj" | "iobj"))
            }))
        && !t.head(v).is_some_and(|h| {
            IMPLICATIVE_PREDICATES.contains(&t.lower(h).as_str()) && t.kid(h, "cop").is_some()
                || EMOTIVE_PREDICATES.contains(&t.lower(h).as_str())
                    && t.kid(h, "cop")
                        .is_some_and(|c| t.sent.tokens[c].xpos == "VBD")
        })
}

/// Predicates of feeling, and "able", whose infinitive, in the past, tells
/// what was done: "was happy to praise the team", "were proud to
/// announce", "was able to lower the rate" (they praised, they announced,
/// it was lowered: "able" is implicative in the past, Karttunen 1971). In
/// the present they offer or allow ("is happy to help", "is able to
/// pay"), and a modal keeps them hedged ("would be glad to sell").
const EMOTIVE_PREDICATES: &[&str] = &[
    "able",
    "happy",
    "glad",
    "pleased",
    "delighted",
    "proud",
    "thrilled",
    "relieved",
    "sad",
    "sorry",
    "saddened",
    "honoured",
    "honored",
];

/// Predicates whose infinitive tells what was done: "was quick to back
/// the plan", "was the first to sign" (she backed it, she signed).
const IMPLICATIVE_PREDICATES: &[&str] = &[
    "quick",
    "quicker",
    "quickest",
    "swift",
    "first",
    "last",
    "slow",
    "careful",
    "lucky",
    "fortunate",
    "unlucky",
];

/// Nouns whose clause is a prospect, not an event ("the prospect of Vantor
/// buying a rival", "the risk of Kessel losing the vote"): what the clause
/// says may or may not happen.
const PROSPECT_NOUNS: &[&str] = &[
    "prospect",
    "possibility",
    "probability",
    "risk",
    "chance",
    "likelihood",
    "danger",
    "threat",
    "fear",
    "hope",
    "idea",
    "thought",
    "option",
    "talk",
    "speculation",
    "rumour",
    "rumor",
    "suggestion",
    "question",
    "scenario",
    // What signs point to may be so.
    "sign",
    "indication",
];

/// Whether `v` is a participial clause completing a [`PROSPECT_NOUNS`] noun.
fn is_prospect(t: &Tree, v: usize) -> bool {
    t.base(v) == "acl"
        && (t.rel(v) != "acl:relcl" || is_gapless(t, v))
        && t.head(v)
            .is_some_and(|h| PROSPECT_NOUNS.contains(&t.lemma(h).as_str()))
}

/// Whether a clause the parser took for a relative clause has no gap: its
/// own subject and object, and no relative word ("a chance he sells the
/// mill" is the chance that he sells it; "a chance he missed" is a
/// relative clause). Such a clause says what the noun is, not which one.
fn is_gapless(t: &Tree, v: usize) -> bool {
    let kids = t.kids(v);
    let has = |base: &str| kids.iter().any(|&k| t.base(k) == base);
    let relative = kids.iter().any(|&k| {
        matches!(
            t.lower(k).as_str(),
            "which" | "who" | "whom" | "whose" | "that" | "where" | "when"
        ) && k < v
            && t.base(k) != "mark"
    });
    has("nsubj") && (has("obj") || has("ccomp")) && !relative
}

/// Nouns whose clause is someone's account, not the writer's ("rumours
/// that the board would sell", "claims that Vantor paid").
const REPORT_NOUNS: &[&str] = &[
    "report",
    "claim",
    "allegation",
    "accusation",
    "charge",
    "rumour",
    "rumor",
    "assertion",
    "statement",
    "word",
    "belief",
    "view",
    // What is supposed, feared or hoped ("the widespread assumption that
    // the board had approved it") is no more a fact than what is reported.
    "assumption",
    "speculation",
    "suspicion",
    "impression",
    "perception",
    "notion",
    "theory",
    "suggestion",
    "expectation",
    "hope",
    "fear",
];

/// Whether `v` is the content clause of a [`REPORT_NOUNS`] noun: a clause
/// with its own subject, opened by "that" or by nothing ("reports the
/// board had decided"); not a participle on the noun ("the report,
/// obtained by Reuters").
fn is_report_content(t: &Tree, v: usize) -> bool {
    let kids = t.kids(v);
    matches!(t.base(v), "acl" | "ccomp")
        && t.rel(v) != "acl:relcl"
        && kids.iter().any(|&k| t.base(k) == "nsubj")
        && kids
            .iter()
            .all(|&k| t.base(k) != "mark" || t.lower(k) == "that")
        && t.head(v)
            .is_some_and(|h| REPORT_NOUNS.contains(&t.lemma(h).as_str()))
}

/// Verbs that keep their object from doing something: "rules stop banks
/// sharing records" says the banks do not share them.
pub(crate) const PREVENTING: &[&str] = &[
    "stop", "prevent", "bar", "ban", "prohibit", "forbid", "block", "deter",
];

/// Whether `v` is what a preventing verb's object is kept from doing: a
/// participle on that object ("stop banks sharing"), or the verb's own
/// participial complement ("stop them sharing" read as xcomp). The event
/// did not happen, so it is no fact; the "from" form is not read as one
/// either.
pub(crate) fn is_prevented(t: &Tree, v: usize) -> bool {
    let preventing = |i: usize| PREVENTING.contains(&t.lemma(i).as_str());
    if t.sent.tokens[v].xpos != "VBG" {
        return false;
    }
    match t.base(v) {
        "acl" if t.rel(v) != "acl:relcl" => t
            .head(v)
            .is_some_and(|o| t.base(o) == "obj" && t.head(o).is_some_and(preventing)),
        "xcomp" | "advcl" | "ccomp" => t.head(v).is_some_and(|h| {
            preventing(h) && t.kids(h).iter().any(|&o| t.base(o) == "obj" && o < v)
        }),
        _ => false,
    }
}

/// Verbs whose clausal complement is a charge, not a finding: "accused the
/// clerks of stealing" says the stealing is alleged.
const ACCUSING: &[&str] = &[
    "accuse", "allege", "blame", "charge", "suspect", "indict", "sue",
];

/// Whether clause `v` complements an accusing verb ("of stealing",
/// "for leaking"), either hung on the verb or, as parsers often do, on the
/// accused ("accused [the clerks of stealing]").
fn is_accusation(t: &Tree, v: usize) -> bool {
    let accusing = |i: usize| ACCUSING.contains(&t.lemma(i).as_str());
    if !matches!(t.base(v), "advcl" | "acl" | "xcomp" | "ccomp") {
        return false;
    }
    let Some(h) = t.head(v) else {
        return false;
    };
    if accusing(h) {
        return true;
    }
    t.base(v) == "acl"
        && t.kids(v)
            .iter()
            .any(|&k| t.base(k) == "mark" && matches!(t.lower(k).as_str(), "of" | "for" | "with"))
        && t.head(h).is_some_and(accusing)
}

/// Whether the sentence is a question: nothing in it is asserted.
pub(crate) fn is_question(t: &Tree) -> bool {
    t.sent
        .tokens
        .iter()
        .rev()
        .find(|tok| !matches!(tok.form.as_str(), "\"" | "”" | "’" | "'" | ")"))
        .is_some_and(|tok| tok.form == "?")
}

/// Words that open a direct question ("Where did they find …").
const WH_WORDS: &[&str] = &[
    "what", "where", "who", "whom", "why", "how", "when", "which",
];

/// Whether the clause of predicate `v` (the top of its xcomp chain) is a
/// direct question by subject–auxiliary inversion ("Has she sold …",
/// "where did they find …", "… or has she kept …"), which a quote may end
/// with a comma instead of a question mark: what it asks is not stated.
pub(crate) fn asks(t: &Tree, v: usize) -> bool {
    let mut top = v;
    while t.rel(top) == "xcomp" {
        match t.head(top) {
            Some(h) => top = h,
            None => break,
        }
    }
    let Some(subject) = t.kids(top).iter().copied().find(|&k| t.base(k) == "nsubj") else {
        return false;
    };
    let Some(auxiliary) = t
        .kids(top)
        .iter()
        .copied()
        .find(|&k| matches!(t.base(k), "aux" | "cop") && k < subject)
    else {
        return false;
    };
    // Everything before the auxiliary in the clause is punctuation, a
    // conjunction or a fronted question word with its own words ("where
    // on earth").
    let start = (0..t.len())
        .filter(|&k| {
            t.dominates(top, k)
                && !matches!(t.base(k), "punct" | "cc")
                && !matches!(t.lower(k).as_str(), "\"" | "“" | "'" | "‘")
        })
        .min();
    match start {
        Some(s) if s == auxiliary => true,
        Some(s) => WH_WORDS.contains(&t.lower(s).as_str()) && auxiliary - s <= 3,
        None => false,
    }
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
        // "Not only was the price high, but the shop closed early ."
        let t = tree_of(&doc, 4);
        assert!(!is_negated(&t, t.find("high").unwrap()));
        // "The mill did not confirm or deny the report .": one "not" for both.
        let t = tree_of(&doc, 8);
        assert!(is_negated(&t, t.find("deny").unwrap()));
        // "The mill did not cut its prices but raised its wages ."
        let t = tree_of(&doc, 9);
        assert!(!is_negated(&t, t.find("raised").unwrap()));
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

    #[test]
    fn the_modal_word_of_a_relation() {
        let doc = fixture_doc("extract-negation.conllu");
        // "Such a plan would harm local farmers ."
        let t = tree_of(&doc, 3);
        let verb = t.find("harm").unwrap();
        assert_eq!(
            modal_word(&t, &frame_tokens(&t, &[verb])).as_deref(),
            Some("would")
        );
        // "The mill needs to raise its prices .": the obligation stays
        // in the words of what is said.
        let t = tree_of(&doc, 7);
        let chain = [t.find("needs").unwrap(), t.find("raise").unwrap()];
        assert_eq!(
            modal_word(&t, &frame_tokens(&t, &chain)).as_deref(),
            Some("need to")
        );
        // "The council ruled out a new tax .": none.
        let t = tree_of(&doc, 1);
        let verb = t.find("ruled").unwrap();
        assert_eq!(modal_word(&t, &frame_tokens(&t, &[verb])), None);
    }

    /// The relation tokens of a verb chain, as the frame builder collects them.
    fn frame_tokens(t: &Tree, verbs: &[usize]) -> Vec<usize> {
        verbs
            .iter()
            .flat_map(|&c| crate::frame::surface_tokens(t, c))
            .collect()
    }
}
