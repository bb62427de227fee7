//! The arc-eager transition system (Nivre 2003) with the root at the end of
//! the buffer (Ballesteros & Nivre 2013), and its dynamic oracle (Goldberg &
//! Nivre 2012).
//!
//! Words are `0..n`; `n` is the artificial root, which is never shifted, so a
//! word left without a head at the end is attached to it by LEFT. Every
//! transition is O(1), and a sentence takes at most `2n + 1` of them, so
//! parsing is linear in its length.

/// No word (missing stack slot, child or head).
pub(crate) const NONE: usize = usize::MAX;

/// Push the first buffer word onto the stack.
pub(crate) const SHIFT: usize = 0;
/// Pop the stack top (it has a head).
pub(crate) const REDUCE: usize = 1;
/// The first buffer word becomes the head of the stack top, which is popped.
pub(crate) const LEFT: usize = 2;
/// The stack top becomes the head of the first buffer word, which is pushed.
pub(crate) const RIGHT: usize = 3;
/// Number of transitions.
pub(crate) const ACTIONS: usize = 4;

/// A parser configuration: stack, buffer front, and the arcs built so far.
#[derive(Clone, Debug)]
pub(crate) struct State {
    /// Number of words; `n` is the root.
    pub n: usize,
    pub stack: Vec<usize>,
    /// The first buffer word (`n` = only the root is left).
    pub b: usize,
    pub heads: Vec<usize>,
    /// Label id of the arc to the head (0 = none yet).
    pub labels: Vec<u16>,
    /// Leftmost and second-leftmost dependents left of the word.
    pub lefts: Vec<[usize; 2]>,
    /// Rightmost and second-rightmost dependents right of the word.
    pub rights: Vec<[usize; 2]>,
    pub left_count: Vec<u16>,
    pub right_count: Vec<u16>,
    /// Bit set of the labels of left (right) dependents.
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
    on_stack: Vec<bool>,
}

impl State {
    /// The start configuration for `n` words.
    pub fn new(n: usize) -> State {
        State {
            n,
            stack: Vec::with_capacity(16),
            b: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_labels: vec![0; n + 1],
            right_labels: vec![0; n + 1],
            on_stack: vec![false; n + 1],
        }
    }

    /// A configuration of no words that allocates nothing: what is left
    /// behind where a configuration was moved out.
    pub fn empty() -> State {
        State {
            n: 0,
            stack: Vec::new(),
            b: 0,
            heads: Vec::new(),
            labels: Vec::new(),
            lefts: Vec::new(),
            rights: Vec::new(),
            left_count: Vec::new(),
            right_count: Vec::new(),
            left_labels: Vec::new(),
            right_labels: Vec::new(),
            on_stack: Vec::new(),
        }
    }

    /// Makes `self` a copy of `other`, reusing `self`'s buffers: the beam
    /// copies a configuration for every hypothesis it keeps at every step,
    /// and fresh allocations there would cost more than the copying.
    pub fn copy_from(&mut self, other: &State) {
        self.n = other.n;
        self.stack.clone_from(&other.stack);
        self.b = other.b;
        self.heads.clone_from(&other.heads);
        self.labels.clone_from(&other.labels);
        self.lefts.clone_from(&other.lefts);
        self.rights.clone_from(&other.rights);
        self.left_count.clone_from(&other.left_count);
        self.right_count.clone_from(&other.right_count);
        self.left_labels.clone_from(&other.left_labels);
        self.right_labels.clone_from(&other.right_labels);
        self.on_stack.clone_from(&other.on_stack);
    }

    /// Whether parsing is done (empty stack, only the root in the buffer).
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// The stack top, or [`NONE`].
    pub fn s0(&self) -> usize {
        self.stack.last().copied().unwrap_or(NONE)
    }

    /// The word under the stack top, or [`NONE`].
    pub fn s1(&self) -> usize {
        if self.stack.len() >= 2 {
            self.stack[self.stack.len() - 2]
        } else {
            NONE
        }
    }

    /// Whether `action` may be taken now. In every non-terminal state at
    /// least one action is legal.
    pub fn legal(&self, action: usize) -> bool {
        let s0 = self.s0();
        match action {
            SHIFT => self.b < self.n,
            REDUCE => s0 != NONE && self.heads[s0] != NONE,
            LEFT => s0 != NONE && self.heads[s0] == NONE,
            RIGHT => s0 != NONE && self.b < self.n,
            _ => false,
        }
    }

    /// Applies a legal `action`; `label` is used by LEFT and RIGHT.
    pub fn apply(&mut self, action: usize, label: u16) {
        match action {
            SHIFT => {
                self.on_stack[self.b] = true;
                self.stack.push(self.b);
                self.b += 1;
            }
            REDUCE => {
                if let Some(s) = self.stack.pop() {
                    self.on_stack[s] = false;
                }
            }
            LEFT => {
                if let Some(s) = self.stack.pop() {
                    self.on_stack[s] = false;
                    self.add_arc(self.b, s, label);
                }
            }
            _ => {
                let s0 = self.s0();
                self.add_arc(s0, self.b, label);
                self.on_stack[self.b] = true;
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }

    fn add_arc(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        if dep < head {
            // Arc-eager adds left dependents from the nearest outwards.
            self.lefts[head] = [dep, self.lefts[head][0]];
            self.left_count[head] = self.left_count[head].saturating_add(1);
        } else {
            // ... and right dependents from the nearest outwards.
            self.rights[head] = [dep, self.rights[head][0]];
            self.right_count[head] = self.right_count[head].saturating_add(1);
        }
        self.set_label(dep, label);
    }

    /// Labels the arc into `dep` (which has a head). RIGHT arcs are labelled
    /// late, when their dependent is reduced and its subtree is complete;
    /// until then their label is 0.
    pub fn set_label(&mut self, dep: usize, label: u16) {
        self.labels[dep] = label;
        let head = self.heads[dep];
        if label == 0 || head == NONE {
            return;
        }
        let bit = 1u64 << (label % 64);
        if dep < head {
            self.left_labels[head] |= bit;
        } else {
            self.right_labels[head] |= bit;
        }
    }

    /// How many gold arcs become unreachable if `action` is taken (the
    /// dynamic oracle; exact for projective trees). `gold[i]` is the gold head
    /// of word `i` (`n` for the root). O(n); used only in training.
    pub fn cost(&self, action: usize, gold: &[usize]) -> usize {
        let (s0, b, n) = (self.s0(), self.b, self.n);
        let mut cost = 0;
        match action {
            SHIFT => {
                for &k in &self.stack {
                    if self.heads[k] == NONE && gold[k] == b {
                        cost += 1;
                    }
                    if gold[b] == k {
                        cost += 1;
                    }
                }
            }
            RIGHT => {
                let g = gold[b];
                if g != s0 && (g > b || self.on_stack[g]) {
                    cost += 1;
                }
                for &k in &self.stack {
                    if self.heads[k] == NONE && gold[k] == b {
                        cost += 1;
                    }
                }
            }
            LEFT => {
                if gold[s0] > b {
                    cost += 1;
                }
                cost += (b..n).filter(|&k| gold[k] == s0).count();
            }
            _ => {
                cost += (b..n).filter(|&k| gold[k] == s0).count();
            }
        }
        cost
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost transitions rebuilds a projective gold tree.
    #[test]
    fn oracle_rebuilds_projective_tree() {
        // "She saw the dog ." : saw is root; she←saw, the←dog, dog←saw, .←saw
        let gold = [1, 5, 3, 1, 1];
        let mut s = State::new(5);
        while !s.is_terminal() {
            let a = (0..ACTIONS)
                .find(|&a| s.legal(a) && s.cost(a, &gold) == 0)
                .unwrap();
            s.apply(a, 1);
        }
        assert_eq!(&s.heads[..5], &gold);
    }

    #[test]
    fn some_action_is_always_legal() {
        let mut s = State::new(3);
        let mut steps = 0;
        while !s.is_terminal() {
            // Always the last legal action: exercises RIGHT and REDUCE.
            let a = (0..ACTIONS).rev().find(|&a| s.legal(a)).unwrap();
            s.apply(a, 1);
            steps += 1;
            assert!(steps <= 7);
        }
        assert!(s.heads[..3].iter().all(|&h| h != NONE));
    }
}
