//! `newskg query`: SPARQL over the store.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use newskg::rdf::{self, QueryKind, ResultFormat, RunOptions};

use super::{output, StoreArgs};

/// Run a SPARQL query: a named query from queries/ (`newskg query
/// who-opposes`), a .rq file, `-` for standard input, or the query text.
/// The default graph is the union of all graphs. An ASK query exits 0 when
/// true and 1 when false. Read-only: SPARQL Update runs only with
/// --allow-update; LOAD and SERVICE are always refused.
#[derive(Args, Debug)]
pub struct QueryArgs {
    /// Query name, file, `-`, or SPARQL text
    #[arg(required_unless_present = "list")]
    query: Option<String>,
    /// Bind `?name` to a value: `<iri>` or `id:entity/x` is an IRI, anything
    /// else a plain literal (bound as an RDF term, never pasted into the text)
    #[arg(long = "param", short = 'p', value_name = "NAME=VALUE", value_parser = parse_param)]
    params: Vec<(String, String)>,
    /// table (default on a terminal), csv (default otherwise), tsv, json, xml;
    /// ttl or nt for CONSTRUCT and DESCRIBE
    #[arg(long, short, value_parser = ["table", "csv", "tsv", "json", "xml", "ttl", "nt"])]
    format: Option<String>,
    /// List the named queries with their parameters
    #[arg(long, conflicts_with = "query")]
    list: bool,
    /// Stop the query after this many seconds (decimals allowed) with an
    /// error naming the limit
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_timeout)]
    timeout: Duration,
    /// Let SPARQL Update (INSERT, DELETE, DROP, CLEAR, CREATE, …) change the
    /// store; LOAD and SERVICE stay refused (newskg fetches nothing a query
    /// names)
    #[arg(long)]
    allow_update: bool,
    #[command(flatten)]
    store: StoreArgs,
}

/// A time limit in seconds: positive and finite.
pub(super) fn parse_timeout(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("expected a number of seconds, got {s:?}"))?;
    if !secs.is_finite() || secs <= 0.0 || secs > 1e9 {
        return Err(format!(
            "the time limit must be more than 0 seconds, got {s}"
        ));
    }
    Ok(Duration::from_secs_f64(secs))
}

fn parse_param(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("expected NAME=VALUE, got {s:?}"))?;
    Ok((k.trim_start_matches('?').to_string(), v.to_string()))
}

pub fn run(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::stdout();
    if args.list {
        for q in rdf::named_queries() {
            let params: Vec<String> = q
                .params
                .iter()
                .map(|p| match &p.default {
                    Some(default) => format!("[--param {}={default}]", p.name),
                    None => format!("--param {}=…", p.name),
                })
                .collect();
            writeln!(out, "{:<18} {} {}", q.name, q.description, params.join(" "))?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.query.as_deref().unwrap_or_default();
    let (text, origin) = query_text(query)?;
    let prepared = rdf::prepare_with(&text, &args.params, origin.as_deref())?;
    let options = RunOptions::default()
        .with_timeout(Some(args.timeout))
        .with_updates(args.allow_update);
    // Refused before the store is opened: a refused update must not take
    // the writer's lock from an ingest.
    prepared.check(&options)?;
    let store = if prepared.kind() == QueryKind::Update {
        args.store.open()?
    } else {
        args.store.open_existing()?
    };
    let outcome = match prepared.run_with(&store, &options) {
        Ok(outcome) => outcome,
        Err(err) if store.has_outliving_runs() => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("newskg: running the query: {err}");
            }
            super::exit_leaving_runs(2)
        }
        Err(err) => return Err(err).context("running the query"),
    };
    let format = match args.format.as_deref() {
        Some(name) => ResultFormat::from_name(name).context("unknown --format")?,
        None if output::stdout_is_terminal() => ResultFormat::Table,
        None => ResultFormat::Csv,
    };
    outcome.write(format, &mut out)?;
    out.flush()?;
    Ok(match outcome.boolean() {
        Some(false) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// The SPARQL text `arg` stands for, and the file it came from (for errors).
fn query_text(arg: &str) -> anyhow::Result<(String, Option<String>)> {
    if arg == "-" {
        let mut text = String::new();
        if std::io::stdin().is_terminal() {
            anyhow::bail!(
                "`newskg query -` reads the query from standard input, which is a terminal"
            );
        }
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the query from standard input")?;
        return Ok((text, Some("<stdin>".to_string())));
    }
    if let Some(text) = rdf::named_query(arg) {
        return Ok((
            text.to_string(),
            Some(format!("queries/{}.rq", arg.trim_end_matches(".rq"))),
        ));
    }
    let path = std::path::Path::new(arg);
    let looks_like_file = !arg.contains(char::is_whitespace) && !arg.contains('{');
    if looks_like_file {
        if path.is_file() {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("{arg}: cannot read query file"))?;
            return Ok((text, Some(arg.to_string())));
        }
        anyhow::bail!(
            "{arg:?} is neither a named query (see `newskg query --list`), a file, nor SPARQL text"
        );
    }
    Ok((arg.to_string(), None))
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use clap::Parser;

    #[test]
    fn params_and_formats() {
        assert!(Cli::try_parse_from([
            "newskg",
            "query",
            "x",
            "--param",
            "entity=A B",
            "-f",
            "json"
        ])
        .is_ok());
        assert!(Cli::try_parse_from(["newskg", "query", "x", "--param", "novalue"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "query", "x", "-f", "yaml"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "query", "--list"]).is_ok());
        assert!(Cli::try_parse_from(["newskg", "query"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "query", "x", "--timeout", "0.5"]).is_ok());
        assert!(Cli::try_parse_from(["newskg", "query", "x", "--timeout", "0"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "query", "x", "--timeout", "soon"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "query", "x", "--allow-update"]).is_ok());
    }
}
