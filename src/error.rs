//! The library's error type: one variant per stage error.

use crate::graph::GraphError;
use crate::input::InputError;
use crate::nlp::corpus::CorpusError;
use crate::nlp::{ModelError, TrainError};
use crate::rdf::StoreError;

/// Any error the library returns.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading an article failed.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A model file could not be loaded.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// A training or evaluation corpus could not be read.
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    /// Training a tagger or parser failed.
    #[error(transparent)]
    Train(#[from] TrainError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Projecting or drawing the graph failed.
    #[error(transparent)]
    Graph(#[from] GraphError),
    /// Writing results failed.
    #[error("cannot write output")]
    Output(#[source] std::io::Error),
    /// Training the fact classifier failed (its judgements or training text).
    #[error("{0}")]
    Training(String),
    /// A file could not be read or written.
    #[error("{}", .path.display())]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
