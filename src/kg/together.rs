//! Which known entities stored documents mention together: the context the
//! [`Resolver`](super::Resolver) weighs when a bare surname or a tie has to
//! be decided ("an entity seen with both").
//!
//! The resolver starts from every stored document, and counting each pair
//! of entities of each one up front made a hash-map entry per ordered pair:
//! on the 21k-article bench, 20,793 documents, 0.17 s of CPU before an
//! ingest of 65 new articles could resolve anything, which then asked about
//! the pairs of a few candidates only. So [`Together`] keeps, per entity, the
//! list of what changed its pairs, in order (a document counted or
//! uncounted, the entity forgotten), and answers a question about one pair
//! by replaying the shorter of the two entities' lists: the same changes in
//! the same order, with the same floor at zero, give the count the eager
//! table held, so the resolver decides exactly as before.

/// Per entity, what changed the documents it is counted in with others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Change {
    /// The document set `sets[i]` counted once more.
    Add(u32),
    /// The document set `sets[i]` counted once less (a replaced document),
    /// never below zero.
    Remove(u32),
    /// This entity forgot entity `k`: their pair is at zero.
    Drop(u32),
    /// This entity was forgotten: all its pairs are at zero.
    Clear,
}

/// For each pair of known entities, in how many stored documents both are
/// mentioned (see the module's header). Entities are the resolver's indexes.
#[derive(Debug, Default)]
pub(super) struct Together {
    /// The entity sets of the documents counted or uncounted, each sorted:
    /// what [`Change::Add`] and [`Change::Remove`] point to.
    sets: Vec<Vec<u32>>,
    /// Per entity, its changes in order.
    changes: Vec<Vec<Change>>,
}

impl Together {
    /// Makes room for entity `k` (a new one has no pair yet).
    pub(super) fn reserve(&mut self, k: usize) {
        if self.changes.len() <= k {
            self.changes.resize_with(k + 1, Vec::new);
        }
    }

    /// Counts (`add`) or uncounts one document mentioning the entities `ks`
    /// (distinct): each pair of them once more, or once less.
    pub(super) fn count(&mut self, ks: &[usize], add: bool) {
        if ks.len() < 2 {
            return;
        }
        let Ok(i) = u32::try_from(self.sets.len()) else {
            return;
        };
        let mut set: Vec<u32> = ks.iter().filter_map(|&k| u32::try_from(k).ok()).collect();
        set.sort_unstable();
        set.dedup();
        let change = if add {
            Change::Add(i)
        } else {
            Change::Remove(i)
        };
        for &k in &set {
            self.reserve(k as usize);
            self.changes[k as usize].push(change);
        }
        self.sets.push(set);
    }

    /// Entity `k` is forgotten: every pair with it goes to zero.
    pub(super) fn forget(&mut self, k: usize) {
        let Ok(k32) = u32::try_from(k) else {
            return;
        };
        self.reserve(k);
        for n in self.partners(k) {
            self.changes[n].push(Change::Drop(k32));
        }
        self.changes[k].push(Change::Clear);
    }

    /// Whether some counted document mentions both `a` and `b`.
    pub(super) fn both(&self, a: usize, b: usize) -> bool {
        let len = |k: usize| self.changes.get(k).map_or(0, Vec::len);
        let (from, other) = if len(a) <= len(b) { (a, b) } else { (b, a) };
        self.pair_count(from, other) > 0
    }

    /// The count of the pair (`from`, `other`), replayed from `from`'s
    /// changes.
    fn pair_count(&self, from: usize, other: usize) -> usize {
        let (Some(changes), Ok(other)) = (self.changes.get(from), u32::try_from(other)) else {
            return 0;
        };
        if from == other as usize {
            return 0;
        }
        let mut n: usize = 0;
        for change in changes {
            match *change {
                Change::Add(i) if self.holds(i, other) => n += 1,
                Change::Remove(i) if self.holds(i, other) => n = n.saturating_sub(1),
                Change::Drop(k) if k == other => n = 0,
                Change::Clear => n = 0,
                _ => {}
            }
        }
        n
    }

    /// Whether document set `i` holds entity `k`.
    fn holds(&self, i: u32, k: u32) -> bool {
        self.sets
            .get(i as usize)
            .is_some_and(|set| set.binary_search(&k).is_ok())
    }

    /// The entities `k` has a pair above zero with, each once.
    fn partners(&self, k: usize) -> Vec<usize> {
        let Some(changes) = self.changes.get(k) else {
            return Vec::new();
        };
        let mut seen: Vec<u32> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Add(i) | Change::Remove(i) => self.sets.get(*i as usize),
                _ => None,
            })
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter()
            .map(|n| n as usize)
            .filter(|&n| n != k && self.pair_count(k, n) > 0)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// The eager table the resolver kept before: a count per ordered pair.
    #[derive(Default)]
    struct Table(Vec<HashMap<usize, usize>>);

    impl Table {
        fn count(&mut self, ks: &[usize], add: bool) {
            for &a in ks {
                for &b in ks {
                    if a == b {
                        continue;
                    }
                    if self.0.len() <= a {
                        self.0.resize_with(a + 1, HashMap::new);
                    }
                    let n = self.0[a].entry(b).or_default();
                    if add {
                        *n += 1;
                    } else {
                        *n = n.saturating_sub(1);
                        if *n == 0 {
                            self.0[a].remove(&b);
                        }
                    }
                }
            }
        }

        fn forget(&mut self, k: usize) {
            if self.0.len() <= k {
                return;
            }
            for n in std::mem::take(&mut self.0[k]).into_keys() {
                self.0[n].remove(&k);
            }
        }

        fn both(&self, a: usize, b: usize) -> bool {
            self.0.get(a).is_some_and(|m| m.contains_key(&b))
        }
    }

    /// A deterministic sequence of counts, uncounts (some of documents
    /// never counted, which the floor at zero absorbs) and forgettings
    /// answers every pair as the eager table does, at every step.
    #[test]
    fn replayed_pairs_are_the_eager_counts() {
        let (mut lazy, mut eager) = (Together::default(), Table::default());
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        let entities = 12;
        for step in 0..400 {
            match next(10) {
                0 => {
                    let k = next(entities);
                    lazy.forget(k);
                    eager.forget(k);
                }
                roll => {
                    let mut ks: Vec<usize> = (0..1 + next(5)).map(|_| next(entities)).collect();
                    ks.sort_unstable();
                    ks.dedup();
                    let add = roll > 3;
                    lazy.count(&ks, add);
                    eager.count(&ks, add);
                }
            }
            for a in 0..entities as usize {
                for b in 0..entities as usize {
                    assert_eq!(
                        lazy.both(a, b),
                        eager.both(a, b),
                        "step {step}: pair {a} {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_document_pairs_its_entities_until_uncounted_or_forgotten() {
        let mut t = Together::default();
        t.count(&[1, 4, 7], true);
        t.count(&[4, 7], true);
        assert!(t.both(1, 4) && t.both(4, 1) && t.both(4, 7));
        assert!(!t.both(1, 1) && !t.both(2, 4) && !t.both(1, 99));
        t.count(&[1, 4, 7], false);
        assert!(!t.both(1, 4) && t.both(4, 7), "4 and 7 share one more");
        t.forget(7);
        assert!(!t.both(4, 7) && !t.both(7, 4));
        t.count(&[4, 7], true);
        assert!(t.both(7, 4), "counted again after being forgotten");
    }
}
