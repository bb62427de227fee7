//! newskg: news articles in, a grounded knowledge graph out.
//!
//! The data flows through one module per stage:
//!
//! 1. [`input`]: paths → [`Document`] (decode, strip markup, drop repeats)
//! 2. [`nlp`]: [`Document`] → [`AnalyzedDoc`] (tokens, sentences, tags, parse, names)
//! 3. [`extract`]: [`AnalyzedDoc`] → [`DocFacts`] (mentions, coreference, facts)
//! 4. [`kg`]: [`DocFacts`] → stable [`EntityId`]s (cross-document resolution)
//! 5. [`rdf`]: facts → quads in an oxigraph [`Store`] (or any SPARQL 1.1
//!    server, [`rdf::RemoteStore`]); SPARQL; RDF export
//! 6. [`graph`]: the store → petgraph: DOT, GraphML, CSV, JSON, centrality
//! 7. [`serve`]: the store over HTTP: a SPARQL endpoint and a web explorer
//!
//! [`pipeline`] is the one place the stages are chained. Steps 1–3 are a
//! pure map from a document to its [`DocFacts`], steps 4–5 a reduce over
//! them in input order; a distributed run does the two apart, handing
//! over docfacts lines ([`pipeline::extract_documents`] with
//! [`pipeline::write_docfacts`], then [`pipeline::ingest_docfacts`]).
//!
//! ```
//! use newskg::nlp::Analyzer;
//! use newskg::pipeline::Engine;
//! use newskg::Document;
//!
//! // Load the models once per process (tens of milliseconds).
//! let engine = Engine::load(&Analyzer::default_dir())?;
//! let doc = Document::from_text("-", "Marco Rubio defended the terrorist designation.");
//! let found = engine.extract_document(doc);
//! assert!(found.facts.iter().any(|f| f.relation == "defend"));
//! # Ok::<(), newskg::Error>(())
//! ```
#![warn(missing_docs)]

pub mod error;
pub mod graph;
pub mod kg;
pub mod pipeline;
pub mod rdf;
pub mod serve;

/// Stage 3, its own crate (`newskg-extract`): analysed documents to facts.
pub use newskg_extract as extract;
/// Stage 1, its own crate (`newskg-input`): article files to documents.
pub use newskg_input as input;
/// Stage 2, its own crate (`newskg-nlp`): documents to analysed documents.
pub use newskg_nlp as nlp;

pub use error::{Error, Result};
pub use extract::{DocFacts, Fact, Mention};
pub use input::Document;
pub use kg::{Entity, EntityId};
pub use nlp::{AnalyzedDoc, Sentence, Token};
pub use rdf::Store;
