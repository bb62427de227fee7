#![allow(clippy::print_stdout)]
//! # Build a knowledge graph from the example articles and ask it a question
//!
//! Run with `cargo run --release --example build_graph`. Uses only newskg's
//! public API: the same calls the `newskg` command line makes.

use std::error::Error;
use std::path::PathBuf;

use newskg::nlp::ModelSearch;
use newskg::pipeline::{self, Engine};
use newskg::rdf::{self, ResultFormat, Store};

fn main() -> Result<(), Box<dyn Error>> {
    // # Load the models once
    //
    // The analyser (tokenizer, tagger, parser, recognizer) and the extractor
    // are found as the `newskg` command finds them: `$NEWSKG_MODELS`,
    // `models/` beside the executable, `../share/newskg/models`, then the
    // models built into the program (cargo feature `bundled-models`, on by
    // default). Share `&engine` between threads.
    let models = ModelSearch::with_explicit(None).find()?;
    let engine = Engine::from_source(&models)?;

    // # Ingest the articles
    //
    // Each document is analysed, its entities resolved against those already
    // in the store, and its facts written in batches of new documents, each
    // document whole or absent whatever happens. An in-memory
    // store keeps this example from touching the disk; `Store::open(dir)`
    // gives the persistent one.
    let store = Store::in_memory()?;
    let articles = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles"));
    let run = pipeline::run_info(&engine.analyzer);
    let report = pipeline::ingest(
        &engine,
        &[articles],
        &Default::default(),
        &store,
        &run,
        Default::default(),
        |_| {},
    )?;
    println!(
        "{} documents, {} facts, {} entities",
        report.new, report.facts, report.entities
    );

    // # Ask who opposes what
    //
    // Named queries live in `queries/`; parameters are bound as RDF terms.
    let sparql = rdf::named_query("who-opposes").ok_or("no such query")?;
    let outcome = rdf::prepare(sparql, &[])?.run(&store)?;
    outcome.write(ResultFormat::Table, &mut std::io::stdout())?;
    Ok(())
}
