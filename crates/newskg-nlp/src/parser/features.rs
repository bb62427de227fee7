//! Parser features: what the transition and label classifiers see.
//!
//! Transition features follow Zhang & Nivre (2011): words and tags of the
//! stack top, the next three buffer words, the stack top's head and
//! grand-head, the left- and rightmost dependents (and second ones), their
//! labels, the distance between stack top and buffer front, valencies and
//! label sets; plus Brown-cluster prefixes (Koo et al. 2008) and UPOS. Each
//! feature is a [`combine`]d hash of precomputed per-word atoms, and every
//! template reads a fixed number of fields, so extraction is O(1) per
//! configuration.

use super::state::{State, NONE};
use crate::perceptron::{atom, combine, Clusters};
use crate::Token;

/// Per-word atoms for one sentence. Index `n` is the root and `n + 1` is
/// "no word".
pub(crate) struct Atoms {
    word: Vec<u64>,
    tag: Vec<u64>,
    upos: Vec<u64>,
    cluster: Vec<[u64; 4]>,
    /// Punctuation marks (`,` `;` `:` `--` and quotes) before each word:
    /// `punct[j] - punct[i]` counts those between `i` and `j`.
    punct: Vec<u32>,
}

impl Atoms {
    /// Atoms of `tokens` (form lowercased, XPOS, UPOS, clusters).
    pub fn new(tokens: &[Token], clusters: &Clusters) -> Atoms {
        let n = tokens.len();
        let mut a = Atoms {
            word: Vec::with_capacity(n + 2),
            tag: Vec::with_capacity(n + 2),
            upos: Vec::with_capacity(n + 2),
            cluster: Vec::with_capacity(n + 2),
            punct: Vec::with_capacity(n + 2),
        };
        let mut seen = 0u32;
        for t in tokens {
            a.punct.push(seen);
            if matches!(
                t.form.as_str(),
                "," | ";" | ":" | "--" | "\"" | "``" | "''" | "“" | "”" | "—" | "–"
            ) {
                seen += 1;
            }
            // Most forms are already lowercase ASCII: no copy for them.
            if t.form.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                a.word.push(atom(&t.form.to_lowercase()));
            } else {
                a.word.push(atom(&t.form));
            }
            a.tag.push(atom(&t.xpos));
            a.upos.push(atom(t.upos.as_str()));
            a.cluster.push(clusters.atoms(&t.form));
        }
        for (w, t) in [
            (0x524f_4f54, 0x524f_4f54_0001),
            (0x4e4f_4e45, 0x4e4f_4e45_0001),
        ] {
            a.word.push(w);
            a.tag.push(t);
            a.upos.push(t);
            a.cluster.push([t; 4]);
            a.punct.push(seen);
        }
        a
    }

    /// Punctuation marks strictly between words `i` and `j` (capped at 3;
    /// 4 when either is missing).
    fn between(&self, i: usize, j: usize) -> u64 {
        if i == NONE || j == NONE {
            return 4;
        }
        let (lo, hi) = (i.min(j), i.max(j));
        let k = self.punct[self.ix(hi)] - self.punct[lo + 1];
        u64::from(k.min(3))
    }

    fn ix(&self, i: usize) -> usize {
        if i == NONE {
            self.word.len() - 1
        } else {
            i
        }
    }

    fn w(&self, i: usize) -> u64 {
        self.word[self.ix(i)]
    }

    fn p(&self, i: usize) -> u64 {
        self.tag[self.ix(i)]
    }

    fn u(&self, i: usize) -> u64 {
        self.upos[self.ix(i)]
    }

    fn c(&self, i: usize, k: usize) -> u64 {
        self.cluster[self.ix(i)][k]
    }
}

fn get(v: &[usize], i: usize) -> usize {
    if i == NONE {
        NONE
    } else {
        v[i]
    }
}

/// The label of `i`'s arc: its id, 0 without a head, or a marker for a
/// RIGHT arc whose label is still pending.
fn label(s: &State, i: usize) -> u64 {
    if i == NONE {
        0xffff
    } else if s.labels[i] == 0 && s.heads[i] != NONE {
        0xfffe
    } else {
        u64::from(s.labels[i])
    }
}

fn distance(a: usize, b: usize) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Transition features of the configuration `s` into `out`.
pub(crate) fn transition_features(s: &State, a: &Atoms, out: &mut Vec<u64>) {
    let n = s.n;
    let s0 = s.s0();
    let s1 = s.s1();
    let n0 = s.b;
    let n1 = if n0 < n { n0 + 1 } else { NONE };
    let n2 = if n1 != NONE && n1 < n { n1 + 1 } else { NONE };
    let s0h = get(&s.heads, s0);
    let s0h2 = if s0h != NONE && s0h < n {
        s.heads[s0h]
    } else {
        NONE
    };
    let side = |v: &Vec<[usize; 2]>, i: usize, k: usize| if i == NONE { NONE } else { v[i][k] };
    let (s0l, s0l2) = (side(&s.lefts, s0, 0), side(&s.lefts, s0, 1));
    let (s0r, s0r2) = (side(&s.rights, s0, 0), side(&s.rights, s0, 1));
    let (n0l, n0l2) = (side(&s.lefts, n0, 0), side(&s.lefts, n0, 1));
    let d = distance(s0, n0);
    let count = |v: &Vec<u16>, i: usize| if i == NONE { 0xfff } else { u64::from(v[i]) };
    let set = |v: &Vec<u64>, i: usize| if i == NONE { 1 << 63 } else { v[i] };

    let (s0w, s0p, n0w, n0p) = (a.w(s0), a.p(s0), a.w(n0), a.p(n0));
    let (n1w, n1p, n2w, n2p) = (a.w(n1), a.p(n1), a.w(n2), a.p(n2));

    let mut t = 0;
    let mut add = |parts: &[u64]| {
        out.push(combine(t, parts));
        t += 1;
    };
    add(&[]);
    // Single words.
    add(&[s0w, s0p]);
    add(&[s0w]);
    add(&[s0p]);
    add(&[n0w, n0p]);
    add(&[n0w]);
    add(&[n0p]);
    add(&[n1w, n1p]);
    add(&[n1w]);
    add(&[n1p]);
    add(&[n2w, n2p]);
    add(&[n2w]);
    add(&[n2p]);
    // Pairs.
    add(&[s0w, s0p, n0w, n0p]);
    add(&[s0w, s0p, n0w]);
    add(&[s0w, n0w, n0p]);
    add(&[s0w, s0p, n0p]);
    add(&[s0p, n0w, n0p]);
    add(&[s0w, n0w]);
    add(&[s0p, n0p]);
    add(&[n0p, n1p]);
    // Triples.
    add(&[n0p, n1p, n2p]);
    add(&[s0p, n0p, n1p]);
    add(&[a.p(s0h), s0p, n0p]);
    add(&[s0p, a.p(s0l), n0p]);
    add(&[s0p, a.p(s0r), n0p]);
    add(&[s0p, n0p, a.p(n0l)]);
    // Distance.
    add(&[s0w, d]);
    add(&[s0p, d]);
    add(&[n0w, d]);
    add(&[n0p, d]);
    add(&[s0w, n0w, d]);
    add(&[s0p, n0p, d]);
    // Valency.
    let (s0vr, s0vl, n0vl) = (
        count(&s.right_count, s0),
        count(&s.left_count, s0),
        count(&s.left_count, n0),
    );
    add(&[s0w, s0vr]);
    add(&[s0p, s0vr]);
    add(&[s0w, s0vl]);
    add(&[s0p, s0vl]);
    add(&[n0w, n0vl]);
    add(&[n0p, n0vl]);
    // Second-order unigrams.
    add(&[a.w(s0h)]);
    add(&[a.p(s0h)]);
    add(&[label(s, s0)]);
    add(&[a.w(s0l)]);
    add(&[a.p(s0l)]);
    add(&[label(s, s0l)]);
    add(&[a.w(s0r)]);
    add(&[a.p(s0r)]);
    add(&[label(s, s0r)]);
    add(&[a.w(n0l)]);
    add(&[a.p(n0l)]);
    add(&[label(s, n0l)]);
    // Third order.
    add(&[a.w(s0h2)]);
    add(&[a.p(s0h2)]);
    add(&[label(s, s0h)]);
    add(&[a.w(s0l2)]);
    add(&[a.p(s0l2)]);
    add(&[label(s, s0l2)]);
    add(&[a.w(s0r2)]);
    add(&[a.p(s0r2)]);
    add(&[label(s, s0r2)]);
    add(&[a.w(n0l2)]);
    add(&[a.p(n0l2)]);
    add(&[label(s, n0l2)]);
    add(&[s0p, a.p(s0l), a.p(s0l2)]);
    add(&[s0p, a.p(s0r), a.p(s0r2)]);
    add(&[s0p, a.p(s0h), a.p(s0h2)]);
    add(&[n0p, a.p(n0l), a.p(n0l2)]);
    // Label sets.
    let (s0sr, s0sl, n0sl) = (
        set(&s.right_labels, s0),
        set(&s.left_labels, s0),
        set(&s.left_labels, n0),
    );
    add(&[s0w, s0sr]);
    add(&[s0p, s0sr]);
    add(&[s0w, s0sl]);
    add(&[s0p, s0sl]);
    add(&[n0w, n0sl]);
    add(&[n0p, n0sl]);
    // Beyond Zhang & Nivre: the second stack word, UPOS, clusters.
    add(&[a.w(s1)]);
    add(&[a.p(s1)]);
    add(&[a.p(s1), s0p, n0p]);
    add(&[a.p(s1), label(s, s1), s0p, label(s, s0)]);
    add(&[a.u(s0), a.u(n0)]);
    add(&[a.u(s0), a.u(n0), a.u(n1)]);
    add(&[a.c(s0, 1)]);
    add(&[a.c(n0, 1)]);
    add(&[a.c(n1, 1)]);
    add(&[a.c(s0, 3)]);
    add(&[a.c(n0, 3)]);
    add(&[a.c(s0, 0), a.c(n0, 0)]);
    add(&[a.c(s0, 1), n0p]);
    add(&[s0p, a.c(n0, 1)]);
    add(&[a.c(s0, 1), a.c(n0, 1), d]);
    // Richer context (issue 13): the third buffer word, word pairs across
    // stack and buffer, head and children words with the pair, punctuation
    // between stack top and buffer front, cluster prefixes of heads and
    // children, valency and label sets with the other side's tag.
    let n3 = if n2 != NONE && n2 < n { n2 + 1 } else { NONE };
    let between = a.between(s0, n0);
    add(&[a.p(n3)]);
    add(&[n0p, n1p, n2p, a.p(n3)]);
    add(&[n0w, n1w]);
    add(&[n0w, n0p, n1p]);
    add(&[n0p, n1w, n1p]);
    add(&[s0w, n0p, n1p]);
    add(&[s0p, n0w, n1p]);
    add(&[s0w, n0w, n1w]);
    add(&[a.w(s1), s0w]);
    add(&[a.w(s1), s0p, n0p]);
    add(&[a.p(s1), s0w, n0p]);
    add(&[a.p(s1), s0p, n0w]);
    add(&[a.w(s0h), s0p, n0p]);
    add(&[a.p(s0h), s0p, n0w]);
    add(&[a.p(s0h), label(s, s0), s0p, n0p]);
    add(&[s0p, a.w(s0l), n0p]);
    add(&[s0p, a.w(s0r), n0p]);
    add(&[s0p, n0p, a.w(n0l)]);
    add(&[s0p, label(s, s0l), n0p]);
    add(&[s0p, label(s, s0r), n0p]);
    add(&[s0p, n0p, label(s, n0l)]);
    add(&[between]);
    add(&[s0p, n0p, between]);
    add(&[s0w, n0p, between]);
    add(&[s0p, n0w, between]);
    add(&[s0p, n0p, d, between]);
    add(&[a.c(s0h, 1), s0p, n0p]);
    add(&[a.c(s0l, 1), s0p, n0p]);
    add(&[a.c(s0r, 1), s0p, n0p]);
    add(&[a.c(n0l, 1), s0p, n0p]);
    add(&[a.c(s0, 2), a.c(n0, 2)]);
    add(&[a.c(s0, 1), a.c(n0, 1), a.c(n1, 1)]);
    add(&[a.c(s0, 2), n0p]);
    add(&[s0p, a.c(n0, 2)]);
    add(&[a.c(n1, 2), n0p]);
    add(&[s0p, s0vr, n0p]);
    add(&[s0p, s0vl, n0p]);
    add(&[s0p, n0p, n0vl]);
    add(&[s0p, s0sr, n0p]);
    add(&[s0p, s0sl, n0p]);
    add(&[s0p, n0p, n0sl]);
    add(&[a.u(s0), a.u(s0h), a.u(n0), d]);
}

/// Label features for the arc `head → dep` in configuration `s`.
pub(crate) fn label_features(s: &State, a: &Atoms, head: usize, dep: usize, out: &mut Vec<u64>) {
    let n = s.n;
    let dir = u64::from(dep < head);
    let (hw, hp, dw, dp) = (a.w(head), a.p(head), a.w(dep), a.p(dep));
    let before = if dep > 0 { dep - 1 } else { NONE };
    let after = if dep < n { dep + 1 } else { NONE };
    let d = distance(head, dep);
    let side = |v: &Vec<[usize; 2]>, i: usize| v[i][0];
    let hh = if head < n { s.heads[head] } else { NONE };
    let mut t = 500;
    let mut add = |parts: &[u64]| {
        out.push(combine(t, parts));
        t += 1;
    };
    add(&[dir]);
    add(&[dir, hw]);
    add(&[dir, hp]);
    add(&[dir, dw]);
    add(&[dir, dp]);
    add(&[dir, hp, dp]);
    add(&[dir, hw, dp]);
    add(&[dir, hp, dw]);
    add(&[dir, hw, dw]);
    add(&[dir, hp, dp, d]);
    add(&[dir, a.u(head), a.u(dep)]);
    add(&[dir, dp, a.p(before)]);
    add(&[dir, dp, a.p(after)]);
    add(&[dir, hp, dp, a.p(before), a.p(after)]);
    add(&[dir, dp, label(s, side(&s.lefts, dep))]);
    add(&[dir, dp, label(s, side(&s.rights, dep))]);
    add(&[
        dir,
        dp,
        u64::from(s.left_labels[dep] != 0),
        u64::from(s.right_labels[dep] != 0),
    ]);
    add(&[dir, hp, label(s, side(&s.lefts, head))]);
    add(&[dir, hp, label(s, side(&s.rights, head))]);
    add(&[dir, hp, dp, s.left_labels[head]]);
    add(&[dir, hp, dp, s.right_labels[head]]);
    add(&[dir, hp, label(s, head), a.p(hh)]);
    add(&[dir, a.c(dep, 1), hp]);
    add(&[dir, a.c(head, 1), dp]);
    add(&[dir, a.c(dep, 3)]);
    add(&[dir, dw, a.w(after)]);
    add(&[dir, a.w(before), dw]);
    add(&[dir, hw, dp, d]);
    // The dependent's complete subtree (labels are assigned once it is).
    let dl = side(&s.lefts, dep);
    let dr = side(&s.rights, dep);
    add(&[dir, dp, s.left_labels[dep]]);
    add(&[dir, dp, s.right_labels[dep]]);
    add(&[dir, hp, dp, s.left_labels[dep], s.right_labels[dep]]);
    add(&[dir, dp, a.w(dl), label(s, dl)]);
    add(&[dir, hp, a.w(dl), label(s, dl)]);
    add(&[dir, dp, a.w(dr), label(s, dr)]);
    add(&[dir, dw, label(s, dl)]);
    // Richer context (issue 13).
    add(&[dir, hw, dw, dp]);
    add(&[dir, hp, dw, d]);
    add(&[dir, a.c(head, 2), a.c(dep, 2)]);
    add(&[dir, a.c(head, 1), a.c(dep, 1), dp]);
    add(&[dir, hp, dp, a.between(head, dep)]);
    add(&[dir, hp, dp, a.p(hh), a.u(dep)]);
    add(&[dir, hw, dp, s.left_labels[dep], s.right_labels[dep]]);
    add(&[dir, dw, s.left_labels[dep], s.right_labels[dep]]);
    add(&[dir, dp, a.w(dl), a.w(dr)]);
    add(&[dir, hp, dp, label(s, side(&s.lefts, head))]);
    add(&[dir, hp, dp, label(s, side(&s.rights, head))]);
    add(&[dir, dp, u64::from(dep == 0), u64::from(after == n)]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    /// Punctuation between two words is counted strictly between them, in
    /// either order, up to 3; a missing word gives 4.
    #[test]
    fn punctuation_between_words() {
        let forms = ["He", "said", ",", "\"", "yes", "\"", ",", "then", "left"];
        let tokens: Vec<Token> = forms
            .iter()
            .enumerate()
            .map(|(i, f)| Token::unanalyzed(Span::new(i, i + 1), *f))
            .collect();
        let a = Atoms::new(&tokens, &Clusters::default());
        assert_eq!(a.between(0, 1), 0);
        assert_eq!(a.between(1, 4), 2);
        assert_eq!(a.between(4, 1), 2);
        assert_eq!(a.between(1, 7), 3);
        assert_eq!(a.between(0, 8), 3);
        assert_eq!(
            a.between(5, tokens.len()),
            1,
            "the root is after the last word"
        );
        assert_eq!(a.between(NONE, 3), 4);
    }
}
