//! The runtime model: feature hash → per-class weights, read-only.

use std::collections::HashMap;
use std::hash::Hasher;

/// Hashes a feature: a template number and its string parts. Stable across
/// runs and platforms (FNV-1a), because weight files store these hashes.
pub fn feature(template: u32, parts: &[&str]) -> u64 {
    // The hash state after the template's bytes, from a table for the
    // common small templates (a quarter of the bytes hashed per feature).
    let mut h = match TEMPLATE_STATES.get(template as usize) {
        Some(state) => Fnv(*state),
        None => {
            let mut h = Fnv(FNV_OFFSET);
            h.write_u32(template);
            h
        }
    };
    for p in parts {
        h.write(p.as_bytes());
        h.write_u8(0xff);
    }
    h.finish()
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a state after `Hasher::write_u32(t)` from the offset basis, for
/// templates 0..64 (`write_u32` hashes the native-endian bytes).
const TEMPLATE_STATES: [u64; 64] = {
    let mut states = [0u64; 64];
    let mut t = 0;
    while t < 64 {
        let bytes = (t as u32).to_ne_bytes();
        let mut h = FNV_OFFSET;
        let mut i = 0;
        while i < bytes.len() {
            h ^= bytes[i] as u64;
            h = h.wrapping_mul(FNV_PRIME);
            i += 1;
        }
        states[t] = h;
        t += 1;
    }
    states
};

/// Hashes one string to a 64-bit atom (FNV-1a). Atoms are combined into
/// features with [`combine`], which is much cheaper than hashing strings
/// again for every template.
pub fn atom(s: &str) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    h.write(s.as_bytes());
    h.finish()
}

/// A feature from a template number and precomputed atoms. Stable across
/// runs and platforms (weight files store these hashes); order-sensitive.
#[inline]
pub fn combine(template: u32, parts: &[u64]) -> u64 {
    let mut h = mix(u64::from(template).wrapping_add(0x9e37_79b9_7f4a_7c15));
    for p in parts {
        h = mix(h.rotate_left(23) ^ *p);
    }
    h
}

/// The splitmix64 finaliser: spreads every input bit over the output.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a as a [`Hasher`]: for maps keyed by short words, where it is
/// several times faster than the default SipHash.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

/// A `HashMap` with [`Fnv`] hashing.
pub(crate) type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
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
///
/// Perceptron rows are sparse (a tagger feature has non-zero weights for
/// ~4 of 49 classes), so each row keeps only its non-zero `(class, weight)`
/// entries: the whole model then fits in a few MB, and scoring touches one
/// slot and one short run of entries per feature instead of a dense row of
/// several cache lines. Skipping zero weights leaves every score bit for bit
/// the same (`s + 0.0 == s`), so predictions do not change.
#[derive(Clone, Debug, Default)]
pub struct Model {
    classes: usize,
    /// Feature hash → run of `entries`.
    rows: RowTable,
    /// The non-zero weights of every row, row after row.
    entries: Vec<Entry>,
    /// For models of at most [`INLINE`] classes (the parser's transitions):
    /// `(feature, weights)` side by side in an open-addressing table shaped
    /// like `rows`, so a lookup costs one cache miss instead of two.
    inline: Vec<(u64, [f32; INLINE])>,
}

/// Models with at most this many classes keep their weights inline.
const INLINE: usize = 4;

/// One non-zero weight of a row.
#[derive(Clone, Copy, Debug, Default)]
struct Entry {
    class: u32,
    weight: f32,
}

/// One slot of [`RowTable`]: a feature hash and its run of entries.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// Feature hash; 0 = empty (a feature hashing to 0 is stored as 1).
    key: u64,
    start: u32,
    len: u32,
}

/// Feature hash → run of entries: an open-addressing table with linear
/// probing at load factor ≤ 1/2. Lookups touch one or two adjacent slots and
/// the lookups of one configuration are independent of each other, so the
/// CPU overlaps their cache misses; this is most of prediction time.
#[derive(Clone, Debug, Default)]
struct RowTable {
    slots: Vec<Slot>,
    len: usize,
}

impl RowTable {
    fn with_capacity(n: usize) -> RowTable {
        let slots = (2 * n).next_power_of_two().max(16);
        RowTable {
            slots: vec![Slot::default(); slots],
            len: 0,
        }
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        inline_slot(key, self.slots.len() - 1)
    }

    fn insert(&mut self, key: u64, start: u32, len: u32) {
        if 2 * (self.len + 1) > self.slots.len() {
            let mut bigger = RowTable::with_capacity(self.len + 1);
            for s in self.iter() {
                bigger.insert(s.key, s.start, s.len);
            }
            *self = bigger;
        }
        let key = key.max(1);
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].key != 0 && self.slots[i].key != key {
            i = (i + 1) & mask;
        }
        if self.slots[i].key == 0 {
            self.len += 1;
        }
        self.slots[i] = Slot { key, start, len };
    }

    #[inline]
    fn get(&self, key: u64) -> Option<Slot> {
        if self.len == 0 {
            return None;
        }
        let key = key.max(1);
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let s = self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn iter(&self) -> impl Iterator<Item = Slot> + '_ {
        self.slots.iter().filter(|s| s.key != 0).copied()
    }
}

impl Model {
    /// An empty model of `classes` classes with room for `rows` rows.
    fn with_capacity(classes: usize, rows: usize) -> Model {
        if classes <= INLINE {
            let slots = (2 * rows).next_power_of_two().max(16);
            return Model {
                classes,
                rows: RowTable::default(),
                entries: Vec::new(),
                inline: vec![(0, [0.0; INLINE]); slots],
            };
        }
        Model {
            classes,
            rows: RowTable::with_capacity(rows),
            entries: Vec::with_capacity(rows * 4),
            inline: Vec::new(),
        }
    }

    /// Inserts (or replaces) a row of a small model, growing the table to
    /// keep its load factor at most 1/2 (same probing as [`RowTable`]).
    fn insert_inline(&mut self, key: u64, weights: [f32; INLINE]) {
        if 2 * (self.rows.len + 1) > self.inline.len() {
            let old = std::mem::take(&mut self.inline);
            let slots = (2 * (self.rows.len + 1)).next_power_of_two().max(16);
            self.inline = vec![(0, [0.0; INLINE]); slots];
            self.rows.len = 0;
            for (k, w) in old.into_iter().filter(|(k, _)| *k != 0) {
                self.insert_inline(k, w);
            }
        }
        let key = key.max(1);
        let mask = self.inline.len() - 1;
        let mut i = inline_slot(key, mask);
        while self.inline[i].0 != 0 && self.inline[i].0 != key {
            i = (i + 1) & mask;
        }
        if self.inline[i].0 == 0 {
            self.rows.len += 1;
        }
        self.inline[i] = (key, weights);
    }

    /// Appends a row from its non-zero `(class, weight)` entries.
    fn push_row(&mut self, feature: u64, entries: impl IntoIterator<Item = (usize, f32)>) {
        if self.classes <= INLINE {
            let mut w = [0.0; INLINE];
            for (c, x) in entries {
                if let Some(slot) = w.get_mut(c) {
                    *slot = x;
                }
            }
            self.insert_inline(feature, w);
            return;
        }
        let start = self.entries.len();
        self.entries.extend(
            entries
                .into_iter()
                .filter(|(_, w)| *w != 0.0)
                .map(|(c, w)| Entry {
                    class: c as u32,
                    weight: w,
                }),
        );
        let len = self.entries.len() - start;
        self.rows.insert(feature, start as u32, len as u32);
    }

    /// Builds a model from `(feature, weights per class)` rows.
    pub fn from_rows(classes: usize, rows: impl IntoIterator<Item = (u64, Vec<f32>)>) -> Model {
        let rows: Vec<(u64, Vec<f32>)> = rows.into_iter().collect();
        let mut m = Model::with_capacity(classes, rows.len());
        for (f, w) in rows {
            debug_assert_eq!(w.len(), classes);
            m.push_row(f, w.into_iter().take(classes).enumerate());
        }
        m
    }

    /// Adds the weights of `features` into `scores` for the classes only
    /// (same as [`Model::score`]); kept separate so callers can reuse one
    /// buffer without allocating.
    #[inline]
    pub fn score_into(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.score(features, scores);
    }

    /// Number of classes scored.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features with weights.
    pub fn features(&self) -> usize {
        self.rows.len
    }

    /// Adds the weights of `features` into `scores` (length = classes).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        // Look every feature up first, then add: the lookups are independent,
        // so their cache misses overlap instead of waiting on the additions.
        if !self.inline.is_empty() {
            let mask = self.inline.len() - 1;
            // Ask for every slot before reading any: the loads then overlap
            // instead of each waiting behind a mispredicted probe branch.
            for f in features {
                prefetch(&self.inline, inline_slot((*f).max(1), mask));
            }
            for f in features {
                let key = (*f).max(1);
                let mut i = inline_slot(key, mask);
                loop {
                    let (k, w) = &self.inline[i];
                    if *k == key {
                        for (s, x) in scores.iter_mut().zip(w) {
                            *s += x;
                        }
                        break;
                    }
                    if *k == 0 {
                        break;
                    }
                    i = (i + 1) & mask;
                }
            }
            return;
        }
        for chunk in features.chunks(32) {
            for f in chunk {
                prefetch(&self.rows.slots, self.rows.slot((*f).max(1)));
            }
            let mut runs = [(0u32, 0u32); 32];
            for (r, f) in runs.iter_mut().zip(chunk) {
                if let Some(s) = self.rows.get(*f) {
                    prefetch(&self.entries, s.start as usize);
                    *r = (s.start, s.len);
                }
            }
            for &(start, len) in runs.iter().take(chunk.len()) {
                let start = start as usize;
                for e in &self.entries[start..start + len as usize] {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.weight;
                    }
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

    /// The `keep` most important rows (largest absolute weight), the rest
    /// dropped: fits a model into a size budget with the least loss.
    pub fn pruned(&self, keep: usize) -> Model {
        let mut rows: Vec<(f32, u64, Vec<f32>)> = self
            .rows()
            .into_iter()
            .map(|(f, w)| (w.iter().fold(0.0f32, |m, x| m.max(x.abs())), f, w))
            .collect();
        rows.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        rows.truncate(keep);
        rows.sort_by_key(|r| r.1);
        Model::from_rows(self.classes, rows.into_iter().map(|(_, f, w)| (f, w)))
    }

    /// Every row, for saving: `(feature, weights)`, sorted by feature.
    pub fn rows(&self) -> Vec<(u64, Vec<f32>)> {
        let small = self
            .inline
            .iter()
            .filter(|(k, _)| *k != 0)
            .map(|(k, w)| (*k, w[..self.classes].to_vec()));
        let mut out: Vec<(u64, Vec<f32>)> = self
            .rows
            .iter()
            .map(|s| {
                let mut w = vec![0.0; self.classes];
                for e in &self.entries[s.start as usize..(s.start + s.len) as usize] {
                    w[e.class as usize] = e.weight;
                }
                (s.key, w)
            })
            .chain(small)
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
        let mut m = Model::with_capacity(classes, n);
        for i in 0..n {
            let at = 16 + i * row_len;
            let f = u64_at(at)?;
            let w = bytes[at + 8..at + row_len]
                .chunks_exact(4)
                .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .enumerate();
            m.push_row(f, w);
        }
        Ok(m)
    }
}

impl Model {
    /// Serialises compactly: only non-zero weights, quantised to i16 with one
    /// scale for the whole model. Layout (little-endian): classes u32, scale
    /// f32, rows u64, then per row: feature u64, entry count u16, then per
    /// entry class u16 and weight i16. Rows sorted by feature, so equal
    /// models give equal bytes. About 4x smaller than [`Model::to_bytes`] for
    /// perceptron weights, with no measurable accuracy change.
    pub fn to_compact_bytes(&self) -> Vec<u8> {
        let rows = self.rows();
        let scale = quantisation_scale(&rows);
        let mut body = Vec::new();
        let mut kept = 0u64;
        for (f, w) in rows {
            let q: Vec<(u16, i16)> = w
                .iter()
                .enumerate()
                .map(|(c, x)| (c as u16, (x / scale).round() as i16))
                .filter(|(_, x)| *x != 0)
                .collect();
            if q.is_empty() {
                continue;
            }
            kept += 1;
            body.extend_from_slice(&f.to_le_bytes());
            body.extend_from_slice(&(q.len() as u16).to_le_bytes());
            for (c, x) in q {
                body.extend_from_slice(&c.to_le_bytes());
                body.extend_from_slice(&x.to_le_bytes());
            }
        }
        quantised_section(self.classes, scale, kept, &body)
    }

    /// Serialises a model of at most four classes densely: like
    /// [`Model::to_compact_bytes`] (one i16 scale for the model, rows sorted
    /// by feature) but each row is its feature u64 and one i16 per class,
    /// with no entry count or class numbers: 16 bytes a row instead of up
    /// to 26, so the parser's size budget holds about 1.6 times as many
    /// transition features. Layout: classes u32, scale f32, rows u64, rows.
    pub fn to_dense_bytes(&self) -> Vec<u8> {
        let rows = self.rows();
        let scale = quantisation_scale(&rows);
        let mut body = Vec::with_capacity(rows.len() * (8 + 2 * self.classes));
        let mut kept = 0u64;
        for (f, w) in rows {
            let q: Vec<i16> = w.iter().map(|x| (x / scale).round() as i16).collect();
            if q.iter().all(|x| *x == 0) {
                continue;
            }
            kept += 1;
            body.extend_from_slice(&f.to_le_bytes());
            for x in q {
                body.extend_from_slice(&x.to_le_bytes());
            }
        }
        quantised_section(self.classes, scale, kept, &body)
    }

    /// Reads what [`Model::to_dense_bytes`] wrote.
    pub fn from_dense_bytes(bytes: &[u8]) -> Result<Model, String> {
        let bad = |what: &str| format!("dense model section {what}");
        let head = |at: usize| -> Result<[u8; 4], String> {
            bytes
                .get(at..at + 4)
                .and_then(|b| b.try_into().ok())
                .ok_or_else(|| bad("truncated"))
        };
        let classes = u32::from_le_bytes(head(0)?) as usize;
        let scale = f32::from_le_bytes(head(4)?);
        let n = bytes
            .get(8..16)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
            .ok_or_else(|| bad("truncated"))? as usize;
        if classes == 0 || classes > INLINE || !scale.is_finite() {
            return Err(bad("has a bad class count or scale"));
        }
        let row = 8 + 2 * classes;
        let body = &bytes[16..];
        if body.len() != n.saturating_mul(row) {
            return Err(bad("has the wrong length"));
        }
        let mut m = Model::with_capacity(classes, n);
        for r in body.chunks_exact(row) {
            let mut f = [0u8; 8];
            f.copy_from_slice(&r[..8]);
            let mut w = [0.0; INLINE];
            for (c, x) in r[8..].chunks_exact(2).enumerate() {
                w[c] = f32::from(i16::from_le_bytes([x[0], x[1]])) * scale;
            }
            m.insert_inline(u64::from_le_bytes(f), w);
        }
        Ok(m)
    }

    /// Reads what [`Model::to_compact_bytes`] wrote.
    pub fn from_compact_bytes(bytes: &[u8]) -> Result<Model, String> {
        let truncated = || "compact model section truncated".to_string();
        let get = |at: usize, n: usize| bytes.get(at..at + n).ok_or_else(truncated);
        let classes = u32::from_le_bytes(get(0, 4)?.try_into().map_err(|_| truncated())?) as usize;
        let scale = f32::from_le_bytes(get(4, 4)?.try_into().map_err(|_| truncated())?);
        let n = u64::from_le_bytes(get(8, 8)?.try_into().map_err(|_| truncated())?) as usize;
        if classes == 0 || !scale.is_finite() {
            return Err("compact model section has no classes or a bad scale".to_string());
        }
        let mut m = Model::with_capacity(classes, n.min(bytes.len() / 10));
        let mut at = 16;
        for _ in 0..n {
            let f = u64::from_le_bytes(get(at, 8)?.try_into().map_err(|_| truncated())?);
            let k =
                u16::from_le_bytes(get(at + 8, 2)?.try_into().map_err(|_| truncated())?) as usize;
            at += 10;
            if classes <= INLINE {
                let mut w = [0.0; INLINE];
                for e in get(at, 4 * k)?.chunks_exact(4) {
                    let c = u16::from_le_bytes([e[0], e[1]]) as usize;
                    let x = i16::from_le_bytes([e[2], e[3]]);
                    *w.get_mut(c).filter(|_| c < classes).ok_or_else(|| {
                        format!("compact model entry for class {c}, model has {classes}")
                    })? = f32::from(x) * scale;
                }
                at += 4 * k;
                m.insert_inline(f, w);
                continue;
            }
            let start = m.entries.len();
            for e in get(at, 4 * k)?.chunks_exact(4) {
                let c = u16::from_le_bytes([e[0], e[1]]) as usize;
                let x = i16::from_le_bytes([e[2], e[3]]);
                if c >= classes {
                    return Err(format!(
                        "compact model entry for class {c}, model has {classes}"
                    ));
                }
                // Zero entries are never written; a duplicate class keeps
                // the last weight, as a dense row would.
                let weight = f32::from(x) * scale;
                match m.entries[start..].iter_mut().find(|e| e.class == c as u32) {
                    Some(e) => e.weight = weight,
                    None => m.entries.push(Entry {
                        class: c as u32,
                        weight,
                    }),
                }
            }
            if m.entries[start..].iter().any(|e| e.weight == 0.0) {
                let tail: Vec<Entry> = m.entries.split_off(start);
                m.entries
                    .extend(tail.into_iter().filter(|e| e.weight != 0.0));
            }
            at += 4 * k;
            let len = m.entries.len() - start;
            m.rows.insert(f, start as u32, len as u32);
        }
        if at != bytes.len() {
            return Err(format!(
                "compact model section has {} trailing bytes",
                bytes.len() - at
            ));
        }
        Ok(m)
    }
}

/// The home slot of `key` in a table of `mask + 1` slots. Folds the high
/// bits in: FNV hashes vary little in their low bits.
#[inline]
fn inline_slot(key: u64, mask: usize) -> usize {
    ((key ^ (key >> 29) ^ (key >> 47)) as usize) & mask
}

/// Hints the CPU to load `items[i]` into cache (no effect elsewhere than
/// x86-64, and never a fault: a prefetch does not dereference).
#[inline(always)]
fn prefetch<T>(items: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of the x86-64 baseline, and a prefetch only
        // hints the cache: it never dereferences, so any address is fine.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(items.as_ptr().wrapping_add(i).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (items, i);
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

/// The one scale of a quantised model: its largest weight maps to the
/// largest i16. From the rows, not `entries`: a model of at most four
/// classes keeps its weights inline and has no entries, and its scale was 1
/// (weights rounded to integers) until issue 13 found it.
fn quantisation_scale(rows: &[(u64, Vec<f32>)]) -> f32 {
    let max = rows
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(0.0f32, |m, x| m.max(x.abs()));
    if max > 0.0 {
        max / 32767.0
    } else {
        1.0
    }
}

/// A quantised model's bytes: classes u32, scale f32, rows u64 (the
/// header both compact and dense layouts share), then `body`.
fn quantised_section(classes: usize, scale: f32, rows: u64, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + body.len());
    out.extend_from_slice(&(classes as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&rows.to_le_bytes());
    out.extend_from_slice(body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_hash_is_stable() {
        // Plain FNV-1a over the template's bytes, then each part and 0xff:
        // the table of template states must give exactly this.
        let plain = |template: u32, parts: &[&str]| {
            let mut h = Fnv(0xcbf2_9ce4_8422_2325);
            h.write_u32(template);
            for p in parts {
                h.write(p.as_bytes());
                h.write_u8(0xff);
            }
            h.finish()
        };
        for t in [0, 1, 17, 29, 63, 64, 200, u32::MAX] {
            for parts in [&[][..], &["a"], &["Xxxx", "B-PER"], &["", "é"]] {
                assert_eq!(feature(t, parts), plain(t, parts), "{t} {parts:?}");
            }
        }
        // Pinned: weight files store these hashes.
        assert_eq!(feature(7, &["word"]), 15_407_703_406_107_542_347);
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

    #[test]
    fn compact_bytes_round_trip() {
        let m = Model::from_rows(
            3,
            vec![
                (7, vec![1.0, -1.0, 0.0]),
                (3, vec![0.0, 0.0, 0.0]),
                (9, vec![0.5, 0.0, 2.0]),
            ],
        );
        let bytes = m.to_compact_bytes();
        let again = Model::from_compact_bytes(&bytes).unwrap();
        assert_eq!(again.features(), 2, "all-zero rows are dropped");
        assert_eq!(again.predict(&[7]), 0);
        assert_eq!(again.predict(&[9]), 2);
        assert_eq!(again.to_compact_bytes(), bytes);
        assert!(Model::from_compact_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    /// The dense encoding gives the very weights the compact one gives
    /// (same quantisation), in fewer bytes, and rejects damage.
    #[test]
    fn dense_bytes_match_compact_bytes() {
        let m = Model::from_rows(
            4,
            vec![
                (7, vec![1.0, -1.0, 0.25, 3.0]),
                (3, vec![0.0, 0.0, 0.0, 0.0]),
                (9, vec![0.5, 0.0, 2.0, -0.125]),
                (11, vec![-2.0, 1.5, 0.75, 0.5]),
            ],
        );
        let dense = m.to_dense_bytes();
        let compact = m.to_compact_bytes();
        assert!(dense.len() < compact.len());
        let a = Model::from_dense_bytes(&dense).unwrap();
        let b = Model::from_compact_bytes(&compact).unwrap();
        assert_eq!(a.features(), 3, "all-zero rows are dropped");
        assert_eq!(a.rows(), b.rows());
        assert_eq!(a.to_dense_bytes(), dense);
        assert!(Model::from_dense_bytes(&dense[..dense.len() - 1]).is_err());
        let wide = Model::from_rows(5, vec![(1, vec![1.0; 5])]);
        assert!(Model::from_dense_bytes(&wide.to_dense_bytes()).is_err());
    }

    #[test]
    fn combine_is_order_sensitive() {
        assert_ne!(
            combine(1, &[atom("a"), atom("b")]),
            combine(1, &[atom("b"), atom("a")])
        );
        assert_ne!(combine(1, &[1]), combine(2, &[1]));
        assert_eq!(combine(3, &[atom("x")]), combine(3, &[atom("x")]));
    }
}
