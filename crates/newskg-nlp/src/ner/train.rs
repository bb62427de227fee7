//! Training the recognizer (`newskg train ner`): several NER corpora in, a
//! [`Recognizer`] and a report out. Never used at prediction time.
//!
//! Greedy training with the model's own previous tags as features (what it
//! will see at prediction time), sentences shuffled each epoch by a seeded
//! [`Rng`], so that the same data gives the same weights byte for byte. The
//! number of epochs is chosen on UNER-EWT dev (PER, ORG, LOC): the averaged
//! model is read after 2, 4, 6, ... epochs until dev F1 falls twice (or
//! `max_epochs`), and the best is kept.
//!
//! The corpora ([`NerSource`]) differ in genre and in what they call MISC, so
//! each has a weight (how many times, on average, each of its sentences is
//! seen per epoch) and a [`MiscConvention`]. Where a corpus says nothing about
//! MISC, or calls something else MISC, those tokens are left free: a guess of
//! MISC or O there is neither rewarded nor punished (training with partial
//! labels), so one corpus does not teach the model to unlearn another's MISC.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::features::{decode, Clusters, Part, SentenceView, CLASSES};
use super::{best_allowed, classes_of, greedy, spans, Recognizer};
use crate::corpus::{bio, CorpusError};
use crate::perceptron::{Model, Rng, Trainer};
use crate::{EntityLabel, Gazetteer};

/// What a corpus calls MISC, and so how its MISC and O tags are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum MiscConvention {
    /// CoNLL-2003's MISC (nationalities, events, works, products...): MISC
    /// and O are both gold.
    Conll,
    /// Named things as MISC, some spans wider than CoNLL's ("2031 Arcadian
    /// general election"): a MISC span holding a lower-case word or a figure
    /// is left free; the others are gold.
    Wide,
    /// Only products and works are MISC (WNUT-17): MISC spans are gold, and
    /// capitalised words tagged O may be MISC (nationalities, events).
    WorksOnly,
    /// No MISC type (UNER, BTC): capitalised words tagged O may be MISC.
    Untyped,
    /// Its MISC is not CoNLL's (technical terms): MISC spans are left free,
    /// and capitalised words tagged O may be MISC.
    Different,
}

/// How a corpus writes its types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum LabelScheme {
    /// PER, ORG, LOC, MISC.
    Conll,
    /// re3d's own types (Person, Organisation, Location, Nationality, ...),
    /// converted: see [`re3d_spans`].
    Re3d,
}

/// One training corpus.
#[derive(Clone, Debug, serde::Serialize)]
pub struct NerSource {
    /// Short name, as given to `--weight NAME=W`.
    pub name: String,
    /// Its BIO files.
    pub files: Vec<PathBuf>,
    /// Times each sentence is seen per epoch, on average (0 leaves it out;
    /// a fraction samples sentences each epoch).
    pub weight: f64,
    /// What it calls MISC.
    pub misc: MiscConvention,
    /// How it writes its types.
    pub scheme: LabelScheme,
    /// Add news-like variants of its sentences (see [`variants`]).
    pub augment: bool,
}

impl NerSource {
    fn new(name: &str, files: Vec<PathBuf>, weight: f64, misc: MiscConvention) -> NerSource {
        NerSource {
            name: name.to_string(),
            files,
            weight,
            misc,
            scheme: LabelScheme::Conll,
            augment: false,
        }
    }
}

/// Where the training data is and how long to train.
#[derive(Clone, Debug)]
pub struct NerTrainConfig {
    /// The training corpora with their weights.
    pub sources: Vec<NerSource>,
    /// BIO development file for the epoch choice (UNER-EWT `dev.txt`; MISC
    /// is not scored, UNER has none).
    pub dev: PathBuf,
    /// Brown clusters, `word TAB bitstring`.
    pub clusters: PathBuf,
    /// Upper bound on epochs.
    pub max_epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped (file size).
    pub prune: f32,
    /// At most this many features are kept, those with the largest weights
    /// (file size and speed; 0 keeps all).
    pub max_features: usize,
    /// Add news-like variants to the sources that ask for them.
    pub augment: bool,
}

impl NerTrainConfig {
    /// The shipped configuration over the shared data folder (`../shared/data`):
    /// every corpus whose licence allows shipped weights, with the weights
    /// chosen on UNER-EWT dev and the news-dev articles (models/README.md).
    pub fn new(data: &Path) -> NerTrainConfig {
        let ner = data.join("ner");
        let files = |names: &[&str]| names.iter().map(|n| ner.join(n)).collect::<Vec<_>>();
        use MiscConvention::*;
        let mut uner = NerSource::new("uner-ewt", files(&["uner-ewt/train.txt"]), 1.0, Untyped);
        uner.augment = true;
        let mut re3d = NerSource::new("re3d", files(&["re3d-open/re3d-open.txt"]), 0.0, WorksOnly);
        re3d.scheme = LabelScheme::Re3d;
        NerTrainConfig {
            sources: vec![
                uner,
                NerSource::new("uner-pud", files(&["uner-pud/pud.txt"]), 2.0, Untyped),
                NerSource::new("wikigold", files(&["wikigold/wikigold.txt"]), 1.0, Conll),
                NerSource::new(
                    "redocred",
                    files(&["redocred/dev.txt", "redocred/test.txt"]),
                    0.5,
                    Wide,
                ),
                NerSource::new(
                    "crossner-politics",
                    files(&[
                        "crossner/politics.train.txt",
                        "crossner/politics.dev.txt",
                        "crossner/politics.test.txt",
                    ]),
                    1.0,
                    Wide,
                ),
                NerSource::new(
                    "crossner-arts",
                    files(&[
                        "crossner/music.train.txt",
                        "crossner/music.dev.txt",
                        "crossner/music.test.txt",
                        "crossner/literature.train.txt",
                        "crossner/literature.dev.txt",
                        "crossner/literature.test.txt",
                    ]),
                    0.5,
                    Wide,
                ),
                NerSource::new(
                    "crossner-science",
                    files(&[
                        "crossner/science.train.txt",
                        "crossner/science.dev.txt",
                        "crossner/science.test.txt",
                        "crossner/ai.train.txt",
                        "crossner/ai.dev.txt",
                        "crossner/ai.test.txt",
                    ]),
                    0.25,
                    Different,
                ),
                NerSource::new(
                    "btc",
                    files(&["btc/train.txt", "btc/dev.txt", "btc/test.txt"]),
                    0.5,
                    Untyped,
                ),
                NerSource::new(
                    "wnut17",
                    files(&["wnut17/train.txt", "wnut17/dev.txt", "wnut17/test.txt"]),
                    0.5,
                    WorksOnly,
                ),
                re3d,
            ],
            dev: ner.join("uner-ewt/dev.txt"),
            clusters: data.join("lexicon/brown_clusters.tsv"),
            max_epochs: 12,
            seed: 7,
            prune: 0.05,
            max_features: 80_000,
            augment: true,
        }
    }

    /// Sets the weight of the source called `name`; false when there is none.
    pub fn set_weight(&mut self, name: &str, weight: f64) -> bool {
        match self.sources.iter_mut().find(|s| s.name == name) {
            Some(s) => {
                s.weight = weight.max(0.0);
                true
            }
            None => false,
        }
    }
}

/// What a training run did.
#[derive(Clone, Debug, serde::Serialize)]
pub struct NerTrainReport {
    /// Wall time in seconds.
    pub seconds: f64,
    /// Epochs of the kept model.
    pub epochs: usize,
    /// Dev entity F1 of the averaged model for each number of epochs tried.
    pub epoch_f1: Vec<(usize, f64)>,
    /// Dev entity F1 (PER, ORG, LOC) of the final averaged model, model only
    /// (no gazetteer or document rules, which UNER's conventions do not match).
    pub dev_f1: f64,
    /// Training sentences read (variants included), before weighting.
    pub sentences: usize,
    /// Sentences read per source, variants included.
    pub per_source: Vec<(String, usize)>,
    /// Features with weights in the saved model.
    pub features: usize,
}

/// Whether a token's gold class may be overridden by the guess.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Free {
    /// The gold class stands.
    No,
    /// O or any MISC class is as good as the gold class (which is O).
    MiscOrO,
}

/// One training sentence: words, gold BILOU classes, which tokens are free,
/// and the index of its source.
struct Example {
    words: Vec<String>,
    gold: Vec<usize>,
    free: Vec<Free>,
    source: usize,
}

/// Trains the recognizer from `config` with `gazetteer` (used for features
/// and kept in the result). Prints nothing.
pub fn train_ner(
    config: &NerTrainConfig,
    gazetteer: Gazetteer,
) -> Result<(Recognizer, NerTrainReport), CorpusError> {
    let started = Instant::now();
    let mut train = Vec::new();
    let mut per_source = Vec::new();
    for (k, source) in config.sources.iter().enumerate() {
        if source.weight <= 0.0 {
            continue;
        }
        let mut examples = Vec::new();
        for file in &source.files {
            examples.extend(read_source(file, source, k, &gazetteer)?);
        }
        if config.augment && source.augment {
            let extra = variants(&examples, &gazetteer, config.seed);
            examples.extend(extra);
        }
        per_source.push((source.name.clone(), examples.len()));
        train.extend(examples);
    }
    let weights: Vec<f64> = config.sources.iter().map(|s| s.weight).collect();
    let dev = read_examples(&config.dev)?;
    let clusters = read_clusters(&config.clusters)?;
    let view = |e: &Example| {
        let words: Vec<&str> = e.words.iter().map(String::as_str).collect();
        SentenceView::new(&words, &gazetteer, &clusters)
    };
    let train_views: Vec<SentenceView> = train.iter().map(view).collect();
    let dev_views: Vec<SentenceView> = dev.iter().map(view).collect();
    let (final_f1, epochs, epoch_f1, model) =
        train_model(&train, &train_views, &weights, config, |model| {
            dev_f1(&dev, &dev_views, |f, s| model.score(f, s))
        });
    let report = NerTrainReport {
        seconds: started.elapsed().as_secs_f64(),
        epochs,
        epoch_f1,
        dev_f1: final_f1,
        sentences: train.len(),
        per_source,
        features: model.features(),
    };
    let used: Vec<&NerSource> = config.sources.iter().filter(|s| s.weight > 0.0).collect();
    let metadata = serde_json::json!({
        "model": "greedy averaged perceptron, BILOU PER/ORG/LOC/MISC; gazetteer, news and document rules after it",
        "training_data": used.iter().map(|s| serde_json::json!({
            "name": s.name,
            "files": s.files.iter().map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned())).collect::<Vec<_>>(),
            "weight": s.weight,
            "misc": s.misc,
            "scheme": s.scheme,
            "variants": config.augment && s.augment,
        })).collect::<Vec<_>>(),
        "sentences_per_source": report.per_source,
        "dev": "UNER English-EWT v1 dev (PER/ORG/LOC), epoch choice only",
        "augment": config.augment,
        "licence": "CC BY-SA 4.0 (share-alike sources UNER-EWT, UNER-PUD; Wikipedia text); credits in models/README.md; Brown clusters from spacy-lookups-data (MIT)",
        "command": "newskg train ner --data ../shared/data",
        "seed": config.seed,
        "max_epochs": config.max_epochs,
        "prune": config.prune,
        "max_features": config.max_features,
        "epochs": report.epochs,
        "dev_f1_per_epochs": report.epoch_f1,
        "uner_dev_f1": report.dev_f1,
        "features": report.features,
    });
    // No wall time in the file: the same data must give the same bytes.
    Ok((
        Recognizer::from_parts(model, gazetteer, clusters, metadata),
        report,
    ))
}

/// News-like variants of the training sentences, made from the sentences
/// themselves and the gazetteer (UNER-EWT is web text: no headlines in
/// capitals, few foreign politicians, cities or agencies):
/// - one sentence with names in three is copied in capitals, as headlines
///   and results tables are written;
/// - one sentence with names in two is copied with each name replaced by a
///   gazetteer name of the same type, so that the model learns from the
///   context around a name rather than from the few names it has seen.
///
/// Deterministic for a given seed.
fn variants(train: &[Example], gazetteer: &Gazetteer, seed: u64) -> Vec<Example> {
    let pools: Vec<(EntityLabel, Vec<Vec<String>>)> = [
        EntityLabel::Person,
        EntityLabel::Organization,
        EntityLabel::Place,
    ]
    .into_iter()
    .map(|label| {
        let names = gazetteer
            .canonical_names(label)
            .map(|n| n.split(' ').map(str::to_string).collect::<Vec<_>>())
            .filter(|w| !w.is_empty() && w.len() <= 5)
            .collect();
        (label, names)
    })
    .collect();
    let mut rng = Rng::new(seed ^ 0x5eed);
    let mut out = Vec::new();
    for e in train {
        let names = spans(&e.gold);
        if names.is_empty() {
            continue;
        }
        if pick(&mut rng, 3) == 0 && e.words.len() >= 3 {
            out.push(Example {
                words: e.words.iter().map(|w| w.to_uppercase()).collect(),
                gold: e.gold.clone(),
                free: e.free.clone(),
                source: e.source,
            });
        }
        if pick(&mut rng, 2) == 0 {
            let mut words = Vec::new();
            let mut free = Vec::new();
            let mut kept = Vec::new();
            let mut at = 0;
            for &(start, end, label) in &names {
                words.extend(e.words[at..start].iter().cloned());
                free.extend(&e.free[at..start]);
                let pool = pools.iter().find(|(l, _)| *l == label).map(|(_, p)| p);
                let name = match pool {
                    Some(p) if !p.is_empty() => p[pick(&mut rng, p.len())].clone(),
                    _ => e.words[start..end].to_vec(),
                };
                kept.push((words.len(), words.len() + name.len(), label));
                free.extend(std::iter::repeat_n(Free::No, name.len()));
                words.extend(name);
                at = end;
            }
            words.extend(e.words[at..].iter().cloned());
            free.extend(&e.free[at..]);
            let gold = classes_of(words.len(), &kept);
            out.push(Example {
                words,
                gold,
                free,
                source: e.source,
            });
        }
    }
    out
}

/// A random index below `n` (> 0).
fn pick(rng: &mut Rng, n: usize) -> usize {
    (rng.next_u64() % n as u64) as usize
}

/// One training run: the averaged model is read after every second epoch
/// and scored by `score_dev`; training stops when that falls twice in a row
/// or at `config.max_epochs`. Returns the best dev score, its number of
/// epochs, the score per number of epochs read, and the best model.
///
/// Each epoch sees each sentence `floor(w)` times plus once more with
/// probability `w - floor(w)`, where `w` is its source's weight.
fn train_model(
    train: &[Example],
    views: &[SentenceView],
    weights: &[f64],
    config: &NerTrainConfig,
    score_dev: impl Fn(&Model) -> f64,
) -> (f64, usize, Vec<(usize, f64)>, Model) {
    let mut trainer = Trainer::new(CLASSES);
    let mut rng = Rng::new(config.seed);
    let mut order: Vec<usize> = Vec::new();
    let mut feats = Vec::new();
    let mut epoch_f1 = Vec::new();
    let mut best: Option<(f64, usize, Model)> = None;
    let mut worse = 0;
    for epoch in 1..=config.max_epochs.max(2) {
        order.clear();
        for (k, e) in train.iter().enumerate() {
            let w = weights.get(e.source).copied().unwrap_or(1.0);
            let mut times = w.floor() as usize;
            if (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= w.fract() && w.fract() > 0.0 {
                times += 1;
            }
            order.extend(std::iter::repeat_n(k, times));
        }
        rng.shuffle(&mut order);
        for &k in &order {
            let (v, e) = (&views[k], &train[k]);
            let (mut prev, mut prev2) = (None, None);
            for (i, &gold) in e.gold.iter().enumerate() {
                v.features(i, prev, prev2, &mut feats);
                let mut scores = [0.0f32; CLASSES];
                trainer.score(&feats, &mut scores);
                let guess = best_allowed(&scores, prev);
                // Partial labels: where the corpus does not say whether a
                // word is MISC, a guess of O or MISC is not corrected.
                let truth = if e.free[i] == Free::MiscOrO && accepted(guess, e.free.get(i + 1)) {
                    guess
                } else {
                    gold
                };
                trainer.update(&feats, truth, guess);
                trainer.tick();
                prev2 = prev;
                prev = Some(guess);
            }
        }
        if epoch % 2 == 1 && epoch < config.max_epochs {
            continue;
        }
        let mut model = trainer.averaged(config.prune);
        if config.max_features > 0 && model.features() > config.max_features {
            model = model.pruned(config.max_features);
        }
        let f1 = score_dev(&model);
        epoch_f1.push((epoch, f1));
        if best.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
            best = Some((f1, epoch, model));
            worse = 0;
        } else {
            worse += 1;
            if worse >= 2 {
                break;
            }
        }
    }
    let (f1, epochs, model) = best.unwrap_or_else(|| (0.0, 0, Trainer::new(CLASSES).finish(0.0)));
    (f1, epochs, epoch_f1, model)
}

/// Whether a guess on a free token stands: O, or a MISC class that can be
/// closed inside the free stretch (a MISC name opened here must not run
/// into the gold name after it).
fn accepted(guess: usize, next: Option<&Free>) -> bool {
    match decode(guess) {
        None => true,
        Some((Part::Unit | Part::Last, EntityLabel::Misc)) => true,
        Some((Part::Begin | Part::Inside, EntityLabel::Misc)) => next == Some(&Free::MiscOrO),
        Some(_) => false,
    }
}

/// Reads a development file (all tags gold).
fn read_examples(path: &Path) -> Result<Vec<Example>, CorpusError> {
    let docs = bio::read_file(path)?;
    let mut out = Vec::new();
    for s in docs.into_iter().flat_map(|d| d.sentences) {
        let gold = classes_of(s.tokens.len(), &iob_spans(&s.tags));
        out.push(Example {
            free: vec![Free::No; s.tokens.len()],
            words: s.tokens,
            gold,
            source: 0,
        });
    }
    Ok(out)
}

/// Reads one file of a training source, applying its label scheme and MISC
/// convention.
fn read_source(
    path: &Path,
    source: &NerSource,
    index: usize,
    gazetteer: &Gazetteer,
) -> Result<Vec<Example>, CorpusError> {
    let docs = bio::read_file(path)?;
    let mut out = Vec::new();
    for s in docs.into_iter().flat_map(|d| d.sentences) {
        let n = s.tokens.len();
        let mut free = vec![Free::No; n];
        let mut kept = Vec::new();
        let found = match source.scheme {
            LabelScheme::Conll => iob_spans(&s.tags),
            LabelScheme::Re3d => re3d_spans(&s.tokens, &s.tags, gazetteer, &mut free),
        };
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        for (start, end, label) in found {
            let words = &s.tokens[start..end];
            let misc_free = label == EntityLabel::Misc
                && match source.misc {
                    MiscConvention::Conll | MiscConvention::WorksOnly => false,
                    MiscConvention::Wide => words.iter().any(|w| {
                        !capitalised(w)
                            && !matches!(w.as_str(), "of" | "the" | "and" | "de" | "for")
                    }),
                    MiscConvention::Untyped | MiscConvention::Different => true,
                };
            if misc_free {
                free[start..end].iter_mut().for_each(|f| *f = Free::MiscOrO);
            } else {
                kept.push((start, end, label));
            }
        }
        if matches!(
            source.misc,
            MiscConvention::WorksOnly | MiscConvention::Untyped | MiscConvention::Different
        ) {
            let inside = classes_of(n, &kept);
            for i in 0..n {
                if inside[i] == 0 && may_be_misc(&s.tokens, i, gazetteer) {
                    free[i] = Free::MiscOrO;
                }
            }
        }
        let gold = classes_of(n, &kept);
        out.push(Example {
            words: s.tokens,
            gold,
            free,
            source: index,
        });
    }
    Ok(out)
}

/// Whether word `i`, tagged O by a corpus that does not tag MISC, may be
/// part of a MISC name: capitalised where capitals mean something (not the
/// first word of a sentence or quote, not a sentence in capitals), and not
/// a one-letter word ("I"), a title or an honorific ("Mr", "President").
fn may_be_misc(words: &[String], i: usize, gazetteer: &Gazetteer) -> bool {
    let w = &words[i];
    let opens = i == 0
        || words[i - 1].chars().all(|c| {
            matches!(
                c,
                '"' | '\'' | '(' | '[' | ':' | '-' | '.' | '!' | '?' | '`' | '“' | '‘'
            )
        });
    let letters = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let shouted = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase))
        .count();
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().count() > 1
        && !opens
        && shouted * 2 <= letters
        && !gazetteer.is_title(&w.trim_end_matches('.').to_lowercase())
}

/// re3d's spans as CoNLL types. Person, Organisation and Location become
/// PER, ORG and LOC, Nationality MISC; the other types (dates, quantities,
/// weapons, document references) are no names in CoNLL's sense and are O.
/// re3d also tags pronouns and descriptions ("he", "the regime") and puts
/// titles and determiners inside names: a span without a capitalised word is
/// dropped, a leading "the" and lower-case words are cut off, a person
/// span starts at its first given name (or is left free of MISC/O judgement
/// when it has none), and an organisation that is a known country is a
/// place, as in CoNLL.
fn re3d_spans(
    tokens: &[String],
    tags: &[String],
    gazetteer: &Gazetteer,
    free: &mut [Free],
) -> Vec<(usize, usize, EntityLabel)> {
    let mapped: Vec<String> = tags
        .iter()
        .map(|t| match t.split_once('-') {
            Some((p, ty)) => {
                let ty = match ty {
                    "Person" => "PER",
                    "Organisation" => "ORG",
                    "Location" => "LOC",
                    "Nationality" => "MISC",
                    _ => return "O".to_string(),
                };
                format!("{p}-{ty}")
            }
            None => "O".to_string(),
        })
        .collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for (mut start, end, mut label) in iob_spans(&mapped) {
        while start < end && (!capitalised(&tokens[start]) || tokens[start] == "The") {
            start += 1;
        }
        if start == end {
            continue;
        }
        if label == EntityLabel::Person {
            match (start..end).find(|&k| gazetteer.is_given_name(&tokens[k])) {
                Some(k) => start = k,
                None if end - start > 1 => {
                    free[start..end].iter_mut().for_each(|f| *f = Free::MiscOrO);
                    continue;
                }
                None => {}
            }
        }
        let name = tokens[start..end].join(" ");
        if label == EntityLabel::Organization
            && gazetteer
                .lookup(&name)
                .is_some_and(|e| e.subtype.as_deref() == Some("Country"))
        {
            label = EntityLabel::Place;
        }
        out.push((start, end, label));
    }
    out
}

/// Entity spans of IOB2 tags (conlleval rules: an `I-X` after another type
/// starts a new entity). Types other than PER/ORG/LOC/MISC are ignored.
pub(crate) fn iob_spans(tags: &[String]) -> Vec<(usize, usize, EntityLabel)> {
    let label = |t: &str| match t {
        "PER" => Some(EntityLabel::Person),
        "ORG" => Some(EntityLabel::Organization),
        "LOC" => Some(EntityLabel::Place),
        "MISC" => Some(EntityLabel::Misc),
        _ => None,
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, Option<EntityLabel>)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, ty) = tag
            .split_once('-')
            .map_or(("O", None), |(p, t)| (p, label(t)));
        let continues = prefix == "I" && matches!(open, Some((_, t)) if t == ty);
        if !continues {
            if let Some((s, Some(t))) = open.take() {
                out.push((s, i, t));
            }
            open = (prefix != "O").then_some((i, ty));
        }
    }
    if let Some((s, Some(t))) = open {
        out.push((s, tags.len(), t));
    }
    out
}

/// Entity-level F1 of greedy decoding with `score` on `examples`, over PER,
/// ORG and LOC (the dev set, UNER-EWT, has no MISC).
fn dev_f1(examples: &[Example], views: &[SentenceView], score: impl Fn(&[u64], &mut [f32])) -> f64 {
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    let typed = |list: Vec<(usize, usize, EntityLabel)>| -> HashSet<_> {
        list.into_iter()
            .filter(|s| s.2 != EntityLabel::Misc)
            .collect()
    };
    for (e, v) in examples.iter().zip(views) {
        let guess = typed(spans(&greedy(v, CLASSES, &[], &score)));
        let truth = typed(spans(&e.gold));
        correct += guess.intersection(&truth).count();
        predicted += guess.len();
        gold += truth.len();
    }
    let p = correct as f64 / predicted.max(1) as f64;
    let r = correct as f64 / gold.max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Reads a `word TAB bitstring` Brown-cluster table.
pub(crate) fn read_clusters(path: &Path) -> Result<Clusters, CorpusError> {
    let file = std::fs::File::open(path).map_err(|source| CorpusError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut out = String::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|source| CorpusError::Io {
            path: path.to_owned(),
            source,
        })?;
        let Some((word, bits)) = line.split_once('\t') else {
            return Err(CorpusError::Malformed {
                path: path.to_owned(),
                line: i as u64 + 1,
                message: "expected `word TAB bitstring`".to_string(),
            });
        };
        out.push_str(word);
        out.push('\t');
        out.push_str(bits.trim());
        out.push('\n');
    }
    Ok(Clusters::from_text(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::encode;

    fn example(tagged: &str) -> Example {
        let (words, tags): (Vec<String>, Vec<String>) = tagged
            .split(' ')
            .map(|p| {
                let (w, t) = p.rsplit_once('/').unwrap_or((p, "O"));
                (w.to_string(), t.to_string())
            })
            .unzip();
        let gold = classes_of(words.len(), &iob_spans(&tags));
        Example {
            free: vec![Free::No; words.len()],
            words,
            gold,
            source: 0,
        }
    }

    #[test]
    fn sources_read_by_their_misc_convention() {
        let gazetteer = Gazetteer::compile_from(
            "MEXICO_  [MEX]\n+MEXICAN_ \n",
            "UNITED_NATIONS_ [IGOUNO]\n",
            "",
            "PRESIDENT [~GOV]\n",
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.txt");
        // A made-up sentence: a wide MISC span, a name, a capitalised O word.
        std::fs::write(
            &path,
            "In\tO\nthe\tO\n2030\tB-MISC\nMexican\tI-MISC\nelection\tI-MISC\n,\tO\n\
             Ana\tB-PER\nRuiz\tI-PER\nmet\tO\nPresident\tO\nGlobal\tO\nfans\tO\n\n",
        )
        .unwrap();
        let read = |misc| {
            let source = NerSource::new("s", vec![path.clone()], 1.0, misc);
            read_source(&path, &source, 0, &gazetteer)
                .unwrap()
                .remove(0)
        };
        let free = |e: &Example| -> Vec<usize> {
            (0..e.free.len())
                .filter(|&i| e.free[i] == Free::MiscOrO)
                .collect()
        };
        // CoNLL: every tag is gold.
        let e = read(MiscConvention::Conll);
        assert!(free(&e).is_empty());
        assert_eq!(spans(&e.gold).len(), 2);
        // Wide: the MISC span with lower-case words is left free.
        let e = read(MiscConvention::Wide);
        assert_eq!(free(&e), [2, 3, 4]);
        assert_eq!(spans(&e.gold), [(6, 8, EntityLabel::Person)]);
        // Untyped: MISC free, and so is a capitalised O word inside the
        // sentence ("Global"), but not a title ("President").
        let e = read(MiscConvention::Untyped);
        assert_eq!(free(&e), [2, 3, 4, 10]);
        // A MISC guess is accepted where it can close inside the free stretch.
        let u_misc = encode(Part::Unit, EntityLabel::Misc);
        let b_misc = encode(Part::Begin, EntityLabel::Misc);
        assert!(accepted(u_misc, None) && accepted(0, None));
        assert!(accepted(b_misc, Some(&Free::MiscOrO)));
        assert!(!accepted(b_misc, Some(&Free::No)));
        assert!(!accepted(encode(Part::Unit, EntityLabel::Person), None));
    }

    #[test]
    fn re3d_labels_become_conll_types() {
        let gazetteer =
            Gazetteer::compile_from("MEXICO_  [MEX]\n+MEXICAN_ \n", "", "", "MINISTER [~GOV]\n");
        let words: Vec<String> = "the Minister John Smith said Mexico and the regime met"
            .split(' ')
            .map(str::to_string)
            .collect();
        let tags: Vec<String> = [
            "O",
            "B-Person",
            "I-Person",
            "I-Person",
            "O",
            "B-Organisation",
            "O",
            "B-Organisation",
            "I-Organisation",
            "O",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        let mut free = vec![Free::No; words.len()];
        let found = re3d_spans(&words, &tags, &gazetteer, &mut free);
        assert_eq!(
            found,
            [(2, 4, EntityLabel::Person), (5, 6, EntityLabel::Place)]
        );
    }

    #[test]
    fn variants_keep_labels_and_are_reproducible() {
        let gazetteer = Gazetteer::compile_from(
            "MEXICO_  [MEX]\nPERU_  [PER]\n",
            "UNITED_NATIONS_ [IGOUNO]\n",
            "",
            "",
        );
        let train: Vec<Example> = (0..40)
            .map(|_| example("Anna/B-PER Berg/I-PER visited/O Norway/B-LOC today/O ./O"))
            .chain([example("nothing/O here/O ./O")])
            .collect();
        let out = variants(&train, &gazetteer, 3);
        assert!(!out.is_empty());
        let caps = out.iter().filter(|e| e.words[2] == "VISITED").count();
        let swapped = out
            .iter()
            .filter(|e| !e.words.iter().any(|w| w == "Norway" || w == "NORWAY"));
        assert!(caps > 0 && swapped.count() > 0);
        for e in &out {
            // The place is still a place, whatever name now stands there.
            let places: Vec<_> = spans(&e.gold)
                .into_iter()
                .filter(|s| s.2 == EntityLabel::Place)
                .collect();
            assert_eq!(places.len(), 1, "{:?}", e.words);
            let (start, end, _) = places[0];
            let name = e.words[start..end].join(" ");
            let from_pool = gazetteer
                .canonical_names(EntityLabel::Place)
                .any(|n| n == name);
            assert!(from_pool || name == "Norway" || name == "NORWAY", "{name}");
        }
        // Sentences without names give no variants; the same seed, the same variants.
        assert!(out
            .iter()
            .all(|e| e.words[0] != "nothing" && e.words[0] != "NOTHING"));
        let again = variants(&train, &gazetteer, 3);
        assert_eq!(
            again.iter().map(|e| e.words.clone()).collect::<Vec<_>>(),
            out.iter().map(|e| e.words.clone()).collect::<Vec<_>>()
        );
    }
}
