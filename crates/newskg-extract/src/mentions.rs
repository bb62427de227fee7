//! Mention detection: the named-entity spans of an [`AnalyzedDoc`] become name
//! mentions (titles stripped and read as roles), and pronouns, demonyms,
//! country names the recognizer missed, and definite descriptions ("the
//! Mexican president", "the agency") become mentions too.
//!
//! Returns [`Candidate`]s in text order; [`coref`](super::coref) clusters them.
//! A candidate carries everything coreference needs (name key, type, gender,
//! number, role), so clustering never looks at tokens again.

use std::ops::Range;

use crate::fact::MentionKind;
use crate::roles::{self, Title};
use newskg_nlp::names::{self, Gender};
use newskg_nlp::{AnalyzedDoc, EntityLabel, Gazetteer, Span, Token, Upos};

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PronounClass {
    /// he, him, his, himself.
    Male,
    /// she, her, hers, herself.
    Female,
    /// it, its, itself: one thing, organisation or place.
    Neuter,
    /// they, them, their: several, or an organisation.
    Plural,
}

/// Third-person pronouns. First and second person ("we", "you") refer to a
/// speaker and are left to quote attribution.
const PRONOUNS: &[(&str, PronounClass)] = &[
    ("he", PronounClass::Male),
    ("him", PronounClass::Male),
    ("his", PronounClass::Male),
    ("himself", PronounClass::Male),
    ("she", PronounClass::Female),
    ("her", PronounClass::Female),
    ("hers", PronounClass::Female),
    ("herself", PronounClass::Female),
    ("it", PronounClass::Neuter),
    ("its", PronounClass::Neuter),
    ("itself", PronounClass::Neuter),
    ("they", PronounClass::Plural),
    ("them", PronounClass::Plural),
    ("their", PronounClass::Plural),
    ("theirs", PronounClass::Plural),
    ("themselves", PronounClass::Plural),
];

/// Head nouns of descriptions that point at an organisation whose name
/// contains them ("the agency" → "Drug Enforcement Agency").
const ORG_NOUNS: &[&str] = &[
    "agency",
    "department",
    "ministry",
    "company",
    "bank",
    "party",
    "university",
    "committee",
    "commission",
    "bureau",
    "council",
    "court",
    "army",
    "navy",
    "institute",
    "foundation",
    "group",
    "board",
];

/// Nouns before a business noun that make it another business than the
/// one named before ("the parent company", "the rival bank", "the state
/// oil company") or a body of another kind ("the investor group", "the
/// underwriting group", "the splinter group"), not a trade.
const OTHER_FIRM_NOUNS: &[&str] = &[
    "parent",
    "holding",
    "rival",
    "sister",
    "shell",
    "target",
    "partner",
    "venture",
    "subsidiary",
    "unit",
    "successor",
    "predecessor",
    "state",
    "splinter",
    "investor",
    "underwriting",
];

/// Words that, right before a capital city, make it a location rather than
/// the government ("in Washington" is a place, "Washington said" is not).
const LOCATIVE: &[&str] = &[
    "in", "at", "to", "from", "near", "into", "outside", "across", "around", "visit", "visited",
];

/// A definite description: a role ("president", optionally of a country) or
/// an organisation noun ("agency").
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Description {
    /// "the Mexican president": role and country, if given.
    Role(String, Option<String>),
    /// "the agency": a word the organisation's name contains.
    OrgNoun(String),
    /// "the government": the state of the one country the story names.
    Government,
    /// "the band": the common noun a name was introduced with ("rock band
    /// Vexa", "Kessel, the brewer,").
    Descriptor(String),
}

/// A possible mention, before clustering.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    /// Sentence index.
    pub sentence: usize,
    /// Token range of the whole mention (title included).
    pub tokens: Range<usize>,
    /// Byte span of the whole mention.
    pub span: Span,
    /// Name, description or pronoun.
    pub kind: MentionKind,
    /// The proper name without its title ("Claudia Sheinbaum"); for places
    /// the name as written ("U.S.").
    pub name: Option<String>,
    /// The whole surface when a title precedes the name
    /// ("Mexican President Claudia Sheinbaum").
    pub titled: Option<String>,
    /// Canonical name from the gazetteer ("United States").
    pub canonical: Option<String>,
    /// Coarse type (None for pronouns and descriptions).
    pub label: Option<EntityLabel>,
    /// Finer type ("Country").
    pub subtype: Option<String>,
    /// Role read from a title or apposition.
    pub title: Option<Title>,
    /// Gender from a first name or title.
    pub gender: Option<Gender>,
    /// For pronouns: what they can refer to.
    pub pronoun: Option<PronounClass>,
    /// For descriptions: what they describe.
    pub description: Option<Description>,
    /// A demonym ("Mexican cartels"): counts as a mention of the country but
    /// is not one of its names.
    pub demonym: bool,
    /// The mention modifies a noun ("US troops") and cannot be a pronoun's
    /// antecedent.
    pub modifier: bool,
    /// The mention's head is a subject (preferred antecedent).
    pub subject: bool,
    /// For a body of a state ("the Norwegian government"): the canonical
    /// name of the country it is part of.
    pub part_of: Option<String>,
    /// For a government named by its leader ("the Kessel administration"):
    /// the tokens of the leader's name.
    pub led_by: Option<Range<usize>>,
    /// For a name: the common noun it is introduced with, lower case
    /// ("band" in "rock band Vexa" or "Vexa, the band,"), which a later
    /// "the band" refers back through.
    pub descriptor: Option<String>,
}

impl Candidate {
    fn new(sentence: usize, tokens: Range<usize>, toks: &[Token], kind: MentionKind) -> Candidate {
        let span = Span::new(toks[tokens.start].span.start, toks[tokens.end - 1].span.end);
        let last = &toks[tokens.end - 1];
        Candidate {
            sentence,
            span,
            kind,
            name: None,
            titled: None,
            canonical: None,
            label: None,
            subtype: None,
            title: None,
            gender: None,
            pronoun: None,
            description: None,
            demonym: false,
            modifier: matches!(last.deprel.as_str(), "compound" | "amod")
                || is_noun_modifier(toks, tokens.end),
            // The phrase's head: the token whose head lies outside the span
            // ("Ana" in "Ana Ruiz", the rest hung on it as flat); the last
            // token when none is (no parse).
            subject: tokens
                .clone()
                .find(|&k| toks[k].head.is_none_or(|h| !tokens.contains(&h)))
                .map_or(last, |k| &toks[k])
                .deprel
                .starts_with("nsubj"),
            part_of: None,
            led_by: None,
            descriptor: None,
            tokens,
        }
    }
}

/// Without a parse: a name directly followed by a lower-case common noun
/// modifies it ("US troops"). With tags, a following NOUN decides.
fn is_noun_modifier(toks: &[Token], end: usize) -> bool {
    match toks.get(end) {
        Some(next) if next.upos != Upos::X => next.upos == Upos::Noun,
        _ => false,
    }
}

/// All mention candidates of a document, in text order.
pub(crate) fn find(analyzed: &AnalyzedDoc, gaz: &Gazetteer) -> Vec<Candidate> {
    let text = analyzed.doc.text.as_str();
    let mut out: Vec<Candidate> = Vec::new();
    // Tokens already covered, per sentence, so scans do not double up.
    let mut covered: Vec<Vec<bool>> = analyzed
        .sentences
        .iter()
        .map(|s| vec![false; s.tokens.len()])
        .collect();

    // 0. Bodies of a state named by their country ("the Norwegian
    //    government"); only the body's own noun is covered, so the country
    //    is a mention of its own as well.
    for (si, (sentence, row)) in analyzed.sentences.iter().zip(&mut covered).enumerate() {
        for (i, covered) in row.iter_mut().enumerate() {
            let body = state_body(gaz, text, &sentence.tokens, si, i)
                .or_else(|| leader_body(analyzed, si, i));
            if let Some(c) = body {
                *covered = true;
                out.push(c);
            }
        }
    }

    // 1. Named-entity spans.
    for ne in &analyzed.entities {
        let Some(sentence) = analyzed.sentences.get(ne.sentence) else {
            continue;
        };
        let toks = &sentence.tokens;
        if ne.tokens.start >= ne.tokens.end || ne.tokens.end > toks.len() {
            continue;
        }
        let before = out.len();
        name_candidates(
            gaz,
            text,
            toks,
            ne.sentence,
            ne.tokens.clone(),
            ne.label,
            ne.subtype.clone(),
            &mut out,
        );
        for c in &out[before..] {
            mark(&mut covered[ne.sentence], c);
        }
        for r in ne.tokens.clone() {
            covered[ne.sentence][r] = true;
        }
    }

    // The nouns names are introduced with, for descriptions that refer
    // back through them ("the band").
    for c in out.iter_mut() {
        // A person is introduced by a role, which the titles read.
        if c.kind == MentionKind::Name && c.label != Some(EntityLabel::Person) {
            c.descriptor = descriptor(&analyzed.sentences[c.sentence].tokens, c.tokens.clone());
        }
    }
    let descriptors: Vec<String> = out.iter().filter_map(|c| c.descriptor.clone()).collect();

    // 2. Country names and demonyms the recognizer missed, pronouns and
    //    descriptions.
    for (si, sentence) in analyzed.sentences.iter().enumerate() {
        let toks = &sentence.tokens;
        let mut i = 0;
        while i < toks.len() {
            if covered[si][i] {
                i += 1;
                continue;
            }
            if let Some(end) = titled_name(gaz, text, toks, i, &covered[si]) {
                let before = out.len();
                name_candidates(
                    gaz,
                    text,
                    toks,
                    si,
                    i..end,
                    EntityLabel::Person,
                    None,
                    &mut out,
                );
                for c in &out[before..] {
                    mark(&mut covered[si], c);
                }
                i = end;
                continue;
            }
            if let Some((_, end)) = roles::place_starting(gaz, text, toks, i) {
                if (i..end).all(|j| !covered[si][j]) {
                    let before = out.len();
                    name_candidates(
                        gaz,
                        text,
                        toks,
                        si,
                        i..end,
                        EntityLabel::Place,
                        None,
                        &mut out,
                    );
                    for c in &out[before..] {
                        mark(&mut covered[si], c);
                    }
                    i = end;
                    continue;
                }
            }
            if let Some(p) = pronoun(&toks[i].form).filter(|_| !is_expletive_it(toks, i)) {
                let mut c = Candidate::new(si, i..i + 1, toks, MentionKind::Pronoun);
                c.pronoun = Some(p);
                out.push(c);
            } else if let Some(c) = described(toks, si, i, &descriptors)
                .or_else(|| description(gaz, toks, si, i))
                .filter(|c| c.tokens.clone().all(|j| !covered[si][j]))
            {
                for j in c.tokens.clone() {
                    covered[si][j] = true;
                }
                i = c.tokens.end;
                out.push(c);
                continue;
            } else if let Some(k) = names::demonym(gaz, &toks[i].form) {
                if !names_people(toks, i) {
                    out.push(demonym_candidate(si, i, toks, k));
                }
                covered[si][i] = true;
            }
            i += 1;
        }
    }

    // 3. Surnames of the persons found, wherever the recognizer missed them
    //    (a name typed once keeps its type in the whole document).
    let surnames: Vec<String> = out
        .iter()
        .filter(|c| c.label == Some(EntityLabel::Person) && c.kind == MentionKind::Name)
        .filter_map(|c| c.name.as_deref())
        .filter(|n| n.split_whitespace().count() > 1)
        .filter_map(|n| n.split_whitespace().last().map(str::to_string))
        .collect();
    for (si, sentence) in analyzed.sentences.iter().enumerate() {
        for (i, t) in sentence.tokens.iter().enumerate() {
            if !covered[si][i] && surnames.contains(&t.form) {
                name_candidates(
                    gaz,
                    text,
                    &sentence.tokens,
                    si,
                    i..i + 1,
                    EntityLabel::Person,
                    None,
                    &mut out,
                );
                covered[si][i] = true;
            }
        }
    }
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out.dedup_by_key(|c| c.span);
    out
}

fn mark(covered: &mut [bool], c: &Candidate) {
    for j in c.tokens.clone() {
        if let Some(x) = covered.get_mut(j) {
            *x = true;
        }
    }
}

/// A person name the recognizer missed but a title announces: capitalised
/// words (up to four, initials allowed) right after a title phrase
/// ("Secretary of State Marco Rubio", "Mr. Smith"). Returns the name's end.
fn titled_name(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    i: usize,
    covered: &[bool],
) -> Option<usize> {
    // A place opens no name after a title ("Ambassador Mexico"), but once a
    // name has begun, a surname that is also a town's name goes on with it
    // ("analyst Ana Harlow"); only a country or a demonym ends it.
    let name_word = |t: &Token, first: bool| {
        let mut chars = t.form.chars();
        let place = if first {
            names::place(gaz, &t.form).is_some()
        } else {
            names::country(gaz, &t.form).is_some()
        };
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
            && !place
            && names::demonym(gaz, &t.form).is_none()
            && roles::title_starting(gaz, std::slice::from_ref(t), 0).is_none()
    };
    if covered.get(i) != Some(&false) || !name_word(&toks[i], true) {
        return None;
    }
    roles::title_before(gaz, text, toks, i)?;
    let mut end = i;
    while end < toks.len() && end - i < 4 && !covered[end] && name_word(&toks[end], end == i) {
        end += 1;
    }
    Some(end)
}

/// The pronoun class of a word, if it is a third-person pronoun.
/// Verbs whose "it" stands for nothing ("it seems", "it emerged that").
const EXPLETIVE_VERBS: &[&str] = &["seem", "appear", "happen", "emerge", "matter", "transpire"];

/// Whether "it" at `i` is a dummy subject that refers to nothing, so that
/// it takes no antecedent: the parser's `expl`; a verb of
/// [`EXPLETIVE_VERBS`]; "if it comes to a vote"; "it is likely that ...",
/// "it would be rash to ..." (an adjective with a clause of its own); "it is
/// expected that ..." (a passive with a "that" clause; "it is expected to
/// pay" is the firm).
fn is_expletive_it(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    if !t.form.eq_ignore_ascii_case("it") {
        return false;
    }
    if t.deprel == "expl" {
        return true;
    }
    let Some(h) = t.head.filter(|&h| h < toks.len()) else {
        return false;
    };
    if !t.deprel.starts_with("nsubj") {
        return false;
    }
    let lemma = toks[h].lemma.to_lowercase();
    let kids = |rel: &[&str]| {
        toks.iter()
            .any(|k| k.head == Some(h) && rel.contains(&k.deprel.split(':').next().unwrap_or("")))
    };
    // A "that" clause or a clausal subject; an infinitive only after the
    // adjectives that extrapose one ("it is hard to say"), not after those
    // whose subject does it ("it was willing to pay": the firm was).
    let that_clause = kids(&["ccomp", "csubj"]);
    let extraposed = kids(&["xcomp"]) && EXTRAPOSING_ADJECTIVES.contains(&lemma.as_str());
    EXPLETIVE_VERBS.contains(&lemma.as_str())
        || lemma == "come"
            && (0..toks.len()).any(|k| {
                toks[k].head == Some(h)
                    && toks[k].deprel.starts_with("obl")
                    && toks
                        .iter()
                        .any(|c| c.head == Some(k) && c.deprel == "case" && c.form == "to")
            })
        || toks[h].upos == Upos::Adj && kids(&["cop"]) && (that_clause || extraposed)
        || t.deprel == "nsubj:pass" && that_clause
}

/// Adjectives with an extraposed infinitive ("it is hard to say", "it
/// would be rash to ignore"): their "it" is the infinitive, nobody.
const EXTRAPOSING_ADJECTIVES: &[&str] = &[
    "hard",
    "easy",
    "difficult",
    "important",
    "necessary",
    "possible",
    "impossible",
    "rash",
    "wise",
    "unwise",
    "essential",
    "vital",
    "better",
    "best",
    "wrong",
    "right",
    "fair",
    "unfair",
    "premature",
    "early",
    "too",
];

fn pronoun(word: &str) -> Option<PronounClass> {
    let w = word.to_lowercase();
    PRONOUNS.iter().find(|(p, _)| *p == w).map(|(_, c)| *c)
}

/// Whether demonym `i` is a noun naming people ("the American spent three
/// days", "Mexicans voted") rather than an adjective of the country
/// ("Mexican cartels"): then it is no mention of the country. Untagged text
/// (no parse) keeps the country.
fn names_people(toks: &[Token], i: usize) -> bool {
    let t = &toks[i];
    let slot = t.deprel.split(':').next().unwrap_or("");
    // Taggers often call it an adjective even there ("The American" ADJ
    // nsubj): the slot decides.
    matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Adj)
        && matches!(slot, "nsubj" | "obj" | "iobj" | "obl" | "appos" | "root")
}

fn demonym_candidate(sentence: usize, i: usize, toks: &[Token], k: names::Known) -> Candidate {
    let mut c = Candidate::new(sentence, i..i + 1, toks, MentionKind::Nominal);
    c.name = Some(toks[i].form.clone());
    c.canonical = Some(k.canonical);
    c.label = Some(k.label);
    c.subtype = k.subtype;
    c.demonym = true;
    c.modifier = true;
    c
}

/// Turns one entity span into candidates: leading title words are stripped
/// from the name and read as a role (extending left beyond the span when the
/// title stands outside it), the countries in the title become mentions of
/// their own, a demonym span becomes a country mention, and a capital used as
/// a government ("Washington said") becomes its country.
#[allow(clippy::too_many_arguments)]
fn name_candidates(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    sentence: usize,
    span: Range<usize>,
    label: EntityLabel,
    subtype: Option<String>,
    out: &mut Vec<Candidate>,
) {
    let surface = roles::text_of(text, toks, span.clone());
    // A demonym tagged as a name ("Mexican" as MISC).
    if span.len() == 1 && label != EntityLabel::Person {
        if let Some(k) = names::demonym(gaz, surface) {
            if names_people(toks, span.start) {
                return; // "the Briton won": a person, not the country
            }
            // "Mexican President's denial": a headless title is a description.
            if let Some((role, end)) = roles::title_starting(gaz, toks, span.end) {
                if !capitalised_after(toks, end) {
                    let mut c =
                        Candidate::new(sentence, span.start..end, toks, MentionKind::Nominal);
                    c.description = Some(Description::Role(role, Some(k.canonical.clone())));
                    out.push(c);
                }
            }
            out.push(demonym_candidate(sentence, span.start, toks, k));
            return;
        }
    }
    // A span that is only a title ("Mexican President" with no name after it)
    // is a description.
    if label != EntityLabel::Place && !capitalised_after(toks, span.end) {
        if let Some(t) = roles::title_before(gaz, text, toks, span.end) {
            if let (Some(role), true) = (&t.role, t.tokens.start <= span.start) {
                let mut c = Candidate::new(sentence, t.tokens.clone(), toks, MentionKind::Nominal);
                let country = t.country.as_ref().or(t.affiliation.as_ref());
                c.description = Some(Description::Role(
                    role.clone(),
                    country.map(|c| c.0.clone()),
                ));
                out.push(c);
                return;
            }
        }
    }
    // Strip title words inside a person span: the name starts after the
    // last title-like token.
    let mut name_start = span.start;
    let mut title: Option<Title> = None;
    // "Painter Co", "General Tollund Corp": a span closed by a legal form is
    // a company's name, whatever word opens it.
    let company = names::LEGAL_FORM_WORDS.contains(&toks[span.end - 1].form.as_str());
    if (label == EntityLabel::Person || label == EntityLabel::Misc) && !company {
        // (A name goes on after its title with a capital: "Queen of the
        // Sky" is a name whole, no queen called "of the Sky".)
        for s in span.start + 1..span.end {
            if !toks[s].form.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some(t) = roles::title_before(gaz, text, toks, s) {
                if t.tokens.end == s {
                    name_start = s;
                    title = Some(t);
                }
            }
        }
    }
    if title.is_none() && label != EntityLabel::Place {
        title = roles::title_before(gaz, text, toks, name_start);
    }
    if title.is_none() && label == EntityLabel::Person {
        title = roles::title_after(gaz, text, toks, span.end);
    }
    // A courtesy title ("Lord", "Mr.") tells only the gender: an office
    // before it ("minister Lord Harlow") or in an apposition after the name
    // ("Lord Harlow, a Vantor director,") is the role.
    if let Some(courtesy) = title.clone().filter(|t| t.role.is_none()) {
        let before = roles::title_before(gaz, text, toks, courtesy.tokens.start)
            .filter(|t| t.role.is_some())
            .map(|mut t| {
                t.tokens.end = courtesy.tokens.end;
                t
            });
        let office = before.or_else(|| {
            (label == EntityLabel::Person)
                .then(|| roles::title_after(gaz, text, toks, span.end))
                .flatten()
        });
        if let Some(mut t) = office {
            t.gender = t.gender.or(courtesy.gender);
            title = Some(t);
        }
    }
    let name_range = name_start..span.end;
    let name = roles::text_of(text, toks, name_range.clone()).to_string();
    if name.is_empty() {
        return;
    }
    // A person span that is only a title ("Mexican President") is a description.
    let mut label = label;
    // A title before a name makes it a person whatever the recognizer said,
    // but for a company's name ("lead manager Vantor Kessel Ltd").
    if !company
        && title
            .as_ref()
            .is_some_and(|t| t.role.is_some() && t.tokens.end == name_start)
    {
        label = EntityLabel::Person;
    }
    let whole = match &title {
        Some(t) if t.tokens.end == name_start => t.tokens.start.min(name_start)..span.end,
        _ => name_range.clone(),
    };
    let mut c = Candidate::new(sentence, whole.clone(), toks, MentionKind::Name);
    c.modifier = c.modifier && label != EntityLabel::Person;
    if whole.start < name_start {
        c.titled = Some(roles::text_of(text, toks, whole).to_string());
    }
    // Words of the span before its title that are no country ("Vantor"
    // in "Vantor Chairman Ola Lind") name the body the role is held in: a
    // mention of their own, which the role fact points to.
    if let Some(t) = &title {
        let body = span.start..t.tokens.start;
        let capitalised = toks
            .get(body.start)
            .is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase));
        if t.role.is_some() && t.tokens.end == name_start && !body.is_empty() && capitalised {
            let mut m = Candidate::new(sentence, body.clone(), toks, MentionKind::Name);
            m.name = Some(roles::text_of(text, toks, body).to_string());
            m.label = Some(EntityLabel::Organization);
            m.modifier = true;
            out.push(m);
        }
    }
    // Country titles become mentions of their own.
    if let Some(t) = &title {
        for (canon, r) in t.country.iter().chain(t.affiliation.iter()) {
            let mut m = Candidate::new(sentence, r.clone(), toks, MentionKind::Name);
            m.name = Some(roles::text_of(text, toks, r.clone()).to_string());
            m.canonical = Some(canon.clone());
            m.label = Some(EntityLabel::Place);
            m.subtype = Some("Country".to_string());
            m.modifier = true;
            let demonym = names::demonym(gaz, m.name.as_deref().unwrap_or(""));
            // Most title modifiers are countries; a group's ("Republican
            // leader") keeps the gazetteer's type, not a country's.
            if let Some(k) = demonym.clone().or_else(|| names::known(gaz, canon)) {
                if k.label != EntityLabel::Place {
                    m.label = Some(k.label);
                    m.subtype = k.subtype;
                }
            }
            if demonym.is_some() {
                m.demonym = true;
                m.kind = MentionKind::Nominal;
            }
            out.push(m);
        }
    }
    c.gender = title.as_ref().and_then(|t| t.gender);
    if label == EntityLabel::Person && c.gender.is_none() {
        let first = name.split_whitespace().next().unwrap_or("");
        if name.split_whitespace().count() > 1 {
            c.gender = names::first_name_gender(gaz, first);
        }
    }
    // Places and known names get their canonical form.
    // A capital standing for its government ("enable Washington to
    // pursue"), unless it is a location ("in Washington", "Washington, D.C.").
    // In a parsed sentence only a capital that acts or is acted on (subject,
    // object or agent) stands for its government: "a Warsaw-based insurer" and
    // "Warsaw's markets" are the city, and reading them as the country
    // Kingdom merged the city into the country.
    let slot = toks[name_range.end - 1]
        .deprel
        .split(':')
        .next()
        .unwrap_or("");
    // A passive's agent acts as well ("was welcomed by Beijing", also
    // where the parser hangs it on a phrase before it: "at the time by").
    let last = name_range.end - 1;
    let stranded = slot == "nmod"
        && toks[last]
            .head
            .is_some_and(|h| toks[h].deprel.starts_with("obl"));
    let agent = toks[last].deprel == "obl:agent"
        || (slot == "obl" || stranded)
            && toks.iter().any(|t| {
                t.head == Some(last) && t.deprel == "case" && t.form.eq_ignore_ascii_case("by")
            });
    // So does the other side of a dealing ("negotiate with Tokyo", "talks
    // with Washington", "sanctions against Moscow").
    let counterpart = matches!(slot, "obl" | "nmod")
        && toks.iter().any(|t| {
            t.head == Some(last)
                && t.deprel == "case"
                && matches!(t.form.to_lowercase().as_str(), "with" | "against")
        });
    let acts = slot.is_empty() || matches!(slot, "nsubj" | "obj" | "iobj") || agent || counterpart;
    let metonym = (label == EntityLabel::Place || label == EntityLabel::Organization)
        && acts
        && name_range.len() == 1
        && !name_start
            .checked_sub(1)
            .is_some_and(|p| LOCATIVE.contains(&toks[p].form.to_lowercase().as_str()))
        && !matches!(
            toks.get(span.end).map(|t| t.form.as_str()),
            Some("D.C." | "state" | "State")
        )
        // An address goes on after its comma with a capital ("Washington,
        // D.C.", "Paris, Texas"); ", which" goes on about the government.
        && !(toks.get(span.end).is_some_and(|t| t.form == ",")
            && toks
                .get(span.end + 1)
                .is_none_or(|t| t.form.chars().next().is_some_and(char::is_uppercase)));
    // A wire ticker ("Bankers Trust Co <BT>") is the code of the name before
    // it, whatever else the gazetteer knows by that code (British Telecom).
    let ticker = name_start > 0
        && toks[name_start - 1].form == "<"
        && toks.get(name_range.end).is_some_and(|t| t.form == ">");
    let known = if label == EntityLabel::Person || ticker {
        None
    } else if let Some(country) = names::capital_of(&name).filter(|_| metonym) {
        Some(country)
    } else {
        names::known(gaz, &name).filter(|k| k.label == label || label == EntityLabel::Misc)
    };
    if let Some(k) = known {
        c.canonical = Some(k.canonical);
        label = k.label;
        c.subtype = k.subtype;
    }
    if c.subtype.is_none() {
        c.subtype = subtype;
    }
    c.name = Some(name);
    c.label = Some(label);
    c.title = title;
    out.push(c);
}

/// The common noun a name at `name` is introduced with: the noun right
/// before it ("rock band Vexa", "brewer Kessel") or the head of an
/// apposition right after it ("Kessel, the brewer,", "Vexa, a young band
/// from Harlow,"). Titles are roles, read elsewhere, and not taken.
fn descriptor(toks: &[Token], name: Range<usize>) -> Option<String> {
    let is_common_noun =
        |t: &Token| t.upos == Upos::Noun && t.form.chars().all(|c| c.is_ascii_lowercase());
    // The noun and the name must be one phrase in the parse: one hangs on
    // the other ("develop the field Vantor runs" has the noun end one
    // phrase and the name start the next).
    let joined = |k: usize| {
        toks[k].head.is_some_and(|h| name.contains(&h))
            || name
                .clone()
                .any(|n| toks[n].head == Some(k) && !name.contains(&k))
    };
    // "which field Vantor runs": a question's noun, no descriptor.
    let asked = |k: usize| {
        k.checked_sub(1).is_some_and(|w| {
            matches!(
                toks[w].form.to_lowercase().as_str(),
                "which" | "what" | "whose"
            )
        })
    };
    // "rock band Vexa", which the parser also reads as two phrases side by
    // side of one word; after "the", also two kinds of phrase ("released
    // the album Vexa Nights" with the name an oblique of "released").
    let definite = |k: usize| {
        k.checked_sub(1)
            .is_some_and(|d| toks[d].form.eq_ignore_ascii_case("the"))
    };
    let side_by_side = |k: usize| {
        name.clone().any(|n| {
            toks[n].head.is_some_and(|h| !name.contains(&h))
                && toks[n].head == toks[k].head
                && (toks[n].deprel == toks[k].deprel
                    || definite(k)
                        && matches!(toks[k].deprel.as_str(), "obj" | "nsubj" | "obl")
                        && matches!(toks[n].deprel.as_str(), "obj" | "obl" | "appos"))
        })
    };
    if let Some(k) = name.start.checked_sub(1) {
        if is_common_noun(&toks[k]) && (joined(k) || side_by_side(k)) && !asked(k) {
            return Some(toks[k].lemma.to_lowercase());
        }
    }
    // ", the|a|an [words] NOUN ," with the noun the apposition's last word
    // before its comma, relative word or end.
    if toks.get(name.end).map(|t| t.form.as_str()) != Some(",") {
        return None;
    }
    let start = name.end + 1;
    if !matches!(
        toks.get(start).map(|t| t.form.to_lowercase()).as_deref(),
        Some("the" | "a" | "an")
    ) {
        return None;
    }
    // The apposition's head by the parse, wherever its modifiers end ("a
    // horror film by Jan Brandt and Ola Lind,").
    let appos_head = (start + 1..toks.len())
        .find(|&k| toks[k].deprel == "appos" && toks[k].head.is_some_and(|h| name.contains(&h)));
    if let Some(k) = appos_head.filter(|&k| is_common_noun(&toks[k])) {
        return Some(toks[k].lemma.to_lowercase());
    }
    let end = (start + 1..toks.len().min(start + 6))
        .find(|&k| matches!(toks[k].form.as_str(), "," | "." | "who" | "which" | "that"))?;
    let head = &toks[end - 1];
    (end > start + 1 && is_common_noun(head) && joined(end - 1)).then(|| head.lemma.to_lowercase())
}

/// "the band" at token `i`, where "band" introduced a name earlier in the
/// document (`descriptors`), and no name or "of" follows it.
fn described(
    toks: &[Token],
    sentence: usize,
    i: usize,
    descriptors: &[String],
) -> Option<Candidate> {
    // "Kessel, the brewer," is the apposition that introduces the noun,
    // read as such, not a later mention through it.
    if !toks[i].form.eq_ignore_ascii_case("the") || i > 0 && toks[i - 1].form == "," {
        return None;
    }
    let noun = toks.get(i + 1)?;
    let lemma = noun.lemma.to_lowercase();
    let follows = toks.get(i + 2).map(|t| t.form.as_str());
    // Singular: "the analysts" are not the one analyst named.
    // An organisation noun ("the company") is read as such, with its own
    // rules for a story of several (`description`).
    if noun.upos != Upos::Noun
        || noun.xpos != "NN"
        || ORG_NOUNS.contains(&lemma.as_str())
        || names::FIRM_NOUNS.contains(&lemma.as_str())
        || !descriptors.contains(&lemma)
        || capitalised_after(toks, i + 2)
        || follows == Some("of")
    {
        return None;
    }
    let mut c = Candidate::new(sentence, i..i + 2, toks, MentionKind::Nominal);
    c.description = Some(Description::Descriptor(lemma));
    Some(c)
}

/// A definite description starting at token `i`: "the [Country's|Demonym]
/// role" not followed by a name, a bare capitalised "Demonym Role" (as in a
/// headline "Mexican President's denial"), or "the <organisation noun>".
fn description(gaz: &Gazetteer, toks: &[Token], sentence: usize, i: usize) -> Option<Candidate> {
    let w = toks[i].form.to_lowercase();
    let mut j = i;
    if w == "the" {
        j += 1;
        let next = &toks.get(j)?.form;
        // "the agency", but not "The Department of Defense" (a name), nor
        // "the board of directors" or "the board of Vantor" (a part, or
        // whose board the phrase says itself).
        if (ORG_NOUNS.contains(&next.as_str()) || names::FIRM_NOUNS.contains(&next.as_str()))
            && !capitalised_after(toks, j + 1)
            && !(next == "board" && toks.get(j + 1).is_some_and(|t| t.form == "of"))
        {
            let next = next.clone();
            let mut c = Candidate::new(sentence, i..j + 1, toks, MentionKind::Nominal);
            c.description = Some(Description::OrgNoun(next));
            return Some(c);
        }
        // "the oil company", "the Russian oil firm", "the hotel group": a
        // business noun after the word for its trade refers back to the
        // organisation whose name holds that word ("Kessel Oil Corp",
        // "Harlow Hotel Group"), whatever words of origin stand before it.
        // The trade word, not the business noun, is what it is matched by:
        // "the Italian bank" or "the mining company" alone say too little
        // to pick a firm out, and "the parent company" or "the rival bank"
        // are other firms.
        if let Some(head) = (j + 1..toks.len().min(j + 4))
            .find(|&h| matches!(toks[h].form.as_str(), "company" | "firm" | "group" | "bank"))
        {
            let origin = |t: &Token| {
                names::demonym(gaz, &t.form).is_some() || names::country(gaz, &t.form).is_some()
            };
            let trade = |t: &Token| {
                t.upos == Upos::Noun
                    && t.form.chars().all(|c| c.is_ascii_lowercase())
                    && !OTHER_FIRM_NOUNS.contains(&t.form.as_str())
            };
            // ("Vantor, the oil company, ...": an apposition names the
            // name before it, and coreference reads it so.)
            let apposition = i > 0 && toks[i - 1].form == ",";
            let words = &toks[j..head];
            if !apposition
                && words.iter().all(|t| origin(t) || trade(t))
                && words.last().is_some_and(trade)
                && !capitalised_after(toks, head + 1)
                && toks.get(head + 1).is_none_or(|t| t.form != "of")
            {
                let word = toks[head - 1].form.clone();
                let mut c = Candidate::new(sentence, i..head + 1, toks, MentionKind::Nominal);
                c.description = Some(Description::OrgNoun(word));
                return Some(c);
            }
        }
        // "the government", alone: not "the government of Peru", "the
        // Government Printing Office" or "the government spokesman".
        if next.eq_ignore_ascii_case("government")
            && toks
                .get(j + 1)
                .is_none_or(|t| !matches!(t.upos, Upos::Noun | Upos::Propn) && t.form != "of")
        {
            let mut c = Candidate::new(sentence, i..j + 1, toks, MentionKind::Nominal);
            c.description = Some(Description::Government);
            return Some(c);
        }
    }
    let mut country = None;
    if let Some(k) = toks.get(j).and_then(|t| names::demonym(gaz, &t.form)) {
        country = Some(k.canonical);
        j += 1;
    } else if w != "the" {
        return None;
    }
    // A role title at j, then nothing name-like after it.
    let (role, end) = roles::title_starting(gaz, toks, j)?;
    if capitalised_after(toks, end) {
        return None;
    }
    let mut c = Candidate::new(sentence, i..end, toks, MentionKind::Nominal);
    c.description = Some(Description::Role(role, country));
    Some(c)
}

/// A body of a state at token `i` ("government", lower case) named by its
/// country: a demonym or a country before it ("the Norwegian government",
/// "the US military", "Norway's navy") or an `of` phrase after it ("the
/// government of Norway"). Its label is the country's canonical name and
/// the body ("Norway government"), so every way of naming it is one entity.
fn state_body(
    gaz: &Gazetteer,
    text: &str,
    toks: &[Token],
    sentence: usize,
    i: usize,
) -> Option<Candidate> {
    let t = &toks[i];
    let body = t.form.to_lowercase();
    // Lower case ("the US government"), or capitalised right after its
    // country ("the U.S. Administration"), which the recognizer may also
    // have found: this reading, first, takes the same span.
    let capitalised = t.form != body;
    if !matches!(t.upos, Upos::Noun | Upos::Propn) || !names::is_state_body(&body) {
        return None;
    }
    // A country, as itself or (for a government) by its capital.
    let country_of = |r: Range<usize>| -> Option<String> {
        let name = roles::text_of(text, toks, r);
        let k = names::place(gaz, name)?;
        (k.subtype.as_deref() == Some("Country")
            && (names::names_country_itself(name, &k.canonical)
                || names::capital_may_name_country_of(&body)))
        .then_some(k.canonical)
    };
    // A demonym of one or two words ("Norwegian", "South African"), of a
    // country (not "African" of a continent).
    let demonym = [2, 1].into_iter().find_map(|len| {
        let start = i.checked_sub(len)?;
        let words = roles::text_of(text, toks, start..i);
        names::demonym(gaz, words)
            .filter(|k| k.subtype.as_deref() == Some("Country"))
            .map(|k| (k.canonical, start))
    });
    let (country, range) = if let Some((country, start)) = demonym {
        (country, start..i + 1)
    } else if i >= 1 && matches!(toks[i - 1].form.as_str(), "'s" | "’s") {
        let (_, start) = roles::place_ending(gaz, text, toks, i - 1)?;
        (country_of(start..i - 1)?, start..i + 1)
    } else if let Some((_, start)) = roles::place_ending(gaz, text, toks, i) {
        (country_of(start..i)?, start..i + 1)
    } else if toks.get(i + 1).is_some_and(|t| t.form == "of") {
        let at = i + 2 + usize::from(toks.get(i + 2).is_some_and(|t| t.form == "the"));
        let (_, end) = roles::place_starting(gaz, text, toks, at)?;
        (country_of(at..end)?, i..end)
    } else {
        return None;
    };
    // "the Norwegian government Pension Fund": the noun starts a name.
    if range.end == i + 1 && capitalised_after(toks, i + 1) || capitalised && range.end != i + 1 {
        return None;
    }
    let mut c = Candidate::new(sentence, range.clone(), toks, MentionKind::Name);
    c.name = Some(roles::text_of(text, toks, range).to_string());
    // "The US administration" and "the US government" are one body.
    let canonical_body = match body.as_str() {
        "administration" | "regime" => "government",
        other => other,
    };
    c.canonical = Some(format!("{country} {canonical_body}"));
    c.label = Some(EntityLabel::Organization);
    c.part_of = Some(country);
    Some(c)
}

/// A government named by its leader at token `i` ("the Kessel
/// administration", "the Lind government", "the Ruiz cabinet"): news names a
/// government by its head as often as by its country. The leader's name is
/// a person the recognizer found right before the body's noun, after
/// "the". The body is an organisation of its own, labelled as written
/// ("Kessel administration"); the leader stays a mention of their own, and
/// [`Candidate::led_by`] keeps where, for the role that links them.
fn leader_body(analyzed: &AnalyzedDoc, sentence: usize, i: usize) -> Option<Candidate> {
    let toks = &analyzed.sentences.get(sentence)?.tokens;
    if !matches!(
        toks[i].form.as_str(),
        "government" | "administration" | "cabinet"
    ) {
        return None;
    }
    let leader = analyzed
        .entities
        .iter()
        .find(|e| e.sentence == sentence && e.tokens.end == i && e.label == EntityLabel::Person)?;
    let start = leader.tokens.start;
    // After "the" (or "the new"), and no name going on after the noun
    // ("the Lind government Pension Fund").
    let opens = start >= 1 && toks[start - 1].form.eq_ignore_ascii_case("the");
    if !opens || capitalised_after(toks, i + 1) {
        return None;
    }
    let text = analyzed.doc.text.as_str();
    let mut c = Candidate::new(sentence, start..i + 1, toks, MentionKind::Name);
    let name = roles::text_of(text, toks, start..i + 1).to_string();
    c.name = Some(name.clone());
    c.canonical = Some(name);
    c.label = Some(EntityLabel::Organization);
    c.led_by = Some(leader.tokens.clone());
    Some(c)
}

/// Whether the token at `i` starts a capitalised word (a name would follow).
fn capitalised_after(toks: &[Token], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failed expectation is a failed test
mod tests {
    use super::*;
    use crate::tests::doc;

    #[test]
    fn titles_are_stripped_and_countries_found() {
        use EntityLabel::*;
        let d = doc(
            "Mexican President Claudia Sheinbaum met U.S. Ambassador to Mexico Ronald Johnson. She smiled.",
            &[("Claudia Sheinbaum", Person), ("Ronald Johnson", Person)],
        );
        let c = find(&d, &Gazetteer::default());
        let names: Vec<_> = c.iter().map(|c| (c.name.clone(), c.kind)).collect();
        let sheinbaum = c
            .iter()
            .find(|c| c.name.as_deref() == Some("Claudia Sheinbaum"))
            .expect("found");
        assert_eq!(
            sheinbaum.titled.as_deref(),
            Some("Mexican President Claudia Sheinbaum")
        );
        assert_eq!(sheinbaum.gender, Some(Gender::Female));
        assert!(
            c.iter()
                .any(|c| c.canonical.as_deref() == Some("United States")),
            "{names:?}"
        );
        assert!(c
            .iter()
            .any(|c| c.canonical.as_deref() == Some("Mexico") && c.demonym));
        assert!(c.iter().any(|c| c.pronoun == Some(PronounClass::Female)));
        // Every candidate's span is its text.
        for x in &c {
            assert!(x.span.end <= d.doc.text.len());
        }
    }

    #[test]
    fn a_titled_name_goes_on_through_a_town_name() {
        use EntityLabel::*;
        // The recognizer missed the analyst; her surname is also a town's.
        let g = Gazetteer::compile_from("NORLAND_ [NOR]\n+TANSFORD_ \n", "", "", "");
        assert!(names::place(&g, "Tansford").is_some());
        let text = "Shares fell, said analyst Mira Tansford of Vantor Inc.";
        let d = doc(text, &[("Vantor Inc", Organization)]);
        let c = find(&d, &g);
        let names: Vec<_> = c.iter().filter_map(|c| c.name.clone()).collect();
        assert!(names.iter().any(|n| n == "Mira Tansford"), "{names:?}");
        // A place still opens no name after a title.
        let d = doc(
            "The talks, said Ambassador Tansford officials, failed.",
            &[],
        );
        let c = find(&d, &g);
        assert!(c.iter().all(|c| c.label != Some(Person)));
    }

    #[test]
    fn descriptions_and_metonyms() {
        use EntityLabel::*;
        let d = doc(
            "The Mexican president spoke. Washington agreed. He flew to Washington. The agency said so.",
            &[("Washington", Place), ("Washington", Place)],
        );
        let c = find(&d, &Gazetteer::default());
        assert!(c
            .iter()
            .any(|c| c.description
                == Some(Description::Role("president".into(), Some("Mexico".into())))));
        let wash: Vec<_> = c
            .iter()
            .filter(|c| c.name.as_deref() == Some("Washington"))
            .collect();
        assert_eq!(wash.len(), 2);
        assert_eq!(wash[0].canonical.as_deref(), Some("United States"));
        assert_eq!(
            wash[1].canonical, None,
            "a location after 'to' stays a city"
        );
        assert!(c
            .iter()
            .any(|c| c.description == Some(Description::OrgNoun("agency".into()))));
    }
}
