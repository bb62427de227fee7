//! Paths → sources: expands directories, recognises `-`, and picks each
//! file's format from its extension (or, when there is none that we know,
//! from its first bytes).
//!
//! A directory is walked recursively in sorted order so that runs are
//! reproducible; hidden entries (a name starting with `.`) and files of
//! unknown type are skipped there, because a folder of articles often holds
//! other things. A file named explicitly is always read.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::{gzip, InputError};

/// An input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: paragraphs are lines or blank-line separated blocks.
    Text,
    /// HTML: markup, scripts and navigation stripped.
    Html,
    /// JSON Lines: one article object per line.
    Jsonl,
}

impl Format {
    /// The format of a file name's extension (after any `.gz`), if known.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// One input to read: a file or stdin.
#[derive(Debug)]
pub(crate) struct Source {
    /// `None` for stdin.
    pub path: Option<PathBuf>,
    /// From the extension; `None` means "guess from the content".
    pub format: Option<Format>,
}

impl Source {
    /// The path used in messages and `Document::source` (`-` for stdin).
    pub fn display_path(&self) -> PathBuf {
        self.path.clone().unwrap_or_else(|| PathBuf::from("-"))
    }

    /// Opens the source, decompressing gzip data (recognised by its magic
    /// bytes, whatever the name), at most `max_decompressed` bytes of it.
    /// Returns the reader and whether it is gzip.
    pub fn reader(&self, max_decompressed: u64) -> Result<(Box<dyn Read>, bool), InputError> {
        let raw: Box<dyn Read> = match &self.path {
            None => Box::new(std::io::stdin()),
            Some(path) => Box::new(std::fs::File::open(path).map_err(|e| open_error(path, e))?),
        };
        let mut buffered = BufReader::with_capacity(64 * 1024, raw);
        let path = self.display_path();
        let head = buffered.fill_buf().map_err(|source| InputError::Io {
            path: path.clone(),
            source,
        })?;
        if head.starts_with(&[0x1f, 0x8b]) {
            Ok((gzip::decoder(buffered, max_decompressed), true))
        } else {
            Ok((Box::new(buffered), false))
        }
    }
}

fn open_error(path: &Path, source: std::io::Error) -> InputError {
    if source.kind() == std::io::ErrorKind::NotFound {
        InputError::Missing {
            path: path.to_owned(),
        }
    } else {
        InputError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// The format and compression a file name says: `a.jsonl.gz` → `(Jsonl, true)`.
fn format_of(path: &Path) -> (Option<Format>, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let (stem, gz) = match lower.strip_suffix(".gz") {
        Some(stem) => (stem.to_owned(), true),
        None => (lower, false),
    };
    let ext = Path::new(&stem)
        .extension()
        .map(|e| e.to_string_lossy().into_owned());
    (ext.as_deref().and_then(Format::from_extension), gz)
}

/// Expands one command-line path into the sources under it, in order.
pub(crate) fn expand(path: &Path) -> Vec<Result<Source, InputError>> {
    if path == Path::new("-") {
        return vec![Ok(Source {
            path: None,
            format: None,
        })];
    }
    match std::fs::metadata(path) {
        Err(e) => vec![Err(open_error(path, e))],
        Ok(meta) if meta.is_dir() => {
            let mut out = Vec::new();
            walk_dir(path, &mut out);
            out
        }
        Ok(_) => vec![Ok(Source {
            path: Some(path.to_owned()),
            format: format_of(path).0,
        })],
    }
}

/// Depth-first, sorted by name; an explicit stack, so deep trees cannot
/// overflow. Symbolic links to directories are not followed (no cycles).
fn walk_dir(root: &Path, out: &mut Vec<Result<Source, InputError>>) {
    let mut stack = vec![root.to_owned()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
            Err(e) => Err(e),
        };
        let mut entries = match entries {
            Ok(entries) => entries,
            Err(source) => {
                out.push(Err(InputError::Io { path: dir, source }));
                continue;
            }
        };
        entries.sort_by_key(|e| e.file_name());
        let mut subdirs = Vec::new();
        for entry in entries {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if is_dir {
                subdirs.push(path);
                continue;
            }
            if let (Some(format), _) = format_of(&path) {
                out.push(Ok(Source {
                    path: Some(path),
                    format: Some(format),
                }));
            }
        }
        // Files of a folder come before its subfolders; subfolders in order.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// Guesses the format of content whose name says nothing: JSON Lines when
/// the first non-blank character opens an object, HTML when it opens a tag
/// or doctype, plain text otherwise.
pub(crate) fn sniff(head: &[u8]) -> Format {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    let lower: Vec<u8> = rest.iter().take(64).map(u8::to_ascii_lowercase).collect();
    if rest.starts_with(b"{") {
        Format::Jsonl
    } else if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || lower.starts_with(b"<body")
        || lower.starts_with(b"<p>")
        || lower.starts_with(b"<!--")
    {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_names() {
        assert_eq!(
            format_of(Path::new("a/b.JSONL.gz")),
            (Some(Format::Jsonl), true)
        );
        assert_eq!(format_of(Path::new("x.htm")), (Some(Format::Html), false));
        assert_eq!(format_of(Path::new("x.txt.gz")), (Some(Format::Text), true));
        assert_eq!(format_of(Path::new("x.gz")), (None, true));
        assert_eq!(format_of(Path::new("README")), (None, false));
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"  {\"id\": 1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(sniff(b"Plain words."), Format::Text);
        assert_eq!(sniff(b""), Format::Text);
    }
}
