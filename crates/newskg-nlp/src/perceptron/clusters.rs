//! Brown clusters: word → bit-string path in a hierarchical clustering of
//! words by context (`Paris 0110010101`, `London 0110010101`).
//!
//! Prefixes of the path are coarse word classes, so a word never seen in the
//! treebank still shares features with seen words of its cluster (Koo et al.
//! 2008). The tagger and the parser store the clusters they were trained with
//! in their weight files ([`Clusters::to_bytes`]), so prediction needs no
//! lexicon on disk.

use std::collections::HashSet;
use std::path::Path;

use super::model::{atom, FnvMap};
use crate::corpus::CorpusError;

/// Prefix lengths used as features (the last entry means the full path).
pub const PREFIXES: [usize; 4] = [4, 6, 10, usize::MAX];

/// Word → cluster path, with the feature atoms of its prefixes precomputed.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    /// `word\tpath\n` lines sorted by word: what [`Clusters::to_bytes`]
    /// saves, kept as one string instead of two per word.
    text: String,
    atoms: FnvMap<Box<str>, [u64; 4]>,
}

impl Clusters {
    /// Builds from `(word, path)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (String, String)>) -> Clusters {
        let mut paths: Vec<(String, String)> = pairs.into_iter().collect();
        paths.sort();
        paths.dedup_by(|a, b| a.0 == b.0);
        let mut text = String::new();
        for (w, p) in &paths {
            text.push_str(w);
            text.push('\t');
            text.push_str(p);
            text.push('\n');
        }
        let atoms = paths
            .iter()
            .map(|(w, p)| (Box::from(w.as_str()), prefix_atoms(p)))
            .collect();
        Clusters { text, atoms }
    }

    /// Reads a `word<TAB>path` file, keeping the first `top` lines (the file
    /// is ordered by frequency) plus any word in `keep`.
    pub fn read_tsv(
        path: &Path,
        top: usize,
        keep: &HashSet<String>,
    ) -> Result<Clusters, CorpusError> {
        let text = std::fs::read_to_string(path).map_err(|source| CorpusError::Io {
            path: path.to_owned(),
            source,
        })?;
        let mut pairs = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let Some((w, p)) = line.split_once('\t') else {
                return Err(CorpusError::Malformed {
                    path: path.to_owned(),
                    line: i as u64 + 1,
                    message: "expected `word<TAB>bit-string`".to_string(),
                });
            };
            if i < top || keep.contains(w) {
                pairs.push((w.to_string(), p.trim().to_string()));
            }
        }
        Ok(Clusters::from_pairs(pairs))
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.atoms.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.atoms.is_empty()
    }

    /// Atoms of the cluster prefixes ([`PREFIXES`]) of `word` (tried as is,
    /// then lowercased); all zero when the word is unknown.
    pub fn atoms(&self, word: &str) -> [u64; 4] {
        if let Some(a) = self.atoms.get(word) {
            return *a;
        }
        if word.chars().any(char::is_uppercase) {
            if let Some(a) = self.atoms.get(word.to_lowercase().as_str()) {
                return *a;
            }
        }
        [0; 4]
    }

    /// Serialises as `word\tpath\n` lines, sorted (deterministic bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.text.clone().into_bytes()
    }

    /// Reads what [`Clusters::to_bytes`] wrote. Saved tables are sorted,
    /// so they are taken as they are, without sorting or copying pairs
    /// (this is part of model loading time); any other order goes through
    /// [`Clusters::from_pairs`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, String> {
        let text =
            std::str::from_utf8(bytes).map_err(|_| "cluster section is not UTF-8".to_string())?;
        let mut atoms = FnvMap::default();
        atoms.reserve(text.len() / 16);
        let mut last: Option<&str> = None;
        let mut sorted = (text.is_empty() || text.ends_with('\n')) && !text.contains('\r');
        for line in text.lines() {
            let (w, p) = line
                .split_once('\t')
                .ok_or_else(|| format!("bad cluster line {line:?}"))?;
            if last.is_some_and(|l| l >= w) || p.contains('\t') {
                sorted = false;
                break;
            }
            last = Some(w);
            atoms.insert(Box::from(w), prefix_atoms(p));
        }
        if sorted {
            return Ok(Clusters {
                text: text.to_string(),
                atoms,
            });
        }
        let mut pairs = Vec::new();
        for line in text.lines() {
            let (w, p) = line
                .split_once('\t')
                .ok_or_else(|| format!("bad cluster line {line:?}"))?;
            pairs.push((w.to_string(), p.to_string()));
        }
        Ok(Clusters::from_pairs(pairs))
    }
}

fn prefix_atoms(path: &str) -> [u64; 4] {
    let mut out = [0; 4];
    for (slot, len) in out.iter_mut().zip(PREFIXES) {
        let p = path.get(..path.len().min(len)).unwrap_or(path);
        // Tag with the length so a short full path differs from a prefix.
        *slot = atom(p) ^ (len.min(64) as u64).wrapping_mul(0x9e37_79b9);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_are_shared_and_bytes_round_trip() {
        let c = Clusters::from_pairs([
            ("Paris".to_string(), "0110010101".to_string()),
            ("london".to_string(), "0110010111".to_string()),
        ]);
        let (p, l) = (c.atoms("Paris"), c.atoms("London"));
        assert_eq!(p[0], l[0]);
        assert_eq!(p[1], l[1]);
        assert_ne!(p[3], l[3]);
        assert_eq!(c.atoms("unknown"), [0; 4]);
        let again = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(again.atoms("Paris"), p);
        assert_eq!(again.to_bytes(), c.to_bytes());
    }
}
