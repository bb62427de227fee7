//! Attribution: who the text says a clause comes from.
//!
//! Takes a sentence's frames and marks the ones inside reported speech:
//! "X said/stated/warned/revealed that P", quotes ("“P,” X said", "X
//! stressed, “P”") and "according to X, P". The inner frames get modality
//! Reported (Possible stays Possible: hedged speech is still hedged) and
//! the speaker; the speech act itself stays a frame of its own ("X say P"),
//! whose object is the compact clause. A denied or negated speech act
//! ("did not confirm that P", "denied that P") does not report P as true,
//! so P becomes Possible.

use crate::frame::{Frame, Slot, SlotKind};
use crate::tree::Tree;
use crate::{Modality, Pattern};

/// Verbs of saying and thinking that take a clause but never a gerund
/// ("said that raising taxes would hurt", never "said raising taxes" with
/// "raising" as what was said). When the parser hangs a gerund on one as
/// its controlled complement, the gerund is really the subject of a clause
/// whose verb the parser put elsewhere: the gerund gets no subject from the
/// speaker and joins no chain with the verb ("say raise"). Verbs that do
/// take gerunds ("admit leaking", "deny taking", "suggest doubling") are
/// not here.
const NO_GERUND: &[&str] = &[
    "say",
    "tell",
    "claim",
    "believe",
    "think",
    "insist",
    "add",
    "argue",
    "state",
    "declare",
    "stress",
    "explain",
    "assert",
    "emphasize",
    "emphasise",
    "reiterate",
    "confirm",
    "disclose",
    "indicate",
    "estimate",
    "predict",
    "expect",
    "hope",
    "know",
    "fear",
    "reckon",
    "conclude",
    "warn",
];

/// Whether gerund `g` hangs as a controlled complement (xcomp) on a verb of
/// saying or thinking that takes no gerund ([`NO_GERUND`]): a misparse of
/// a clause whose subject the gerund is.
pub(crate) fn is_misread_gerund(t: &Tree, g: usize) -> bool {
    t.rel(g) == "xcomp"
        && t.sent.tokens[g].xpos == "VBG"
        && t.kid(g, "mark").is_none()
        && t.head(g)
            .is_some_and(|h| NO_GERUND.contains(&t.lemma(h).as_str()))
}

/// Verbs of saying, reporting and knowing that introduce a reported clause.
pub(crate) const SPEECH: &[&str] = &[
    "say",
    "state",
    "tell",
    "report",
    "reveal",
    "announce",
    "declare",
    "stress",
    "note",
    "add",
    "claim",
    "insist",
    "argue",
    "explain",
    "assert",
    "emphasize",
    "emphasise",
    "reiterate",
    "write",
    "tweet",
    "post",
    "confirm",
    "acknowledge",
    "admit",
    "disclose",
    "warn",
    "caution",
    "hint",
    "suggest",
    "indicate",
    "believe",
    "think",
    "testify",
    "allege",
    "deny",
    "predict",
    "estimate",
    "conclude",
    "find",
    "show",
    "say",
    "reply",
    "respond",
    "answer",
    "recall",
    "observe",
    "remark",
    "maintain",
    "contend",
    "concede",
    "complain",
    "promise",
    "vow",
    "pledge",
    "signal",
    // Verbs of belief and feeling: what someone feels, hopes, fears or
    // expects is theirs, not the text's ("Tarvo felt that the coach had
    // lied" asserts no lie).
    "feel",
    "hope",
    "fear",
    "expect",
    "doubt",
    "suspect",
    "worry",
    "assume",
    "reckon",
    "consider",
    "speculate",
    "forecast",
];

/// Speech verbs that deny what they introduce: "denied that it leaked the
/// plan" reports (it leak plan), negated, in the denier's words; "doubted
/// that the referee was pleased" likewise.
const DENIAL: &[&str] = &["deny", "doubt"];

/// Whether a statement's relation denies what it introduces ("deny",
/// "doubt"): its content fact is the denier's not-P, which a reader of the
/// statement sees as the P denied.
pub fn denies(relation: &str) -> bool {
    relation
        .split(' ')
        .next()
        .is_some_and(|verb| DENIAL.contains(&verb))
}

/// How a speech act stands to what it introduces.
#[derive(Clone, Copy, PartialEq)]
enum Stand {
    /// "X said that P": P is X's.
    Says,
    /// "X denied that P": not-P is X's.
    Denies,
    /// "X did not say that P": nobody in the text holds P.
    DoesNotSay,
}

/// Marks reported frames; adds a clause slot to speech acts whose content
/// is a quote they are attached to rather than a ccomp.
pub(crate) fn apply(t: &Tree, frames: &mut [Frame]) {
    // (content root, speaker head, stand, speech verb)
    let mut scopes: Vec<(usize, Option<usize>, Stand, usize)> = Vec::new();
    for f in frames.iter_mut() {
        if !SPEECH.contains(&t.lemma(f.pred).as_str())
            || f.pattern == Pattern::Nominal
            || f.pattern == Pattern::Appos
        {
            continue;
        }
        let speaker = speaker_of(t, f);
        let stand = if f.negated {
            Stand::DoesNotSay
        } else if DENIAL.contains(&t.lemma(f.pred).as_str()) {
            Stand::Denies
        } else {
            Stand::Says
        };
        let clause = f
            .args
            .iter()
            .find(|s| s.kind == SlotKind::Clause)
            .map(|s| s.head);
        let content = clause.or_else(|| {
            // "X stressed, “P”": the quote hangs off the speech verb.
            t.kids(f.pred)
                .iter()
                .copied()
                .find(|&k| t.base(k) == "parataxis")
        });
        let content = content.or_else(|| {
            // "“P,” X said": the speech verb hangs off the quote, set off
            // from it by a comma, a dash or a quotation mark. (Not a verb
            // opened by "that", "whether" or "if", nor one right after a
            // verb: "said that owners were thinking of ...", "said it
            // believes ..." are what was said, no speech tags.)
            ((matches!(t.base(f.pred), "parataxis" | "ccomp") || tag_read_as_conjunct(t, f.pred))
                && f.args.iter().all(|s| s.kind != SlotKind::Object)
                && set_off(t, f.pred)
                && !t.kids(f.pred).iter().any(|&k| {
                    t.base(k) == "mark" && matches!(t.lower(k).as_str(), "that" | "whether" | "if")
                }))
            .then(|| t.head(f.pred))
            .flatten()
            .map(|h| {
                if t.base(f.pred) == "conj" {
                    sentence_clause(t, h)
                } else {
                    h
                }
            })
        });
        let content = content
            .or_else(|| quoted_as_saying_content(t, f.pred))
            .or_else(|| fronted_content(t, f))
            .or_else(|| clause_on_audience(t, f.pred));
        if let Some(c) = content {
            if clause.is_none() {
                f.args.push(Slot {
                    head: c,
                    prep: None,
                    kind: SlotKind::Clause,
                    exclude: vec![f.pred],
                });
            }
            scopes.push((c, speaker, stand, f.pred));
            // A second clause the parser hung on the same verb ("Worried
            // by the vote, he said P", the fronted phrase read as a clause
            // too) is said as well.
            for &k in t.kids(f.pred) {
                if k != c && t.base(k) == "ccomp" {
                    scopes.push((k, speaker, stand, f.pred));
                }
            }
        } else if let Some(c) = expected_of_object(t, f.pred) {
            // "most economists expect the Fed to buy bills": what the
            // object is expected (told, believed) to do is the speaker's
            // view, though the verb's own fact keeps its object ("expect to
            // buy bills" the Fed). (Not a pronoun's, "diplomats said they
            // expected ...", nor what someone does not expect: the speaker
            // of a clause around it speaks for it.)
            if stand == Stand::Says && speaker.is_some_and(|s| !t.is_pron(s)) {
                scopes.push((c, speaker, stand, f.pred));
            }
        }
    }
    // "According to X, P": X is the source of P's clause. Parsers also
    // hang the phrase on a noun ("is the biggest employer, according to
    // the council"): its clause is then the nearest predicate above it.
    for i in 0..t.len() {
        if t.prep(i).as_deref() == Some("according to") {
            let mut clause = t.head(i);
            for _ in 0..t.len() {
                match clause {
                    Some(h)
                        if t.upos(h) != newskg_nlp::Upos::Verb
                            && t.kid(h, "cop").is_none()
                            && t.head(h).is_some() =>
                    {
                        clause = t.head(h);
                    }
                    _ => break,
                }
            }
            // "employs 900 people and is the biggest employer in the
            // town, according to its website": closing the sentence after
            // a comma, the phrase is the source of every predicate the
            // "and" joins, not only of the last.
            if closes_sentence(t, i) {
                while let Some(h) = clause.filter(|&h| t.rel(h) == "conj") {
                    clause = t.head(h);
                }
            }
            if let Some(h) = clause {
                let speaker = t
                    .kids(i)
                    .iter()
                    .copied()
                    .find(|&k| t.rel(k) == "compound" && t.upos(k) == newskg_nlp::Upos::Propn)
                    .unwrap_or(i);
                scopes.push((h, Some(speaker), Stand::Says, usize::MAX));
            }
        }
    }
    for f in frames.iter_mut() {
        // The innermost scope that holds this predicate (and is not its own
        // quote, nor the tag that says it: "Vantor will sell the plant,
        // Ruiz, president of Kessel, said": Ruiz's title is no part of what
        // he said, though the parser hangs the tag inside the clause).
        let scope = scopes
            .iter()
            .filter(|&&(c, _, _, verb)| {
                verb != f.pred
                    && t.dominates(c, f.pred)
                    && !(verb < t.len()
                        && t.dominates(c, verb)
                        && t.dominates(tag_root(t, verb), f.pred))
            })
            .max_by_key(|(c, _, _, _)| depth(t, *c));
        if let Some(&(_, speaker, stand, _)) = scope {
            // What X did not say is nobody's claim in the text.
            f.speaker = speaker.filter(|_| stand != Stand::DoesNotSay);
            f.modality = match (f.modality, stand) {
                (Modality::Possible, _) | (_, Stand::DoesNotSay) => Modality::Possible,
                _ => Modality::Reported,
            };
            if stand == Stand::Denies {
                f.negated = !f.negated;
            }
        }
    }
}

/// Who says what speech frame `f` introduces. Mostly its subject; but the
/// subject of a passive is its addressee ("Brandt was told that the plant
/// would close": someone told Brandt), so the speaker is the by-agent or
/// nobody named; and in "quoted Ruiz as saying that ...", "Ruiz was quoted
/// as saying ...", the one quoted says it, not the paper that quotes.
fn speaker_of(t: &Tree, f: &Frame) -> Option<usize> {
    let pred = f.pred;
    let quote = tag_root(t, pred);
    if quote != pred {
        return t.kid(quote, "nsubj:pass").or_else(|| t.kid(quote, "obj"));
    }
    let passive = t.kids(pred).iter().any(|&k| t.rel(k) == "aux:pass")
        || f.subject
            .as_ref()
            .is_some_and(|s| t.rel(s.head) == "nsubj:pass" && t.head(s.head) == Some(pred));
    if passive {
        return t.kid(pred, "obl:agent");
    }
    f.subject.as_ref().map(|s| s.head)
}

/// The top of the tag a verb of saying heads: the verb, or the "quoted" its
/// "as saying" hangs on ("Ruiz was quoted as saying").
fn tag_root(t: &Tree, verb: usize) -> usize {
    t.head(verb)
        .filter(|&q| {
            t.lemma(q) == "quote"
                && t.kids(verb)
                    .iter()
                    .any(|&m| t.base(m) == "mark" && t.lower(m) == "as")
        })
        .unwrap_or(verb)
}

/// "P, Ruiz was quoted as saying": the content of a "saying" that hangs on
/// "quoted" as its "as" phrase, where "quoted" is a tag after the clause it
/// reports, set off by a comma and closing the sentence (the parser makes
/// it an adverbial clause or a conjunct of that clause).
fn quoted_as_saying_content(t: &Tree, pred: usize) -> Option<usize> {
    let quote = Some(tag_root(t, pred)).filter(|&q| q != pred)?;
    let host = t.head(quote).filter(|&h| h < quote)?;
    (matches!(t.base(quote), "advcl" | "parataxis" | "conj")
        && t.kid(quote, "mark").is_none()
        && set_off(t, quote)
        && closes_sentence(t, quote))
    .then(|| sentence_clause(t, host))
}

/// Whether the phrase headed by `i` is set off by a comma and ends the
/// sentence (only punctuation after it).
fn closes_sentence(t: &Tree, i: usize) -> bool {
    let start = t.phrase_start(i);
    let end = (i..t.len())
        .filter(|&k| t.dominates(i, k))
        .max()
        .unwrap_or(i);
    t.after_comma(start) && (end + 1..t.len()).all(|k| t.upos(k) == newskg_nlp::Upos::Punct)
}

/// "told a meeting of the club that she is sorry": a "that" clause with its own
/// subject that the parser hung on the speech verb's object (the
/// audience) is what was said.
fn clause_on_audience(t: &Tree, verb: usize) -> Option<usize> {
    let audience = t.kids(verb).iter().copied().find(|&k| t.base(k) == "obj")?;
    t.kids(audience).iter().copied().find(|&c| {
        t.base(c) == "acl"
            && t.rel(c) != "acl:relcl"
            && t.kids(c)
                .iter()
                .any(|&m| t.base(m) == "mark" && t.lower(m) == "that")
            && t.kids(c).iter().any(|&m| t.base(m) == "nsubj")
    })
}

/// "P, local papers say": a clause before a speech verb that has no
/// content of its own, set off by a comma, is what the verb reports,
/// whatever the parser called it (often an adverbial clause). A clause
/// opened by a subordinator ("When asked, she said no") is a real
/// adverbial and is left alone.
fn fronted_content(t: &Tree, f: &Frame) -> Option<usize> {
    if f.args.iter().any(|s| s.kind != SlotKind::Oblique) {
        return None;
    }
    let pred = f.pred;
    let subject_start = f.subject.as_ref().map_or(pred, |s| {
        // The comma before a subject often hangs on it: it is not its start.
        (0..t.len())
            .filter(|&k| t.dominates(s.head, k) && t.lower(k) != ",")
            .min()
            .unwrap_or(s.head)
    });
    t.kids(pred).iter().copied().find(|&k| {
        k < subject_start
            && matches!(t.base(k), "advcl" | "parataxis" | "ccomp")
            && !t.kids(k).iter().any(|&m| t.base(m) == "mark")
            && (k..subject_start).any(|i| t.lower(i) == ",")
    })
}

fn depth(t: &Tree, i: usize) -> usize {
    let mut d = 0;
    let mut cur = t.head(i);
    while let Some(c) = cur {
        d += 1;
        if d > t.len() {
            break;
        }
        cur = t.head(c);
    }
    d
}

/// The infinitive verb `verb` says its object is to do ("expect the Fed
/// to buy", "told Vantor to stop"), if any.
fn expected_of_object(t: &Tree, verb: usize) -> Option<usize> {
    let object = t
        .kids(verb)
        .iter()
        .copied()
        .find(|&k| matches!(t.base(k), "obj" | "iobj"))?;
    t.kids(verb).iter().copied().find(|&c| {
        c > object && t.rel(c) == "xcomp" && t.upos(c) == newskg_nlp::Upos::Verb && t.has_to_mark(c)
    })
}

/// Whether speech verb `v` is a tag the parser joined to the clause before
/// it as a conjunct ("Costs rose, officials added"): a conjunct with its
/// own subject, after the clause, with no "and" or "but" joining them, is
/// no second event of the sentence but who says the first. (Not one opened
/// by a subordinator, "as investors hoped", nor one in mid-sentence.)
fn tag_read_as_conjunct(t: &Tree, v: usize) -> bool {
    t.base(v) == "conj"
        && t.head(v).is_some_and(|h| h < v)
        && t.kid(v, "cc").is_none()
        && t.kid(v, "mark").is_none()
        // (A phrasal verb says nothing: "showed up", "pointed out" takes a
        // clause of its own.)
        && t.kid(v, "compound:prt").is_none()
        && t.kids(v).iter().any(|&k| t.base(k) == "nsubj")
        // It closes the sentence ("..., officials said in a statement."),
        // not a parenthesis inside it ("too much, critics argue, into ...").
        && (v + 1..t.len()).all(|k| t.is_punct(k) || t.dominates(v, k))
        // (A participle with no auxiliary is a reduced clause: "with small
        // growth forecast".)
        && (t.sent.tokens[v].xpos != "VBN" || t.kid(v, "aux").is_some())
}

/// The clause a tag read as a conjunct of `h` reports: the whole clause
/// before it, so from a conjunct or adverbial clause up to the clause it
/// hangs on ("Taxes will rise if Labour wins, Ruiz claimed": the tag hangs
/// on "wins", but Ruiz claims that taxes will rise if Labour wins).
fn sentence_clause(t: &Tree, mut h: usize) -> usize {
    while matches!(t.base(h), "conj" | "advcl") {
        match t.head(h) {
            Some(up) => h = up,
            None => break,
        }
    }
    h
}

/// Whether the clause of `v` is set off by punctuation right before it
/// (", X said", "” X said", "- X said"), as a speech tag after its quote is.
fn set_off(t: &Tree, v: usize) -> bool {
    let first = t.phrase_start(v);
    first > 0 && t.is_punct(first - 1)
}

#[cfg(test)]
mod tests {
    use super::super::clauses::tests::{facts_of, get};
    use crate::{Argument, Modality};

    #[test]
    fn said_that_reports_inner_fact_and_keeps_speech_act() {
        let facts = facts_of("extract-attribution.conllu");
        // "The Herald reported that Brandt had signed the treaty ."
        let inner = get(&facts, "Brandt|sign|treaty");
        assert_eq!(inner.modality, Modality::Reported);
        assert!(matches!(inner.attributed_to, Some(Argument::Entity(_))));
        // The speech act links to the fact it reports, not to a string.
        let act = get(&facts, "Herald|report|<Brandt|sign|treaty>");
        assert_eq!(act.modality, Modality::Asserted);
        assert_eq!(act.attributed_to, None);
    }

    #[test]
    fn quote_then_speaker() {
        let facts = facts_of("extract-attribution.conllu");
        // "“ We will close the border , ” Lind said .": "We" resolves to no
        // entity, so the quote states no fact; the open reading keeps it flat.
        let inner = get(&facts, "Lind|say|We close border");
        assert_eq!(inner.modality, Modality::Asserted);
        let f = facts
            .iter()
            .find(|(k, _)| k.ends_with("|close|border"))
            .map(|(_, f)| f.clone());
        // "We" is an unresolved pronoun: no fact, but nothing asserted
        // either (a quote's "will" is Possible and attributed).
        assert!(f.is_none_or(|f| f.modality != Modality::Asserted));
    }

    #[test]
    fn beliefs_and_doubts_are_their_holders() {
        let facts = facts_of("extract-attribution.conllu");
        // "Brandt felt that Lind had broken the deal ."
        let felt = get(&facts, "Lind|break|deal");
        assert_eq!(felt.modality, Modality::Reported);
        assert!(!felt.negated);
        assert!(matches!(felt.attributed_to, Some(Argument::Entity(_))));
        // "Lind doubted that Brandt had signed the pact ."
        let doubted = get(&facts, "Brandt|sign|pact");
        assert_eq!(doubted.modality, Modality::Reported);
        assert!(doubted.negated);
    }

    #[test]
    fn a_clause_before_a_trailing_speech_verb_is_its_content() {
        let facts = facts_of("extract-attribution.conllu");
        // "Brandt has agreed to sell the ferry line , local papers say ."
        // (the parser hung the clause on "say" as an adverbial).
        let f = get(&facts, "Brandt|agree to sell|ferry line");
        assert_eq!(f.modality, Modality::Reported);
        assert!(f.attributed_to.is_some());
        // "When asked , Lind said nothing .": a real adverbial stays one.
        assert!(!facts.iter().any(|(k, _)| k.starts_with("Lind|say|<")));
    }

    #[test]
    fn according_to_attributes() {
        let facts = facts_of("extract-attribution.conllu");
        // "According to Nordbank , exports fell by ten percent ."
        let f = get(&facts, "exports|fall by|ten percent");
        assert_eq!(f.modality, Modality::Reported);
        assert!(matches!(f.attributed_to, Some(Argument::Entity(_))));
        // "... employs 900 people and is the largest lender in Harlow,
        // according to its report": closing the sentence, the phrase is
        // the source of both predicates, whatever the parser hung it on.
        let f = get(&facts, "Nordbank|employ|900 people");
        assert_eq!(f.modality, Modality::Reported);
    }

    #[test]
    fn the_speaker_of_a_passive_or_a_quotation() {
        let facts = facts_of("extract-attribution.conllu");
        // "Lind was told that Nordbank would sell the mill .": Lind heard
        // it; who told him is not named.
        let f = get(&facts, "Nordbank|sell|mill");
        assert_ne!(f.modality, Modality::Asserted);
        assert_eq!(f.attributed_to, None);
        // "The Courier quoted Lind as saying Nordbank would buy the dairy .":
        // Lind says it, not the paper.
        let f = get(&facts, "Nordbank|buy|dairy");
        assert_ne!(f.modality, Modality::Asserted);
        let Some(Argument::Entity(speaker)) = f.attributed_to else {
            panic!("no speaker: {:?}", f.attributed_to);
        };
        let lind = get(&facts, "Courier|quote|Lind");
        assert_eq!(lind.object, Argument::Entity(speaker));
    }
}
