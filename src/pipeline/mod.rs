//! The stages chained: the one place `input → nlp → extract → kg → rdf` is
//! wired. The CLI, the examples, the tests and the benches all call these.
//!
//! A run splits in two at the [`DocFacts`]: analysis and extraction are a
//! pure map from a document to its facts ([`extract_documents`], which
//! [`write_docfacts`] writes as a line), and resolution and storage a cheap
//! reduce over them in input order ([`ingest_docfacts`]). [`ingest`] does
//! both in one process; its storage half is the reduce's, so the two store
//! the same quads (issue 14, item 3).
//!
//! Documents are analysed in parallel (rayon, in batches; for ingest, on a
//! thread of its own ahead of storage), but resolved in input order and
//! stored in that order, so that entity ids and store contents do not
//! depend on thread timing.
//!
//! One document never costs the others: an input that cannot be read, and a
//! document whose analysis or extraction panics (a bug, caught per document
//! with `catch_unwind`), become a [`Failure`] in the report and the batch
//! goes on (issue 9, item 8).
//!
//! For tests, the program panics on purpose while analysing any document
//! whose text contains the value of the environment variable
//! `NEWSKG_TEST_PANIC_ON`, so that the catching can be tested on the real
//! binary (release builds too: CI tests those) without a real bug.

mod docfacts;
mod fact_training;
mod failure;
mod records;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

pub use docfacts::{write_docfacts, DocFactsError, DOCFACTS_VERSION};
pub use fact_training::{
    fact_key, train_facts, FactTrainOptions, FactTrainReport, REDOCRED_DOCUMENTS,
};
pub use failure::{Failure, Warning};
pub use records::{
    entity_iri, entity_records, fact_records, has_record, write_tsv, ArgumentRecord, EntityRecord,
    FactRecord, RecordWriter,
};

use crate::extract::{DocFacts, Extractor, FactClassifier, Feature};
use crate::input::{self, Document, InputError, Limits, LoadOptions};
use crate::kg::{EntityId, Resolver};
use crate::nlp::{AnalyzedDoc, Analyzer, Gazetteer, ModelSource};
use crate::rdf::{Batch, IngestOutcome, IngestStore, RunInfo};
use crate::Result;

/// How many documents are analysed together before they are resolved and
/// stored. Large enough to keep every core busy, small enough to bound memory.
const BATCH: usize = 64;

/// The loaded models: analysis and extraction. Build once per process.
pub struct Engine {
    /// Tokens, tags, parse, names.
    pub analyzer: Analyzer,
    /// Mentions, coreference, facts.
    pub extractor: Extractor,
    /// The limits on sentence length and entities per document (the input
    /// ones are applied while reading, from [`LoadOptions::limits`]).
    pub limits: Limits,
}

impl Engine {
    /// Loads every model from `dir` (see [`Analyzer::load`]).
    pub fn load(dir: &std::path::Path) -> Result<Engine> {
        Engine::from_source(&ModelSource::Dir(dir.to_owned()))
    }

    /// Loads every model from `source`: a folder or the models built into
    /// the program, as found by [`ModelSearch`](crate::nlp::ModelSearch).
    pub fn from_source(source: &ModelSource) -> Result<Engine> {
        let analyzer = Analyzer::from_source(source)?;
        let mut extractor = Extractor::new(analyzer.gazetteer().clone());
        extractor.set_classifier(Some(FactClassifier::from_source(source)?));
        Ok(Engine {
            analyzer,
            extractor,
            limits: Limits::default(),
        })
    }

    /// The gazetteer of analysis and extraction, to share with the
    /// cross-document [`Resolver`] so that it matches places, countries and
    /// acronyms with the same table as the stages before it.
    pub fn gazetteer(&self) -> &std::sync::Arc<crate::nlp::Gazetteer> {
        self.extractor.gazetteer()
    }

    /// Analysis and extraction of one document (long sentences analysed in
    /// pieces, as [`Engine::limits`] says; the entity limit is checked only
    /// by [`Engine::try_extract_document`], which can refuse).
    pub fn extract_document(&self, doc: Document) -> DocFacts {
        let (analyzed, _long) = self.analyzer.analyze_within(doc, &self.limits);
        self.extractor.extract(analyzed)
    }

    /// Like [`Engine::try_extract_document`], with what was done to keep the
    /// document within [`Engine::limits`].
    pub fn try_extract_checked(&self, doc: Document) -> Result<(DocFacts, Vec<Warning>), Failure> {
        self.catching(doc, |doc| {
            let (analyzed, warnings) = self.analyze_checked(doc)?;
            Ok((self.extractor.extract(analyzed), warnings))
        })
    }

    /// Analyses `doc` within [`Engine::limits`]: its long sentences in
    /// pieces (each a [`Warning`]), and a document over the entity limit
    /// refused before any later stage spends time on it.
    fn analyze_checked(&self, doc: Document) -> Result<(AnalyzedDoc, Vec<Warning>), Failure> {
        let (path, line) = failure::location(&doc);
        let (analyzed, long) = self.analyzer.analyze_within(doc, &self.limits);
        let source = &analyzed.doc.source;
        if analyzed.entities.len() > self.limits.max_entities {
            return Err(Failure::TooManyEntities {
                path,
                line,
                document: source.clone(),
                count: analyzed.entities.len(),
                limit: self.limits.max_entities,
            });
        }
        let warnings = long
            .into_iter()
            .map(|l| Warning::LongSentence {
                path: path.clone(),
                line: analyzed.doc.line_index.line_of(l.byte_start),
                document: source.clone(),
                byte_start: l.byte_start,
                tokens: l.tokens,
                pieces: l.pieces,
                limit: l.limit,
            })
            .collect();
        Ok((analyzed, warnings))
    }

    /// Like [`Engine::extract_document`], but a panic while analysing or
    /// extracting (a bug) is caught and returned as [`Failure::Internal`]
    /// naming the document, so that a batch can go on with the others.
    ///
    /// ```
    /// use newskg::nlp::Analyzer;
    /// use newskg::pipeline::Engine;
    /// use newskg::Document;
    ///
    /// let engine = Engine::load(&Analyzer::default_dir())?;
    /// let facts = engine.try_extract_document(Document::from_text("-", "We watched The"));
    /// assert!(facts.is_ok());
    /// # Ok::<(), newskg::Error>(())
    /// ```
    pub fn try_extract_document(&self, doc: Document) -> Result<DocFacts, Failure> {
        self.try_extract_checked(doc).map(|(facts, _)| facts)
    }

    /// Like [`Engine::try_extract_document`], with the fact classifier's
    /// features of every fact kept (see
    /// [`Extractor::extract_with_features`]): what `newskg train facts`
    /// learns from.
    pub fn try_extract_with_features(
        &self,
        doc: Document,
    ) -> Result<(DocFacts, Vec<Vec<Feature>>), Failure> {
        self.try_extract_with_features_checked(doc)
            .map(|(facts, features, _)| (facts, features))
    }

    /// [`Engine::try_extract_with_features`] with the warnings.
    fn try_extract_with_features_checked(&self, doc: Document) -> Checked<Vec<Vec<Feature>>> {
        self.catching(doc, |doc| {
            let (analyzed, warnings) = self.analyze_checked(doc)?;
            let (facts, features) = self.extractor.extract_with_features(analyzed);
            Ok((facts, features, warnings))
        })
    }

    /// Runs `work` on `doc`, a panic caught and returned as
    /// [`Failure::Internal`] naming the document.
    fn catching<T>(
        &self,
        doc: Document,
        work: impl FnOnce(Document) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let (path, line) = failure::location(&doc);
        let source = doc.source.clone();
        // Prediction only reads the models (`&self`), so a panic cannot leave
        // the engine half-updated: asserting unwind safety is sound.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            failure::test_panic(&doc.text);
            work(doc)
        }))
        .map_err(|payload| Failure::Internal {
            path,
            line,
            document: source,
            message: failure::panic_message(payload.as_ref()),
        })
        .and_then(|result| result)
    }
}

/// One document's facts, what else the work on it gave, and the warnings
/// about it; or why it was skipped.
type Checked<T> = Result<(DocFacts, T, Vec<Warning>), Failure>;

/// What [`extract`] did.
#[derive(Debug, Default)]
pub struct ExtractReport {
    /// Documents read and extracted.
    pub documents: usize,
    /// Repeated paragraphs left out of the documents (see [`LoadOptions`]).
    pub dropped_repeats: usize,
    /// Inputs that could not be read or analysed, in input order.
    pub failures: Vec<Failure>,
    /// What was done to keep documents within the limits, in input order.
    pub warnings: Vec<Warning>,
}

/// Reads every document under `paths` (as `load` says), extracts its facts
/// and resolves its entities with `resolver`; calls `sink` for each document
/// in input order. An input that cannot be read or analysed is recorded in
/// the report and the others go on.
pub fn extract(
    engine: &Engine,
    paths: &[PathBuf],
    load: &LoadOptions,
    resolver: &mut Resolver,
    mut sink: impl FnMut(&DocFacts, &[EntityId], &Resolver) -> std::io::Result<()>,
) -> Result<ExtractReport> {
    extract_documents(engine, paths, load, |facts| {
        let ids = resolver.resolve(facts);
        sink(facts, &ids, resolver)
    })
}

/// The map of a distributed run: reads and extracts every document under
/// `paths` as [`extract`] does, without resolving anything across
/// documents, and calls `sink` with each document's facts in input order
/// (write them with [`write_docfacts`]; [`ingest_docfacts`] is the reduce).
/// Each document's facts depend on that document alone, so any split of
/// the input gives the same facts.
pub fn extract_documents(
    engine: &Engine,
    paths: &[PathBuf],
    load: &LoadOptions,
    mut sink: impl FnMut(&DocFacts) -> std::io::Result<()>,
) -> Result<ExtractReport> {
    extract_each(
        paths,
        load,
        |doc| {
            engine
                .try_extract_checked(doc)
                .map(|(facts, warnings)| (facts, (), warnings))
        },
        |facts, ()| sink(&facts),
    )
}

/// Like [`extract`], and `sink` also gets the fact classifier's features of
/// each fact (see [`Engine::try_extract_with_features`]).
pub fn extract_with_features(
    engine: &Engine,
    paths: &[PathBuf],
    load: &LoadOptions,
    resolver: &mut Resolver,
    mut sink: impl FnMut(&DocFacts, Vec<Vec<Feature>>, &[EntityId], &Resolver) -> std::io::Result<()>,
) -> Result<ExtractReport> {
    extract_each(
        paths,
        load,
        |doc| engine.try_extract_with_features_checked(doc),
        |facts, features| {
            let ids = resolver.resolve(&facts);
            sink(&facts, features, &ids, resolver)
        },
    )
}

/// Reads the documents under `paths` in batches, runs `work` on each batch's
/// documents in parallel and hands each to `sink` in input order, with what
/// `work` returned besides the facts.
fn extract_each<T: Send>(
    paths: &[PathBuf],
    load: &LoadOptions,
    work: impl Fn(Document) -> Checked<T> + Sync,
    mut sink: impl FnMut(DocFacts, T) -> std::io::Result<()>,
) -> Result<ExtractReport> {
    let mut report = ExtractReport::default();
    for_each_batch(paths, load, |batch| {
        report.dropped_repeats += batch
            .iter()
            .filter_map(|d| d.as_ref().ok())
            .map(|d| d.dropped_repeats)
            .sum::<usize>();
        let results: Vec<Checked<T>> = batch
            .into_par_iter()
            .map(|item| item.and_then(&work))
            .collect();
        for item in results {
            let (facts, extra, warnings) = match item {
                Ok(done) => done,
                Err(failure) => {
                    report.failures.push(failure);
                    continue;
                }
            };
            report.warnings.extend(warnings);
            report.documents += 1;
            sink(facts, extra).map_err(crate::Error::Output)?;
        }
        Ok(())
    })?;
    Ok(report)
}

/// Analyses and extracts the documents of a batch in parallel; failures pass
/// through, so the output keeps the input order.
fn extract_batch(
    engine: &Engine,
    batch: Vec<Result<Document, Failure>>,
) -> Vec<Result<(DocFacts, Vec<Warning>), Failure>> {
    batch
        .into_par_iter()
        .map(|item| item.and_then(|doc| engine.try_extract_checked(doc)))
        .collect()
}

/// Open IE tuples in CaRB's format for every line of `paths` (one sentence
/// per line; `-` is standard input): `sentence TAB confidence TAB relation
/// TAB arg1 TAB arg2 …`. Lines are analysed in parallel, written in order.
pub fn carb(
    engine: &Engine,
    paths: &[PathBuf],
    verbless: bool,
    out: &mut dyn std::io::Write,
) -> Result<ExtractReport> {
    use std::io::BufRead;
    let mut report = ExtractReport::default();
    for path in paths {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(source) => {
                    report.failures.push(Failure::Input(InputError::Io {
                        path: path.clone(),
                        source,
                    }));
                    continue;
                }
            }
        };
        let mut lines = Vec::new();
        for (n, line) in reader.lines().enumerate() {
            match line {
                Ok(l) if !l.trim().is_empty() => lines.push((n as u64 + 1, l)),
                Ok(_) => {}
                Err(source) => {
                    report.failures.push(Failure::Input(InputError::Io {
                        path: path.clone(),
                        source,
                    }));
                    break;
                }
            }
        }
        let docs: Vec<_> = lines
            .par_iter()
            .map(|(n, l)| {
                let doc = Document::from_text(path.display().to_string(), l.trim());
                // As in `try_extract_document`: prediction only reads the models.
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    failure::test_panic(&doc.text);
                    engine.analyzer.analyze_as_sentence(doc)
                }))
                .map_err(|payload| Failure::Internal {
                    path: path.clone(),
                    line: Some(*n),
                    document: path.display().to_string(),
                    message: failure::panic_message(payload.as_ref()),
                })
            })
            .collect();
        for doc in docs {
            match doc {
                Ok(doc) => {
                    crate::extract::carb::write_carb(&mut &mut *out, &doc, verbless)
                        .map_err(crate::Error::Output)?;
                    report.documents += 1;
                }
                Err(failure) => report.failures.push(failure),
            }
        }
    }
    Ok(report)
}

/// What [`ingest`] did.
#[derive(Debug, Default)]
pub struct IngestReport {
    /// Documents not stored before.
    pub new: usize,
    /// Documents whose content was already stored (nothing changed).
    pub unchanged: usize,
    /// Documents that replaced an older version from the same source.
    pub replaced: usize,
    /// Facts stored (of new and replaced documents).
    pub facts: usize,
    /// Tokens analysed (of new and replaced documents).
    pub tokens: usize,
    /// Entities in the store afterwards.
    pub entities: usize,
    /// Document entities linked to an entity already known.
    pub merges: usize,
    /// Repeated paragraphs left out of the documents read (see
    /// [`LoadOptions::repeat_min_words`]).
    pub dropped_repeats: usize,
    /// Inputs that could not be read or analysed, in input order.
    pub failures: Vec<Failure>,
    /// What was done to keep documents within the limits, in input order.
    pub warnings: Vec<Warning>,
    /// Wall time.
    pub seconds: f64,
}

/// How an ingest goes so far, for a progress display: counts since it began.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct IngestProgress {
    /// Inputs done: documents stored, found unchanged or failed.
    pub inputs: usize,
    /// Facts of the documents resolved so far (stored, or in the batch
    /// being gathered).
    pub facts: usize,
    /// Tokens of those documents.
    pub tokens: usize,
}

/// How [`ingest`] stores documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IngestOptions {
    /// New documents stored together in one batch (see
    /// [`Store::commit_batch`](crate::rdf::Store::commit_batch)): more is faster, and a crash costs at most
    /// this many documents' work. At least 1.
    pub batch_documents: usize,
}

impl Default for IngestOptions {
    fn default() -> IngestOptions {
        IngestOptions {
            batch_documents: DEFAULT_BATCH_DOCUMENTS,
        }
    }
}

/// New documents a storage batch holds by default: about 700,000 quads of
/// news articles, under a minute of analysis on two cores. Fewer, larger
/// batches cost RocksDB less compaction: on the 21,268 articles of the news
/// bench, batches of 5,000 took about a quarter less CPU than batches of
/// 1,000 (107 s against 148 s), for 280 MiB more peak memory (README,
/// "Bulk ingest").
pub const DEFAULT_BATCH_DOCUMENTS: usize = 5000;

/// Analysed batches (of [`BATCH`] documents) waiting to be stored: what
/// bounds the memory between analysis and storage. Enough for analysis to
/// go on while a storage batch of [`DEFAULT_BATCH_DOCUMENTS`] commits (some
/// seconds), so that it does not wait for storage.
const QUEUED_BATCHES: usize = 32;

/// One analysed batch handed from analysis to storage: its documents in
/// input order, and those skipped because already stored.
#[derive(Default)]
struct Analysed {
    results: Vec<Result<(DocFacts, Vec<Warning>), Failure>>,
    unchanged: usize,
    dropped_repeats: usize,
}

/// Reads, analyses, resolves and stores every document under `paths`.
///
/// Analysis runs on its own thread (and the rayon pool) ahead of storage,
/// through a bounded queue, so it never waits for a commit; documents are
/// resolved and stored in input order on the calling thread, so that entity
/// ids and store contents do not depend on thread timing. New documents are
/// stored in batches of [`IngestOptions::batch_documents`] through
/// [`IngestStore::commit_batch`]; a document replacing an older version from
/// its source, in its own transaction ([`IngestStore::ingest`]). `store` is
/// a local [`Store`](crate::rdf::Store) or a
/// [`RemoteStore`](crate::rdf::RemoteStore). Either way an error
/// or a crash never leaves half a document, and what was stored stays
/// stored. Content already in the store is skipped before analysis (ingest
/// is idempotent). An input that cannot be read or analysed is recorded in
/// the report and the others go on. An ingest that at least doubled the
/// store compacts it at its end ([`IngestStore::compact`]), which makes the
/// named queries' lookups faster. `load` says how inputs are read;
/// `progress` is called after each input.
pub fn ingest<S: IngestStore + ?Sized>(
    engine: &Engine,
    paths: &[PathBuf],
    load: &LoadOptions,
    store: &S,
    run: &RunInfo,
    options: IngestOptions,
    progress: impl FnMut(IngestProgress),
) -> Result<IngestReport> {
    store_analysed(engine.gazetteer(), store, run, options, progress, |send| {
        for_each_batch(paths, load, |docs| {
            let mut analysed = Analysed::default();
            let mut todo = Vec::with_capacity(docs.len());
            for item in docs {
                if let Ok(doc) = &item {
                    analysed.dropped_repeats += doc.dropped_repeats;
                }
                match item {
                    Ok(doc) if store.contains_document(&doc.id)? => analysed.unchanged += 1,
                    other => todo.push(other),
                }
            }
            analysed.results = extract_batch(engine, todo);
            send(analysed)
        })
    })
}

/// The reduce of a distributed run: stores the documents of the docfacts
/// files `paths` (lines of [`write_docfacts`]; `-` is standard input, a
/// folder its files in name order, gzip or not) as [`ingest`] stores the
/// articles they were made from, with the same resolution (reading
/// `gazetteer`, which must be the map's: [`Engine::gazetteer`] of the same
/// models) and the same storage, batches and idempotence. No model runs.
///
/// Documents are resolved in the order of `paths` and their lines, so give
/// the map's output in the input's order to get a direct ingest's entity
/// ids. A line made by other software or models than `run`'s, of another
/// format version, malformed, or inconsistent is a [`Failure`] naming its
/// file and line ([`DocFactsError`]), and the others go on.
pub fn ingest_docfacts<S: IngestStore + ?Sized>(
    gazetteer: &Arc<Gazetteer>,
    paths: &[PathBuf],
    store: &S,
    run: &RunInfo,
    options: IngestOptions,
    progress: impl FnMut(IngestProgress),
) -> Result<IngestReport> {
    store_analysed(gazetteer, store, run, options, progress, |send| {
        docfacts::for_each_batch(paths, |lines| {
            let parsed: Vec<Result<DocFacts, Failure>> = lines
                .into_par_iter()
                .map(|line| line.and_then(|l| Ok(docfacts::parse(l, run)?)))
                .collect();
            let mut analysed = Analysed::default();
            for item in parsed {
                match item {
                    Ok(facts) => {
                        let doc = &facts.analyzed.doc;
                        analysed.dropped_repeats += doc.dropped_repeats;
                        if store.contains_document(&doc.id)? {
                            analysed.unchanged += 1;
                        } else {
                            analysed.results.push(Ok((facts, Vec::new())));
                        }
                    }
                    Err(failure) => analysed.results.push(Err(failure)),
                }
            }
            send(analysed)
        })
    })
}

/// The storage half of an ingest, shared by [`ingest`] and
/// [`ingest_docfacts`]: `produce` runs on a thread of its own and hands
/// analysed batches to `send` (through a bounded queue); this thread
/// resolves and stores them in order, as [`ingest`] describes.
fn store_analysed<S: IngestStore + ?Sized>(
    gazetteer: &Arc<Gazetteer>,
    store: &S,
    run: &RunInfo,
    options: IngestOptions,
    mut progress: impl FnMut(IngestProgress),
    produce: impl FnOnce(&mut dyn FnMut(Analysed) -> Result<()>) -> Result<()> + Send,
) -> Result<IngestReport> {
    let started = Instant::now();
    let mut report = IngestReport::default();
    // Before anything is stored, so the record never lags what the store holds.
    store.record_models(run)?;
    let batch_documents = options.batch_documents.max(1);
    let mut batch = Batch::new();
    let mut shown = IngestProgress::default();
    let mut stored_before = 0;
    let resolver = std::thread::scope(|scope| -> Result<Resolver> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Result<Analysed>>(QUEUED_BATCHES);
        scope.spawn(move || {
            // Set when storage has stopped (it failed and dropped the queue):
            // its error is the one to report, not this side's.
            let mut stopped = false;
            let sent = produce(&mut |analysed| {
                sender.send(Ok(analysed)).map_err(|_| {
                    stopped = true;
                    crate::Error::Output(std::io::Error::other("storage stopped"))
                })
            });
            if let Err(e) = sent {
                if !stopped {
                    let _ = sender.send(Err(e));
                }
            }
        });
        // The resolver starts from what the store holds, all of it: the
        // entities and which of them each stored document mentions (the
        // context bare surnames are resolved by). A run that follows an
        // interrupted one thus resolves the remaining documents as the
        // interrupted run would have. Read while the first documents are
        // analysed (nothing is written before it is read): from the
        // 21k-article bench store's snapshot, 0.25 s of CPU that an
        // ingest of 100 articles into it no longer waits for.
        let (entities, documents) = store.resolver_start()?;
        stored_before = documents.len();
        let mut resolver =
            Resolver::with_gazetteer_and_positions(gazetteer.clone(), entities, documents);
        for analysed in receiver {
            let analysed = analysed?;
            report.dropped_repeats += analysed.dropped_repeats;
            report.unchanged += analysed.unchanged;
            shown.inputs += analysed.unchanged;
            for item in analysed.results {
                shown.inputs += 1;
                let facts = match item {
                    Ok((facts, warnings)) => {
                        report.warnings.extend(warnings);
                        facts
                    }
                    Err(failure) => {
                        report.failures.push(failure);
                        progress(shown);
                        continue;
                    }
                };
                let doc = &facts.analyzed.doc;
                if batch.contains_document(&doc.id) || store.contains_document(&doc.id)? {
                    // The same content twice in this run (stored since the
                    // analysis checked, or in the batch being gathered):
                    // not resolved again, so the resolver stays what a
                    // reload of the store gives.
                    report.unchanged += 1;
                    progress(shown);
                    continue;
                }
                // A second version of a source: everything before it is
                // stored first, and it replaces the older one in a
                // transaction of its own, exactly as it always did.
                let replaces = batch.has_source(&doc.source)
                    || store.has_other_version(&doc.source, &doc.id)?;
                if replaces {
                    store.commit_batch(std::mem::take(&mut batch))?;
                }
                let merges_before = resolver.merges();
                let ids = resolver.resolve(&facts);
                let entities: Vec<_> = ids.iter().filter_map(|id| resolver.get(id)).collect();
                if replaces {
                    let stored = store.ingest(&facts, &ids, &entities, run)?;
                    match stored.outcome {
                        IngestOutcome::New => report.new += 1,
                        IngestOutcome::Unchanged => report.unchanged += 1,
                        IngestOutcome::Replaced => report.replaced += 1,
                    }
                    // What the store dropped with an older version, the
                    // resolver forgets, so that it stays what a reload of the
                    // store gives.
                    for old in &stored.dropped_documents {
                        resolver.forget_document(old);
                    }
                    for id in &stored.dropped_entities {
                        resolver.forget_entity(id);
                    }
                } else {
                    store.add_to_batch(&mut batch, &facts, &ids, &entities, run);
                    report.new += 1;
                }
                report.facts += facts.facts.len();
                let tokens: usize = facts
                    .analyzed
                    .sentences
                    .iter()
                    .map(|s| s.tokens.len())
                    .sum();
                report.tokens += tokens;
                report.merges += resolver.merges() - merges_before;
                shown.facts = report.facts;
                shown.tokens = report.tokens;
                if batch.len() >= batch_documents {
                    store.commit_batch(std::mem::take(&mut batch))?;
                }
                progress(shown);
            }
        }
        store.commit_batch(std::mem::take(&mut batch))?;
        Ok(resolver)
    })?;
    report.entities = resolver.entities().len();
    std::thread::scope(|scope| -> Result<()> {
        // The resolver is freed on another thread while the store is
        // flushed and its snapshot written, rather than after them: its
        // 40,000 entities and their indexes from the 21k-article bench
        // store took 0.03 to 0.09 s to free, the analysis threads idle.
        scope.spawn(move || drop(resolver));
        store.flush()?;
        if compacts(report.new, stored_before) {
            store.compact()?;
        }
        // Once everything is stored and flushed: the next ingest reads its
        // resolver's start from this instead of the whole store.
        store.save_resolver_snapshot()?;
        Ok(())
    })?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// Whether an ingest that stored `new` documents into a store of
/// `stored_before` compacts it at its end ([`IngestStore::compact`]): when
/// it at least doubled the store, so that queries seek in a few files
/// rather than in one set per batch. A smaller run leaves that to RocksDB,
/// as a full compaction costs in proportion to the whole store: compacting
/// only at each doubling costs a growing store about twice its final size
/// in all (100 articles into the 21k-article bench store: a 1.4 s ingest,
/// then 6.6 s to compact).
fn compacts(new: usize, stored_before: usize) -> bool {
    new > 0 && new >= stored_before
}

/// Feeds the documents under `paths` to `f` in batches of [`BATCH`], input
/// errors in their place among them, so that reading goes on and failures
/// are reported in input order.
fn for_each_batch(
    paths: &[PathBuf],
    load: &LoadOptions,
    mut f: impl FnMut(Vec<Result<Document, Failure>>) -> Result<()>,
) -> Result<()> {
    let mut batch = Vec::with_capacity(BATCH);
    for item in input::documents_with(paths, load.clone()) {
        batch.push(item.map_err(Failure::Input));
        if batch.len() == BATCH {
            f(std::mem::take(&mut batch))?;
        }
    }
    if !batch.is_empty() {
        f(batch)?;
    }
    Ok(())
}

/// Provenance of this run: software version, the version (checksum) of
/// each model `analyzer` loaded, and the start time (PROV-O `prov:Activity`).
pub fn run_info(analyzer: &Analyzer) -> RunInfo {
    run_info_for_models(analyzer.model_versions())
}

/// [`run_info`] for a run that loads no analyzer but stores facts made by
/// the models whose versions are `models` ([`ModelSource::versions`]): the
/// reduce of a distributed run ([`ingest_docfacts`]).
pub fn run_info_for_models(models: &str) -> RunInfo {
    use sha2::{Digest, Sha256};
    let software = format!("newskg {}", env!("CARGO_PKG_VERSION"));
    let models = models.to_string();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let started = iso8601(now);
    let id_digest = Sha256::digest(format!("{software}|{models}|{started}").as_bytes());
    let id = id_digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    RunInfo {
        id,
        software,
        models,
        started,
    }
}

/// `seconds` since the Unix epoch as `YYYY-MM-DDThh:mm:ssZ` (UTC).
fn iso8601(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rem = seconds % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ingest_compacts_when_it_at_least_doubles_the_store() {
        assert!(compacts(21_000, 0));
        assert!(compacts(1, 0));
        assert!(compacts(5_000, 5_000));
        assert!(!compacts(4_999, 5_000));
        assert!(!compacts(100, 21_000));
        assert!(!compacts(0, 0), "nothing stored, nothing to compact");
    }

    #[test]
    fn iso_dates() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso8601(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso8601(1_795_000_000), "2026-11-18T11:06:40Z");
    }
}
