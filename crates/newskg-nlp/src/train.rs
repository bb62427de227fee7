//! Training the tagger and the parser from UD treebanks (`newskg train
//! tagger|parser`), and scoring them.
//!
//! Takes a folder holding `*-ud-train.conllu` and `*-ud-dev.conllu`; writes
//! one `.nkw` file and returns a [`TrainReport`]. Training uses the train
//! file only; dev picks the best epoch. Everything is seeded ([`Rng`]), so
//! the same data, options and seed give the same bytes.
//!
//! The parser is trained on *predicted* tags, produced by jack-knifing
//! (k taggers, each trained on the other folds), so that it learns to cope
//! with the tagging errors it will see at prediction time.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::corpus::conllu;
use super::parser::features::{label_features, transition_features, Atoms};
use super::parser::global::{GoldTree, Learner};
use super::parser::state::{State, ACTIONS, LEFT, NONE, REDUCE};
use super::parser::{best_legal, Parser, MAX_BEAM};
use super::perceptron::{argmax, Clusters, Rng, Trainer};
use super::tagger::{dictionary_tags, upos_features, xpos_features, Tagger, WordAtoms};
use super::{ModelError, Sentence, TrainError, Upos};

/// How many lines of the Brown-cluster file (most frequent words first) are
/// kept, besides every word of the training data.
const CLUSTER_WORDS: usize = 50_000;
/// Words seen at least this often, with one tag at least 97% of the time,
/// go into the tag dictionary.
const TAGDICT_MIN_COUNT: usize = 20;
/// One training sentence in this many is also given to the tagger in
/// capitals (EWT dev: UPOS 95.46 → 95.68 before pruning; the same dev in
/// capitals: 88.9 → 93.9).
const CAPITALS_EVERY: usize = 10;
/// Epochs of each jack-knifing tagger.
const JACKKNIFE_EPOCHS: usize = 6;
/// Averaged weights below this are dropped from the saved models.
const PRUNE: f32 = 0.05;
/// Size budget of the shipped models, in features kept per model (the most
/// important ones). Measured on EWT dev (issue 13), these cost about 0.1
/// UPOS and 0.2 UAS against the unpruned models, and keep the files at about
/// 8 and 12 MB (budget 15 MB each). The parser's transition weights are
/// stored densely (16 bytes a feature), so 650k of them fit where 400k
/// compact ones did: about 10.4 MB, plus 2.7 MB of label weights and 1 MB
/// of clusters.
const TAGGER_XPOS_FEATURES: usize = 200_000;
const TAGGER_UPOS_FEATURES: usize = 120_000;
const PARSER_ACTION_FEATURES: usize = 650_000;
const PARSER_LABEL_FEATURES: usize = 100_000;

/// What to train and where to write it.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Folder with `*-ud-train.conllu` and `*-ud-dev.conllu`.
    pub data: PathBuf,
    /// More CoNLL-U files added to the training set (never to dev): the
    /// other treebanks the shipped weights may learn from.
    pub extra_train: Vec<PathBuf>,
    /// The `.nkw` file to write.
    pub output: PathBuf,
    /// Maximum number of epochs; the best on dev is kept.
    pub epochs: usize,
    /// Random seed (shuffling, exploration).
    pub seed: u64,
    /// Brown clusters (`word<TAB>bits`), optional.
    pub clusters: Option<PathBuf>,
    /// Parser only: the tagger that tags the dev set (as at prediction
    /// time); when absent one is trained on the training set.
    pub tagger: Option<PathBuf>,
    /// Parser only: jack-knifing folds for predicted training tags (0 or 1:
    /// train on gold tags).
    pub folds: usize,
    /// Parser only: beam width. 1 trains greedily with the dynamic oracle
    /// and exploration; more trains the beam globally (max-violation), and
    /// the model then parses with that width.
    pub beam: usize,
    /// Recorded in the metadata.
    pub git_rev: Option<String>,
    /// The command line, recorded in the metadata.
    pub command: Option<String>,
    /// Called with a line of progress now and then.
    pub progress: Option<fn(&str)>,
}

impl TrainOptions {
    /// Defaults: 15 epochs, seed 1, 4 folds, no clusters.
    pub fn new(data: impl Into<PathBuf>, output: impl Into<PathBuf>) -> TrainOptions {
        TrainOptions {
            data: data.into(),
            output: output.into(),
            extra_train: Vec::new(),
            epochs: 15,
            seed: 1,
            clusters: None,
            tagger: None,
            folds: 4,
            beam: 1,
            git_rev: None,
            command: None,
            progress: None,
        }
    }

    fn say(&self, line: &str) {
        if let Some(p) = self.progress {
            p(line);
        }
    }
}

/// What a training run did.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainReport {
    /// Wall time, seconds.
    pub seconds: f64,
    /// The epoch kept (best on dev).
    pub best_epoch: usize,
    /// Dev scores of the kept model, percent: ("upos", 96.1), ("las", 85.0)…
    pub dev: Vec<(String, f64)>,
    /// Features with weights in the saved model(s).
    pub features: usize,
    /// Size of the written file.
    pub bytes: usize,
}

/// Tagging accuracy, percent of words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TagScores {
    /// UPOS accuracy.
    pub upos: f64,
    /// XPOS accuracy.
    pub xpos: f64,
}

/// Attachment scores, percent of words (labels compared with subtypes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParseScores {
    /// Unlabelled attachment score.
    pub uas: f64,
    /// Labelled attachment score.
    pub las: f64,
}

/// Trains the tagger and writes it to `opts.output`.
pub fn train_tagger(opts: &TrainOptions) -> Result<TrainReport, TrainError> {
    let start = Instant::now();
    let (train, dev) = read_data(opts)?;
    let clusters = read_clusters(opts, &train)?;
    let mut fit = fit_tagger(&train, Some(&dev), opts.epochs, opts.seed, &clusters, opts);
    fit.tagger = fit
        .tagger
        .pruned(TAGGER_XPOS_FEATURES, TAGGER_UPOS_FEATURES);
    let scores = tag_scores(&fit.tagger, &dev);
    let features = fit.tagger.xpos_model.features() + fit.tagger.upos_model.features();
    let dev_scores = vec![
        ("upos".to_string(), scores.upos),
        ("xpos".to_string(), scores.xpos),
    ];
    let meta = metadata(opts, fit.best_epoch, &dev_scores);
    let file = fit.tagger.to_file(meta);
    let bytes = file.to_bytes().len();
    file.save(&opts.output)?;
    Ok(TrainReport {
        seconds: start.elapsed().as_secs_f64(),
        best_epoch: fit.best_epoch,
        dev: dev_scores,
        features,
        bytes,
    })
}

/// Trains the parser (on jack-knifed tags) and writes it to `opts.output`.
pub fn train_parser(opts: &TrainOptions) -> Result<TrainReport, TrainError> {
    let start = Instant::now();
    let (mut train, mut dev) = read_data(opts)?;
    let clusters = read_clusters(opts, &train)?;
    if opts.folds > 1 {
        jackknife(&mut train, opts.folds, &clusters, opts);
    }
    let dev_tagger = match &opts.tagger {
        Some(path) => Tagger::load(path)?,
        None => {
            fit_tagger(
                &train_gold_tags(opts)?,
                None,
                JACKKNIFE_EPOCHS,
                opts.seed,
                &clusters,
                opts,
            )
            .tagger
        }
    };
    for s in &mut dev {
        retag(&dev_tagger, s);
    }
    let mut fit = fit_parser(&train, Some(&dev), opts.epochs, opts.seed, &clusters, opts);
    fit.parser = fit
        .parser
        .pruned(PARSER_ACTION_FEATURES, PARSER_LABEL_FEATURES);
    let scores = parse_scores(&fit.parser, &dev);
    let features = fit.parser.actions.features() + fit.parser.labels.features();
    let dev_scores = vec![
        ("uas".to_string(), scores.uas),
        ("las".to_string(), scores.las),
    ];
    let mut meta = metadata(opts, fit.best_epoch, &dev_scores);
    meta["dev_tags"] = serde_json::json!(if opts.tagger.is_some() {
        "given tagger"
    } else {
        "tagger trained on train"
    });
    meta["jackknife_folds"] = serde_json::json!(opts.folds);
    meta["beam"] = serde_json::json!(fit.parser.beam);
    let file = fit.parser.to_file(meta);
    let bytes = file.to_bytes().len();
    file.save(&opts.output)?;
    Ok(TrainReport {
        seconds: start.elapsed().as_secs_f64(),
        best_epoch: fit.best_epoch,
        dev: dev_scores,
        features,
        bytes,
    })
}

/// Tags a copy of each gold sentence and compares.
pub fn tag_scores(tagger: &Tagger, gold: &[Sentence]) -> TagScores {
    let (mut total, mut upos, mut xpos) = (0usize, 0usize, 0usize);
    for g in gold {
        let mut s = g.clone();
        tagger.predict(&mut s);
        for (p, g) in s.tokens.iter().zip(&g.tokens) {
            total += 1;
            upos += usize::from(p.upos == g.upos);
            xpos += usize::from(p.xpos == g.xpos);
        }
    }
    TagScores {
        upos: percent(upos, total),
        xpos: percent(xpos, total),
    }
}

/// Parses a copy of each sentence (with the tags it has) and compares.
pub fn parse_scores(parser: &Parser, gold: &[Sentence]) -> ParseScores {
    let (mut total, mut uas, mut las) = (0usize, 0usize, 0usize);
    for g in gold {
        let mut s = g.clone();
        parser.predict(&mut s);
        for (p, g) in s.tokens.iter().zip(&g.tokens) {
            total += 1;
            if p.head == g.head {
                uas += 1;
                las += usize::from(p.deprel == g.deprel);
            }
        }
    }
    ParseScores {
        uas: percent(uas, total),
        las: percent(las, total),
    }
}

fn percent(k: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        100.0 * k as f64 / n as f64
    }
}

/// The train and dev files of a UD folder.
fn find(data: &Path, suffix: &str) -> Result<PathBuf, TrainError> {
    let entries = std::fs::read_dir(data).map_err(|source| ModelError::Io {
        path: data.to_owned(),
        source,
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(suffix))
        })
        .collect();
    found.sort();
    found.into_iter().next().ok_or_else(|| {
        ModelError::Corrupt {
            path: data.to_owned(),
            message: format!("no *{suffix} file in this folder"),
        }
        .into()
    })
}

/// The training sentences (the folder's train file, then each extra file in
/// the order given) and the dev sentences.
fn read_data(opts: &TrainOptions) -> Result<(Vec<Sentence>, Vec<Sentence>), TrainError> {
    let read = |path: &Path| -> Result<Vec<Sentence>, TrainError> {
        Ok(conllu::read_file(path)?
            .into_iter()
            .map(|c| c.sentence)
            .collect())
    };
    let mut train = read(&find(&opts.data, "-ud-train.conllu")?)?;
    for path in &opts.extra_train {
        train.extend(read(path)?);
    }
    Ok((train, read(&find(&opts.data, "-ud-dev.conllu")?)?))
}

fn train_gold_tags(opts: &TrainOptions) -> Result<Vec<Sentence>, TrainError> {
    Ok(read_data(opts)?.0)
}

fn read_clusters(opts: &TrainOptions, train: &[Sentence]) -> Result<Clusters, TrainError> {
    let Some(path) = &opts.clusters else {
        return Ok(Clusters::default());
    };
    let keep: HashSet<String> = train
        .iter()
        .flat_map(|s| s.tokens.iter())
        .flat_map(|t| [t.form.clone(), t.form.to_lowercase()])
        .collect();
    Ok(Clusters::read_tsv(path, CLUSTER_WORDS, &keep)?)
}

fn metadata(opts: &TrainOptions, best_epoch: usize, dev: &[(String, f64)]) -> serde_json::Value {
    let dev: serde_json::Map<String, serde_json::Value> = dev
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::json!((v * 100.0).round() / 100.0)))
        .collect();
    let mut training_data = format!(
        "{} train (dev for epoch choice)",
        opts.data
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("UD")
    );
    for path in &opts.extra_train {
        if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
            training_data.push_str(" + ");
            training_data.push_str(name);
        }
    }
    serde_json::json!({
        "training_data": training_data,
        "licence": "CC BY-SA 4.0 (derived from the CC BY-SA treebanks of training_data: UD English-EWT, and UD English-PUD and English-Pronouns when named; see models/README.md); Brown clusters: spacy-lookups-data, MIT",
        "seed": opts.seed,
        "max_epochs": opts.epochs,
        "best_epoch": best_epoch,
        "dev": dev,
        "clusters": opts.clusters.is_some(),
        "git_rev": opts.git_rev,
        "command": opts.command,
    })
}

/// Replaces the tags of `s` by the tagger's.
fn retag(tagger: &Tagger, s: &mut Sentence) {
    let mut t = s.clone();
    tagger.predict(&mut t);
    for (a, b) in s.tokens.iter_mut().zip(t.tokens) {
        a.upos = b.upos;
        a.xpos = b.xpos;
    }
}

/// Gives every training sentence tags from a tagger that did not see it.
fn jackknife(train: &mut [Sentence], folds: usize, clusters: &Clusters, opts: &TrainOptions) {
    let taggers: Vec<Tagger> = (0..folds)
        .map(|f| {
            opts.say(&format!("jack-knifing: tagger {} of {folds}", f + 1));
            let rest: Vec<Sentence> = train
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, s)| s.clone())
                .collect();
            fit_tagger(
                &rest,
                None,
                JACKKNIFE_EPOCHS,
                opts.seed + f as u64,
                clusters,
                opts,
            )
            .tagger
        })
        .collect();
    for (i, s) in train.iter_mut().enumerate() {
        retag(&taggers[i % folds], s);
    }
}

/// A trained tagger and the epoch it comes from.
pub(crate) struct TaggerFit {
    pub tagger: Tagger,
    pub best_epoch: usize,
}

/// Trains a tagger on `train`; with `dev`, keeps the best epoch on it.
pub(crate) fn fit_tagger(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    epochs: usize,
    seed: u64,
    clusters: &Clusters,
    opts: &TrainOptions,
) -> TaggerFit {
    // Tag set and tag dictionary.
    let mut xpos_tags: Vec<String> = train
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.xpos.clone()))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    xpos_tags.sort();
    if xpos_tags.is_empty() {
        xpos_tags.push("X".to_string());
    }
    let class: HashMap<&str, u16> = xpos_tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i as u16))
        .collect();
    let mut counts: HashMap<&str, HashMap<u16, usize>> = HashMap::new();
    for t in train.iter().flat_map(|s| &s.tokens) {
        *counts
            .entry(&t.form)
            .or_default()
            .entry(class[t.xpos.as_str()])
            .or_default() += 1;
    }
    let tagdict: HashMap<String, u16> = counts
        .into_iter()
        .filter_map(|(w, tags)| {
            let total: usize = tags.values().sum();
            let (tag, n) = tags
                .into_iter()
                .max_by_key(|(t, n)| (*n, std::cmp::Reverse(*t)))?;
            (total >= TAGDICT_MIN_COUNT && n * 100 >= total * 97).then(|| (w.to_string(), tag))
        })
        .collect();

    // Examples, with atoms computed once.
    struct Example {
        forms: Vec<String>,
        words: Vec<WordAtoms>,
        xpos: Vec<u16>,
        upos: Vec<u16>,
    }
    let upos_class = |u: Upos| Upos::ALL.iter().position(|x| *x == u).unwrap_or(0) as u16;
    let example = |s: &Sentence, capitals: bool| {
        let forms: Vec<String> = s
            .tokens
            .iter()
            .map(|t| {
                if capitals {
                    t.form.to_uppercase()
                } else {
                    t.form.clone()
                }
            })
            .collect();
        Example {
            words: forms.iter().map(|f| WordAtoms::new(f, clusters)).collect(),
            forms,
            xpos: s.tokens.iter().map(|t| class[t.xpos.as_str()]).collect(),
            upos: s.tokens.iter().map(|t| upos_class(t.upos)).collect(),
        }
    };
    let mut examples: Vec<Example> = train.iter().map(|s| example(s, false)).collect();
    // News headlines and datelines come in capitals, which the treebanks
    // hardly have: one training sentence in CAPITALS_EVERY is also learnt
    // in capitals (issue 13).
    examples.extend(
        train
            .iter()
            .step_by(CAPITALS_EVERY)
            .map(|s| example(s, true)),
    );

    let mut tx = Trainer::new(xpos_tags.len());
    let mut tu = Trainer::new(Upos::ALL.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::with_capacity(64);
    let mut xs_scores = vec![0.0f32; xpos_tags.len()];
    let mut us_scores = vec![0.0f32; Upos::ALL.len()];
    let snapshot = |tx: &Trainer, tu: &Trainer| Tagger {
        xpos_model: tx.averaged(PRUNE),
        upos_model: tu.averaged(PRUNE),
        xpos_tags: xpos_tags.clone(),
        tagdict: tagdict.clone(),
        clusters: clusters.clone(),
    };
    let mut best: Option<(f64, usize, Tagger)> = None;
    for epoch in 1..=epochs.max(1) {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &examples[k];
            let forms: Vec<&str> = ex.forms.iter().map(String::as_str).collect();
            let ahead = dictionary_tags(&forms, &tagdict);
            let mut xs: Vec<u16> = Vec::with_capacity(ex.words.len());
            for i in 0..ex.words.len() {
                if let Some(t) = tagdict.get(&ex.forms[i]) {
                    xs.push(*t);
                    continue;
                }
                feats.clear();
                xpos_features(&ex.words, &ahead, i, &xs, &mut feats);
                xs_scores.iter_mut().for_each(|s| *s = 0.0);
                tx.score(&feats, &mut xs_scores);
                let guess = argmax(&xs_scores);
                tx.update(&feats, usize::from(ex.xpos[i]), guess);
                tx.tick();
                xs.push(guess as u16);
            }
            let mut us: Vec<u16> = Vec::with_capacity(ex.words.len());
            for i in 0..ex.words.len() {
                feats.clear();
                upos_features(&ex.words, &xs, i, &us, &mut feats);
                us_scores.iter_mut().for_each(|s| *s = 0.0);
                tu.score(&feats, &mut us_scores);
                let guess = argmax(&us_scores);
                tu.update(&feats, usize::from(ex.upos[i]), guess);
                tu.tick();
                us.push(guess as u16);
            }
        }
        if let Some(dev) = dev {
            let tagger = snapshot(&tx, &tu);
            let s = tag_scores(&tagger, dev);
            opts.say(&format!(
                "tagger epoch {epoch}: dev UPOS {:.2} XPOS {:.2}",
                s.upos, s.xpos
            ));
            let score = s.upos + s.xpos;
            if best.as_ref().is_none_or(|b| score > b.0) {
                best = Some((score, epoch, tagger));
            }
        }
    }
    match best {
        Some((_, best_epoch, tagger)) => TaggerFit { tagger, best_epoch },
        None => TaggerFit {
            tagger: snapshot(&tx, &tu),
            best_epoch: epochs.max(1),
        },
    }
}

/// A trained parser and the epoch it comes from.
pub(crate) struct ParserFit {
    pub parser: Parser,
    pub best_epoch: usize,
}

/// Trains a parser on `train` (tags as given): with `opts.beam` 1 greedily,
/// with the dynamic oracle and exploration from the second epoch; wider,
/// globally with that beam ([`Learner`]). With `dev`, keeps the best LAS
/// epoch.
pub(crate) fn fit_parser(
    train: &[Sentence],
    dev: Option<&[Sentence]>,
    epochs: usize,
    seed: u64,
    clusters: &Clusters,
    opts: &TrainOptions,
) -> ParserFit {
    let mut label_names: Vec<String> = train
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.deprel.clone()))
        .filter(|l| l != "root" && !l.is_empty())
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    label_names.sort();
    if label_names.is_empty() {
        label_names.push("dep".to_string());
    }
    let label_id: HashMap<&str, u16> = label_names
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u16 + 1))
        .collect();
    let root_id = label_names.len() as u16 + 1;
    let width = opts.beam.clamp(1, MAX_BEAM);

    let mut ta = Trainer::new(ACTIONS);
    let mut tl = Trainer::new(label_names.len());
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(128);
    let mut label_scores = vec![0.0f32; label_names.len()];
    let snapshot = |ta: &Trainer, tl: &Trainer| Parser {
        actions: ta.averaged(PRUNE),
        labels: tl.averaged(PRUNE),
        label_names: label_names.clone(),
        clusters: clusters.clone(),
        beam: width,
        beam_margin: f32::INFINITY,
    };
    let mut learner = Learner::default();
    let mut best: Option<(f64, usize, Parser)> = None;
    for epoch in 1..=epochs.max(1) {
        rng.shuffle(&mut order);
        for &k in &order {
            let s = &train[k];
            let n = s.tokens.len();
            if n == 0 || s.tokens.iter().any(|t| t.head.is_some_and(|h| h >= n)) {
                continue;
            }
            let gold: Vec<usize> = s.tokens.iter().map(|t| t.head.unwrap_or(n)).collect();
            let gold_label: Vec<u16> = s
                .tokens
                .iter()
                .map(|t| {
                    if t.head.is_none() {
                        root_id
                    } else {
                        label_id.get(t.deprel.as_str()).copied().unwrap_or(1)
                    }
                })
                .collect();
            let atoms = Atoms::new(&s.tokens, clusters);
            if width > 1 {
                let tree = GoldTree {
                    heads: &gold,
                    labels: &gold_label,
                    root_label: root_id,
                };
                learner.learn(&mut ta, &mut tl, &atoms, &tree, width);
                continue;
            }
            let mut state = State::new(n);
            let mut steps = 0;
            while !state.is_terminal() && steps <= 2 * n + 2 {
                steps += 1;
                feats.clear();
                transition_features(&state, &atoms, &mut feats);
                let mut scores = [0.0f32; ACTIONS];
                ta.score(&feats, &mut scores);
                let guess = best_legal(&state, &scores);
                let mut costs = [usize::MAX; ACTIONS];
                for (a, c) in costs.iter_mut().enumerate() {
                    if state.legal(a) {
                        *c = state.cost(a, &gold);
                    }
                }
                let min = costs.iter().copied().min().unwrap_or(0);
                let mut oracle = NONE;
                for a in 0..ACTIONS {
                    if costs[a] == min && (oracle == NONE || scores[a] > scores[oracle]) {
                        oracle = a;
                    }
                }
                if costs[guess] > min {
                    ta.update(&feats, oracle, guess);
                }
                ta.tick();
                let explore = epoch > 1 && rng.next_u64() % 10 < 9;
                let action = if explore { guess } else { oracle };
                let label = match action {
                    LEFT if state.b == n => root_id,
                    LEFT | REDUCE => {
                        let dep = state.s0();
                        let head = if action == LEFT {
                            state.b
                        } else {
                            state.heads[dep]
                        };
                        feats.clear();
                        label_features(&state, &atoms, head, dep, &mut feats);
                        label_scores.iter_mut().for_each(|s| *s = 0.0);
                        tl.score(&feats, &mut label_scores);
                        let guess = argmax(&label_scores);
                        if gold[dep] == head && gold_label[dep] != root_id {
                            let truth = usize::from(gold_label[dep] - 1);
                            tl.update(&feats, truth, guess);
                            tl.tick();
                            gold_label[dep]
                        } else {
                            guess as u16 + 1
                        }
                    }
                    _ => 0,
                };
                if action == REDUCE {
                    state.set_label(state.s0(), label);
                }
                state.apply(action, label);
            }
        }
        if let Some(dev) = dev {
            let parser = snapshot(&ta, &tl);
            let s = parse_scores(&parser, dev);
            opts.say(&format!(
                "parser epoch {epoch}: dev UAS {:.2} LAS {:.2} ({} + {} features)",
                s.uas,
                s.las,
                parser.actions.features(),
                parser.labels.features()
            ));
            if best.as_ref().is_none_or(|b| s.las > b.0) {
                best = Some((s.las, epoch, parser));
            }
        }
    }
    match best {
        Some((_, best_epoch, parser)) => ParserFit { parser, best_epoch },
        None => ParserFit {
            parser: snapshot(&ta, &tl),
            best_epoch: epochs.max(1),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::WeightFile;
    use crate::{Span, Token};

    /// A small synthetic treebank: "the big dog sees a cat ." and friends,
    /// with heads, built from word lists so train and held-out sentences
    /// share vocabulary but not word order combinations.
    fn corpus() -> Vec<Sentence> {
        let dets = [("the", "DT"), ("a", "DT"), ("every", "DT")];
        let adjs = ["big", "small", "red", "old"];
        let nouns = [
            ("dog", "NN"),
            ("cat", "NN"),
            ("dogs", "NNS"),
            ("bird", "NN"),
            ("man", "NN"),
        ];
        let verbs = [
            ("sees", "VBZ"),
            ("chased", "VBD"),
            ("likes", "VBZ"),
            ("found", "VBD"),
        ];
        let mut out = Vec::new();
        let mut k = 0usize;
        for (vi, v) in verbs.iter().enumerate() {
            for (ni, n1) in nouns.iter().enumerate() {
                for (mi, n2) in nouns.iter().enumerate().filter(|(mi, _)| *mi != ni) {
                    k += 1;
                    let d1 = dets[(vi + ni) % 3];
                    let d2 = dets[(mi + k) % 3];
                    let adj = adjs[k % 4];
                    // 1 det, 2 adj, 3 noun, 4 verb, 5 det, 6 noun, 7 "."
                    let rows = [
                        (d1.0, Upos::Det, d1.1, 3, "det"),
                        (adj, Upos::Adj, "JJ", 3, "amod"),
                        (n1.0, Upos::Noun, n1.1, 4, "nsubj"),
                        (v.0, Upos::Verb, v.1, 0, "root"),
                        (d2.0, Upos::Det, d2.1, 6, "det"),
                        (n2.0, Upos::Noun, n2.1, 4, "obj"),
                        (".", Upos::Punct, ".", 4, "punct"),
                    ];
                    let tokens = rows
                        .iter()
                        .enumerate()
                        .map(|(i, (form, upos, xpos, head, rel))| Token {
                            span: Span::new(i, i + 1),
                            form: form.to_string(),
                            lemma: String::new(),
                            upos: *upos,
                            xpos: xpos.to_string(),
                            head: if *head == 0 { None } else { Some(head - 1) },
                            deprel: rel.to_string(),
                        })
                        .collect();
                    out.push(Sentence {
                        span: Span::new(0, 7),
                        tokens,
                    });
                }
            }
        }
        out
    }

    fn split() -> (Vec<Sentence>, Vec<Sentence>) {
        let all = corpus();
        let (train, held): (Vec<_>, Vec<_>) =
            all.into_iter().enumerate().partition(|(i, _)| i % 5 != 0);
        (
            train.into_iter().map(|(_, s)| s).collect(),
            held.into_iter().map(|(_, s)| s).collect(),
        )
    }

    fn opts() -> TrainOptions {
        TrainOptions::new("unused", "unused")
    }

    fn tiny_parser() -> (Parser, Vec<Sentence>) {
        let (train, held) = split();
        let fit = fit_parser(&train, None, 5, 7, &Clusters::default(), &opts());
        (fit.parser, held)
    }

    #[test]
    fn tiny_tagger_learns_held_out_sentences() {
        let started = Instant::now();
        let (train, held) = split();
        let fit = fit_tagger(&train, Some(&held), 5, 3, &Clusters::default(), &opts());
        let s = tag_scores(&fit.tagger, &held);
        assert!(s.upos > 95.0 && s.xpos > 95.0, "{s:?}");
        assert!(started.elapsed().as_secs_f64() < 5.0);
    }

    #[test]
    fn tiny_parser_learns_held_out_sentences() {
        let (parser, held) = tiny_parser();
        let s = parse_scores(&parser, &held);
        assert!(s.uas > 90.0 && s.las > 85.0, "{s:?}");
    }

    /// A beam of one hypothesis decodes exactly as the greedy parser, on a
    /// trained model and on an empty one (where every score ties, so the
    /// tie-breaking must agree too).
    #[test]
    fn beam_of_one_is_greedy_decoding() {
        use crate::parser::beam;
        let (trained, held) = tiny_parser();
        let empty = Parser {
            actions: Trainer::new(ACTIONS).averaged(0.0),
            labels: Trainer::new(trained.label_names.len()).averaged(0.0),
            ..trained.clone()
        };
        for p in [&trained, &empty] {
            for s in &held {
                let n = s.tokens.len();
                let atoms = Atoms::new(&s.tokens, &p.clusters);
                let greedy = p.greedy(&atoms, n);
                let one = beam::decode(
                    &p.actions,
                    &p.labels,
                    p.root_label(),
                    &atoms,
                    n,
                    1,
                    f32::INFINITY,
                );
                assert_eq!(greedy.heads, one.heads);
                assert_eq!(greedy.labels, one.labels);
            }
        }
    }

    /// Global training with a beam learns the tiny treebank, and the width
    /// goes into the file and back.
    #[test]
    fn tiny_beam_parser_learns_held_out_sentences() {
        let (train, held) = split();
        let mut o = opts();
        o.beam = 4;
        let p = fit_parser(&train, None, 5, 7, &Clusters::default(), &o).parser;
        assert_eq!(p.beam_width(), 4);
        let s = parse_scores(&p, &held);
        assert!(s.uas > 90.0 && s.las > 85.0, "{s:?}");
        let bytes = p.to_file(serde_json::json!({})).to_bytes();
        let q = Parser::from_file(&WeightFile::from_bytes(&bytes, "parser").unwrap()).unwrap();
        assert_eq!(q.beam_width(), 4);
        assert_eq!(parse_scores(&q, &held), s);
    }

    /// A file without a beam section (written before the beam) parses
    /// greedily.
    #[test]
    fn parser_file_without_beam_section_is_greedy() {
        let (p, _) = tiny_parser();
        let mut file = p.with_beam_width(3).to_file(serde_json::json!({}));
        file.sections.retain(|(name, _)| name != "beam");
        let q = Parser::from_file(&WeightFile::from_bytes(&file.to_bytes(), "parser").unwrap())
            .unwrap();
        assert_eq!(q.beam_width(), 1);
    }

    #[test]
    fn weights_round_trip_and_training_is_deterministic() {
        let (train, held) = split();
        let a = fit_tagger(&train, None, 3, 11, &Clusters::default(), &opts()).tagger;
        let b = fit_tagger(&train, None, 3, 11, &Clusters::default(), &opts()).tagger;
        let meta = serde_json::json!({"seed": 11});
        let bytes = a.to_file(meta.clone()).to_bytes();
        assert_eq!(
            bytes,
            b.to_file(meta.clone()).to_bytes(),
            "same seed, same bytes"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tagger.nkw");
        a.to_file(meta.clone()).save(&path).unwrap();
        let again = Tagger::load(&path).unwrap();
        assert_eq!(tag_scores(&again, &held), tag_scores(&a, &held));

        let p = fit_parser(&train, None, 3, 11, &Clusters::default(), &opts()).parser;
        let q = fit_parser(&train, None, 3, 11, &Clusters::default(), &opts()).parser;
        let pbytes = p.to_file(meta.clone()).to_bytes();
        assert_eq!(pbytes, q.to_file(meta.clone()).to_bytes());
        let ppath = dir.path().join("parser.nkw");
        p.to_file(meta).save(&ppath).unwrap();
        let again = Parser::load(&ppath).unwrap();
        for s in &held {
            let (mut x, mut y) = (s.clone(), s.clone());
            p.predict(&mut x);
            again.predict(&mut y);
            assert_eq!(x, y);
        }
    }

    #[test]
    fn corrupt_or_wrong_kind_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.nkw");
        std::fs::write(&junk, b"definitely not weights").unwrap();
        let err = Tagger::load(&junk).unwrap_err().to_string();
        assert!(
            err.starts_with(&junk.display().to_string()) && err.contains("magic"),
            "{err}"
        );

        let (train, _) = split();
        let tagger = fit_tagger(&train, None, 1, 1, &Clusters::default(), &opts()).tagger;
        let path = dir.path().join("tagger.nkw");
        tagger.to_file(serde_json::json!({})).save(&path).unwrap();
        let err = Parser::load(&path).unwrap_err().to_string();
        assert_eq!(
            err,
            format!(
                "{}: holds a tagger model, expected a parser model",
                path.display()
            )
        );
        let missing = dir.path().join("missing.nkw");
        let err = Parser::load(&missing).unwrap_err().to_string();
        assert!(err.contains("missing.nkw"), "{err}");
    }

    /// A 5,000-word "sentence" parses quickly into one valid tree.
    #[test]
    fn long_sentence_gives_a_tree_in_linear_time() {
        let (parser, held) = tiny_parser();
        let mut tokens = Vec::new();
        while tokens.len() < 5000 {
            tokens.extend(held[tokens.len() % held.len()].tokens.iter().cloned());
        }
        tokens.truncate(5000);
        let mut s = Sentence {
            span: Span::new(0, 1),
            tokens,
        };
        let started = Instant::now();
        parser.predict(&mut s);
        assert!(started.elapsed().as_secs_f64() < 2.0);
        assert_valid_tree(&s);
    }

    fn assert_valid_tree(s: &Sentence) {
        let n = s.tokens.len();
        assert_eq!(s.tokens.iter().filter(|t| t.head.is_none()).count(), 1);
        for i in 0..n {
            // Following heads from any word reaches the root within n steps.
            let mut at = i;
            let mut steps = 0;
            while let Some(h) = s.tokens[at].head {
                assert!(h < n);
                at = h;
                steps += 1;
                assert!(steps <= n, "cycle through word {i}");
            }
        }
        assert!(s.tokens.iter().all(|t| !t.deprel.is_empty()));
    }

    #[test]
    fn empty_and_one_word_sentences() {
        let (parser, held) = tiny_parser();
        let (train, _) = split();
        let tagger = fit_tagger(&train, None, 1, 1, &Clusters::default(), &opts()).tagger;
        let mut empty = Sentence {
            span: Span::default(),
            tokens: Vec::new(),
        };
        tagger.predict(&mut empty);
        parser.predict(&mut empty);
        let mut one = Sentence {
            span: Span::new(0, 3),
            tokens: vec![held[0].tokens[2].clone()],
        };
        tagger.predict(&mut one);
        parser.predict(&mut one);
        assert_valid_tree(&one);
        assert_eq!(one.tokens[0].deprel, "root");
    }

    /// Writes `set` as a CoNLL-U file, one sentence per text.
    fn write_treebank(path: &Path, set: &[Sentence]) {
        let mut out = Vec::new();
        for s in set {
            let text: String = s
                .tokens
                .iter()
                .map(|t| t.form.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let mut fixed = s.clone();
            let mut at = 0;
            for t in &mut fixed.tokens {
                t.span = Span::new(at, at + t.form.len());
                at += t.form.len() + 1;
            }
            fixed.span = Span::new(0, text.len());
            conllu::write(&mut out, &text, &[fixed], 1).unwrap();
        }
        std::fs::write(path, out).unwrap();
    }

    /// `--add-train` files join the training set (never dev), after the
    /// folder's own train file, and the metadata names them.
    #[test]
    fn extra_training_files_join_the_training_set() {
        let dir = tempfile::tempdir().unwrap();
        let (train, dev) = split();
        write_treebank(&dir.path().join("x-ud-train.conllu"), &train);
        write_treebank(&dir.path().join("x-ud-dev.conllu"), &dev);
        let extra = dir.path().join("more.conllu");
        write_treebank(&extra, &dev[..3]);
        let mut o = TrainOptions::new(dir.path(), dir.path().join("tagger.nkw"));
        o.extra_train = vec![extra];
        let (t, d) = read_data(&o).unwrap();
        assert_eq!((t.len(), d.len()), (train.len() + 3, dev.len()));
        let forms = |s: &Sentence| s.tokens.iter().map(|t| t.form.clone()).collect::<Vec<_>>();
        assert_eq!(forms(&t[train.len()]), forms(&dev[0]));
        let meta = metadata(&o, 1, &[]);
        let data = meta["training_data"].as_str().unwrap();
        assert!(data.ends_with(" + more.conllu"), "{data}");
    }

    #[test]
    fn train_tagger_writes_a_loadable_file() {
        let dir = tempfile::tempdir().unwrap();
        let (train, dev) = split();
        write_treebank(&dir.path().join("x-ud-train.conllu"), &train);
        write_treebank(&dir.path().join("x-ud-dev.conllu"), &dev);
        let mut o = TrainOptions::new(dir.path(), dir.path().join("tagger.nkw"));
        o.epochs = 3;
        let report = train_tagger(&o).unwrap();
        assert!(report.dev[0].1 > 90.0, "{report:?}");
        let file = WeightFile::load(&o.output, "tagger").unwrap();
        assert_eq!(file.metadata["seed"], 1);
        assert!(Tagger::load(&o.output).is_ok());

        o.output = dir.path().join("parser.nkw");
        o.folds = 2;
        let report = train_parser(&o).unwrap();
        assert!(report.dev[0].1 > 80.0, "{report:?}");
        assert!(Parser::load(&o.output).is_ok());
    }

    /// The shipped weights load, and tag and parse a plain sentence sensibly.
    #[test]
    fn shipped_models_tag_and_parse() {
        let dir = crate::Analyzer::default_dir();
        let (tagger, parser) = match (
            Tagger::load(&dir.join("tagger.nkw")),
            Parser::load(&dir.join("parser.nkw")),
        ) {
            (Ok(t), Ok(p)) => (t, p),
            (t, p) => panic!("shipped models do not load: {:?} {:?}", t.err(), p.err()),
        };
        let words = [
            "The", "court", "rejected", "the", "appeal", "on", "Monday", ".",
        ];
        let mut at = 0;
        let tokens = words
            .iter()
            .map(|w| {
                let t = Token::unanalyzed(Span::new(at, at + w.len()), *w);
                at += w.len() + 1;
                t
            })
            .collect();
        let mut s = Sentence {
            span: Span::new(0, at - 1),
            tokens,
        };
        tagger.predict(&mut s);
        parser.predict(&mut s);
        assert_valid_tree(&s);
        let tags: Vec<&str> = s.tokens.iter().map(|t| t.upos.as_str()).collect();
        assert_eq!(
            tags,
            ["DET", "NOUN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
        );
        assert_eq!(s.tokens[2].head, None, "rejected is the root");
        assert_eq!(
            (s.tokens[1].head, s.tokens[1].deprel.as_str()),
            (Some(2), "nsubj")
        );
        assert_eq!(
            (s.tokens[4].head, s.tokens[4].deprel.as_str()),
            (Some(2), "obj")
        );
        assert_eq!(
            (s.tokens[6].head, s.tokens[6].deprel.as_str()),
            (Some(2), "obl")
        );
    }
}
