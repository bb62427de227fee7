//! The `--max-…` flags of `ingest` and `extract`: one per input limit
//! (issue 15, item 3). Defaults and their reasons live in
//! `newskg::input::Limits`; a flag not given keeps the default.

use clap::Args;

use newskg::input::Limits;
use newskg::pipeline::Warning;

/// Limits on what one input may hold. A file or document over a limit is
/// reported as `path[:line]: …` naming the limit and its flag, and the other
/// inputs go on.
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Most bytes one input file may decompress to (.gz); K, M, G suffixes
    /// are powers of 1024 [default: 4G]
    #[arg(long, value_name = "BYTES", value_parser = bytes)]
    max_decompressed_bytes: Option<u64>,
    /// Most bytes of one text or HTML article, after decompression
    /// [default: 32M]
    #[arg(long, value_name = "BYTES", value_parser = bytes)]
    max_document_bytes: Option<u64>,
    /// Most bytes of one JSON Lines record or line of text (a longer record
    /// is skipped, the next one read) [default: 8M]
    #[arg(long, value_name = "BYTES", value_parser = bytes)]
    max_line_bytes: Option<u64>,
    /// Deepest nesting of HTML elements [default: 512]
    #[arg(long, value_name = "N")]
    max_html_depth: Option<usize>,
    /// Most tokens of a sentence analysed whole; a longer one is analysed in
    /// pieces of this many, with a warning [default: 400]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    max_sentence_tokens: Option<u64>,
    /// Most named-entity mentions in one document; one with more is skipped
    /// [default: 2000]
    #[arg(long, value_name = "N")]
    max_entities: Option<usize>,
}

impl LimitArgs {
    /// The limits: the defaults, with the flags given.
    pub fn limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_decompressed_bytes: self
                .max_decompressed_bytes
                .unwrap_or(d.max_decompressed_bytes),
            max_document_bytes: self.max_document_bytes.unwrap_or(d.max_document_bytes),
            max_line_bytes: self.max_line_bytes.unwrap_or(d.max_line_bytes),
            max_html_depth: self.max_html_depth.unwrap_or(d.max_html_depth),
            max_sentence_tokens: self.max_sentence_tokens.map_or(d.max_sentence_tokens, |n| {
                usize::try_from(n).unwrap_or(usize::MAX)
            }),
            max_entities: self.max_entities.unwrap_or(d.max_entities),
        }
    }
}

/// `123`, `64K`, `32M`, `4G` (powers of 1024; a trailing `B` or `iB` is
/// allowed).
fn bytes(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        Some((i, 't' | 'T')) => (&t[..i], 40),
        _ => (t, 0),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .ok_or_else(|| format!("{s:?} is not a size in bytes (such as 800K, 32M or 4G)"))
}

/// Prints one line per warning, `newskg: warning: path[:line]: …`.
pub fn report_warnings(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("newskg: warning: {w}");
    }
}

#[cfg(test)]
mod tests {
    use super::super::Cli;
    use super::*;
    use clap::Parser;

    #[test]
    fn sizes_take_binary_suffixes() {
        assert_eq!(bytes("123"), Ok(123));
        assert_eq!(bytes("64K"), Ok(64 << 10));
        assert_eq!(bytes("32MiB"), Ok(32 << 20));
        assert_eq!(bytes("4g"), Ok(4 << 30));
        assert!(bytes("lots").is_err());
        assert!(bytes("99999999999T").is_err());
    }

    #[test]
    fn flags_override_only_what_they_name() {
        let cli = Cli::try_parse_from([
            "newskg",
            "ingest",
            "a.txt",
            "--max-line-bytes",
            "1M",
            "--max-entities",
            "10",
        ]);
        assert!(cli.is_ok());
        let limits = LimitArgs {
            max_line_bytes: Some(1 << 20),
            max_entities: Some(10),
            ..LimitArgs::default()
        }
        .limits();
        assert_eq!(
            limits,
            Limits {
                max_line_bytes: 1 << 20,
                max_entities: 10,
                ..Limits::default()
            }
        );
        assert!(
            Cli::try_parse_from(["newskg", "extract", "a.txt", "--max-sentence-tokens", "0"])
                .is_err()
        );
    }
}
