//! The runtime model: feature hash → per-class weights, read-only.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Hashes a feature: a template number and its string parts. Stable across
/// runs and platforms (FNV-1a), because weight files store these hashes.
pub fn feature(template: u32, parts: &[&str]) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.write_u32(template);
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Identity hasher: feature keys are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct PreHashed(u64);

impl Hasher for PreHashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type FeatureMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<PreHashed>>;

/// Averaged perceptron weights, ready for prediction. `Send + Sync`.
#[derive(Clone, Debug, Default)]
pub struct Model {
    classes: usize,
    /// Row `i` holds the weights of feature `i` for every class, contiguous.
    rows: FeatureMap<u32>,
    weights: Vec<f32>,
}

impl Model {
    /// Builds a model from `(feature, weights per class)` rows.
    pub fn from_rows(classes: usize, rows: impl IntoIterator<Item = (u64, Vec<f32>)>) -> Model {
        let mut m = Model {
            classes,
            rows: FeatureMap::default(),
            weights: Vec::new(),
        };
        for (f, w) in rows {
            debug_assert_eq!(w.len(), classes);
            let at = (m.weights.len() / classes.max(1)) as u32;
            m.weights.extend_from_slice(&w);
            m.rows.insert(f, at);
        }
        m
    }

    /// Number of classes scored.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// Adds the weights of `features` into `scores` (length = classes).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(&row) = self.rows.get(f) {
                let start = row as usize * self.classes;
                for (s, w) in scores
                    .iter_mut()
                    .zip(&self.weights[start..start + self.classes])
                {
                    *s += w;
                }
            }
        }
    }

    /// The best class for `features`.
    pub fn predict(&self, features: &[u64]) -> usize {
        let mut scores = vec![0.0; self.classes];
        self.score(features, &mut scores);
        argmax(&scores)
    }

    /// Every row, for saving: `(feature, weights)`, sorted by feature.
    pub fn rows(&self) -> Vec<(u64, &[f32])> {
        let mut out: Vec<(u64, &[f32])> = self
            .rows
            .iter()
            .map(|(f, &r)| {
                let s = r as usize * self.classes;
                (*f, &self.weights[s..s + self.classes])
            })
            .collect();
        out.sort_by_key(|(f, _)| *f);
        out
    }

    /// Serialises to bytes: classes, row count, then each row (feature hash,
    /// weights as f32), little-endian. Rows are sorted, so equal models give
    /// equal bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let rows = self.rows();
        let mut out = Vec::with_capacity(16 + rows.len() * (8 + 4 * self.classes));
        out.extend_from_slice(&(self.classes as u64).to_le_bytes());
        out.extend_from_slice(&(rows.len() as u64).to_le_bytes());
        for (f, w) in rows {
            out.extend_from_slice(&f.to_le_bytes());
            for x in w {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let u64_at = |at: usize| -> Result<u64, String> {
            bytes
                .get(at..at + 8)
                .map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])))
                .ok_or_else(|| "model section truncated".to_string())
        };
        let classes = u64_at(0)? as usize;
        let n = u64_at(8)? as usize;
        let row_len = 8 + 4 * classes;
        if classes == 0 || bytes.len() != 16 + n * row_len {
            return Err(format!(
                "model section has {} bytes, expected {}",
                bytes.len(),
                16 + n * row_len
            ));
        }
        let mut rows = Vec::with_capacity(n);
        for i in 0..n {
            let at = 16 + i * row_len;
            let f = u64_at(at)?;
            let w = bytes[at + 8..at + row_len]
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect();
            rows.push((f, w));
        }
        Ok(Model::from_rows(classes, rows))
    }
}

/// Index of the largest score (the first one on ties).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if *s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_hash_is_stable() {
        assert_eq!(feature(1, &["a", "b"]), feature(1, &["a", "b"]));
        assert_ne!(feature(1, &["ab"]), feature(1, &["a", "b"]));
        assert_ne!(feature(1, &["a"]), feature(2, &["a"]));
    }

    #[test]
    fn bytes_round_trip() {
        let m = Model::from_rows(2, vec![(7, vec![1.0, -1.0]), (3, vec![0.5, 0.25])]);
        let again = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(again.rows(), m.rows());
        assert_eq!(again.predict(&[7]), 0);
        assert!(Model::from_bytes(&m.to_bytes()[..20]).is_err());
    }
}
