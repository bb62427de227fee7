//! Beam search over arc-eager transitions (Zhang & Clark 2008; Zhang &
//! Nivre 2011): the `width` best-scoring partial parses are kept at every
//! step instead of one, so an early choice that looked best locally can
//! still lose to a sequence that scores better as a whole.
//!
//! A hypothesis scores the sum of its transition scores. That sum only ranks
//! hypotheses well if the weights were trained on sums, i.e. globally
//! ([`super::global`]); a greedily trained model decoded with a beam got
//! worse (EWT dev UAS 85.70 greedy, 82.53 with width 2).
//!
//! Every word is pushed once (SHIFT or RIGHT) and popped once (LEFT or
//! REDUCE), so every complete parse takes exactly `2n` transitions and the
//! hypotheses of one step are all equally far along: no length
//! normalisation is needed. Labels are chosen by the separate label
//! classifier when an arc's label is due (as in greedy decoding); they are
//! not part of the beam's score.

use std::cmp::Ordering;

use super::features::{label_features, transition_features, Atoms};
use super::forced;
use super::state::{State, ACTIONS, LEFT, REDUCE};
use crate::perceptron::{argmax, Model, Trainer};

/// Weights that score features: the runtime [`Model`] or, while training,
/// the [`Trainer`]'s current weights.
pub(crate) trait Weights {
    /// Adds the weights of `features` into `scores` (one per class).
    fn add_scores(&self, features: &[u64], scores: &mut [f32]);
}

impl Weights for Model {
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        self.score(features, scores);
    }
}

impl Weights for Trainer {
    fn add_scores(&self, features: &[u64], scores: &mut [f32]) {
        self.score(features, scores);
    }
}

/// One partial parse of the beam.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub state: State,
    /// Sum of the scores of its transitions (forced ones score 0).
    pub score: f32,
    /// Its last transition in the training history (unused when decoding).
    pub node: usize,
    /// Whether every transition so far was an optimal one according to
    /// the dynamic oracle (training only; always true when decoding).
    pub correct: bool,
}

impl Item {
    /// The start configuration of an `n`-word sentence.
    pub fn start(n: usize) -> Item {
        Item {
            state: State::new(n),
            score: 0.0,
            node: usize::MAX,
            correct: true,
        }
    }
}

/// One way of extending a hypothesis by a transition.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Candidate {
    /// Index of the hypothesis in the current beam.
    pub parent: usize,
    pub action: usize,
    /// The transition's own score.
    pub local: f32,
    /// The parent's score plus `local`.
    pub score: f32,
    /// Where the parent configuration's features are in the feature store
    /// (empty for a forced move, which is not scored).
    pub features: (usize, usize),
}

/// The ranking of candidates: best total first; ties go to the earlier
/// parent, then the better transition, then the lower action number. With
/// one hypothesis this is exactly the greedy choice (`best_legal`), even
/// where adding the parent's score rounds two local scores to one total.
pub(crate) fn better(a: &Candidate, b: &Candidate) -> Ordering {
    b.score
        .total_cmp(&a.score)
        .then(a.parent.cmp(&b.parent))
        .then(b.local.total_cmp(&a.local))
        .then(a.action.cmp(&b.action))
}

/// Every legal extension of every hypothesis of `beam`, into `out`. The
/// features of each scored configuration are appended to `store` (the
/// trainer keeps them for its update; the decoder clears them).
pub(crate) fn expand<W: Weights>(
    beam: &[Item],
    atoms: &Atoms,
    actions: &W,
    store: &mut Vec<u64>,
    out: &mut Vec<Candidate>,
) {
    out.clear();
    for (parent, item) in beam.iter().enumerate() {
        let state = &item.state;
        // A forced move (one legal transition) is not scored, as in greedy
        // decoding: every hypothesis would add the same kind of term.
        if let Some(action) = forced(state) {
            out.push(Candidate {
                parent,
                action,
                local: 0.0,
                score: item.score,
                features: (store.len(), store.len()),
            });
            continue;
        }
        let start = store.len();
        transition_features(state, atoms, store);
        let mut scores = [0.0f32; ACTIONS];
        actions.add_scores(&store[start..], &mut scores);
        for (action, &local) in scores.iter().enumerate() {
            if state.legal(action) {
                out.push(Candidate {
                    parent,
                    action,
                    local,
                    score: item.score + local,
                    features: (start, store.len()),
                });
            }
        }
    }
}

/// The label of the arc `action` completes in `state` (0 when it completes
/// none): LEFT labels its dependent when the arc is made, REDUCE labels the
/// RIGHT arc of the word it pops (its subtree is complete only then), and a
/// LEFT from the root labels "root". Also returns the arc as `(head, dep)`.
pub(crate) fn label_due<W: Weights>(
    state: &State,
    action: usize,
    atoms: &Atoms,
    labels: &W,
    root_label: u16,
    features: &mut Vec<u64>,
    scores: &mut [f32],
) -> (u16, usize, usize) {
    match action {
        LEFT if state.b == state.n => (root_label, state.n, state.s0()),
        LEFT | REDUCE => {
            let dep = state.s0();
            let head = if action == LEFT {
                state.b
            } else {
                state.heads[dep]
            };
            features.clear();
            label_features(state, atoms, head, dep, features);
            scores.iter_mut().for_each(|s| *s = 0.0);
            labels.add_scores(features, scores);
            (argmax(scores) as u16 + 1, head, dep)
        }
        _ => (0, usize::MAX, usize::MAX),
    }
}

/// Applies `action` with `label` (see [`label_due`]).
pub(crate) fn apply_labelled(state: &mut State, action: usize, label: u16) {
    if action == REDUCE {
        state.set_label(state.s0(), label);
    }
    state.apply(action, label);
}

/// Reusable buffers of one beam search (decoding or training).
#[derive(Default)]
pub(crate) struct Scratch {
    pub beam: Vec<Item>,
    pub next: Vec<Item>,
    /// Hypotheses no longer in use, whose buffers are reused.
    pub spare: Vec<Item>,
    pub candidates: Vec<Candidate>,
    pub store: Vec<u64>,
    pub label_features: Vec<u64>,
    pub label_scores: Vec<f32>,
}

impl Scratch {
    /// A new hypothesis: candidate `c` of the current beam applied with
    /// `label`, built in a spare hypothesis's buffers.
    pub fn extend(&mut self, c: &Candidate, label: u16) -> Item {
        let parent = &self.beam[c.parent];
        let mut item = match self.spare.pop() {
            Some(mut spare) => {
                spare.state.copy_from(&parent.state);
                spare
            }
            None => parent.clone(),
        };
        item.score = c.score;
        item.node = parent.node;
        item.correct = parent.correct;
        apply_labelled(&mut item.state, c.action, label);
        item
    }

    /// Moves the hypotheses of `next` into `beam` (the old ones become
    /// spare).
    pub fn advance(&mut self) {
        self.spare.append(&mut self.beam);
        std::mem::swap(&mut self.beam, &mut self.next);
    }
}

/// How many of the ranked `candidates` go into the next beam: at most
/// `width`, and none scoring more than `margin` below the best (ranked best
/// first, so the kept ones are a prefix).
pub(crate) fn kept(candidates: &[Candidate], width: usize, margin: f32) -> usize {
    let best = candidates.first().map_or(0.0, |c| c.score);
    candidates
        .iter()
        .take(width)
        .take_while(|c| best - c.score <= margin)
        .count()
}

/// The best complete parse of an `n`-word sentence found with a beam of
/// `width` hypotheses, less those scoring more than `margin` below the
/// step's best.
pub(crate) fn decode(
    actions: &Model,
    labels: &Model,
    root_label: u16,
    atoms: &Atoms,
    n: usize,
    width: usize,
    margin: f32,
) -> State {
    let width = width.max(1);
    let mut sc = Scratch {
        label_scores: vec![0.0; labels.classes()],
        ..Scratch::default()
    };
    sc.beam.push(Item::start(n));
    let mut uses: Vec<usize> = Vec::with_capacity(width);
    // Exactly 2n transitions; the cap only guards against a bug.
    let mut steps = 0;
    while !sc.beam[0].state.is_terminal() && steps <= 2 * n + 2 {
        steps += 1;
        sc.store.clear();
        let mut candidates = std::mem::take(&mut sc.candidates);
        expand(&sc.beam, atoms, actions, &mut sc.store, &mut candidates);
        candidates.sort_by(better);
        let kept = kept(&candidates, width, margin);
        // A hypothesis extended only once more (always so once the margin
        // leaves one) hands its configuration on instead of copying it.
        uses.clear();
        uses.resize(sc.beam.len(), 0);
        for c in &candidates[..kept] {
            uses[c.parent] += 1;
        }
        for c in &candidates[..kept] {
            let (label, _, _) = label_due(
                &sc.beam[c.parent].state,
                c.action,
                atoms,
                labels,
                root_label,
                &mut sc.label_features,
                &mut sc.label_scores,
            );
            uses[c.parent] -= 1;
            let item = if uses[c.parent] == 0 {
                let parent = &mut sc.beam[c.parent];
                let mut item = Item {
                    state: std::mem::replace(&mut parent.state, State::empty()),
                    score: c.score,
                    node: parent.node,
                    correct: parent.correct,
                };
                apply_labelled(&mut item.state, c.action, label);
                item
            } else {
                sc.extend(c, label)
            };
            sc.next.push(item);
        }
        sc.candidates = candidates;
        if sc.next.is_empty() {
            break;
        }
        sc.advance();
    }
    sc.beam.swap_remove(0).state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(parent: usize, action: usize, local: f32, score: f32) -> Candidate {
        Candidate {
            parent,
            action,
            local,
            score,
            features: (0, 0),
        }
    }

    /// Ranking: total score first, then parent, then the transition's own
    /// score, then the action number.
    #[test]
    fn candidates_rank_by_total_then_parent_then_local() {
        let mut c = [
            candidate(1, 0, 1.0, 5.0),
            candidate(0, 3, 0.5, 5.0),
            candidate(0, 2, 2.0, 5.0),
            candidate(0, 1, 2.0, 5.0),
            candidate(2, 0, 9.0, 7.0),
        ];
        c.sort_by(better);
        let order: Vec<(usize, usize)> = c.iter().map(|c| (c.parent, c.action)).collect();
        assert_eq!(order, [(2, 0), (0, 1), (0, 2), (0, 3), (1, 0)]);
    }

    /// Threshold pruning keeps the candidates within the margin of the best,
    /// never more than the width, and always the best one.
    #[test]
    fn margin_and_width_bound_the_beam() {
        let c = [
            candidate(0, 0, 0.0, 10.0),
            candidate(0, 1, 0.0, 9.0),
            candidate(1, 0, 0.0, 4.0),
            candidate(1, 1, 0.0, 3.5),
        ];
        assert_eq!(kept(&c, 8, f32::INFINITY), 4);
        assert_eq!(kept(&c, 3, f32::INFINITY), 3);
        assert_eq!(kept(&c, 8, 6.0), 3);
        assert_eq!(kept(&c, 8, 1.0), 2);
        assert_eq!(kept(&c, 8, 0.0), 1);
        assert_eq!(kept(&c, 1, 100.0), 1);
        assert_eq!(kept(&[], 4, 1.0), 0);
    }
}
