//! Clause-based fact extraction over the dependency parse (issue 5).
//!
//! Takes an [`AnalyzedDoc`] (UD v2 trees) and the document's entity
//! [`Mention`]s; returns [`Fact`]s. Works in two steps, so that open IE output
//! (CaRB, [`super::carb`]) and knowledge-graph facts share one reading:
//!
//! 1. [`sentence_frames`] reads each predicate into a [`Frame`]: the verb (or
//!    the nominal of a copula), the xcomp chain above it, its subject and its
//!    argument slots, with negation, modality and attribution. Patterns:
//!    SVO, ditransitive, verb + preposition ("stem from"), copula
//!    ("X is the president of Y"), passive (turned active when the `by` agent
//!    is there), xcomp chains ("refuse to confirm"), relative clauses (the
//!    antecedent fills the gap), participial modifiers ("an order designating
//!    cartels"), appositions, shared subjects and objects of conjoined verbs.
//! 2. [`extract_facts`] turns frames into binary facts: one per subject and
//!    object, conjuncts split ("credited A and B" → two facts), arguments
//!    mapped to entities through the mentions, else to compact concepts.
//!
//! Rules are general English over UD relations; nothing is tuned to a text.

use std::collections::HashMap;

use super::{attribution, concepts, negation, nominal, quotes};
use crate::lexicon::Lexicon;
use crate::{Argument, Fact, Mention, Modality};
use newskg_nlp::{AnalyzedDoc, Sentence, Upos};

/// A sentence with child lists, for walking its dependency tree.
pub(crate) struct Tree<'a> {
    /// The analysed sentence.
    pub(crate) sent: &'a Sentence,
    kids: Vec<Vec<usize>>,
}

impl<'a> Tree<'a> {
    /// Indexes the children of every token.
    pub(crate) fn new(sent: &'a Sentence) -> Tree<'a> {
        let n = sent.tokens.len();
        let mut kids = vec![Vec::new(); n];
        for (i, tok) in sent.tokens.iter().enumerate() {
            if let Some(h) = tok.head.filter(|&h| h < n && h != i) {
                kids[h].push(i);
            }
        }
        Tree { sent, kids }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.sent.tokens.len()
    }

    /// Children of `i`, in text order.
    pub(crate) fn kids(&self, i: usize) -> &[usize] {
        &self.kids[i]
    }

    /// Head of `i` (None for the root).
    pub(crate) fn head(&self, i: usize) -> Option<usize> {
        self.sent.tokens[i].head.filter(|&h| h < self.len())
    }

    /// The full dependency relation ("nsubj:pass").
    pub(crate) fn rel(&self, i: usize) -> &str {
        &self.sent.tokens[i].deprel
    }

    /// The relation without its subtype ("nsubj").
    pub(crate) fn base(&self, i: usize) -> &str {
        let r = self.rel(i);
        r.split(':').next().unwrap_or(r)
    }

    /// Lower-cased lemma (the form when no lemma is known).
    pub(crate) fn lemma(&self, i: usize) -> String {
        let t = &self.sent.tokens[i];
        if t.lemma.is_empty() || t.lemma == "_" {
            t.form.to_lowercase()
        } else {
            t.lemma.to_lowercase()
        }
    }

    /// Lower-cased form.
    pub(crate) fn lower(&self, i: usize) -> String {
        self.sent.tokens[i].form.to_lowercase()
    }

    /// Universal POS tag.
    pub(crate) fn upos(&self, i: usize) -> Upos {
        self.sent.tokens[i].upos
    }

    /// Whether `i` is a pronoun.
    pub(crate) fn is_pron(&self, i: usize) -> bool {
        self.upos(i) == Upos::Pron
    }

    /// Whether `i` is punctuation.
    pub(crate) fn is_punct(&self, i: usize) -> bool {
        self.upos(i) == Upos::Punct || self.base(i) == "punct"
    }

    /// First child of `i` whose relation (full or base) is `rel`.
    pub(crate) fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&k| self.rel(k) == rel || self.base(k) == rel)
    }

    /// The case marker (preposition) of a nominal.
    pub(crate) fn case_kid(&self, i: usize) -> Option<usize> {
        self.kids(i)
            .iter()
            .copied()
            .find(|&k| self.base(k) == "case" && self.upos(k) != Upos::Part)
    }

    /// The preposition of a nominal, lower-cased, with its fixed parts
    /// ("according to", "because of").
    pub(crate) fn prep(&self, i: usize) -> Option<String> {
        let c = self.case_kid(i)?;
        let mut words = vec![self.lower(c)];
        words.extend(
            self.kids(c)
                .iter()
                .filter(|&&f| self.rel(f) == "fixed")
                .map(|&f| self.lower(f)),
        );
        Some(words.join(" "))
    }

    /// The tokens' forms, spaced as in the text.
    pub(crate) fn join(&self, tokens: &[usize]) -> String {
        let mut out = String::new();
        let mut prev_end = None;
        for &i in tokens {
            let tok = &self.sent.tokens[i];
            if prev_end.is_some_and(|e| e != tok.span.start) {
                out.push(' ');
            }
            out.push_str(&tok.form);
            prev_end = Some(tok.span.end);
        }
        out
    }

    /// Whether `a` lies in the subtree of `root` (or is it).
    pub(crate) fn dominates(&self, root: usize, a: usize) -> bool {
        let mut cur = Some(a);
        for _ in 0..=self.len() {
            match cur {
                Some(c) if c == root => return true,
                Some(c) => cur = self.head(c),
                None => return false,
            }
        }
        false
    }

    /// First token whose form is `form` (tests).
    #[cfg(test)]
    pub(crate) fn find(&self, form: &str) -> Option<usize> {
        self.sent.tokens.iter().position(|t| t.form == form)
    }
}

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

    fn new(head: usize, kind: SlotKind) -> Slot {
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
    /// Pattern name.
    pub(crate) pattern: &'static str,
    /// Confidence from the pattern and the parse.
    pub(crate) confidence: f32,
}

/// Verbs that only carry tense or aspect for the xcomp below them
/// ("is going to come", "have to start treating").
const TRANSPARENT_VERBS: &[&str] = &[
    "go", "start", "begin", "continue", "have", "keep", "need", "seem", "appear", "use", "get",
];

/// Nouns of time: an oblique headed by one is a time expression.
pub(crate) const TIME_WORDS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "today",
    "yesterday",
    "tomorrow",
    "time",
    "decade",
    "century",
    "hour",
    "minute",
    "weekend",
    "morning",
    "evening",
    "night",
    "afternoon",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "season",
    "period",
    "ago",
    "earlier",
    "later",
    "now",
];

/// Relative pronouns.
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];

/// Whether `i` heads a clause the extractor reads as a verbal predicate.
fn is_verbal(t: &Tree, i: usize) -> bool {
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
        || t.base(i) == "acl" && t.sent.tokens[i].xpos == "VBN"
}

/// The antecedent of a relative clause and what the gap is, for `v` (an
/// acl:relcl or participial acl head).
fn gap_filler(t: &Tree, v: usize) -> Option<(usize, &'static str)> {
    let a = t.head(v)?;
    match t.rel(v) {
        "acl:relcl" => {
            let pron = t
                .kids(v)
                .iter()
                .copied()
                .find(|&k| RELATIVE.contains(&t.lower(k).as_str()) && t.upos(k) != Upos::Sconj);
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
        "acl" if t.upos(a) != Upos::Verb && !has_to_mark(t, v) => Some((a, "subj")),
        _ => None,
    }
}

/// Whether `v` is a "to" infinitive.
fn has_to_mark(t: &Tree, v: usize) -> bool {
    t.kids(v)
        .iter()
        .any(|&k| t.base(k) == "mark" && t.lower(k) == "to")
}

/// The subject of predicate `p`: its own, or one it inherits from the
/// clause it depends on (relative clauses, shared subjects of conjoined
/// verbs, participial adjuncts, control). Depth-limited.
fn subject_of(t: &Tree, p: usize, depth: usize) -> Option<Slot> {
    if depth > 6 {
        return None;
    }
    if let Some(k) = t
        .kids(p)
        .iter()
        .copied()
        .find(|&k| matches!(t.base(k), "nsubj" | "csubj"))
    {
        if !RELATIVE.contains(&t.lower(k).as_str()) || t.rel(p) != "acl:relcl" {
            return Some(Slot::new(k, SlotKind::Object));
        }
    }
    if let Some((a, "subj")) = gap_filler(t, p) {
        let mut s = Slot::new(a, SlotKind::Object);
        s.exclude.push(p);
        return Some(s);
    }
    let h = t.head(p)?;
    match t.base(p) {
        "conj" if t.upos(h) == Upos::Verb || t.kid(h, "cop").is_some() => {
            subject_of(t, h, depth + 1)
        }
        "xcomp" => match t.kid(h, "obj") {
            Some(o) => Some(Slot::new(o, SlotKind::Object)),
            None => subject_of(t, h, depth + 1),
        },
        "advcl" if t.sent.tokens[p].xpos == "VBG" && t.kid(p, "mark").is_none() => {
            match reduced_relative_antecedent(t, h, p) {
                Some(o) => Some(Slot::new(o, SlotKind::Object)),
                None => subject_of(t, h, depth + 1),
            }
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
}

/// The relation and surface tokens of an xcomp chain ending at `v`, plus
/// the top of the chain (whose subject, negation and modality apply).
fn chain(t: &Tree, v: usize) -> (Vec<usize>, usize) {
    let mut verbs = vec![v];
    let mut cur = v;
    while t.rel(cur) == "xcomp" {
        match t.head(cur) {
            Some(h) if t.upos(h) == Upos::Verb && t.kid(h, "obj").is_none() => {
                verbs.push(h);
                cur = h;
            }
            _ => break,
        }
    }
    verbs.reverse();
    (verbs, cur)
}

fn verb_relation(t: &Tree, verbs: &[usize], passive_no_agent: bool) -> String {
    let mut words: Vec<String> = Vec::new();
    let last = verbs.len() - 1;
    for (n, &v) in verbs.iter().enumerate() {
        if n < last && TRANSPARENT_VERBS.contains(&t.lemma(v).as_str()) {
            continue;
        }
        if n > 0
            && !words.is_empty()
            && t.kids(v)
                .iter()
                .any(|&k| t.base(k) == "mark" && t.lower(k) == "to")
        {
            words.push("to".into());
        }
        if n == last && passive_no_agent {
            words.push("be".into());
            words.push(t.lower(v));
        } else {
            words.push(t.lemma(v));
        }
        if let Some(p) = t.kid(v, "compound:prt") {
            words.push(t.lower(p));
        }
    }
    words.join(" ")
}

/// Tokens of the surface relation around predicate `p` (auxiliaries,
/// negation, copula, particle), sorted.
fn surface_tokens(t: &Tree, p: usize) -> Vec<usize> {
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

fn slot_for(t: &Tree, k: usize) -> Option<Slot> {
    let rel = t.rel(k);
    let kind = match t.base(k) {
        "obj" | "iobj" => SlotKind::Object,
        "ccomp" => SlotKind::Clause,
        "obl" if matches!(rel, "obl:tmod" | "obl:npmod") => SlotKind::Temporal,
        "obl" if TIME_WORDS.contains(&t.lemma(k).as_str()) => SlotKind::Temporal,
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
    }
    Some(slot)
}

/// A frame for verbal predicate `v`, if it states anything.
fn verb_frame(t: &Tree, v: usize) -> Option<Frame> {
    if is_bare_matrix(t, v) {
        return None;
    }
    let (verbs, top) = chain(t, v);
    let passive = is_passive(t, v);
    let mut subject = subject_of(t, top, 0);
    let mut args: Vec<Slot> = t.kids(v).iter().filter_map(|&k| slot_for(t, k)).collect();
    let mut pattern = if t.kids(v).iter().any(|&k| t.base(k) == "iobj") {
        "ditransitive"
    } else {
        "svo"
    };
    if verbs.len() > 1 {
        pattern = "xcomp";
    }
    // A relative or participial clause: the antecedent fills the object gap.
    if let Some((a, "obj")) = gap_filler(t, v) {
        let mut s = Slot::new(a, SlotKind::Object);
        s.exclude.push(v);
        args.insert(0, s);
        pattern = "relcl";
    } else if matches!(t.rel(v), "acl:relcl" | "acl")
        && subject.as_ref().is_some_and(|s| s.exclude.contains(&v))
    {
        pattern = if t.rel(v) == "acl" {
            "participle"
        } else {
            "relcl"
        };
    }
    // Conjoined verbs share a later object ("rejected and condemned X").
    if t.base(v) == "conj" && !args.iter().any(|s| s.kind == SlotKind::Object) {
        if let Some(h) = t.head(v) {
            if let Some(o) = t
                .kids(h)
                .iter()
                .copied()
                .find(|&o| t.base(o) == "obj" && o > v)
            {
                args.insert(0, Slot::new(o, SlotKind::Object));
            }
        }
    }
    // Passive: the `by` agent becomes the subject, the patient the object.
    let mut passive_no_agent = false;
    if passive {
        let agent = args.iter().position(|s| {
            s.kind == SlotKind::Oblique
                && (t.rel(s.head) == "obl:agent" || s.prep.as_deref() == Some("by"))
        });
        match agent {
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
                pattern = "passive_agent";
            }
            None => {
                passive_no_agent = true;
                pattern = "passive";
            }
        }
    }
    let mut relation = verb_relation(t, &verbs, passive_no_agent);
    // "allowed the visitors to hold on", "urged them to leave": without its
    // complement the matrix verb misstates what happened to its object.
    if args.iter().any(|s| s.kind == SlotKind::Object) {
        if let Some(c) = t
            .kids(v)
            .iter()
            .copied()
            .find(|&c| t.rel(c) == "xcomp" && t.upos(c) == Upos::Verb && has_to_mark(t, c))
        {
            relation = format!("{relation} to {}", verb_relation(t, &[c], false));
        }
    }
    let mut rel_tokens: Vec<usize> = verbs.iter().flat_map(|&c| surface_tokens(t, c)).collect();
    if let Some(p) = t.kid(v, "compound:prt") {
        rel_tokens.push(p);
    }
    rel_tokens.sort_unstable();
    rel_tokens.dedup();
    let negated = verbs.iter().any(|&c| negation::is_negated(t, c));
    let modality = if verbs
        .iter()
        .any(|&c| negation::modality(t, c) == Some(Modality::Possible))
    {
        Modality::Possible
    } else {
        negation::clause_modality(t, top)
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
        confidence: base_confidence(pattern),
    })
}

/// A frame for nominal or adjectival predicate `p` with a copula.
fn copula_frame(t: &Tree, p: usize) -> Option<Frame> {
    let cop = t.kid(p, "cop")?;
    let subject = subject_of(t, p, 0);
    let mut rel_tokens = surface_tokens(t, p);
    rel_tokens.retain(|&k| k != p);
    rel_tokens.sort_unstable();
    let nominal = matches!(t.upos(p), Upos::Noun | Upos::Propn | Upos::Pron);
    let mut args = Vec::new();
    let relation;
    let pattern;
    let of_like = t.kids(p).iter().copied().find(|&k| {
        let b = t.base(k);
        (nominal && b == "nmod" || !nominal && b == "obl") && t.prep(k).is_some()
    });
    match of_like {
        Some(k)
            if nominal
                && !matches!(
                    t.prep(k).as_deref(),
                    Some("of" | "to" | "for" | "at" | "in")
                ) =>
        {
            relation = "be".to_string();
            args.push(Slot::new(p, SlotKind::Object));
            pattern = "copula";
        }
        Some(k) => {
            let prep = t.prep(k).unwrap_or_default();
            relation = if nominal {
                format!("{} {prep}", t.lemma(p))
            } else {
                format!("be {} {prep}", t.lemma(p))
            };
            args.push(Slot::new(k, SlotKind::Object));
            pattern = "copula_rel";
        }
        None => {
            relation = "be".to_string();
            args.push(Slot::new(p, SlotKind::Object));
            // "The firm is keen", "MPs were angry": an adjective alone says
            // little in a graph; its reason or complement is elsewhere.
            pattern = if nominal { "copula" } else { "copula_adj" };
        }
    }
    let _ = cop;
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
        confidence: base_confidence(pattern),
    })
}

/// "Rubio, the secretary of state" → Rubio secretary of state; "the
/// company, a maker of chips" → company be maker.
fn appos_frame(t: &Tree, b: usize) -> Option<Frame> {
    let a = t.head(b)?;
    if t.upos(b) == Upos::Propn || t.is_pron(a) {
        return None;
    }
    let of = t.kids(b).iter().copied().find(|&k| {
        t.base(k) == "nmod" && matches!(t.prep(k).as_deref(), Some("of" | "to" | "for"))
    });
    let (relation, object) = match of {
        Some(k) => (
            format!("{} {}", t.lemma(b), t.prep(k).unwrap_or_default()),
            k,
        ),
        None => ("be".to_string(), b),
    };
    let mut subject = Slot::new(a, SlotKind::Object);
    subject.exclude.push(b);
    Some(Frame {
        pred: b,
        rel_tokens: Vec::new(),
        relation,
        subject: Some(subject),
        args: vec![Slot::new(object, SlotKind::Object)],
        negated: false,
        modality: Modality::Asserted,
        speaker: None,
        pattern: "appos",
        confidence: base_confidence("appos"),
    })
}

/// How reliable each pattern is, before the parse penalty.
pub(crate) fn base_confidence(pattern: &str) -> f32 {
    match pattern {
        "svo" => 0.9,
        "ditransitive" => 0.85,
        "passive_agent" => 0.85,
        "copula_rel" => 0.8,
        "relcl" | "participle" => 0.75,
        "xcomp" => 0.8,
        "copula" => 0.7,
        "copula_adj" => 0.4,
        "passive" => 0.65,
        "appos" => 0.6,
        "nominal" => 0.55,
        _ => 0.5,
    }
}

/// Every frame of one sentence: verbal, copular, appositive and nominal,
/// with attribution applied. Confidence is lowered for long sentences,
/// where parses are less reliable.
pub(crate) fn sentence_frames(t: &Tree) -> Vec<Frame> {
    let mut frames = Vec::new();
    for i in 0..t.len() {
        let frame = if is_verbal(t, i) {
            verb_frame(t, i)
        } else if t.kid(i, "cop").is_some() && !matches!(t.base(i), "amod" | "compound") {
            copula_frame(t, i)
        } else if t.rel(i) == "appos" {
            appos_frame(t, i)
        } else {
            None
        };
        frames.extend(frame);
    }
    frames.extend(nominal::frames(t));
    attribution::apply(t, &mut frames);
    if negation::is_question(t) {
        for f in &mut frames {
            f.modality = Modality::Possible;
        }
    }
    let penalty = 1.0 - 0.006 * (t.len().saturating_sub(20) as f32);
    for f in &mut frames {
        f.confidence *= penalty.clamp(0.6, 1.0);
    }
    frames
}

/// Facts of a document: each sentence's frames as binary facts, arguments
/// resolved through `mentions` (an argument whose head token lies in a
/// mention is that mention's entity), stances from `lexicon`. A frame inside
/// quotation marks is Reported and, when its own sentence names no speaker,
/// attributed to whoever the quote's sentences say is speaking.
pub(crate) fn extract_facts(
    doc: &AnalyzedDoc,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<Fact> {
    let mut by_sentence: HashMap<usize, Vec<&Mention>> = HashMap::new();
    for m in mentions {
        by_sentence.entry(m.sentence).or_default().push(m);
    }
    let quote_spans = quotes::spans(&doc.doc.text);
    let trees: Vec<Tree> = doc.sentences.iter().map(Tree::new).collect();
    let frames: Vec<Vec<Frame>> = trees.iter().map(sentence_frames).collect();
    let resolver = |si: usize| Resolver {
        t: &trees[si],
        mentions: by_sentence.get(&si).map(Vec::as_slice).unwrap_or(&[]),
    };
    let speakers = quote_speakers(doc, &trees, &frames, &quote_spans, &resolver);
    let mut facts = Vec::new();
    for (si, sentence_frames) in frames.iter().enumerate() {
        let t = &trees[si];
        let args = resolver(si);
        let start = facts.len();
        for f in sentence_frames {
            let quote = quotes::holding(&quote_spans, t.sent.tokens[f.pred].span.start);
            let mut f = f.clone();
            let mut speaker = None;
            if let Some(q) = quote {
                if f.modality == Modality::Asserted {
                    f.modality = Modality::Reported;
                }
                if f.speaker.is_none() {
                    speaker = speakers[q].clone();
                }
            }
            facts_of_frame(&args, lexicon, &f, si, speaker, &mut facts);
        }
        dedup_sentence_facts(&mut facts, start);
    }
    facts
}

/// The speaker of each quote span: the subject of a speech verb outside the
/// quote in a sentence the quote overlaps ("“...,” Lind said"; "Lind said:
/// “... . ...”"), else in the sentence just before it ("Lind said:" closing a
/// paragraph). `None` where no speaker is named: the quote is still Reported.
fn quote_speakers<'a>(
    doc: &AnalyzedDoc,
    trees: &[Tree],
    frames: &[Vec<Frame>],
    spans: &[std::ops::Range<usize>],
    resolver: &impl Fn(usize) -> Resolver<'a>,
) -> Vec<Option<Argument>> {
    let speech_subject = |si: usize| -> Option<Argument> {
        let t = &trees[si];
        frames[si].iter().find_map(|f| {
            let at = t.sent.tokens[f.pred].span.start;
            if !attribution::SPEECH.contains(&t.lemma(f.pred).as_str())
                || quotes::holding(spans, at).is_some()
            {
                return None;
            }
            resolver(si)
                .arguments(f.subject.as_ref()?)
                .into_iter()
                .next()
        })
    };
    spans
        .iter()
        .map(|q| {
            let overlapping = doc
                .sentences
                .iter()
                .enumerate()
                .filter(|(_, s)| s.span.start < q.end && q.start < s.span.end)
                .map(|(si, _)| si);
            let mut found = None;
            let mut first = None;
            for si in overlapping {
                first.get_or_insert(si);
                if let Some(a) = speech_subject(si) {
                    found = Some(a);
                    break;
                }
            }
            found.or_else(|| {
                let before = first?.checked_sub(1)?;
                (doc.sentences[before].span.end <= q.start)
                    .then(|| speech_subject(before))
                    .flatten()
            })
        })
        .collect()
}

/// Drops a sentence's repeated facts (from `start` on), comparing concept
/// labels without case: two frames may reach the same argument with
/// differently cased labels, and one statement is one fact. The first
/// (most direct) reading is kept.
fn dedup_sentence_facts(facts: &mut Vec<Fact>, start: usize) {
    let mut seen = std::collections::HashSet::new();
    let mut i = start;
    while i < facts.len() {
        let f = &facts[i];
        let key = format!(
            "{:?}|{}|{:?}|{}|{:?}",
            f.subject, f.relation, f.object, f.negated, f.modality
        )
        .to_lowercase();
        if seen.insert(key) {
            i += 1;
        } else {
            facts.remove(i);
        }
    }
}

/// Maps argument heads to entities or concepts.
struct Resolver<'a> {
    t: &'a Tree<'a>,
    mentions: &'a [&'a Mention],
}

impl Resolver<'_> {
    fn entity_at(&self, i: usize) -> Option<usize> {
        self.mentions
            .iter()
            .find(|m| m.tokens.contains(&i))
            .map(|m| m.entity)
    }

    /// The arguments a slot stands for, conjuncts split.
    fn arguments(&self, slot: &Slot) -> Vec<Argument> {
        let t = self.t;
        if slot.kind == SlotKind::Clause {
            let toks = concepts::clause_tokens(t, slot.head);
            return vec![Argument::Concept {
                label: concepts::label(t, &toks),
                head: t.lemma(slot.head),
            }];
        }
        let mut heads = vec![slot.head];
        heads.extend(
            t.kids(slot.head)
                .iter()
                .copied()
                .filter(|&k| t.rel(k) == "conj" && !slot.exclude.contains(&k)),
        );
        let mut out = Vec::new();
        for h in heads {
            if let Some(e) = self.entity_at(h) {
                out.push(Argument::Entity(e));
                continue;
            }
            let h = concepts::effective_head(t, h);
            if let Some(e) = self.entity_at(h) {
                out.push(Argument::Entity(e));
                continue;
            }
            if t.is_pron(h) || t.is_punct(h) || t.upos(h) == Upos::Num && t.kids(h).is_empty() {
                continue; // an unresolved pronoun names nothing
            }
            for toks in concepts::label_variants(t, h) {
                if toks.iter().all(|&k| concepts::is_function_word(t, k)) {
                    continue; // a stranded preposition or a lone determiner names nothing
                }
                out.push(Argument::Concept {
                    label: concepts::label(t, &toks),
                    head: t.lemma(h),
                });
            }
        }
        out
    }
}

fn facts_of_frame(
    r: &Resolver,
    lexicon: &Lexicon,
    f: &Frame,
    si: usize,
    quote_speaker: Option<Argument>,
    out: &mut Vec<Fact>,
) {
    let Some(subject) = &f.subject else { return };
    let subjects = r.arguments(subject);
    if subjects.is_empty() {
        return;
    }
    let has_object = f
        .args
        .iter()
        .any(|s| matches!(s.kind, SlotKind::Object | SlotKind::Clause));
    let speaker = f
        .speaker
        .and_then(|sp| {
            r.arguments(&Slot::new(sp, SlotKind::Object))
                .into_iter()
                .next()
        })
        .or(quote_speaker);
    for slot in &f.args {
        let (relation, factor) = match slot.kind {
            SlotKind::Temporal => continue,
            SlotKind::Object | SlotKind::Clause => (f.relation.clone(), 1.0),
            // A fronted adjunct ("In a post on X, Lind said ...") is circumstance, not a relation.
            SlotKind::Oblique if slot.head < f.pred => continue,
            // "in an effort to win", "in a bid to block": a purpose, not an argument.
            SlotKind::Oblique
                if r.t.kids(slot.head).iter().any(|&k| {
                    r.t.base(k) == "acl" && r.t.kids(k).iter().any(|&m| r.t.lower(m) == "to")
                }) =>
            {
                continue
            }
            SlotKind::Oblique => {
                let rel = match &slot.prep {
                    Some(p) if f.pattern != "copula_rel" => format!("{} {p}", f.relation),
                    _ => f.relation.clone(),
                };
                (rel, if has_object { 0.7 } else { 0.9 })
            }
        };
        let objects = r.arguments(slot);
        for s in &subjects {
            for o in &objects {
                if s == o {
                    continue;
                }
                let entity_bonus = if matches!(s, Argument::Entity(_)) {
                    1.0
                } else {
                    0.95
                };
                out.push(Fact {
                    subject: s.clone(),
                    relation: relation.clone(),
                    stance: lexicon.stance_towards(&relation, o),
                    object: o.clone(),
                    negated: f.negated,
                    modality: f.modality,
                    attributed_to: speaker.clone(),
                    confidence: (f.confidence * factor * entity_bonus).clamp(0.0, 1.0),
                    sentence: si,
                    pattern: f.pattern.to_string(),
                });
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{MentionKind, Stance};
    use newskg_input::Document;
    use newskg_nlp::corpus::conllu;
    use newskg_nlp::Span;

    /// A document made of the sentences of a fixture file (joined by spaces,
    /// spans shifted into the joined text).
    pub(crate) fn fixture_doc(name: &str) -> AnalyzedDoc {
        let path =
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures"))
                .join(name);
        let read = conllu::read_file(&path).unwrap();
        let mut text = String::new();
        let mut sentences = Vec::new();
        for cs in read {
            if !text.is_empty() {
                text.push(' ');
            }
            let off = text.len();
            text.push_str(&cs.text);
            let mut s = cs.sentence;
            for tok in &mut s.tokens {
                tok.span = Span::new(tok.span.start + off, tok.span.end + off);
            }
            s.span = Span::new(s.span.start + off, s.span.end + off);
            sentences.push(s);
        }
        AnalyzedDoc {
            doc: Document::from_text(name, text),
            sentences,
            entities: Vec::new(),
        }
    }

    /// Sentence `i` of a document as a tree.
    pub(crate) fn tree_of(doc: &AnalyzedDoc, i: usize) -> Tree<'_> {
        Tree::new(&doc.sentences[i])
    }

    /// Naive mentions: every maximal run of PROPN tokens is an entity,
    /// named by its last word (so "Maria Alvarez" and "Alvarez" corefer).
    pub(crate) fn naive_mentions(doc: &AnalyzedDoc) -> (Vec<Mention>, Vec<String>) {
        let mut names: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (si, s) in doc.sentences.iter().enumerate() {
            let mut i = 0;
            while i < s.tokens.len() {
                if s.tokens[i].upos != Upos::Propn {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < s.tokens.len() && s.tokens[i].upos == Upos::Propn {
                    i += 1;
                }
                let key = s.tokens[i - 1].form.clone();
                let entity = names.iter().position(|n| *n == key).unwrap_or_else(|| {
                    names.push(key.clone());
                    names.len() - 1
                });
                let span = Span::new(s.tokens[start].span.start, s.tokens[i - 1].span.end);
                out.push(Mention {
                    sentence: si,
                    tokens: start..i,
                    span,
                    text: span.of(&doc.doc.text).to_string(),
                    kind: MentionKind::Name,
                    entity,
                });
            }
        }
        (out, names)
    }

    /// Facts of a fixture as readable strings plus the facts themselves.
    pub(crate) fn facts_of(name: &str) -> Vec<(String, Fact)> {
        let doc = fixture_doc(name);
        let (mentions, names) = naive_mentions(&doc);
        let show = |a: &Argument| match a {
            Argument::Entity(e) => names[*e].clone(),
            Argument::Concept { label, .. } => label.clone(),
        };
        extract_facts(&doc, &mentions, &Lexicon::builtin())
            .into_iter()
            .map(|f| {
                (
                    format!("{}|{}|{}", show(&f.subject), f.relation, show(&f.object)),
                    f,
                )
            })
            .collect()
    }

    /// The fact shown as `key`, or a panic listing what was found.
    pub(crate) fn get(facts: &[(String, Fact)], key: &str) -> Fact {
        match facts.iter().find(|(k, _)| k == key) {
            Some((_, f)) => f.clone(),
            None => panic!(
                "no fact {key:?}; got {:?}",
                facts.iter().map(|(k, _)| k).collect::<Vec<_>>()
            ),
        }
    }

    #[test]
    fn headline_labels_lowercased_and_stranded_preposition_dropped() {
        let facts = facts_of("extract-labels.conllu");
        get(&facts, "Mexico|close|door");
        get(&facts, "Mexico|close on|US military intervention");
        get(&facts, "Brandt|refer as|terrorist groups");
        assert!(
            !facts.iter().any(|(k, _)| k.ends_with("|to")),
            "{:?}",
            facts.iter().map(|(k, _)| k).collect::<Vec<_>>()
        );
    }

    #[test]
    fn same_fact_with_differently_cased_label_kept_once() {
        let fact = |label: &str| Fact {
            subject: Argument::Entity(0),
            relation: "oppose".to_string(),
            stance: None,
            object: Argument::Concept {
                label: label.to_string(),
                head: "intervention".to_string(),
            },
            negated: false,
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: 0.9,
            sentence: 0,
            pattern: "svo".to_string(),
        };
        let mut facts = vec![
            fact("US Military Intervention"),
            fact("US military intervention"),
            fact("military intervention"),
        ];
        dedup_sentence_facts(&mut facts, 0);
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0], fact("US Military Intervention"));
    }

    #[test]
    fn participle_after_object_is_reduced_relative() {
        let facts = facts_of("extract-reduced.conllu");
        get(&facts, "directive|authorize|use of force");
        // After a comma the participle stays adverbial: Lind is the one saying.
        let keys: Vec<&String> = facts.iter().map(|(k, _)| k).collect();
        assert!(keys.iter().any(|k| k.starts_with("Lind|say")), "{keys:?}");
        assert!(
            !keys.iter().any(|k| k.starts_with("directive|say")),
            "{keys:?}"
        );
    }

    #[test]
    fn svo_with_entities_and_stance() {
        let facts = facts_of("extract-svo.conllu");
        let f = get(&facts, "Alvarez|criticize|budget");
        assert!(!f.negated);
        assert_eq!(f.modality, Modality::Asserted);
        assert_eq!(f.stance, Some(Stance::Criticize));
        assert!(matches!(f.subject, Argument::Entity(_)));
        assert_eq!(f.pattern, "svo");
        // Transparent noun skipped, compact label, lexical negation not negated.
        let f = get(&facts, "mayor|reject|new city tax");
        assert!(!f.negated);
        assert_eq!(f.stance, Some(Stance::Oppose));
    }

    #[test]
    fn ditransitive_gives_both_objects() {
        let facts = facts_of("extract-svo.conllu");
        // "The agency sent the farmers new guidelines ."
        get(&facts, "agency|send|farmers");
        get(&facts, "agency|send|new guidelines");
    }

    #[test]
    fn verb_with_preposition_joins_relation() {
        let facts = facts_of("extract-svo.conllu");
        // "The delay stems from a software error ."
        let f = get(&facts, "delay|stem from|software error");
        assert_eq!(f.stance, None);
    }

    #[test]
    fn copula_with_relational_noun() {
        let facts = facts_of("extract-copula.conllu");
        // "Ingrid Brandt is the mayor of Tollund ."
        let f = get(&facts, "Brandt|mayor of|Tollund");
        assert_eq!(f.stance, Some(Stance::Role));
        assert_eq!(f.pattern, "copula_rel");
        // "The river is dangerous ."
        get(&facts, "river|be|dangerous");
    }

    #[test]
    fn apposition_is_a_fact() {
        let facts = facts_of("extract-copula.conllu");
        // "Oskar Lind , the director of Nordbank , resigned ."
        let f = get(&facts, "Lind|director of|Nordbank");
        assert_eq!(f.pattern, "appos");
    }

    #[test]
    fn passive_with_agent_turns_active() {
        let facts = facts_of("extract-passive.conllu");
        // "The bridge was designed by Alvarez ."
        let f = get(&facts, "Alvarez|design|bridge");
        assert_eq!(f.pattern, "passive_agent");
    }

    #[test]
    fn passive_without_agent_keeps_be() {
        let facts = facts_of("extract-passive.conllu");
        // "The village was warned about the storm ."
        let f = get(&facts, "village|be warned about|storm");
        assert_eq!(f.pattern, "passive");
        // "That option is ruled out ." states no two-place fact.
        assert!(!facts.iter().any(|(k, _)| k.contains("ruled")), "{facts:?}");
    }

    #[test]
    fn xcomp_chain_composes_relation() {
        let facts = facts_of("extract-xcomp.conllu");
        // "The minister refused to confirm the figures ."
        let f = get(&facts, "minister|refuse to confirm|figures");
        assert!(!f.negated);
        assert_eq!(f.stance, Some(Stance::Oppose));
        // "Brandt plans to sign the treaty ."
        get(&facts, "Brandt|plan to sign|treaty");
        // "The army is not going to enter the capital ." : going is transparent.
        let f = get(&facts, "army|enter|capital");
        assert!(f.negated);
    }

    #[test]
    fn relative_clause_fills_gap() {
        let facts = facts_of("extract-relcl.conllu");
        // "Lind , who praised the plan , left early ."
        let f = get(&facts, "Lind|praise|plan");
        assert_eq!(f.pattern, "relcl");
        // "The law that the council passed bans smoking ."
        get(&facts, "council|pass|law");
        get(&facts, "law|ban|smoking");
        // "an order designating three groups as criminal networks"
        get(&facts, "order|designate|three groups");
        get(&facts, "order|designate as|criminal networks");
    }

    #[test]
    fn coordination_splits_facts() {
        let facts = facts_of("extract-coord.conllu");
        // "Lind credited the courage of both Alvarez and Brandt ."
        get(&facts, "Lind|credit|courage of Alvarez");
        get(&facts, "Lind|credit|courage of Brandt");
        // "The union rejected and condemned the proposal ."
        get(&facts, "union|reject|proposal");
        get(&facts, "union|condemn|proposal");
        // "Farmers and fishermen welcomed the deal ."
        get(&facts, "Farmers|welcome|deal");
        get(&facts, "fishermen|welcome|deal");
    }

    #[test]
    fn negation_and_modality_on_facts() {
        let facts = facts_of("extract-negation.conllu");
        let f = get(&facts, "ministry|confirm|report");
        assert!(f.negated);
        let f = get(&facts, "council|rule out|new tax");
        assert!(!f.negated);
        assert_eq!(f.stance, Some(Stance::Oppose));
        let f = get(&facts, "soldiers|enter|city");
        assert!(f.negated);
        let f = get(&facts, "plan|harm|local farmers");
        assert_eq!(f.modality, Modality::Possible);
    }

    #[test]
    fn conditions_questions_and_aims_are_not_asserted() {
        let facts = facts_of("extract-modality.conllu");
        // "If the union strikes, the city will close the port ."
        assert_eq!(get(&facts, "city|close|port").modality, Modality::Possible);
        // "The court urged the firm to pay the workers .": the urging happened,
        // the paying did not; the matrix fact keeps its complement.
        let urged = get(&facts, "court|urge to pay|firm");
        assert_eq!(urged.modality, Modality::Asserted);
        assert_eq!(get(&facts, "firm|pay|workers").modality, Modality::Possible);
        assert!(!facts.iter().any(|(k, _)| k == "court|urge|firm"));
        // "Did the army attack the village ?"
        assert_eq!(
            get(&facts, "army|attack|village").modality,
            Modality::Possible
        );
    }

    #[test]
    fn an_infinitive_does_not_make_its_noun_the_agent() {
        let facts = facts_of("extract-modality.conllu");
        // "The government announced a move to designate the cartels ."
        assert!(
            !facts.iter().any(|(k, _)| k.starts_with("move|")),
            "{:?}",
            facts.iter().map(|(k, _)| k).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_quote_over_sentences_is_the_speakers() {
        let facts = facts_of("extract-modality.conllu");
        // "Lind said : “ The plan is sound ." then "The city will sell the port . ”"
        let sold = get(&facts, "city|sell|port");
        assert_eq!(sold.modality, Modality::Reported);
        assert!(
            matches!(sold.attributed_to, Some(Argument::Entity(_))),
            "{sold:?}"
        );
    }

    #[test]
    fn every_fact_is_grounded_in_its_sentence() {
        for name in [
            "extract-svo.conllu",
            "extract-attribution.conllu",
            "extract-coord.conllu",
            "extract-relcl.conllu",
        ] {
            let doc = fixture_doc(name);
            let (mentions, _) = naive_mentions(&doc);
            for f in extract_facts(&doc, &mentions, &Lexicon::builtin()) {
                let s = doc.sentences[f.sentence].span.of(&doc.doc.text);
                for a in [&f.subject, &f.object] {
                    if let Argument::Concept { label, .. } = a {
                        for w in label.split(' ') {
                            assert!(s.contains(w), "{w:?} of {label:?} not in {s:?}");
                        }
                    }
                }
                assert!((0.0..=1.0).contains(&f.confidence));
            }
        }
    }
}
