//! Name forms for cross-document resolution: what of a name identifies its
//! entity, and which names of one document are short forms of another.
//!
//! - A person's name as written carries words that only address or describe
//!   the person ("Mr", "Trade Minister", "Norland's", "analyst"): they are
//!   stripped before names are compared, so "Mr Kessel" and "Mira Kessel" are
//!   a surname and its full name, not two different full names.
//! - Spellings of one long name are one ("Organisation"/"Organization",
//!   "Securities"/"Security" within names of two words or more).
//! - A one-word name that is not the person's surname ("Mira" for "Mira
//!   Kessel") names the person in its document only: across documents a
//!   given name identifies nobody.
//! - A capital that stood for its country's government in one document
//!   ("Oslo said") is not a name of the country elsewhere: a city is not its
//!   country, and a country is not labelled by its capital.
//! - Two different long names never make one entity because they share
//!   initials or a code ("Bright Vista" and "Bank of Vantor" are both "BV").
//! - Within one document, news writes a company's first word after its full
//!   name ("Vantor Chemical Corp" ... "Vantor said"), or its last when the
//!   first is generic ("Union Ostrel Corp" ... "Ostrel"), and a given name,
//!   or its start, after a full name ("Samuel Brandt" ... "Sam"):
//!   [`short_forms`] links them before the document is resolved.

use crate::extract::{DocEntity, DocFacts, MentionKind};
use crate::nlp::names;
use crate::nlp::{EntityLabel, Gazetteer, Upos};

/// A person's name without the words before it that address or describe
/// the person: courtesy titles, the person's role words (`titles`),
/// countries ([`country_word`]) and demonyms, and lower-case words other
/// than surname particles ("U.S. Trade Minister Jan Brandt" with the title
/// "trade secretary" → "jan brandt"; "Mr Brandt" → "brandt"). Normalised;
/// the last word always stays.
pub(super) fn person_core(g: &Gazetteer, form: &str, titles: &[String]) -> String {
    let words: Vec<&str> = form.split_whitespace().collect();
    let mut start = 0;
    while start + 1 < words.len() {
        let w = words[start];
        let key = names::normalize(w);
        let role = titles
            .iter()
            .any(|t| t.split_whitespace().any(|tw| names::normalize(tw) == key));
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        let strip = names::is_form_of_address(&key)
            || role
            || (lower && !names::is_surname_particle(&key))
            || country_word(g, w)
            || names::demonym(g, w).is_some()
            || w.ends_with("'s")
            || w.ends_with("’s");
        if !strip {
            break;
        }
        start += 1;
    }
    names::normalize(&words[start..].join(" "))
}

/// Whether `w`, before a person's name, is a country that describes the
/// person ("Norway" in "Norway Trade Minister Jan Brandt"): a country of the gazetteer
/// or of the fallback table, but not one that is also a given name
/// ("Jordan" in "Jordan Kessel") unless the fallback table knows it (as
/// it always did). A city or region is no country: "Halle" and "Victoria"
/// start names.
fn country_word(g: &Gazetteer, w: &str) -> bool {
    names::place(&Gazetteer::default(), w).is_some()
        || (names::country(g, w).is_some() && !g.is_given_name(w))
}

/// The normalised forms of a person's names that identify it across
/// documents: [`person_core`] of each, without one-word forms other than
/// its surname (a given name or a nickname names someone in one document
/// only). A one-word label stays.
pub(super) fn person_forms<'a>(
    g: &Gazetteer,
    label: &str,
    aliases: impl Iterator<Item = &'a String>,
    titles: &[String],
) -> Vec<String> {
    let core = person_core(g, label, titles);
    let surname = names::key_words(&core).last().map(|s| s.to_string());
    let mut out = vec![core.clone()];
    for a in aliases {
        let c = person_core(g, a, titles);
        let one = names::key_words(&c).len() == 1;
        if c.is_empty() || out.contains(&c) || (one && Some(&c) != surname.as_ref()) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Whether `form` names `country`'s capital, so that it is a metonym of the
/// country and not one of its names ("Oslo" for Norway).
pub(super) fn capital_form(form: &str) -> bool {
    names::capital_of(form).is_some()
        || names::capital_of(&title_case(form)).is_some_and(|_| form.len() > 1)
}

/// "OSLO" → "Oslo" (a dateline's capitals).
fn title_case(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    let mut first = true;
    for c in form.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = c.is_whitespace();
    }
    out
}

/// The name a country known by `label` and `aliases` goes by when `label`
/// is its capital: the alias that names the country itself.
pub(super) fn country_name<'a>(
    g: &Gazetteer,
    label: &str,
    aliases: impl Iterator<Item = &'a String>,
) -> Option<String> {
    let country = names::capital_of(label).or_else(|| names::capital_of(&title_case(label)))?;
    let mut aliases = aliases;
    aliases
        .find(|a| {
            !capital_form(a)
                && names::country(g, a).is_some_and(|k| k.canonical == country.canonical)
        })
        .map(|_| country.canonical)
}

/// Whether a form is a code rather than a name: an acronym, with or
/// without a legal form ("KTC", "KTC Corp", "U.S."), or a one-word ticker.
pub(super) fn code_form(form: &str) -> bool {
    if names::is_acronym(form) {
        return true;
    }
    let words: Vec<&str> = form.split_whitespace().collect();
    let keys: Vec<String> = words.iter().map(|w| names::normalize(w)).collect();
    let n = words.len();
    n > 1
        && keys[1..]
            .iter()
            .all(|k| names::LEGAL_FORMS.contains(&k.as_str()))
        && names::is_acronym(words[0])
}

/// A spelling key of a normalised name of two words or more: British and
/// American spellings and plurals made one ("organisation" =
/// "organization", "securities" = "security"). A one-word name keeps its
/// spelling: "Bonds" is not "Bond".
pub(super) fn spelling_key(key: &str) -> String {
    if names::key_words(key).len() < 2 {
        return key.to_string();
    }
    names::key_words(key)
        .iter()
        .map(|w| {
            let w = w
                .replace("isation", "ization")
                .replace("defence", "defense")
                .replace("centre", "center")
                .replace("programme", "program");
            if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
                format!("{stem}y")
            } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// For each of `doc.entities`, the entity of the same document it is a
/// short form of (itself when none): a one-word name that is the first
/// word of exactly one organisation named in full in the document, or its
/// last after a generic first word ([`short_form_of`]; never a generic
/// word, a head noun like "Exchange", an adjective, a demonym or a
/// country), whatever the recognizer typed it; typed as a place, only when
/// no mention of it reads as a place and one reads as a company's
/// ([`short_form_candidate`]); a one-word person name that is the given name, or its
/// start ("Sam" for "Samuel"), of exactly one person named in full and
/// nobody's surname; "Mr Brandt" typed as an organisation, when one
/// person of the document is a Brandt.
pub(super) fn short_forms(g: &Gazetteer, doc: &DocFacts) -> Vec<usize> {
    let ents = &doc.entities;
    let mut rep: Vec<usize> = (0..ents.len()).collect();
    let keys: Vec<String> = ents.iter().map(|e| names::normalize(&e.label)).collect();
    for (j, d) in ents.iter().enumerate() {
        let words = names::key_words(&keys[j]);
        let full: Vec<usize> = match (d.label_type, words.len()) {
            (EntityLabel::Person, 1) => {
                let w = words[0];
                // "May" after "May Lind" may be the month.
                if w.chars().count() < 3
                    || surname_in(ents, &keys, w)
                    || names::is_month(w)
                    || names::is_weekday(w)
                {
                    continue;
                }
                (0..ents.len())
                    .filter(|&i| i != j && ents[i].label_type == EntityLabel::Person)
                    .filter(|&i| {
                        let core = person_core(g, &ents[i].label, &ents[i].titles);
                        let ws = names::key_words(&core);
                        ws.len() > 1 && (ws[0] == w || ws[0].starts_with(w))
                    })
                    .collect()
            }
            (EntityLabel::Person, _) => continue,
            (_, 1) => {
                let w = words[0];
                if !short_form_candidate(g, doc, j, w) {
                    continue;
                }
                (0..ents.len())
                    .filter(|&i| i != j && ents[i].label_type == EntityLabel::Organization)
                    .filter(|&i| short_form_of(&keys[i], w, d.label_type))
                    // A short form refers back: "Vantor" before "Vantor
                    // Watch" is another name (the site is named after it).
                    .filter(|&i| first_mention(doc, i) < first_mention(doc, j))
                    .collect()
            }
            (_, 2) => {
                // "Mr Brandt" read as an organisation.
                if !names::is_form_of_address(words[0]) || !d.label.starts_with(char::is_uppercase)
                {
                    continue;
                }
                (0..ents.len())
                    .filter(|&i| i != j && ents[i].label_type == EntityLabel::Person)
                    .filter(|&i| {
                        let core = person_core(g, &ents[i].label, &ents[i].titles);
                        names::key_words(&core).last() == Some(&words[1])
                    })
                    .collect()
            }
            _ => continue,
        };
        if let [i] = full[..] {
            rep[j] = i;
        }
    }
    rep
}

/// `words` without a legal form and the designators that end the name
/// ("vantor chemical corp" → "vantor chemical").
fn core_words<'w, 'a>(words: &'w [&'a str]) -> &'w [&'a str] {
    let mut ws = names::without_legal_form(words);
    while ws.len() > 1
        && ws
            .last()
            .is_some_and(|w| names::ORGANISATION_DESIGNATORS.contains(w))
    {
        ws = &ws[..ws.len() - 1];
    }
    ws
}

/// Whether `w` is the last word of a full person name of the document.
fn surname_in(ents: &[DocEntity], keys: &[String], w: &str) -> bool {
    ents.iter().zip(keys).any(|(e, k)| {
        let ws = names::key_words(k);
        e.label_type == EntityLabel::Person && ws.len() > 1 && ws.last() == Some(&w)
    })
}

/// Whether one-word entity `j` (key `w`) may be an organisation's short
/// form: no generic word, demonym or country, and never used as a place.
fn short_form_candidate(g: &Gazetteer, doc: &DocFacts, j: usize, w: &str) -> bool {
    let d = &doc.entities[j];
    if names::is_generic_organisation_word(w)
        || names::is_institution_head(w)
        || names::ORGANISATION_DESIGNATORS.contains(&w)
        || names::demonym(g, &d.label).is_some()
        || d.subtype.as_deref() == Some("Country")
        || names::country(g, &d.label).is_some()
    {
        return false;
    }
    // An adjective ("Federal", "Regional") modifies; it names nothing.
    let adjective = w.ends_with("al")
        || doc
            .mentions
            .iter()
            .filter(|m| m.entity == j && m.kind == MentionKind::Name)
            .any(|m| {
                doc.analyzed
                    .sentences
                    .get(m.sentence)
                    .and_then(|s| s.tokens.get(m.tokens.end.saturating_sub(1)))
                    .is_some_and(|t| t.upos == Upos::Adj)
            });
    if adjective {
        return false;
    }
    if d.label_type != EntityLabel::Place {
        return true;
    }
    // A place name is the company's only where no mention of it reads as a
    // place (after a locative preposition, "City, State", a dateline) and
    // one reads as a company's: a subject ("Vantor said") or what is owned
    // ("a stake in Vantor").
    let mut company = false;
    for m in doc
        .mentions
        .iter()
        .filter(|m| m.entity == j && m.kind == MentionKind::Name)
    {
        let Some(s) = doc.analyzed.sentences.get(m.sentence) else {
            continue;
        };
        let before = |k: usize| {
            m.tokens
                .start
                .checked_sub(k)
                .and_then(|p| s.tokens.get(p))
                .map(|t| t.form.as_str())
        };
        let owning = before(1).is_some_and(|f| f.eq_ignore_ascii_case("in"))
            && before(2).is_some_and(|f| names::is_holding_noun(&f.to_lowercase()));
        let locative =
            before(1).is_some_and(|f| names::is_place_preposition(&f.to_lowercase())) && !owning;
        let state =
            before(1) == Some(",") && before(2).is_some_and(|f| f.starts_with(char::is_uppercase));
        // "Ostvik, May 9 -", not "Vantor, which makes boats".
        let dateline = m.tokens.start == 0
            && s.tokens.get(m.tokens.end).is_some_and(|t| t.form == ",")
            && s.tokens
                .get(m.tokens.end + 1)
                .is_some_and(|t| t.form.starts_with(char::is_uppercase));
        let capitals = m.text.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !m.text.chars().any(char::is_lowercase);
        if locative || state || dateline || capitals {
            return false;
        }
        let subject = m
            .tokens
            .clone()
            .last()
            .and_then(|t| s.tokens.get(t))
            .is_some_and(|t| t.deprel.starts_with("nsubj"));
        company |= subject || owning;
    }
    company
}

/// Whether organisation name `key` (normalised) may have one-word entity
/// `w`, typed `label`, as its short form: its first word or, when that is
/// generic ("union", "general"), its last word, and for a name the
/// recognizer typed as a place, never the place a body is named after
/// ("X Stock Exchange", "Bank of X").
fn short_form_of(key: &str, w: &str, label: EntityLabel) -> bool {
    let all = names::key_words(key);
    let named = names::without_legal_form(&all);
    let ws = core_words(&all);
    if named.len() < 2 {
        return false;
    }
    let of = named.iter().any(|x| *x == "of" || *x == "and" || *x == "&");
    let last = ws.len() > 1
        && ws.last() == Some(&w)
        && !names::is_institution_head(w)
        && !of
        && names::is_generic_organisation_word(ws[0]);
    let first = ws[0] == w
        && (label != EntityLabel::Place
            || (!of && !ws.last().is_some_and(|l| names::is_institution_head(l))));
    first || last
}

/// Where entity `i`'s first mention in running text starts: mentions in
/// capitals (a headline's "VANTOR", a ticker) do not count unless there
/// are no others; `usize::MAX` when it has none.
fn first_mention(doc: &DocFacts, i: usize) -> usize {
    let starts = |running: bool| {
        doc.mentions
            .iter()
            .filter(|m| m.entity == i && (!running || m.text.chars().any(char::is_lowercase)))
            .map(|m| m.span.start)
            .min()
    };
    starts(true).or_else(|| starts(false)).unwrap_or(usize::MAX)
}

/// `d` with the names, titles and mentions of `short` added.
pub(super) fn absorb_short(d: &mut DocEntity, short: &DocEntity) {
    for f in std::iter::once(&short.label).chain(&short.aliases) {
        if *f != d.label && !d.aliases.contains(f) {
            d.aliases.push(f.clone());
        }
    }
    for t in &short.titles {
        if !d.titles.contains(t) {
            d.titles.push(t.clone());
        }
    }
    d.mentions += short.mentions;
}
