//! Reading and writing annotated corpora: CoNLL-U treebanks and BIO NER files.

pub mod bio;
pub mod conllu;

pub use conllu::CorpusError;
