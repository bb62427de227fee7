//! The `newskg` command line: parse the arguments, run one command, turn the
//! outcome into an exit code. Everything else lives in `cli/` and the library.
//!
//! Exit codes (ripgrep's convention): 0 success (or an ASK query that is
//! true), 1 an ASK query that is false, 2 an error: bad usage, bad input, or
//! one failed file among good ones.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // A closed pipe (`newskg query … | head`) is the reader's choice, not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("newskg: {err:#}");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
