//! Training the averaged perceptron (never used at prediction time).

use super::model::{FeatureMap, Model};

/// Accumulates perceptron updates and their running averages.
pub struct Trainer {
    classes: usize,
    /// Per feature: current weights, summed weights, step of the last change.
    rows: FeatureMap<Row>,
    step: u64,
}

/// One feature's weights. `totals` is brought up to date (for every class
/// at once) whenever the row changes, so one stamp per row suffices; that
/// keeps training memory at 12 bytes per weight.
struct Row {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamp: u64,
}

impl Trainer {
    /// A trainer for `classes` classes.
    pub fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            rows: FeatureMap::default(),
            step: 0,
        }
    }

    /// Adds the current weights of `features` into `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        for f in features {
            if let Some(row) = self.rows.get(f) {
                for (s, w) in scores.iter_mut().zip(&row.weights) {
                    *s += w;
                }
            }
        }
    }

    /// Moves weight towards `truth` and away from `guess` for `features`.
    /// Call [`Trainer::tick`] once per training example.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        // The second call finds every row already brought up to date.
        self.add(features, truth, 1.0);
        self.add(features, guess, -1.0);
    }

    /// Adds `delta` to the weight of class `class` for each of `features`
    /// (a feature listed twice moves twice). The structured perceptron
    /// of the beam parser moves whole transition sequences, one class per
    /// step, so its updates are not a (truth, guess) pair.
    pub fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        let (step, classes) = (self.step, self.classes);
        for f in features {
            let row = self.rows.entry(*f).or_insert_with(|| Row {
                weights: vec![0.0; classes],
                totals: vec![0.0; classes],
                stamp: step,
            });
            let elapsed = (step - row.stamp) as f64;
            if elapsed > 0.0 {
                for (t, w) in row.totals.iter_mut().zip(&row.weights) {
                    *t += elapsed * f64::from(*w);
                }
                row.stamp = step;
            }
            row.weights[class] += delta;
        }
    }

    /// Marks the end of one training example (for averaging).
    pub fn tick(&mut self) {
        self.step += 1;
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features seen so far.
    pub fn features(&self) -> usize {
        self.rows.len()
    }

    /// The averaged model. Rows whose averaged weights are all below
    /// `prune` in absolute value are dropped (smaller files, same accuracy).
    pub fn finish(self, prune: f32) -> Model {
        self.averaged(prune)
    }

    /// The averaged model so far, leaving training state untouched (for
    /// choosing the best epoch on a development set).
    pub fn averaged(&self, prune: f32) -> Model {
        let step = self.step.max(1);
        let rows = self.rows.iter().filter_map(|(f, row)| {
            let elapsed = (step.saturating_sub(row.stamp)) as f64;
            let avg: Vec<f32> = row
                .totals
                .iter()
                .zip(&row.weights)
                .map(|(t, w)| ((t + elapsed * f64::from(*w)) / step as f64) as f32)
                .collect();
            avg.iter().any(|w| w.abs() >= prune).then_some((*f, avg))
        });
        // Sort for a deterministic layout.
        let mut rows: Vec<(u64, Vec<f32>)> = rows.collect();
        rows.sort_by_key(|(f, _)| *f);
        Model::from_rows(self.classes, rows)
    }
}

/// A small seeded random generator (xorshift64*), so that training is
/// reproducible without a dependency.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced by a fixed constant).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9e37_79b9_7f4a_7c15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Shuffles a slice in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::perceptron::feature;

    #[test]
    fn learns_a_separable_problem() {
        // Class = whether the word ends in "s".
        let words = ["cats", "dog", "hats", "cup", "runs", "tree"];
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for w in words {
                let feats = [feature(0, &[&w[w.len() - 1..]]), feature(1, &[])];
                let truth = usize::from(w.ends_with('s'));
                let mut scores = [0.0; 2];
                t.score(&feats, &mut scores);
                let guess = super::super::model::argmax(&scores);
                t.update(&feats, truth, guess);
                t.tick();
            }
        }
        let m = t.finish(0.0);
        assert_eq!(m.predict(&[feature(0, &["s"]), feature(1, &[])]), 1);
        assert_eq!(m.predict(&[feature(0, &["g"]), feature(1, &[])]), 0);
    }

    #[test]
    fn rng_is_seeded() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        assert_eq!(a.next_u64(), b.next_u64());
    }
}
