//! Training the recognizer (`newskg train ner`): UNER-EWT train in, a
//! [`Recognizer`] and a report out. Never used at prediction time.
//!
//! Greedy training with the model's own previous tags as features (what it
//! will see at prediction time), sentences shuffled each epoch by a seeded
//! [`Rng`], so that the same data gives the same weights byte for byte. The
//! number of epochs is chosen on UNER-EWT dev: runs of 2, 4, 6, ... epochs
//! until dev F1 falls twice (or `max_epochs`); the best averaged model is kept.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::features::{Clusters, SentenceView, CLASSES};
use super::{best_allowed, classes_of, greedy, spans, Recognizer};
use crate::corpus::{bio, CorpusError};
use crate::perceptron::{Model, Rng, Trainer};
use crate::{EntityLabel, Gazetteer};

/// Where the training data is and how long to train.
#[derive(Clone, Debug)]
pub struct NerTrainConfig {
    /// BIO training file (UNER-EWT `train.txt`).
    pub train: PathBuf,
    /// BIO development file for the epoch choice (UNER-EWT `dev.txt`).
    pub dev: PathBuf,
    /// Brown clusters, `word TAB bitstring`.
    pub clusters: PathBuf,
    /// Upper bound on epochs.
    pub max_epochs: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// Averaged weights smaller than this are dropped (file size).
    pub prune: f32,
    /// Add news-like variants of the training sentences (see [`variants`]).
    pub augment: bool,
}

impl NerTrainConfig {
    /// The shipped configuration over the shared data folder (`../shared/data`).
    pub fn new(data: &Path) -> NerTrainConfig {
        NerTrainConfig {
            train: data.join("ner/uner-ewt/train.txt"),
            dev: data.join("ner/uner-ewt/dev.txt"),
            clusters: data.join("lexicon/brown_clusters.tsv"),
            max_epochs: 12,
            seed: 7,
            prune: 0.05,
            augment: true,
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
    /// Dev entity F1 of the final averaged model, model only (no gazetteer or
    /// document rules, which UNER's conventions do not match).
    pub dev_f1: f64,
    /// Training sentences.
    pub sentences: usize,
    /// Features with weights in the saved model.
    pub features: usize,
}

/// One training sentence: words and gold BILOU classes.
struct Example {
    words: Vec<String>,
    gold: Vec<usize>,
}

/// Trains the recognizer from `config` with `gazetteer` (used for features
/// and kept in the result). Prints nothing.
pub fn train_ner(
    config: &NerTrainConfig,
    gazetteer: Gazetteer,
) -> Result<(Recognizer, NerTrainReport), CorpusError> {
    let started = Instant::now();
    let mut train = read_examples(&config.train)?;
    if config.augment {
        let extra = variants(&train, &gazetteer, config.seed);
        train.extend(extra);
    }
    let dev = read_examples(&config.dev)?;
    let clusters = read_clusters(&config.clusters)?;
    let view = |e: &Example| {
        let words: Vec<&str> = e.words.iter().map(String::as_str).collect();
        SentenceView::new(&words, &gazetteer, &clusters)
    };
    let train_views: Vec<SentenceView> = train.iter().map(view).collect();
    let dev_views: Vec<SentenceView> = dev.iter().map(view).collect();
    // Epoch choice: train from scratch for 2, 4, 6, ... epochs and keep the
    // averaged model that scores best on dev (the current, non-averaged
    // weights swing too much from epoch to epoch to choose by them).
    let mut epoch_f1 = Vec::new();
    let mut best: Option<(f64, usize, Model)> = None;
    let mut worse = 0;
    for epochs in (2..=config.max_epochs.max(2)).step_by(2) {
        let model = train_model(&train, &train_views, epochs, config);
        let f1 = dev_f1(&dev, &dev_views, |f, s| model.score(f, s));
        epoch_f1.push((epochs, f1));
        if best.as_ref().is_none_or(|(b, _, _)| f1 > *b) {
            best = Some((f1, epochs, model));
            worse = 0;
        } else {
            worse += 1;
            if worse >= 2 {
                break;
            }
        }
    }
    let (final_f1, epochs, model) =
        best.unwrap_or_else(|| (0.0, 0, Trainer::new(CLASSES).finish(0.0)));
    let report = NerTrainReport {
        seconds: started.elapsed().as_secs_f64(),
        epochs,
        epoch_f1,
        dev_f1: final_f1,
        sentences: train.len(),
        features: model.features(),
    };
    let metadata = serde_json::json!({
        "model": "greedy averaged perceptron, BILOU PER/ORG/LOC; MISC and news conventions by rules after it",
        "training_data": if config.augment {
            "UNER English-EWT v1 train plus news-like variants of its sentences (capitals, gazetteer names); dev for the epoch choice"
        } else {
            "UNER English-EWT v1 train (dev for the epoch choice)"
        },
        "augment": config.augment,
        "licence": "CC BY-SA 4.0 (UNER-EWT); Brown clusters from spacy-lookups-data (MIT)",
        "command": "newskg train ner --data ../shared/data",
        "seed": config.seed,
        "max_epochs": config.max_epochs,
        "prune": config.prune,
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
            });
        }
        if pick(&mut rng, 2) == 0 {
            let mut words = Vec::new();
            let mut kept = Vec::new();
            let mut at = 0;
            for &(start, end, label) in &names {
                words.extend(e.words[at..start].iter().cloned());
                let pool = pools.iter().find(|(l, _)| *l == label).map(|(_, p)| p);
                let name = match pool {
                    Some(p) if !p.is_empty() => p[pick(&mut rng, p.len())].clone(),
                    _ => e.words[start..end].to_vec(),
                };
                kept.push((words.len(), words.len() + name.len(), label));
                words.extend(name);
                at = end;
            }
            words.extend(e.words[at..].iter().cloned());
            let gold = classes_of(words.len(), &kept);
            out.push(Example { words, gold });
        }
    }
    out
}

/// A random index below `n` (> 0).
fn pick(rng: &mut Rng, n: usize) -> usize {
    (rng.next_u64() % n as u64) as usize
}

/// One training run of `epochs` epochs from scratch, averaged.
fn train_model(
    train: &[Example],
    views: &[SentenceView],
    epochs: usize,
    config: &NerTrainConfig,
) -> Model {
    let mut trainer = Trainer::new(CLASSES);
    let mut rng = Rng::new(config.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let (v, gold) = (&views[k], &train[k].gold);
            let (mut prev, mut prev2) = (None, None);
            for (i, &truth) in gold.iter().enumerate() {
                v.features(i, prev, prev2, &mut feats);
                let mut scores = [0.0f32; CLASSES];
                trainer.score(&feats, &mut scores);
                let guess = best_allowed(&scores, prev);
                trainer.update(&feats, truth, guess);
                trainer.tick();
                prev2 = prev;
                prev = Some(guess);
            }
        }
    }
    trainer.finish(config.prune)
}

fn read_examples(path: &Path) -> Result<Vec<Example>, CorpusError> {
    let docs = bio::read_file(path)?;
    let mut out = Vec::new();
    for s in docs.into_iter().flat_map(|d| d.sentences) {
        let gold = classes_of(s.tokens.len(), &iob_spans(&s.tags));
        out.push(Example {
            words: s.tokens,
            gold,
        });
    }
    Ok(out)
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

/// Entity-level F1 of greedy decoding with `score` on `examples`.
fn dev_f1(examples: &[Example], views: &[SentenceView], score: impl Fn(&[u64], &mut [f32])) -> f64 {
    let (mut correct, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for (e, v) in examples.iter().zip(views) {
        let guess: HashSet<_> = spans(&greedy(v, &score)).into_iter().collect();
        let truth: HashSet<_> = spans(&e.gold).into_iter().collect();
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

    fn example(tagged: &str) -> Example {
        let (words, tags): (Vec<String>, Vec<String>) = tagged
            .split(' ')
            .map(|p| {
                let (w, t) = p.rsplit_once('/').unwrap_or((p, "O"));
                (w.to_string(), t.to_string())
            })
            .unzip();
        let gold = classes_of(words.len(), &iob_spans(&tags));
        Example { words, gold }
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
