//! The docfacts format: one document's analysis and extraction as one JSON
//! line, what the map of a distributed run hands to its reduce (issue 14,
//! item 3). `extract --format docfacts` writes it ([`write_docfacts`]);
//! `ingest --from-docfacts` reads it ([`super::ingest_docfacts`]) and
//! stores exactly what a direct ingest of the same articles stores, without
//! running any model.
//!
//! A line is the document's [`DocFacts`] (the document with its metadata
//! and text, sentences, tokens, named entities, mentions, the document's
//! entity clusters and its facts; serde's field names) with three more
//! fields in front: `"docfacts"`, the format version
//! ([`DOCFACTS_VERSION`]), and `"software"` and `"models"`, the newskg and
//! the model versions that made it. Cross-document resolution reads the
//! tokens around mentions as well as the mentions themselves, so the whole
//! analysis travels, not only the facts.
//!
//! A line the reduce cannot use is a [`DocFactsError`] naming the file and
//! line, and the other lines go on. A line is checked before it is used:
//! every index and span must point inside the document and its id must be
//! the hash of its text, so that a damaged or hand-edited line is refused
//! rather than panicking the resolver or storing wrong IRIs.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Failure, BATCH};
use crate::extract::{Argument, DocFacts};
use crate::input::{DocId, InputError};
use crate::nlp::Span;
use crate::rdf::RunInfo;

/// The version of the docfacts format this newskg writes and reads. A
/// change to [`DocFacts`] or the fields around it that an older reader
/// would misread must raise it.
pub const DOCFACTS_VERSION: u64 = 1;

/// A docfacts line the reduce cannot use. Displays as `path:line: …`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocFactsError {
    /// Not a docfacts record: not JSON, not an object, or a field missing
    /// or of the wrong type.
    #[error("{}:{line}: malformed docfacts line: {problem}", .path.display())]
    Malformed {
        /// The file (`-` for standard input).
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// What is wrong ("not valid JSON", "no `docfacts` version field").
        problem: String,
        /// The JSON parser's error, when it found the problem.
        #[source]
        source: Option<serde_json::Error>,
    },
    /// A docfacts line of a format version this newskg does not read.
    #[error(
        "{}:{line}: docfacts format version {found}, but this newskg reads version {DOCFACTS_VERSION} only (make the docfacts again with this newskg's `extract --format docfacts`)",
        .path.display()
    )]
    Version {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The version the line gives, as written.
        found: String,
    },
    /// The line was made by another newskg or other models than the run
    /// storing it: the store would record models that did not make its facts,
    /// and resolution (which reads the gazetteer) could differ from a direct
    /// ingest's.
    #[error(
        "{}:{line}: made by {found}, but this ingest runs {expected} (ingest with the newskg and --models that the extract used)",
        .path.display()
    )]
    OtherRun {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The software and the models of the line that differ.
        found: String,
        /// Those of this run.
        expected: String,
    },
    /// An index or span that points outside the document, or an id that is
    /// not the hash of the text.
    #[error("{}:{line}: inconsistent docfacts line: {problem}", .path.display())]
    Inconsistent {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: u64,
        /// The first problem found.
        problem: String,
    },
}

impl DocFactsError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            DocFactsError::Malformed { path, .. }
            | DocFactsError::Version { path, .. }
            | DocFactsError::OtherRun { path, .. }
            | DocFactsError::Inconsistent { path, .. } => path,
        }
    }

    /// The 1-based line the error is about.
    pub fn line(&self) -> u64 {
        match self {
            DocFactsError::Malformed { line, .. }
            | DocFactsError::Version { line, .. }
            | DocFactsError::OtherRun { line, .. }
            | DocFactsError::Inconsistent { line, .. } => *line,
        }
    }
}

/// A line as written: the header fields, then the document's fields.
#[derive(Serialize)]
struct LineOut<'a> {
    docfacts: u64,
    software: &'a str,
    models: &'a str,
    #[serde(flatten)]
    facts: &'a DocFacts,
}

/// The header fields of a line, read before the rest: the version decides
/// how the rest is read.
#[derive(Deserialize)]
struct Header {
    docfacts: Option<serde_json::Value>,
    software: Option<String>,
    models: Option<String>,
}

/// Writes `facts` as one docfacts line, made by `run`'s software and models.
pub fn write_docfacts(out: &mut dyn Write, facts: &DocFacts, run: &RunInfo) -> io::Result<()> {
    let line = LineOut {
        docfacts: DOCFACTS_VERSION,
        software: &run.software,
        models: &run.models,
        facts,
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}

/// One line read from a docfacts file, not parsed yet.
pub(super) struct RawLine {
    path: PathBuf,
    line: u64,
    bytes: Vec<u8>,
}

/// Parses and checks one docfacts line for a run storing with `run`.
pub(super) fn parse(raw: RawLine, run: &RunInfo) -> Result<DocFacts, DocFactsError> {
    let RawLine { path, line, bytes } = raw;
    let malformed = |problem: &str, source| DocFactsError::Malformed {
        path: path.clone(),
        line,
        problem: problem.to_string(),
        source,
    };
    // Two passes: the header alone first (serde skips the rest without
    // building it), so that a line of another version is named as such
    // rather than as whatever its fields fail to parse as.
    let header: Header = serde_json::from_slice(&bytes).map_err(|e| {
        let problem = if e.is_data() {
            "not a docfacts object"
        } else {
            "not valid JSON"
        };
        malformed(problem, Some(e))
    })?;
    match header.docfacts {
        None => {
            return Err(malformed(
                "no `docfacts` version field (is it a line of `extract --format docfacts`?)",
                None,
            ))
        }
        Some(serde_json::Value::Number(n)) if n.as_u64() == Some(DOCFACTS_VERSION) => {}
        Some(other) => {
            return Err(DocFactsError::Version {
                path,
                line,
                found: other.to_string(),
            })
        }
    }
    let (Some(software), Some(models)) = (header.software, header.models) else {
        return Err(malformed("no `software` or no `models` field", None));
    };
    if software != run.software || models != run.models {
        return Err(DocFactsError::OtherRun {
            path,
            line,
            found: producer(&software, &models, run),
            expected: producer(&run.software, &run.models, &made(&software, &models)),
        });
    }
    let facts: DocFacts =
        serde_json::from_slice(&bytes).map_err(|e| malformed("not a docfacts object", Some(e)))?;
    check(&facts).map_err(|problem| DocFactsError::Inconsistent {
        path,
        line,
        problem,
    })?;
    Ok(facts)
}

/// A run record holding only `software` and `models`, to compare with.
fn made(software: &str, models: &str) -> RunInfo {
    RunInfo {
        id: String::new(),
        software: software.to_string(),
        models: models.to_string(),
        started: String::new(),
    }
}

/// "newskg 0.1.0 with models gazetteer=…": the software, and the models
/// that differ from `other`'s (all of them would bury the one that differs).
fn producer(software: &str, models: &str, other: &RunInfo) -> String {
    let differ: Vec<&str> = models
        .split_whitespace()
        .filter(|m| !other.models.split_whitespace().any(|o| o == *m))
        .collect();
    if differ.is_empty() {
        software.to_string()
    } else {
        format!("{software} with models {}", differ.join(" "))
    }
}

/// The first index or span of `facts` that points outside the document (or
/// a span off a character boundary), or an id that is not its text's hash:
/// what the reduce would otherwise trust. Everything the resolver and the
/// RDF mapping index is checked.
fn check(facts: &DocFacts) -> Result<(), String> {
    let analyzed = &facts.analyzed;
    let text = &analyzed.doc.text;
    if analyzed.doc.id != DocId::of_text(text) {
        return Err(format!(
            "document id {} is not the hash of its text",
            analyzed.doc.id
        ));
    }
    let span = |what: &str, s: &Span| {
        if s.start <= s.end && text.get(s.start..s.end).is_some() {
            Ok(())
        } else {
            Err(format!(
                "{what} span {}..{} is not in the text",
                s.start, s.end
            ))
        }
    };
    let sentences = &analyzed.sentences;
    for (i, s) in sentences.iter().enumerate() {
        span(&format!("sentence {i}"), &s.span)?;
        for (j, t) in s.tokens.iter().enumerate() {
            span(&format!("token {j} of sentence {i}"), &t.span)?;
            if t.head.is_some_and(|h| h >= s.tokens.len()) {
                return Err(format!("token {j} of sentence {i} has no such head"));
            }
        }
    }
    let tokens = |what: &str, sentence: usize, range: &std::ops::Range<usize>| {
        let n = sentences.get(sentence).map(|s| s.tokens.len());
        match n {
            None => Err(format!(
                "{what} is in sentence {sentence}, which is not there"
            )),
            Some(n) if range.start > range.end || range.end > n => Err(format!(
                "{what} covers tokens {}..{} of a sentence of {n}",
                range.start, range.end
            )),
            Some(_) => Ok(()),
        }
    };
    for (i, e) in analyzed.entities.iter().enumerate() {
        let what = format!("named entity {i}");
        tokens(&what, e.sentence, &e.tokens)?;
        span(&what, &e.span)?;
    }
    let entities = facts.entities.len();
    for (i, m) in facts.mentions.iter().enumerate() {
        let what = format!("mention {i}");
        tokens(&what, m.sentence, &m.tokens)?;
        span(&what, &m.span)?;
        if m.entity >= entities {
            return Err(format!(
                "{what} refers to entity {}, of {entities}",
                m.entity
            ));
        }
    }
    let argument = |i: usize, a: &Argument| match a {
        Argument::Entity(e) if *e >= entities => {
            Err(format!("fact {i} refers to entity {e}, of {entities}"))
        }
        Argument::Statement(f) if *f >= facts.facts.len() => Err(format!(
            "fact {i} refers to fact {f}, of {}",
            facts.facts.len()
        )),
        _ => Ok(()),
    };
    for (i, f) in facts.facts.iter().enumerate() {
        if f.sentence >= sentences.len() {
            return Err(format!(
                "fact {i} is in sentence {}, which is not there",
                f.sentence
            ));
        }
        argument(i, &f.subject)?;
        argument(i, &f.object)?;
        if let Some(a) = &f.attributed_to {
            argument(i, a)?;
        }
    }
    Ok(())
}

/// Feeds the lines of the docfacts files `paths` to `f` in batches of
/// [`BATCH`], failures in their place among them. `-` is standard input; a
/// folder stands for its files (not those whose name starts with `.` or
/// `_`, such as Hadoop's `_SUCCESS` and `.crc` files), in name order, as a
/// Spark job's output folder holds its parts; gzip is recognised by its
/// first bytes. A file that cannot be read is one failure, a read error
/// ends that file (nothing after it can be trusted), blank lines are
/// skipped.
pub(super) fn for_each_batch(
    paths: &[PathBuf],
    mut f: impl FnMut(Vec<Result<RawLine, Failure>>) -> crate::Result<()>,
) -> crate::Result<()> {
    let mut batch = Vec::with_capacity(BATCH);
    for path in paths {
        for file in files(path) {
            let (path, mut reader, gzip) = match file.and_then(open) {
                Ok(opened) => opened,
                Err(e) => {
                    batch.push(Err(Failure::Input(e)));
                    continue;
                }
            };
            let mut line = 0;
            loop {
                let mut bytes = Vec::new();
                line += 1;
                match reader.read_until(b'\n', &mut bytes) {
                    Ok(0) => break,
                    Ok(_) if bytes.iter().all(u8::is_ascii_whitespace) => continue,
                    Ok(_) => batch.push(Ok(RawLine {
                        path: path.clone(),
                        line,
                        bytes,
                    })),
                    Err(source) => {
                        batch.push(Err(Failure::Input(read_error(&path, gzip, source))));
                        break;
                    }
                }
                if batch.len() == BATCH {
                    f(std::mem::take(&mut batch))?;
                }
            }
        }
    }
    if !batch.is_empty() {
        f(batch)?;
    }
    Ok(())
}

/// The files `path` stands for: itself, or a folder's files (see
/// [`for_each_batch`]).
fn files(path: &Path) -> Vec<Result<PathBuf, InputError>> {
    if path.as_os_str() == "-" || !path.is_dir() {
        return vec![Ok(path.to_owned())];
    }
    let entries = match std::fs::read_dir(path) {
        Ok(entries) => entries,
        Err(source) => {
            return vec![Err(InputError::Io {
                path: path.to_owned(),
                source,
            })]
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                let p = entry.path();
                if !name.starts_with(['.', '_']) && !p.is_dir() {
                    files.push(p);
                }
            }
            Err(source) => {
                return vec![Err(InputError::Io {
                    path: path.to_owned(),
                    source,
                })]
            }
        }
    }
    files.sort();
    files.into_iter().map(Ok).collect()
}

/// A reader of a docfacts file's lines, decompressed when it is gzip (the
/// flag says whether it is).
fn open(path: PathBuf) -> Result<(PathBuf, Box<dyn BufRead>, bool), InputError> {
    let raw: Box<dyn Read> = if path.as_os_str() == "-" {
        Box::new(io::stdin())
    } else {
        match std::fs::File::open(&path) {
            Ok(file) => Box::new(file),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(InputError::Missing { path })
            }
            Err(source) => return Err(InputError::Io { path, source }),
        }
    };
    let mut reader = BufReader::with_capacity(256 * 1024, raw);
    let gzip = match reader.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(source) => return Err(InputError::Io { path, source }),
    };
    if gzip {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        let lines = BufReader::with_capacity(256 * 1024, decoder);
        return Ok((path, Box::new(lines), true));
    }
    Ok((path, Box::new(reader), false))
}

/// A failed read: for gzip data, the decoder's (a truncated or corrupt
/// file), else an I/O error. Either ends the file.
fn read_error(path: &Path, gzip: bool, source: io::Error) -> InputError {
    if gzip {
        InputError::Gzip {
            path: path.to_owned(),
            source,
        }
    } else {
        InputError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Document;
    use crate::kg::Resolver;
    use crate::nlp::Analyzer;
    use crate::pipeline::{run_info, Engine};

    /// An invented article with names, a role, a bare surname and a quote:
    /// every part of a line is filled.
    const TEXT: &str = "Ana Lind, the mayor of Ostvik, rejected the harbour levy on Monday.\n\n\
        Lind said the Baltic Ferry Authority (BFA) would not raise fares. \
        \"We will not pay,\" the BFA said.";

    fn engine() -> Engine {
        match Engine::load(&Analyzer::default_dir()) {
            Ok(engine) => engine,
            Err(e) => panic!("models: {e}"),
        }
    }

    fn line_of(facts: &DocFacts, run: &RunInfo) -> Vec<u8> {
        let mut out = Vec::new();
        if let Err(e) = write_docfacts(&mut out, facts, run) {
            panic!("{e}");
        }
        out
    }

    fn raw(bytes: &[u8], line: u64) -> RawLine {
        RawLine {
            path: PathBuf::from("d.jsonl"),
            line,
            bytes: bytes.to_vec(),
        }
    }

    /// The message of parsing `bytes` as line 7 of `d.jsonl`, or "ok".
    fn message(bytes: &[u8], run: &RunInfo) -> String {
        match parse(raw(bytes, 7), run) {
            Ok(_) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_line_reads_back_as_written() {
        let engine = engine();
        let run = run_info(&engine.analyzer);
        let facts = engine.extract_document(Document::from_text("a.txt", TEXT));
        assert!(!facts.facts.is_empty() && !facts.mentions.is_empty());
        let line = line_of(&facts, &run);
        assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1);
        assert!(line.starts_with(b"{\"docfacts\":1,\"software\":\"newskg "));
        match parse(raw(&line, 1), &run) {
            Ok(back) => assert_eq!(back, facts),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_line_that_cannot_be_used_is_named_by_file_and_line() {
        let engine = engine();
        let run = run_info(&engine.analyzer);
        let facts = engine.extract_document(Document::from_text("a.txt", TEXT));
        let line = String::from_utf8(line_of(&facts, &run)).unwrap_or_default();
        let cases = [
            (
                "{\"docfacts\":1,".to_string(),
                "d.jsonl:7: malformed docfacts line: not valid JSON",
            ),
            ("[1, 2]".into(), "d.jsonl:7: malformed docfacts line: not a docfacts object"),
            (
                "{\"text\":\"an article, not docfacts\"}".into(),
                "d.jsonl:7: malformed docfacts line: no `docfacts` version field (is it a line of `extract --format docfacts`?)",
            ),
            (
                line.replacen("{\"docfacts\":1,", "{\"docfacts\":2,", 1),
                "d.jsonl:7: docfacts format version 2, but this newskg reads version 1 only (make the docfacts again with this newskg's `extract --format docfacts`)",
            ),
            (
                line.replacen("{\"docfacts\":1,", "{\"docfacts\":\"1\",", 1),
                "d.jsonl:7: docfacts format version \"1\", but this newskg reads version 1 only",
            ),
            (
                line.replacen("\"software\":\"newskg ", "\"software\":\"newskg 9", 1),
                "d.jsonl:7: made by newskg 9",
            ),
            (
                line.replacen(" gazetteer=", " gazetteer=00", 1),
                " with models gazetteer=00",
            ),
            (
                line.replacen("\"mentions\":[", "\"mentions\":[7,", 1),
                "d.jsonl:7: malformed docfacts line: not a docfacts object",
            ),
            (
                line.replacen("\"entity\":0", "\"entity\":99", 1),
                "d.jsonl:7: inconsistent docfacts line: mention ",
            ),
            (
                line.replacen("Ana Lind, the mayor", "Ana Lind, the MAYOR", 1),
                "d.jsonl:7: inconsistent docfacts line: document id ",
            ),
            (line.clone(), "ok"),
        ];
        for (bytes, expected) in cases {
            let got = message(bytes.as_bytes(), &run);
            assert!(
                got.starts_with(expected) || (expected.starts_with(' ') && got.contains(expected)),
                "\nexpected: {expected}\ngot:      {got}\n"
            );
        }
    }

    /// Damaged lines (bytes replaced at seeded places) are refused or read;
    /// what is read, the resolver and the RDF mapping take without a panic.
    #[test]
    fn no_damaged_line_panics() {
        let engine = engine();
        let run = run_info(&engine.analyzer);
        let facts = engine.extract_document(Document::from_text("a.txt", TEXT));
        let line = line_of(&facts, &run);
        let mut seed: u64 = 0x5eed;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let mut read = 0;
        for _ in 0..400 {
            let mut bytes = line.clone();
            for _ in 0..1 + next(3) {
                let at = next(bytes.len());
                bytes[at] = b"09}]\"-,1"[next(8)];
            }
            if let Ok(facts) = parse(raw(&bytes, 1), &run) {
                read += 1;
                let mut resolver = Resolver::with_gazetteer(engine.gazetteer().clone());
                let ids = resolver.resolve(&facts);
                let entities: Vec<_> = ids.iter().filter_map(|id| resolver.get(id)).collect();
                assert!(!crate::rdf::doc_quads(&facts, &ids, &entities, &run).is_empty());
            }
        }
        // Most damage lands in numbers and text that still read.
        assert!(read > 0, "no damaged line was readable");
    }
}
