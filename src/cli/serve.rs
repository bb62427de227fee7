//! `newskg serve`: the store as a SPARQL endpoint and a web explorer.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use newskg::serve::{App, Listener, ServeOptions};

use super::StoreArgs;

/// Serve the store over HTTP: the SPARQL 1.1 Protocol at /sparql (any
/// SPARQL client: SPARQLWrapper, rdflib, YASGUI; also as /query and
/// /update), the Graph Store Protocol at /store?graph=IRI, the named queries
/// at /query/NAME?param=…, and a web explorer at /. Read-only unless
/// --allow-update (then `newskg ingest --store http://ADDRESS` can write to
/// it); the store is held for reading while serving, so `newskg ingest`
/// into its folder waits until the server stops (Ctrl-C).
#[derive(Args, Debug)]
pub struct ServeArgs {
    /// Address to listen on; the default is reachable from this machine only
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: String,
    /// Stop each query after this many seconds (decimals allowed)
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = super::query::parse_timeout)]
    timeout: Duration,
    /// Let SPARQL Update change the store (opens it to write, so no other
    /// process may use it meanwhile); LOAD and SERVICE stay refused
    #[arg(long)]
    allow_update: bool,
    /// Largest request body accepted, in bytes
    #[arg(long, value_name = "BYTES", default_value_t = 1 << 20)]
    max_body: usize,
    /// Queries answered at once (worker threads); default twice the cores, at least 4
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
    /// Stop a query whose process holds more than this much memory, in MB
    /// (each query runs in a process of its own unless --allow-update)
    #[arg(long, value_name = "MB", default_value_t = newskg::serve::DEFAULT_QUERY_MEMORY >> 20,
          value_parser = clap::value_parser!(u64).range(16..))]
    query_memory: u64,
    /// Be one of the server's query processes: answer the queries it sends
    /// on standard input (started by the server itself)
    #[arg(long = "query-process", hide = true)]
    query_process: bool,
    #[command(flatten)]
    store: StoreArgs,
}

impl ServeArgs {
    fn options(&self) -> ServeOptions {
        let defaults = ServeOptions::default();
        ServeOptions {
            timeout: self.timeout,
            allow_update: self.allow_update,
            max_body: self.max_body,
            threads: self.threads.unwrap_or(defaults.threads).max(1),
            // Without the program's path, queries run on threads here.
            query_program: std::env::current_exe().ok(),
            query_memory: self.query_memory << 20,
            ..defaults
        }
    }
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    if args.query_process {
        newskg::serve::serve_queries(std::path::Path::new(args.store.path()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let options = args.options();
    let store = if args.allow_update {
        args.store.open()?
    } else {
        args.store.open_existing()?
    };
    let listener = Listener::bind(&args.bind)?;
    let app = Arc::new(App::new(store, options.clone()).context("reading the graph to serve")?);
    let shutdown = listener.shutdown_handle(options.threads);
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
    ])
    .context("installing the SIGINT/SIGTERM handlers")?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            // Stop first, then tell: `eprintln!` panics when stderr is gone
            // (a closed pipe), which must not keep the server running.
            shutdown.shutdown();
            let _ = writeln!(
                std::io::stderr(),
                "newskg serve: stopping (requests under way finish first)"
            );
        }
    });
    eprintln!(
        "newskg serve: http://{}/ (SPARQL endpoint http://{}/sparql; {}, query time limit {} s); Ctrl-C stops",
        listener.local_addr(),
        listener.local_addr(),
        if options.allow_update { "updates allowed" } else { "read-only" },
        options.timeout.as_secs_f64()
    );
    listener.serve(Arc::clone(&app))?;
    let _ = writeln!(std::io::stderr(), "newskg serve: stopped");
    if app.has_outliving_runs() {
        super::exit_leaving_runs(0)
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use clap::Parser;

    #[test]
    fn flags() {
        assert!(Cli::try_parse_from(["newskg", "serve"]).is_ok());
        assert!(Cli::try_parse_from([
            "newskg",
            "serve",
            "--bind",
            "127.0.0.1:0",
            "--timeout",
            "2.5",
            "--allow-update",
            "--store",
            "kg.db"
        ])
        .is_ok());
        assert!(Cli::try_parse_from(["newskg", "serve", "--timeout", "-1"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "serve", "--threads", "x"]).is_err());
        assert!(Cli::try_parse_from(["newskg", "serve", "--query-memory", "8"]).is_err());
        // The flag the server starts its query processes with.
        assert!(Cli::try_parse_from([
            "newskg",
            "serve",
            "--store",
            "kg.db",
            newskg::serve::QUERY_PROCESS_FLAG
        ])
        .is_ok());
    }
}
