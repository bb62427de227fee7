// Tests report by printing and by panicking.
#![allow(clippy::print_stderr, clippy::expect_used)]

//! newskg's integration tests: one binary, one module per command or concern.
//! Each test runs the real `newskg` binary in a fresh temporary folder.

// Workdir, the binary runner and shared assertions.
mod util;

// ingest: idempotence, replacement, bad inputs, a crash mid-ingest.
mod cli_ingest;
// crash safety: SIGKILL at sampled moments, every stored document whole, a rerun converges.
#[cfg(all(unix, feature = "rocksdb"))]
mod cli_crash;
// the resolver snapshot: used when it describes the store, not when another writer made it stale.
#[cfg(feature = "rocksdb")]
mod cli_snapshot;
// limits on every input dimension: generated pathological inputs, clear messages, bounded memory.
mod cli_limits;
// fuzzing on stable: readers, tokenizer and splitter, whole documents, the SPARQL parameter binder (a long run is ignored by default).
mod fuzz;
// query: named queries, parameters, formats, ASK exit codes, syntax errors.
mod cli_query;
// Named queries that read precomputed counts answer as the aggregates they
// replaced, after batches, incremental ingest and replacement.
mod cli_query_counts;
// Named queries reshaped for speed give the rows of their plain forms.
mod cli_query_shapes;
// serve: the SPARQL protocol and the explorer through a real socket; query's safety limits.
#[cfg(all(unix, feature = "rocksdb"))]
mod cli_serve;
// export: RDF round trips, DOT through Graphviz, GraphML, CSV, JSON.
mod cli_export;
// extract: the JSONL contract, TSV, and the gold facts of the example articles.
mod cli_extract;
// the map and the reduce of a distributed run: docfacts out of extract, into ingest.
mod cli_docfacts;
// remote stores: ingest into oxigraph serve and newskg serve over HTTP, equal to a store folder.
mod cli_remote;
// stats, entities and analyze.
mod cli_misc;
// a lone binary: where the models are found, provenance of their versions.
mod cli_portable;
// how input paths are recorded: relative to the working folder or --source-base.
mod cli_sources;
// no text of CoNLL-2003 dev anywhere in the repository (hashed trigrams).
mod clean_tree;
// the store's lock: one writer or many readers, and who holds it (on-disk stores only).
#[cfg(feature = "rocksdb")]
mod store_lock;
// the store's version record: newer formats refused by name, older stores still open.
#[cfg(feature = "rocksdb")]
mod store_version;
