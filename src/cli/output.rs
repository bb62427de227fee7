//! Standard output for commands: buffered, and told whether a person reads it.

use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

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

/// Where `-o FILE` (or standard output) output goes. A file is written under
/// a temporary name beside it and renamed into place by [`Output::finish`],
/// so an export that fails (no Graphviz, a full disk) leaves no file behind
/// and an older file untouched (issue 9, item 9).
pub struct Output {
    sink: Sink,
}

enum Sink {
    Stdout(BufWriter<StdoutLock<'static>>),
    File(PendingFile),
}

/// A file being written; removed on drop unless finished.
struct PendingFile {
    file: Option<BufWriter<std::fs::File>>,
    tmp: PathBuf,
    path: PathBuf,
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Opens `-o FILE` (`-` or none: standard output).
pub fn file_or_stdout(path: Option<&Path>) -> anyhow::Result<Output> {
    let sink = match path {
        Some(p) if p.as_os_str() != "-" => {
            let name = p
                .file_name()
                .map_or_else(|| std::ffi::OsString::from("output"), |n| n.to_os_string());
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(".newskg-{}.tmp", std::process::id()));
            let tmp = p.with_file_name(tmp_name);
            let file =
                std::fs::File::create(&tmp).with_context(|| format!("creating {}", p.display()))?;
            Sink::File(PendingFile {
                file: Some(BufWriter::new(file)),
                tmp,
                path: p.to_owned(),
            })
        }
        _ => Sink::Stdout(stdout()),
    };
    Ok(Output { sink })
}

impl Output {
    /// Flushes, and puts a file in place under its name.
    pub fn finish(mut self) -> anyhow::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.flush()?,
            Sink::File(pending) => {
                if let Some(file) = pending.file.take() {
                    let written = file
                        .into_inner()
                        .map_err(|e| e.into_error())
                        .and_then(|f| f.sync_all())
                        .and_then(|()| std::fs::rename(&pending.tmp, &pending.path));
                    if let Err(e) = written {
                        let _ = std::fs::remove_file(&pending.tmp);
                        return Err(e)
                            .with_context(|| format!("writing {}", pending.path.display()));
                    }
                }
            }
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(PendingFile { file: Some(f), .. }) => f.write(buf),
            Sink::File(_) => Err(io::Error::other("output already finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(out) => out.flush(),
            Sink::File(PendingFile { file: Some(f), .. }) => f.flush(),
            Sink::File(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_appears_only_when_finished() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.svg");
        let mut out = file_or_stdout(Some(&path)).unwrap();
        out.write_all(b"<svg/>").unwrap();
        drop(out); // as when an export fails half way
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        std::fs::write(&path, "old").unwrap();
        let out = file_or_stdout(Some(&path)).unwrap();
        drop(out);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        let mut out = file_or_stdout(Some(&path)).unwrap();
        out.write_all(b"<svg/>").unwrap();
        out.finish().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "<svg/>");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
