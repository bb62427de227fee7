//! `newskg stats`: what the graph holds and who is central.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use newskg::graph::KnowledgeGraph;

use super::{output, StoreArgs};

/// Summarise the store: documents, entities by type, facts by relation and
/// stance, the most central entities (degree and PageRank) and the connected
/// components.
#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = args.store.open_existing()?;
    let graph =
        KnowledgeGraph::from_store(store.oxigraph()).context("reading the graph from the store")?;
    let mut out = output::stdout();
    writeln!(out, "quads: {}", store.len()?)?;
    let version = store.version();
    writeln!(out, "store: {version}")?;
    if let Some(models) = &version.models {
        writeln!(out, "models of the last ingest: {models}")?;
    }
    write!(out, "{}", graph.stats())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
