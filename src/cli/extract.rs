//! `newskg extract`: facts to standard output, no store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use newskg::kg::Resolver;
use newskg::pipeline::{self, RecordWriter};

use super::limits::{report_warnings, LimitArgs};
use super::{output, report_failures, FactArgs, JobsArg, ModelArgs, SourceArgs};

/// Print the entities and facts of articles without touching any store.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    /// Articles: files, directories, or `-` for standard input (with
    /// `--format carb`: one sentence per line)
    #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
    paths: Vec<PathBuf>,
    /// Output: JSON Lines (entities, then facts; the contract of DESIGN.md),
    /// TSV (one fact a line), CaRB open-IE tuples, Turtle, N-Quads, or
    /// docfacts: one JSON line per article with its analysis, mentions,
    /// entities and facts, unresolved across articles, for `newskg ingest
    /// --from-docfacts` (the map and the reduce of a distributed run)
    #[arg(long, short, value_enum, default_value_t = FactFormat::Jsonl)]
    format: FactFormat,
    /// With --format carb: leave out the verbless tuples (genitives, named
    /// appositives, located nouns) written only because CaRB annotates them
    #[arg(long)]
    carb_no_verbless: bool,
    #[command(flatten)]
    pub(super) source: SourceArgs,
    #[command(flatten)]
    facts: FactArgs,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    limits: LimitArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum FactFormat {
    Jsonl,
    Tsv,
    Carb,
    Ttl,
    Nq,
    Docfacts,
}

pub fn run(args: ExtractArgs, models: &ModelArgs) -> anyhow::Result<ExitCode> {
    args.jobs.apply()?;
    let mut engine = models.engine()?;
    engine.extractor.set_policy(args.facts.policy());
    let mut out = output::stdout();
    let mut resolver = Resolver::with_gazetteer(engine.gazetteer().clone());
    let mut records = RecordWriter::default();
    let mut first = true;
    let mut load = args.source.load_options();
    load.limits = args.limits.limits();
    engine.limits = load.limits.clone();
    let report = match args.format {
        FactFormat::Jsonl => {
            pipeline::extract(&engine, &args.paths, &load, &mut resolver, |doc, ids, r| {
                records.add(doc, ids, r);
                Ok(())
            })?
        }
        FactFormat::Tsv => {
            pipeline::extract(&engine, &args.paths, &load, &mut resolver, |doc, ids, r| {
                let header = std::mem::replace(&mut first, false);
                pipeline::write_tsv(&pipeline::fact_records(doc, ids, r), header, &mut out)
            })?
        }
        FactFormat::Carb => pipeline::carb(&engine, &args.paths, !args.carb_no_verbless, &mut out)?,
        FactFormat::Docfacts => {
            let run = pipeline::run_info(&engine.analyzer);
            pipeline::extract_documents(&engine, &args.paths, &load, |doc| {
                pipeline::write_docfacts(&mut out, doc, &run)
            })?
        }
        FactFormat::Ttl | FactFormat::Nq => {
            let format = if args.format == FactFormat::Ttl {
                newskg::rdf::RdfFormat::Turtle
            } else {
                newskg::rdf::RdfFormat::NQuads
            };
            let mut quads = Vec::new();
            let run = pipeline::run_info(&engine.analyzer);
            let report =
                pipeline::extract(&engine, &args.paths, &load, &mut resolver, |doc, ids, r| {
                    let entities: Vec<_> = ids.iter().filter_map(|id| r.get(id)).collect();
                    quads.extend(newskg::rdf::doc_quads(doc, ids, &entities, &run));
                    Ok(())
                })?;
            newskg::rdf::write_quads(&quads, format, &mut out)?;
            report
        }
    };
    if args.format == FactFormat::Jsonl {
        records.write_jsonl(&resolver, &mut out)?;
    }
    out.flush()?;
    report_warnings(&report.warnings);
    Ok(report_failures(&report.failures))
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use clap::Parser;

    #[test]
    fn docfacts_is_a_format() {
        for format in ["jsonl", "tsv", "carb", "ttl", "nq", "docfacts"] {
            let args = ["newskg", "extract", "-", "--format", format];
            assert!(Cli::try_parse_from(args).is_ok(), "{format}");
        }
        assert!(Cli::try_parse_from(["newskg", "extract", "-", "--format", "docfact"]).is_err());
    }
}
