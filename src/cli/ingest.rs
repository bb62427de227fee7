//! `newskg ingest`: build or extend the knowledge graph.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use newskg::pipeline;

use super::limits::{report_warnings, LimitArgs};
use super::{output, report_failures, FactArgs, JobsArg, ModelArgs, SourceArgs, StoreArgs};

/// Read articles and add their entities and facts to the store. Each article
/// is committed on its own; content already stored is skipped, and changed
/// content from the same source replaces the old version.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Articles: .txt, .html, .jsonl (one article a line), any of them .gz,
    /// directories (read recursively), or `-` for standard input
    #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) store: StoreArgs,
    #[command(flatten)]
    pub(super) source: SourceArgs,
    #[command(flatten)]
    facts: FactArgs,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    limits: LimitArgs,
}

pub fn run(args: IngestArgs, models: &ModelArgs) -> anyhow::Result<ExitCode> {
    args.jobs.apply()?;
    let mut engine = models.engine()?;
    engine.extractor.set_policy(args.facts.policy());
    let mut load = args.source.load_options();
    load.limits = args.limits.limits();
    engine.limits = load.limits.clone();
    let store = args.store.open()?;
    let run = pipeline::run_info(&engine.analyzer);
    let bar = progress_bar();
    let report = pipeline::ingest(&engine, &args.paths, &load, &store, &run, |done| {
        bar.set_position(done as u64)
    })
    .with_context(|| format!("ingesting into {}", args.store.store))?;
    bar.finish_and_clear();
    let quads = store.len()?;
    println!(
        "{} documents: {} new, {} unchanged, {} replaced ({} repeated paragraph{} dropped); {} facts, {} entities ({} linked to known entities); {} quads in {}; {:.2} s",
        report.new + report.unchanged + report.replaced,
        report.new,
        report.unchanged,
        report.replaced,
        report.dropped_repeats,
        if report.dropped_repeats == 1 { "" } else { "s" },
        report.facts,
        report.entities,
        report.merges,
        quads,
        args.store.store,
        report.seconds
    );
    report_warnings(&report.warnings);
    Ok(report_failures(&report.failures))
}

fn progress_bar() -> indicatif::ProgressBar {
    if !output::stderr_is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} documents {per_sec} {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    bar
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use clap::Parser;

    #[test]
    fn needs_a_path() {
        assert!(Cli::try_parse_from(["newskg", "ingest"]).is_err());
        assert!(
            Cli::try_parse_from(["newskg", "ingest", "-", "--store", ":memory:", "-j", "2"])
                .is_ok()
        );
    }
}
