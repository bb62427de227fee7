//! Reading articles: paths in, [`Document`]s out.
//!
//! Takes files, directories (walked recursively, sorted, hidden entries
//! skipped) and `-` (stdin); reads plain text, HTML, JSON Lines (one article
//! per line) and any of them gzipped; strips markup and drops long paragraphs
//! repeated verbatim (see [`REPEAT_MIN_WORDS`]). The entry point is
//! [`documents`], a lazy iterator that
//! yields each article or the error that stopped one input, so that one bad
//! file (or one bad JSON Lines record) never stops a batch, and a 21k-article
//! `.jsonl.gz` is read one record at a time, never whole.
//!
//! Each format has its own file: `walk.rs` (paths → sources), `gzip.rs`
//! (decompression), `text.rs`, `html.rs`, `jsonl.rs` (bytes → paragraphs) and
//! `dedup.rs` (paragraphs → cleaned text with a [`LineIndex`]). Every read
//! is bounded by [`Limits`] (`limits.rs`): decompressed bytes per file,
//! bytes per article and per line, HTML nesting depth.

mod dedup;
mod document;
mod gzip;
mod html;
mod jsonl;
mod limits;
mod text;
mod walk;

use std::collections::VecDeque;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use dedup::REPEAT_MIN_WORDS;
pub use document::{DocId, Document, LineIndex};
pub use limits::{Limit, Limits};
pub use walk::Format;

use jsonl::JsonlReader;
use walk::Source;

/// Why an input could not be read. Displays as `path: problem` or
/// `path:line: problem` (1-based line), so editors can jump to it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The path does not exist.
    #[error("{}: no such file or directory", .path.display())]
    Missing {
        /// The path as given.
        path: PathBuf,
    },
    /// The file or directory could not be opened or read (permissions, I/O).
    #[error("{}: cannot read", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not valid UTF-8 (other encodings are not guessed).
    #[error("{}: invalid UTF-8 at byte offset {offset}", Loc(.path, *.line))]
    InvalidUtf8 {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte.
        line: Option<u64>,
        /// Byte offset of the first bad byte: in the file (decompressed, for
        /// `.gz`), or for a JSON Lines record in its line.
        offset: u64,
    },
    /// The file holds binary data (NUL bytes or mostly control characters).
    #[error("{}: binary file, not an article", .path.display())]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// Nothing but whitespace is left after cleaning (an empty file, markup
    /// only, or a record without text).
    #[error("{}: empty article (no text after cleaning)", Loc(.path, *.line))]
    Empty {
        /// The file (for a JSON Lines record, the file).
        path: PathBuf,
        /// The JSON Lines line, for a record.
        line: Option<u64>,
    },
    /// A `.gz` file that is truncated or not gzip data.
    #[error("{}: truncated or corrupt gzip data", .path.display())]
    Gzip {
        /// The file.
        path: PathBuf,
        /// The decoder's error.
        #[source]
        source: std::io::Error,
    },
    /// The input goes over one of the [`Limits`] (a gzip bomb, an endless
    /// line, markup nested without end).
    #[error("{}: {}", Loc(.path, *.line), limits::Over { limit: *.limit, value: *.value })]
    OverLimit {
        /// The file.
        path: PathBuf,
        /// The 1-based line (a JSON Lines record, a line of text), when known.
        line: Option<u64>,
        /// Which limit.
        limit: Limit,
        /// The limit's value.
        value: u64,
    },
    /// A JSON Lines line that is not a JSON object with article fields.
    #[error("{}:{line}: malformed JSON Lines record: {problem}", .path.display())]
    BadRecord {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong ("not valid JSON", "field `text` is not a string", ...).
        problem: String,
        /// The JSON parser's error, when the line is not JSON at all.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The file is not under the folder its source path is recorded
    /// relative to ([`SourcePaths::RelativeTo`]).
    #[error("{}: not under the source base folder {}", .path.display(), .base.display())]
    OutsideBase {
        /// The file, as given.
        path: PathBuf,
        /// The base folder, as given.
        base: PathBuf,
    },
}

impl InputError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            InputError::Missing { path }
            | InputError::Io { path, .. }
            | InputError::InvalidUtf8 { path, .. }
            | InputError::Binary { path }
            | InputError::Empty { path, .. }
            | InputError::Gzip { path, .. }
            | InputError::BadRecord { path, .. }
            | InputError::OverLimit { path, .. }
            | InputError::OutsideBase { path, .. } => path,
        }
    }

    /// The 1-based source line the error is about, when known.
    pub fn line(&self) -> Option<u64> {
        match self {
            InputError::InvalidUtf8 { line, .. }
            | InputError::Empty { line, .. }
            | InputError::OverLimit { line, .. } => *line,
            InputError::BadRecord { line, .. } => Some(*line),
            _ => None,
        }
    }
}

/// `path` or `path:line`, for error messages.
struct Loc<'a>(&'a Path, Option<u64>);

impl fmt::Display for Loc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.1 {
            Some(line) => write!(f, "{}:{line}", self.0.display()),
            None => write!(f, "{}", self.0.display()),
        }
    }
}

/// How inputs are read.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Read every input as this format instead of guessing from the
    /// extension (or, for stdin and unknown extensions, from the content).
    pub format: Option<Format>,
    /// Drop a paragraph that repeats an earlier one of the same article
    /// verbatim when it has at least this many words (default
    /// [`REPEAT_MIN_WORDS`]); `None` keeps every paragraph, so the text is
    /// the input's (what `newskg analyze` needs to be scored against it).
    pub repeat_min_words: Option<usize>,
    /// How a file's path is recorded in [`Document::source`].
    pub source_paths: SourcePaths,
    /// The name standard input (`-`) is recorded under in
    /// [`Document::source`], as if it were a file of that name (a JSON Lines
    /// record as `name#id`); `None` records it as `-`. A job that pipes the
    /// parts of a file through newskg (`examples/spark/`) names each part
    /// after its file, so that its documents are recorded as a direct read
    /// of the file records them. Messages still name `-`.
    pub stdin_name: Option<String>,
    /// Bounds on what is read (the byte and HTML ones apply here).
    pub limits: Limits,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            format: None,
            repeat_min_words: Some(REPEAT_MIN_WORDS),
            source_paths: SourcePaths::AsGiven,
            stdin_name: None,
            limits: Limits::default(),
        }
    }
}

/// How a file's path is recorded in [`Document::source`] (and so in every
/// output: JSON Lines, the RDF `nkg:source`). Messages about a file always
/// name it as given. `-` (stdin) stays `-` (or [`LoadOptions::stdin_name`]),
/// and a JSON Lines record keeps its `#id` (its `url` is a field of its own,
/// untouched).
///
/// Paths are compared as written first (made absolute against the working
/// folder, `.` and `..` resolved), then with symbolic links resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum SourcePaths {
    /// The path as given.
    #[default]
    AsGiven,
    /// Relative to the working folder when the file is under it, so that
    /// published data does not carry the user's home folder; as given
    /// otherwise.
    RelativeToCwd,
    /// Relative to this folder; a file outside it is an input error
    /// ([`InputError::OutsideBase`]) rather than a path recorded whole.
    RelativeTo(PathBuf),
}

impl SourcePaths {
    /// The recorded form of `path` (a file, not `-`).
    fn record(&self, path: &Path, cwd: Option<&Path>) -> Result<String, InputError> {
        let shown = |p: &Path| p.display().to_string();
        match self {
            SourcePaths::AsGiven => Ok(shown(path)),
            SourcePaths::RelativeToCwd => Ok(cwd
                .and_then(|cwd| relative(path, cwd, cwd))
                .map_or_else(|| shown(path), |rel| shown(&rel))),
            SourcePaths::RelativeTo(base) => cwd
                .and_then(|cwd| relative(path, base, cwd))
                .map(|rel| shown(&rel))
                .ok_or_else(|| InputError::OutsideBase {
                    path: path.to_owned(),
                    base: base.clone(),
                }),
        }
    }
}

/// `path` relative to `base` when it is under it (both relative to `cwd`
/// when not absolute).
fn relative(path: &Path, base: &Path, cwd: &Path) -> Option<PathBuf> {
    let (p, b) = (lexical(&cwd.join(path)), lexical(&cwd.join(base)));
    if let Ok(rel) = p.strip_prefix(&b) {
        return Some(rel.to_owned());
    }
    let (p, b) = (p.canonicalize().ok()?, b.canonicalize().ok()?);
    p.strip_prefix(&b).ok().map(Path::to_owned)
}

/// `path` with `.` and `..` resolved without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Every document under `paths`, in a stable order (see [`documents_with`]).
///
/// ```
/// use std::path::PathBuf;
/// let paths = [PathBuf::from("../../tests/fixtures/input-files/article.txt")];
/// for doc in newskg_input::documents(&paths) {
///     let doc = doc?;
///     assert_eq!(doc.title.as_deref(), Some("Council Approves New Bridge"));
/// }
/// # Ok::<(), newskg_input::InputError>(())
/// ```
pub fn documents(paths: &[PathBuf]) -> impl Iterator<Item = Result<Document, InputError>> + '_ {
    documents_with(paths, LoadOptions::default())
}

/// Every document under `paths`, read with `options`.
///
/// Paths are taken in the order given; a directory is walked recursively in
/// sorted order, skipping hidden entries and files of unknown type. `-` is
/// stdin. Each item is one article or the error of one input (a file, or one
/// JSON Lines record); iteration always goes on to the next input.
pub fn documents_with(
    paths: &[PathBuf],
    options: LoadOptions,
) -> impl Iterator<Item = Result<Document, InputError>> + '_ {
    Documents {
        paths: paths.iter(),
        cwd: match options.source_paths {
            SourcePaths::AsGiven => None,
            _ => std::env::current_dir().ok(),
        },
        options,
        pending: VecDeque::new(),
        jsonl: None,
    }
}

/// The lazy iterator behind [`documents_with`]: expands one path at a time
/// and keeps at most one JSON Lines stream open.
struct Documents<'a> {
    paths: std::slice::Iter<'a, PathBuf>,
    /// The working folder, read once, when source paths depend on it.
    cwd: Option<PathBuf>,
    options: LoadOptions,
    pending: VecDeque<Result<Source, InputError>>,
    jsonl: Option<JsonlReader>,
}

impl Iterator for Documents<'_> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(reader) = &mut self.jsonl {
                match reader.next() {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            }
            if let Some(source) = self.pending.pop_front() {
                match source {
                    Err(e) => return Some(Err(e)),
                    Ok(source) => match self.open(source) {
                        Opened::Done(item) => return Some(item),
                        Opened::Stream(reader) => self.jsonl = Some(reader),
                    },
                }
                continue;
            }
            let path = self.paths.next()?;
            self.pending.extend(walk::expand(path));
        }
    }
}

/// What opening one source gives: a finished document (or error), or a
/// JSON Lines stream to drain record by record.
enum Opened {
    Done(Result<Document, InputError>),
    Stream(JsonlReader),
}

impl Documents<'_> {
    fn open(&self, source: Source) -> Opened {
        let display = source.display_path();
        let recorded = match &source.path {
            None => Ok(self
                .options
                .stdin_name
                .clone()
                .unwrap_or_else(|| "-".into())),
            Some(path) => self.options.source_paths.record(path, self.cwd.as_deref()),
        };
        let recorded = match recorded {
            Ok(r) => r,
            Err(e) => return Opened::Done(Err(e)),
        };
        let limits = &self.options.limits;
        let (mut reader, gzipped) = match source.reader(limits.max_decompressed_bytes) {
            Ok(r) => r,
            Err(e) => return Opened::Done(Err(e)),
        };
        let mut format = self.options.format.or(source.format);
        if format.is_none() {
            // Stdin and unknown extensions: guess from the first bytes.
            let head = match gzip::peek(&mut reader, 4096, &display, gzipped) {
                Ok(head) => head,
                Err(e) => return Opened::Done(Err(e)),
            };
            format = Some(walk::sniff(&head));
            reader = Box::new(std::io::Cursor::new(head).chain(reader));
        }
        let min_words = self.options.repeat_min_words;
        match format.unwrap_or(Format::Text) {
            Format::Jsonl => Opened::Stream(JsonlReader::new(
                display,
                recorded,
                reader,
                gzipped,
                min_words,
                limits.max_line_bytes,
            )),
            other => Opened::Done(read_article(
                &display, recorded, reader, gzipped, other, min_words, limits,
            )),
        }
    }
}

/// Reads one whole-file article (text or HTML) from `reader`; `source` is
/// the path as recorded in the document. At most `limits.max_document_bytes`
/// are read (one more tells that there was more), so memory stays bounded
/// whatever the file or its decompression gives.
fn read_article(
    path: &Path,
    source: String,
    reader: Box<dyn Read>,
    gzipped: bool,
    format: Format,
    repeat_min_words: Option<usize>,
    limits: &Limits,
) -> Result<Document, InputError> {
    let over = |limit, value, line| InputError::OverLimit {
        path: path.to_owned(),
        line,
        limit,
        value,
    };
    let mut bytes = Vec::new();
    let max = limits.max_document_bytes;
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| gzip::read_error(path, gzipped, source, None))?;
    if bytes.len() as u64 > max {
        return Err(over(Limit::DocumentBytes, max, None));
    }
    let text = decode(path, &bytes, None)?;
    drop(bytes);
    let parsed = match format {
        Format::Html => {
            if html::too_deep(&text, limits.max_html_depth) {
                return Err(over(Limit::HtmlDepth, limits.max_html_depth as u64, None));
            }
            html::parse(text)
        }
        _ => {
            if let Some(line) = text::long_line(&text, limits.max_line_bytes) {
                return Err(over(Limit::LineBytes, limits.max_line_bytes, Some(line)));
            }
            text::parse(text)
        }
    };
    dedup::build(source, parsed, repeat_min_words).ok_or_else(|| InputError::Empty {
        path: path.to_owned(),
        line: None,
    })
}

/// Checks `bytes` are text and decodes them: binary data and invalid UTF-8
/// are refused with their position; a byte-order mark is dropped and CRLF
/// line ends become LF. `line` is the source line of `bytes[0]` (JSON Lines).
pub(crate) fn decode(path: &Path, bytes: &[u8], line: Option<u64>) -> Result<String, InputError> {
    if looks_binary(bytes) {
        return Err(InputError::Binary {
            path: path.to_owned(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(if s.contains('\r') {
            s.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            s.to_owned()
        }),
        Err(e) => {
            let offset = e.valid_up_to();
            let newlines = bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u64;
            Err(InputError::InvalidUtf8 {
                path: path.to_owned(),
                line: Some(line.unwrap_or(1) + newlines),
                offset: offset as u64,
            })
        }
    }
}

/// Binary data: any NUL byte, or more than 10% control characters (other than
/// tab, CR, LF, FF) in the first 8 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> PathBuf {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/input-files"
        ))
        .join(name)
    }

    fn all(paths: &[PathBuf]) -> Vec<Result<Document, InputError>> {
        documents(paths).collect()
    }

    #[test]
    fn repeated_paragraphs_are_read_once_and_the_headline_kept() {
        let docs = all(&[fixture("article.txt")]);
        let Some(Ok(doc)) = docs.first() else {
            panic!("{docs:?}")
        };
        assert_eq!(doc.title.as_deref(), Some("Council Approves New Bridge"));
        assert_eq!(doc.text.matches("approved a new bridge").count(), 1);
        assert!(doc
            .text
            .starts_with("Council Approves New Bridge\n\nThe city council"));
        // "Critics ..." is on line 6 of the file, after the dropped repeat.
        let at = doc.text.find("Critics").unwrap_or(0);
        assert_eq!(doc.line_index.line_of(at), Some(6));
    }

    #[test]
    fn analysis_options_keep_every_paragraph() {
        let options = LoadOptions {
            repeat_min_words: None,
            ..LoadOptions::default()
        };
        let docs: Vec<_> = documents_with(&[fixture("article.txt")], options).collect();
        let Some(Ok(doc)) = docs.first() else {
            panic!("{docs:?}")
        };
        assert_eq!(doc.text.matches("approved a new bridge").count(), 2);
        assert_eq!(doc.dropped_repeats, 0);
        let docs = all(&[fixture("article.txt")]);
        assert!(matches!(docs.first(), Some(Ok(d)) if d.dropped_repeats == 1));
    }

    #[test]
    fn source_paths_as_given_or_relative() {
        use SourcePaths::{AsGiven, RelativeTo, RelativeToCwd};
        let cwd = Path::new("/home/ana/news");
        let rec = |how: &SourcePaths, p: &str| {
            how.record(Path::new(p), Some(cwd))
                .map_err(|e| e.to_string())
        };
        let ok = |s: &str| Ok(s.to_string());
        assert_eq!(
            rec(&AsGiven, "/home/ana/news/a.txt"),
            ok("/home/ana/news/a.txt")
        );
        assert_eq!(
            rec(&RelativeToCwd, "/home/ana/news/2025/a.txt"),
            ok("2025/a.txt")
        );
        assert_eq!(rec(&RelativeToCwd, "./2025/../a.txt"), ok("a.txt"));
        // Outside the working folder: as given.
        assert_eq!(rec(&RelativeToCwd, "/srv/b.txt"), ok("/srv/b.txt"));
        assert_eq!(rec(&RelativeToCwd, "../b.txt"), ok("../b.txt"));
        let base = RelativeTo(PathBuf::from("2025"));
        assert_eq!(rec(&base, "/home/ana/news/2025/05/a.txt"), ok("05/a.txt"));
        assert_eq!(rec(&base, "2025/a.txt"), ok("a.txt"));
        // Outside an explicit base: an error, never the whole path.
        assert_eq!(
            rec(&base, "/srv/b.txt"),
            Err("/srv/b.txt: not under the source base folder 2025".to_string())
        );
    }

    #[test]
    fn recorded_sources_of_files_and_records() {
        let options = LoadOptions {
            source_paths: SourcePaths::RelativeTo(fixture("")),
            ..LoadOptions::default()
        };
        let paths = [fixture("article.txt"), fixture("bad-line.jsonl")];
        let sources: Vec<String> = documents_with(&paths, options)
            .map(|r| match r {
                Ok(d) => d.source,
                // Errors name the file as given.
                Err(e) => e.path().display().to_string(),
            })
            .collect();
        assert_eq!(
            sources,
            [
                "article.txt".to_string(),
                "bad-line.jsonl#ok-1".to_string(),
                fixture("bad-line.jsonl").display().to_string(),
                "bad-line.jsonl#ok-2".to_string(),
            ]
        );
    }

    #[test]
    fn html_is_stripped_to_paragraphs() {
        let docs = all(&[fixture("article.html")]);
        let Some(Ok(doc)) = docs.first() else {
            panic!("{docs:?}")
        };
        assert_eq!(doc.title.as_deref(), Some("Port Strike Ends After Deal"));
        assert_eq!(doc.date.as_deref(), Some("2025-04-02T09:00:00Z"));
        assert_eq!(
            doc.text,
            "Port Strike Ends After Deal\n\nDock workers ended their strike on Tuesday after the union \
             accepted a new offer.\n\nThe port authority praised the agreement."
        );
        let at = doc.text.find("The port").unwrap_or(0);
        assert_eq!(doc.line_index.line_of(at), Some(15));
    }

    #[test]
    fn a_malformed_jsonl_line_is_reported_and_the_others_read() {
        let p = fixture("bad-line.jsonl");
        let got = all(std::slice::from_ref(&p));
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[0], Ok(d) if d.source.ends_with("bad-line.jsonl#ok-1")));
        let msg = got[1].as_ref().err().map(|e| e.to_string());
        assert_eq!(
            msg,
            Some(format!(
                "{}:2: malformed JSON Lines record: not valid JSON",
                p.display()
            ))
        );
        assert_eq!(got[1].as_ref().err().and_then(InputError::line), Some(2));
        assert!(matches!(&got[2], Ok(d) if d.title.as_deref() == Some("Second")));
    }

    #[test]
    fn missing_file_names_the_path() {
        let p = fixture("no-such-file.txt");
        let got = all(std::slice::from_ref(&p));
        assert_eq!(got.len(), 1);
        let err = got.into_iter().next().and_then(|r| r.err());
        assert!(matches!(err, Some(InputError::Missing { .. })));
        assert_eq!(
            err.map(|e| e.to_string()),
            Some(format!("{}: no such file or directory", p.display()))
        );
    }

    #[test]
    fn invalid_utf8_says_the_offset_and_line() {
        let p = fixture("latin1.txt");
        let err = all(std::slice::from_ref(&p)).pop().and_then(|r| r.err());
        assert_eq!(
            err.map(|e| e.to_string()),
            Some(format!(
                "{}:2: invalid UTF-8 at byte offset 27",
                p.display()
            ))
        );
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        let bin = all(&[fixture("binary.txt")]).pop().and_then(|r| r.err());
        assert!(matches!(bin, Some(InputError::Binary { .. })), "{bin:?}");
        let empty = all(&[fixture("blank.txt")]).pop().and_then(|r| r.err());
        assert!(matches!(empty, Some(InputError::Empty { .. })), "{empty:?}");
        let markup = all(&[fixture("markup-only.html")])
            .pop()
            .and_then(|r| r.err());
        assert!(
            matches!(markup, Some(InputError::Empty { .. })),
            "{markup:?}"
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let err = all(&[fixture("truncated.txt.gz")])
            .pop()
            .and_then(|r| r.err());
        assert!(matches!(err, Some(InputError::Gzip { .. })), "{err:?}");
    }

    #[test]
    fn gzipped_text_and_jsonl_read_like_plain_ones() {
        let plain = all(&[fixture("article.txt")]);
        let gz = all(&[fixture("article.txt.gz")]);
        assert_eq!(plain.len(), 1);
        let (Some(Ok(a)), Some(Ok(b))) = (plain.first(), gz.first()) else {
            panic!("both must read: {plain:?} {gz:?}");
        };
        assert_eq!(a.text, b.text);
        assert_eq!(a.id, b.id);
        let jl = all(&[fixture("articles.jsonl.gz")]);
        assert_eq!(jl.iter().filter(|r| r.is_ok()).count(), 2);
    }

    #[test]
    fn directory_walk_is_sorted_and_skips_hidden_and_unknown() {
        let docs = all(&[fixture("dir")]);
        let sources: Vec<String> = docs
            .iter()
            .map(|r| match r {
                Ok(d) => d.source.clone(),
                Err(e) => format!("error {e}"),
            })
            .collect();
        let names: Vec<&str> = sources
            .iter()
            .map(|s| s.rsplit('/').next().unwrap_or(s))
            .collect();
        assert_eq!(names, ["a.txt", "b.htm", "c.txt"], "{sources:?}");
    }

    #[test]
    fn an_explicit_file_of_unknown_type_is_read_as_text() {
        let docs = all(&[fixture("dir/notes.dat")]);
        assert!(matches!(docs.as_slice(), [Ok(d)] if d.text.contains("unknown extension")));
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let dir = tempfile::tempdir().ok();
        let Some(dir) = dir else { return };
        let mut seed = 0x2545_f491_u64;
        for (i, ext) in ["txt", "html", "jsonl", "txt.gz", "jsonl.gz", "bin"]
            .iter()
            .cycle()
            .take(60)
            .enumerate()
        {
            let mut bytes = Vec::new();
            for _ in 0..(i * 37 % 700) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let b = (seed % 256) as u8;
                // Mostly printable, so some inputs get past the binary check.
                bytes.push(if seed % 5 == 0 {
                    b
                } else {
                    b" <p>{}\"\n\x1f\x8bab"[(b % 12) as usize]
                });
            }
            let p = dir.path().join(format!("f{i}.{ext}"));
            if std::fs::write(&p, &bytes).is_ok() {
                let _ = all(&[p]);
            }
        }
    }
}
