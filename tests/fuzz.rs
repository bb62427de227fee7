//! Issue 15 item 5: fuzzing on stable Rust, without extra crates. A small
//! mutation fuzzer (seeded xorshift, so every run is reproducible from its
//! seed) feeds three targets, seeded from the repository's own fixtures and
//! example articles:
//!
//! 1. the input readers (text, HTML, JSON Lines, each also gzipped), with
//!    the default limits and small ones;
//! 2. the tokenizer and sentence splitter, with their invariants checked
//!    (spans in order, on character boundaries, sentences covering every
//!    token once);
//! 3. analysis and extraction of a whole document, where a panic (caught
//!    per document as `Failure::Internal`) is a finding;
//! 4. the SPARQL parameter binder: values of any shape bound into every
//!    named query never panic, are refused only by name, and never change
//!    the query's structure (the bound query parses back to itself).
//!
//! Each test here runs a short round (CI); the `#[ignore]`d `fuzz_long`
//! runs `NEWSKG_FUZZ_EXECS` executions per target (default 100,000) from
//! `NEWSKG_FUZZ_SEED`, and prints the counts:
//! `NEWSKG_FUZZ_EXECS=1000000 cargo test --release --test integration fuzz_long -- --ignored --nocapture`.
//! `NEWSKG_FUZZ_TARGETS=documents` (a comma list of `readers`, `tokens`,
//! `documents`, `binder`) runs only some targets, so a long whole-document run can be
//! split over processes with different seeds; the document target prints a
//! progress line every 100,000 executions.
//! A crash found becomes a regression test below, with the input that made it.

use std::path::{Path, PathBuf};

use newskg::input::{documents_with, Limits, LoadOptions};
use newskg::nlp::{split_sentences, tokenize};
use newskg::pipeline::{Engine, Failure};
use newskg::rdf::{named_queries, prepare, ROW_LIMIT};
use newskg::Document;

/// A seeded xorshift64* generator: the same seed, the same inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that reach the corners of the readers and the analysis: markup,
/// JSON, abbreviations, quotes, odd Unicode, sentence ends, names.
const DICTIONARY: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<br/>",
    "<svg>",
    "&amp;",
    "&#x0;",
    "{\"text\":\"",
    "\"}",
    "\\n",
    "\\u0000",
    "\n",
    "\n\n",
    "\r\n",
    ". ",
    "? ",
    "!\" ",
    "Mr. ",
    "U.S. ",
    "e.g. ",
    "No. 5",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "…",
    "\u{200b}",
    "\u{301}",
    "\u{feff}",
    "🙂",
    "ﬁ",
    "İ",
    "ß",
    "Mira Kessel",
    "Vantor Ferries",
    "said",
    "did not",
    "'s ",
    "(",
    ")",
    "\"",
    "-",
    "--",
    "1,250",
    "3.5%",
    "$12m",
    "Jan. 3",
    "@",
    "#",
    "http://x.org/a?b",
    "\t",
    "   ",
    "\u{0}",
    "\u{1f}",
    "A",
    "a",
];

/// One mutation of `data`, with `seeds` to splice from.
fn mutate(rng: &mut Rng, data: &mut Vec<u8>, seeds: &[Vec<u8>]) {
    let len = data.len();
    match rng.below(8) {
        0 if len > 0 => {
            let i = rng.below(len);
            data[i] ^= 1 << rng.below(8);
        }
        1 => {
            let i = rng.below(len + 1);
            data.insert(i, rng.next() as u8);
        }
        2 | 3 => {
            let i = rng.below(len + 1);
            let piece = DICTIONARY[rng.below(DICTIONARY.len())].as_bytes();
            data.splice(i..i, piece.iter().copied());
        }
        4 if len > 0 => {
            let i = rng.below(len);
            let j = (i + 1 + rng.below(64)).min(len);
            data.drain(i..j);
        }
        5 if len > 0 => {
            // Repeat a stretch: long tokens, deep nesting, long sentences.
            let i = rng.below(len);
            let j = (i + 1 + rng.below(32)).min(len);
            let piece = data[i..j].to_vec();
            for _ in 0..rng.below(50) {
                data.splice(i..i, piece.iter().copied());
            }
        }
        6 if !seeds.is_empty() => {
            let other = &seeds[rng.below(seeds.len())];
            if !other.is_empty() {
                let a = rng.below(other.len());
                let b = (a + rng.below(512)).min(other.len());
                let i = rng.below(len + 1);
                data.splice(i..i, other[a..b].iter().copied());
            }
        }
        _ if len > 0 => {
            data.truncate(rng.below(len));
        }
        _ => data.extend_from_slice(b"Mira Kessel said."),
    }
}

/// An input: a seed with a few mutations, at most 64 KiB.
fn input(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = if seeds.is_empty() {
        Vec::new()
    } else {
        seeds[rng.below(seeds.len())].clone()
    };
    for _ in 0..1 + rng.below(8) {
        mutate(rng, &mut data, seeds);
    }
    data.truncate(64 << 10);
    data
}

/// The seed corpus: the repository's fixtures and example articles (our
/// own texts; nothing from outside the repository).
fn seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures/input-files", "examples/articles"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push(bytes);
            }
        }
    }
    out.push(b"{\"id\":\"a\",\"text\":\"Mira Kessel said the ferry would run.\"}\n".to_vec());
    out.push(b"<html><body><p>Vantor Ferries hired 12 pilots.</p></body></html>".to_vec());
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// Target 1: every reader, on files of each kind; returns executions.
fn fuzz_readers(rng: &mut Rng, execs: usize) -> usize {
    let seeds = seeds();
    let dir = tempfile::tempdir().unwrap();
    let small = LoadOptions {
        limits: Limits {
            max_decompressed_bytes: 4096,
            max_document_bytes: 2048,
            max_line_bytes: 512,
            max_html_depth: 8,
            ..Limits::default()
        },
        ..LoadOptions::default()
    };
    for i in 0..execs {
        let data = input(rng, &seeds);
        let ext = [
            "txt", "html", "jsonl", "txt.gz", "html.gz", "jsonl.gz", "dat",
        ][i % 7];
        let bytes = if ext.ends_with(".gz") && rng.below(4) > 0 {
            let mut packed = gzip(&data);
            if rng.below(4) == 0 {
                let cut = rng.below(packed.len());
                packed.truncate(cut);
            }
            packed
        } else {
            data
        };
        let path = dir.path().join(format!("f.{ext}"));
        std::fs::write(&path, &bytes).unwrap();
        let options = if i % 2 == 0 {
            LoadOptions::default()
        } else {
            small.clone()
        };
        for doc in documents_with(std::slice::from_ref(&path), options).flatten() {
            // What the readers promise: text that the offsets index.
            assert!(doc.line_index.line_of(0).is_some() || doc.text.is_empty());
        }
    }
    execs
}

/// Target 2: tokenizer and sentence splitter, invariants checked.
fn fuzz_tokens(rng: &mut Rng, execs: usize) -> usize {
    let seeds = seeds();
    for _ in 0..execs {
        let text = String::from_utf8_lossy(&input(rng, &seeds)).into_owned();
        let spans = tokenize(&text);
        let mut last = 0;
        for s in &spans {
            assert!(
                s.start < s.end && s.start >= last && s.end <= text.len(),
                "span {s:?} after {last} in {text:?}"
            );
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
                "span {s:?} cuts a character in {text:?}"
            );
            last = s.end;
        }
        let mut next = 0;
        for r in split_sentences(&text, &spans) {
            assert_eq!(
                r.start, next,
                "sentences skip or overlap tokens in {text:?}"
            );
            assert!(r.end > r.start && r.end <= spans.len());
            next = r.end;
        }
        assert_eq!(
            next,
            spans.len(),
            "tokens left out of sentences in {text:?}"
        );
    }
    execs
}

/// Target 3: analysis and extraction of whole documents; a panic is a
/// finding (the engine catches it per document as `Failure::Internal`).
fn fuzz_documents(rng: &mut Rng, execs: usize, engine: &Engine) -> usize {
    let seeds = seeds();
    let started = std::time::Instant::now();
    for i in 0..execs {
        if i > 0 && i % 100_000 == 0 {
            eprintln!("whole documents: {i} executions, {:.0?}", started.elapsed());
        }
        let data = input(rng, &seeds);
        let mut text = String::from_utf8_lossy(&data).into_owned();
        let mut cut = text.len().min(8 << 10);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        let doc = Document::from_text("fuzz.txt", &text);
        if let Err(failure @ Failure::Internal { .. }) = engine.try_extract_document(doc) {
            panic!("{failure}\ninput: {text:?}");
        }
    }
    execs
}

/// Values that SPARQL would read as syntax, for the binder target to
/// start from and mutate.
const HOSTILE_VALUES: &[&str] = &[
    "Mira \"Kessel\"",
    "Vantor\" } ; DROP ALL ; { \"",
    "close } brace",
    "two\nlines\r\nand a tab\t",
    "angle > bracket <",
    "<http://example.com/a b>",
    "<http://example.com/vantor>",
    "id:entity/vantor-ferries",
    "'single' \\ backslash",
    "# not a comment",
    "?name $other",
    ") . } UNION { ?s ?p ?o",
    "",
];

/// Target 4: the SPARQL parameter binder. Every named query takes a
/// mutated value for each of its parameters: binding never panics; a value
/// it refuses is refused by its parameter's name; and the bound query is
/// the query bound with a plain value, but for the term the value became
/// (the value stayed one term and changed no structure).
fn fuzz_binder(rng: &mut Rng, execs: usize) -> usize {
    let queries = named_queries();
    let values: Vec<Vec<u8>> = HOSTILE_VALUES
        .iter()
        .map(|v| v.as_bytes().to_vec())
        .collect();
    for i in 0..execs {
        let query = &queries[i % queries.len()];
        let names: Vec<&str> = query.params.iter().map(|p| p.name.as_str()).collect();
        let params: Vec<(String, String)> = names
            .iter()
            .map(|name| {
                let mut value = input(rng, &values);
                value.truncate(512);
                (
                    name.to_string(),
                    String::from_utf8_lossy(&value).into_owned(),
                )
            })
            .collect();
        // The row limit (issue 14) sets the query's cut, not only a term:
        // the reference takes the same value for it.
        let plain: Vec<(String, String)> = params
            .iter()
            .map(|(name, value)| match name.as_str() {
                ROW_LIMIT => (name.clone(), value.clone()),
                _ => (name.clone(), "plain".to_string()),
            })
            .collect();
        let reference = prepare(query.sparql, &plain)
            .map(|p| without_bound_terms(&p.sparql(), &names))
            .unwrap_or_default();
        match prepare(query.sparql, &params) {
            Ok(bound) => {
                assert_eq!(
                    without_bound_terms(&bound.sparql(), &names),
                    reference,
                    "{}: {params:?} changed the query",
                    query.name
                );
            }
            Err(e) => {
                let message = e.to_string();
                assert!(
                    params
                        .iter()
                        .any(|(name, _)| message.starts_with(&format!("parameter {name}: "))),
                    "{}: {params:?} refused without naming the parameter: {message}",
                    query.name
                );
            }
        }
    }
    execs
}

/// The shape of a bound query: `sparql` with the term of each `VALUES (
/// ?name ) { ( term ) }` of a parameter replaced by `_` (a string literal read to
/// its closing quote, escapes skipped, with any language tag or datatype;
/// an IRI to its `>`), and the variables the parser names by a hash for
/// each aggregate (new ones at every parse) by `?_`.
fn without_bound_terms(sparql: &str, names: &[&str]) -> String {
    let mut out = without_hashed_variables(sparql);
    for name in names {
        let opening = format!("VALUES ( ?{name} ) {{ ( ");
        let mut from = 0;
        while let Some(at) = out[from..].find(&opening).map(|i| from + i + opening.len()) {
            let rest = &out[at..];
            let mut end = match rest.chars().next() {
                Some('"') => {
                    let mut escaped = false;
                    let mut close = None;
                    for (i, c) in rest.char_indices().skip(1) {
                        match c {
                            _ if escaped => escaped = false,
                            '\\' => escaped = true,
                            '"' => {
                                close = Some(i + 1);
                                break;
                            }
                            _ => {}
                        }
                    }
                    close.unwrap_or(rest.len())
                }
                Some('<') => rest.find('>').map_or(rest.len(), |i| i + 1),
                _ => rest.find(' ').unwrap_or(rest.len()),
            };
            // A language tag or a datatype after a literal.
            end += rest[end..].find(' ').unwrap_or(rest.len() - end);
            out.replace_range(at..at + end, "_");
            from = at + 1;
        }
    }
    out
}

/// `text` with every variable named by 16 or more hex digits as `?_`.
fn without_hashed_variables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('?') {
        out.push_str(&rest[..i]);
        let name = &rest[i + 1..];
        // Lengths in bytes (the name may hold any character).
        let end_of = |keep: fn(char) -> bool| {
            name.char_indices()
                .find(|&(_, c)| !keep(c))
                .map_or(name.len(), |(i, _)| i)
        };
        let hex = end_of(|c| c.is_ascii_hexdigit());
        let word = end_of(|c| c.is_alphanumeric() || c == '_');
        if hex >= 16 && hex == word {
            out.push_str("?_");
        } else {
            out.push_str(&rest[i..i + 1 + word]);
        }
        rest = &name[word..];
    }
    out.push_str(rest);
    out
}

fn engine() -> Engine {
    Engine::load(&crate::util::models()).unwrap()
}

#[test]
fn readers_never_panic() {
    fuzz_readers(&mut Rng(0x5eed_0001), 300);
}

#[test]
fn tokens_and_sentences_keep_their_invariants() {
    fuzz_tokens(&mut Rng(0x5eed_0002), 2_000);
}

#[test]
fn bound_parameters_never_change_a_query() {
    // The comparison sees what it must: another term is the same shape,
    // one more pattern is not.
    let q = "SELECT ?e WHERE { VALUES ( ?label ) { ( \"a\" )  } ?e ?p ?label . }";
    let other = q.replace("\"a\"", "\"b } . ?s ?p ?oİ { \\\" x\"");
    let pasted = q.replace("?label . }", "?label . ?e ?q ?o . }");
    let shape = |text: &str| without_bound_terms(text, &["label"]);
    assert_eq!(shape(q), shape(&other));
    assert_ne!(shape(q), shape(&pasted));
    fuzz_binder(&mut Rng(0x5eed_0004), 2_000);
}

#[test]
fn whole_documents_never_panic() {
    fuzz_documents(&mut Rng(0x5eed_0003), 150, &engine());
}

/// The long run (see the module doc).
#[test]
#[ignore]
fn fuzz_long() {
    let execs = std::env::var("NEWSKG_FUZZ_EXECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let seed = std::env::var("NEWSKG_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1000_u64);
    let targets = std::env::var("NEWSKG_FUZZ_TARGETS")
        .unwrap_or_else(|_| "readers,tokens,documents,binder".to_string());
    let wanted = |name: &str| targets.split(',').any(|t| t.trim() == name);
    // Runs one target and prints its count and time.
    let timed = |what: &str, outcome: &str, run: &mut dyn FnMut() -> usize| {
        let started = std::time::Instant::now();
        let n = run();
        eprintln!(
            "{what}: {n} executions, 0 {outcome}, {:.0?}",
            started.elapsed()
        );
    };
    if wanted("readers") {
        timed("readers", "panics", &mut || {
            fuzz_readers(&mut Rng(seed), execs / 10)
        });
    }
    if wanted("tokens") {
        timed("tokenizer + splitter", "failures", &mut || {
            fuzz_tokens(&mut Rng(seed + 1), execs)
        });
    }
    if wanted("binder") {
        timed("parameter binder", "failures", &mut || {
            fuzz_binder(&mut Rng(seed + 3), execs)
        });
    }
    if wanted("documents") {
        let engine = engine();
        timed("whole documents", "panics", &mut || {
            fuzz_documents(&mut Rng(seed + 2), execs, &engine)
        });
    }
}
