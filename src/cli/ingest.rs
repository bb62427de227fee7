//! `newskg ingest`: build or extend the knowledge graph.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;

use newskg::input::Format;
use newskg::nlp::Gazetteer;
use newskg::pipeline::{self, IngestOptions, IngestProgress, IngestReport};
use newskg::rdf::{is_remote, Auth, Endpoints, IngestStore, RemoteOptions, RemoteStore};

use super::limits::{report_warnings, LimitArgs};
use super::{output, report_failures, FactArgs, JobsArg, ModelArgs, SourceArgs, StoreArgs};

/// Read articles and add their entities and facts to the store. New articles
/// are stored in batches (--batch), each article whole or not at all, even
/// if the run is killed; content already stored is skipped, and changed
/// content from the same source replaces the old version.
///
/// With --from-docfacts, the inputs are the lines of `newskg extract --format
/// docfacts` (made with the same newskg and models), in the order of the
/// articles they were made from: no model runs, and the store gets what a
/// direct ingest of those articles gives it. This is the reduce of a
/// distributed run (examples/spark/).
///
/// With --store http(s)://…, the store is a SPARQL 1.1 server: each
/// article's graph goes in by a Graph Store Protocol PUT, entities by SPARQL
/// Update, and what the server holds is read back by SPARQL queries, so the
/// server gets what a store folder would. Credentials come from the
/// environment only: NEWSKG_STORE_TOKEN (bearer), or NEWSKG_STORE_USER and
/// NEWSKG_STORE_PASSWORD (basic).
///
/// On a terminal, progress goes to standard error (articles, tokens and
/// facts per second, and the time left when the number of articles is
/// known); the summary line goes to standard output.
#[derive(Args, Debug)]
pub struct IngestArgs {
    /// Articles: .txt, .html, .jsonl (one article a line), any of them .gz,
    /// directories (read recursively), or `-` for standard input; with
    /// --from-docfacts, docfacts files (gzip or not), folders of them, or `-`
    #[arg(required = true, value_hint = clap::ValueHint::AnyPath)]
    paths: Vec<PathBuf>,
    /// Read PATHS as docfacts lines made by `newskg extract --format
    /// docfacts`, not as articles: resolve and store them without analysis
    #[arg(long, conflicts_with_all = [
        "all", "min_confidence", "source_base", "stdin_name", "max_decompressed_bytes",
        "max_document_bytes", "max_line_bytes", "max_html_depth", "max_sentence_tokens",
        "max_entities",
    ])]
    from_docfacts: bool,
    #[command(flatten)]
    pub(super) store: StoreArgs,
    #[command(flatten)]
    remote: RemoteArgs,
    #[command(flatten)]
    pub(super) source: SourceArgs,
    #[command(flatten)]
    facts: FactArgs,
    #[command(flatten)]
    jobs: JobsArg,
    #[command(flatten)]
    limits: LimitArgs,
    /// New articles stored together in one commit: more is faster; a run
    /// killed mid-way loses the analysis of at most this many articles
    /// (never part of one), which the next run redoes
    #[arg(long, value_name = "N", default_value_t = pipeline::DEFAULT_BATCH_DOCUMENTS, value_parser = at_least_one)]
    batch: usize,
    /// No progress and no summary line: only problems (standard error) and
    /// the exit code
    #[arg(short, long)]
    quiet: bool,
}

/// Where a remote store's endpoints are, and how long to wait for it.
#[derive(Args, Debug)]
struct RemoteArgs {
    /// With a remote --store: its SPARQL query endpoint, a URL or a path
    /// under the store URL (`/PATH` from the server's root) [default: query]
    #[arg(long, value_name = "URL")]
    query_endpoint: Option<String>,
    /// With a remote --store: its SPARQL Update endpoint, as for
    /// --query-endpoint [default: update]
    #[arg(long, value_name = "URL")]
    update_endpoint: Option<String>,
    /// With a remote --store: its Graph Store HTTP Protocol endpoint (a PUT
    /// per article graph), as for --query-endpoint [default: store]
    #[arg(long, value_name = "URL")]
    graph_store_endpoint: Option<String>,
    /// With a remote --store: the longest one request may take, in seconds
    /// [default: 300]
    #[arg(long, value_name = "SECONDS", value_parser = super::query::parse_timeout)]
    store_timeout: Option<Duration>,
}

impl RemoteArgs {
    /// How to reach the remote store at `url`: these flags, and the
    /// credentials of the environment.
    fn options(&self, url: &str) -> anyhow::Result<RemoteOptions> {
        let mut options = RemoteOptions::new(url)?;
        let endpoints = &mut options.endpoints;
        for (given, endpoint) in [
            (&self.query_endpoint, &mut endpoints.query),
            (&self.update_endpoint, &mut endpoints.update),
            (&self.graph_store_endpoint, &mut endpoints.graph_store),
        ] {
            if let Some(given) = given {
                *endpoint = Endpoints::resolve(url, given)?;
            }
        }
        options.auth = Auth::from_env()?;
        if let Some(timeout) = self.store_timeout {
            options.timeout = timeout;
        }
        Ok(options)
    }

    /// The first of these flags given, to refuse it with a store folder.
    fn given(&self) -> Option<&'static str> {
        [
            (self.query_endpoint.is_some(), "--query-endpoint"),
            (self.update_endpoint.is_some(), "--update-endpoint"),
            (
                self.graph_store_endpoint.is_some(),
                "--graph-store-endpoint",
            ),
            (self.store_timeout.is_some(), "--store-timeout"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag))
    }
}

/// Opens the store ingest writes: a folder, `:memory:`, or a SPARQL server.
fn open_store(store: &StoreArgs, remote: &RemoteArgs) -> anyhow::Result<Box<dyn IngestStore>> {
    if !is_remote(&store.store) {
        if let Some(flag) = remote.given() {
            anyhow::bail!(
                "{flag} is for a remote store (--store http(s)://…), and {} is not one",
                store.store
            );
        }
        return Ok(Box::new(store.open()?));
    }
    let options = remote.options(&store.store)?;
    let opened = RemoteStore::open(options)
        .with_context(|| format!("opening remote store {}", store.store))?;
    Ok(Box::new(opened))
}

fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{value:?} is not a whole number of at least 1")),
    }
}

pub fn run(args: IngestArgs, models: &ModelArgs) -> anyhow::Result<ExitCode> {
    args.jobs.apply()?;
    let options = IngestOptions {
        batch_documents: args.batch,
    };
    let visible = !args.quiet && output::stderr_is_terminal();
    let (report, store) = if args.from_docfacts {
        // Lines are not articles: no count of them for the time left.
        let mut progress = Progress::start(visible, None);
        let done = reduce(&args, models, options, |done| progress.update(done));
        progress.finish();
        done?
    } else {
        let mut engine = models.engine()?;
        engine.extractor.set_policy(args.facts.policy());
        let mut load = args.source.load_options();
        load.limits = args.limits.limits();
        engine.limits = load.limits.clone();
        let store = open_store(&args.store, &args.remote)?;
        let run = pipeline::run_info(&engine.analyzer);
        let mut progress = Progress::start(visible, Some(&args.paths));
        let report = pipeline::ingest(
            &engine,
            &args.paths,
            &load,
            &*store,
            &run,
            options,
            |done| progress.update(done),
        )
        .with_context(|| format!("ingesting into {}", args.store.store));
        progress.finish();
        (report?, store)
    };
    if !args.quiet {
        let quads = store.quad_count()?;
        let done = report.new + report.replaced;
        let rate = |n: usize| n as f64 / report.seconds.max(1e-9);
        println!(
            "{} documents: {} new, {} unchanged, {} replaced ({} repeated paragraph{} dropped); {} facts, {} entities ({} linked to known entities); {} quads in {}; {:.2} s ({:.1} documents/s, {:.0} tokens/s, {:.1} facts/s stored)",
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
            report.seconds,
            rate(done),
            rate(report.tokens),
            rate(report.facts),
        );
    }
    report_warnings(&report.warnings);
    Ok(report_failures(&report.failures))
}

/// `ingest --from-docfacts`: the store and what the reduce did.
fn reduce(
    args: &IngestArgs,
    models: &ModelArgs,
    options: IngestOptions,
    progress: impl FnMut(IngestProgress),
) -> anyhow::Result<(IngestReport, Box<dyn IngestStore>)> {
    // Resolution reads the gazetteer alone; the run records the versions of
    // all the models, which every line must have been made with.
    let source = models.source()?;
    let gazetteer = Gazetteer::from_source(&source)
        .with_context(|| format!("loading the gazetteer from {source}"))?;
    let run = pipeline::run_info_for_models(&source.versions());
    let store = open_store(&args.store, &args.remote)?;
    let report = pipeline::ingest_docfacts(
        &Arc::new(gazetteer),
        &args.paths,
        &*store,
        &run,
        options,
        progress,
    )
    .with_context(|| format!("ingesting into {}", args.store.store))?;
    Ok((report, store))
}

/// The progress line on standard error: articles done (of how many, once
/// counted), their rates, and the time left.
struct Progress {
    bar: indicatif::ProgressBar,
    started: Instant,
    /// The number of articles in the input, counted on a thread of its own
    /// so the ingest need not wait (unknown for standard input).
    total: Arc<OnceLock<Option<u64>>>,
    /// Whether the bar knows the total yet.
    sized: bool,
    /// When the rates were last written (they change too fast to redraw on
    /// every article).
    shown: Option<Instant>,
}

impl Progress {
    /// A progress line when `visible`, with the time left once the articles
    /// of `articles` are counted (never without them).
    fn start(visible: bool, articles: Option<&[PathBuf]>) -> Progress {
        let total = Arc::new(OnceLock::new());
        let bar = if visible {
            if let Some(paths) = articles {
                let counted = Arc::clone(&total);
                let paths = paths.to_vec();
                // Detached: the process may end before a huge input is counted.
                std::thread::spawn(move || counted.set(count_articles(&paths)));
            }
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(style(
                "{spinner} {pos} articles | {msg} | {elapsed_precise}",
            ));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        } else {
            indicatif::ProgressBar::hidden()
        };
        Progress {
            bar,
            started: Instant::now(),
            total,
            sized: false,
            shown: None,
        }
    }

    fn update(&mut self, done: IngestProgress) {
        if self.bar.is_hidden() {
            return;
        }
        self.bar.set_position(done.inputs as u64);
        if !self.sized {
            if let Some(Some(total)) = self.total.get() {
                self.bar.set_length((*total).max(done.inputs as u64));
                self.bar.set_style(style(
                    "{pos}/{len} articles {wide_bar} {msg} | {elapsed_precise}, ETA {eta}",
                ));
                self.sized = true;
            }
        }
        if self
            .shown
            .is_none_or(|at| at.elapsed() >= Duration::from_millis(500))
        {
            let seconds = self.started.elapsed().as_secs_f64().max(1e-9);
            self.bar.set_message(format!(
                "{:.1} articles/s, {:.0} tokens/s, {:.1} facts/s",
                done.inputs as f64 / seconds,
                done.tokens as f64 / seconds,
                done.facts as f64 / seconds
            ));
            self.shown = Some(Instant::now());
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn style(template: &str) -> indicatif::ProgressStyle {
    indicatif::ProgressStyle::with_template(template)
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner())
}

/// About how many articles `paths` hold, for the time left: a JSON Lines
/// file's non-blank lines, one per other file, directories walked as ingest
/// walks them (hidden entries and files of unknown type skipped). `None`
/// when standard input is among them or a file cannot be read: no estimate
/// then, never a wrong one from a guess.
fn count_articles(paths: &[PathBuf]) -> Option<u64> {
    let mut n = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        }
        n += count_path(path, true)?;
    }
    Some(n)
}

fn count_path(path: &Path, named: bool) -> Option<u64> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        let mut n = 0;
        for entry in entries {
            n += count_path(&entry, false)?;
        }
        return Some(n);
    }
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let format = name
        .rsplit_once('.')
        .and_then(|(_, ext)| Format::from_extension(ext));
    match format {
        Some(Format::Jsonl) => count_lines(path),
        Some(_) => Some(1),
        // Ingest guesses a named file's format from its content; a folder's
        // files of unknown type it skips.
        None if named => Some(1),
        None => Some(0),
    }
}

/// Non-blank lines of a file, gzip or not.
fn count_lines(path: &Path) -> Option<u64> {
    let mut file = BufReader::new(std::fs::File::open(path).ok()?);
    let gz = file.fill_buf().ok()?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let mut n = 0;
    for line in BufReader::with_capacity(256 * 1024, reader).split(b'\n') {
        if !line.ok()?.iter().all(u8::is_ascii_whitespace) {
            n += 1;
        }
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use super::*;
    use clap::Parser;

    #[test]
    fn needs_a_path() {
        assert!(Cli::try_parse_from(["newskg", "ingest"]).is_err());
        assert!(
            Cli::try_parse_from(["newskg", "ingest", "-", "--store", ":memory:", "-j", "2"])
                .is_ok()
        );
    }

    #[test]
    fn a_batch_holds_one_article_at_least() {
        assert!(Cli::try_parse_from(["newskg", "ingest", "-", "--batch", "0"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "ingest", "-", "--batch", "x"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "ingest", "-", "--batch", "1", "-q"]).is_ok());
    }

    #[test]
    fn remote_endpoints_resolve_under_the_store_url() {
        let url = "http://h:3030/ds";
        let cli = Cli::try_parse_from([
            "newskg",
            "ingest",
            "-",
            "--store",
            url,
            "--graph-store-endpoint",
            "data",
            "--query-endpoint",
            "/sparql",
            "--store-timeout",
            "2.5",
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        let super::super::Command::Ingest(args) = cli.command else {
            panic!("not ingest")
        };
        assert_eq!(args.remote.given(), Some("--query-endpoint"));
        let options = args.remote.options(url).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(options.endpoints.query, "http://h:3030/sparql");
        assert_eq!(options.endpoints.update, "http://h:3030/ds/update");
        assert_eq!(options.endpoints.graph_store, "http://h:3030/ds/data");
        assert_eq!(options.timeout, Duration::from_millis(2500));
        assert!(Cli::try_parse_from(["newskg", "ingest", "-", "--store-timeout", "0"]).is_err());
    }

    #[test]
    fn from_docfacts_takes_no_option_of_the_analysis() {
        let parse = |extra: &[&str]| {
            let args = [
                &["newskg", "ingest", "--from-docfacts", "d.jsonl"][..],
                extra,
            ]
            .concat();
            Cli::try_parse_from(args)
        };
        assert!(parse(&["--store", ":memory:", "--batch", "2", "-j", "1", "-q"]).is_ok());
        for analysis in [
            &["--all"][..],
            &["--min-confidence", "0.5"],
            &["--source-base", "d"],
            &["--stdin-name", "a.jsonl"],
            &["--max-entities", "9"],
            &["--max-line-bytes", "1K"],
        ] {
            assert!(parse(analysis).is_err(), "{analysis:?}");
        }
    }

    #[test]
    fn articles_are_counted_as_ingest_reads_them() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap_or(dir.path()))
                .unwrap_or_else(|e| panic!("{e}"));
            std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
            p
        };
        let jsonl = write("a.jsonl", b"{\"text\":\"One.\"}\n\n{\"text\":\"Two.\"}\n");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n{}\n")
            .unwrap_or_else(|e| panic!("{e}"));
        write(
            "d/b.jsonl.gz",
            &gz.finish().unwrap_or_else(|e| panic!("{e}")),
        );
        write("d/c.txt", b"Three.");
        write("d/notes.pdf", b"skipped in a folder");
        write("d/.hidden.txt", b"skipped");
        let named = write("e.dat", b"read when named");
        assert_eq!(count_articles(std::slice::from_ref(&jsonl)), Some(2));
        assert_eq!(count_articles(&[dir.path().join("d")]), Some(4));
        assert_eq!(count_articles(&[jsonl.clone(), named]), Some(3));
        assert_eq!(count_articles(&[jsonl, PathBuf::from("-")]), None);
        assert_eq!(count_articles(&[dir.path().join("missing.jsonl")]), None);
    }
}
