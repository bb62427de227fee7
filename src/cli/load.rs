//! `newskg load`: RDF files into the store (for example an earlier export).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use newskg::rdf;

use super::StoreArgs;

/// Load RDF files (Turtle, TriG, N-Triples, N-Quads, RDF/XML, JSON-LD; the
/// format is taken from the extension) into the store, one transaction each.
#[derive(Args, Debug)]
pub struct LoadArgs {
    /// RDF files
    #[arg(required = true, value_hint = clap::ValueHint::FilePath)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: LoadArgs) -> anyhow::Result<ExitCode> {
    let store = args.store.open()?;
    for file in &args.files {
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        let format = rdf::rdf_format(ext).with_context(|| {
            format!("{}: unknown RDF format (extension {ext:?})", file.display())
        })?;
        let reader = std::io::BufReader::new(
            std::fs::File::open(file)
                .with_context(|| format!("{}: cannot open", file.display()))?,
        );
        store
            .import(format, reader)
            .with_context(|| format!("loading {}", file.display()))?;
    }
    // A dump may come from a store of an older format, without the
    // precomputed counts, or from several stores: they are counted again.
    store
        .recount()
        .context("counting the loaded documents' mentions and facts")?;
    Ok(ExitCode::SUCCESS)
}
