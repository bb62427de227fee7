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
mod load;
mod output;
mod query;
mod stats;
mod train;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use newskg::pipeline::Engine;
use newskg::Store;

/// newskg: build a grounded knowledge graph from news articles, store it as
/// RDF, query it with SPARQL, and export it for Graphviz, networkx, Gephi,
/// Neo4j and pandas.
#[derive(Parser, Debug)]
#[command(name = "newskg", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    Ingest(ingest::IngestArgs),
    Extract(extract::ExtractArgs),
    Query(query::QueryArgs),
    Export(export::ExportArgs),
    Stats(stats::StatsArgs),
    Entities(entities::EntitiesArgs),
    Load(load::LoadArgs),
    Analyze(analyze::AnalyzeArgs),
    Train(train::TrainArgs),
}

/// Runs the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Ingest(a) => ingest::run(a),
        Command::Extract(a) => extract::run(a),
        Command::Query(a) => query::run(a),
        Command::Export(a) => export::run(a),
        Command::Stats(a) => stats::run(a),
        Command::Entities(a) => entities::run(a),
        Command::Load(a) => load::run(a),
        Command::Analyze(a) => analyze::run(a),
        Command::Train(a) => train::run(a),
    }
}

/// Where the knowledge graph is stored.
#[derive(Args, Debug, Clone)]
pub struct StoreArgs {
    /// Store folder (created when missing), or `:memory:` for a throwaway
    /// in-memory store
    #[arg(long, default_value = "newskg.db", value_hint = clap::ValueHint::DirPath)]
    store: String,
}

impl StoreArgs {
    /// Opens the store the flags name.
    fn open(&self) -> anyhow::Result<Store> {
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
}

/// Which analysis models to use.
#[derive(Args, Debug, Clone)]
pub struct ModelArgs {
    /// Folder with the model files (tagger.nkw, parser.nkw, ner.nkw, …);
    /// defaults to the models shipped with newskg
    #[arg(long, env = "NEWSKG_MODELS", value_hint = clap::ValueHint::DirPath)]
    models: Option<PathBuf>,
}

impl ModelArgs {
    fn dir(&self) -> PathBuf {
        self.models
            .clone()
            .unwrap_or_else(newskg::nlp::Analyzer::default_dir)
    }

    /// Loads the models once for the whole command.
    fn engine(&self) -> anyhow::Result<Engine> {
        let dir = self.dir();
        Engine::load(&dir).with_context(|| format!("loading models from {}", dir.display()))
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
}
