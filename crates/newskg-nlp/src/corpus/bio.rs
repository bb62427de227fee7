//! BIO files: one `token TAB tag` line per word, a blank line after each
//! sentence, `-DOCSTART-` lines between documents (the format of UNER and
//! CoNLL-2003 in `shared/data/ner`, and of `newskg analyze --format bio`).
//!
//! Reading gives documents of sentences; the tag column is optional (a file
//! of tokens alone is what `analyze --input tokens` reads), but a file either
//! has tags on every line or on none. Writing puts the same lines back, so a
//! prediction file lines up with its gold file for `ner_score.py`.

use std::io::{self, BufRead, Write};
use std::path::Path;

use super::CorpusError;

/// The token that marks a document break.
pub const DOCSTART: &str = "-DOCSTART-";

/// One sentence: its tokens and, when the file has them, their IOB2 tags.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BioSentence {
    /// The words (first column).
    pub tokens: Vec<String>,
    /// One tag per token (last column), or empty when the file has no tags.
    pub tags: Vec<String>,
}

/// Sentences between two `-DOCSTART-` lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BioDocument {
    /// Whether the document was introduced by a `-DOCSTART-` line (written back).
    pub docstart: bool,
    /// The sentences, in order.
    pub sentences: Vec<BioSentence>,
}

/// Reads a BIO file.
pub fn read_file(path: &Path) -> Result<Vec<BioDocument>, CorpusError> {
    read(super::open(path)?, path)
}

/// Reads BIO from any reader; `path` is only used in error messages.
pub fn read(reader: impl BufRead, path: &Path) -> Result<Vec<BioDocument>, CorpusError> {
    let malformed = |line: u64, message: String| CorpusError::Malformed {
        path: path.to_owned(),
        line,
        message,
    };
    let mut docs: Vec<BioDocument> = Vec::new();
    let mut doc = BioDocument::default();
    let mut sentence = BioSentence::default();
    // Whether lines carry a tag; fixed by the first token line.
    let mut tagged: Option<bool> = None;
    for (i, line) in reader.lines().enumerate() {
        let lineno = i as u64 + 1;
        let line = line.map_err(|source| CorpusError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !sentence.tokens.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let token = columns[0];
        if token.is_empty() {
            return Err(malformed(
                lineno,
                format!("expected `token TAB tag`, found {line:?}"),
            ));
        }
        if token == DOCSTART {
            if !sentence.tokens.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            if doc.docstart || !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            doc.docstart = true;
            continue;
        }
        let has_tag = columns.len() > 1;
        match tagged {
            None => tagged = Some(has_tag),
            Some(t) if t != has_tag => {
                return Err(malformed(
                    lineno,
                    if t {
                        "missing tag column (earlier lines have one)".to_string()
                    } else {
                        "unexpected tag column (earlier lines have none)".to_string()
                    },
                ))
            }
            Some(_) => {}
        }
        if has_tag {
            let tag = columns[columns.len() - 1];
            if !valid_tag(tag) {
                return Err(malformed(
                    lineno,
                    format!("bad tag {tag:?}: expected O, B-TYPE or I-TYPE"),
                ));
            }
            sentence.tags.push(tag.to_string());
        }
        sentence.tokens.push(token.to_string());
    }
    if !sentence.tokens.is_empty() {
        doc.sentences.push(sentence);
    }
    if doc.docstart || !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Whether `tag` is `O` or `B-`/`I-`/`E-`/`S-`/`L-`/`U-` followed by a type.
fn valid_tag(tag: &str) -> bool {
    if tag == "O" {
        return true;
    }
    matches!(tag.split_once('-'), Some((p, t)) if !t.is_empty() && matches!(p, "B" | "I" | "E" | "S" | "L" | "U"))
}

/// Writes documents as `token TAB tag` lines (`O` where a sentence has no
/// tags), a blank line after each sentence, and each `-DOCSTART-` line back.
pub fn write(out: &mut impl Write, docs: &[BioDocument]) -> io::Result<()> {
    for doc in docs {
        if doc.docstart {
            writeln!(out, "{DOCSTART}\tO")?;
            writeln!(out)?;
        }
        for s in &doc.sentences {
            for (i, token) in s.tokens.iter().enumerate() {
                let tag = s.tags.get(i).map_or("O", String::as_str);
                writeln!(out, "{token}\t{tag}")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<BioDocument>, CorpusError> {
        read(text.as_bytes(), Path::new("x.bio"))
    }

    #[test]
    fn round_trip_with_docstart() {
        let text = "-DOCSTART-\tO\n\nClaudia\tB-PER\nspoke\tO\n\nin\tO\nMexico\tB-LOC\n\n-DOCSTART-\tO\n\nHi\tO\n\n";
        let docs = parse(text).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[1].tags, ["O", "B-LOC"]);
        let mut out = Vec::new();
        write(&mut out, &docs).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), text);
    }

    #[test]
    fn tokens_only_and_no_docstart() {
        let docs = parse("a\nb\n\nc\n").unwrap();
        assert_eq!(docs.len(), 1);
        assert!(!docs[0].docstart);
        assert_eq!(docs[0].sentences[1].tokens, ["c"]);
        assert!(docs[0].sentences[1].tags.is_empty());
        assert!(parse("").unwrap().is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("a\tO\nb\tX-PER\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.bio:2: bad tag \"X-PER\": expected O, B-TYPE or I-TYPE"
        );
        let e = parse("a\tO\n\nb\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.bio:3: missing tag column (earlier lines have one)"
        );
        let e = parse("a\n\tO\n").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("x.bio:2: expected `token TAB tag`"));
    }
}
