//! Roles: titles before a name ("U.S. Ambassador to Mexico Ronald Johnson")
//! and appositions after it ("Claudia Sheinbaum, Mexico's president,") read
//! into a [`Title`], and the role facts made from them.
//!
//! Takes the tokens around a person name; returns the role ("ambassador"),
//! the country it is of or to, and the country it belongs to. Role facts are
//! plain [`Fact`]s with [`Stance::Role`] and pattern "title": "president of"
//! Mexico, "ambassador to" Mexico. For an ambassador the sending country is
//! named by the role as well ("ambassador of" United States), so a reader asking
//! "who is an ambassador of the United States" finds it.
//!
//! Why surface patterns and not the parse: titles are short, capitalised and
//! formulaic, and they must work even when the parser attaches them oddly.

use std::ops::Range;

use crate::fact::{Argument, Fact, Modality, Stance};
use crate::tree::hyphen_word_start;
use crate::Pattern;
use newskg_nlp::names::{self, Gender};
use newskg_nlp::{EntityLabel, Gazetteer, Token, Upos};

/// A role read from a title or an apposition.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Title {
    /// The role, lower case ("ambassador", "secretary of state"); `None` for
    /// a courtesy title ("Mr.") that only tells gender.
    pub role: Option<String>,
    /// The country the role is of or to ("Mexico" in "Ambassador to Mexico",
    /// "Mexican President"), canonical name, with its token range.
    pub country: Option<(String, Range<usize>)>,
    /// The country the holder belongs to when it differs from `country`
    /// ("U.S." in "U.S. Ambassador to Mexico").
    pub affiliation: Option<(String, Range<usize>)>,
    /// Gender the title implies.
    pub gender: Option<Gender>,
    /// In an apposition, the tokens of the name after the title's
    /// preposition when it is no country ("president of the Vantor
    /// Group"): the body the role is held in.
    pub body: Option<Range<usize>>,
    /// The tokens of the whole title phrase.
    pub tokens: Range<usize>,
    /// Whether a word before the title makes it another office ("shadow
    /// chancellor", "deputy governor", "former president"): a later "the
    /// chancellor" is someone else.
    pub other_office: bool,
    /// A role modifier between a possessive country and the title
    /// ("Mexico's former foreign minister"): its index and the word, lower
    /// case.
    pub inner_modifier: Option<(usize, String)>,
}

/// The text of tokens `r` as written (spacing from the document).
pub(crate) fn text_of<'a>(text: &'a str, tokens: &[Token], r: Range<usize>) -> &'a str {
    if r.start >= r.end || r.end > tokens.len() {
        return "";
    }
    &text[tokens[r.start].span.start..tokens[r.end - 1].span.end]
}

/// A place name (up to six tokens, for "U.S.A." split into letters) ending just
/// before `end`: its canonical name and start.
pub(crate) fn place_ending(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    end: usize,
) -> Option<(String, usize)> {
    (1..=6.min(end)).rev().find_map(|len| {
        let start = end - len;
        let first = &tokens[start].form;
        // A place name starts with a capital ("the" is left outside).
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let t = text_of(text, tokens, start..end);
        names::place(gaz, t).map(|k| (k.canonical, start))
    })
}

/// A place name starting at `start`: its canonical name and end.
pub(crate) fn place_starting(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    start: usize,
) -> Option<(String, usize)> {
    if !tokens
        .get(start)
        .is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    // A place name is a run of capitalised words and joiners ("Bosnia and
    // Herzegovina", "Rio de Janeiro"): no longer spans are looked up (this
    // runs at every capitalised token).
    let run = tokens[start..]
        .iter()
        .take(6)
        .take_while(|t| {
            t.form.chars().next().is_some_and(char::is_uppercase)
                || matches!(
                    t.form.as_str(),
                    "of" | "the"
                        | "and"
                        | "de"
                        | "del"
                        | "da"
                        | "do"
                        | "du"
                        | "la"
                        | "le"
                        | "el"
                        | "al"
                        | "upon"
                        | "on"
                        | "y"
                        | "-"
                        | "&"
                )
        })
        .count();
    (1..=run).rev().find_map(|len| {
        let end = start + len;
        let t = text_of(text, tokens, start..end);
        names::place(gaz, t).map(|k| (k.canonical, end))
    })
}

/// Whether lower-case `words` is a person's role title (the gazetteer's
/// [`Gazetteer::is_person_role`]).
fn is_title(gaz: &Gazetteer, words: &str) -> bool {
    gaz.is_person_role(words)
}

/// The longest title (up to five tokens) ending just before `end`, as its
/// lower-case text and start. A title that ends a word joined by hyphens
/// is that whole word ("director-general", not "general").
fn title_ending(gaz: &Gazetteer, tokens: &[Token], end: usize) -> Option<(String, usize)> {
    (1..=5.min(end)).rev().find_map(|len| {
        let start = hyphen_word_start(tokens, end - len);
        let words = lower_words(&tokens[start..end]);
        (is_title(gaz, &words)
            || start < end - len && is_title(gaz, &lower_words(&tokens[end - len..end])))
        .then_some((words, start))
    })
}

/// The longest title starting at `start`, as its text and end.
pub(crate) fn title_starting(
    gaz: &Gazetteer,
    tokens: &[Token],
    start: usize,
) -> Option<(String, usize)> {
    let max = 5.min(tokens.len().saturating_sub(start));
    (1..=max).rev().find_map(|len| {
        let words = lower_words(&tokens[start..start + len]);
        is_title(gaz, &words).then_some((words, start + len))
    })
}

/// Tokens joined by single spaces, lower case; "Sen ." becomes "sen.".
fn lower_words(tokens: &[Token]) -> String {
    let mut out = String::new();
    for t in tokens {
        if !out.is_empty() && t.form != "." && t.form != "-" && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(&t.form.to_lowercase());
    }
    out
}

/// A country modifier ending before `end`: a demonym ("Mexican"), a country
/// name ("U.S."), or a possessive ("Mexico's").
fn country_modifier_ending(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    end: usize,
) -> Option<(String, usize)> {
    if end == 0 {
        return None;
    }
    if let Some((k, r)) = demonym_ending(gaz, tokens, end) {
        return Some((k.canonical, r.start));
    }
    let e = possessive_marker_start(tokens, end).unwrap_or(end);
    // "the Bank of Japan's deputy governor": a place that ends the name of
    // a body ("Bank of Japan", "University of Texas") is part of that name,
    // not the title's country ("Republic of Ireland manager" is Ireland's).
    // Nor is a place's possessive after another name the place's ("BBC
    // Scotland's correspondent" is the broadcaster's).
    let possessive = e < end;
    place_ending(gaz, text, tokens, e).filter(|(_, start)| {
        !(*start >= 2
            && matches!(tokens[start - 1].form.as_str(), "of" | "for")
            && (gaz.is_org_word(&tokens[start - 2].form)
                || gaz.is_institution_head(&tokens[start - 2].form)))
            && !(possessive && *start >= 1 && tokens[start - 1].upos == Upos::Propn)
    })
}

/// The demonym of one or two words ending just before `end`, two words
/// first: "South African" is South Africa's, though "African" alone is
/// Africa's.
fn demonym_ending(
    gaz: &Gazetteer,
    tokens: &[Token],
    end: usize,
) -> Option<(names::Known, Range<usize>)> {
    (1..=2.min(end))
        .rev()
        .find_map(|len| demonym_of(gaz, &tokens[end - len..end]).map(|k| (k, end - len..end)))
}

/// The demonym of one or two words starting at `start`, two words first.
fn demonym_starting(
    gaz: &Gazetteer,
    tokens: &[Token],
    start: usize,
) -> Option<(names::Known, Range<usize>)> {
    let longest = 2.min(tokens.len().saturating_sub(start));
    (1..=longest).rev().find_map(|len| {
        demonym_of(gaz, &tokens[start..start + len]).map(|k| (k, start..start + len))
    })
}

/// The country `words` name as a demonym; two words only when both are
/// capitalised ("South African", not "a African") and they name a place
/// ("Native American" names a people).
fn demonym_of(gaz: &Gazetteer, words: &[Token]) -> Option<names::Known> {
    if words.len() == 1 {
        return names::demonym(gaz, &words[0].form);
    }
    if !words.iter().all(|t| t.form.starts_with(char::is_uppercase)) {
        return None;
    }
    let joined = words
        .iter()
        .map(|t| t.form.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    names::demonym(gaz, &joined).filter(|k| k.label == EntityLabel::Place)
}

/// The title phrase just before a name starting at token `name_start`:
/// `[Country|Demonym] Title [to|of Country]` or a courtesy title ("Mr.").
pub(crate) fn title_before(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    name_start: usize,
) -> Option<Title> {
    // Courtesy titles first: "Mr." right before the name.
    for len in [2, 1] {
        if name_start >= len {
            let words = lower_words(&tokens[name_start - len..name_start]);
            if let Some(g) = names::courtesy_title(&words) {
                return Some(Title {
                    role: None,
                    country: None,
                    affiliation: None,
                    gender: g,
                    body: None,
                    tokens: name_start - len..name_start,
                    other_office: false,
                    inner_modifier: None,
                });
            }
        }
    }
    // "Title Name", or "Title to|of Country Name".
    let (role, title_start, prep_country) = match title_ending(gaz, tokens, name_start) {
        Some((role, start)) => (role, start, None),
        None => {
            let (country, cstart) = place_ending(gaz, text, tokens, name_start)?;
            if cstart == 0 || !matches!(tokens[cstart - 1].form.as_str(), "to" | "of") {
                return None;
            }
            let (role, start) = title_ending(gaz, tokens, cstart - 1)?;
            (role, start, Some((country, cstart..name_start)))
        }
    };
    // "Mexico's new foreign minister", "Norway's first-choice striker",
    // "Mexico's former envoy": words that say which or when may stand
    // between a country's possessive and the title.
    let between = words_between_possessive_and_title(tokens, title_start);
    let prefix = country_modifier_ending(gaz, text, tokens, title_start)
        .map(|(c, s)| (c, s..title_start))
        .or_else(|| {
            (between < title_start && possessive_marker_start(tokens, between).is_some())
                .then(|| country_modifier_ending(gaz, text, tokens, between))
                .flatten()
                .map(|(c, s)| (c, s..between))
        })
        .filter(|(country, r)| {
            // "Madrid midfielder": the club's city, not Spain.
            !gaz.is_position_role(&role)
                || demonym_starting(gaz, tokens, r.start).is_some_and(|(_, d)| d == *r)
                || names::names_country_itself(
                    text_of(text, tokens, r.clone())
                        .trim_end_matches("'s")
                        .trim_end_matches("’s"),
                    country,
                )
        });
    let start = prefix.as_ref().map_or(title_start, |(_, r)| r.start);
    let inner_modifier = prefix
        .as_ref()
        .filter(|(_, r)| r.end < title_start)
        .and_then(|_| modifier_before(tokens, title_start));
    let mut title = make_title(role, prefix, prep_country, start..name_start);
    title.other_office = changes_office(tokens, start) || inner_modifier.is_some();
    title.inner_modifier = inner_modifier;
    Some(title)
}

/// Where the possessive marker ending just before `end` starts ("'s", or
/// "'" and "s" split by the tokenizer), after a name of at least one word.
fn possessive_marker_start(tokens: &[Token], end: usize) -> Option<usize> {
    if end >= 2 && matches!(tokens[end - 1].form.as_str(), "'s" | "’s") {
        Some(end - 1)
    } else if end >= 3
        && tokens[end - 1].form == "s"
        && matches!(tokens[end - 2].form.as_str(), "'" | "’")
    {
        Some(end - 2)
    } else {
        None
    }
}

/// Where the words between a possessive and the title starting at `start`
/// begin: lower-case adjectives, role modifiers and words joined by a
/// hyphen ("new", "former", "first-choice"), at most six tokens; `start`
/// when there are none.
fn words_between_possessive_and_title(tokens: &[Token], start: usize) -> usize {
    let lower = |t: &Token| t.form.chars().all(|c| c.is_lowercase() || c == '-');
    let mut k = start;
    while k > 0 && start - k < 6 {
        let t = &tokens[k - 1];
        let word = hyphen_word_start(tokens, k - 1);
        if word + 1 < k && tokens[word..k].iter().all(lower) {
            k = word;
        } else if lower(t) && (t.upos == Upos::Adj || names::is_role_modifier(&t.form)) {
            k -= 1;
        } else {
            break;
        }
    }
    k
}

/// Whether a [`names::ROLE_MODIFIERS`] word stands among the words that run up to
/// a title starting at `start` ("Shadow transport secretary", "former
/// France coach"): at most three nouns, names and adjectives back.
fn changes_office(tokens: &[Token], start: usize) -> bool {
    modifier_before(tokens, start).is_some()
}

/// The [`names::ROLE_MODIFIERS`] word among the words that run up to a
/// title starting at `start` (see [`changes_office`]): its index and the
/// word, lower-cased.
pub(crate) fn modifier_before(tokens: &[Token], start: usize) -> Option<(usize, String)> {
    (start.saturating_sub(3)..start)
        .rev()
        .take_while(|&k| {
            matches!(tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Adj)
                || names::is_role_modifier(&tokens[k].form)
        })
        .find(|&k| names::is_role_modifier(&tokens[k].form))
        .map(|k| (k, tokens[k].form.to_lowercase()))
}

/// Words before a role that say it is no longer held ("a former
/// director"): such a role is no present fact.
const PAST_ROLE_WORDS: &[&str] = &[
    "former",
    "then",
    "late",
    "retired",
    "onetime",
    "erstwhile",
    "outgoing",
    "ex",
];

/// Adverbs that say a role has ended ("X, formerly an analyst at Vantor",
/// "once an adviser to"): the relation says so ("formerly be"). (With a
/// verb only "formerly" does, "formerly owned by": "previously announced"
/// is an earlier event, not an ended state.)
const PAST_ADVERBS: &[&str] = &["formerly", "previously", "once"];

/// Whether role noun `p` has an adverb of [`PAST_ADVERBS`].
pub(crate) fn has_past_adverb(t: &crate::tree::Tree, p: usize) -> bool {
    t.kids(p)
        .iter()
        .any(|&k| t.base(k) == "advmod" && PAST_ADVERBS.contains(&t.lower(k).as_str()))
}

/// Whether a role modifier says the role is no longer held ("former",
/// "ex", "late"; see [`PAST_ROLE_WORDS`]).
pub(crate) fn is_past_role_word(word: &str) -> bool {
    PAST_ROLE_WORDS.contains(&word.to_lowercase().trim_end_matches('-'))
}

/// An apposition right after a name ending at token `name_end`:
/// `, [the|a] [Country's|Demonym] Title [of|to Country]` followed by a comma,
/// a full stop or the end of the sentence.
pub(crate) fn title_after(
    gaz: &Gazetteer,
    text: &str,
    tokens: &[Token],
    name_end: usize,
) -> Option<Title> {
    if tokens.get(name_end).map(|t| t.form.as_str()) != Some(",") {
        return None;
    }
    let mut i = name_end + 1;
    if matches!(
        tokens.get(i).map(|t| t.form.to_lowercase()).as_deref(),
        Some("the" | "a" | "an")
    ) {
        i += 1;
    }
    let mut prefix = None;
    if let Some((k, r)) = demonym_starting(gaz, tokens, i) {
        prefix = Some((k.canonical, r.clone()));
        i = r.end;
    } else if let Some((c, end)) = place_starting(gaz, text, tokens, i) {
        let poss = tokens.get(end).map(|t| t.form.as_str());
        let split =
            matches!(poss, Some("'" | "’")) && tokens.get(end + 1).is_some_and(|t| t.form == "s");
        if matches!(poss, Some("'s" | "’s")) || split {
            prefix = Some((c, i..end));
            i = end + 1 + usize::from(split);
        }
    }
    // "…, a Vantor Bank analyst,": a capitalised name before the title
    // that is no country is the body the role is held in.
    let mut body = None;
    if prefix.is_none() && title_starting(gaz, tokens, i).is_none() {
        let run = tokens[i.min(tokens.len())..]
            .iter()
            .take(5)
            .take_while(|t| {
                t.form.chars().next().is_some_and(char::is_uppercase)
                    || matches!(t.form.as_str(), "&" | "and" | "of")
            })
            .count();
        if let Some(len) = (1..=run).find(|&len| title_starting(gaz, tokens, i + len).is_some()) {
            body = Some(i..i + len);
            i += len;
        }
    }
    // "…, a sales vice president at Vantor,": one or two common words
    // that say which kind of the role, not whether it is held now.
    if prefix.is_none() && body.is_none() && title_starting(gaz, tokens, i).is_none() {
        // (Nouns and adjectives: "known as Duke of the Fens" is a name.)
        let modifier = |t: &Token| {
            t.form.chars().all(|c| c.is_ascii_lowercase())
                && matches!(t.upos, Upos::Noun | Upos::Adj)
                && !PAST_ROLE_WORDS.contains(&t.form.as_str())
        };
        if let Some(n) = (1..=2).find(|&n| {
            tokens
                .get(i..i + n)
                .is_some_and(|ws| ws.iter().all(modifier))
                && title_starting(gaz, tokens, i + n).is_some()
        }) {
            i += n;
        }
    }
    let (role, mut end) = title_starting(gaz, tokens, i)?;
    // "…, director of products at Telewest,", "senior advisor on mobile
    // media at Vantor": the role's portfolio, in lower case, before the
    // body it is held in.
    if matches!(
        tokens.get(end).map(|t| t.form.as_str()),
        Some("of" | "for" | "on")
    ) {
        let portfolio = (end + 1..tokens.len())
            .take(4)
            .take_while(|&k| {
                let form = tokens[k].form.as_str();
                form.chars().all(|c| c.is_lowercase() || c == '-') && form != "at"
            })
            .count();
        let at = end + 1 + portfolio;
        if portfolio > 0
            && tokens.get(at).is_some_and(|t| t.form == "at")
            && tokens
                .get(at + 1)
                .is_some_and(|t| t.form.chars().next().is_some_and(char::is_uppercase))
        {
            end = at;
        }
    }
    let mut prep_country = None;
    if matches!(tokens.get(end).map(|t| t.form.as_str()), Some("to" | "of")) {
        if let Some((c, cend)) = place_starting(gaz, text, tokens, end + 1) {
            prep_country = Some((c, end + 1..cend));
            end = cend;
        }
    }
    if prep_country.is_none()
        && matches!(
            tokens.get(end).map(|t| t.form.as_str()),
            Some("of" | "at" | "with" | "for")
        )
    {
        // "…, president of the Vantor Group,": a capitalised name, with
        // its "the", up to the end of the apposition.
        let mut start = end + 1;
        if tokens
            .get(start)
            .is_some_and(|t| t.form.eq_ignore_ascii_case("the"))
        {
            start += 1;
        }
        let name_end = (start..tokens.len())
            .take_while(|&k| {
                let form = tokens[k].form.as_str();
                form.chars().next().is_some_and(char::is_uppercase)
                    || matches!(form, "&" | "and" | "of" | "-")
            })
            .last()
            .map(|k| k + 1);
        if let Some(name_end) = name_end.filter(|&e| e > start) {
            body = Some(start..name_end);
            end = name_end;
            // "…, vice president at Vantor's Kessel unit,": the possessor
            // is the body; its unit's words run to the apposition's end.
            if tokens
                .get(end)
                .is_some_and(|t| matches!(t.form.as_str(), "'s" | "’s"))
            {
                end = (end + 1..tokens.len())
                    .take(5)
                    .take_while(|&k| tokens[k].form.chars().all(char::is_alphanumeric))
                    .last()
                    .map_or(end + 1, |k| k + 1);
            }
        }
    }
    // The apposition ends at punctuation or at a relative clause of its
    // own ("…, a Vantor analyst who follows the firm, said").
    // News also leaves out the closing comma before the verb of saying
    // ("Lind, a fund manager at Kessel Trust said ...").
    // But a verb of saying that ends the sentence makes the phrase the
    // speaker of what came before ("..., to Harlow and Kessel, a
    // spokesman for the Lind Federation said."): the name before the
    // comma ends the reported clause and holds no role.
    match tokens.get(end).map(|t| t.form.as_str()) {
        None | Some("," | "." | ";" | "who" | "which") => {}
        Some("said" | "says" | "told" | "added" | "warned" | "stated")
            if tokens[end + 1..]
                .iter()
                .any(|t| t.form.chars().any(char::is_alphanumeric))
                || opens_speaker_phrase(tokens, name_end) => {}
        _ => return None,
    }
    let mut title = make_title(role, prefix, prep_country, name_end..end);
    title.body = body;
    Some(title)
}

/// Whether the capitalised name ending at `name_end` opens its sentence or
/// follows a quotation ("“...,” Jan Brandt, a Vantor spokesman said."):
/// then it is the speaker's name, not the end of a reported clause.
fn opens_speaker_phrase(tokens: &[Token], name_end: usize) -> bool {
    let start = (0..name_end)
        .rev()
        .take_while(|&k| {
            let form = tokens[k].form.as_str();
            form.chars().next().is_some_and(char::is_uppercase) || form == "."
        })
        .last()
        .unwrap_or(name_end);
    start == 0
        || matches!(
            tokens[start - 1].form.as_str(),
            "\"" | "”" | "''" | "'" | "’"
        )
}

/// Puts a role together: with both a prefix and a `to|of` country, the
/// prefix is the affiliation; with one, that one is the country.
fn make_title(
    role: String,
    prefix: Option<(String, Range<usize>)>,
    prep_country: Option<(String, Range<usize>)>,
    tokens: Range<usize>,
) -> Title {
    let gender = names::title_gender(&role);
    let (country, affiliation) = match (prep_country, prefix) {
        (Some(c), Some(p)) if c.0 != p.0 => (Some(c), Some(p)),
        (Some(c), _) => (Some(c), None),
        // "U.S. Ambassador Jane Roe": the prefix is who sends her.
        (None, p) if is_envoy(&role) => (None, p),
        (None, p) => (p, None),
    };
    // "Sen. Ana Ruiz" is a senator, whom a later "the senator" names.
    let bare = role.trim_end_matches('.');
    let role = names::rank_in_full(bare).unwrap_or(bare).to_string();
    Title {
        role: Some(role),
        country,
        affiliation,
        gender,
        body: None,
        tokens,
        other_office: false,
        inner_modifier: None,
    }
}

/// Whether a role is sent to a country rather than held in it.
fn is_envoy(role: &str) -> bool {
    matches!(role, "ambassador" | "envoy")
}

/// The relation a role gives towards a country: an envoy is "ambassador to"
/// the host country and "ambassador of" the sending one (`affiliation`);
/// other roles are "<role> of".
pub(crate) fn relation(role: &str, affiliation: bool) -> String {
    if is_envoy(role) && !affiliation {
        format!("{role} to")
    } else {
        format!("{role} of")
    }
}

/// A role fact: `subject` holds `role` of/to `country` (document entity indices).
pub(crate) fn role_fact(subject: usize, relation: String, country: usize, sentence: usize) -> Fact {
    role_fact_to(subject, relation, Argument::Entity(country), sentence)
}

/// Where the phrase of a title before a name starts once the words that
/// make its role more precise are added: nouns, capitalised adjectives and
/// role modifiers right before it that `covered` (a name) does not claim ("Home"
/// Secretary, "Regional Transport" Commissioner, "shadow transport" secretary). An
/// apposition's title is left as it is.
pub(crate) fn role_phrase_start(
    title: &Title,
    tokens: &[Token],
    covered: impl Fn(usize) -> bool,
) -> usize {
    let mut start = title.tokens.start;
    if tokens.get(start).is_some_and(|t| t.form == ",") {
        return start;
    }
    while start > 0 {
        let before = &tokens[start - 1];
        // A lower-case adjective judges rather than names ("beleaguered
        // press secretary"); a capitalised one is part of the title
        // ("Appeal Court Judge").
        let capitalised = before.form.chars().next().is_some_and(char::is_uppercase);
        let joins = matches!(before.upos, Upos::Noun | Upos::Propn)
            || before.upos == Upos::Adj && capitalised
            || names::is_role_modifier(&before.form);
        if !joins || covered(start - 1) || before.form.ends_with("'s") {
            break;
        }
        // "first-choice striker", "point-to-point jockey": a modifier
        // written with hyphens joins whole, or the role would read "choice
        // striker".
        let word = hyphen_word_start(tokens, start - 1);
        if (word..start).any(&covered) {
            break;
        }
        start = word;
    }
    start
}

/// Where a body's name may end before a role phrase starting at `start`:
/// judging adjectives that no name (`covered`) claims may stand between
/// them ("Lind's beleaguered press secretary").
pub(crate) fn before_judging_adjectives(
    start: usize,
    tokens: &[Token],
    covered: impl Fn(usize) -> bool,
) -> usize {
    let mut before = start;
    while before > 0 && tokens[before - 1].upos == Upos::Adj && !covered(before - 1) {
        before -= 1;
    }
    before
}

/// The role's name: the title's role with the words from `start` up to
/// the title ("shadow transport secretary"), lower case.
pub(crate) fn role_label(role: &str, title: &Title, start: usize, tokens: &[Token]) -> String {
    if start >= title.tokens.start {
        return role.to_string();
    }
    format!("{} {role}", lower_words(&tokens[start..title.tokens.start]))
}

/// The role a title names when it names no country or body ("Secretary of
/// State Ana Ruiz"): "be" the role, as a concept.
pub(crate) fn title_fact(subject: usize, label: String, sentence: usize) -> Fact {
    let head = label.rsplit(' ').next().unwrap_or(&label).to_string();
    role_fact_to(
        subject,
        "be".to_string(),
        Argument::Concept { label, head },
        sentence,
    )
}

pub(crate) fn role_fact_to(
    subject: usize,
    relation: String,
    object: Argument,
    sentence: usize,
) -> Fact {
    Fact {
        subject: Argument::Entity(subject),
        relation,
        stance: Some(Stance::Role),
        object,
        negated: false,
        modality: Modality::Asserted,
        modal: None,
        condition: None,
        attributed_to: None,
        confidence: 0.9,
        sentence,
        pattern: Pattern::Title,
        object_inside: None,
    }
}

#[cfg(test)]
#[allow(clippy::expect_used)] // a failed expectation is a failed test
mod tests {
    use super::*;
    use crate::tests::tokens as toks;

    fn index(tokens: &[Token], form: &str) -> usize {
        tokens
            .iter()
            .position(|t| t.form == form)
            .unwrap_or(usize::MAX)
    }

    #[test]
    fn ambassador_to_with_affiliation() {
        let g = Gazetteer::default();
        let text = "U.S. Ambassador to Mexico Ronald Johnson said so.";
        let t = toks(text);
        let title = title_before(&g, text, &t, index(&t, "Ronald")).expect("a title");
        assert_eq!(title.role.as_deref(), Some("ambassador"));
        assert_eq!(title.country.map(|c| c.0).as_deref(), Some("Mexico"));
        assert_eq!(
            title.affiliation.map(|c| c.0).as_deref(),
            Some("United States")
        );
        assert_eq!(title.tokens.start, 0);
    }

    #[test]
    fn demonym_president_and_multiword_title() {
        let g = Gazetteer::default();
        let text = "Mexican President Claudia Sheinbaum met Secretary of State Marco Rubio.";
        let t = toks(text);
        let a = title_before(&g, text, &t, index(&t, "Claudia")).expect("a title");
        assert_eq!(a.role.as_deref(), Some("president"));
        assert_eq!(a.country.map(|c| c.0).as_deref(), Some("Mexico"));
        let b = title_before(&g, text, &t, index(&t, "Marco")).expect("a title");
        assert_eq!(b.role.as_deref(), Some("secretary of state"));
        assert_eq!(b.country, None);
        assert_eq!(
            relation("secretary of state", false),
            "secretary of state of"
        );
    }

    #[test]
    fn apposition_and_courtesy() {
        let g = Gazetteer::default();
        let text = "Jane Roe, Canada's ambassador to France, spoke with Mr. Smith.";
        let t = toks(text);
        let a = title_after(&g, text, &t, index(&t, "Roe") + 1).expect("an apposition");
        assert_eq!(a.role.as_deref(), Some("ambassador"));
        assert_eq!(a.country.map(|c| c.0).as_deref(), Some("France"));
        assert_eq!(a.affiliation.map(|c| c.0).as_deref(), Some("Canada"));
        let m = title_before(&g, text, &t, index(&t, "Smith")).expect("courtesy");
        assert_eq!((m.role, m.gender), (None, Some(Gender::Male)));
        // No title before an ordinary word.
        assert_eq!(title_before(&g, text, &t, index(&t, "spoke")), None);
    }

    #[test]
    fn a_trailing_speaker_is_no_apposition_of_the_name_before_it() {
        let g = Gazetteer::default();
        // The verb of saying ends the sentence: the phrase speaks, and
        // Kessel only ends what is reported.
        let text = "Vantor sold the mill to Kessel, a spokesman for Harlow said.";
        let t = toks(text);
        assert_eq!(title_after(&g, text, &t, index(&t, "Kessel") + 1), None);
        // The same words opening the sentence, or after a quotation, name
        // the speaker.
        let text = "Jan Kessel, a spokesman for Harlow said.";
        let t = toks(text);
        assert!(title_after(&g, text, &t, index(&t, "Kessel") + 1).is_some());
        let text = "\"We sold it,\" Jan Kessel, a spokesman for Harlow said.";
        let t = toks(text);
        assert!(title_after(&g, text, &t, index(&t, "Kessel") + 1).is_some());
    }

    #[test]
    fn two_word_demonyms_name_their_own_country() {
        // "African" alone is Africa's; "South African" is South Africa's,
        // before the name and in an apposition, also for an occupation.
        let g = Gazetteer::default();
        let text = "South African referee Jan Brandt met Ana Ruiz, the South African lawyer.";
        let t = toks(text);
        let a = title_before(&g, text, &t, index(&t, "Jan")).expect("a title");
        assert_eq!(a.role.as_deref(), Some("referee"));
        assert_eq!(a.country.map(|c| c.0).as_deref(), Some("South Africa"));
        assert_eq!(a.tokens.start, 0);
        let b = title_after(&g, text, &t, index(&t, "Ruiz") + 1).expect("an apposition");
        assert_eq!(b.role.as_deref(), Some("lawyer"));
        assert_eq!(b.country.map(|c| c.0).as_deref(), Some("South Africa"));
    }
}
