//! `newskg train`: reproduce the shipped model files from their corpora.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};

use newskg::extract::Extractor;
use newskg::nlp::train::{self, TrainOptions};
use newskg::nlp::{Gazetteer, Lemmatizer, NerTrainConfig};
use newskg::pipeline::{train_facts, Engine, FactTrainOptions};

use super::ModelArgs;

/// Train a model (deterministic for a given seed). The shipped files in
/// models/ were made with the commands in models/README.md.
#[derive(Args, Debug)]
pub struct TrainArgs {
    #[command(subcommand)]
    model: Model,
}

#[derive(Subcommand, Debug)]
enum Model {
    /// POS tagger (UPOS + XPOS) from a UD treebank folder (train + dev CoNLL-U)
    Tagger(Treebank),
    /// Dependency parser from a UD treebank folder
    Parser {
        #[command(flatten)]
        treebank: Treebank,
        /// Tagger whose tags the parser is trained and tuned on
        #[arg(long, value_hint = clap::ValueHint::FilePath)]
        tagger: Option<PathBuf>,
        /// Jack-knifing folds for predicted training tags (0: gold tags)
        #[arg(long, default_value_t = 4)]
        folds: usize,
        /// Beam width: 1 trains the greedy parser; more trains a beam
        /// parser globally (max-violation), which then parses with it
        #[arg(long, default_value_t = 1)]
        beam: usize,
    },
    /// Fact classifier from judged facts of the open training text (UD
    /// English-PUD, Re-DocRED, re3d, CrossNER politics and UD English-EWT
    /// weblog and newsgroup documents rebuilt from the data folder)
    Facts {
        /// The data folder holding ud-pud/, relations/redocred/, ner/ and ud-ewt/
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        data: PathBuf,
        /// The judgements: KEY TAB VERDICT lines (scripts/judge/keys.py)
        #[arg(long, default_value = "models/facts-judgements.tsv", value_hint = clap::ValueHint::FilePath)]
        judgements: PathBuf,
        /// Where the weight file goes
        #[arg(long, short, default_value = "models/facts.nkw", value_hint = clap::ValueHint::FilePath)]
        output: PathBuf,
        /// Also write every candidate fact of the training text here, as
        /// extract's JSON Lines (to sample new facts to judge)
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        candidates: Option<PathBuf>,
        /// Keep the training documents in this folder (what the
        /// candidates' `source` names: judges read them there)
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        documents: Option<PathBuf>,
    },
    /// Named-entity recognizer from the shared data folder (UNER-EWT, UNER-PUD,
    /// wikigold, Re-DocRED, CrossNER, BTC, WNUT-17; Brown clusters)
    Ner {
        /// The data folder holding ner/ and lexicon/
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        data: PathBuf,
        /// Folder with the gazetteer (gazetteer.nkw) used for features
        #[arg(long, default_value = "models", value_hint = clap::ValueHint::DirPath)]
        gazetteer_dir: PathBuf,
        /// Upper bound on epochs (the best on dev is kept)
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        /// Shuffling seed
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Train without the news-like variants (capitals, gazetteer names)
        /// the shipped model adds to UNER-EWT
        #[arg(long)]
        no_augment: bool,
        /// Weight of one training source, NAME=W (repeatable): each of its
        /// sentences is seen W times per epoch on average; 0 leaves it out.
        /// Names: uner-ewt, uner-pud, wikigold, redocred, crossner-politics,
        /// crossner-arts, crossner-science, btc, wnut17, re3d
        #[arg(long = "weight", value_name = "NAME=W", value_parser = parse_weight)]
        weights: Vec<(String, f64)>,
        /// Keep at most this many features, those with the largest weights
        /// (file size and speed; 0 keeps all)
        #[arg(long, default_value_t = 80_000)]
        max_features: usize,
        /// Output file
        #[arg(long, short, default_value = "models/ner.nkw")]
        output: PathBuf,
    },
    /// Lemma tables from the lexicon folder (lemma_*.tsv)
    Lemmas {
        /// The lexicon folder
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        data: PathBuf,
        /// Output file
        #[arg(long, short, default_value = "models/lemmas.nkw")]
        output: PathBuf,
    },
    /// Gazetteer from the PETRARCH dictionaries folder
    Gazetteer {
        /// The folder with the Phoenix.*.txt files
        #[arg(long, value_hint = clap::ValueHint::DirPath)]
        data: PathBuf,
        /// Output file
        #[arg(long, short, default_value = "models/gazetteer.nkw")]
        output: PathBuf,
    },
}

/// Flags shared by the tagger and the parser.
#[derive(Args, Debug)]
struct Treebank {
    /// Folder with *-ud-train.conllu and *-ud-dev.conllu
    #[arg(long, value_hint = clap::ValueHint::DirPath)]
    data: PathBuf,
    /// A further CoNLL-U file for training only (repeatable): other treebanks
    /// the weights may learn from
    #[arg(long = "add-train", value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    add_train: Vec<PathBuf>,
    /// Brown clusters (word TAB bits)
    #[arg(long, value_hint = clap::ValueHint::FilePath)]
    clusters: Option<PathBuf>,
    /// Upper bound on epochs (the best on dev is kept)
    #[arg(long, default_value_t = 15)]
    epochs: usize,
    /// Random seed
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output file
    #[arg(long, short)]
    output: PathBuf,
}

impl Treebank {
    fn options(&self) -> TrainOptions {
        let mut o = TrainOptions::new(&self.data, &self.output);
        o.extra_train.clone_from(&self.add_train);
        o.epochs = self.epochs;
        o.seed = self.seed;
        o.clusters.clone_from(&self.clusters);
        o.command = Some(std::env::args().collect::<Vec<_>>().join(" "));
        o.progress = Some(|line| eprintln!("{line}"));
        o
    }
}

pub fn run(args: TrainArgs, models: &ModelArgs) -> anyhow::Result<ExitCode> {
    let started = std::time::Instant::now();
    let what = match args.model {
        Model::Facts {
            data,
            judgements,
            output,
            candidates,
            documents,
        } => {
            // The analysis models, and an extractor without a classifier:
            // the classifier learns from the rule confidences.
            let analyzer = models.analyzer()?;
            let extractor = Extractor::new(analyzer.gazetteer().clone());
            let mut engine = Engine {
                analyzer,
                extractor,
                limits: newskg::input::Limits::default(),
            };
            let options = FactTrainOptions {
                data,
                judgements,
                output: output.clone(),
                candidates,
                documents,
            };
            let report =
                train_facts(&mut engine, &options).context("training the fact classifier")?;
            eprintln!("{}", serde_json::to_string_pretty(&report)?);
            format!(
                "{} ({} judged facts, {} correct, {} judgements unmatched; L2 {}, cross-validated AUC {:.3})",
                output.display(),
                report.examples,
                report.correct,
                report.unmatched,
                report.l2,
                report.cv_auc
            )
        }
        Model::Tagger(tb) => {
            let report = train::train_tagger(&tb.options()).context("training the tagger")?;
            format!(
                "{} (best epoch {}, dev {:?})",
                tb.output.display(),
                report.best_epoch,
                report.dev
            )
        }
        Model::Parser {
            treebank,
            tagger,
            folds,
            beam,
        } => {
            let mut o = treebank.options();
            o.tagger = tagger;
            o.folds = folds;
            o.beam = beam;
            let report = train::train_parser(&o).context("training the parser")?;
            format!(
                "{} (best epoch {}, dev {:?})",
                treebank.output.display(),
                report.best_epoch,
                report.dev
            )
        }
        Model::Ner {
            data,
            gazetteer_dir,
            epochs,
            seed,
            no_augment,
            weights,
            max_features,
            output,
        } => {
            let gazetteer = Gazetteer::load(&gazetteer_dir)?;
            let mut config = NerTrainConfig::new(&data);
            config.max_epochs = epochs;
            config.seed = seed;
            config.augment = !no_augment;
            config.max_features = max_features;
            for (name, weight) in &weights {
                if !config.set_weight(name, *weight) {
                    let names: Vec<&str> = config.sources.iter().map(|s| s.name.as_str()).collect();
                    anyhow::bail!(
                        "--weight {name}={weight}: no training source {name:?} (sources: {})",
                        names.join(", ")
                    );
                }
            }
            let (recognizer, report) =
                newskg::nlp::train_ner(&config, gazetteer).context("training the recognizer")?;
            recognizer.save(&output)?;
            format!(
                "{} (epochs {}, dev F1 {:.4}; dev F1 per epochs {:?}; sentences per source {:?})",
                output.display(),
                report.epochs,
                report.dev_f1,
                report.epoch_f1,
                report.per_source
            )
        }
        Model::Lemmas { data, output } => {
            Lemmatizer::compile(&data)?.save(&output)?;
            output.display().to_string()
        }
        Model::Gazetteer { data, output } => {
            Gazetteer::compile(&data)?.save(&output)?;
            output.display().to_string()
        }
    };
    eprintln!("wrote {what} in {:.1} s", started.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

/// `NAME=W` of `--weight`.
fn parse_weight(s: &str) -> Result<(String, f64), String> {
    let (name, w) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=WEIGHT, found {s:?}"))?;
    let w: f64 = w
        .parse()
        .map_err(|_| format!("{w:?} is not a number (in {s:?})"))?;
    if !w.is_finite() || w < 0.0 {
        return Err(format!("a weight is a number >= 0, found {w}"));
    }
    Ok((name.to_string(), w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    #[test]
    fn ner_takes_source_weights() {
        let cli = Cli::try_parse_from([
            "newskg", "train", "ner", "--data", "d", "--weight", "btc=0.5", "--weight", "wnut17=0",
        ])
        .unwrap();
        let Command::Train(TrainArgs {
            model: Model::Ner { weights, .. },
        }) = cli.command
        else {
            panic!("not train ner")
        };
        assert_eq!(
            weights,
            [("btc".to_string(), 0.5), ("wnut17".to_string(), 0.0)]
        );
        for bad in ["btc", "btc=x", "btc=-1"] {
            let args = ["newskg", "train", "ner", "--data", "d", "--weight", bad];
            assert!(Cli::try_parse_from(args).is_err(), "{bad}");
        }
    }
}
