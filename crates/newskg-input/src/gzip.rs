//! Gzip decompression, streaming: a `.gz` input is never held in memory
//! whole, and a truncated or corrupt stream becomes [`InputError::Gzip`]
//! rather than a silently shortened article.

use std::io::{BufRead, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use super::InputError;

/// A reader that decompresses `inner` (all members of a multi-member file).
pub(crate) fn decoder(inner: impl BufRead + 'static) -> Box<dyn Read> {
    Box::new(MultiGzDecoder::new(inner))
}

/// The error for a failed read: a decoder failure when the data is gzip,
/// otherwise a plain I/O error.
pub(crate) fn read_error(path: &Path, gzipped: bool, source: std::io::Error) -> InputError {
    if gzipped {
        InputError::Gzip {
            path: path.to_owned(),
            source,
        }
    } else {
        InputError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// Reads up to `n` bytes from the start of `reader` (to guess the format);
/// the caller chains them back in front of the reader.
pub(crate) fn peek(
    reader: &mut Box<dyn Read>,
    n: usize,
    path: &Path,
    gzipped: bool,
) -> Result<Vec<u8>, InputError> {
    let mut head = Vec::with_capacity(n);
    reader
        .take(n as u64)
        .read_to_end(&mut head)
        .map_err(|e| read_error(path, gzipped, e))?;
    Ok(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = enc.write_all(data);
        enc.finish().unwrap_or_default()
    }

    #[test]
    fn round_trip_and_truncation() {
        let data = b"Some words of an article.\n".repeat(50);
        let packed = gz(&data);
        let mut out = Vec::new();
        let ok = decoder(std::io::Cursor::new(packed.clone())).read_to_end(&mut out);
        assert!(ok.is_ok());
        assert_eq!(out, data);
        let cut = packed[..packed.len() / 2].to_vec();
        let mut out = Vec::new();
        assert!(decoder(std::io::Cursor::new(cut))
            .read_to_end(&mut out)
            .is_err());
    }
}
