//! Standard output for commands: buffered, and told whether a person reads it.

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};

/// Buffered standard output. Remember to `flush` (errors surface there).
pub fn stdout() -> BufWriter<StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, io::stdout().lock())
}

/// Whether standard output is a terminal (tables for people, CSV for pipes).
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether standard error is a terminal (progress bars only then).
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// Opens `-o FILE` or standard output.
pub fn file_or_stdout(path: Option<&std::path::Path>) -> anyhow::Result<Box<dyn Write>> {
    use anyhow::Context;
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        _ => Box::new(stdout()),
    })
}
