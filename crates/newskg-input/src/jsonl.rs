//! JSON Lines → one [`Document`] per line, streamed.
//!
//! Each line is an object with optional `id`, `title`, `date`, `url` and
//! `text` (paragraphs separated by a blank line); other fields are ignored.
//! A record's source is `path#<id>` (or `path#<line>` without an id), so
//! re-ingesting a changed record replaces just that record. A bad line is
//! reported with its line number and the stream goes on; only a read error
//! (a truncated `.gz`, the decompression cap) ends it, since nothing after
//! it can be trusted. A line over [`Limits::max_line_bytes`](crate::Limits)
//! is reported and skipped without being held: memory stays bounded by the
//! limit, however long the line.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

use serde_json::Value;

use super::dedup::{self, Parsed};
use super::{decode, gzip, text, Document, InputError};

/// Yields the records of one JSON Lines stream.
pub(crate) struct JsonlReader {
    path: PathBuf,
    /// The path as recorded in each record's source (`recorded#id`).
    recorded: String,
    repeat_min_words: Option<usize>,
    max_line_bytes: u64,
    /// Whether the rest of an over-long line is still to be read through.
    skipping: bool,
    lines: BufReader<Box<dyn Read>>,
    gzipped: bool,
    line: u64,
    done: bool,
}

impl JsonlReader {
    /// Reads `reader` (already decompressed) line by line.
    pub fn new(
        path: PathBuf,
        recorded: String,
        reader: Box<dyn Read>,
        gzipped: bool,
        repeat_min_words: Option<usize>,
        max_line_bytes: u64,
    ) -> JsonlReader {
        JsonlReader {
            path,
            recorded,
            repeat_min_words,
            max_line_bytes,
            skipping: false,
            lines: BufReader::with_capacity(64 * 1024, reader),
            gzipped,
            line: 0,
            done: false,
        }
    }

    /// One record line → a document.
    fn record(&self, bytes: &[u8]) -> Result<Document, InputError> {
        let line = self.line;
        let json = decode(&self.path, bytes, Some(line))?;
        let bad = |problem: String, source| InputError::BadRecord {
            path: self.path.clone(),
            line,
            problem,
            source,
        };
        let value: Value =
            serde_json::from_str(&json).map_err(|e| bad("not valid JSON".into(), Some(e)))?;
        let Value::Object(map) = value else {
            return Err(bad("not a JSON object".into(), None));
        };
        let field = |name: &str| -> Result<Option<String>, InputError> {
            match map.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(Value::Number(n)) if name == "id" => Ok(Some(n.to_string())),
                Some(_) => Err(bad(format!("field `{name}` is not a string"), None)),
            }
        };
        let id = field("id")?;
        let title = field("title")?.map(|t| dedup::collapse(&t));
        let date = field("date")?;
        let url = field("url")?;
        let body = field("text")?.unwrap_or_default();
        let mut paragraphs = text::paragraphs(&body, line);
        for p in &mut paragraphs {
            // Every paragraph of a record comes from the record's line.
            for anchor in &mut p.lines {
                anchor.1 = line;
            }
            p.lines.truncate(1);
        }
        let source = format!(
            "{}#{}",
            self.recorded,
            id.unwrap_or_else(|| line.to_string())
        );
        let parsed = Parsed {
            title,
            date,
            url,
            paragraphs,
        };
        dedup::build(source, parsed, self.repeat_min_words).ok_or_else(|| InputError::Empty {
            path: self.path.clone(),
            line: Some(line),
        })
    }
}

/// What reading one line gave.
enum Line {
    /// The end of the stream.
    End,
    /// A whole line, in the buffer.
    Read,
    /// A line over the limit: reported at once, and read through (without
    /// keeping it) before the next line.
    TooLong,
}

impl JsonlReader {
    /// Reads the next line into `buf` (with its `\n`), keeping at most
    /// `max_line_bytes` of it: past that it stops with [`Line::TooLong`] and
    /// leaves the rest of the line for [`JsonlReader::skip_line`].
    fn read_line(&mut self, buf: &mut Vec<u8>) -> std::io::Result<Line> {
        let max = usize::try_from(self.max_line_bytes).unwrap_or(usize::MAX);
        loop {
            let available = self.lines.fill_buf()?;
            if available.is_empty() {
                return Ok(if buf.is_empty() {
                    Line::End
                } else {
                    Line::Read
                });
            }
            let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..=i], true),
                None => (available, false),
            };
            // The newline does not count against the limit.
            let body = chunk.strip_suffix(b"\n").unwrap_or(chunk).len();
            if buf.len() + body > max {
                buf.clear();
                buf.shrink_to(64 * 1024);
                self.skipping = true;
                return Ok(Line::TooLong);
            }
            buf.extend_from_slice(chunk);
            let used = chunk.len();
            self.lines.consume(used);
            if done {
                return Ok(Line::Read);
            }
        }
    }

    /// Reads through the rest of an over-long line, keeping nothing.
    fn skip_line(&mut self) -> std::io::Result<()> {
        loop {
            let available = self.lines.fill_buf()?;
            if available.is_empty() {
                break;
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(i) => {
                    self.lines.consume(i + 1);
                    break;
                }
                None => {
                    let n = available.len();
                    self.lines.consume(n);
                }
            }
        }
        self.skipping = false;
        Ok(())
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            let read = if self.skipping {
                // Still in the over-long line reported last time.
                self.skip_line().map(|()| None)
            } else {
                self.read_line(&mut buf).map(Some)
            };
            match read {
                Ok(None) => {}
                Ok(Some(Line::End)) => self.done = true,
                Ok(Some(Line::Read)) => {
                    self.line += 1;
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.record(&buf));
                }
                Ok(Some(Line::TooLong)) => {
                    self.line += 1;
                    return Some(Err(InputError::OverLimit {
                        path: self.path.clone(),
                        line: Some(self.line),
                        limit: crate::Limit::LineBytes,
                        value: self.max_line_bytes,
                    }));
                }
                Err(e) => {
                    self.done = true;
                    // An error inside a line already counted is on that line.
                    let line = Some(if self.skipping {
                        self.line
                    } else {
                        self.line + 1
                    });
                    return Some(Err(gzip::read_error(&self.path, self.gzipped, e, line)));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str) -> Vec<Result<Document, InputError>> {
        let reader: Box<dyn Read> = Box::new(std::io::Cursor::new(data.as_bytes().to_vec()));
        JsonlReader::new(
            PathBuf::from("in.jsonl"),
            "in.jsonl".into(),
            reader,
            false,
            Some(crate::REPEAT_MIN_WORDS),
            crate::Limits::default().max_line_bytes,
        )
        .collect()
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_the_next_read() {
        let long = format!("{{\"text\":\"{}\"}}", "a".repeat(300));
        let data =
            format!("{{\"text\":\"Short one.\"}}\n{long}\n{{\"text\":\"After it.\"}}\n{long}");
        let reader: Box<dyn Read> = Box::new(std::io::Cursor::new(data.into_bytes()));
        // A small buffer, so a line spans several fills.
        let mut jsonl = JsonlReader::new(
            PathBuf::from("in.jsonl"),
            "in.jsonl".into(),
            reader,
            false,
            None,
            100,
        );
        jsonl.lines = BufReader::with_capacity(16, jsonl.lines.into_inner());
        let got: Vec<String> = jsonl
            .map(|r| match r {
                Ok(d) => d.text,
                Err(e) => e.to_string(),
            })
            .collect();
        let skipped = |n| {
            format!("in.jsonl:{n}: line longer than the limit of 100 bytes (raise it with --max-line-bytes)")
        };
        assert_eq!(
            got,
            [
                "Short one.".to_string(),
                skipped(2),
                "After it.".into(),
                skipped(4)
            ]
        );
    }

    #[test]
    fn records_become_documents_and_bad_lines_are_reported() {
        // A long paragraph said twice is read once; a short one stays.
        let data = "{\"id\":\"a1\",\"title\":\"T\",\"date\":\"2025-01-02\",\"text\":\"One.\\n\\nThe ferry to the island runs twice a day.\\n\\nOne.\\n\\nThe ferry to the island runs twice a day.\"}\n\
                    \n\
                    {\"id\": 7, \"text\": \"Missing the end\"\n\
                    {\"text\":\"No id here.\",\"url\":\"https://x.org/\"}\n\
                    [1, 2]\n\
                    {\"title\":\"Only a title\"}\n\
                    {\"text\": 5}\n";
        let got = read(data);
        assert_eq!(got.len(), 6);
        let Ok(first) = &got[0] else {
            panic!("{:?}", got[0])
        };
        assert_eq!(first.source, "in.jsonl#a1");
        assert_eq!(
            first.text,
            "One.\n\nThe ferry to the island runs twice a day.\n\nOne."
        );
        assert_eq!(first.dropped_repeats, 1);
        assert_eq!(first.title.as_deref(), Some("T"));
        assert_eq!(first.date.as_deref(), Some("2025-01-02"));
        let msg = |i: usize| {
            got[i]
                .as_ref()
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            msg(1),
            "in.jsonl:3: malformed JSON Lines record: not valid JSON"
        );
        let Ok(third) = &got[2] else {
            panic!("{:?}", got[2])
        };
        assert_eq!(third.source, "in.jsonl#4");
        assert_eq!(third.url.as_deref(), Some("https://x.org/"));
        assert_eq!(third.line_index.line_of(0), Some(4));
        assert_eq!(
            msg(3),
            "in.jsonl:5: malformed JSON Lines record: not a JSON object"
        );
        assert_eq!(msg(4), "in.jsonl:6: empty article (no text after cleaning)");
        assert_eq!(
            msg(5),
            "in.jsonl:7: malformed JSON Lines record: field `text` is not a string"
        );
    }
}
