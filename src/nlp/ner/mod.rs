//! Named-entity recognizer: a document's sentences in, PER / ORG / LOC / MISC
//! spans out (with a finer subtype such as "Country" from the gazetteer).
//!
//! Four steps, in order:
//! 1. a greedy left-to-right averaged-perceptron labeller ([`features`]) tags
//!    each sentence in BILOU (trained on UNER-EWT by [`train_ner`]);
//! 2. the gazetteer and the shapes of names correct and complete it: a span
//!    that is exactly a known country, organisation or person takes that
//!    type, known countries and multi-word names the model missed are added,
//!    a standalone demonym ("Mexican cartels") becomes MISC as in the CoNLL
//!    conventions, capitalised runs ending in "Ministry" or "Cup" are
//!    organisations or events, unknown acronyms are organisations, and
//!    persons take in their initials and particles ("A. de Silva");
//! 3. the conventions of news: the dateline opening a story names a place;
//!    in sports reports a city or county standing for its team, and a name
//!    heading a row of results, is an organisation; a name the text calls a
//!    company, club or newspaper ("tyre giant Pirelli") is one throughout;
//! 4. document-level consistency: a name keeps its majority type through the
//!    document, later bare mentions of a found name are tagged too, and the
//!    parts of a person's name ("Sheinbaum" after "Claudia Sheinbaum") are PER.
//!
//! Why: UNER-EWT is web text, and web-trained NER transfers badly to news
//! (sports pages, datelines, company news); gazetteers, Brown clusters, the
//! genre's conventions and document consistency carry across domains.

mod features;
mod train;

use std::collections::HashMap;
use std::path::Path;

use self::features::{allowed, decode, encode, title_case, Clusters, Part, SentenceView, CLASSES};
use super::perceptron::{Model, WeightFile};
use super::{EntityLabel, Gazetteer, ModelError, NamedEntity, Sentence};

pub use self::train::{train_ner, NerTrainConfig, NerTrainReport};

const KIND: &str = "ner";

/// Finds person, organisation, place and misc names. `Send + Sync`.
pub struct Recognizer {
    model: Model,
    gazetteer: Gazetteer,
    clusters: Clusters,
    metadata: serde_json::Value,
}

/// An entity found in a document given as words: sentence, token range, type.
#[derive(Clone, Debug, PartialEq)]
struct Found {
    sentence: usize,
    start: usize,
    end: usize,
    label: EntityLabel,
}

impl Recognizer {
    /// The gazetteer it was loaded with (the [`Analyzer`](super::Analyzer)
    /// shares it instead of loading `gazetteer.nkw` twice).
    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Loads `dir/ner.nkw` and the gazetteer `dir/gazetteer.nkw`.
    pub fn load(dir: &Path) -> Result<Recognizer, ModelError> {
        let path = dir.join("ner.nkw");
        let file = WeightFile::load(&path, KIND)?;
        let corrupt = |message: String| ModelError::Corrupt {
            path: path.clone(),
            message,
        };
        let model = Model::from_bytes(
            file.section("model")
                .ok_or_else(|| corrupt("missing section \"model\"".into()))?,
        )
        .map_err(corrupt)?;
        if model.classes() != CLASSES {
            return Err(corrupt(format!(
                "model has {} classes, expected {CLASSES}",
                model.classes()
            )));
        }
        let clusters = String::from_utf8(file.section("clusters").unwrap_or_default().to_vec())
            .map_err(|_| corrupt("section \"clusters\" is not UTF-8".into()))?;
        let clusters = Clusters::from_text(clusters);
        Ok(Recognizer {
            model,
            gazetteer: Gazetteer::load(dir)?,
            clusters,
            metadata: file.metadata,
        })
    }

    fn from_parts(
        model: Model,
        gazetteer: Gazetteer,
        clusters: Clusters,
        metadata: serde_json::Value,
    ) -> Recognizer {
        Recognizer {
            model,
            gazetteer,
            clusters,
            metadata,
        }
    }

    /// Writes the weights and the cluster table to `path` (normally
    /// `models/ner.nkw`; the gazetteer is saved apart, see [`Gazetteer::save`]).
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        let mut file = WeightFile::new(KIND, self.metadata.clone());
        file.sections.push(("model".into(), self.model.to_bytes()));
        let mut clusters: Vec<_> = self.clusters.iter().collect();
        clusters.sort();
        let table: String = clusters
            .into_iter()
            .map(|(w, p)| format!("{w}\t{p}\n"))
            .collect();
        file.sections.push(("clusters".into(), table.into_bytes()));
        file.save(path)
    }

    /// The metadata stored with the weights (training data, licence, scores).
    pub fn metadata(&self) -> &serde_json::Value {
        &self.metadata
    }

    /// Named entities of a document's analysed sentences, in text order.
    pub fn predict(&self, _text: &str, sentences: &[Sentence]) -> Vec<NamedEntity> {
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.form.as_str()).collect())
            .collect();
        self.recognize(&words)
            .into_iter()
            .map(|f| {
                let tokens = &sentences[f.sentence].tokens;
                let span = tokens[f.start].span.join(tokens[f.end - 1].span);
                let subtype = (f.label == EntityLabel::Place)
                    .then(|| {
                        self.gazetteer
                            .longest_match(&words[f.sentence][f.start..f.end])
                    })
                    .flatten()
                    .filter(|(n, e)| *n == f.end - f.start && e.label == EntityLabel::Place)
                    .and_then(|(_, e)| e.subtype.clone());
                NamedEntity {
                    sentence: f.sentence,
                    tokens: f.start..f.end,
                    span,
                    label: f.label,
                    subtype,
                }
            })
            .collect()
    }

    /// IOB2 tags (`B-PER`, `I-ORG`, `O`, ...) for one document's sentences of
    /// words, one tag per word (for `newskg analyze --input tokens --format bio`).
    pub fn predict_tokens(&self, sentences: &[Vec<String>]) -> Vec<Vec<String>> {
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let mut tags: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| vec!["O".to_string(); s.len()])
            .collect();
        for f in self.recognize(&words) {
            for (k, tag) in tags[f.sentence][f.start..f.end].iter_mut().enumerate() {
                *tag = format!("{}-{}", if k == 0 { "B" } else { "I" }, f.label.conll());
            }
        }
        tags
    }

    /// The model's own spans for one sentence (step 1 only).
    fn label_sentence(&self, words: &[&str]) -> Vec<(usize, usize, EntityLabel)> {
        let view = SentenceView::new(words, &self.gazetteer, &self.clusters);
        let classes = greedy(&view, |f, s| self.model.score(f, s));
        spans(&classes)
    }

    /// Steps 1–3 over a whole document.
    fn recognize(&self, doc: &[Vec<&str>]) -> Vec<Found> {
        let mut found: Vec<Found> = Vec::new();
        for (s, words) in doc.iter().enumerate() {
            for (start, end, label) in self.label_sentence(words) {
                found.push(Found {
                    sentence: s,
                    start,
                    end,
                    label,
                });
            }
        }
        self.repair_spans(doc, &mut found);
        self.apply_gazetteer(doc, &mut found);
        self.find_organisations(doc, &mut found);
        self.find_acronyms(doc, &mut found);
        self.find_place_compounds(doc, &mut found);
        extend_person_names(doc, &mut found, &self.gazetteer, |w| self.is_common_word(w));
        if is_sports_report(doc) {
            self.read_places_as_teams(doc, &mut found);
            self.find_teams_in_results(doc, &mut found);
        }
        self.type_by_company_words(doc, &mut found);
        join_misc(doc, &mut found);
        make_consistent(doc, &mut found, &self.gazetteer);
        // Last, so that no team or majority type overrides the story's place.
        self.find_datelines(doc, &mut found);
        found.sort_by_key(|f| (f.sentence, f.start));
        found
    }

    /// Step 2a: a leading "The" is not part of a name, and a person span that
    /// starts with a country ("Ambassador to Mexico Ronald Johnson") is two names.
    /// A person or place span with a figure, a punctuation mark or a small
    /// word inside ("P. Johnson 84 ; M. McCague", "Waugh b Muralitharan") is
    /// two names, as in scorecards and lists.
    fn repair_spans(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
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

    /// Step 2c: a capitalised run that ends in an organisation word ("U.S.
    /// Customs and Border Protection", "New York Times") or opens with one
    /// followed by "of" ("Department of Defense") is one organisation name,
    /// and one that ends in an event word ("World Cup") is MISC; either
    /// replaces whatever the model found inside it.
    fn find_organisations(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate() {
            let mut i = 0;
            while i < words.len() {
                let end = capitalised_run(words, i);
                if end == i {
                    i += 1;
                    continue;
                }
                let start = if words[i] == "The" { i + 1 } else { i };
                let org_word =
                    |k: usize| self.gazetteer.is_org_word(words[k]) && is_capitalised(words[k]);
                let ends_in_org = org_word(end - 1);
                let opens_with_org = org_word(start) && words.get(start + 1) == Some(&"of");
                let event = self.gazetteer.is_event_word(words[end - 1]);
                let label = if event {
                    EntityLabel::Misc
                } else {
                    EntityLabel::Organization
                };
                // "West Bank" ends in "Bank" but is a known place.
                let place = self
                    .gazetteer
                    .lookup(&words[start..end].join(" "))
                    .is_some_and(|e| e.label == EntityLabel::Place);
                if end - start >= 2 && (ends_in_org || opens_with_org || event) && !place {
                    found.retain(|f| f.sentence != s || f.end <= start || f.start >= end);
                    found.push(Found {
                        sentence: s,
                        start,
                        end,
                        label,
                    });
                }
                i = end;
            }
        }
    }

    /// Step 2e: words built on a place or people are MISC in the CoNLL
    /// conventions, not the place itself: "New York-based", "Surinamese-born",
    /// "ex-England", "Arab-Israeli"; so are currencies written "C$", "A$".
    fn find_place_compounds(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        const TAILS: [&str; 9] = [
            "based",
            "born",
            "registered",
            "bound",
            "origin",
            "owned",
            "led",
            "made",
            "listed",
        ];
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
                        .filter(|(_, tail)| TAILS.contains(tail))
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

    /// Step 2d: an unknown acronym in running text ("OSCE", "FIFA") names an
    /// organisation far more often than anything else in news; the model,
    /// trained on web text, leaves most of them out. Headlines and tables
    /// in capitals are skipped (every word looks like an acronym there).
    fn find_acronyms(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
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
    /// under the path prefix `011` ("wigan", "pirelli", "nato", "smith");
    /// common words sit elsewhere ("the" 1101, "good" 1110, "free" 0101).
    fn is_common_word(&self, word: &str) -> bool {
        self.clusters
            .get(&word.to_lowercase())
            .is_some_and(|path| !path.starts_with(NAME_BRANCH))
    }

    /// Step 3a: the dateline that opens a news story ("MADRID 1996-08-30",
    /// "MEXICO CITY (Reuters) -", "WASHINGTON, Nov. 20") names a place.
    /// Only the first sentences of a document are read, where datelines are.
    fn find_datelines(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        for (s, words) in doc.iter().enumerate().take(3) {
            let places = dateline_places(words);
            if places.is_empty() || self.gazetteer.demonym(&title_case(words[0])).is_some() {
                continue;
            }
            for (start, end) in places {
                found.retain(|f| f.sentence != s || f.end <= start || f.start >= end);
                found.push(Found {
                    sentence: s,
                    start,
                    end,
                    label: EntityLabel::Place,
                });
            }
        }
    }

    /// Step 3b, in sports reports only: a city, county or region standing
    /// for its team ("Leeds beat Arsenal", "Surrey 301-5", "NEW YORK 75 55")
    /// is an organisation. Countries stay places (national sides are typed
    /// by their country, as in CoNLL), and so does a place after "in", "at"
    /// or "near", or in a dateline.
    fn read_places_as_teams(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        self.find_team_names(doc, found);
        for f in found.iter_mut().filter(|f| f.label == EntityLabel::Place) {
            let words = &doc[f.sentence];
            let name = words[f.start..f.end].join(" ");
            let lookup = self.gazetteer.lookup(&name).or_else(|| {
                let titled: Vec<String> = words[f.start..f.end]
                    .iter()
                    .map(|w| title_case(w))
                    .collect();
                self.gazetteer.lookup(&titled.join(" "))
            });
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

    /// Known team names ("Yankees", "Leicestershire", "Red Star") are
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
    /// followed by a score or a number ("Glamorgan 301-5", "COLORADO 70 67
    /// .511", "Hanwha 4 Ssangbangwool 2") is a team in a results line or a
    /// table, unless it is a country (a national side: a place), opens with
    /// a given name or an initial (a player), or is a lone common word
    /// ("Round 2", "Group 4").
    fn find_teams_in_results(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        // Words of the person names found anywhere in the document: a
        // bowler's "Hollioake 6.5-1-23-4" is the "Adam Hollioake" above.
        let persons: Vec<&[&str]> = found
            .iter()
            .filter(|f| f.label == EntityLabel::Person)
            .map(|f| &doc[f.sentence][f.start..f.end])
            .collect();
        let persons: Vec<Vec<&str>> = persons.into_iter().map(<[&str]>::to_vec).collect();
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
                // first one's score ("Leeds 2 Arsenal 1").
                let row_start = i == 0
                    || is_number(words[i - 1])
                    || matches!(words[i - 1], "v" | "vs" | "vs." | "," | ";" | ":" | "-");
                let followed_by_number =
                    row_start && words.get(end).is_some_and(|w| is_team_figure(w));
                let in_person_name = persons
                    .iter()
                    .any(|p| words[i..end].iter().all(|w| p.contains(w)));
                let name = words[i..end].join(" ");
                let titled: Vec<String> = words[i..end].iter().map(|w| title_case(w)).collect();
                let entry = self
                    .gazetteer
                    .lookup(&name)
                    .or_else(|| self.gazetteer.lookup(&titled.join(" ")));
                let country = entry.is_some_and(|e| e.subtype.as_deref() == Some("Country"));
                let player = self.gazetteer.is_given_name(&titled[0]) || is_initial(words[i]);
                let common = end == i + 1
                    && entry.is_none()
                    && (self.is_common_word(words[i])
                        || !words[i].chars().any(char::is_alphabetic));
                if followed_by_number
                    && !player
                    && !common
                    && !in_person_name
                    && self.gazetteer.demonym(&titled[0]).is_none()
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

    /// Step 3d: a name the document calls a company, club or newspaper
    /// anywhere ("tyre giant Pirelli", "packaging company Cofinec",
    /// "Petofi general manager", "Cofinec S.A.", "Interfax news agency") is
    /// an organisation in every mention, whatever the model said or missed;
    /// a name that opens with a given name or is a known place keeps its
    /// type (a known person does not: "giant Pirelli" is no person).
    fn type_by_company_words(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
        let mut organisations: Vec<Vec<&str>> = Vec::new();
        for words in doc {
            for (k, w) in words.iter().enumerate() {
                // The cue noun as written: lower-case ("giant", not "General").
                let cue = org_cue(w);
                let name = if cue == Some(OrgCue::Before) {
                    let end = (k + 1..words.len().min(k + 4))
                        .take_while(|&j| is_capitalised(words[j]))
                        .last()
                        .map_or(k + 1, |j| j + 1);
                    &words[k + 1..end]
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
                let Some(first) = name.first() else {
                    continue;
                };
                // "Good news", "The board", "Group A": a common word or a letter.
                let common =
                    name.len() == 1 && (first.chars().count() < 2 || self.is_common_word(first));
                let joined = name.join(" ");
                let place_or_person = common
                    || self
                        .gazetteer
                        .lookup(&joined)
                        .is_some_and(|e| e.label == EntityLabel::Place)
                    || self.gazetteer.demonym(&joined).is_some()
                    || self.gazetteer.is_given_name(first)
                    || self.gazetteer.is_title(&first.to_lowercase())
                    || is_month(first)
                    || is_weekday(first);
                if !place_or_person && !organisations.contains(&name.to_vec()) {
                    organisations.push(name.to_vec());
                }
            }
        }
        if organisations.is_empty() {
            return;
        }
        for f in found.iter_mut().filter(|f| f.label != EntityLabel::Misc) {
            if organisations
                .iter()
                .any(|o| o[..] == doc[f.sentence][f.start..f.end])
            {
                f.label = EntityLabel::Organization;
            }
        }
        // Mentions the model missed.
        for (s, words) in doc.iter().enumerate() {
            let mut covered = covered(found, s, words.len());
            for name in &organisations {
                let n = name.len();
                for i in 0..(words.len() + 1).saturating_sub(n) {
                    if words[i..i + n] == name[..] && !covered[i..i + n].iter().any(|c| *c) {
                        found.push(Found {
                            sentence: s,
                            start: i,
                            end: i + n,
                            label: EntityLabel::Organization,
                        });
                        covered[i..i + n].iter_mut().for_each(|c| *c = true);
                    }
                }
            }
        }
    }

    /// Step 2b: gazetteer types, missed known names, demonyms as MISC.
    fn apply_gazetteer(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
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
                    // One-word organisation names ("Interfax", "Pirelli"),
                    // unless the word is also a common word ("Shell", "Apple").
                    let one_word_org = len == 1
                        && entry.label == EntityLabel::Organization
                        && !headline
                        && !self.is_common_word(words[i]);
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
}

/// Greedy left-to-right decoding under the BILOU transition rules.
fn greedy(view: &SentenceView, score: impl Fn(&[u64], &mut [f32])) -> Vec<usize> {
    let mut classes = Vec::with_capacity(view.len());
    let mut feats = Vec::new();
    let (mut prev, mut prev2) = (None, None);
    for i in 0..view.len() {
        view.features(i, prev, prev2, &mut feats);
        let mut scores = [0.0f32; CLASSES];
        score(&feats, &mut scores);
        let best = best_allowed(&scores, prev);
        classes.push(best);
        prev2 = prev;
        prev = Some(best);
    }
    classes
}

/// The highest-scoring class allowed after `prev`.
fn best_allowed(scores: &[f32], prev: Option<usize>) -> usize {
    let mut best = 0;
    let mut best_score = f32::NEG_INFINITY;
    for (c, s) in scores.iter().enumerate() {
        if allowed(prev, c) && *s > best_score {
            best = c;
            best_score = *s;
        }
    }
    best
}

/// Entity spans `(start, end, type)` of a BILOU class sequence; an entity
/// left open at the end of the sentence is closed there.
fn spans(classes: &[usize]) -> Vec<(usize, usize, EntityLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityLabel)> = None;
    for (i, c) in classes.iter().enumerate() {
        match decode(*c) {
            Some((Part::Begin, t)) => {
                if let Some((s, u)) = open.take() {
                    out.push((s, i, u));
                }
                open = Some((i, t));
            }
            Some((Part::Inside, t)) => {
                if !matches!(open, Some((_, u)) if u == t) {
                    if let Some((s, u)) = open.take() {
                        out.push((s, i, u));
                    }
                    open = Some((i, t));
                }
            }
            Some((Part::Last, t)) => {
                let start = match open.take() {
                    Some((s, u)) if u == t => s,
                    Some((s, u)) => {
                        out.push((s, i, u));
                        i
                    }
                    None => i,
                };
                out.push((start, i + 1, t));
            }
            Some((Part::Unit, t)) => {
                if let Some((s, u)) = open.take() {
                    out.push((s, i, u));
                }
                out.push((i, i + 1, t));
            }
            None => {
                if let Some((s, u)) = open.take() {
                    out.push((s, i, u));
                }
            }
        }
    }
    if let Some((s, u)) = open {
        out.push((s, classes.len(), u));
    }
    out
}

/// BILOU classes of a sentence from entity spans.
fn classes_of(len: usize, spans: &[(usize, usize, EntityLabel)]) -> Vec<usize> {
    let mut out = vec![0; len];
    for &(s, e, t) in spans {
        if e == s + 1 {
            out[s] = encode(Part::Unit, t);
        } else {
            out[s] = encode(Part::Begin, t);
            for c in &mut out[s + 1..e - 1] {
                *c = encode(Part::Inside, t);
            }
            out[e - 1] = encode(Part::Last, t);
        }
    }
    out
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
        } else if matches!(words[end], "of" | "and" | "for" | "&" | "the" | "on")
            && words.get(end + 1).is_some_and(|w| is_capitalised(w))
        {
            end += 2;
        } else {
            break;
        }
    }
    end
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

/// Nouns that put an organisation's name after them ("company Cofinec",
/// "tyre giant Pirelli", "club Ruch", "newspaper Zycie Warszawy").
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
];

/// Nouns that follow an organisation's name ("Cofinec CEO", "Petofi general
/// manager", "Pirelli shares", "Interfax news agency").
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
];

/// Company-form suffixes, as written ("Cofinec S.A.", "Acme Inc.").
const ORG_SUFFIXES: &[&str] = &[
    "plc", "PLC", "S.A.", "SA", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "AG", "NV", "N.V.",
    "SpA", "GmbH", "Co", "Co.", "Bhd", "AB", "ASA", "Oyj",
];

/// The Brown-cluster path prefix under which the shipped table puts names.
const NAME_BRANCH: &str = "011";

/// Whether the word before `start` puts a place there ("in Leeds", "at
/// Old Trafford"), so that a city is the city and not its team.
fn after_locative(words: &[&str], start: usize) -> bool {
    start.checked_sub(1).is_some_and(|k| {
        ["in", "at", "near", "outside", "around", "across", "into"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(words[k]))
    })
}

/// Where an organisation's name stands from a cue word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OrgCue {
    /// "giant Pirelli"
    Before,
    /// "Pirelli shares", "Cofinec S.A."
    After,
}

/// The cue a word gives, as written (one hash lookup per word: this runs
/// over every word of every document).
fn org_cue(word: &str) -> Option<OrgCue> {
    static CUES: std::sync::OnceLock<HashMap<&'static str, OrgCue>> = std::sync::OnceLock::new();
    CUES.get_or_init(|| {
        let before = ORG_NOUNS_BEFORE.iter().map(|w| (*w, OrgCue::Before));
        let after = ORG_NOUNS_AFTER
            .iter()
            .chain(ORG_SUFFIXES)
            .map(|w| (*w, OrgCue::After));
        // A word in both lists ("subsidiary") reads as the noun before a name.
        after.chain(before).collect()
    })
    .get(word)
    .copied()
}

/// Whether a document reads as a sports report: three distinct sports
/// words, or one and three results lines; in a document longer than a long article, sports words and scores
/// ("2-1", "301-5") must also make up one token in a hundred (so that a long
/// mixed file is not one sports report).
fn is_sports_report(doc: &[Vec<&str>]) -> bool {
    let mut cues: Vec<&str> = Vec::new();
    let (mut hits, mut tokens) = (0, 0);
    for w in doc.iter().flatten() {
        tokens += 1;
        if let Some(cue) = SPORTS_WORDS.iter().find(|c| c.eq_ignore_ascii_case(w)) {
            hits += 1;
            if !cues.contains(cue) {
                cues.push(cue);
            }
        } else if is_score(w) {
            hits += 1;
        }
    }
    let rows = doc.iter().filter(|s| is_results_row(s)).count();
    (cues.len() >= 3 || (!cues.is_empty() && rows >= 3))
        && (tokens <= 2000 || (hits + rows) * 100 >= tokens)
}

/// A results line: "Leeds 2 Arsenal 1", "Atlanta 5 PITTSBURGH 1 ( 1st game )":
/// a name, a count, a name, a count.
fn is_results_row(words: &[&str]) -> bool {
    let name_end = |from: usize| {
        let end = (from..words.len())
            .take_while(|&k| is_capitalised(words[k]))
            .last()
            .map_or(from, |k| k + 1);
        (end > from && end - from <= 3).then_some(end)
    };
    let count = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()) && w.len() <= 3)
    };
    name_end(0)
        .filter(|&e| count(e))
        .and_then(|e| name_end(e + 1))
        .is_some_and(count)
}

/// The places of the dateline that opens a story, as token ranges: one to
/// three words in capitals ("MADRID 1996-08-30", "MEXICO CITY (Reuters)",
/// "WASHINGTON, Nov. 20"), optionally followed by a comma and a region
/// ("ARLINGTON , Texas 1996-08-31"), then a date, a month or a parenthesis.
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
    }
    Vec::new()
}

/// "2-1", "301-5", "6-4": digits, a hyphen, digits (not a date).
fn is_score(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        (1..=3).contains(&a.len())
            && (1..=3).contains(&b.len())
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// "70", "301-5", ".511", "4.5": a count, score or figure in a table.
fn is_number(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | '.' | '/'))
        && !is_date(word)
}

/// A team's figure in a results line or a table: a count ("2", "70"), a
/// score ("301-5") or a ratio (".511"); not a player's figures such as
/// bowling "8-0-37-2".
fn is_team_figure(word: &str) -> bool {
    is_number(word) && word.matches('-').count() <= 1 && !word.contains('/')
}

/// "1996-08-30": an ISO date.
fn is_date(word: &str) -> bool {
    let parts: Vec<&str> = word.split('-').collect();
    parts.len() == 3
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// A month name or its abbreviation ("Nov.", "November").
fn is_month(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.trim_end_matches('.').to_lowercase();
    lower.len() >= 3 && MONTHS.iter().any(|m| lower.starts_with(m)) && {
        let full = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "sept",
        ];
        lower.len() == 3 || full.contains(&lower.as_str())
    }
}

/// "Monday" ... "Sunday".
fn is_weekday(word: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    DAYS.iter().any(|d| d.eq_ignore_ascii_case(word))
}

/// "II", "XIV": a Roman numeral (a king's or a sequel's number, not a name).
fn is_roman_numeral(word: &str) -> bool {
    word.chars()
        .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'M'))
}

/// Particles inside person names ("Aravinda de Silva", "van der Westhuizen").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "do", "dos", "du", "van", "von", "der", "den", "del", "la", "le", "bin",
    "ibn",
];

/// Step 2f: a person's name takes in a given name or an initial before it
/// ("Ronald Johnson", "A. Smith", "J.J. Kenny") and lower-case particles
/// with the capitalised name before them ("Aravinda de Silva", "Gary van der
/// Merwe"), which the model, not having seen many such names, cuts off.
fn extend_person_names(
    doc: &[Vec<&str>],
    found: &mut Vec<Found>,
    gazetteer: &Gazetteer,
    is_common_word: impl Fn(&str) -> bool,
) {
    let taken: Vec<(usize, usize, usize)> =
        found.iter().map(|f| (f.sentence, f.start, f.end)).collect();
    let free = |s: usize, k: usize| !taken.iter().any(|&(t, a, b)| t == s && a <= k && k < b);
    // A capitalised word that may open a person's name: no title, month,
    // common word or known place, people or organisation.
    let may_open = |w: &str| {
        is_capitalised(w)
            && w.chars().all(char::is_alphabetic)
            && !is_honorific(w, gazetteer)
            && !is_common_word(w)
            && gazetteer.lookup(w).is_none()
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
        // name-like word right before a one-word name ("Duncan Ferguson").
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
    // "M." and "Bicknell" found as two persons are one.
    found.sort_by_key(|f| (f.sentence, f.start));
    let mut merged: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        match merged.last_mut() {
            Some(last)
                if last.sentence == f.sentence
                    && last.end == f.start
                    && last.label == EntityLabel::Person
                    && f.label == EntityLabel::Person
                    && doc[f.sentence][last.start..last.end]
                        .iter()
                        .all(|w| is_initial(w)) =>
            {
                last.end = f.end;
            }
            _ => merged.push(f),
        }
    }
    *found = merged;
}

/// Step 3e: MISC names next to each other are one ("Iraqi Kurds", "Bosnian
/// Serb"), and an event takes in the year before it ("1998 World Cup").
fn join_misc(doc: &[Vec<&str>], found: &mut Vec<Found>) {
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
fn is_initial(word: &str) -> bool {
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

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Which tokens of sentence `s` are already inside a found entity.
fn covered(found: &[Found], s: usize, len: usize) -> Vec<bool> {
    let mut covered = vec![false; len];
    for f in found.iter().filter(|f| f.sentence == s) {
        covered[f.start..f.end].iter_mut().for_each(|c| *c = true);
    }
    covered
}

/// Step 4: one type per name through the document, later mentions of found
/// names, and parts of person names as persons.
fn make_consistent(doc: &[Vec<&str>], found: &mut Vec<Found>, gazetteer: &Gazetteer) {
    let text = |f: &Found| doc[f.sentence][f.start..f.end].join(" ");
    // Majority type per name (first seen wins ties), MISC kept apart.
    let mut votes: HashMap<String, Vec<(EntityLabel, usize)>> = HashMap::new();
    for f in found.iter().filter(|f| f.label != EntityLabel::Misc) {
        let v = votes.entry(text(f)).or_default();
        match v.iter_mut().find(|(l, _)| *l == f.label) {
            Some((_, n)) => *n += 1,
            None => v.push((f.label, 1)),
        }
    }
    let mut known: HashMap<String, EntityLabel> = HashMap::new();
    for (name, v) in &votes {
        let mut best = v[0];
        for x in v {
            if x.1 > best.1 {
                best = *x;
            }
        }
        known.insert(name.clone(), best.0);
    }
    // First and last words of multi-word person names are persons too
    // ("Sheinbaum" after "Claudia Sheinbaum"), unless they are titles or
    // countries.
    let persons: Vec<&Found> = found
        .iter()
        .filter(|f| known.get(&text(f)) == Some(&EntityLabel::Person) && f.end - f.start >= 2)
        .collect();
    let mut parts = Vec::new();
    for f in persons {
        for w in [doc[f.sentence][f.start], doc[f.sentence][f.end - 1]] {
            let country = gazetteer
                .lookup(w)
                .is_some_and(|e| e.subtype.as_deref() == Some("Country"));
            if w.chars().count() > 1
                && is_capitalised(w)
                && !country
                && !gazetteer.is_title(&w.to_lowercase())
            {
                parts.push(w.to_string());
            }
        }
    }
    for w in parts {
        known.insert(w, EntityLabel::Person);
    }
    for f in found.iter_mut().filter(|f| f.label != EntityLabel::Misc) {
        if let Some(l) = known.get(&text(f)) {
            f.label = *l;
        }
    }
    // Later (or earlier) bare mentions of a known name.
    let longest = known
        .keys()
        .map(|k| k.split(' ').count())
        .max()
        .unwrap_or(0);
    for (s, words) in doc.iter().enumerate() {
        let mut covered = covered(found, s, words.len());
        let mut i = 0;
        while i < words.len() {
            if covered[i] || !is_capitalised(words[i]) {
                i += 1;
                continue;
            }
            let max = longest.min(words.len() - i);
            let hit = (1..=max).rev().find_map(|n| {
                let free = !covered[i..i + n].iter().any(|c| *c);
                let label = known.get(&words[i..i + n].join(" "))?;
                free.then_some((n, *label))
            });
            match hit {
                Some((n, label)) => {
                    found.push(Found {
                        sentence: s,
                        start: i,
                        end: i + n,
                        label,
                    });
                    covered[i..i + n].iter_mut().for_each(|c| *c = true);
                    i += n;
                }
                None => i += 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::{Span, Token};

    const COUNTRIES: &str =
        "MEXICO_  [MEX]\n+MEXICAN_ \nUNITED_STATES_OF_AMERICA_  [USA]\n+U.S. \n+AMERICAN_ \n";
    const AGENTS: &str = "PRESIDENT [~GOV]\nAMBASSADOR [~GOV]\n";

    fn gazetteer() -> Gazetteer {
        Gazetteer::compile_from(COUNTRIES, "UNITED_NATIONS_ [IGOUNO]\n", "", AGENTS)
    }

    /// A recognizer trained in the test on a few made-up sentences.
    fn tiny() -> (Recognizer, NerTrainReport, tempfile::TempDir) {
        let dir = tempfile::tempdir().unwrap();
        let sentences = [
            "Maria/B-PER Lopez/I-PER lives/O in/O Canada/B-LOC ./O",
            "John/B-PER Smith/I-PER works/O for/O Acme/B-ORG Corp./I-ORG ./O",
            "We/O met/O Anna/B-PER Berg/I-PER in/O Norway/B-LOC ./O",
            "She/O joined/O Globex/B-ORG Inc./I-ORG last/O year/O ./O",
            "The/O food/O in/O Peru/B-LOC was/O good/O ./O",
            "Peter/B-PER Brown/I-PER called/O Initech/B-ORG Corp./I-ORG today/O ./O",
        ];
        let mut text = String::new();
        for _ in 0..3 {
            for s in sentences {
                for pair in s.split(' ') {
                    let (w, t) = pair.rsplit_once('/').unwrap();
                    text.push_str(&format!("{w}\t{t}\n"));
                }
                text.push('\n');
            }
        }
        std::fs::write(dir.path().join("train.txt"), &text).unwrap();
        std::fs::write(dir.path().join("dev.txt"), &text).unwrap();
        std::fs::write(
            dir.path().join("brown.tsv"),
            "Canada\t0110\nNorway\t0110\nPeru\t0110\nMexico\t0110\nfree\t0101\nFREE\t0111\n\
             round\t0001\ngood\t0011\nqrst\t0110\nQRST\t0110\n",
        )
        .unwrap();
        let config = NerTrainConfig {
            train: dir.path().join("train.txt"),
            dev: dir.path().join("dev.txt"),
            clusters: dir.path().join("brown.tsv"),
            max_epochs: 5,
            seed: 1,
            prune: 0.0,
            augment: false,
        };
        let (rec, report) = train_ner(&config, gazetteer()).unwrap();
        (rec, report, dir)
    }

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn tiny_training_run_learns_and_round_trips() {
        let (rec, report, dir) = tiny();
        assert!(report.dev_f1 > 0.9, "{report:?}");
        let tags = rec.predict_tokens(&[words("Anna Lopez lives in Peru .")]);
        assert_eq!(tags[0], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]);
        // Saved and loaded, it predicts the same.
        rec.save(&dir.path().join("ner.nkw")).unwrap();
        gazetteer().save(&dir.path().join("gazetteer.nkw")).unwrap();
        let again = Recognizer::load(dir.path()).unwrap();
        assert_eq!(
            again.predict_tokens(&[words("Anna Lopez lives in Peru .")]),
            tags
        );
        // Training is deterministic.
        let (twin, _, _) = tiny();
        assert_eq!(twin.model.to_bytes(), rec.model.to_bytes());
    }

    #[test]
    fn gazetteer_adds_countries_and_demonyms() {
        let (rec, _, _dir) = tiny();
        let tags = rec.predict_tokens(&[words("the Mexican army left the U.S. yesterday")]);
        assert_eq!(tags[0], ["O", "B-MISC", "O", "O", "O", "B-LOC", "O"]);
        // Byte spans and subtypes through `predict`.
        let text = "He visited Mexico.";
        let mut at = 0;
        let tokens: Vec<Token> = ["He", "visited", "Mexico", "."]
            .iter()
            .map(|w| {
                let start = text[at..].find(w).unwrap() + at;
                at = start + w.len();
                Token::unanalyzed(Span::new(start, at), *w)
            })
            .collect();
        let sentence = Sentence {
            span: Span::new(0, text.len()),
            tokens,
        };
        let found = rec.predict(text, &[sentence]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.of(text), "Mexico");
        assert_eq!(found[0].subtype.as_deref(), Some("Country"));
    }

    #[test]
    fn document_consistency() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["President", "Claudia", "Sheinbaum", "spoke", "."],
            vec!["Sheinbaum", "said", "Claudia", "Sheinbaum", "agreed", "."],
            vec!["Acme", "grew", "."],
            vec!["Acme", "hired", "."],
            vec!["Acme", "fell", "."],
        ];
        let found = |sentence, start, end, label| Found {
            sentence,
            start,
            end,
            label,
        };
        let mut list = vec![
            found(0, 1, 3, EntityLabel::Person),
            found(2, 0, 1, EntityLabel::Organization),
            found(3, 0, 1, EntityLabel::Organization),
            found(4, 0, 1, EntityLabel::Place),
        ];
        make_consistent(&doc, &mut list, &gazetteer());
        list.sort_by_key(|f| (f.sentence, f.start));
        assert_eq!(
            list,
            [
                found(0, 1, 3, EntityLabel::Person),
                found(1, 0, 1, EntityLabel::Person),
                found(1, 2, 4, EntityLabel::Person),
                found(2, 0, 1, EntityLabel::Organization),
                found(3, 0, 1, EntityLabel::Organization),
                found(4, 0, 1, EntityLabel::Organization),
            ]
        );
    }

    fn found(sentence: usize, start: usize, end: usize, label: EntityLabel) -> Found {
        Found {
            sentence,
            start,
            end,
            label,
        }
    }

    fn sorted(mut list: Vec<Found>) -> Vec<Found> {
        list.sort_by_key(|f| (f.sentence, f.start));
        list
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
            vec!["OSCE", "TALKS", "END", "IN", "MEXICO"],
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
    fn datelines_name_places() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["SOCCER", "-", "LEEDS", "WIN", "."],
            vec!["LEEDS", "1996-08-30"],
            vec![
                "MEXICO", "CITY", "(", "Reuters", ")", "-", "Rain", "fell", ".",
            ],
            vec!["WHO", "1996-08-30", "said"],
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
        let with_region = ["ARLINGTON", ",", "Texas", "1996-08-31"];
        assert_eq!(dateline_places(&with_region), [(0, 1), (2, 3)]);
        assert!(dateline_places(&["ARLINGTON", ",", "said", "Smith"]).is_empty());
    }

    #[test]
    fn places_in_sports_reports_are_teams() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["Leeds", "beat", "Mexico", "2-1", "in", "the", "league", "."],
            vec!["Smith", "scored", "two", "goals", "at", "Leeds", "."],
            vec!["Hanwha", "4", "Ssangbangwool", "2"],
            vec!["Round", "2", ":", "Tiger", "Woods", "led", "."],
            vec!["Woods", "68", "Mexico", "3"],
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
        // One sports word and three results lines make a results report.
        let results: Vec<Vec<&str>> = vec![
            vec!["BASEBALL", "-", "RESULTS"],
            vec!["Atlanta", "5", "PITTSBURGH", "1"],
            vec!["CHICAGO", "3", "Atlanta", "2", "(", "1st", "game", ")"],
            vec!["New", "York", "6", "St", "Louis", "5"],
        ];
        assert!(is_sports_report(&results));
        assert!(!is_results_row(&["In", "1996", "Smith", "won"]));
        // A story with one sports word is not a sports report.
        let politics: Vec<Vec<&str>> = vec![vec!["Leeds", "voted", "for", "the", "league", "."]];
        assert!(!is_sports_report(&politics));
    }

    #[test]
    fn company_words_type_every_mention() {
        let (rec, _, _dir) = tiny();
        let doc: Vec<Vec<&str>> = vec![
            vec!["Italian", "tyre", "giant", "Pirelli", "rose", "."],
            vec!["Pirelli", "said", "Mexico", "shares", "fell", "."],
            vec!["John", "Smith", "shares", "views", "with", "Pirelli", "."],
            vec![
                "Attorney", "General", "Reno", "spoke", "to", "group", "A", ".",
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
    fn person_names_take_initials_and_particles() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["A.", "Hollioake", "bowled"],
            vec!["Aravinda", "de", "Silva", "batted"],
            vec!["In", "the", "U.S.", "Smith", "won"],
            vec!["then", "van", "Basten", "scored"],
            vec!["M.", "Slater", "run", "out", ",", "M.", "Bicknell", "4-38"],
            vec![
                "Everton",
                "'s",
                "Duncan",
                "Ferguson",
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
    }

    #[test]
    fn spans_split_at_figures_and_small_words() {
        let doc: Vec<Vec<&str>> = vec![
            vec!["P.", "Johnson", "84", ";", "M.", "McCague", "4-55"],
            vec!["Waugh", "b", "Muralitharan", "22"],
            vec!["Isle", "of", "Man", "and", "Aravinda", "de", "Silva"],
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
                "Iraqi", "Kurds", "watched", "the", "1998", "World", "Cup", "in", "1998",
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

    #[test]
    fn empty_input_does_not_panic() {
        let (rec, _, _dir) = tiny();
        assert!(rec.predict("", &[]).is_empty());
        assert_eq!(rec.predict_tokens(&[vec![]]), vec![Vec::<String>::new()]);
        assert!(rec.predict_tokens(&[]).is_empty());
    }

    #[test]
    fn bilou_spans_round_trip() {
        let s = vec![
            (0, 2, EntityLabel::Person),
            (3, 4, EntityLabel::Place),
            (4, 7, EntityLabel::Organization),
        ];
        assert_eq!(spans(&classes_of(8, &s)), s);
    }

    #[test]
    fn shipped_model_finds_news_names() {
        let dir = crate::nlp::Analyzer::default_dir();
        let rec = Recognizer::load(&dir).unwrap();
        let doc = [
            words("Mexican President Claudia Sheinbaum rejected the proposal , The New York Times reported ."),
            words("Sheinbaum spoke with U.S. Secretary of State Marco Rubio in Mexico City ."),
        ];
        let tags = rec.predict_tokens(&doc);
        assert_eq!(&tags[0][..4], ["B-MISC", "O", "B-PER", "I-PER"]);
        assert_eq!(&tags[0][8..12], ["O", "B-ORG", "I-ORG", "I-ORG"]);
        assert_eq!(tags[1][0], "B-PER");
        assert_eq!(&tags[1][7..9], ["B-PER", "I-PER"]);
    }
}
