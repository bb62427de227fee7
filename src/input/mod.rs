//! Reading articles: paths in, [`Document`]s out.
//!
//! Takes files, directories (walked recursively, sorted) and `-` (stdin);
//! reads plain text, HTML, JSON Lines (one article per line) and any of them
//! gzipped; strips markup and drops paragraphs repeated verbatim. The entry
//! point is [`documents`], an iterator that yields each article or the error
//! that stopped one input, so that one bad file never stops a batch.
//!
//! SKELETON: plain text only; HTML, JSON Lines, gzip and dedup to come.

mod document;

use std::path::{Path, PathBuf};

pub use document::{DocId, Document, LineIndex};

/// Why an input could not be read. Displays as `path[:line]: problem`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{}: cannot read", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// Every document under `paths`, in a stable order.
pub fn documents(paths: &[PathBuf]) -> impl Iterator<Item = Result<Document, InputError>> + '_ {
    paths.iter().map(|p| read_text(p))
}

fn read_text(path: &Path) -> Result<Document, InputError> {
    let text = std::fs::read_to_string(path).map_err(|source| InputError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(Document::from_text(path.display().to_string(), text))
}
