//! `newskg export`: the graph as RDF, Graphviz, GraphML, CSV or JSON.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};

use newskg::graph::{KnowledgeGraph, RenderFormat};
use newskg::rdf;

use super::{output, StoreArgs};

/// Write the whole graph (or one entity's neighbourhood) in an RDF
/// serialisation, as a Graphviz drawing, or for networkx, Gephi, Neo4j and
/// pandas.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Output format. RDF: ttl, trig, nt, nq, rdfxml, jsonld (the triple
    /// formats hold the union of all graphs). Drawings: dot, svg, png (png
    /// needs Graphviz; svg uses it when installed, else a built-in layout). Analysis: graphml (networkx, Gephi), csv
    /// (nodes.csv + edges.csv in the -o folder; Neo4j import, pandas), json
    /// (networkx node-link)
    #[arg(long, short, value_enum)]
    format: ExportFormat,
    /// Output file (a folder for csv); standard output when absent
    #[arg(long, short, value_hint = clap::ValueHint::AnyPath)]
    output: Option<PathBuf>,
    /// Only this entity's neighbourhood (id, name or alias; graph formats only)
    #[arg(long)]
    entity: Option<String>,
    /// How many hops around --entity
    #[arg(long, default_value_t = 1, requires = "entity")]
    depth: usize,
    #[command(flatten)]
    store: StoreArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormat {
    Ttl,
    Trig,
    Nt,
    Nq,
    Rdfxml,
    Jsonld,
    Dot,
    Svg,
    Png,
    Graphml,
    Csv,
    Json,
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = args.store.open_existing()?;
    let format = args.format;
    if let Some(rdf_format) = rdf_format(format) {
        if args.entity.is_some() {
            anyhow::bail!("--entity works with the graph formats (dot, svg, png, graphml, csv, json), not RDF");
        }
        let mut out = output::file_or_stdout(args.output.as_deref())?;
        store.export(rdf_format, &mut out)?;
        out.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut graph =
        KnowledgeGraph::from_store(store.oxigraph()).context("reading the graph from the store")?;
    if let Some(entity) = &args.entity {
        graph = graph.ego(entity, args.depth)?;
    }
    if format == ExportFormat::Csv {
        let dir = args.output.context(
            "--format csv writes nodes.csv and edges.csv: name their folder with -o DIR",
        )?;
        graph
            .write_csv_dir(&dir)
            .with_context(|| format!("writing {}", dir.display()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = output::file_or_stdout(args.output.as_deref())?;
    match format {
        ExportFormat::Dot => graph.write_dot(&mut out)?,
        // Graphviz when installed, else the built-in radial layout.
        ExportFormat::Svg => graph.render_svg(None, &mut out)?,
        ExportFormat::Png => graph.render(RenderFormat::Png, &mut out)?,
        ExportFormat::Graphml => graph.write_graphml(&mut out)?,
        ExportFormat::Json => graph.write_json(&mut out)?,
        _ => unreachable!("RDF and CSV formats are handled above"),
    }
    out.finish()?;
    Ok(ExitCode::SUCCESS)
}

fn rdf_format(format: ExportFormat) -> Option<rdf::RdfFormat> {
    let name = match format {
        ExportFormat::Ttl => "ttl",
        ExportFormat::Trig => "trig",
        ExportFormat::Nt => "nt",
        ExportFormat::Nq => "nq",
        ExportFormat::Rdfxml => "rdfxml",
        ExportFormat::Jsonld => "jsonld",
        _ => return None,
    };
    rdf::rdf_format(name)
}
