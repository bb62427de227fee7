//! Named-entity recognizer: a document's sentences in, PER / ORG / LOC / MISC
//! spans out (with a finer subtype such as "Country" from the gazetteer).
//!
//! Three steps, in order:
//! 1. a greedy left-to-right averaged-perceptron labeller ([`features`]) tags
//!    each sentence in BILOU (trained on UNER-EWT by [`train_ner`]);
//! 2. the gazetteer corrects and completes it: a span that is exactly a known
//!    country, organisation or person takes that type, known countries and
//!    multi-word names the model missed are added, and a standalone demonym
//!    ("Mexican cartels") becomes MISC, as in the CoNLL conventions;
//! 3. document-level consistency: a name keeps its majority type through the
//!    document, later bare mentions of a found name are tagged too, and the
//!    parts of a person's name ("Sheinbaum" after "Claudia Sheinbaum") are PER.
//!
//! Why: UNER-EWT is web text, and web-trained NER transfers badly to news;
//! gazetteers, Brown clusters and document consistency carry across domains.

mod features;
mod train;

use std::collections::HashMap;
use std::path::Path;

use self::features::{allowed, decode, encode, Clusters, Part, SentenceView, CLASSES};
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
        make_consistent(doc, &mut found, &self.gazetteer);
        found.sort_by_key(|f| (f.sentence, f.start));
        found
    }

    /// Step 2a: a leading "The" is not part of a name, and a person span that
    /// starts with a country ("Ambassador to Mexico Ronald Johnson") is two names.
    fn repair_spans(&self, doc: &[Vec<&str>], found: &mut Vec<Found>) {
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
                if end - start >= 2 && (ends_in_org || opens_with_org || event) {
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
                if country || words.len() >= 2 || is_acronym(words[0]) {
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
                    if free && (country || len >= 2 || acronym) {
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

/// Step 3: one type per name through the document, later mentions of found
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
            "Canada\t0110\nNorway\t0110\nPeru\t0110\nMexico\t0110\n",
        )
        .unwrap();
        let config = NerTrainConfig {
            train: dir.path().join("train.txt"),
            dev: dir.path().join("dev.txt"),
            clusters: dir.path().join("brown.tsv"),
            max_epochs: 5,
            seed: 1,
            prune: 0.0,
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
