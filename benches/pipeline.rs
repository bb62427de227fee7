// A benchmark is a program: it may print and stop on a broken set-up.
#![allow(clippy::print_stderr, clippy::expect_used)]

//! Throughput of each stage on real news: tokenize; tokenize+tag+parse (and
//! the same with each parser beam width, for issue 13's table); the
//! full analysis (+ NER); + coreference and cross-document resolution;
//! analysis + extraction; single thread and all threads. Two more lines time
//! NER alone and coreference + resolution alone on documents analysed before
//! the timed loop, so the cost of each can be read off directly. Issue #4's
//! budget: NER + coreference + resolution at most 30% of tokenize+tag+parse.
//!
//! Reads `../shared/data/bench/news-21k.jsonl.gz` (or `$NEWSKG_BENCH_CORPUS`)
//! at run time; it is research-only data and is never committed. Without it
//! the benchmark prints a message and measures nothing.
//!
//! Run: `cargo bench --bench pipeline` (or `scripts/dev bench`).

use std::io::BufRead;
use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rayon::prelude::*;

use newskg::input::Document;
use newskg::kg::Resolver;
use newskg::nlp::{self, Analyzer};
use newskg::pipeline::Engine;

/// How many articles of the corpus one iteration processes.
const SAMPLE: usize = 100;

fn corpus() -> Option<Vec<Document>> {
    let path = std::env::var_os("NEWSKG_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/data/bench/news-21k.jsonl.gz"
            ))
        });
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(_) => {
            eprintln!(
                "skipped: {} not found (set NEWSKG_BENCH_CORPUS)",
                path.display()
            );
            return None;
        }
    };
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let docs = reader
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(|t| Document::from_text("bench", t)))
        .take(SAMPLE)
        .collect();
    Some(docs)
}

fn token_count(docs: &[Document]) -> u64 {
    docs.iter()
        .map(|d| nlp::tokenize(&d.text).len() as u64)
        .sum()
}

fn stages(c: &mut Criterion) {
    let Some(docs) = corpus() else { return };
    // NEWSKG_MODELS times other weights (as the CLI's --models does).
    let models = std::env::var_os("NEWSKG_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(Analyzer::default_dir);
    let engine = Engine::load(&models).expect("models load");
    let tokens = token_count(&docs);
    let mut group = c.benchmark_group("news");
    group.sample_size(10);
    group.warm_up_time(std::time::Duration::from_secs(1));
    group.measurement_time(std::time::Duration::from_secs(5));
    group.throughput(Throughput::Elements(tokens));

    group.bench_function("tokenize", |b| {
        b.iter(|| {
            let n: usize = docs.iter().map(|d| nlp::tokenize(&d.text).len()).sum();
            assert_eq!(n as u64, tokens);
        })
    });
    group.bench_function("tokenize+tag+parse/1-thread", |b| {
        b.iter(|| {
            let mut n = 0;
            for d in &docs {
                let spans = nlp::tokenize(&d.text);
                for range in nlp::split_sentences(&d.text, &spans) {
                    let mut s = sentence(&d.text, &spans[range]);
                    engine.analyzer.analyze_sentence(&mut s);
                    n += s.tokens.len();
                }
            }
            assert_eq!(n as u64, tokens);
        })
    });
    // Issue 13's speed/accuracy table: the same parser weights decoded with
    // each beam width (the shipped width is the line above), with the
    // file's threshold-pruning margin or NEWSKG_BEAM_MARGIN's.
    let margin = std::env::var("NEWSKG_BEAM_MARGIN")
        .ok()
        .and_then(|m| m.parse::<f32>().ok());
    for width in [1, 2, 4, 8] {
        let mut analyzer = Analyzer::load(&models)
            .expect("models load")
            .with_parser_beam(width);
        if let Some(m) = margin {
            analyzer = analyzer.with_parser_beam_margin(m);
        }
        group.bench_function(format!("tokenize+tag+parse/beam-{width}"), |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    let spans = nlp::tokenize(&d.text);
                    for range in nlp::split_sentences(&d.text, &spans) {
                        let mut s = sentence(&d.text, &spans[range]);
                        analyzer.analyze_sentence(&mut s);
                        n += s.tokens.len();
                    }
                }
                assert_eq!(n as u64, tokens);
            })
        });
    }
    group.bench_function("analyze (with NER)/1-thread", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| engine.analyzer.analyze(d.clone()).sentences.len())
                .sum();
            assert!(n > 0);
        })
    });
    group.bench_function("analyze+NER+coref+resolve/1-thread", |b| {
        b.iter(|| {
            let mut resolver = Resolver::new(Vec::new());
            let n: usize = docs
                .iter()
                .map(|d| {
                    let entities = engine
                        .extractor
                        .entities(engine.analyzer.analyze(d.clone()));
                    resolver.resolve(&entities).len()
                })
                .sum();
            assert!(n > 0);
        })
    });
    // The same steps on documents analysed once, outside the timed loop.
    let analysed: Vec<nlp::AnalyzedDoc> = docs
        .iter()
        .map(|d| engine.analyzer.analyze(d.clone()))
        .collect();
    group.bench_function("NER only (analysed docs)/1-thread", |b| {
        b.iter(|| {
            let n: usize = analysed
                .iter()
                .map(|a| {
                    engine
                        .analyzer
                        .recognizer()
                        .predict(&a.doc.text, &a.sentences)
                        .len()
                })
                .sum();
            assert!(n > 0);
        })
    });
    // What the line below spends on copying each analysed document (the
    // extractor takes documents by value); subtract it to read coreference
    // and resolution alone.
    group.bench_function("clone of analysed docs (subtract from the next)", |b| {
        b.iter(|| {
            let n: usize = analysed.iter().map(|a| a.clone().sentences.len()).sum();
            assert!(n > 0);
        })
    });
    group.bench_function("coref+resolve only (analysed docs)/1-thread", |b| {
        b.iter(|| {
            let mut resolver = Resolver::new(Vec::new());
            let n: usize = analysed
                .iter()
                .map(|a| {
                    resolver
                        .resolve(&engine.extractor.entities(a.clone()))
                        .len()
                })
                .sum();
            assert!(n > 0);
        })
    });
    group.bench_function("analyze+extract/1-thread", |b| {
        b.iter(|| {
            let n: usize = docs
                .iter()
                .map(|d| engine.extract_document(d.clone()).facts.len())
                .sum();
            assert!(n > 0);
        })
    });
    group.bench_function("analyze+extract/all-threads", |b| {
        b.iter(|| {
            let n: usize = docs
                .par_iter()
                .map(|d| engine.extract_document(d.clone()).facts.len())
                .sum();
            assert!(n > 0);
        })
    });
    group.finish();
}

fn sentence(text: &str, spans: &[nlp::Span]) -> nlp::Sentence {
    let tokens: Vec<nlp::Token> = spans
        .iter()
        .map(|s| nlp::Token::unanalyzed(*s, s.of(text)))
        .collect();
    let span = nlp::Span::new(
        spans.first().map_or(0, |s| s.start),
        spans.last().map_or(0, |s| s.end),
    );
    nlp::Sentence { span, tokens }
}

criterion_group!(benches, stages);
criterion_main!(benches);
