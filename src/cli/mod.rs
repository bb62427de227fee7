//! The commands. One file per command, each with its `…Args` (whose doc
//! comments are the `--help` text) and a `run` that converts the arguments,
//! calls the library once or twice, and prints. Flags shared by several
//! commands are the flattened groups below.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod analyze;
mod entities;
mod export;
mod extract;
mod ingest;
mod limits;
mod load;
mod output;
mod query;
mod serve;
mod stats;
mod train;
mod upgrade;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use newskg::input::{LoadOptions, SourcePaths};
use newskg::nlp::{Analyzer, ModelSearch, ModelSource};
use newskg::pipeline::Engine;
use newskg::Store;

/// newskg: build a grounded knowledge graph from news articles, store it as
/// RDF, query it with SPARQL, and export it for Graphviz, networkx, Gephi,
/// Neo4j and pandas.
#[derive(Parser, Debug)]
#[command(name = "newskg", version, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    models: ModelArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Ingest(ingest::IngestArgs),
    Extract(extract::ExtractArgs),
    Query(query::QueryArgs),
    Serve(serve::ServeArgs),
    Export(export::ExportArgs),
    Stats(stats::StatsArgs),
    Entities(entities::EntitiesArgs),
    Load(load::LoadArgs),
    Upgrade(upgrade::UpgradeArgs),
    Analyze(analyze::AnalyzeArgs),
    Train(train::TrainArgs),
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(a) => ingest::run(a, &cli.models),
        Command::Extract(a) => extract::run(a, &cli.models),
        Command::Query(a) => query::run(a),
        Command::Serve(a) => serve::run(a),
        Command::Export(a) => export::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Entities(a) => entities::run(a),
        Command::Load(a) => load::run(a),
        Command::Upgrade(a) => upgrade::run(a),
        Command::Analyze(a) => analyze::run(a, &cli.models),
        Command::Train(a) => train::run(a, &cli.models),
    }
}

/// Where the knowledge graph is stored.
#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// Store folder (created when missing), or `:memory:` for a throwaway
    /// in-memory store; for `ingest`, also the URL of a SPARQL 1.1 server,
    /// http(s)://HOST[:PORT][/PATH] (README, "Remote stores")
    #[arg(long, default_value = "newskg.db", value_hint = clap::ValueHint::DirPath)]
    store: String,
}

impl StoreArgs {
    /// The store as the flag gives it (a folder, `:memory:` or a URL).
    fn path(&self) -> &str {
        &self.store
    }

    /// Opens the store the flags name.
    fn open(&self) -> anyhow::Result<Store> {
        self.refuse_remote()?;
        if self.store == ":memory:" {
            return Store::in_memory().context("creating the in-memory store");
        }
        // The store's error names the folder already.
        Ok(Store::open(std::path::Path::new(&self.store))?)
    }

    /// Opens the store to read only, so that any number of readers can run
    /// at once; a store folder that does not exist is an error here (reading
    /// must not create an empty store by accident).
    fn open_existing(&self) -> anyhow::Result<Store> {
        self.refuse_remote()?;
        if self.store == ":memory:" {
            return self.open();
        }
        if !std::path::Path::new(&self.store).exists() {
            anyhow::bail!(
                "no store at {}: build one with `newskg ingest PATH…` or name it with --store DIR",
                self.store
            );
        }
        // The store's error names the folder already.
        Ok(Store::open_read_only(std::path::Path::new(&self.store))?)
    }

    /// A URL where a store folder is wanted: only ingest writes to remote
    /// stores (a folder named `http:` would be made otherwise).
    fn refuse_remote(&self) -> anyhow::Result<()> {
        if newskg::rdf::is_remote(&self.store) {
            anyhow::bail!(
                "--store {}: only `newskg ingest` writes to a remote store; query it at its own SPARQL endpoint, or give a store folder",
                self.store
            );
        }
        Ok(())
    }
}

/// Which analysis models to use (a global flag: ingest, extract and analyze
/// read it).
#[derive(Args, Debug, Clone, Default)]
pub struct ModelArgs {
    /// Folder with the model files (tagger.nkw, parser.nkw, ner.nkw,
    /// lemmas.nkw, gazetteer.nkw). Without it: $NEWSKG_MODELS, then models/
    /// beside the newskg executable, then ../share/newskg/models from the
    /// executable's folder, then the models built into newskg
    #[arg(long, global = true, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    models: Option<PathBuf>,
}

impl ModelArgs {
    /// Finds the models: the flag, the environment, the executable's
    /// folders, the built-in models (see `newskg::nlp::ModelSearch`).
    fn source(&self) -> anyhow::Result<ModelSource> {
        let search = ModelSearch::with_explicit(self.models.clone());
        let named = search.explicit.is_some() || search.env.is_some();
        search.find().with_context(|| {
            if named {
                "finding the models"
            } else {
                "finding the models (name a folder with --models DIR or NEWSKG_MODELS=DIR)"
            }
        })
    }

    /// Loads the analysis models once for the whole command.
    fn analyzer(&self) -> anyhow::Result<Analyzer> {
        let source = self.source()?;
        Analyzer::from_source(&source).with_context(|| format!("loading models from {source}"))
    }

    /// Loads the analysis and extraction models once for the whole command.
    fn engine(&self) -> anyhow::Result<Engine> {
        let source = self.source()?;
        Engine::from_source(&source).with_context(|| format!("loading models from {source}"))
    }
}

/// How input files are named in the output.
#[derive(Args, Debug, Clone, Default)]
pub struct SourceArgs {
    /// Record each file's path relative to DIR (the `source` of JSON Lines,
    /// `nkg:source` in RDF); a file not under DIR is reported as a failed
    /// input, never recorded whole. Without it: relative to the working
    /// folder when the file is under it, as given otherwise
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    source_base: Option<PathBuf>,
    /// Record standard input (`-`) as NAME, as if it were read from a file
    /// of that name (a JSON Lines record as NAME#id): for a job that pipes
    /// the parts of a file through newskg (examples/spark/). Without it:
    /// `-`
    #[arg(long, value_name = "NAME")]
    stdin_name: Option<String>,
}

impl SourceArgs {
    /// How inputs are read for a command that builds a graph: long repeated
    /// paragraphs dropped, paths recorded as the flags say.
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            source_paths: match &self.source_base {
                Some(dir) => SourcePaths::RelativeTo(dir.clone()),
                None => SourcePaths::RelativeToCwd,
            },
            stdin_name: self.stdin_name.clone(),
            ..LoadOptions::default()
        }
    }
}

/// Which extracted facts are kept.
#[derive(Args, Debug, Clone)]
pub struct FactArgs {
    /// Keep every reading the extractor finds (open information extraction):
    /// facts whose subject is not an entity, clause objects, bare dates and
    /// numbers, and facts of any confidence unless --min-confidence is given
    #[arg(long)]
    all: bool,
    /// Keep facts whose confidence (the fact classifier's calibrated
    /// probability, 0 to 1) is at least C; by default none is cut on it
    /// (README, "Fact precision", shows what each threshold keeps)
    #[arg(long, value_name = "C", value_parser = confidence)]
    min_confidence: Option<f32>,
}

impl FactArgs {
    /// The policy these flags ask for.
    fn policy(&self) -> newskg::extract::FactPolicy {
        use newskg::extract::FactPolicy;
        let mut policy = if self.all {
            FactPolicy::open()
        } else {
            FactPolicy::default()
        };
        if let Some(c) = self.min_confidence {
            policy.min_confidence = c;
        }
        policy
    }
}

fn confidence(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(c) if (0.0..=1.0).contains(&c) => Ok(c),
        _ => Err(format!("{s:?} is not a confidence between 0 and 1")),
    }
}

/// How many threads analyse documents.
#[derive(Args, Debug, Clone)]
pub struct JobsArg {
    /// Worker threads (default: one per core)
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
}

impl JobsArg {
    /// Sizes the global thread pool; call once, before any parallel work.
    fn apply(&self) -> anyhow::Result<()> {
        if let Some(n) = self.jobs {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build_global()
                .context("setting up worker threads")?;
        }
        Ok(())
    }
}

/// Prints one line per failed input and returns the exit code for a batch.
fn report_failures(failures: &[impl std::error::Error]) -> ExitCode {
    for f in failures {
        eprintln!("newskg: {}", error_chain(f));
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "newskg: {} input{} failed; the others were processed",
            failures.len(),
            if failures.len() == 1 { "" } else { "s" }
        );
        ExitCode::from(2)
    }
}

/// Ends the process at once with `code`, store lock and all, for when a
/// query run abandoned at its time limit still reads the store on its own
/// thread: a normal exit would tear RocksDB down under it (an abort,
/// "pthread lock: Invalid argument", instead of the message). The operating
/// system releases the lock; a reader has nothing to flush, and an update
/// that did not commit leaves the store as it was. Standard error is
/// unbuffered; standard output must be flushed before.
fn exit_leaving_runs(code: i32) -> ! {
    #[cfg(feature = "rocksdb")]
    {
        // SAFETY: `_exit` only ends the process, skipping the C++ static
        // destructors that the running thread still needs.
        unsafe { libc::_exit(code) }
    }
    // Without RocksDB the store has no teardown to race.
    #[cfg(not(feature = "rocksdb"))]
    #[allow(clippy::exit)]
    std::process::exit(code)
}

/// An error and its causes on one line: `a: b: c`.
fn error_chain(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn store_defaults_to_newskg_db() {
        let cli = Cli::try_parse_from(["newskg", "ingest", "a.txt"]).unwrap();
        let Command::Ingest(a) = cli.command else {
            panic!("not ingest")
        };
        assert_eq!(a.store.store, "newskg.db");
    }

    #[test]
    fn models_is_a_global_flag() {
        for args in [
            &["newskg", "--models", "m", "extract", "a.txt"][..],
            &["newskg", "extract", "a.txt", "--models", "m"][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert_eq!(cli.models.models, Some(PathBuf::from("m")), "{args:?}");
        }
        let cli = Cli::try_parse_from(["newskg", "extract", "a.txt"]).unwrap();
        assert_eq!(cli.models.models, None);
    }

    #[test]
    fn source_base_sets_how_paths_are_recorded() {
        let cli =
            Cli::try_parse_from(["newskg", "extract", "a.txt", "--source-base", "d"]).unwrap();
        let Command::Extract(a) = cli.command else {
            panic!("not extract")
        };
        let options = a.source.load_options();
        assert_eq!(options.source_paths, SourcePaths::RelativeTo("d".into()));
        assert!(options.repeat_min_words.is_some());
        let cli = Cli::try_parse_from(["newskg", "ingest", "a.txt"]).unwrap();
        let Command::Ingest(a) = cli.command else {
            panic!("not ingest")
        };
        assert_eq!(
            a.source.load_options().source_paths,
            SourcePaths::RelativeToCwd
        );
        assert_eq!(a.source.load_options().stdin_name, None);
    }

    #[test]
    fn stdin_name_names_standard_input() {
        let cli = Cli::try_parse_from(["newskg", "extract", "-", "--stdin-name", "news/a.jsonl"])
            .unwrap();
        let Command::Extract(a) = cli.command else {
            panic!("not extract")
        };
        let options = a.source.load_options();
        assert_eq!(options.stdin_name.as_deref(), Some("news/a.jsonl"));
        assert!(Cli::try_parse_from(["newskg", "ingest", "-", "--stdin-name", "a"]).is_ok());
    }
}
