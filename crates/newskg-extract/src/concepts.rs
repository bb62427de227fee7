//! Compact labels for concept arguments, and argument spans for open IE.
//!
//! Takes a parsed sentence ([`Tree`]) and the head token of an argument;
//! returns the words that name it. A knowledge-graph concept wants a compact
//! noun phrase ("U.S. military intervention", "leadership of Trump"): the
//! head with its compounds, adjectives, possessor, numbers and one `of`
//! phrase, but no determiners, relative clauses or other prepositional
//! phrases, because those make every mention a different node. Open IE
//! (CaRB) wants the opposite, the whole subtree, so [`span`] is here too.
//! Words are always the sentence's own tokens, so labels stay grounded.

use crate::fact::{Argument, Fact};
use crate::tree::Tree;
use newskg_nlp::{AnalyzedDoc, Upos};

/// Whether a lower-case word names a time (the list lives with the other
/// name knowledge, [`newskg_nlp::names::is_time_noun`]): an oblique headed
/// by one is a time expression, and a concept headed by one names no
/// participant.
pub(crate) use newskg_nlp::names::{is_time_noun, INFINITIVE_NOUNS};

/// Currencies as head nouns ("a strong pound", "$5 million").
pub(crate) const CURRENCY_HEADS: &[&str] = &["$", "£", "€", "dollar", "pound", "euro", "yen"];

/// Number words that count what follows them ("thousands of protesters",
/// "a dozen firms").
pub(crate) const COUNT_HEADS: &[&str] = &["thousand", "hundred", "dozen"];

/// Other head nouns that only measure ("ten percent", "3 billion").
const MEASURE_HEADS: &[&str] = &[
    "percent", "pct", "%", "cent", "million", "billion", "trillion",
];

/// Whether a head noun only measures or counts: a currency, a count or a
/// measure ("ten percent", "$5 million", "hundreds").
pub(crate) fn is_quantity_head(word: &str) -> bool {
    CURRENCY_HEADS.contains(&word) || COUNT_HEADS.contains(&word) || MEASURE_HEADS.contains(&word)
}

/// Words that multiply the number before them ("two mln", "3 billion"),
/// with [`WIRE_MULTIPLIERS`].
const MULTIPLIERS: &[&str] = &["hundred", "thousand", "million", "billion", "trillion"];

/// Multipliers as wire copy abbreviates them ("20 mln"): unlike "a
/// million", they always follow a figure.
pub(crate) const WIRE_MULTIPLIERS: &[&str] = &["mln", "bln", "mn", "bn"];

/// Amounts as wire copy abbreviates them ("20 mln dlrs"): an amount
/// alone is no participant; "40 mln dlrs of debt" names the debt.
pub(crate) const WIRE_AMOUNT_HEADS: &[&str] = &["dlr", "dlrs", "mln", "bln"];

/// Units and fractions that measure how much ("two points", "a third",
/// "a million tonnes", "5,000 barrels").
pub(crate) const UNIT_NOUNS: &[&str] = &[
    "point",
    "half",
    "third",
    "quarter",
    "fifth",
    "tenth",
    "tonne",
    "ton",
    "barrel",
    "ounce",
    "bushel",
    "acre",
    "hectare",
    "mile",
    "kilometre",
    "kilometer",
];

/// Whether noun phrase `k` is an amount ("10 pct", "a third", "20 mln
/// dlrs", "two million tonnes"): after a passive's "by" it says how much
/// ("prices were cut by 10 pct"), it is no agent; a count of people is
/// ("backed by 120 members").
pub(crate) fn is_amount(t: &Tree, k: usize) -> bool {
    // "one of its two members": a number with its "of" group counts
    // people or things that act.
    let partitive = t
        .kids(k)
        .iter()
        .any(|&n| t.base(n) == "nmod" && t.prep(n).as_deref() == Some("of"));
    // A name made with a number ("Four-Kings") is no amount.
    let figure = t.sent.tokens[k].form.chars().any(|c| c.is_ascii_digit())
        || t.sent.tokens[k].form.chars().all(|c| c.is_lowercase());
    t.upos(k) == Upos::Num && figure && !partitive || {
        let lemma = t.lemma(k).to_lowercase();
        let word = lemma.as_str();
        // (Any amount, but not the thousands, hundreds and dozens that
        // count people: "blocked by thousands of protesters".)
        is_quantity_head(word) && !COUNT_HEADS.contains(&word)
            || WIRE_AMOUNT_HEADS.contains(&word)
            || UNIT_NOUNS.contains(&word)
    }
}

/// Words that bound or round a number ("about 300", "more than 40", "up
/// to 500", "nearly", "only"): without them the label states another
/// amount.
pub(crate) const QUANTITY_HEDGES: &[&str] = &[
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "up",
    "only",
    "just",
    "at",
    "below",
    "above",
    "least",
    "most",
];

/// Dependents that belong in a compact label.
const KEEP: &[&str] = &[
    "compound",
    "amod",
    "nmod:poss",
    "nummod",
    "flat",
    "fixed",
    "goeswith",
];

/// Nouns that only quantify or frame what follows them ("any possibility of
/// intervention", "a number of cartels"): the argument is the `of` phrase.
const TRANSPARENT: &[&str] = &[
    "possibility",
    "notion",
    "idea",
    "prospect",
    "kind",
    "sort",
    "type",
    "form",
    "number",
    "lot",
    "lots",
    "part",
    "piece",
    "series",
    "amount",
    "couple",
    "dozen",
    "handful",
    "majority",
    "variety",
];

/// The head an argument really names: skips transparent nouns ("any
/// possibility of U.S. military intervention" → "intervention").
pub(crate) fn effective_head(t: &Tree, head: usize) -> usize {
    let mut h = head;
    for _ in 0..3 {
        if !TRANSPARENT.contains(&t.lemma(h).as_str()) {
            break;
        }
        match t
            .kids(h)
            .iter()
            .copied()
            .find(|&k| t.base(k) == "nmod" && t.prep(k).as_deref() == Some("of"))
        {
            Some(k) => h = k,
            None => break,
        }
    }
    h
}

/// Nouns of a holding in something, whose "in" or "of" phrase says in
/// what ([`compact_tokens`]).
const HOLDING_NOUNS: &[&str] = &["stake", "interest", "holding", "share", "shareholding"];

/// Prepositions that open a noun's complement ("a stake in the brewer", "the
/// potential for abuse", "talks with the dockers", "a bid for the firm").
const COMPLEMENT_PREPOSITIONS: &[&str] = &[
    "in", "for", "on", "to", "with", "about", "against", "over", "between", "into", "from",
];

/// Units an amount is counted per ("dlrs a share", "barrels per day").
const RATE_NOUNS: &[&str] = &[
    "share", "right", "warrant", "unit", "year", "month", "week", "day", "hour", "tonne", "ton",
    "barrel", "ounce", "bushel", "gallon", "litre", "liter", "head", "person", "acre", "kilo",
    "pound", "lb",
];

/// Tokens of the compact label of `head`, sorted.
///
/// A noun of at most two words (a possessive's "'s" aside) without an `of`
/// phrase also takes its first
/// prepositional complement: "bought a stake" or "warned of the potential"
/// name nothing a reader can use, "a stake in Vintra" and "the potential for
/// abuse" do (judged: most useless facts were such bare objects). Only a
/// phrase the parser hangs on the noun, headed by a noun that is no time
/// word ("talks in March" stays "talks").
pub(crate) fn compact_tokens(t: &Tree, head: usize) -> Vec<usize> {
    let mut out = Vec::new();
    collect(t, head, true, &mut out);
    // A number keeps the multiplier written after it, whatever the parser
    // hung it on: "two mln shares" is not "two shares".
    for x in out.clone() {
        let next = x + 1;
        if t.upos(x) == Upos::Num
            && next < t.len()
            && !out.contains(&next)
            && (MULTIPLIERS.contains(&t.lower(next).as_str())
                || WIRE_MULTIPLIERS.contains(&t.lower(next).as_str()))
        {
            out.push(next);
        }
    }
    // An amount keeps the rate it is counted by, wherever the parser hung
    // it: "a profit of 1.51 dlrs a share" and "40 cts per share" are not
    // "1.51 dlrs" and "40 cts".
    if let Some(&end) = out.iter().max() {
        let rate = end + 2 < t.len()
            && matches!(t.lower(end + 1).as_str(), "a" | "an" | "per")
            && t.upos(end + 2) == Upos::Noun
            && RATE_NOUNS.contains(&t.lemma(end + 2).to_lowercase().as_str())
            && out.iter().any(|&x| t.upos(x) == Upos::Num);
        if rate {
            out.extend([end + 1, end + 2]);
        }
    }
    // A number keeps the other end of its range or its alternative: "two
    // or three directors", "200 to 300 workers" are not "two directors"
    // or "200 workers".
    for x in out.clone() {
        if t.upos(x) != Upos::Num {
            continue;
        }
        for &k in t.kids(x) {
            let other_end = t.upos(k) == Upos::Num
                && (t.base(k) == "conj"
                    || t.base(k) == "nmod" && t.prep(k).as_deref() == Some("to"));
            if other_end {
                out.extend((0..t.len()).filter(|&i| t.dominates(k, i)));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    let has_of = out
        .iter()
        .any(|&k| k != head && t.prep(k).as_deref() == Some("of"));
    // Words, not tokens, and a possessor is one word whatever its length:
    // "Lind's refusal" and "the Vantor Group's failure" are two.
    let possessors: Vec<usize> = t
        .kids(head)
        .iter()
        .copied()
        .filter(|&k| t.rel(k) == "nmod:poss")
        .collect();
    // (Nor do the adverbs of a modifier count: "a wholly owned unit in
    // Oslo" is as short as "an owned unit in Oslo".)
    let words = out
        .iter()
        .filter(|&&k| {
            t.base(k) != "case"
                && t.rel(k) != "advmod"
                && !possessors.iter().any(|&p| p != k && t.dominates(p, k))
        })
        .count();
    // A share of something is nothing without what it is a share of, also
    // after a quantity ("a 20 pct stake in Vantor", "578 mln shares in
    // Kessel"): "bought a 20 pct stake" names no holding a reader can place.
    let holding = HOLDING_NOUNS.contains(&t.lemma(head).to_lowercase().as_str());
    if !has_of && (words <= 2 || holding && words <= 4) {
        if let Some(k) = t.kids(head).iter().copied().find(|&k| {
            t.base(k) == "nmod"
                && t.prep(k)
                    .is_some_and(|p| COMPLEMENT_PREPOSITIONS.contains(&p.as_str()))
                && matches!(t.upos(k), Upos::Noun | Upos::Propn)
                && !is_time_noun(&t.lemma(k))
                // Set off by a comma ("the spokesman, in response to
                // questions, said"), a phrase is an aside, no complement.
                && !t.case_kid(k).is_some_and(|c| t.after_comma(c))
        }) {
            if let Some(c) = t.case_kid(k) {
                out.push(c);
            }
            collect(t, k, false, &mut out);
            // "a vote in the Chamber of Deputies", "the need for
            // changes of policy": a bare "of" noun inside the
            // complement completes a name or a fixed term, which cut there
            // names something else ("the Chamber", "changes").
            let end = out.iter().copied().max().unwrap_or(k);
            if let Some(o) = t.kids(k).iter().copied().find(|&o| {
                // Right after the complement's words: a phrase the parser
                // hung here from further away is no part of the name.
                t.case_kid(o) == Some(end + 1)
                    && t.base(o) == "nmod"
                    && t.prep(o).as_deref() == Some("of")
                    && matches!(t.upos(o), Upos::Noun | Upos::Propn)
                    && !t
                        .kids(o)
                        .iter()
                        .any(|&d| matches!(t.base(d), "det" | "nmod:poss"))
            }) {
                if let Some(c) = t.case_kid(o) {
                    out.push(c);
                }
                collect(t, o, false, &mut out);
            }
        } else if let Some(v) = infinitive_complement(t, head) {
            // "won the right to see the records", "a bid to buy Vantor":
            // the noun names what it is a right or a bid for only with its
            // infinitive, which is kept with its particle and the compact
            // label of its object.
            push_infinitive(t, v, &mut out);
        }
    }
    // "the first shipping line to list its shares": after "first", "last" or
    // "only" the noun is that only with its infinitive, whatever its length
    // ("Kessel was the first internet firm" says another thing).
    let ordinal = t.kids(head).iter().any(|&k| {
        matches!(t.base(k), "amod" | "advmod")
            && matches!(
                t.lower(k).as_str(),
                "first" | "last" | "only" | "second" | "third"
            )
    });
    if ordinal && !out.iter().any(|&k| k > head && t.base(k) == "mark") {
        if let Some(v) = infinitive_complement(t, head) {
            push_infinitive(t, v, &mut out);
        }
    }
    // "people who broke the rules should pay the fines": people in general
    // are no one; only the relative clause says which ones, so it stays
    // ("people should step aside" is not what was said).
    if restricted_by_clause(t, head) {
        if let Some(r) = t
            .kids(head)
            .iter()
            .copied()
            .find(|&k| t.rel(k) == "acl:relcl")
        {
            out.extend((head..t.len()).filter(|&i| !t.is_punct(i) && t.dominates(r, i)));
        }
    }
    // "more cash than Vantor", "fewer staff than last year": a comparison
    // says nothing without what it compares with ("has more cash" of a
    // firm that has less than its rival is wrong), so the "than" phrase
    // stays, wherever the parser hung it in the noun's phrase.
    let compared = t.kids(head).iter().any(|&k| {
        matches!(t.base(k), "amod" | "advmod")
            && (matches!(t.sent.tokens[k].xpos.as_str(), "JJR" | "RBR")
                || matches!(t.lower(k).as_str(), "more" | "less" | "fewer"))
    });
    if compared {
        if let Some(k) = t
            .kids(head)
            .iter()
            .copied()
            .find(|&k| t.prep(k).as_deref() == Some("than") && !out.contains(&k) && k > head)
        {
            if let Some(c) = t.case_kid(k) {
                out.push(c);
            }
            collect(t, k, false, &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `head` is people in general ("people", "anyone") narrowed by a
/// relative clause ("people who drank the tea"), which is then part of
/// its label.
fn restricted_by_clause(t: &Tree, head: usize) -> bool {
    ANYONE_NOUNS.contains(&t.lower(head).as_str())
        && t.kids(head).iter().any(|&k| t.rel(k) == "acl:relcl")
}

/// Adds infinitive `v` of a noun to a label's tokens: its "to", auxiliaries
/// and particle, and the compact label of its object.
fn push_infinitive(t: &Tree, v: usize, out: &mut Vec<usize>) {
    let object = t.kid(v, "obj");
    // "a visit to press for a larger share": without an object, a verb's
    // prepositional complement says what the infinitive is about; a clause
    // or a second verb with no object of its own ("the right to expect
    // that ...", "a pact to end dumping") is too long for a label, and cut
    // it says another thing ("pact to end"), so the noun goes without its
    // infinitive. An adjunct
    // clause of the verb ("pressure to act before May") leaves it whole.
    let oblique = t.kids(v).iter().copied().find(|&k| {
        k > v
            && t.base(k) == "obl"
            && t.case_kid(k).is_some()
            && !is_time_noun(&t.lemma(k))
            && !is_amount(t, k)
    });
    // But a verb that only begins, stops or tries something ("its
    // intention to stop paying interest") keeps its one "-ing" or "to"
    // verb with that verb's object: the pair is what is meant, and short.
    // (An "-ing" or a "to" verb, not a bare one: "a bid to help cut
    // costs" is most often a purpose the parser hung on the noun. Nor with
    // a conjunct, which the pair would cut off.)
    let catenated = t.kid(v, "xcomp").filter(|&x| {
        x > v
            && t.upos(x) == Upos::Verb
            && (t.sent.tokens[x].xpos == "VBG" || t.has_to_mark(x))
            && t.kid(x, "obj").is_some()
            && t.kid(v, "conj").is_none()
            && t.kid(x, "conj").is_none()
            && {
                let clauses = |w: usize| {
                    t.kids(w)
                        .iter()
                        .filter(|&&k| matches!(t.base(k), "ccomp" | "xcomp" | "nsubj" | "csubj"))
                        .count()
                };
                clauses(v) == 1 && clauses(x) == 0
            }
    });
    // So for a phrasal verb whose object belongs to its conjunct ("the
    // funds to pay off or take over its debts"): "funds to pay off" is cut.
    let phrasal_before_a_conjunct =
        t.kid(v, "compound:prt").is_some() && t.kid(v, "conj").is_some();
    if object.is_none()
        && oblique.is_none()
        && catenated.is_none()
        && (phrasal_before_a_conjunct
            || t.kids(v)
                .iter()
                .any(|&k| matches!(t.base(k), "ccomp" | "xcomp")))
    {
        return;
    }
    let particles = |w: usize, out: &mut Vec<usize>| {
        out.extend(
            t.kids(w)
                .iter()
                .copied()
                .filter(|&k| matches!(t.rel(k), "mark" | "aux" | "aux:pass" | "compound:prt")),
        );
    };
    particles(v, out);
    out.push(v);
    if object.is_none() && oblique.is_none() {
        if let Some(x) = catenated {
            particles(x, out);
            out.push(x);
            if let Some(o) = t.kid(x, "obj") {
                collect(t, o, false, out);
            }
        }
    } else if let Some(o) = object {
        collect(t, o, false, out);
    } else if let Some(o) = oblique {
        if let Some(c) = t.case_kid(o) {
            out.push(c);
        }
        collect(t, o, false, out);
    }
}

/// Nouns and pronouns of people in general, with no one in particular.
pub(crate) const ANYONE_NOUNS: &[&str] = &[
    "people",
    "others",
    "everyone",
    "everybody",
    "someone",
    "somebody",
    "anyone",
    "anybody",
];

/// The infinitive that completes noun `head` ("the right to see", "a plan
/// to cut"): a verb marked "to", with no subject of its own, right after
/// the noun's own words: the noun's `acl`, or for an
/// [`INFINITIVE_NOUNS`] object the verb's `advcl` that follows it at once.
fn infinitive_complement(t: &Tree, head: usize) -> Option<usize> {
    let infinitive = |v: usize| {
        t.upos(v) == Upos::Verb
            && v > head
            && v <= head + 3
            && t.kids(v)
                .iter()
                .any(|&k| t.rel(k) == "mark" && t.lower(k) == "to" && k == head + 1)
            && !t
                .kids(v)
                .iter()
                .any(|&k| matches!(t.base(k), "nsubj" | "csubj"))
    };
    if let Some(v) = t
        .kids(head)
        .iter()
        .copied()
        .find(|&v| t.rel(v) == "acl" && infinitive(v))
    {
        return Some(v);
    }
    let verb = t.head(head).filter(|_| t.rel(head) == "obj")?;
    if !INFINITIVE_NOUNS.contains(&t.lemma(head).as_str()) {
        return None;
    }
    t.kids(verb)
        .iter()
        .copied()
        .find(|&v| t.rel(v) == "advcl" && infinitive(v))
}

fn collect(t: &Tree, i: usize, allow_of: bool, out: &mut Vec<usize>) {
    // A hyphenated word is one word: "Vantor-based bank", not "based
    // bank"; "so-called reform", not "called reform"; "forty-three
    // people", not "forty people".
    out.extend(t.hyphen_compound_start(i)..=t.hyphen_compound_end(i));
    for &k in t.kids(i) {
        let rel = t.rel(k);
        if KEEP.contains(&rel) {
            // A possessive pronoun ("her country") means nothing out of context.
            if rel == "nmod:poss" && t.is_pron(k) {
                continue;
            }
            // An adverb, or a word of time, after the noun modifies the
            // clause, not the noun ("18 countries apart from Tollund",
            // "intervened in the markets late yesterday"): the parser
            // hangs it on the last noun.
            if rel == "amod"
                && k > i
                && (t.upos(k) == Upos::Adv
                    || matches!(t.lower(k).as_str(), "late" | "early" | "later" | "earlier"))
            {
                continue;
            }
            // An adjective after the noun with a complement of its own is
            // a reduced relative clause ("notes worth 40 mln crowns", "firms
            // eager to expand"): its complement never joins the label, so
            // it goes whole ("bonds", not "bonds worth").
            if rel == "amod"
                && k > i
                && t.upos(k) == Upos::Adj
                && t.kids(k)
                    .iter()
                    .any(|&c| matches!(t.base(c), "obj" | "obl" | "xcomp" | "ccomp"))
            {
                continue;
            }
            collect(t, k, false, out);
        } else if rel == "nmod:unmarked"
            && (t.rel(i) == "nummod"
                && t.sent.tokens[i]
                    .form
                    .parse::<u8>()
                    .is_ok_and(|d| (1..=31).contains(&d))
                && newskg_nlp::names::is_month(&t.sent.tokens[k].form)
                || t.upos(i) == Upos::Num
                    && k + 1 == i
                    && t.sent.tokens[k]
                        .form
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase))
        {
            // "the March 3 ruling": the day's month, which the parser hangs
            // on the number; without it "3 ruling" says another thing. So
            // for a capitalised word right before its number ("Chapter 11
            // protection", "Article 5"): the two are one name.
            out.push(k);
        } else if rel == "advmod"
            && t.upos(i) == Upos::Num
            && QUANTITY_HEDGES.contains(&t.lower(k).as_str())
        {
            // "less than 200 employees" is not "200 employees": a number
            // keeps the words that bound or round it, with their "than"
            // or "to".
            out.push(k);
            out.extend(t.kids(k).iter().copied().filter(|&f| t.rel(f) == "fixed"));
        } else if rel == "advmod"
            && t.rel(i) == "amod"
            && k < i
            // ("So future demand ...": a sentence's connective.)
            && !is_connective(t, k)
            && (k..i).all(|m| {
                t.kids(i)
                    .iter()
                    .any(|&a| a < i && t.rel(a) == "advmod" && t.dominates(a, m))
            })
        {
            // "a wholly owned unit", "the most actively traded stock": the
            // adverb right before a noun's modifier says which kind ("owned
            // unit" and "traded stock" say another thing), with its own
            // degree ("most").
            out.extend((0..i).filter(|&m| t.dominates(k, m)));
        } else if rel == "advmod" && k > 0 && k + 1 == i && capitalised(t, k) && capitalised(t, i) {
            // "the Far Eastern market": a capitalised adverb right before
            // a capitalised modifier is a word of one name (not the
            // sentence's first word: "Most Malaysian traders").
            out.push(k);
        } else if rel == "case" && t.rel(i) == "nmod:poss" {
            out.push(k); // the 's of a possessor
        } else if allow_of
            && t.base(k) == "nmod"
            && t.prep(k).as_deref() == Some("of")
            && !t.is_pron(k)
        {
            if let Some(c) = t.case_kid(k) {
                out.push(c);
            }
            collect(t, k, false, out);
        }
    }
}

/// Adverbs that connect a sentence to the one before ("So future demand
/// ...", "Still, higher prices ..."), which the parser may hang on the
/// first modifier after them; inside a clause most are degree or time
/// words of the modifier ("so many", "then existing").
const CONNECTIVES: &[&str] = &[
    "so",
    "now",
    "still",
    "then",
    "thus",
    "hence",
    "yet",
    "meanwhile",
    "however",
];

/// Whether adverb `k` connects its clause rather than modifying a word:
/// "also" anywhere ("are also potential winners"), the others of
/// [`CONNECTIVES`] opening a sentence or after a punctuation mark.
fn is_connective(t: &Tree, k: usize) -> bool {
    let word = t.lower(k);
    word == "also"
        || CONNECTIVES.contains(&word.as_str()) && (k == 0 || t.upos(k - 1) == Upos::Punct)
}

/// Whether token `k` is written with a capital.
fn capitalised(t: &Tree, k: usize) -> bool {
    t.sent.tokens[k]
        .form
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Compact label variants of `head`: one per conjunct of a coordinated `of`
/// phrase ("the leadership of both Sheinbaum and Trump" → "leadership of
/// Sheinbaum", "leadership of Trump"). Conjuncts that `one_name` says are
/// words of one name ("the Securities and Exchange Commission") stay
/// together.
pub(crate) fn label_variants(
    t: &Tree,
    head: usize,
    one_name: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let mut base = compact_tokens(t, head);
    // "people who stood by and watched": the relative clause that says
    // which people is one description, whatever it coordinates.
    if restricted_by_clause(t, head) {
        return vec![base];
    }
    // The later words of a name that holds a conjunction join the label
    // with their conjunction.
    let named: Vec<usize> = base
        .iter()
        .flat_map(|&m| t.kids(m).iter().map(move |&k| (m, k)))
        .filter(|&(m, k)| t.rel(k) == "conj" && one_name(m, k))
        .map(|(_, k)| k)
        .collect();
    for k in named {
        base.extend(compact_tokens_plain(t, k));
        base.extend(t.kids(k).iter().copied().filter(|&c| t.base(c) == "cc"));
    }
    base.sort_unstable();
    base.dedup();
    for &m in &base {
        if m == head {
            continue;
        }
        let conjs: Vec<usize> = t
            .kids(m)
            .iter()
            .copied()
            .filter(|&k| t.rel(k) == "conj" && !one_name(m, k))
            .collect();
        // "one or two tankers" is one amount ([`compact_tokens`] keeps
        // both numbers), not one tanker and two tankers.
        if conjs.is_empty()
            || t.upos(m) == Upos::Num && conjs.iter().all(|&c| t.upos(c) == Upos::Num)
        {
            continue;
        }
        // "between 500 mln and 600 mln dlrs" is one range, "talks between
        // Vantor and Kessel" one meeting: neither side alone is what was
        // said.
        if let Some(between) = (0..m).find(|&x| t.lower(x) == "between" && t.dominates(m, x)) {
            let mut whole = base.clone();
            whole.push(between);
            for &c in &conjs {
                whole.extend(compact_tokens_plain(t, c));
                whole.extend(t.kids(c).iter().copied().filter(|&k| t.base(k) == "cc"));
            }
            whole.sort_unstable();
            whole.dedup();
            return vec![whole];
        }
        // Everything of the label under a coordinated noun goes with it
        // ("trading of securities"), but its preposition, which the other
        // conjuncts share; a coordinated verb keeps what it is marked with.
        let inner = compact_tokens_plain(t, m);
        let noun = matches!(t.upos(m), Upos::Noun | Upos::Propn);
        let outer: Vec<usize> = base
            .iter()
            .copied()
            .filter(|&x| {
                !inner.contains(&x)
                    && !(noun
                        && t.dominates(m, x)
                        && !(t.head(x) == Some(m) && t.base(x) == "case"))
            })
            .collect();
        let mut variants = Vec::new();
        for member in std::iter::once(m).chain(conjs) {
            let mut v = outer.clone();
            v.extend(compact_tokens_plain(t, member));
            v.sort_unstable();
            v.dedup();
            variants.push(v);
        }
        return variants;
    }
    vec![base]
}

fn compact_tokens_plain(t: &Tree, head: usize) -> Vec<usize> {
    let mut out = Vec::new();
    collect(t, head, false, &mut out);
    out
}

/// The label text of tokens (forms joined as spaced in the text). In a
/// title-cased headline ("Mexico Closes Door on US Military Intervention")
/// common words are lowercased, so the headline's concept gets the same
/// label as the body's ("US military intervention"); proper nouns and
/// acronyms keep their case.
pub(crate) fn label(t: &Tree, tokens: &[usize]) -> String {
    let text = t.join(tokens);
    if !is_title_case(t) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    for &i in tokens {
        let form = &t.sent.tokens[i].form;
        let Some(at) = rest.find(form.as_str()) else {
            return text;
        };
        out.push_str(&rest[..at]);
        let acronym = form.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !form.chars().any(char::is_lowercase);
        if t.upos(i) == Upos::Propn || acronym {
            out.push_str(form);
        } else {
            out.push_str(&form.to_lowercase());
        }
        rest = &rest[at + form.len()..];
    }
    out.push_str(rest);
    out
}

/// Whether the sentence is a title-cased headline: at least three content
/// words, all capitalised.
pub(crate) fn is_title_case(t: &Tree) -> bool {
    let content: Vec<&str> = (0..t.len())
        .filter(|&i| matches!(t.upos(i), Upos::Noun | Upos::Verb | Upos::Adj | Upos::Adv))
        .map(|i| t.sent.tokens[i].form.as_str())
        .collect();
    content.len() >= 3
        && content
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a token is a function word, which alone names no concept (a
/// stranded preposition: "what he referred to").
pub(crate) fn is_function_word(t: &Tree, i: usize) -> bool {
    matches!(
        t.upos(i),
        Upos::Adp
            | Upos::Det
            | Upos::Part
            | Upos::Cconj
            | Upos::Sconj
            | Upos::Aux
            | Upos::Pron
            | Upos::Punct
    )
}

/// The words of a clause, compactly: its subject, negation, verb, particle,
/// first object and first prepositional phrase ("Trump signed directive",
/// "The United States not going come to Mexico with military").
pub(crate) fn clause_tokens(t: &Tree, root: usize) -> Vec<usize> {
    let mut out = vec![root];
    let mut had_obj = false;
    let mut obls = 0;
    for &k in t.kids(root) {
        match t.rel(k) {
            "nsubj" | "nsubj:pass" | "expl" => out.extend(compact_tokens(t, k)),
            "compound:prt" | "cop" => out.push(k),
            "advmod" | "neg" if super::negation::is_negator(t, k) => out.push(k),
            "obj" | "iobj" if !had_obj => {
                had_obj = true;
                out.extend(compact_tokens(t, effective_head(t, k)));
            }
            "xcomp" => out.extend(clause_tokens_inner(t, k)),
            _ if t.base(k) == "obl" && obls < 2 && !t.is_pron(k) => {
                obls += 1;
                if let Some(c) = t.case_kid(k) {
                    out.push(c);
                }
                out.extend(compact_tokens(t, effective_head(t, k)));
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn clause_tokens_inner(t: &Tree, k: usize) -> Vec<usize> {
    let mut v = clause_tokens(t, k);
    // The controlled verb's own subject is the matrix one: nothing to add.
    v.retain(|&x| x == k || t.head(x).is_some());
    v
}

/// Gives a lone definite noun the label of what it names back: "the
/// order" after "an executive order" is that order, so its label becomes
/// "executive order" (strict head match, the way coreference sieves read
/// definite descriptions, Lee et al. 2013), for nouns of one-off things
/// ([`is_referred_back`]). The antecedent is the nearest noun before it
/// with the same lemma and words of its own that set it apart from no
/// other; none leaves the label as it was.
///
/// Returns, per fact, whether its subject is a definite lone noun that
/// names nothing so: "the report" with no report named before, "the
/// chancellor" coreference left unresolved, which a reader cannot place
/// ([`crate::FactPolicy::keeps_unnamed_subject`] decides what to do).
pub(crate) fn name_lone_nouns(analyzed: &AnalyzedDoc, facts: &mut [Fact]) -> Vec<bool> {
    let trees: Vec<Tree> = analyzed.sentences.iter().map(Tree::new).collect();
    let mut unnamed = vec![false; facts.len()];
    for (n, f) in facts.iter_mut().enumerate() {
        let sentence = f.sentence;
        for (side, argument) in [&mut f.subject, &mut f.object].into_iter().enumerate() {
            let Argument::Concept { label, head } = argument else {
                continue;
            };
            if label.contains(' ') {
                continue;
            }
            let Some(t) = trees.get(sentence) else {
                continue;
            };
            let lone = (0..t.len()).find(|&i| {
                t.sent.tokens[i].form == *label
                    && t.kids(i)
                        .iter()
                        .all(|&k| t.rel(k) == "det" || t.is_punct(k))
                    && t.kids(i)
                        .iter()
                        .any(|&k| t.rel(k) == "det" && t.lower(k) == "the")
            });
            let Some(i) = lone else {
                continue;
            };
            let named = is_referred_back(head)
                .then(|| named_before(&trees, sentence, i, head))
                .flatten();
            // A capitalised one ("the Commission", "the Senate") is the
            // name of a body, not a description.
            let capitalised = label.chars().next().is_some_and(char::is_uppercase);
            match named {
                Some(full) => *label = full,
                None => unnamed[n] |= side == 0 && !capitalised,
            }
        }
    }
    unnamed
}

/// Nouns of instruments: documents and decisions that act in news ("the
/// order designates the cartels", "the report criticised the police").
pub(crate) const INSTRUMENT_NOUNS: &[&str] = &[
    "order",
    "directive",
    "decree",
    "law",
    "bill",
    "ruling",
    "resolution",
    "treaty",
    "agreement",
    "report",
    "study",
    "survey",
    "lawsuit",
    "statement",
    "communique",
    "letter",
    "filing",
    "poll",
];

/// Whether the bare noun `head` is one a story introduces with words of
/// its own and then calls by the noun alone: an instrument
/// ([`INSTRUMENT_NOUNS`]) or another one-off thing, a proposal, an inquiry,
/// a deal ("a damning report" ... "the report"). Nouns of people
/// (coreference reads them as roles), of bodies (coreference resolves them
/// to names) and of things a story has many of ("the ball", "the market",
/// "the people") are not: judged blind, head matching took the wrong
/// antecedent for those.
fn is_referred_back(head: &str) -> bool {
    INSTRUMENT_NOUNS.contains(&head) || ONE_OFF_NOUNS.contains(&head)
}

/// One-off things besides instruments ([`is_referred_back`]).
const ONE_OFF_NOUNS: &[&str] = &[
    "review",
    "audit",
    "verdict",
    "judgment",
    "accord",
    "deal",
    "contract",
    "pact",
    "plan",
    "proposal",
    "offer",
    "bid",
    "programme",
    "program",
    "scheme",
    "project",
    "initiative",
    "budget",
    "package",
    "suit",
    "probe",
    "investigation",
    "inquiry",
    "merger",
    "acquisition",
    "takeover",
    "loan",
    "strategy",
    "reform",
    "legislation",
    "ban",
    "sanction",
    "tariff",
];

/// Modifiers that make a noun name another thing than the bare noun
/// would: "the proposal" is not "a rival proposal" or "the former plan".
const OTHER_THAN: &[&str] = &[
    "former",
    "previous",
    "earlier",
    "rival",
    "other",
    "own",
    "new",
    "old",
    "alternative",
    "original",
    "shadow",
    "draft",
    "second",
    "first",
    "last",
    "next",
];

/// The label of the nearest noun before token `i` of sentence `s` whose
/// lemma is `head` and which has words of its own ("executive order").
fn named_before(trees: &[Tree], s: usize, i: usize, head: &str) -> Option<String> {
    (0..=s).rev().find_map(|k| {
        let t = &trees[k];
        let end = if k == s { i } else { t.len() };
        (0..end).rev().find_map(|j| {
            if t.upos(j) != Upos::Noun || t.lemma(j) != head {
                return None;
            }
            let tokens = compact_tokens(t, j);
            let words = tokens
                .iter()
                .filter(|&&x| !is_function_word(t, x) && t.base(x) != "case")
                .count();
            // A count or a modifier that sets it apart names another one.
            let other = tokens
                .iter()
                .any(|&x| t.rel(x) == "nummod" || OTHER_THAN.contains(&t.lower(x).as_str()));
            (words >= 2 && !other && tokens.last() == Some(&j)).then(|| label(t, &tokens))
        })
    })
}

/// The whole argument span of `head` for open IE: its subtree without the
/// tokens under any of `exclude`, without conjuncts (they become their own
/// tuples) and without punctuation at either end.
pub(crate) fn span(t: &Tree, head: usize, exclude: &[usize]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut stack = vec![head];
    while let Some(i) = stack.pop() {
        out.push(i);
        for &k in t.kids(i) {
            if exclude.contains(&k) {
                continue;
            }
            if i == head
                && matches!(
                    t.rel(k),
                    "conj" | "cc" | "cc:preconj" | "punct" | "acl:relcl" | "parataxis"
                )
            {
                continue;
            }
            stack.push(k);
        }
    }
    out.sort_unstable();
    while out.len() > 1 && out.first().is_some_and(|&i| t.is_punct(i)) {
        out.remove(0);
    }
    while out.len() > 1 && out.last().is_some_and(|&i| t.is_punct(i)) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::clauses::tests::{fixture_doc, tree_of};
    use super::*;

    #[test]
    fn a_day_before_a_noun_keeps_its_month() {
        let doc = fixture_doc("extract-dates.conllu");
        let t = tree_of(&doc, 0);
        // "The March 3 court ruling hurt Vantor ." with "March" hung on "3".
        let head = t.find("ruling").unwrap();
        assert_eq!(label(&t, &compact_tokens(&t, head)), "March 3 court ruling");
    }

    #[test]
    fn a_number_keeps_its_multiplier() {
        let doc = fixture_doc("extract-amounts.conllu");
        let t = tree_of(&doc, 0);
        // "Vantor sold two mln common shares ." with "mln" hung on "common".
        let head = t.find("shares").unwrap();
        assert_eq!(
            label(&t, &compact_tokens(&t, head)),
            "two mln common shares"
        );
    }

    #[test]
    fn compact_label_skips_transparent_noun_and_determiners() {
        let doc = fixture_doc("extract-svo.conllu");
        let t = tree_of(&doc, 1);
        // "The mayor rejected any possibility of a new city tax ."
        let obj = t.find("possibility").unwrap();
        let head = effective_head(&t, obj);
        assert_eq!(t.lower(head), "tax");
        assert_eq!(label(&t, &compact_tokens(&t, head)), "new city tax");
    }

    #[test]
    fn a_bare_noun_takes_its_complement_but_not_a_time() {
        let doc = fixture_doc("extract-svo.conllu");
        // "The brewer bought a stake in Vintra after talks in March ."
        let n = (0..doc.sentences.len())
            .find(|&i| tree_of(&doc, i).find("Vintra").is_some())
            .unwrap();
        let t = tree_of(&doc, n);
        let stake = t.find("stake").unwrap();
        assert_eq!(label(&t, &compact_tokens(&t, stake)), "stake in Vintra");
        let talks = t.find("talks").unwrap();
        assert_eq!(label(&t, &compact_tokens(&t, talks)), "talks");
    }

    #[test]
    fn coordinated_of_phrase_gives_variants() {
        let doc = fixture_doc("extract-coord.conllu");
        let t = tree_of(&doc, 0);
        let obj = t.find("courage").unwrap();
        let labels: Vec<String> = label_variants(&t, obj, |_, _| false)
            .iter()
            .map(|v| label(&t, v))
            .collect();
        assert_eq!(labels, ["courage of Alvarez", "courage of Brandt"]);
    }
}
