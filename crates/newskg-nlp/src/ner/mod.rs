//! Named-entity recognizer: a document's sentences in, PER / ORG / LOC / MISC
//! spans out (with a finer subtype such as "Country" from the gazetteer).
//!
//! Four steps, in order:
//! 1. a greedy left-to-right averaged-perceptron labeller ([`features`]) tags
//!    each sentence in BILOU (trained by [`train_ner`] on UNER-EWT and other
//!    openly licensed corpora, each with its weight and MISC convention);
//! 2. the gazetteer and the shapes of names correct and complete it: a span
//!    that is exactly a known country, organisation or person takes that
//!    type, known countries and multi-word names the model missed are added,
//!    a standalone demonym ("Mexican cartels") becomes MISC as in the CoNLL
//!    conventions, capitalised runs ending in "Ministry" or "Cup" are
//!    organisations or events, unknown acronyms are organisations, and
//!    persons take in their initials and particles ("L. de Varga"); names of
//!    every shape stay whole ("Park Ji-hoon", "Omar bin Khalid", "Emily So",
//!    "9gag", "Medium.com": [`shapes`]);
//! 3. the conventions of news: the dateline opening a story names a place;
//!    in sports reports a city or county standing for its team, and a name
//!    heading a row of results, is an organisation; a name the text calls a
//!    company, club or newspaper ("tyre giant Brevant") is one throughout, and
//!    so is one that takes "the" before "said" or a "spokesman for";
//! 4. document-level consistency: a name keeps its majority type through the
//!    document, later bare mentions of a found name are tagged too, and the
//!    parts of a person's name ("Sheinbaum" after "Claudia Sheinbaum") are PER.
//!
//! The spans follow [`Conventions::Graph`] unless CoNLL-2003's are asked for
//! (`analyze --format bio --conventions conll`): in the graph, MISC entities
//! are named things only, not demonyms or adjectives.
//!
//! Why: UNER-EWT is web text, and web-trained NER transfers badly to news
//! (sports pages, datelines, company news); gazetteers, Brown clusters, the
//! genre's conventions and document consistency carry across domains.

mod consistency;
mod features;
mod names;
mod news;
mod shapes;
mod train;

use std::path::Path;

use self::consistency::{make_consistent, type_affiliations, type_lists_alike};
use self::features::{
    allowed, decode, encode, Clusters, Part, SentenceView, CLASSES, CLASSES_WITHOUT_MISC,
};
use self::names::{
    extend_person_names, join_family_name_first, join_misc, join_touching_persons,
    split_title_department_person, split_title_place_person, take_given_names_from_places,
    type_after_courtesy_titles,
};
use self::news::is_sports_report;
use self::shapes::take_acronym_types;
use super::perceptron::{Model, WeightFile};
use super::{EntityLabel, Gazetteer, ModelError, ModelSource, NamedEntity, Sentence};

pub use self::train::{
    train_ner, LabelScheme, MiscConvention, NerSource, NerTrainConfig, NerTrainReport,
};

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

impl Found {
    /// Adds `self` to `found` in place of every name it overlaps in its
    /// sentence: a step that reads a whole name replaces the pieces the
    /// model or an earlier step had there.
    fn replace_overlapping(self, found: &mut Vec<Found>) {
        found.retain(|f| f.sentence != self.sentence || f.end <= self.start || f.start >= self.end);
        found.push(self);
    }
}

impl Recognizer {
    /// The gazetteer it was loaded with (the [`Analyzer`](super::Analyzer)
    /// shares it instead of loading `gazetteer.nkw` twice).
    pub(crate) fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Loads `dir/ner.nkw` and the gazetteer `dir/gazetteer.nkw`.
    pub fn load(dir: &Path) -> Result<Recognizer, ModelError> {
        Recognizer::from_source(&ModelSource::Dir(dir.to_owned()))
    }

    /// Loads `ner.nkw` and the gazetteer `gazetteer.nkw` from `models`.
    pub fn from_source(models: &ModelSource) -> Result<Recognizer, ModelError> {
        let bytes = models.open("ner.nkw")?;
        let file = bytes.weights(KIND)?;
        let corrupt = |message: String| bytes.corrupt(message);
        let model = Model::from_bytes(
            file.section("model")
                .ok_or_else(|| corrupt("missing section \"model\"".into()))?,
        )
        .map_err(corrupt)?;
        if model.classes() != CLASSES && model.classes() != CLASSES_WITHOUT_MISC {
            return Err(corrupt(format!(
                "model has {} classes, expected {CLASSES} (or {CLASSES_WITHOUT_MISC} without MISC)",
                model.classes()
            )));
        }
        let clusters = String::from_utf8(file.section("clusters").unwrap_or_default().to_vec())
            .map_err(|_| corrupt("section \"clusters\" is not UTF-8".into()))?;
        let clusters = Clusters::from_text(clusters);
        Ok(Recognizer {
            model,
            gazetteer: Gazetteer::from_source(models)?,
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

    /// Named entities of a document's analysed sentences, in text order,
    /// under the [`Conventions::Graph`] (what `extract` and `ingest` use).
    pub fn predict(&self, text: &str, sentences: &[Sentence]) -> Vec<NamedEntity> {
        self.predict_with(text, sentences, Conventions::Graph)
    }

    /// [`Recognizer::predict`] under the given conventions. A name written
    /// with hyphens that the tokenizer splits ("Ji-hoon", "Parry-Okafor",
    /// "7-Eleven", "al-Rashid") is read as one word (see
    /// `Recognizer::name_words`); the entity still covers its tokens.
    pub fn predict_with(
        &self,
        text: &str,
        sentences: &[Sentence],
        conventions: Conventions,
    ) -> Vec<NamedEntity> {
        let (words, maps): (Vec<Vec<&str>>, Vec<Vec<std::ops::Range<usize>>>) = sentences
            .iter()
            .map(|s| self.name_words(text, &s.tokens))
            .unzip();
        self.recognize(&words, conventions)
            .into_iter()
            .filter_map(|f| {
                let map = &maps[f.sentence];
                let tokens = &sentences[f.sentence].tokens;
                let range = map[f.start].start..map[f.end - 1].end;
                // An adjective is no named thing: "Marxist", "Olympic".
                let adjective = f.label == EntityLabel::Misc
                    && conventions == Conventions::Graph
                    && tokens[range.end - 1].xpos.starts_with("JJ");
                if adjective {
                    return None;
                }
                let span = tokens[range.start].span.join(tokens[range.end - 1].span);
                let subtype = (f.label == EntityLabel::Place)
                    .then(|| {
                        self.gazetteer
                            .longest_match(&words[f.sentence][f.start..f.end])
                    })
                    .flatten()
                    .filter(|(n, e)| *n == f.end - f.start && e.label == EntityLabel::Place)
                    .and_then(|(_, e)| e.subtype.clone());
                Some(NamedEntity {
                    sentence: f.sentence,
                    tokens: range,
                    span,
                    label: f.label,
                    subtype,
                })
            })
            .collect()
    }

    /// IOB2 tags (`B-PER`, `I-ORG`, `O`, ...) for one document's sentences of
    /// words, one tag per word (for `newskg analyze --input tokens --format bio`).
    pub fn predict_tokens(
        &self,
        sentences: &[Vec<String>],
        conventions: Conventions,
    ) -> Vec<Vec<String>> {
        let words: Vec<Vec<&str>> = sentences
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let mut tags: Vec<Vec<String>> = sentences
            .iter()
            .map(|s| vec!["O".to_string(); s.len()])
            .collect();
        for f in self.recognize(&words, conventions) {
            for (k, tag) in tags[f.sentence][f.start..f.end].iter_mut().enumerate() {
                *tag = format!("{}-{}", if k == 0 { "B" } else { "I" }, f.label.conll());
            }
        }
        tags
    }

    /// The model's own spans for one sentence (step 1 only).
    fn label_sentence(&self, words: &[&str]) -> Vec<(usize, usize, EntityLabel)> {
        let view = SentenceView::new(words, &self.gazetteer, &self.clusters);
        let plain: Vec<bool> = words.iter().map(|w| is_plain_word(w)).collect();
        let classes = greedy(&view, self.model.classes(), &plain, |f, s| {
            self.model.score(f, s)
        });
        spans(&classes)
    }

    /// Steps 1–4 over a whole document.
    fn recognize(&self, doc: &[Vec<&str>], conventions: Conventions) -> Vec<Found> {
        let conll = conventions == Conventions::Conll;
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
        self.split_wide_spans(doc, &mut found);
        self.strip_titles(doc, &mut found);
        self.apply_gazetteer(doc, &mut found);
        self.find_organisations(doc, &mut found);
        self.find_acronyms(doc, &mut found);
        self.find_place_compounds(doc, &mut found);
        self.find_shaped_names(doc, &mut found);
        extend_person_names(doc, &mut found, &self.gazetteer, |w| self.is_common_word(w));
        join_family_name_first(doc, &mut found, &self.gazetteer, |w| self.is_common_word(w));
        take_given_names_from_places(doc, &mut found, &self.gazetteer);
        split_title_place_person(doc, &mut found, &self.gazetteer, |w| self.is_common_word(w));
        if is_sports_report(doc) {
            self.read_places_as_teams(doc, &mut found);
            self.find_teams_in_results(doc, &mut found);
            self.find_athletes_by_country(doc, &mut found);
        }
        self.type_by_company_words(doc, &mut found);
        self.find_organisations_in_context(doc, &mut found);
        news::cut_at_wire_brackets(doc, &mut found);
        news::name_wire_brackets(doc, &mut found);
        news::name_bracketed_divisions(doc, &mut found);
        if conll {
            join_misc(doc, &mut found);
        }
        take_acronym_types(doc, &mut found);
        type_after_courtesy_titles(doc, &mut found, &self.gazetteer);
        make_consistent(doc, &mut found, &self.gazetteer);
        // Names found again by consistency ("Yeutter" in the first sentence,
        // found by the model only later) take in their given names too.
        extend_person_names(doc, &mut found, &self.gazetteer, |w| self.is_common_word(w));
        // (After the steps that grow and retype names: they would take the
        // department's last word back into the name.)
        split_title_department_person(doc, &mut found, &self.gazetteer, |w| self.is_common_word(w));
        type_affiliations(doc, &mut found);
        // (In a sports report a list of places is a list of teams.)
        if !is_sports_report(doc) {
            type_lists_alike(doc, &mut found, &self.gazetteer);
        }
        shapes::name_storms(doc, &mut found);
        shapes::name_works(doc, &mut found, |w| self.gazetteer.is_given_name(w));
        if is_sports_report(doc) {
            self.read_venues(doc, &mut found);
        }
        // Last, so that no team or majority type overrides the story's place.
        self.find_datelines(doc, &mut found);
        if !conll {
            self.keep_named_things(doc, &mut found);
        }
        self.trim_organisations(doc, &mut found);
        self.split_paired_organisations(doc, &mut found);
        self.split_organisation_from_person(doc, &mut found);
        self.split_title_from_organisation(doc, &mut found);
        self.drop_dates_and_common_words(doc, &mut found);
        type_after_courtesy_titles(doc, &mut found, &self.gazetteer);
        // (After the steps that trim organisations' names: a person's name
        // retyped here keeps its words.)
        news::type_by_appositive_kind(doc, &mut found, &self.gazetteer);
        join_touching_persons(&mut found);
        self.strip_opening_conjunctions(doc, &mut found);
        found.sort_by_key(|f| (f.sentence, f.start));
        found
    }
}

/// Which annotation conventions the entities follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Conventions {
    /// What a knowledge graph needs (`extract`, `ingest`, and `analyze` by
    /// default): MISC entities are named things only (events, laws,
    /// products, works); demonyms and adjectives ("Mexican", "Marxist") and
    /// words built on a place ("New York-based") are no entities (the
    /// extractor reads demonyms as mentions of their country itself), and an
    /// event is named without the year before it.
    #[default]
    Graph,
    /// CoNLL-2003's annotation habits, for comparing with its scorer
    /// (`analyze --format bio --conventions conll`): demonyms, words built on
    /// places and currencies such as "C$" are MISC, neighbouring MISC names
    /// join ("Iraqi Kurds") and an event takes the year before it ("1998
    /// World Cup").
    Conll,
}

/// Greedy left-to-right decoding under the BILOU transition rules, over the
/// first `n` classes (13 for a model without MISC). A token marked in
/// `plain` is O without scoring unless a name is open before it.
fn greedy(
    view: &SentenceView,
    n: usize,
    plain: &[bool],
    score: impl Fn(&[u64], &mut [f32]),
) -> Vec<usize> {
    let mut classes = Vec::with_capacity(view.len());
    let mut feats = Vec::new();
    let (mut prev, mut prev2) = (None, None);
    let n = n.min(CLASSES);
    for i in 0..view.len() {
        let open = prev
            .and_then(decode)
            .is_some_and(|(p, _)| matches!(p, Part::Begin | Part::Inside));
        if !open && plain.get(i).copied().unwrap_or(false) {
            classes.push(0);
            prev2 = prev;
            prev = Some(0);
            continue;
        }
        view.features(i, prev, prev2, &mut feats);
        let mut scores = [0.0f32; CLASSES];
        score(&feats, &mut scores[..n]);
        let best = best_allowed(&scores[..n], prev);
        classes.push(best);
        prev2 = prev;
        prev = Some(best);
    }
    classes
}

/// Whether a word cannot open a name, so that the model need not be asked
/// outside one (three words in four in news): a lower-case word without
/// capitals or figures inside ("said", but not "iPhone", "al-Qaeda" or a
/// particle such as "van"), or punctuation.
fn is_plain_word(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return true;
    };
    let lower_word = first.is_lowercase()
        && !word.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
        && !matches!(
            word,
            "van"
                | "von"
                | "de"
                | "da"
                | "di"
                | "del"
                | "della"
                | "du"
                | "der"
                | "den"
                | "la"
                | "le"
                | "al"
                | "el"
                | "bin"
                | "ibn"
                | "ben"
                | "abu"
                | "ter"
                | "ten"
        );
    lower_word || !word.chars().any(char::is_alphanumeric)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Span, Token};

    const COUNTRIES: &str =
        "MEXICO_  [MEX]\n+MEXICAN_ \nUNITED_STATES_OF_AMERICA_  [USA]\n+U.S. \n+AMERICAN_ \n";
    const AGENTS: &str = "PRESIDENT [~GOV]\nAMBASSADOR [~GOV]\n";

    pub(super) fn gazetteer() -> Gazetteer {
        Gazetteer::compile_from(COUNTRIES, "UNITED_NATIONS_ [IGOUNO]\n", "", AGENTS)
    }

    /// A recognizer trained in the test on a few made-up sentences.
    pub(super) fn tiny() -> (Recognizer, NerTrainReport, tempfile::TempDir) {
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
            sources: vec![train::NerSource {
                name: "tiny".into(),
                files: vec![dir.path().join("train.txt")],
                weight: 1.0,
                misc: train::MiscConvention::Untyped,
                scheme: train::LabelScheme::Conll,
                augment: false,
            }],
            dev: dir.path().join("dev.txt"),
            clusters: dir.path().join("brown.tsv"),
            max_epochs: 5,
            seed: 1,
            prune: 0.0,
            max_features: 0,
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
        let tags = rec.predict_tokens(&[words("Anna Lopez lives in Peru .")], Conventions::Graph);
        assert_eq!(tags[0], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]);
        // Saved and loaded, it predicts the same.
        rec.save(&dir.path().join("ner.nkw")).unwrap();
        gazetteer().save(&dir.path().join("gazetteer.nkw")).unwrap();
        let again = Recognizer::load(dir.path()).unwrap();
        assert_eq!(
            again.predict_tokens(&[words("Anna Lopez lives in Peru .")], Conventions::Graph),
            tags
        );
        // Training is deterministic.
        let (twin, _, _) = tiny();
        assert_eq!(twin.model.to_bytes(), rec.model.to_bytes());
    }

    #[test]
    fn gazetteer_adds_countries_and_demonyms() {
        let (rec, _, _dir) = tiny();
        let sentence = [words("the Mexican army left the U.S. yesterday")];
        let tags = rec.predict_tokens(&sentence, Conventions::Conll);
        assert_eq!(tags[0], ["O", "B-MISC", "O", "O", "O", "B-LOC", "O"]);
        // In the graph a demonym is no entity (the extractor reads it as a
        // mention of its country).
        let tags = rec.predict_tokens(&sentence, Conventions::Graph);
        assert_eq!(tags[0], ["O", "O", "O", "O", "O", "B-LOC", "O"]);
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

    pub(super) fn found(sentence: usize, start: usize, end: usize, label: EntityLabel) -> Found {
        Found {
            sentence,
            start,
            end,
            label,
        }
    }

    pub(super) fn sorted(mut list: Vec<Found>) -> Vec<Found> {
        list.sort_by_key(|f| (f.sentence, f.start));
        list
    }

    #[test]
    fn empty_input_does_not_panic() {
        let (rec, _, _dir) = tiny();
        assert!(rec.predict("", &[]).is_empty());
        for c in [Conventions::Graph, Conventions::Conll] {
            assert_eq!(rec.predict_tokens(&[vec![]], c), vec![Vec::<String>::new()]);
            assert!(rec.predict_tokens(&[], c).is_empty());
        }
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
        let dir = crate::Analyzer::default_dir();
        let rec = Recognizer::load(&dir).unwrap();
        let doc = [
            words("Mexican President Claudia Sheinbaum rejected the proposal , The New York Times reported ."),
            words("Sheinbaum spoke with U.S. Secretary of State Marco Rubio in Mexico City ."),
        ];
        let tags = rec.predict_tokens(&doc, Conventions::Conll);
        assert_eq!(&tags[0][..4], ["B-MISC", "O", "B-PER", "I-PER"]);
        assert_eq!(&tags[0][8..12], ["O", "B-ORG", "I-ORG", "I-ORG"]);
        assert_eq!(tags[1][0], "B-PER");
        assert_eq!(&tags[1][7..9], ["B-PER", "I-PER"]);
    }

    #[test]
    fn a_name_found_by_consistency_takes_in_its_given_name() {
        // The model finds the surname alone in the second sentence only;
        // consistency finds it in the first, where the given name (also a
        // town's name) stands before it.
        let dir = crate::Analyzer::default_dir();
        let rec = Recognizer::load(&dir).unwrap();
        let doc = [
            words("U.S. Trade Representative Clayton Kesselring said the market overreacted ."),
            words("Kesselring said tariffs would stay ."),
        ];
        let tags = rec.predict_tokens(&doc, Conventions::Graph);
        assert_eq!(&tags[0][3..5], ["B-PER", "I-PER"], "{:?}", tags[0]);
        assert_eq!(tags[1][0], "B-PER");
    }
}
