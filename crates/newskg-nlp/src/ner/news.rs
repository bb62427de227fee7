//! Step 3 of the recognizer: the conventions of news. The dateline opening
//! a story names a place; in sports reports a city or county standing for
//! its team, a known team name and a name heading a row of results are
//! organisations; a name the text calls a company, club or newspaper
//! ("tyre giant Brevant", "Calvora S.A.") is one in every mention.
//!
//! Why: these conventions decide most types on news pages (sports results,
//! company news, datelines) and web-text training data has none of them.

use super::features::title_case;
use super::names::{covered, is_capitalised, is_initial};
use super::{Found, Recognizer};
use crate::names::{is_month, is_weekday, LEGAL_FORM_WORDS, ORGANISATION_DESIGNATORS};
use crate::perceptron::FnvMap;
use crate::tokenize::bracketed_names;
use crate::EntityLabel;

impl Recognizer {
    /// Step 3a: the dateline that opens a news story ("KESTON 2031-04-17",
    /// "MEXICO CITY (Reuters) -", "WASHINGTON, Nov. 20") names a place.
    /// Only the first sentences of a document are read, where datelines are.
    pub(super) fn find_datelines(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate().take(3) {
            let places = dateline_places(words);
            if places.is_empty() || self.gazetteer.demonym(&title_case(words[0])).is_some() {
                continue;
            }
            for (start, end) in places {
                Found {
                    sentence: s,
                    start,
                    end,
                    label: EntityLabel::Place,
                }
                .replace_overlapping(found);
            }
        }
    }

    /// Step 3b, in sports reports only: a city, county or region standing
    /// for its team ("Dunmere beat Ostervale", "Tansford 287-6", "KELLINGFORD
    /// 71 52") is an organisation. Countries stay places (national sides are typed
    /// by their country, as in CoNLL), and so does a place after "in", "at"
    /// or "near", or in a dateline.
    pub(super) fn read_places_as_teams(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        self.find_team_names(doc, found);
        for f in found.iter_mut().filter(|f| f.label == EntityLabel::Place) {
            let words = &doc[f.sentence];
            let name = words[f.start..f.end].join(" ");
            // (Gazetteer lookups ignore case: "TORONTO" is Toronto.)
            let lookup = self.gazetteer.lookup(&name);
            if lookup.is_some_and(|e| matches!(e.subtype.as_deref(), Some("Country" | "Region"))) {
                continue;
            }
            if f.sentence < 3 && dateline_places(words).contains(&(f.start, f.end)) {
                continue;
            }
            if !after_locative(words, f.start) {
                f.label = EntityLabel::Organization;
            }
        }
    }

    /// Step 3h, in a sports report, after the types are made consistent:
    /// "Kellingford at DUNMERE": a town after "at", or heading a line
    /// before a colon, is where the game is, even where the model, the
    /// team list or the town's other mentions took it for its team.
    pub(super) fn read_venues(&self, doc: &[Vec<&str>], found: &mut [Found]) {
        for f in found
            .iter_mut()
            .filter(|f| f.label == EntityLabel::Organization)
        {
            let words = &doc[f.sentence];
            let name = words[f.start..f.end].join(" ");
            // "Dunmere : Kellingford beat Tansford by 5 wickets": a town
            // heading the line before a colon is the venue of the game.
            let heading = f.start == 0 && words.get(f.end) == Some(&":");
            if (after_locative(words, f.start) || heading)
                && self
                    .gazetteer
                    .lookup(&name)
                    .is_some_and(|e| e.label == EntityLabel::Place)
            {
                f.label = EntityLabel::Place;
            }
        }
    }

    /// Known team names (the gazetteer's `sports_teams.tsv`) are
    /// teams in a sports report, whatever the model said: the model takes
    /// many for persons or places, or misses them.
    fn find_team_names(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        // National sides are typed by their country ("Faroe Islands").
        let team = |name: &str| {
            self.gazetteer.is_team_name(name)
                && self
                    .gazetteer
                    .lookup(name)
                    .is_none_or(|e| e.subtype.as_deref() != Some("Country"))
        };
        for f in found.iter_mut() {
            let words = &doc[f.sentence];
            let name = words[f.start..f.end].join(" ");
            if f.label != EntityLabel::Misc && !after_locative(words, f.start) && team(&name) {
                f.label = EntityLabel::Organization;
            }
        }
        for (s, words) in doc.iter().enumerate() {
            let mut covered = covered(found, s, words.len());
            let mut i = 0;
            while i < words.len() {
                let hit = (1..=4.min(words.len() - i)).rev().find(|&n| {
                    is_capitalised(words[i])
                        && !after_locative(words, i)
                        && !covered[i..i + n].iter().any(|c| *c)
                        && team(&words[i..i + n].join(" "))
                });
                match hit {
                    Some(n) => {
                        found.push(Found {
                            sentence: s,
                            start: i,
                            end: i + n,
                            label: EntityLabel::Organization,
                        });
                        covered[i..i + n].iter_mut().for_each(|c| *c = true);
                        i += n;
                    }
                    None => i += 1,
                }
            }
        }
    }

    /// Step 3c, in sports reports only: a name the model left out that is
    /// followed by a score or a number ("Marrowby 287-6", "BRACKWATER 64 58
    /// .525", "Varnholt 4 Quensel 2") is a team in a results line or a
    /// table, unless it is a country (a national side: a place), opens with
    /// a given name or an initial (a player), or is a lone common word
    /// ("Round 2", "Group 4"), but for a row of a standings table.
    pub(super) fn find_teams_in_results(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        // Words of the person names found anywhere in the document: a
        // bowler's "Garside 7.2-1-31-3" is the "Tom Garside" above.
        let persons: Vec<&[&str]> = found
            .iter()
            .filter(|f| f.label == EntityLabel::Person)
            .map(|f| &doc[f.sentence][f.start..f.end])
            .collect();
        for (s, words) in doc.iter().enumerate() {
            let mut covered = covered(found, s, words.len());
            let mut i = 0;
            while i < words.len() {
                let mut end = i;
                while end < words.len()
                    && end < i + 3
                    && !covered[end]
                    && is_capitalised(words[end])
                {
                    end += 1;
                }
                if end == i {
                    i += 1;
                    continue;
                }
                // A row opens with the team, or the second team follows the
                // first one's score ("Dunmere 2 Ostervale 1").
                let row_start = i == 0
                    || is_number(words[i - 1])
                    || matches!(words[i - 1], "v" | "vs" | "vs." | "," | ";" | ":" | "-");
                let followed_by_number =
                    row_start && words.get(end).is_some_and(|w| is_team_figure(w));
                let in_person_name = persons
                    .iter()
                    .any(|p| words[i..end].iter().all(|w| p.contains(w)));
                let name = words[i..end].join(" ");
                // (Gazetteer lookups ignore case: "TORONTO" is Toronto.)
                let entry = self.gazetteer.lookup(&name);
                let country = entry.is_some_and(|e| e.subtype.as_deref() == Some("Country"));
                let player = self.gazetteer.is_given_name(words[i]) || is_initial(words[i]);
                let common = end == i + 1
                    && entry.is_none()
                    && (self.is_common_word(words[i])
                        || !words[i].chars().any(char::is_alphabetic));
                // A standings row ("Tansford 6 3 2 1 9 4 11": games, wins,
                // draws, defeats, goals for and against, points) names a team even
                // when the name is a common word or a given name too.
                let standings = i == 0
                    && words[end..]
                        .iter()
                        .take_while(|w| is_small_count(w))
                        .count()
                        >= 6;
                if followed_by_number
                    && (standings || !player && !common)
                    && !in_person_name
                    && self.gazetteer.demonym(words[i]).is_none()
                {
                    let label = if country {
                        EntityLabel::Place
                    } else {
                        EntityLabel::Organization
                    };
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end,
                        label,
                    });
                    covered[i..end].iter_mut().for_each(|c| *c = true);
                }
                i = end;
            }
        }
    }

    /// In a sports report, a name right before a country in brackets
    /// ("4. Ola Vexa ( Norway ) 9.87", "Ana Ruiz (Spain) beat ...") that
    /// opens with a given name is an athlete's: one person, whatever the
    /// model made of it (the bracketed country makes it see places).
    pub(super) fn find_athletes_by_country(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate() {
            for open in 1..words.len() {
                if words[open] != "(" {
                    continue;
                }
                let Some(close) = (open + 1..words.len().min(open + 5)).find(|&k| words[k] == ")")
                else {
                    continue;
                };
                let country = words[open + 1..close].join(" ");
                if self
                    .gazetteer
                    .lookup(&country)
                    .is_none_or(|e| e.subtype.as_deref() != Some("Country"))
                {
                    continue;
                }
                let start = (open.saturating_sub(4)..open)
                    .rev()
                    .take_while(|&k| is_capitalised(words[k]) && !words[k].ends_with('.'))
                    .last()
                    .unwrap_or(open);
                if open - start < 2 || !self.gazetteer.is_given_name(words[start]) {
                    continue;
                }
                found.retain(|f| !(f.sentence == s && f.start < open && f.end > start));
                found.push(Found {
                    sentence: s,
                    start,
                    end: open,
                    label: EntityLabel::Person,
                });
            }
        }
    }

    /// Step 3d: a name the document calls a company, club or newspaper
    /// anywhere ("tyre giant Brevant", "packaging company Calvora",
    /// "Drennik general manager", "Calvora S.A.", "Ostrel news agency") is
    /// an organisation in every mention, whatever the model said or missed;
    /// a name that opens with a given name or is a known place keeps its
    /// type (a known person does not: "giant Brevant" is no person).
    pub(super) fn type_by_company_words(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let mut organisations: Vec<Vec<&str>> = Vec::new();
        for words in doc {
            for (k, w) in words.iter().enumerate() {
                // The cue noun as written: lower-case ("giant", not "General").
                let cue = org_cue(w);
                let name = if cue == Some(OrgCue::Before) {
                    // "folk band the Harbour Lights": "the" may come between.
                    let first = if words.get(k + 1) == Some(&"the") {
                        k + 2
                    } else {
                        k + 1
                    };
                    let end = (first..words.len().min(first + 3))
                        .take_while(|&j| is_capitalised(words[j]))
                        .last()
                        .map_or(first, |j| j + 1);
                    &words[first.min(end)..end]
                } else if cue == Some(OrgCue::After) {
                    let end = if k > 0 && words[k - 1] == "'s" {
                        k - 1
                    } else {
                        k
                    };
                    let start = (end.saturating_sub(3)..end)
                        .rev()
                        .take_while(|&j| is_capitalised(words[j]))
                        .last()
                        .unwrap_or(end);
                    &words[start..end]
                } else {
                    continue;
                };
                // Names listed with it ("the X, Y and Z websites") are of
                // the same kind.
                let mut listed: Vec<&[&str]> = Vec::new();
                if cue == Some(OrgCue::After) && !name.is_empty() {
                    let mut end = k - name.len() - usize::from(k > 0 && words[k - 1] == "'s");
                    // The list ends "..., Y and <name>": "and" or "or" first.
                    let mut separators: &[&str] = &["and", "or"];
                    while end >= 2 && separators.contains(&words[end - 1]) {
                        separators = &[","];
                        let stop = end - 1;
                        let start = (stop.saturating_sub(3)..stop)
                            .rev()
                            .take_while(|&j| is_capitalised(words[j]))
                            .last()
                            .unwrap_or(stop);
                        if start == stop {
                            break;
                        }
                        listed.push(&words[start..stop]);
                        end = start;
                    }
                }
                for other in listed {
                    if !self.is_place_or_person(other) && !organisations.contains(&other.to_vec()) {
                        organisations.push(other.to_vec());
                    }
                }
                // "Good news", "The board", "Group A": a common word or a letter.
                // After a plural noun ("producers Morgan Lind") a name that
                // opens with a given name is still no person, one name being
                // no plural, unless it is one of a list ("rivals Ana Ruiz
                // and ...").
                let after = k + 1 + name.len();
                let listed_after = words
                    .get(after)
                    .is_some_and(|w| matches!(*w, "and" | "&" | "," | "or"))
                    && words.get(after + 1).is_some_and(|w| is_capitalised(w));
                let plural = cue == Some(OrgCue::Before) && w.ends_with('s') && !listed_after;
                let place_or_person = if plural && !name.is_empty() {
                    self.is_place_or_person(&name[..1]) && !self.gazetteer.is_given_name(name[0])
                        || self
                            .gazetteer
                            .lookup(&name.join(" "))
                            .is_some_and(|e| e.label == EntityLabel::Place)
                } else {
                    self.is_place_or_person(name)
                };
                if !place_or_person && !organisations.contains(&name.to_vec()) {
                    organisations.push(name.to_vec());
                }
            }
        }
        // A name that ends in a legal form is a company's, whatever the
        // model took it for ("lead manager Vantor Kessel Ltd", where the
        // title before it reads as a person's); so is a person's name that
        // ends in a word saying what kind of business it is ("Ana Ruiz
        // Associates", "Lind Research"): no person's name ends so.
        for f in found.iter_mut() {
            let name = &doc[f.sentence][f.start..f.end];
            let Some(last) = name.last().filter(|_| name.len() >= 2) else {
                continue;
            };
            let designator = f.label == EntityLabel::Person
                && last.starts_with(char::is_uppercase)
                && ORGANISATION_DESIGNATORS.contains(&last.to_lowercase().as_str());
            if LEGAL_FORM_WORDS.contains(last) || designator {
                f.label = EntityLabel::Organization;
            }
        }
        if organisations.is_empty() {
            return;
        }
        for f in found.iter_mut() {
            if organisations
                .iter()
                .any(|o| o[..] == doc[f.sentence][f.start..f.end])
            {
                f.label = EntityLabel::Organization;
            }
        }
        // Mentions the model missed, or cut in pieces ("Tarn" and "Holdings").
        // The names are found through their first word: a wire story with
        // many "X Corp" names would otherwise compare each with every word.
        let mut by_first_word: FnvMap<&str, Vec<usize>> = FnvMap::default();
        for (o, name) in organisations.iter().enumerate() {
            if let Some(first) = name.first() {
                by_first_word.entry(first).or_default().push(o);
            }
        }
        for (s, words) in doc.iter().enumerate() {
            // Where each name occurs, in the order of the names and then of
            // the words: a match changes `found`, which later ones consult.
            let mut matches: Vec<(usize, usize)> = Vec::new();
            for (i, w) in words.iter().enumerate() {
                for &o in by_first_word.get(w).into_iter().flatten() {
                    let name = &organisations[o];
                    if words.get(i..i + name.len()) == Some(&name[..]) {
                        matches.push((o, i));
                    }
                }
            }
            matches.sort_unstable();
            for (o, i) in matches {
                let n = organisations[o].len();
                let inside = |f: &Found| f.sentence == s && f.start >= i && f.end <= i + n;
                let across = found
                    .iter()
                    .any(|f| f.sentence == s && f.start < i + n && f.end > i && !inside(f));
                // (With nothing across it, the names it overlaps are inside.)
                if !across {
                    Found {
                        sentence: s,
                        start: i,
                        end: i + n,
                        label: EntityLabel::Organization,
                    }
                    .replace_overlapping(found);
                }
            }
        }
    }

    /// Whether a name read by a company cue is rather a place, a people or
    /// a person, or a lone common word or letter ("Good news", "Group A").
    fn is_place_or_person(&self, name: &[&str]) -> bool {
        let Some(first) = name.first() else {
            return true;
        };
        let joined = name.join(" ");
        (name.len() == 1 && (first.chars().count() < 2 || self.is_common_word(first)))
            || self
                .gazetteer
                .lookup(&joined)
                .is_some_and(|e| e.label == EntityLabel::Place)
            || self.gazetteer.demonym(&joined).is_some()
            || self.gazetteer.is_given_name(first)
            || self.gazetteer.is_title(&first.to_lowercase())
            || is_month(first)
            || is_weekday(first)
    }
}

/// Words that mark a sports report: sports, their positions and results.
/// Only words that rarely appear outside sport ("won", "season" do).
const SPORTS_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "athletics",
    "cycling",
    "boxing",
    "innings",
    "wicket",
    "wickets",
    "goalkeeper",
    "striker",
    "midfielder",
    "halftime",
    "half-time",
    "pitcher",
    "inning",
    "batsman",
    "bowler",
    "homer",
    "homers",
    "semifinal",
    "semi-final",
    "quarter-final",
    "quarterfinal",
    "standings",
    "referee",
    "seeded",
    "goals",
    "scored",
    "beat",
    "drew",
    "defeated",
    "league",
    "championship",
];

/// Step 3d, in apposition: a name the text describes right after it as a
/// kind of organisation ("Varden, a Norwegian savings bank,", "Kessel, the
/// country's biggest insurer.", "Harlow and Lind, an engineering firm")
/// is an organisation's, not a person's or a work's, whatever the model
/// took it for: no person is "a bank". The description opens with "a", "an", "the" or a
/// possessive, has at most five words before its noun and no preposition
/// (in "a lawyer for the firm" the firm is someone else), and the noun
/// heads it (a comma, full stop or a word such as "which", "that", "in",
/// "of" follows: "a company director" is a person). A name that opens with
/// a given name keeps its type.
pub(super) fn type_by_appositive_kind(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &crate::Gazetteer,
) {
    const KINDS: &[&str] = &[
        "company",
        "firm",
        "group",
        "bank",
        "insurer",
        "airline",
        "agency",
        "newspaper",
        "magazine",
        "broadcaster",
        "conglomerate",
        "retailer",
        "subsidiary",
        "unit",
        "utility",
        "chain",
        "concern",
        "exporter",
        "importer",
        "charity",
        "corporation",
        "brewery",
        "carrier",
        "consortium",
        "cooperative",
    ];
    const FOLLOW: &[&str] = &[
        ",", ".", ";", ":", ")", "-", "--", "which", "that", "whose", "in", "of", "with", "based",
        "and", "said", "has", "had", "is", "was",
    ];
    const PREPOSITIONS: &[&str] = &[
        "for", "of", "at", "with", "in", "from", "to", "by", "on", "about", "as",
    ];
    let mut retyped: Vec<(usize, usize)> = Vec::new();
    for f in found.iter_mut() {
        let words = &doc[f.sentence];
        // (A place keeps its type: the model cuts places out of longer
        // names, "Kessel Bank Norway", and the place is no firm.)
        if !matches!(f.label, EntityLabel::Person | EntityLabel::Misc) {
            continue;
        }
        // A wire ticker or short name in brackets may stand between
        // ("Varden Bank (VB) <VRB.OL>, a savings bank").
        let mut comma = f.end;
        for _ in 0..2 {
            let close = match words.get(comma) {
                Some(&"(") => ")",
                Some(&"<") => ">",
                _ => break,
            };
            match (comma + 1..words.len().min(comma + 5)).find(|&k| words[k] == close) {
                Some(k) => comma = k + 1,
                None => break,
            }
        }
        if words.get(comma) != Some(&",") {
            continue;
        }
        let Some(det) = words.get(comma + 1) else {
            continue;
        };
        let opens = matches!(det.to_lowercase().as_str(), "a" | "an" | "the")
            || det.ends_with("'s")
            || words
                .get(comma + 2)
                .is_some_and(|w| *w == "'s" || *w == "'");
        if !opens {
            continue;
        }
        let from = comma + 2;
        let noun = (from..words.len().min(from + 6)).find(|&k| {
            KINDS.contains(&words[k])
                && words
                    .get(k + 1)
                    .is_none_or(|next| FOLLOW.contains(&next.to_lowercase().as_str()))
        });
        let Some(noun) = noun else {
            continue;
        };
        let between_ok = words[from..noun]
            .iter()
            .all(|w| !PREPOSITIONS.contains(w) && !matches!(*w, "," | "and" | "or" | "who"));
        let person_name = f.label == EntityLabel::Person
            && f.end - f.start >= 2
            && gazetteer.is_given_name(words[f.start]);
        if between_ok && !person_name {
            f.label = EntityLabel::Organization;
            retyped.push((f.sentence, f.start));
        }
    }
    // The model may have cut the name in two persons that touch ("Banca"
    // and "Nazionale del Lavoro"), which the last step would have joined:
    // the name retyped takes the part before it.
    for (s, start) in retyped {
        let Some(before) = found
            .iter()
            .position(|p| p.sentence == s && p.end == start && p.label == EntityLabel::Person)
        else {
            continue;
        };
        let from = found[before].start;
        found.remove(before);
        if let Some(f) = found
            .iter_mut()
            .find(|f| f.sentence == s && f.start == start)
        {
            f.start = from;
        }
    }
}

/// Nouns that put an organisation's name after them ("company Calvora",
/// "tyre giant Brevant", "club Varnholt", "newspaper Kurier Halden").
const ORG_NOUNS_BEFORE: &[&str] = &[
    "company",
    "firm",
    "group",
    "giant",
    "maker",
    "makers",
    "bank",
    "insurer",
    "carrier",
    "airline",
    "club",
    "side",
    "agency",
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "broadcaster",
    "conglomerate",
    "retailer",
    "brewer",
    "producer",
    "producers",
    "manufacturer",
    "operator",
    "subsidiary",
    "unit",
    "rival",
    "rivals",
    "champions",
    "holders",
    "outfit",
    "team",
    "partner",
    "supplier",
    "distributor",
    "exporter",
    "importer",
    "utility",
    "chain",
    "concern",
    "newsagency",
    "business",
    "winemaker",
    "startup",
    "start-up",
    "website",
    "site",
    "blog",
    "studio",
    "label",
    "publisher",
    "charity",
    "band",
];

/// Nouns that follow an organisation's name ("Calvora CEO", "Drennik general
/// manager", "Brevant shares", "Ostrel news agency").
const ORG_NOUNS_AFTER: &[&str] = &[
    "CEO",
    "chairman",
    "shares",
    "stock",
    "stake",
    "subsidiary",
    "shareholders",
    "general",
    "board",
    "executives",
    "management",
    "workers",
    "employees",
    "headquarters",
    "manager",
    "striker",
    "goalkeeper",
    "midfielder",
    "defender",
    "news",
    "agency",
    "newspaper",
    "daily",
    "website",
    "websites",
    "site",
    "sites",
    "blog",
    "blogs",
    "spokesman",
    "spokeswoman",
    // Legal forms as wire copy sometimes writes them ("Vantor Capital corp").
    "corp",
    "inc",
    "ltd",
];

/// Whether the word before `start` puts a place there ("in Dunmere", "at
/// Ostervale Park"), so that a city is the city and not its team.
fn after_locative(words: &[&str], start: usize) -> bool {
    start.checked_sub(1).is_some_and(|k| {
        ["in", "at", "near", "outside", "around", "across", "into"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(words[k]))
    })
}

/// Where an organisation's name stands from a cue word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum OrgCue {
    /// "giant Brevant"
    Before,
    /// "Brevant shares", "Calvora S.A."
    After,
}

/// Wire copy marks a company's name with angle brackets ("signed a lease
/// with <Harlow and Kessel Developments>", "<1st Tansford Bank> said"):
/// the words between are one name, whatever pieces the model made of them
/// ("Harlow" and "Kessel Developments" as two people, "1st" left out). It
/// names an organisation, unless the model read the whole of it as one
/// name of another type.
pub(super) fn name_wire_brackets(doc: &[Vec<&str>], found: &mut Vec<Found>) {
    for (s, words) in doc.iter().enumerate() {
        for (open, close) in bracketed_names(words) {
            let (start, end) = (open + 1, close);
            let label = found
                .iter()
                .find(|f| f.sentence == s && f.start == start && f.end == end)
                .map_or(EntityLabel::Organization, |f| f.label);
            Found {
                sentence: s,
                start,
                end,
                label,
            }
            .replace_overlapping(found);
        }
    }
}

/// Wire copy puts a company's ticker in angle brackets after its name
/// ("Vantor Inc <VTR.N> said"), and the model may run a name across them
/// ("Vantor Inc <VTR", "VTR> SAYS ORDER WORTH ONE" in a headline). No name
/// holds a bracket: a span is cut to its longest piece outside the
/// brackets (a ticker inside them is the code of the name before it, not a
/// name of its own), and in a headline in capitals the words after a
/// ticker are the headline's, no name.
pub(super) fn cut_at_wire_brackets(doc: &[Vec<&str>], found: &mut Vec<Found>) {
    let bracket = |w: &str| matches!(w, "<" | ">");
    found.retain_mut(|f| {
        let words = &doc[f.sentence];
        if !(f.start..f.end).any(|k| bracket(words[k])) {
            return true;
        }
        let headline = words.iter().all(|w| !w.chars().any(char::is_lowercase));
        let mut best: Option<(usize, usize)> = None;
        let mut k = f.start;
        while k < f.end {
            if bracket(words[k]) {
                k += 1;
                continue;
            }
            let start = k;
            while k < f.end && !bracket(words[k]) {
                k += 1;
            }
            let before = start.checked_sub(1).map(|b| words[b]);
            let inside = before == Some("<");
            let after_ticker = before == Some(">") && headline;
            if !inside && !after_ticker && best.is_none_or(|(a, b)| k - start > b - a) {
                best = Some((start, k));
            }
        }
        match best {
            Some((start, end)) => {
                (f.start, f.end) = (start, end);
                true
            }
            None => false,
        }
    });
    // "BankAmerica <BAC> Corp", "News International <NWSL.L> Plc": the legal
    // form after a ticker closes the name before it; alone ("Unilever Plc
    // and NV", "of HyOx, Inc.") a legal form names nothing.
    found.retain(|f| {
        let words = &doc[f.sentence];
        // ("ASA" and "LP" alone are more often acronyms: the American
        // Soybean Association.)
        let alone = f.end == f.start + 1 && !matches!(words[f.start], "ASA" | "LP")
            || f.start > 0 && words[f.start - 1] == ">";
        !(alone
            && words[f.start..f.end]
                .iter()
                .all(|w| LEGAL_FORM_WORDS.contains(w)))
    });
}

/// "Kessel Finance Co (H.K.) Ltd", "Vantor Bank (Securities) Ltd": a
/// company's name can hold its region or branch of business in brackets
/// before its legal form. The model stops at the bracket and reads the
/// legal form alone as a name of its own ("Ltd", a person). A name, then a
/// bracket of one to three capitalised words, then a legal form: one
/// organisation.
pub(super) fn name_bracketed_divisions(doc: &[Vec<&str>], found: &mut Vec<Found>) {
    for (s, words) in doc.iter().enumerate() {
        for open in 1..words.len() {
            if words[open] != "(" {
                continue;
            }
            let Some(close) = (open + 2..(open + 5).min(words.len())).find(|&k| words[k] == ")")
            else {
                continue;
            };
            let inside = words[open + 1..close].iter().all(|w| {
                is_capitalised(w)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '&' | '-'))
            });
            if !inside
                || !words
                    .get(close + 1)
                    .is_some_and(|w| LEGAL_FORM_WORDS.contains(w))
            {
                continue;
            }
            // The name before: a span ending at the bracket, else the
            // capitalised words before it.
            let start = found
                .iter()
                .find(|f| f.sentence == s && f.end == open)
                .map(|f| f.start)
                .unwrap_or_else(|| {
                    (open.saturating_sub(4)..open)
                        .rev()
                        .take_while(|&k| is_capitalised(words[k]))
                        .last()
                        .unwrap_or(open)
                });
            if start == open {
                continue;
            }
            Found {
                sentence: s,
                start,
                end: close + 2,
                label: EntityLabel::Organization,
            }
            .replace_overlapping(found);
        }
    }
}

/// The cue a word gives, as written (one hash lookup per word: this runs
/// over every word of every document).
pub(super) fn org_cue(word: &str) -> Option<OrgCue> {
    static CUES: std::sync::OnceLock<WordMap<OrgCue>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let before = ORG_NOUNS_BEFORE.iter().map(|w| (*w, OrgCue::Before));
        let after = ORG_NOUNS_AFTER
            .iter()
            .chain(LEGAL_FORM_WORDS)
            .map(|w| (*w, OrgCue::After));
        // A word in both lists ("subsidiary") reads as the noun before a name.
        after.chain(before).collect()
    })
    .get(word)
    .copied()
}

/// A map keyed by short words with a cheap hash: the cue tables are asked
/// once per word of every document, where SipHash showed in profiles.
type WordMap<V> = FnvMap<&'static str, V>;

/// The index in [`SPORTS_WORDS`] of a word in any case ("SOCCER", "Soccer").
fn sports_word(word: &str) -> Option<usize> {
    static WORDS: std::sync::OnceLock<WordMap<usize>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        SPORTS_WORDS
            .iter()
            .enumerate()
            .map(|(i, w)| (*w, i))
            .collect()
    });
    let mut buf = [0u8; 16];
    let bytes = word.as_bytes();
    if !(4..=buf.len()).contains(&bytes.len()) || !word.is_ascii() {
        return None;
    }
    for (b, c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).ok()?;
    words.get(lower).copied()
}

/// Whether a document reads as a sports report: three distinct sports
/// words, or one and three results lines; in a document longer than a long article, sports words and scores
/// ("2-1", "287-6") must also make up one token in a hundred (so that a long
/// mixed file is not one sports report).
pub(super) fn is_sports_report(doc: &[Vec<&str>]) -> bool {
    // Distinct sports words seen, one bit each.
    let mut cues: u64 = 0;
    let (mut hits, mut tokens) = (0, 0);
    for w in doc.iter().flatten() {
        tokens += 1;
        if let Some(i) = sports_word(w) {
            hits += 1;
            cues |= 1 << i;
        } else if is_score(w) {
            hits += 1;
        }
    }
    let distinct = cues.count_ones();
    let rows = doc.iter().filter(|s| is_results_row(s)).count();
    (distinct >= 3 || (distinct >= 1 && rows >= 3))
        && (tokens <= 2000 || (hits + rows) * 100 >= tokens)
}

/// A results line: "Dunmere 2 Ostervale 1", "Tansford 5 KELLINGFORD 1 (
/// after extra time )": a name, a count, a name, a count.
fn is_results_row(words: &[&str]) -> bool {
    let name_end = |from: usize| {
        let end = (from..words.len())
            .take_while(|&k| is_capitalised(words[k]))
            .last()
            .map_or(from, |k| k + 1);
        (end > from && end - from <= 3).then_some(end)
    };
    let count = |k: usize| words.get(k).is_some_and(|w| is_small_count(w));
    name_end(0)
        .filter(|&e| count(e))
        .and_then(|e| name_end(e + 1))
        .is_some_and(count)
}

/// The places of the dateline that opens a story, as token ranges: one to
/// three words in capitals ("KESTON 2031-04-17", "MEXICO CITY (Reuters)",
/// "WASHINGTON, Nov. 20"), optionally followed by a comma and a region
/// ("BRACKWATER , Ohio 2031-04-18"), then a date, a month or a parenthesis.
/// Empty when `words` does not open with a dateline.
fn dateline_places(words: &[&str]) -> Vec<(usize, usize)> {
    let caps = words
        .iter()
        .take_while(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    if !(1..=3).contains(&caps) {
        return Vec::new();
    }
    let closes = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| is_date(w) || *w == "(" || is_month(w))
    };
    if closes(caps) || (words.get(caps) == Some(&",") && closes(caps + 1)) {
        return vec![(0, caps)];
    }
    if words.get(caps) == Some(&",") {
        let region_end = (caps + 1..words.len().min(caps + 4))
            .take_while(|&k| is_capitalised(words[k]))
            .last()
            .map_or(caps + 1, |k| k + 1);
        if region_end > caps + 1 && closes(region_end) {
            return vec![(0, caps), (caps + 1, region_end)];
        }
        // "SPRINGFIELD, Mass., March 25": a comma after the region, which
        // is then most often a state's abbreviation; the town is the place
        // (an abbreviation as a name of its own would join firms whose
        // names begin so: "Minn." and "Minntech").
        if region_end > caps + 1 && words.get(region_end) == Some(&",") && closes(region_end + 1) {
            return vec![(0, caps)];
        }
    }
    Vec::new()
}

/// "2-1", "287-6", "6-4": digits, a hyphen, digits (not a date).
fn is_score(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        (1..=3).contains(&a.len())
            && (1..=3).contains(&b.len())
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// A count of a results line or a table: digits only, at most three
/// ("2", "64", "105").
fn is_small_count(word: &str) -> bool {
    word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit())
}

/// "64", "287-6", ".525", "4.5": a count, score or figure in a table.
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
        && !is_date(word)
}

/// A team's figure in a results line or a table: a count ("2", "64"), a
/// score ("287-6") or a ratio (".525"); not a player's figures such as
/// bowling "9-1-44-3".
fn is_team_figure(word: &str) -> bool {
    is_number(word) && word.matches('-').count() <= 1 && !word.contains('/')
}

/// "2031-04-17": an ISO date.
fn is_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_described_as_a_bank_is_an_organisation() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Varden", "Kredit", "(", "VK", ")", ",", "Norway", "'s", "biggest", "bank", ",",
                "grew",
            ],
            vec![
                "Tollund",
                ",",
                "a",
                "Harlow",
                "engineering",
                "firm",
                "that",
                "grew",
            ],
            vec![
                "Ola", "Lind", ",", "a", "lawyer", "for", "the", "firm", ",", "spoke",
            ],
            vec!["Kessel", ",", "a", "company", "director", ",", "left"],
            vec!["Oslo", ",", "the", "group", "'s", "home", ",", "voted"],
        ];
        let mut list = vec![
            found(0, 0, 2, EntityLabel::Person),
            found(1, 0, 1, EntityLabel::Person),
            found(2, 0, 2, EntityLabel::Person),
            found(3, 0, 1, EntityLabel::Person),
            found(4, 0, 1, EntityLabel::Place),
        ];
        type_by_appositive_kind(&doc, &mut list, &gazetteer());
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 2, EntityLabel::Organization),
                found(1, 0, 1, EntityLabel::Organization),
                found(2, 0, 2, EntityLabel::Person),
                found(3, 0, 1, EntityLabel::Person),
                found(4, 0, 1, EntityLabel::Place),
            ]
        );
    }

    #[test]
    fn word_tables_fit_their_lookups() {
        // One bit per sports word, and words of 4 to 16 ASCII letters.
        assert!(SPORTS_WORDS.len() <= 64);
        for (i, w) in SPORTS_WORDS.iter().enumerate() {
            assert_eq!(sports_word(&w.to_uppercase()), Some(i), "{w}");
        }
        assert_eq!(sports_word("Soccer"), Some(0));
        assert_eq!(sports_word("the"), None);
        assert_eq!(org_cue("giant"), Some(OrgCue::Before));
        assert_eq!(org_cue("subsidiary"), Some(OrgCue::Before));
        assert_eq!(org_cue("S.A."), Some(OrgCue::After));
        assert_eq!(org_cue("Giant"), None);
        for month in ["Nov.", "nov", "September", "Sept.", "MAY"] {
            assert!(is_month(month), "{month}");
        }
        assert!(!is_month("Mayor") && !is_month("Ma") && !is_month("Monday"));
    }
    use crate::ner::tests::{found, gazetteer, sorted, tiny};

    #[test]
    fn a_bracketed_division_before_a_legal_form_is_part_of_the_name() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Kessel", "Finance", "Co", "(", "H.K.", ")", "Ltd", "said", "so", ".",
            ],
            vec!["Vantor", "(", "Far", "East", ")", "Ltd", "rose", "."],
            vec!["Vantor", "Corp", "(", "VNT", ")", "rose", "."],
            vec!["Harlow", "(", "the", "town", ")", "Ltd", "."],
        ];
        // The model's pieces: the name and "Ltd" apart; a bare code in
        // brackets with no legal form after it; a bracket of small words.
        let mut list = vec![
            found(0, 0, 3, EntityLabel::Organization),
            found(0, 6, 7, EntityLabel::Person),
            found(2, 0, 2, EntityLabel::Organization),
            found(2, 3, 4, EntityLabel::Organization),
            found(3, 0, 1, EntityLabel::Place),
        ];
        name_bracketed_divisions(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 7, EntityLabel::Organization),
                found(1, 0, 6, EntityLabel::Organization),
                found(2, 0, 2, EntityLabel::Organization),
                found(2, 3, 4, EntityLabel::Organization),
                found(3, 0, 1, EntityLabel::Place),
            ]
        );
    }

    #[test]
    fn a_name_in_wire_brackets_is_one_organisation() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "a",
                "lease",
                "with",
                "<",
                "Harlow",
                "and",
                "Kessel",
                "Developments",
                ">",
                ".",
            ],
            vec!["<", "1st", "Tansford", "Bank", ">", "said", "so", "."],
            vec!["Vantor", "<", "VNTR.L", ">", "rose", "."],
            vec!["<", "Ana", "Ruiz", ">", "wrote", "."],
        ];
        // The model's pieces: two people in the first, the bank without its
        // number in the second, the code as an organisation in the third,
        // and a person read whole in the fourth.
        let mut list = vec![
            found(0, 4, 5, EntityLabel::Person),
            found(0, 6, 8, EntityLabel::Person),
            found(1, 2, 4, EntityLabel::Organization),
            found(2, 2, 3, EntityLabel::Organization),
            found(3, 1, 3, EntityLabel::Person),
        ];
        name_wire_brackets(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 4, 8, EntityLabel::Organization),
                found(1, 1, 4, EntityLabel::Organization),
                found(2, 2, 3, EntityLabel::Organization),
                found(3, 1, 3, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn no_name_runs_across_a_wire_bracket() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["Vantor", "Inc", "<", "VTR.N", ">", "said", "so", "."],
            vec![
                "VANTOR", "<", "VTR", ">", "SAYS", "ORDER", "WORTH", "ONE", "MLN",
            ],
            vec![
                "Kessel", "'s", "<", "KSL", ">", "Harlow", "Bank", "rose", ".",
            ],
        ];
        let mut list = vec![
            found(0, 0, 4, EntityLabel::Organization),
            found(1, 2, 8, EntityLabel::Misc),
            found(2, 3, 7, EntityLabel::Organization),
        ];
        cut_at_wire_brackets(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 2, EntityLabel::Organization),
                found(2, 5, 7, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn a_legal_form_after_a_ticker_is_no_name() {
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Vantor", "<", "VTR", ">", "Corp", "has", "had", "offers", ".",
            ],
            vec!["Kessel", "Plc", "and", "NV", "rose", "."],
        ];
        let mut list = vec![
            found(0, 0, 1, EntityLabel::Organization),
            found(0, 4, 5, EntityLabel::Organization),
            found(1, 0, 2, EntityLabel::Organization),
            found(1, 3, 4, EntityLabel::Organization),
        ];
        cut_at_wire_brackets(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 1, EntityLabel::Organization),
                found(1, 0, 2, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn datelines_name_places() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["SOCCER", "-", "DUNMERE", "WIN", "."],
            vec!["DUNMERE", "2031-04-17"],
            vec![
                "MEXICO", "CITY", "(", "Reuters", ")", "-", "Rain", "fell", ".",
            ],
            vec!["WHO", "2031-04-17", "said"],
        ];
        let mut list = vec![found(2, 0, 1, EntityLabel::Organization)];
        rec.find_datelines(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(1, 0, 1, EntityLabel::Place),
                found(2, 0, 2, EntityLabel::Place),
            ]
        );
        let with_region = ["BRACKWATER", ",", "Ohio", "2031-04-18"];
        assert_eq!(dateline_places(&with_region), [(0, 1), (2, 3)]);
        let abbreviated = ["BRACKWATER", ",", "Oh.", ",", "April", "18", "-"];
        assert_eq!(dateline_places(&abbreviated), [(0, 1)]);
        assert!(dateline_places(&["BRACKWATER", ",", "said", "Smith"]).is_empty());
        assert!(dateline_places(&["BRACKWATER", ",", "Ohio", ",", "said"]).is_empty());
    }

    #[test]
    fn places_in_sports_reports_are_teams() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec![
                "Dunmere", "beat", "Mexico", "2-1", "in", "the", "league", ".",
            ],
            vec!["Smith", "scored", "two", "goals", "at", "Dunmere", "."],
            vec!["Varnholt", "4", "Quensel", "2"],
            vec!["Round", "2", ":", "Ada", "Kerrigan", "led", "."],
            vec!["Kerrigan", "68", "Mexico", "3"],
        ];
        assert!(is_sports_report(&doc));
        let mut list = vec![
            found(0, 0, 1, EntityLabel::Place),
            found(0, 2, 3, EntityLabel::Place),
            found(1, 0, 1, EntityLabel::Person),
            found(1, 5, 6, EntityLabel::Place),
            found(3, 3, 5, EntityLabel::Person),
        ];
        rec.read_places_as_teams(&doc, &mut list);
        rec.find_teams_in_results(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 0, 1, EntityLabel::Organization),
                found(0, 2, 3, EntityLabel::Place),
                found(1, 0, 1, EntityLabel::Person),
                found(1, 5, 6, EntityLabel::Place),
                found(2, 0, 1, EntityLabel::Organization),
                found(2, 2, 3, EntityLabel::Organization),
                found(3, 3, 5, EntityLabel::Person),
                found(4, 2, 3, EntityLabel::Place),
            ]
        );
        // A place after "at" is the venue, whatever typed it a team; a
        // name the gazetteer does not know as a place stays a team.
        let mut list = vec![
            found(0, 0, 1, EntityLabel::Organization),
            found(1, 5, 6, EntityLabel::Organization),
            found(4, 2, 3, EntityLabel::Organization),
        ];
        let doc: Vec<Vec<&str>> = vec![
            vec!["Dunmere", "beat", "Kerrigan", "at", "Mexico", "."],
            vec!["Smith", "scored", "two", "goals", "at", "Dunmere", "."],
            vec![],
            vec![],
            vec!["Kerrigan", "at", "MEXICO", "3"],
        ];
        rec.read_venues(&doc, &mut list);
        assert_eq!(
            list,
            [
                found(0, 0, 1, EntityLabel::Organization),
                found(1, 5, 6, EntityLabel::Organization),
                found(4, 2, 3, EntityLabel::Place),
            ]
        );
        let doc: Vec<Vec<&str>> = vec![vec!["Mexico", ":", "Kerrigan", "beat", "Dunmere"]];
        let mut list = vec![found(0, 0, 1, EntityLabel::Organization)];
        rec.read_venues(&doc, &mut list);
        assert_eq!(list, [found(0, 0, 1, EntityLabel::Place)]);
        // A standings row names a team even when the name is a common
        // word ("Round" is one in the test clusters).
        let doc: Vec<Vec<&str>> = vec![
            vec!["Round", "4", "2", "2", "0", "7", "3", "8"],
            vec!["Round", "2", "4", "1"],
        ];
        let mut list = Vec::new();
        rec.find_teams_in_results(&doc, &mut list);
        assert_eq!(list, [found(0, 0, 1, EntityLabel::Organization)]);
        // A name before a bracketed country that opens with a given name is
        // one athlete; without a given name, or before no country, nothing.
        let doc: Vec<Vec<&str>> = vec![
            vec!["3.", "John", "Vexa", "(", "Mexico", ")", "9.87"],
            vec!["4.", "Tollund", "Harlow", "(", "Mexico", ")", "9.95"],
            vec!["5.", "John", "Kessel", "(", "Dunmere", ")", "10.02"],
        ];
        let mut list = vec![
            found(0, 1, 2, EntityLabel::Place),
            found(0, 4, 5, EntityLabel::Place),
        ];
        rec.find_athletes_by_country(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 1, 3, EntityLabel::Person),
                found(0, 4, 5, EntityLabel::Place),
            ]
        );
        // One sports word and three results lines make a results report.
        let results: Vec<Vec<&str>> = vec![
            vec!["BASEBALL", "-", "SUNDAY", "SCORES"],
            vec!["Tansford", "5", "KELLINGFORD", "1"],
            vec![
                "MARROWBY", "3", "Tansford", "2", "(", "after", "extra", "time", ")",
            ],
            vec!["North", "Vale", "6", "Port", "Ellery", "5"],
        ];
        assert!(is_sports_report(&results));
        assert!(!is_results_row(&["In", "1996", "Smith", "won"]));
        // A story with one sports word is not a sports report.
        let politics: Vec<Vec<&str>> = vec![vec!["Dunmere", "voted", "for", "the", "league", "."]];
        assert!(!is_sports_report(&politics));
    }

    #[test]
    fn company_words_type_every_mention() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["Italian", "tyre", "giant", "Brevant", "rose", "."],
            vec!["Brevant", "said", "Mexico", "shares", "fell", "."],
            vec!["John", "Smith", "shares", "views", "with", "Brevant", "."],
            vec![
                "Attorney",
                "General",
                "Halvorsen",
                "spoke",
                "to",
                "group",
                "A",
                ".",
            ],
            vec![
                "Good", "news", "came", "from", "Globex", "S.A.", "on", "Monday", ".",
            ],
        ];
        let mut list = vec![
            found(0, 3, 4, EntityLabel::Person),
            found(1, 0, 1, EntityLabel::Person),
            found(1, 2, 3, EntityLabel::Place),
            found(2, 0, 2, EntityLabel::Person),
            found(3, 2, 3, EntityLabel::Person),
        ];
        rec.type_by_company_words(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 3, 4, EntityLabel::Organization),
                found(1, 0, 1, EntityLabel::Organization),
                found(1, 2, 3, EntityLabel::Place),
                found(2, 0, 2, EntityLabel::Person),
                found(2, 5, 6, EntityLabel::Organization),
                found(3, 2, 3, EntityLabel::Person),
                found(4, 4, 5, EntityLabel::Organization),
            ]
        );
    }

    #[test]
    fn a_name_after_a_plural_company_noun_is_no_person() {
        // One name is no plural: "producers Anna Lind" is a firm named
        // after someone; a list after the noun keeps its persons.
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            "the film by producers Anna Lind , who sold it ."
                .split(' ')
                .collect(),
            "rivals Anna Ruiz and Jan Brandt met .".split(' ').collect(),
            "the film by producer Anna Brandt was sold ."
                .split(' ')
                .collect(),
        ];
        let mut list = vec![
            found(0, 4, 6, EntityLabel::Person),
            found(1, 1, 3, EntityLabel::Person),
            found(1, 4, 6, EntityLabel::Person),
            found(2, 4, 6, EntityLabel::Person),
        ];
        rec.type_by_company_words(&doc, &mut list);
        assert_eq!(
            sorted(list),
            [
                found(0, 4, 6, EntityLabel::Organization),
                found(1, 1, 3, EntityLabel::Person),
                found(1, 4, 6, EntityLabel::Person),
                found(2, 4, 6, EntityLabel::Person),
            ]
        );
    }

    #[test]
    fn a_name_ending_in_a_legal_form_is_a_company() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![vec![
            "lead", "manager", "Ola", "Vexa", "Tollund", "Harlow", "Ltd.", "priced", "it", ".",
        ]];
        // Five words before the legal form: longer than the cue reaches.
        let mut list = vec![found(0, 2, 7, EntityLabel::Person)];
        rec.type_by_company_words(&doc, &mut list);
        assert_eq!(list, [found(0, 2, 7, EntityLabel::Organization)]);
        // A legal-form word alone is no company's name.
        let doc: Vec<Vec<&str>> = vec![vec!["the", "AG", "said", "."]];
        let mut list = vec![found(0, 1, 2, EntityLabel::Person)];
        rec.type_by_company_words(&doc, &mut list);
        assert_eq!(list, [found(0, 1, 2, EntityLabel::Person)]);
    }
}
