//! Reading and writing annotated corpora: CoNLL-U treebanks and BIO NER files.

pub mod bio;
pub mod conllu;

pub use conllu::CorpusError;

/// Opens a corpus file for buffered reading; the error names the file.
pub(crate) fn open(
    path: &std::path::Path,
) -> Result<std::io::BufReader<std::fs::File>, CorpusError> {
    let file = std::fs::File::open(path).map_err(|source| CorpusError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(std::io::BufReader::new(file))
}
