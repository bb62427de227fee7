//! Global training of the beam parser: a structured perceptron over whole
//! transition sequences with the max-violation update (Huang, Fayong & Guo
//! 2012), so that the sums of transition scores the beam ranks by
//! ([`super::beam`]) are what the weights were fitted to.
//!
//! Per sentence the beam is run to the end with the current weights next to
//! a *gold* hypothesis. Which sequence is gold is decided by the dynamic
//! oracle ([`State::cost`]): a hypothesis is correct while each of its
//! transitions was one of least cost, so spurious ambiguity (e.g. when to
//! REDUCE) and non-projective trees (whose best reachable tree has some
//! cost) need no canonical sequence. The gold hypothesis is the
//! best-scoring correct one: the first correct one in the beam if any, or
//! else the previous gold extended by its best-scoring optimal transition.
//!
//! At each step where the beam's best is wrong, the violation is how much
//! it outscores the gold; the update is made at the step where that is
//! largest: + the gold prefix's features, − the predicted prefix's (their
//! shared beginning cancels and is skipped). Early update (Collins & Roark
//! 2004) would stop at the first step where no correct hypothesis is left;
//! max-violation learns from the worst point instead and converges faster.
//!
//! The label classifier is trained on the arcs the gold hypothesis makes,
//! as in greedy training; it does not take part in the beam's score.

use super::beam::{apply_labelled, better, expand, label_due, Item, Scratch, Weights};
use super::features::{transition_features, Atoms};
use super::forced;
use super::state::{State, ACTIONS, LEFT, REDUCE};
use crate::perceptron::Trainer;

/// The gold tree of a training sentence: `heads[i]` is word `i`'s head
/// (`n` for the root) and `labels[i]` its label id (class + 1).
pub(crate) struct GoldTree<'a> {
    pub heads: &'a [usize],
    pub labels: &'a [u16],
    pub root_label: u16,
}

/// One transition of a hypothesis, for replaying its features in an
/// update.
struct Node {
    /// The previous transition's node (`usize::MAX` at the start).
    parent: usize,
    action: usize,
    /// The scored configuration's features in the feature store (empty for
    /// a forced move).
    features: (usize, usize),
}

/// Buffers reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Learner {
    sc: Scratch,
    nodes: Vec<Node>,
}

/// What one sentence did: whether the beam's best parse was wrong at some
/// step (and an update was made).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Outcome {
    pub updated: bool,
    /// The step of the update (1-based), if any.
    pub step: usize,
}

/// The dynamic-oracle cost of every transition of `state` (`usize::MAX`
/// for illegal ones) and the least of them.
fn costs(state: &State, gold: &[usize]) -> ([usize; ACTIONS], usize) {
    let mut c = [usize::MAX; ACTIONS];
    for (a, slot) in c.iter_mut().enumerate() {
        if state.legal(a) {
            *slot = state.cost(a, gold);
        }
    }
    let min = c.iter().copied().min().unwrap_or(0);
    (c, min)
}

impl Learner {
    /// Trains `actions` (globally) and `labels` on one sentence with a beam
    /// of `width`. Ticks `actions` once (one example per sentence) and
    /// `labels` once per labelled gold arc.
    pub fn learn(
        &mut self,
        actions: &mut Trainer,
        labels: &mut Trainer,
        atoms: &Atoms,
        gold: &GoldTree,
        width: usize,
    ) -> Outcome {
        let n = gold.heads.len();
        let width = width.max(1);
        let sc = &mut self.sc;
        sc.spare.append(&mut sc.beam);
        sc.spare.append(&mut sc.next);
        sc.store.clear();
        sc.label_scores.clear();
        sc.label_scores.resize(labels.classes(), 0.0);
        self.nodes.clear();
        self.sc.beam.push(Item::start(n));
        let mut truth = Item::start(n);
        // (violation, step, predicted node, gold node) of the worst step.
        let mut worst: Option<(f32, usize, usize, usize)> = None;
        let mut step = 0;
        while !self.sc.beam[0].state.is_terminal() && step <= 2 * n + 2 {
            step += 1;
            self.step_beam(actions, labels, atoms, gold, width);
            self.extend_truth(&mut truth, actions, labels, atoms, gold);
            let sc = &mut self.sc;
            if sc.next.is_empty() {
                break;
            }
            // The beam is in rank order, so its first correct hypothesis is
            // its best; prefer it on a tie (a shared history makes a
            // smaller update).
            if let Some(best) = sc.next.iter().find(|i| i.correct) {
                if best.score >= truth.score {
                    truth.state.copy_from(&best.state);
                    truth.score = best.score;
                    truth.node = best.node;
                }
            }
            let top = &sc.next[0];
            if !top.correct {
                let violation = top.score - truth.score;
                if violation >= 0.0 && worst.is_none_or(|w| violation > w.0) {
                    worst = Some((violation, step, top.node, truth.node));
                }
            }
            sc.advance();
        }
        let outcome = match worst {
            Some((_, at, predicted, correct)) => {
                self.update(actions, predicted, correct);
                Outcome {
                    updated: true,
                    step: at,
                }
            }
            None => Outcome {
                updated: false,
                step: 0,
            },
        };
        actions.tick();
        outcome
    }

    /// One step of the beam: the `width` best extensions of the current
    /// hypotheses into `sc.next`, each marked correct or not and recorded
    /// as a node.
    fn step_beam(
        &mut self,
        actions: &Trainer,
        labels: &Trainer,
        atoms: &Atoms,
        gold: &GoldTree,
        width: usize,
    ) {
        let sc = &mut self.sc;
        let mut candidates = std::mem::take(&mut sc.candidates);
        expand(&sc.beam, atoms, actions, &mut sc.store, &mut candidates);
        candidates.sort_by(better);
        // Oracle costs are O(n) each: computed once per parent, and only
        // for correct parents of kept candidates.
        let mut parent_costs: Vec<Option<([usize; ACTIONS], usize)>> = vec![None; sc.beam.len()];
        for c in candidates.iter().take(width) {
            let parent = &sc.beam[c.parent];
            let correct = parent.correct && {
                let (cost, min) =
                    *parent_costs[c.parent].get_or_insert_with(|| costs(&parent.state, gold.heads));
                cost[c.action] == min
            };
            let (label, _, _) = label_due(
                &parent.state,
                c.action,
                atoms,
                labels,
                gold.root_label,
                &mut sc.label_features,
                &mut sc.label_scores,
            );
            self.nodes.push(Node {
                parent: parent.node,
                action: c.action,
                features: c.features,
            });
            let mut item = sc.extend(c, label);
            item.node = self.nodes.len() - 1;
            item.correct = correct;
            sc.next.push(item);
        }
        sc.candidates = candidates;
    }

    /// Extends the gold hypothesis by its best-scoring optimal transition,
    /// labelling (and training the label classifier on) the arc it
    /// completes if that arc is gold.
    fn extend_truth(
        &mut self,
        truth: &mut Item,
        actions: &Trainer,
        labels: &mut Trainer,
        atoms: &Atoms,
        gold: &GoldTree,
    ) {
        let sc = &mut self.sc;
        let state = &truth.state;
        let start = sc.store.len();
        let (action, local) = match forced(state) {
            Some(a) => (a, 0.0),
            None => {
                transition_features(state, atoms, &mut sc.store);
                let mut scores = [0.0f32; ACTIONS];
                actions.add_scores(&sc.store[start..], &mut scores);
                let (cost, min) = costs(state, gold.heads);
                // Lowest action number on a tie, as in decoding.
                let mut best = usize::MAX;
                for a in 0..ACTIONS {
                    if cost[a] == min && (best == usize::MAX || scores[a] > scores[best]) {
                        best = a;
                    }
                }
                (best, scores[best])
            }
        };
        let (guess, head, dep) = label_due(
            state,
            action,
            atoms,
            &*labels,
            gold.root_label,
            &mut sc.label_features,
            &mut sc.label_scores,
        );
        let mut label = guess;
        let labelled_arc = matches!(action, LEFT | REDUCE) && head < truth.state.n;
        if labelled_arc && gold.heads[dep] == head && gold.labels[dep] != gold.root_label {
            label = gold.labels[dep];
            labels.update(
                &sc.label_features,
                usize::from(label - 1),
                usize::from(guess - 1),
            );
            labels.tick();
        }
        self.nodes.push(Node {
            parent: truth.node,
            action,
            features: (start, sc.store.len()),
        });
        truth.node = self.nodes.len() - 1;
        truth.score += local;
        apply_labelled(&mut truth.state, action, label);
    }

    /// The structured update: + the gold sequence ending at node `correct`,
    /// − the predicted one ending at node `predicted` (both of the same
    /// length), skipping the part they share.
    fn update(&self, actions: &mut Trainer, mut predicted: usize, mut correct: usize) {
        let store = &self.sc.store;
        while predicted != correct && predicted != usize::MAX && correct != usize::MAX {
            let (p, g) = (&self.nodes[predicted], &self.nodes[correct]);
            actions.add(&store[g.features.0..g.features.1], g.action, 1.0);
            actions.add(&store[p.features.0..p.features.1], p.action, -1.0);
            predicted = p.parent;
            correct = g.parent;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::beam::decode;
    use crate::perceptron::Clusters;
    use crate::{Span, Token};

    /// "Tall robots sing ." (invented): tall ← robots ← sing → .
    fn sentence() -> (Vec<Token>, Vec<usize>, Vec<u16>) {
        let forms = [
            ("Tall", "JJ"),
            ("robots", "NNS"),
            ("sing", "VBP"),
            (".", "."),
        ];
        let tokens = forms
            .iter()
            .enumerate()
            .map(|(i, (f, x))| {
                let mut t = Token::unanalyzed(Span::new(i, i + 1), *f);
                t.xpos = x.to_string();
                t
            })
            .collect();
        // Heads (4 = root) and label ids: 1 amod, 2 nsubj, 3 punct, 4 root.
        (tokens, vec![1, 2, 4, 2], vec![1, 2, 4, 3])
    }

    /// With all weights zero every hypothesis scores 0 and ties go to the
    /// lower action number, so the beam's best is SHIFT at step 2 while the
    /// gold is LEFT (tall ← robots): a violation of 0 there, and none larger
    /// later. The update must be made at step 2 and must move exactly that
    /// configuration from SHIFT to LEFT.
    #[test]
    fn max_violation_update_at_the_worst_step() {
        let (tokens, heads, labels) = sentence();
        let atoms = Atoms::new(&tokens, &Clusters::default());
        let gold = GoldTree {
            heads: &heads,
            labels: &labels,
            root_label: 4,
        };
        let mut actions = Trainer::new(ACTIONS);
        let mut label_model = Trainer::new(3);
        let mut learner = Learner::default();
        let outcome = learner.learn(&mut actions, &mut label_model, &atoms, &gold, 2);
        assert_eq!(
            outcome,
            Outcome {
                updated: true,
                step: 2
            }
        );
        // The configuration after the first (forced) SHIFT.
        let mut state = State::new(4);
        state.apply(super::super::state::SHIFT, 0);
        let mut feats = Vec::new();
        transition_features(&state, &atoms, &mut feats);
        let mut scores = [0.0f32; ACTIONS];
        actions.score(&feats, &mut scores);
        let shift = super::super::state::SHIFT;
        assert!(scores[LEFT] > 0.0 && scores[shift] < 0.0, "{scores:?}");
        assert_eq!(scores[REDUCE], 0.0);
    }

    /// Repeated updates on one sentence make the beam find its tree, and
    /// then no more updates are made.
    #[test]
    fn learning_converges_on_one_sentence() {
        let (tokens, heads, labels) = sentence();
        let atoms = Atoms::new(&tokens, &Clusters::default());
        let gold = GoldTree {
            heads: &heads,
            labels: &labels,
            root_label: 4,
        };
        let mut actions = Trainer::new(ACTIONS);
        let mut label_model = Trainer::new(3);
        let mut learner = Learner::default();
        let mut last = None;
        for _ in 0..20 {
            last = Some(learner.learn(&mut actions, &mut label_model, &atoms, &gold, 2));
        }
        assert_eq!(last.map(|o| o.updated), Some(false));
        let state = decode(
            &actions.averaged(0.0),
            &label_model.averaged(0.0),
            4,
            &atoms,
            4,
            2,
            f32::INFINITY,
        );
        assert_eq!(&state.heads[..4], &heads[..]);
        assert_eq!(&state.labels[..4], &labels[..]);
    }
}
