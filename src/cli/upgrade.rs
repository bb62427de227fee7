//! `newskg upgrade`: brings a store of an older store format to this one.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;

use newskg::rdf::STORE_FORMAT;

use super::{output, StoreArgs};

/// Bring a store written by an older newskg to this newskg's store format,
/// in place (format 2 adds the counts the most-mentioned,
/// article-summary and co-mentioned queries read, format 3 the stance links
/// of stance-network). Readers (query, export, stats, entities,
/// serve) never change a store: on an older one they work, except for the
/// queries that need the counts, which say to run this. Any ingest or load
/// into the store upgrades it too.
#[derive(Args, Debug)]
pub struct UpgradeArgs {
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: UpgradeArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    // Not a new store by accident: the folder must exist.
    if args.store.store != ":memory:" && !std::path::Path::new(&args.store.store).exists() {
        anyhow::bail!(
            "no store at {}: name a store folder with --store DIR",
            args.store.store
        );
    }
    // The open to write upgrades.
    let store = args.store.open()?;
    let mut out = output::stdout();
    match store.upgraded_from() {
        Some(from) => writeln!(
            out,
            "store {}: upgraded from format {from} to format {STORE_FORMAT} in {:.1} s",
            args.store.store,
            started.elapsed().as_secs_f64()
        )?,
        None => writeln!(
            out,
            "store {}: format {STORE_FORMAT} already; nothing to do",
            args.store.store
        )?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
