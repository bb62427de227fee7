//! [`Failure`]: one input a batch skipped, and why; the others went on.
//! [`Warning`]: what a batch did to a document to keep it within the
//! [`Limits`](crate::input::Limits); the document went in.

use std::any::Any;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::input::{Document, Format, InputError};

/// One input that `extract` or `ingest` had to skip. Displays as `path:
/// problem` or `path:line: problem` (1-based line), like [`InputError`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Failure {
    /// The input could not be read.
    #[error(transparent)]
    Input(#[from] InputError),
    /// A docfacts line that `ingest --from-docfacts` cannot use.
    #[error(transparent)]
    DocFacts(#[from] super::DocFactsError),
    /// Analysing or extracting the document panicked: a bug in newskg,
    /// caught so that the other documents go on.
    #[error("{}: internal error while analysing: {message}", Loc(.path, *.line))]
    Internal {
        /// The file the document came from (`-` for standard input).
        path: PathBuf,
        /// The 1-based line of a JSON Lines record (or of a `--format carb`
        /// sentence); `None` for a whole-file article.
        line: Option<u64>,
        /// The document's source, as recorded in the store.
        document: String,
        /// The panic message.
        message: String,
    },
    /// The document names more entities than
    /// [`Limits::max_entities`](crate::input::Limits): it is skipped before
    /// extraction, resolution and storage, whose work grows with them.
    #[error(
        "{}: {count} named-entity mentions, over the limit of {limit} per document; the document is skipped (raise it with --max-entities)",
        Loc(.path, *.line)
    )]
    TooManyEntities {
        /// The file the document came from.
        path: PathBuf,
        /// The 1-based line of a JSON Lines record; `None` for a whole file.
        line: Option<u64>,
        /// The document's source, as it would be recorded.
        document: String,
        /// Named-entity mentions found.
        count: usize,
        /// The limit.
        limit: usize,
    },
}

/// What was done to a document to keep it within the limits; unlike a
/// [`Failure`], the document was still processed. Displays as
/// `path[:line]: …`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Warning {
    /// A sentence longer than
    /// [`Limits::max_sentence_tokens`](crate::input::Limits) was analysed in
    /// pieces (see [`Analyzer::analyze_within`](crate::nlp::Analyzer::analyze_within)).
    #[error(
        "{}: sentence of {tokens} tokens (at byte {byte_start} of the text) analysed as {pieces} pieces of at most {limit} tokens (raise the limit with --max-sentence-tokens)",
        Loc(.path, *.line)
    )]
    LongSentence {
        /// The file the document came from.
        path: PathBuf,
        /// The 1-based source line where the sentence starts, when known.
        line: Option<u64>,
        /// The document's source.
        document: String,
        /// Byte offset of the sentence in the document's text.
        byte_start: usize,
        /// Its length in tokens.
        tokens: usize,
        /// How many pieces it was analysed as.
        pieces: usize,
        /// The limit.
        limit: usize,
    },
}

impl Failure {
    /// The file the failure is about.
    pub fn path(&self) -> &Path {
        match self {
            Failure::Input(e) => e.path(),
            Failure::DocFacts(e) => e.path(),
            Failure::Internal { path, .. } | Failure::TooManyEntities { path, .. } => path,
        }
    }

    /// The 1-based source line, when known.
    pub fn line(&self) -> Option<u64> {
        match self {
            Failure::Input(e) => e.line(),
            Failure::DocFacts(e) => Some(e.line()),
            Failure::Internal { line, .. } | Failure::TooManyEntities { line, .. } => *line,
        }
    }
}

/// `path` or `path:line`, for messages.
struct Loc<'a>(&'a Path, Option<u64>);

impl fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(line) => write!(f, "{}:{line}", self.0.display()),
            None => write!(f, "{}", self.0.display()),
        }
    }
}

/// Where `doc` came from, for a failure message: the file, and the line for
/// a JSON Lines record (whose source is `path#id`; a whole-file article's
/// source is its path, which may itself hold a `#`).
pub(super) fn location(doc: &Document) -> (PathBuf, Option<u64>) {
    if let Some((path, _id)) = doc.source.rsplit_once('#') {
        if path == "-" || is_jsonl(Path::new(path)) {
            return (PathBuf::from(path), doc.line_index.line_of(0));
        }
    }
    (PathBuf::from(&doc.source), None)
}

/// Whether `path` names a JSON Lines file (`.jsonl`, `.ndjson`, either `.gz`).
fn is_jsonl(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        == Some(Format::Jsonl)
}

/// The message a panic carried (`panic!("…")` gives a `&str` or a `String`).
pub(super) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_owned()
    }
}

/// The test hook of the module doc: panics when `text` contains the
/// non-empty value of `NEWSKG_TEST_PANIC_ON`. It is in every build because the
/// tests run the release binary (CI runs `cargo test --release`); the variable
/// is read once per process, so an unset one costs a branch per document.
pub(super) fn test_panic(text: &str) {
    static MARKER: OnceLock<Option<String>> = OnceLock::new();
    let marker = MARKER.get_or_init(|| {
        std::env::var_os("NEWSKG_TEST_PANIC_ON")
            .map(|m| m.to_string_lossy().into_owned())
            .filter(|m| !m.is_empty())
    });
    if let Some(marker) = marker {
        if text.contains(marker.as_str()) {
            panic!("NEWSKG_TEST_PANIC_ON: forced panic on a marked document");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_failures_name_file_and_record_line() {
        let mut record = Document::from_text("in/news.jsonl.gz#a1", "Some text.");
        record.line_index.anchors = vec![(0, 7)];
        assert_eq!(
            location(&record),
            (PathBuf::from("in/news.jsonl.gz"), Some(7))
        );
        let file = Document::from_text("in/issue#3.txt", "Some text.");
        assert_eq!(location(&file), (PathBuf::from("in/issue#3.txt"), None));
        let (path, line) = location(&record);
        let failure = Failure::Internal {
            path,
            line,
            document: record.source.clone(),
            message: "index out of bounds".into(),
        };
        assert_eq!(
            failure.to_string(),
            "in/news.jsonl.gz:7: internal error while analysing: index out of bounds"
        );
        assert_eq!(failure.line(), Some(7));
    }

    #[test]
    fn panic_messages_are_read_from_str_and_string_payloads() {
        let caught = std::panic::catch_unwind(|| panic!("plain")).err();
        assert_eq!(
            caught.map(|p| panic_message(p.as_ref())).as_deref(),
            Some("plain")
        );
        let n = 3;
        let caught = std::panic::catch_unwind(|| panic!("formatted {n}")).err();
        assert_eq!(
            caught.map(|p| panic_message(p.as_ref())).as_deref(),
            Some("formatted 3")
        );
    }
}
