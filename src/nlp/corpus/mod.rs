//! Reading and writing annotated corpora: CoNLL-U treebanks and BIO NER files.

pub mod conllu;

pub use conllu::CorpusError;
