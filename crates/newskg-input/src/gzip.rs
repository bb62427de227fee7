//! Gzip decompression, streaming: a `.gz` input is never held in memory
//! whole, and a truncated or corrupt stream becomes [`InputError::Gzip`]
//! rather than a silently shortened article. What a file decompresses to
//! is capped ([`Limits::max_decompressed_bytes`](crate::Limits)), so a gzip
//! bomb ends in [`InputError::OverLimit`] rather than filling the disk or
//! the time of a batch.

use std::io::{BufRead, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use super::InputError;

/// A reader that decompresses `inner` (all members of a multi-member file)
/// and fails with [`Capped`] past `max` bytes.
pub(crate) fn decoder(inner: impl BufRead + 'static, max: u64) -> Box<dyn Read> {
    Box::new(Capped {
        inner: MultiGzDecoder::new(inner),
        read: 0,
        max,
    })
}

/// A reader that fails once it has given more than `max` bytes; the error
/// carries [`OverCap`], which [`read_error`] turns into
/// [`InputError::OverLimit`].
struct Capped<R> {
    inner: R,
    read: u64,
    max: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        if self.read > self.max {
            return Err(std::io::Error::other(OverCap(self.max)));
        }
        Ok(n)
    }
}

/// The decompressed data went over this many bytes.
#[derive(Debug)]
struct OverCap(u64);

impl std::fmt::Display for OverCap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "decompressed data over {} bytes", self.0)
    }
}

impl std::error::Error for OverCap {}

/// The error for a failed read: the decompression cap, a decoder failure
/// when the data is gzip, otherwise a plain I/O error. `line` is the JSON
/// Lines line being read, if any.
pub(crate) fn read_error(
    path: &Path,
    gzipped: bool,
    source: std::io::Error,
    line: Option<u64>,
) -> InputError {
    if let Some(OverCap(max)) = source.get_ref().and_then(|e| e.downcast_ref::<OverCap>()) {
        return InputError::OverLimit {
            path: path.to_owned(),
            line,
            limit: crate::Limit::DecompressedBytes,
            value: *max,
        };
    }
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
        .map_err(|e| read_error(path, gzipped, e, None))?;
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
        let ok = decoder(std::io::Cursor::new(packed.clone()), u64::MAX).read_to_end(&mut out);
        assert!(ok.is_ok());
        assert_eq!(out, data);
        let cut = packed[..packed.len() / 2].to_vec();
        let mut out = Vec::new();
        assert!(decoder(std::io::Cursor::new(cut), u64::MAX)
            .read_to_end(&mut out)
            .is_err());
    }

    #[test]
    fn decompression_stops_at_the_cap() {
        let data = vec![b'a'; 1 << 20];
        let packed = gz(&data);
        let mut out = Vec::new();
        let err = decoder(std::io::Cursor::new(packed), 1000)
            .read_to_end(&mut out)
            .err();
        let Some(err) = err else {
            panic!("read past the cap")
        };
        assert!(out.len() < (1 << 20), "{} bytes read", out.len());
        let err = read_error(Path::new("bomb.txt.gz"), true, err, None);
        assert_eq!(
            err.to_string(),
            "bomb.txt.gz: input decompresses to more than the limit of 1000 bytes; the rest of the file is not read (raise it with --max-decompressed-bytes)"
        );
    }
}
