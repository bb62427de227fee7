//! Step 2 of the recognizer: the gazetteer and the shapes of names correct
//! and complete what the model found. Spans are split at figures and small
//! words and trimmed; exact gazetteer names take their type and missed known
//! names are added; capitalised runs ending in "Ministry" or "Cup" are
//! organisations or events; unknown acronyms are organisations; words built
//! on places ("New York-based") are MISC; persons take in given names,
//! initials and particles; neighbouring MISC names join.
//!
//! Why here and not in the model: the model learns from web text, where
//! these shapes are rare; the rules are general English and need no data.

use super::shapes::{is_particle_name, opens_sentence};
use super::{Found, Recognizer};
use crate::names::{is_month, is_weekday};
use crate::{EntityLabel, Gazetteer};

impl Recognizer {
    /// "But Labour", "If the Kessel Council", "When Vantor": a conjunction
    /// or subordinator opening the sentence (or its quote) is capitalised
    /// for its place, and no name of people, places or organisations opens
    /// with one. Run last: the passes that grow names over capitalised
    /// words would take it back.
    /// So does a preposition opening the sentence before a name of two
    /// words or more ("For Vantor Associates, the deal ..."), unless the
    /// gazetteer knows the whole name; works keep theirs ("For Your Eyes
    /// Only").
    pub(super) fn strip_opening_conjunctions(&self, doc: &[Vec<&str>], found: &mut [Found]) {
        let wordy = |w: &str| w.chars().any(char::is_alphabetic);
        for f in found.iter_mut() {
            let words = &doc[f.sentence];
            let opening = words[..f.start].iter().all(|w| !wordy(w));
            // (Before a capitalised word: "A/S" is a legal form.)
            let preposition = f.end - f.start >= 3
                && f.label != EntityLabel::Misc
                && crate::names::is_clause_opener(words[f.start])
                && words[f.start + 1].starts_with(char::is_uppercase)
                && self
                    .gazetteer
                    .lookup(&words[f.start..f.end].join(" "))
                    .is_none();
            if f.end - f.start >= 2
                && opening
                && (crate::names::is_clause_conjunction(words[f.start]) || preposition)
            {
                f.start += 1;
                // "In January the Senate", "On Friday Cyacq Corp": the
                // preposition's date goes with it.
                let dated = |w: &str| {
                    preposition && (crate::names::is_weekday(w) || crate::names::is_month(w))
                };
                while f.end - f.start >= 2
                    && (matches!(words[f.start], "the" | "a" | "an" | "The")
                        || dated(words[f.start]))
                {
                    f.start += 1;
                }
            }
        }
    }

    /// Step 2a: a leading "The" is not part of a name, and a person span that
    /// starts with a country ("Ambassador to Mexico Ronald Johnson") is two names.
    /// A person or place span with a figure, a punctuation mark or a small
    /// word inside ("D. Ollander 67 ; J. Penwick 2-30", "Farrand b Okafor") is
    /// two names, as in scorecards and lists.
    pub(super) fn repair_spans(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        split_at_breaks(doc, found);
        let mut extra = Vec::new();
        let wordy = |w: &str| w.chars().any(char::is_alphabetic);
        for f in found.iter_mut() {
            let words = &doc[f.sentence];
            // Names start with a letter-bearing word, not "The", a quote or a
            // date, and end with a capitalised word ("US military" → "US").
            while f.start < f.end
                && (!wordy(words[f.start]) || (f.end - f.start >= 2 && words[f.start] == "The"))
            {
                f.start += 1;
            }
            // "Perhaps Ola Lind", "Clearly Ana Ruiz": an adverb opening the
            // sentence is capitalised for its place, not for the name.
            if f.start == 0
                && f.end >= 2
                && crate::names::is_sentence_adverb(words[0], |w| self.gazetteer.is_given_name(w))
            {
                f.start = 1;
            }
            while f.end > f.start && (!wordy(words[f.end - 1]) || is_lower_word(words[f.end - 1])) {
                f.end -= 1;
            }
            if f.start == f.end {
                continue;
            }
            // The rest is a person when the model said so or it opens with a
            // given name.
            let rest_is_person = |n: usize| {
                f.label == EntityLabel::Person || self.gazetteer.is_given_name(words[f.start + n])
            };
            if let Some((n, e)) = self.gazetteer.longest_match(&words[f.start..f.end]) {
                if e.subtype.as_deref() == Some("Country")
                    && n < f.end - f.start
                    && rest_is_person(n)
                {
                    f.label = EntityLabel::Person;
                    extra.push(Found {
                        sentence: f.sentence,
                        start: f.start,
                        end: f.start + n,
                        label: EntityLabel::Place,
                    });
                    f.start += n;
                }
            }
        }
        found.retain(|f| f.start < f.end);
        found.extend(extra);
    }

    /// Step 2b: gazetteer types, missed known names, demonyms as MISC.
    pub(super) fn apply_gazetteer(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let g = &self.gazetteer;
        for f in found.iter_mut() {
            let words = &doc[f.sentence][f.start..f.end];
            if words.len() <= 2 {
                // "Mexican", "South Korean", "European", "Muslim": MISC.
                if g.demonym(&words.join(" ")).is_some() {
                    f.label = EntityLabel::Misc;
                    continue;
                }
            }
            if let Some(entry) = g.lookup(&words.join(" ")) {
                let country = entry.subtype.as_deref() == Some("Country");
                let one_word_org =
                    entry.label == EntityLabel::Organization && !self.is_common_word(words[0]);
                if country || words.len() >= 2 || is_acronym(words[0]) || one_word_org {
                    f.label = entry.label;
                }
            }
        }
        for (s, words) in doc.iter().enumerate() {
            let headline = is_headline(words);
            let mut covered = covered(found, s, words.len());
            let mut i = 0;
            while i < words.len() {
                if covered[i] || !is_capitalised(words[i]) {
                    i += 1;
                    continue;
                }
                if let Some((len, entry)) = g.longest_match(&words[i..]) {
                    let free = !covered[i..i + len].iter().any(|c| *c);
                    let country = entry.subtype.as_deref() == Some("Country");
                    let acronym = len == 1 && !headline && is_acronym(words[i]);
                    // One-word organisation names ("Sony", "Nissan"),
                    // unless the word is also a common word ("Shell",
                    // "Apple") capitalised for its place at the start of
                    // the sentence; inside it the capital says name ("the
                    // Fed said").
                    let one_word_org = len == 1
                        && entry.label == EntityLabel::Organization
                        && !headline
                        && (!self.is_common_word(words[i]) || !opens_sentence(words, i));
                    if free && (country || len >= 2 || acronym || one_word_org) {
                        found.push(Found {
                            sentence: s,
                            start: i,
                            end: i + len,
                            label: entry.label,
                        });
                        covered[i..i + len].iter_mut().for_each(|c| *c = true);
                        i += len;
                        continue;
                    }
                }
                let pair =
                    (i + 2 <= words.len() && !covered[i + 1]).then(|| words[i..i + 2].join(" "));
                let n = match pair {
                    Some(p) if g.demonym(&p).is_some() => 2,
                    _ if g.demonym(words[i]).is_some() => 1,
                    _ => 0,
                };
                if n > 0 {
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + n,
                        label: EntityLabel::Misc,
                    });
                    covered[i..i + n].iter_mut().for_each(|c| *c = true);
                }
                i += n.max(1);
            }
        }
    }

    /// Step 2c: a capitalised run that ends in an organisation word ("U.S.
    /// Customs and Border Protection", "New York Times"), opens with one
    /// followed by "of" ("Department of Defense"), or holds an institution's
    /// head followed by "of" ("Kessel and Lind Museum of Art") is one
    /// organisation name,
    /// and one that ends in an event word ("World Cup") is MISC; either
    /// replaces whatever the model found inside it.
    pub(super) fn find_organisations(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate() {
            let mut i = 0;
            while i < words.len() {
                let end = capitalised_run(words, i);
                if end == i {
                    i += 1;
                    continue;
                }
                let start = if words[i] == "The" { i + 1 } else { i };
                // A name needs two words after a leading "The". A run that is
                // only "The" (as in "We watched The", issue 9 item 8) has
                // `start == end`, and `start` may be one past the sentence.
                if end - start < 2 {
                    i = end;
                    continue;
                }
                let org_word =
                    |k: usize| self.gazetteer.is_org_word(words[k]) && is_capitalised(words[k]);
                // "Shares of Kessel Holdings": a common word capitalised
                // only because it opens the sentence, with its "of", is
                // no part of the name after it.
                let start = if words.get(start + 1) == Some(&"of")
                    && end - start > 3
                    && super::shapes::opens_sentence(words, start)
                    && self.is_common_word(words[start])
                    && !org_word(start)
                    && !self.gazetteer.is_institution_head(words[start])
                {
                    start + 2
                } else {
                    start
                };
                let ends_in_org = org_word(end - 1);
                let opens_with_org = org_word(start) && words.get(start + 1) == Some(&"of");
                // "Kessel and Lind Museum of Art", "Vantor Academy of Music": an
                // institution's head with its "of" inside the run, the run's
                // first "of" ("Ana Ruiz of Kessel Bank of Oslo" is a person
                // and a bank), no person's name opening it (a signature's
                // "Ana Ruiz Department of Finance"), and no common word
                // opening it ("But the Kessel Academy of Arts").
                let first_of = (start..end).find(|&k| words[k] == "of");
                let opens_with_person = found
                    .iter()
                    .any(|f| f.sentence == s && f.label == EntityLabel::Person && f.start == start);
                let holds_institution = !opens_with_person
                    && first_of.is_some_and(|o| {
                        o > start + 1
                            && (org_word(o - 1) || self.gazetteer.is_institution_head(words[o - 1]))
                            && !crate::names::is_clause_opener(words[start])
                    });
                let event = self.gazetteer.is_event_word(words[end - 1]);
                // "Jan Brandt Drive", "Kessel Motorway": a road or a bridge,
                // though a person's or a body's name opens it.
                let built_place = self.gazetteer.is_place_word(words[end - 1])
                    && !holds_institution
                    && !opens_with_org;
                let label = if event {
                    EntityLabel::Misc
                } else if built_place {
                    EntityLabel::Place
                } else {
                    EntityLabel::Organization
                };
                // "West Bank" ends in "Bank" but is a known place.
                let place = self
                    .gazetteer
                    .lookup(&words[start..end].join(" "))
                    .is_some_and(|e| e.label == EntityLabel::Place);
                // The place's name starts after the run's last small word
                // ("Traffic on Jan Brandt Drive") and after a common word
                // capitalised only because it opens the sentence ("For
                // Harlow Road").
                let start = if built_place {
                    let after_small = (start..end)
                        .rev()
                        .find(|&k| !is_capitalised(words[k]))
                        .map_or(start, |k| k + 1);
                    if super::shapes::opens_sentence(words, after_small)
                        && self.is_common_word(words[after_small])
                    {
                        after_small + 1
                    } else {
                        after_small
                    }
                } else {
                    start
                };
                if (ends_in_org || opens_with_org || holds_institution || event || built_place)
                    && !place
                    && end - start >= 2
                {
                    let start = if ends_in_org {
                        self.possessive_opening(doc, found, s, start)
                    } else {
                        start
                    };
                    // "Jan Brandt of Tollund Bank": a person's name before
                    // the run's first "of" is the person, of the body after.
                    let start = match first_of {
                        Some(o)
                            if ends_in_org
                                && o >= start + 2
                                && o <= start + 3
                                && o + 1 < end
                                && self.gazetteer.is_given_name(words[start])
                                && !org_word(o - 1)
                                && !self.gazetteer.is_institution_head(words[o - 1]) =>
                        {
                            o + 1
                        }
                        _ => start,
                    };
                    Found {
                        sentence: s,
                        start,
                        end,
                        label,
                    }
                    .replace_overlapping(found);
                }
                i = end;
            }
        }
    }

    /// Step 2e: words built on a place or people are MISC in the CoNLL
    /// conventions, not the place itself: "Lima-based", "Peruvian-born",
    /// "ex-Mexico", "Franco-German"; so are currencies written "C$", "A$".
    pub(super) fn find_place_compounds(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate() {
            for (i, w) in words.iter().enumerate() {
                let currency = w.len() <= 3
                    && w.ends_with('$')
                    && w[..w.len() - 1].chars().all(|c| c.is_ascii_uppercase())
                    && w.len() >= 2;
                let head = if let Some(rest) = w.strip_prefix("ex-") {
                    Some(rest)
                } else {
                    w.rsplit_once('-')
                        .filter(|(_, tail)| crate::names::PLACE_COMPOUND_TAILS.contains(tail))
                        .map(|(head, _)| head)
                };
                // The head may close a two-word name ("New York-based").
                let (start, known) = match head {
                    Some(h) if is_capitalised(h) => {
                        let one = self.gazetteer.lookup(h).is_some()
                            || self.gazetteer.demonym(h).is_some();
                        let two = i > 0
                            && is_capitalised(words[i - 1])
                            && self
                                .gazetteer
                                .lookup(&format!("{} {h}", words[i - 1]))
                                .is_some();
                        if two {
                            (i - 1, true)
                        } else {
                            (i, one)
                        }
                    }
                    _ => (i, false),
                };
                if currency || known {
                    found.retain(|f| f.sentence != s || f.end <= start || f.start > i);
                    found.push(Found {
                        sentence: s,
                        start,
                        end: i + 1,
                        label: EntityLabel::Misc,
                    });
                }
            }
        }
    }

    /// Step 2d: an unknown acronym in running text ("ZQXB", "QRST") names an
    /// organisation far more often than anything else in news; the model,
    /// trained on web text, leaves most of them out. Headlines and tables
    /// in capitals are skipped (every word looks like an acronym there).
    pub(super) fn find_acronyms(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate() {
            if is_headline(words) {
                continue;
            }
            let covered = covered(found, s, words.len());
            for (i, w) in words.iter().enumerate() {
                if !covered[i]
                    && is_acronym(w)
                    && !is_roman_numeral(w)
                    && self.gazetteer.lookup(w).is_none()
                    && !self.is_common_word(w)
                {
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + 1,
                        label: EntityLabel::Organization,
                    });
                }
            }
        }
    }

    /// Whether a capitalised word is an ordinary word ("The", "Good",
    /// "Reading", shouted "FREE") rather than a name: the cluster table
    /// knows its lower-case form outside the branch of the hierarchy that
    /// holds names. In this table names, even written in lower case, sit
    /// under the path prefix `011` ("sony", "nissan", "nato", "smith");
    /// common words sit elsewhere ("the" 1101, "good" 1110, "free" 0101).
    pub(super) fn is_common_word(&self, word: &str) -> bool {
        self.clusters
            .get(&word.to_lowercase())
            .is_some_and(|path| !path.starts_with(NAME_BRANCH))
    }
}

/// The end of the run of capitalised words starting at `i` (joined by "of",
/// "and", "for", "&", "the", "on"); `i` when `words[i]` is not capitalised.
fn capitalised_run(words: &[&str], i: usize) -> usize {
    if !is_capitalised(words[i]) {
        return i;
    }
    let mut end = i + 1;
    while end < words.len() {
        if is_capitalised(words[end]) {
            end += 1;
        } else if matches!(words[end], "'" | "’")
            && words[end - 1].ends_with('s')
            && words.get(end + 1).is_some_and(|w| is_capitalised(w))
        {
            // "Tollund Farmers' Federation": a plural's possessive mark
            // inside a name.
            end += 2;
        } else if matches!(words[end], "of" | "and" | "for" | "&" | "the" | "on")
            && words.get(end + 1).is_some_and(|w| {
                // "... on Monday", "... of May": a date is no part of a name.
                is_capitalised(w) && !crate::names::is_time_noun(&w.to_lowercase())
            })
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// The Brown-cluster path prefix under which the shipped table puts names.
const NAME_BRANCH: &str = "011";

/// Particles inside person names ("Lucinda de Varga", "van der Kolk").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "du", "van", "von", "der", "den", "del", "la", "le", "bin",
    "ibn",
];

/// Step 2f: a person's name takes in a given name or an initial before it
/// ("Ronald Johnson", "K. Moreno", "R.J. Tansley") and lower-case particles
/// with the capitalised name before them ("Lucinda de Varga", "Pieter van der
/// Kolk"), which the model, not having seen many such names, cuts off.
pub(super) fn extend_person_names(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
    is_common_word: impl Fn(&str) -> bool,
) {
    let taken: Vec<(usize, usize, usize)> =
        found.iter().map(|f| (f.sentence, f.start, f.end)).collect();
    let free = |s: usize, k: usize| !taken.iter().any(|&(t, a, b)| t == s && a <= k && k < b);
    // A capitalised word that may open a person's name: no title, month,
    // common word or known place, people or organisation. Letters only, or
    // parts of letters joined by hyphens, each with a lower-case letter and
    // a given name or no common word ("Mary-Kate", "Jean-Claude", "Ji-hoon",
    // read as one word; not a headline's "SPORT-NAME", nor "Half-Blood"
    // before a misread "Prince").
    let may_open = |w: &str| {
        is_capitalised(w)
            && if w.contains('-') {
                w.split('-').all(|part| {
                    part.chars().all(char::is_alphabetic)
                        && part.chars().any(char::is_lowercase)
                        && (gazetteer.is_given_name(part) || !is_common_word(part))
                })
            } else {
                w.chars().all(char::is_alphabetic)
            }
            && !is_honorific(w, gazetteer)
            && !is_common_word(w)
            && gazetteer.lookup(w).is_none_or(|e| {
                // A given name that is also a town's ("Clayton", "Austin"),
                // though not a country's or region's, still opens a name.
                gazetteer.is_given_name(w)
                    && e.label == EntityLabel::Place
                    && !matches!(e.subtype.as_deref(), Some("Country" | "Region"))
            })
            && gazetteer.demonym(w).is_none()
    };
    for f in found.iter_mut().filter(|f| f.label == EntityLabel::Person) {
        let words = &doc[f.sentence];
        let mut start = f.start;
        while start > 0 && NAME_PARTICLES.contains(&words[start - 1]) {
            start -= 1;
        }
        // With the given name before the particles, when it is capitalised.
        if start < f.start
            && start > 0
            && is_capitalised(words[start - 1])
            && free(f.sentence, start - 1)
        {
            start -= 1;
        }
        // A given name the model left out ("Ronald" before "Johnson"), or a
        // name-like word right before a one-word name ("Tobias Quenell").
        while start > 0
            && free(f.sentence, start - 1)
            && (gazetteer.is_given_name(words[start - 1]) || f.end - start == 1)
            && may_open(words[start - 1])
        {
            start -= 1;
        }
        while start > 0
            && is_initial(words[start - 1])
            && (words[start - 1].len() == 2 || gazetteer.lookup(words[start - 1]).is_none())
            && free(f.sentence, start - 1)
        {
            start -= 1;
        }
        f.start = start;
        // "Abdullah bin Zayed al-Nahyan": a surname joined to its particle
        // ("al-", "el-", one word here) after the name the model found.
        if f.end < words.len() && is_particle_name(words[f.end]) && free(f.sentence, f.end) {
            f.end += 1;
        }
        // "M." alone: the surname after it.
        while f.end < words.len()
            && words[f.start..f.end].iter().all(|w| is_initial(w))
            && is_capitalised(words[f.end])
            && !is_initial(words[f.end])
            && free(f.sentence, f.end)
        {
            f.end += 1;
        }
    }
    join_touching_persons(found);
}

/// Step 2f, family name first: a capitalised word and a romanised given
/// name of two syllables joined by a hyphen after it ("Park Ji-hoon",
/// "Tam Wing-kei", "Oh Min-ji") are one person, and a Vietnamese name
/// takes the given name after its middle name ("Pham Thi Lan"). Korean, Cantonese and
/// Taiwanese names are written so in English news, the family name first;
/// the model, which saw few of them, cuts the name after the family name
/// or misses it. A Person span ending at the family name takes the given
/// name in; a free family name and given name become a Person. The family
/// name may be a common word ("Park", "Song", "Oh"); it may not be a
/// title, a month or weekday, or a name of another kind.
pub(super) fn join_family_name_first(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
    is_common_word: impl Fn(&str) -> bool,
) {
    for (s, words) in doc.iter().enumerate() {
        for k in 1..words.len() {
            if !is_romanised_given_name(words[k], &is_common_word) {
                continue;
            }
            let at = |i: usize| span_at(found, s, i);
            let family = words[k - 1];
            let fits = is_capitalised(family)
                && !crate::names::is_clause_opener(family)
                && family.chars().all(char::is_alphabetic)
                && family.chars().count() <= 7
                && !is_honorific(family, gazetteer)
                && gazetteer
                    .lookup(family)
                    .is_none_or(|e| e.label == EntityLabel::Person);
            match (at(k - 1), at(k)) {
                (Some(p), None) if found[p].label == EntityLabel::Person && found[p].end == k => {
                    found[p].end = k + 1;
                }
                (None, Some(g))
                    if found[g].label == EntityLabel::Person && found[g].start == k && fits =>
                {
                    found[g].start = k - 1;
                }
                (None, None) if fits => found.push(Found {
                    sentence: s,
                    start: k - 1,
                    end: k + 1,
                    label: EntityLabel::Person,
                }),
                _ => {}
            }
        }
    }
    // "Pham Thi Lan", "Tran Van Duc": a Vietnamese middle name ("Thi" for
    // women, "Van" for men) is never the end of a name; the given name
    // after it is part of it.
    // ("Thi" is only ever a Vietnamese middle name: a span of three words
    // around it is a person, whatever the model typed it.)
    for f in found.iter_mut() {
        let words = &doc[f.sentence][f.start..f.end];
        if words.len() == 3 && words[1] == "Thi" && words.iter().all(|w| is_capitalised(w)) {
            f.label = EntityLabel::Person;
        }
    }
    for f in found.iter_mut().filter(|f| f.label == EntityLabel::Person) {
        let words = &doc[f.sentence];
        let closes_middle = f.end - f.start >= 2 && matches!(words[f.end - 1], "Thi" | "Van");
        if closes_middle
            && f.end < words.len()
            && is_capitalised(words[f.end])
            && words[f.end].chars().all(char::is_alphabetic)
            && !is_honorific(words[f.end], gazetteer)
        {
            f.end += 1;
        }
    }
    join_touching_persons(found);
}

/// Whether `word` has the shape of a romanised East Asian given name: two
/// syllables joined by a hyphen, the first capitalised, the second in
/// small letters, each one syllable of the romanisations (consonants, one
/// run of vowels, consonants; the first of at most five letters: "Ji-hoon",
/// "Wing-kei", "Seo-jun", "Min-ji"). English compounds of that shape have a word of more
/// syllables on one side ("Tansford-based", "Harlow-style", "Europe-wide")
/// or open with a common word ("Follow-up", "Year-end", "Co-op").
pub(super) fn is_romanised_given_name(word: &str, is_common_word: impl Fn(&str) -> bool) -> bool {
    let Some((first, second)) = word.split_once('-') else {
        return false;
    };
    // (A word of English glued on by a dash written as a hyphen is none:
    // "Lind-has called".)
    const ENGLISH: &[&str] = &[
        "has", "had", "have", "is", "was", "are", "were", "the", "and", "but", "who", "which",
        "he", "she", "it", "they", "we", "not", "as", "at", "of", "to",
    ];
    first.chars().count() <= 5
        && !ENGLISH.contains(&second)
        && is_romanised_syllable(first)
        && is_romanised_syllable(second)
        && first.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && first.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && second.chars().all(|c| c.is_ascii_lowercase())
        && !is_common_word(first)
}

/// Whether `word` is one syllable of one to six ASCII letters: one run of
/// vowels, "y" a vowel after the first letter.
fn is_romanised_syllable(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    if !(1..=6).contains(&letters.len()) || !letters.iter().all(char::is_ascii_alphabetic) {
        return false;
    }
    let vowel = |i: usize| {
        let c = letters[i].to_ascii_lowercase();
        matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') || (c == 'y' && i > 0)
    };
    let runs = (0..letters.len())
        .filter(|&i| vowel(i) && (i == 0 || !vowel(i - 1)))
        .count();
    runs == 1
}

/// "Mayor of Tansford Ola Lind", "Governor of Harlow Province Jan
/// Brandt": after a title and "of", the place and the holder's name touch,
/// and the model reads them as one place or stops at the place. The last
/// two words of such a place, or the two free words right after it, are
/// the person when they look like a given name and a surname: the first a
/// known given name or an unknown word that is no common word, neither a
/// word of a region's name ("Province", "County") nor a known place.
pub(super) fn split_title_place_person(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
    is_common_word: impl Fn(&str) -> bool,
) {
    let free_word = |w: &str| {
        is_capitalised(w)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
            && !crate::names::is_region_word(w)
            && gazetteer
                .lookup(w)
                .is_none_or(|e| e.label == EntityLabel::Person)
    };
    // (A particle opens no given name: "San Tomas Del Monte".)
    let given = |w: &str| {
        let lower = w.to_lowercase();
        free_word(w)
            && !NAME_PARTICLES.contains(&lower.as_str())
            && !matches!(lower.as_str(), "al" | "el" | "les" | "los" | "las")
            && (gazetteer.is_given_name(w) || !is_common_word(w) && !is_honorific(w, gazetteer))
    };
    let mut people: Vec<Found> = Vec::new();
    for f in found.iter_mut().filter(|f| f.label == EntityLabel::Place) {
        let words = &doc[f.sentence];
        let after_title = f.start >= 2
            && words[f.start - 1] == "of"
            && gazetteer.is_title(&words[f.start - 2].to_lowercase());
        if !after_title {
            continue;
        }
        let name_at = |k: usize| k + 1 < words.len() && given(words[k]) && free_word(words[k + 1]);
        // Inside the span, the words before the name must still name a
        // known place, or the name open with a known given name ("Harlow
        // Kessel Land" is a firm's name, no place and person); an honorific
        // between them goes with neither ("of Oslo Dr Rowan Lind").
        let mut place_end = f.end.saturating_sub(2).max(f.start);
        while place_end > f.start && is_honorific(words[place_end - 1], gazetteer) {
            place_end -= 1;
        }
        let place = words[f.start..place_end].join(" ");
        // ("New York Land", a firm: "York" goes on a known place's name.)
        let longer_place = || words[f.start..f.end - 1].join(" ");
        let splits = f.end - f.start >= 3
            && place_end > f.start
            && name_at(f.end - 2)
            && gazetteer
                .lookup(&longer_place())
                .is_none_or(|e| e.label != EntityLabel::Place)
            && (gazetteer.is_given_name(words[f.end - 2])
                || gazetteer
                    .lookup(&place)
                    .is_some_and(|e| e.label == EntityLabel::Place));
        if splits {
            people.push(Found {
                sentence: f.sentence,
                start: f.end - 2,
                end: f.end,
                label: EntityLabel::Person,
            });
            f.end = place_end;
        } else if name_at(f.end) {
            people.push(Found {
                sentence: f.sentence,
                start: f.end,
                end: f.end + 2,
                label: EntityLabel::Person,
            });
        }
    }
    for p in people {
        let taken = found
            .iter()
            .any(|f| f.sentence == p.sentence && f.start < p.end && p.start < f.end);
        if !taken {
            found.push(p);
        }
    }
    found.sort_by_key(|f| (f.sentence, f.start));
}

/// "Minister of Industry and Trade Jan Kessel", "Chancellor of the
/// Exchequer Ola Lind", "Under-Secretary of State for Fisheries Ana
/// Ruiz": after a title and "of" or "for", the office's department and its
/// holder's name touch, and the model reads the last department words and
/// the name as one name ("Trade Jan Kessel", a person; "Exchequer Ola
/// Lind", an organisation). Department words are common words written
/// with a capital; a name is not: a span that opens with common words and
/// ends in two or three words that are no common words, or that a known
/// given name opens, is the person alone (with a known given name, also
/// after department words the table does not know: "the Exchequer").
pub(super) fn split_title_department_person(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
    is_common_word: impl Fn(&str) -> bool,
) {
    let department_word = |w: &str| {
        matches!(w, "and" | "of" | "the" | "for" | "&")
            || is_capitalised(w) && is_common_word(w) && !gazetteer.is_given_name(w)
    };
    // (No word the gazetteer knows as a place or people's name: "the West
    // German Ifo-Institut" holds no person "German Ifo-Institut".)
    let name_word = |w: &str| {
        is_capitalised(w)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '\'' | '-' | '.'))
            && gazetteer
                .lookup(w)
                .is_none_or(|e| e.label == EntityLabel::Person)
            && crate::names::country(gazetteer, w).is_none()
            && gazetteer.demonym(w).is_none()
    };
    let mut bodies = Vec::new();
    for f in found.iter_mut() {
        let words = &doc[f.sentence];
        // Back from the span over the department's other words to "of" or
        // "for" after a title.
        let mut k = f.start;
        let mut after_title = false;
        // ("Under-Secretary": the title is the word after the hyphen.)
        let title = |w: &str| {
            let lower = w.to_lowercase();
            gazetteer.is_title(&lower)
                || gazetteer.is_title(crate::names::after_last_hyphen(&lower))
        };
        while k >= 2 {
            let w = words[k - 1];
            if matches!(w, "of" | "for") && title(words[k - 2]) {
                after_title = true;
                break;
            }
            if !department_word(w) {
                break;
            }
            k -= 1;
        }
        if !after_title {
            continue;
        }
        // The name: its first word a known given name or no common word,
        // the others no common words ("New York Futures Exchange" is no
        // department before a "York Futures Exchange").
        let split = (f.start + 1..f.end).find(|&p| {
            let given = gazetteer.is_given_name(words[p]);
            (2..=3).contains(&(f.end - p))
                && words[p..f.end].iter().all(|w| name_word(w))
                && !is_initial(words[p])
                && (given || !is_common_word(words[p]))
                && words[p + 1..f.end]
                    .iter()
                    .all(|w| !is_common_word(w) && !gazetteer.is_org_word(w))
                && (words[f.start..p].iter().all(|w| department_word(w))
                    || given
                        && words[f.start..p]
                            .iter()
                            .all(|w| is_capitalised(w) && !gazetteer.is_given_name(w)))
        });
        if let Some(p) = split {
            // "Chairman of the Stock Exchange of Tansford Ola Lind": a
            // department that is a body of its own stays a name.
            if f.label == EntityLabel::Organization
                && words[f.start..p].iter().any(|w| gazetteer.is_org_word(w))
            {
                bodies.push(Found {
                    sentence: f.sentence,
                    start: f.start,
                    end: p,
                    label: EntityLabel::Organization,
                });
            }
            f.start = p;
            f.label = EntityLabel::Person;
        }
    }
    found.extend(bodies);
}

/// A given name that is also a place's ("Israel", "Jordan", "India",
/// "Chad") right before a person's name is that person's given name
/// ("Jordan Smith", "Israel G. Grossman"), not a place beside a person:
/// news puts a word or a comma between a place and a name ("in Jordan,
/// Smith said"). Only one word, and only a given name of the gazetteer.
pub(super) fn take_given_names_from_places(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
) {
    let places: Vec<(usize, usize)> = found
        .iter()
        .filter(|p| {
            p.label == EntityLabel::Place
                && p.end == p.start + 1
                // (Not a headline's capitals: "FRANCE LAUNCH".)
                && doc[p.sentence][p.start].chars().any(char::is_lowercase)
                && gazetteer.is_given_name(doc[p.sentence][p.start])
        })
        .map(|p| (p.sentence, p.start))
        .collect();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    for f in found.iter_mut().filter(|f| f.label == EntityLabel::Person) {
        if f.start > 0 && places.contains(&(f.sentence, f.start - 1)) {
            f.start -= 1;
            taken.push((f.sentence, f.start));
        }
    }
    found.retain(|p| p.label != EntityLabel::Place || !taken.contains(&(p.sentence, p.start)));
}

/// Two persons with nothing between them are one: "T." and "Garside",
/// "Nguyen Van" and "Minh Khai" (names of more words than the model saw;
/// CoNLL-2003's gold never has two person names touching). Run after the
/// steps that grow names and again last, after the ones that retype them.
pub(super) fn join_touching_persons(found: &mut Vec<Found>) {
    found.sort_by_key(|f| (f.sentence, f.start));
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        match merged.last_mut() {
            Some(last)
                if last.sentence == f.sentence
                    && last.end == f.start
                    && last.label == EntityLabel::Person
                    && f.label == EntityLabel::Person =>
            {
                last.end = f.end;
            }
            _ => merged.push(f),
        }
    }
    *found = merged;
}

/// A name written after a courtesy title ("Mr Kessel", "Mrs Harlow", "Dr
/// Varden") is a person's, whatever the model or a place of that name
/// says: English puts "Mr" only before a person (or a personified
/// character, a person too). The model sometimes tags the title alone
/// ("Mr" as a name of its own, the surname after it as another): the two
/// are one person. Titles that also open names of other things ("Lord's",
/// "Lady Vols", "Miss World") are not read so
/// ([`crate::names::is_person_only_courtesy_title`]). Run before the document's
/// names are made consistent and again last, after the steps that retype.
pub(super) fn type_after_courtesy_titles(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
) {
    // Written as a title ("Mr", "Dr."), not in capitals: "DR Congo".
    let is_title = |w: &str| {
        w.chars().nth(1).is_some_and(char::is_lowercase)
            && crate::names::is_person_only_courtesy_title(w)
    };
    let title_alone = |f: &Found| f.end == f.start + 1 && is_title(doc[f.sentence][f.start]);
    // (In place, keeping the order: the document's majority type lets the
    // first of tied names win.)
    let lone: Vec<(usize, usize)> = found
        .iter()
        .filter(|f| title_alone(f))
        .map(|f| (f.sentence, f.start))
        .collect();
    for f in found.iter_mut().filter(|f| !title_alone(f)) {
        let words = &doc[f.sentence];
        if f.start > 0 && lone.contains(&(f.sentence, f.start - 1)) {
            f.start -= 1;
        }
        // (A rank after the courtesy title, "Mr Justice Varden", is left to
        // the steps that read titles.)
        let titled = is_title(words[f.start])
            && f.end > f.start + 1
            && !gazetteer.is_title(&words[f.start + 1].to_lowercase())
            || f.start > 0
                && is_title(words[f.start - 1])
                && !gazetteer.is_title(&words[f.start].to_lowercase());
        // (Not a firm named after one: "Mrs Kessel Inc", "Dr Varden Labs".)
        let firm = || {
            crate::names::is_business_key(&crate::names::normalize(
                &words[f.start..f.end].join(" "),
            ))
        };
        if titled && words[f.end - 1].chars().any(char::is_lowercase) && !firm() {
            f.label = EntityLabel::Person;
        }
    }
    found.retain(|f| !title_alone(f));
}

/// Step 3e: MISC names next to each other are one ("Chilean Mapuche",
/// "Peruvian Quechua"), and an event takes in the year before it ("2031
/// World Cup").
pub(super) fn join_misc(doc: &[Vec<&str>], found: &mut Vec<Found>) {
    found.sort_by_key(|f| (f.sentence, f.start));
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for mut f in found.drain(..) {
        if f.label != EntityLabel::Misc {
            out.push(f);
            continue;
        }
        let words = &doc[f.sentence];
        let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
        let taken = out
            .last()
            .is_some_and(|p| p.sentence == f.sentence && p.end == f.start);
        if f.start > 0 && year(words[f.start - 1]) && f.end - f.start >= 2 && !taken {
            f.start -= 1;
        }
        match out.last_mut() {
            Some(p)
                if p.sentence == f.sentence && p.end == f.start && p.label == EntityLabel::Misc =>
            {
                p.end = f.end;
            }
            _ => out.push(f),
        }
    }
    *found = out;
}

/// Small words that may stand inside a place name ("Isle of Man", "Trinidad
/// and Tobago", "Stratford upon Avon", "Rio de Janeiro").
const PLACE_JOINERS: &[&str] = &[
    "of", "and", "de", "del", "la", "upon", "on", "the", "du", "sur", "am", "an", "der", "le",
    "les", "el", "al", "da", "do", "dos", "y",
];

/// Splits person and place spans at a word no such name holds inside: a
/// word without letters, or a small word that is neither a name particle
/// nor a place joiner.
fn split_at_breaks(doc: &[Vec<&str>], found: &mut Vec<Found>) {
    let mut out = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if !matches!(f.label, EntityLabel::Person | EntityLabel::Place) {
            out.push(f);
            continue;
        }
        let words = &doc[f.sentence];
        let breaks = |k: usize| {
            let w = words[k];
            let joiner = match f.label {
                EntityLabel::Person => NAME_PARTICLES.contains(&w),
                _ => PLACE_JOINERS.contains(&w),
            };
            !w.chars().any(char::is_alphabetic) || (is_lower_word(w) && !joiner)
        };
        let mut start = f.start;
        for k in f.start..=f.end {
            if k == f.end || breaks(k) {
                if start < k {
                    out.push(Found {
                        start,
                        end: k,
                        ..f.clone()
                    });
                }
                start = k + 1;
            }
        }
    }
    *found = out;
}

/// A title, honorific, month or weekday that looks like a given name in
/// the lists ("Sir", "Prince", "Coach", "June", "Friday").
fn is_honorific(word: &str, gazetteer: &Gazetteer) -> bool {
    const HONORIFICS: [&str; 16] = [
        "sir", "lord", "lady", "dame", "prince", "princess", "king", "queen", "bishop", "coach",
        "father", "sister", "brother", "sheikh", "imam", "rabbi",
    ];
    let lower = word.trim_end_matches('.').to_lowercase();
    HONORIFICS.contains(&lower.as_str())
        || gazetteer.is_title(&lower)
        || gazetteer.gender(word).is_some() && !gazetteer.is_given_name(word)
        || is_month(word)
        || is_weekday(word)
}

/// "A.", "J.J.", "A.de": a name's initial (the caller rules out "U.S.").
pub(super) fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    let first_two = (chars.next(), chars.next());
    matches!(first_two, (Some(c), Some('.')) if c.is_uppercase()) && word.len() <= 4
}

/// Whether `word` starts with a small letter ("military").
fn is_lower_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

/// An acronym: 2 to 6 characters, capitals (and "&"), at least two letters,
/// and not one of the common non-name abbreviations.
fn is_acronym(word: &str) -> bool {
    const NOT_NAMES: [&str; 16] = [
        "TV", "OK", "AM", "PM", "GMT", "CEO", "ID", "DNA", "HIV", "AIDS", "PC", "UK", "US", "EST",
        "CET", "GDP",
    ];
    let letters = word.chars().filter(char::is_ascii_uppercase).count();
    (2..=6).contains(&word.len())
        && letters >= 2
        && word.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && !NOT_NAMES.contains(&word)
}

/// "II", "XIV": a Roman numeral (a king's or a sequel's number, not a name).
fn is_roman_numeral(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

/// A headline or table row in capitals, where capitals say nothing.
fn is_headline(words: &[&str]) -> bool {
    let letters: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let caps = letters
        .iter()
        .filter(|w| !w.chars().any(char::is_lowercase))
        .count();
    caps * 2 > letters.len()
}

pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The index in `found` of the entity that holds token `k` of sentence `s`.
pub(super) fn span_at(found: &[Found], s: usize, k: usize) -> Option<usize> {
    found
        .iter()
        .position(|f| f.sentence == s && f.start <= k && k < f.end)
}

/// Which tokens of sentence `s` are already inside a found entity.
pub(super) fn covered(found: &[Found], s: usize, len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for f in found.iter().filter(|f| f.sentence == s) {
        covered[f.start..f.end].iter_mut().for_each(|c| *c = true);
    }
    covered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::tests::{found, gazetteer, sorted, tiny};

    /// Issue 9 item 8: a sentence ending in a lone capitalised "The" made
    /// the organisation step index one past the sentence.
    #[test]
    fn a_run_that_is_only_the_is_no_organisation() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["We", "watched", "The"],
            vec!["The"],
            vec!["The", "quiet", "The", "Harbour", "Board"],
        ];
        let mut list = Vec::new();
        rec.find_organisations(&doc, &mut list);
        assert!(list.iter().all(|f| f.sentence == 2), "{list:?}");
    }

    #[test]
    fn a_name_after_mr_or_dr_is_a_person() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["Mr", "Tollund", "will", "serve", "as", "deputy"],
            vec!["Later", ",", "Mr", "Kessel", "left"],
            vec!["Dr.", "Varden", "spoke"],
            vec!["Troops", "entered", "DR", "Congo"],
            vec!["Mr", "said", "nothing"],
            vec!["Mrs", "Kessel", "Inc", "grew"],
        ];
        let mut list = vec![
            found(0, 0, 2, EntityLabel::Organization),
            found(1, 2, 3, EntityLabel::Misc),
            found(1, 3, 4, EntityLabel::Person),
            found(2, 1, 2, EntityLabel::Place),
            found(3, 2, 4, EntityLabel::Place),
            found(4, 0, 1, EntityLabel::Misc),
            found(5, 0, 3, EntityLabel::Organization),
        ];
        type_after_courtesy_titles(&doc, &mut list, &gazetteer());
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 2, EntityLabel::Person),
                found(1, 2, 4, EntityLabel::Person),
                found(2, 1, 2, EntityLabel::Person),
                found(3, 2, 4, EntityLabel::Place),
                found(5, 0, 3, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn roads_and_bridges_are_places_whoever_they_are_named_after() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["Traffic", "on", "Jan", "Brandt", "Drive", "stopped"],
            vec!["The", "Kessel", "Motorway", "reopened"],
            vec!["Jane", "Park", "spoke"],
            vec![
                "Harlow",
                "Savings",
                "Association",
                "of",
                "Tansford",
                "Valley",
                "failed",
            ],
        ];
        let mut list = Vec::new();
        rec.find_organisations(&doc, &mut list);
        let got: Vec<(usize, usize, usize, EntityLabel)> = list
            .iter()
            .map(|f| (f.sentence, f.start, f.end, f.label))
            .collect();
        assert!(got.contains(&(0, 2, 5, EntityLabel::Place)), "{got:?}");
        assert!(got.contains(&(1, 1, 3, EntityLabel::Place)), "{got:?}");
        assert!(got.iter().all(|f| f.0 != 2), "{got:?}");
        assert!(
            got.contains(&(3, 0, 6, EntityLabel::Organization)),
            "{got:?}"
        );
    }

    #[test]
    fn an_adverb_opening_the_sentence_is_not_part_of_the_name() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["Perhaps", "Ola", "Lind", "was", "right"],
            vec!["Clearly", "Vantor", "won"],
            vec!["Kelly", "Brandt", "won"],
            vec!["Perhaps"],
        ];
        let mut list = vec![
            found(0, 0, 3, EntityLabel::Person),
            found(1, 0, 2, EntityLabel::Organization),
            found(2, 0, 2, EntityLabel::Person),
            found(3, 0, 1, EntityLabel::Misc),
        ];
        rec.repair_spans(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 1, 3, EntityLabel::Person),
                found(1, 1, 2, EntityLabel::Organization),
                // A given name in "-ly" stays; a lone word is left alone.
                found(2, 0, 2, EntityLabel::Person),
                found(3, 0, 1, EntityLabel::Misc),
            ]
        );
    }

    #[test]
    fn unknown_acronyms_are_organisations_but_not_shouting() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Officials",
                "of",
                "the",
                "ZQXB",
                "and",
                "QRST",
                "met",
                "FREE",
                "at",
                "10",
                "AM",
            ],
            vec![
                "Officials",
                "of",
                "the",
                "U.S.",
                "and",
                "Louis",
                "XIV",
                "left",
                ".",
            ],
            vec!["ZQXB", "TALKS", "END", "IN", "MEXICO"],
        ];
        let mut list = Vec::new();
        rec.find_acronyms(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 3, 4, EntityLabel::Organization),
                found(0, 5, 6, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn person_names_take_initials_and_particles() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["K.", "Tamberlin", "bowled"],
            vec!["Lucinda", "de", "Varga", "batted"],
            vec!["In", "the", "U.S.", "Smith", "won"],
            vec!["then", "van", "Kolk", "scored"],
            vec!["R.", "Pellow", "run", "out", ",", "T.", "Garside", "3-41"],
            vec![
                "Dunmere",
                "'s",
                "Tobias",
                "Quenell",
                "and",
                "Then",
                "Smith",
                "met",
                "President",
                "Ruiz",
            ],
        ];
        let mut list = vec![
            found(0, 1, 2, EntityLabel::Person),
            found(1, 2, 3, EntityLabel::Person),
            found(2, 3, 4, EntityLabel::Person),
            found(3, 2, 3, EntityLabel::Person),
            found(4, 0, 1, EntityLabel::Person),
            found(4, 5, 6, EntityLabel::Person),
            found(4, 6, 7, EntityLabel::Person),
            found(5, 3, 4, EntityLabel::Person),
            found(5, 6, 7, EntityLabel::Person),
            found(5, 9, 10, EntityLabel::Person),
        ];
        // "Then" is the common word here (the recognizer asks its clusters).
        extend_person_names(&doc, &mut list, &gazetteer(), |w| w == "Then");
        assert_eq!(
            list,
            [
                found(0, 0, 2, EntityLabel::Person),
                found(1, 0, 3, EntityLabel::Person),
                found(2, 3, 4, EntityLabel::Person),
                found(3, 1, 3, EntityLabel::Person),
                found(4, 0, 2, EntityLabel::Person),
                found(4, 5, 7, EntityLabel::Person),
                found(5, 2, 4, EntityLabel::Person),
                found(5, 6, 7, EntityLabel::Person),
                found(5, 9, 10, EntityLabel::Person),
            ]
        );
        // Two persons touching are one; a comma or a word between keeps two.
        let mut list = vec![
            found(0, 0, 2, EntityLabel::Person),
            found(0, 2, 4, EntityLabel::Person),
            found(0, 5, 6, EntityLabel::Person),
            found(0, 6, 7, EntityLabel::Place),
            found(1, 0, 1, EntityLabel::Person),
            found(1, 2, 3, EntityLabel::Person),
        ];
        join_touching_persons(&mut list);
        assert_eq!(
            list,
            [
                found(0, 0, 4, EntityLabel::Person),
                found(0, 5, 6, EntityLabel::Person),
                found(0, 6, 7, EntityLabel::Place),
                found(1, 0, 1, EntityLabel::Person),
                found(1, 2, 3, EntityLabel::Person),
            ]
        );
        // A surname joined to "al" by a hyphen.
        let doc: Vec<Vec<&str>> = vec![vec!["Omar", "bin", "Tariq", "al-Harlow", "met", "al-Vexa"]];
        let mut list = vec![found(0, 0, 3, EntityLabel::Person)];
        extend_person_names(&doc, &mut list, &gazetteer(), |_| false);
        assert_eq!(list, [found(0, 0, 4, EntityLabel::Person)]);
    }

    #[test]
    fn spans_split_at_figures_and_small_words() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["D.", "Ollander", "67", ";", "J.", "Penwick", "2-30"],
            vec!["Farrand", "b", "Okafor", "31"],
            vec!["Isle", "of", "Man", "and", "Lucinda", "de", "Varga"],
        ];
        let mut list = vec![
            found(0, 0, 6, EntityLabel::Person),
            found(1, 0, 3, EntityLabel::Place),
            found(2, 0, 3, EntityLabel::Place),
            found(2, 4, 7, EntityLabel::Person),
        ];
        split_at_breaks(&doc, &mut list);
        assert_eq!(
            list,
            [
                found(0, 0, 2, EntityLabel::Person),
                found(0, 4, 6, EntityLabel::Person),
                found(1, 0, 1, EntityLabel::Place),
                found(1, 2, 3, EntityLabel::Place),
                found(2, 0, 3, EntityLabel::Place),
                found(2, 4, 7, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn a_department_after_a_title_is_cut_from_its_holder_s_name() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Minister", "of", "Industry", "and", "Trade", "Vrelo", "Tamsk", "spoke",
            ],
            vec![
                "Chancellor",
                "of",
                "the",
                "Exchequer",
                "John",
                "Tamsk",
                "spoke",
            ],
            vec!["the", "chairman", "of", "Harlow", "Vrelo", "Tamsk", "spoke"],
            vec![
                "head", "of", "the", "New", "John", "Futures", "Exchange", "spoke",
            ],
        ];
        // Common words known to the test's table; "Exchequer" is not one.
        let common = |w: &str| matches!(w.to_lowercase().as_str(), "industry" | "trade");
        // The hand-written titles and given names, no lists.
        let gazetteer = Gazetteer::compile_from("", "", "", "");
        assert!(gazetteer.is_given_name("John") && !gazetteer.is_given_name("Vrelo"));
        let mut list = vec![
            found(0, 4, 7, EntityLabel::Person),
            found(1, 3, 6, EntityLabel::Organization),
            found(2, 3, 6, EntityLabel::Organization),
            found(3, 3, 7, EntityLabel::Organization),
        ];
        split_title_department_person(&doc, &mut list, &gazetteer, common);
        assert_eq!(
            list,
            [
                // Department words before an unknown name.
                found(0, 5, 7, EntityLabel::Person),
                // A word the table does not know before a known given name.
                found(1, 4, 6, EntityLabel::Person),
                // No department word: a firm's name stays whole.
                found(2, 3, 6, EntityLabel::Organization),
                // A name that goes on in a body's words is no person's.
                found(3, 3, 7, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn words_built_on_places_are_misc() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "the",
                "Mexico-based",
                "firm",
                "paid",
                "C$",
                "5",
                "to",
                "ex-Mexico",
                "coach",
            ],
            vec!["a", "Mexican-born", "Acme-based", "well-known", "man"],
        ];
        let mut list = vec![found(0, 1, 2, EntityLabel::Place)];
        rec.find_place_compounds(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 1, 2, EntityLabel::Misc),
                found(0, 4, 5, EntityLabel::Misc),
                found(0, 7, 8, EntityLabel::Misc),
                found(1, 1, 2, EntityLabel::Misc),
            ]
        );
    }

    #[test]
    fn misc_names_join_and_take_their_year() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Chilean", "Mapuche", "watched", "the", "2031", "World", "Cup", "in", "2031",
            ],
            vec!["In", "1996", "Mexican", "fans", "cheered"],
        ];
        let mut list = vec![
            found(0, 0, 1, EntityLabel::Misc),
            found(0, 1, 2, EntityLabel::Misc),
            found(0, 5, 7, EntityLabel::Misc),
            found(1, 2, 3, EntityLabel::Misc),
        ];
        join_misc(&doc, &mut list);
        assert_eq!(
            list,
            [
                found(0, 0, 2, EntityLabel::Misc),
                found(0, 4, 7, EntityLabel::Misc),
                found(1, 2, 3, EntityLabel::Misc),
            ]
        );
    }
}
