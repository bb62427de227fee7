//! CoNLL-U reading and writing (UD treebanks; `newskg analyze --format conllu`).
//!
//! Reading rebuilds a text for each sentence (from `# text =` when present,
//! else from the word forms and `SpaceAfter=No`) so that gold sentences have
//! real byte spans, exactly like analysed ones.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};

use crate::{Sentence, Span, Token, Upos};

/// An error reading a corpus file: `path:line: message`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    /// The file could not be opened or read.
    #[error("{}: cannot read corpus file", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// A line that does not follow the format.
    #[error("{}:{line}: {message}", .path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
}

/// One sentence of a CoNLL-U file with its own text.
#[derive(Clone, Debug, PartialEq)]
pub struct ConlluSentence {
    /// `# sent_id`, when present.
    pub id: Option<String>,
    /// The sentence text; token spans point into it.
    pub text: String,
    /// Words with gold annotation (multi-word token ranges are dropped; their
    /// words keep spans inside the token's surface where they match it).
    pub sentence: Sentence,
    /// Whether the sentence starts a new document (`# newdoc`).
    pub newdoc: bool,
    /// Whether it starts a new paragraph (`# newpar`).
    pub newpar: bool,
}

/// Reads every sentence of a CoNLL-U file.
pub fn read_file(path: &Path) -> Result<Vec<ConlluSentence>, CorpusError> {
    read(super::open(path)?, path)
}

/// Reads CoNLL-U from any reader; `path` is only used in error messages.
pub fn read(reader: impl BufRead, path: &Path) -> Result<Vec<ConlluSentence>, CorpusError> {
    let mut out = Vec::new();
    let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
    let mut comments: Vec<String> = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let lineno = i as u64 + 1;
        let line = line.map_err(|source| CorpusError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !rows.is_empty() {
                out.push(build(&comments, &rows, path)?);
            }
            rows.clear();
            comments.clear();
        } else if let Some(c) = line.strip_prefix('#') {
            comments.push(c.trim().to_string());
        } else {
            let cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            if cols.len() != 10 {
                return Err(CorpusError::Malformed {
                    path: path.to_owned(),
                    line: lineno,
                    message: format!("expected 10 tab-separated columns, found {}", cols.len()),
                });
            }
            rows.push((lineno, cols));
        }
    }
    if !rows.is_empty() {
        out.push(build(&comments, &rows, path)?);
    }
    Ok(out)
}

fn build(
    comments: &[String],
    rows: &[(u64, Vec<String>)],
    path: &Path,
) -> Result<ConlluSentence, CorpusError> {
    let bad = |line: u64, message: String| CorpusError::Malformed {
        path: path.to_owned(),
        line,
        message,
    };
    let meta = |key: &str| {
        comments.iter().find_map(|c| {
            c.strip_prefix(key)
                .and_then(|rest| rest.trim_start().strip_prefix('='))
                .map(|v| v.trim().to_string())
        })
    };
    let id = meta("sent_id");
    let given_text = meta("text");
    let newdoc = comments.iter().any(|c| c.starts_with("newdoc"));
    let newpar = comments.iter().any(|c| c.starts_with("newpar"));

    // Surface units: multi-word tokens (with their range) or plain words.
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut mwt_end = 0usize; // last word id covered by the current multi-word token
    let mut mwt_span = Span::default();
    let mut mwt_cursor = 0usize;
    for (lineno, cols) in rows {
        let id_col = &cols[0];
        if id_col.contains('.') {
            continue; // empty nodes (enhanced dependencies only)
        }
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if let Some((a, b)) = id_col.split_once('-') {
            let b: usize = b
                .parse()
                .map_err(|_| bad(*lineno, format!("bad token range {id_col:?}")))?;
            let _: usize = a
                .parse()
                .map_err(|_| bad(*lineno, format!("bad token range {id_col:?}")))?;
            let start = text.len();
            text.push_str(&cols[1]);
            mwt_span = Span::new(start, text.len());
            mwt_cursor = start;
            mwt_end = b;
            if space_after {
                text.push(' ');
            }
            continue;
        }
        let word_id: usize = id_col
            .parse()
            .map_err(|_| bad(*lineno, format!("bad word id {id_col:?}")))?;
        let form = cols[1].clone();
        let span = if word_id <= mwt_end {
            // A word inside a multi-word token: find it in the token's surface.
            let surface = &text[mwt_cursor..mwt_span.end];
            match surface.find(form.as_str()) {
                Some(at) if word_id < mwt_end || at + form.len() == surface.len() => {
                    let s = Span::new(mwt_cursor + at, mwt_cursor + at + form.len());
                    mwt_cursor = s.end;
                    s
                }
                _ => Span::new(
                    mwt_cursor,
                    if word_id == mwt_end {
                        mwt_span.end
                    } else {
                        mwt_cursor
                    },
                ),
            }
        } else {
            let start = text.len();
            text.push_str(&form);
            let s = Span::new(start, text.len());
            if space_after {
                text.push(' ');
            }
            s
        };
        let head = match cols[6].as_str() {
            "_" => None,
            h => {
                let h: usize = h
                    .parse()
                    .map_err(|_| bad(*lineno, format!("bad head {h:?}")))?;
                if h == 0 {
                    None
                } else {
                    Some(h - 1)
                }
            }
        };
        let upos = if cols[3] == "_" {
            Upos::X
        } else {
            cols[3].parse().map_err(|m: String| bad(*lineno, m))?
        };
        tokens.push(Token {
            span,
            form,
            lemma: if cols[2] == "_" && cols[1] != "_" {
                String::new()
            } else {
                cols[2].clone()
            },
            upos,
            xpos: if cols[4] == "_" {
                String::new()
            } else {
                cols[4].clone()
            },
            head,
            deprel: if cols[7] == "_" {
                String::new()
            } else {
                cols[7].clone()
            },
        });
    }
    let text = match given_text {
        // Keep the reconstructed text (spans point into it) unless it differs
        // only by trailing space.
        Some(t) if t == text.trim_end() => t,
        _ => text.trim_end().to_string(),
    };
    let n = tokens.len();
    if let Some((lineno, _)) = rows.first() {
        for t in &tokens {
            if t.head.is_some_and(|h| h >= n) || t.span.end > text.len() {
                return Err(bad(*lineno, "head or span out of range".to_string()));
            }
        }
    }
    let span = Span::new(
        tokens.first().map_or(0, |t| t.span.start),
        tokens.last().map_or(0, |t| t.span.end),
    );
    Ok(ConlluSentence {
        id,
        text,
        sentence: Sentence { span, tokens },
        newdoc,
        newpar,
    })
}

/// Writes sentences as CoNLL-U. `text` is the text their spans point into.
/// `SpaceAfter=No` is written where the next token follows with no gap.
pub fn write(
    out: &mut impl Write,
    text: &str,
    sentences: &[Sentence],
    first_id: usize,
) -> io::Result<()> {
    for (k, s) in sentences.iter().enumerate() {
        writeln!(out, "# sent_id = {}", first_id + k)?;
        writeln!(out, "# text = {}", s.span.of(text).replace('\n', " "))?;
        let mut group_end = 0; // last word index of the current multi-word token
        for (i, t) in s.tokens.iter().enumerate() {
            let head = t.head.map_or(0, |h| h + 1);
            let space_after = |k: usize| {
                let next_start = s.tokens.get(k + 1).map(|n| n.span.start);
                if next_start == Some(s.tokens[k].span.end) {
                    "SpaceAfter=No"
                } else {
                    "_"
                }
            };
            if i >= group_end {
                let end = clitic_group_end(&s.tokens, i);
                if end > i {
                    let surface = &text[t.span.start..s.tokens[end].span.end];
                    writeln!(
                        out,
                        "{}-{}\t{surface}\t_\t_\t_\t_\t_\t_\t_\t{}",
                        i + 1,
                        end + 1,
                        space_after(end)
                    )?;
                    group_end = end + 1;
                }
            }
            // Words inside a multi-word token carry no SpaceAfter: its range line does.
            let misc = if i < group_end { "_" } else { space_after(i) };
            let or_ = |v: &str| {
                if v.is_empty() {
                    "_".to_string()
                } else {
                    v.to_string()
                }
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                i + 1,
                t.form,
                or_(&t.lemma),
                t.upos,
                or_(&t.xpos),
                head,
                if t.head.is_none() && t.deprel.is_empty() {
                    "root".to_string()
                } else {
                    or_(&t.deprel)
                },
                misc
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The last index of the clitic group that starts at word `i` ("do" "n't",
/// "Trump" "'s", "can" "not", "gon" "na"), or `i` when none does. UD English
/// EWT writes such groups as one multi-word token; doing the same lets
/// CoNLL 2018 scorers count tokens the way the treebank does.
fn clitic_group_end(tokens: &[crate::Token], i: usize) -> usize {
    let mut end = i;
    while let Some(next) = tokens.get(end + 1) {
        if next.span.start != tokens[end].span.end || !is_clitic(&tokens[end].form, &next.form) {
            break;
        }
        end += 1;
    }
    end
}

fn is_clitic(prev: &str, word: &str) -> bool {
    let word = word.to_lowercase().replace('’', "'");
    let prev = prev.to_lowercase();
    match word.as_str() {
        "n't" | "'s" | "'m" | "'re" | "'ve" | "'ll" | "'d" => {
            prev.chars().any(char::is_alphanumeric)
        }
        "not" => prev == "can",
        "na" => prev == "gon" || prev == "wan",
        "ta" => prev == "got",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = s1\n# text = I don't know.\n1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn reads_words_with_spans() {
        let s = read(SAMPLE.as_bytes(), Path::new("x.conllu")).unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.text, "I don't know.");
        let forms: Vec<&str> = s
            .sentence
            .tokens
            .iter()
            .map(|t| t.span.of(&s.text))
            .collect();
        assert_eq!(forms, ["I", "do", "n't", "know", "."]);
        assert_eq!(s.sentence.tokens[0].head, Some(3));
        assert_eq!(s.sentence.tokens[3].head, None);
    }

    #[test]
    fn bad_column_count_names_line() {
        let err = read("1\tx\n".as_bytes(), Path::new("bad.conllu")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad.conllu:1: expected 10 tab-separated columns, found 2"
        );
    }

    #[test]
    fn clitic_groups_are_written_as_multiword_tokens() {
        let s = read(SAMPLE.as_bytes(), Path::new("x")).unwrap();
        let mut out = Vec::new();
        write(&mut out, &s[0].text, &[s[0].sentence.clone()], 1).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("\n2-3\tdon't\t_"), "{out}");
        assert!(
            out.contains("\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"),
            "{out}"
        );
    }

    #[test]
    fn round_trip() {
        let s = read(SAMPLE.as_bytes(), Path::new("x")).unwrap();
        let mut out = Vec::new();
        write(&mut out, &s[0].text, &[s[0].sentence.clone()], 1).unwrap();
        let again = read(out.as_slice(), Path::new("y")).unwrap();
        assert_eq!(again[0].sentence.tokens, s[0].sentence.tokens);
    }
}
