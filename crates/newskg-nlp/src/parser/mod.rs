//! Dependency parser: a tagged [`Sentence`] in, `head` and `deprel` set on
//! every token (exactly one root, labelled "root").
//!
//! A greedy arc-eager transition parser ([`state`]) with two averaged
//! perceptrons: one picks the transition from Zhang & Nivre (2011) style
//! features ([`features`]), the other picks the UD relation of each arc once
//! the dependent's subtree is complete: when a LEFT arc is made, or when a
//! RIGHT dependent is reduced (its right dependents, such as the `mark` of an
//! `advcl` or the `case` of an `obl`, are known only then). Splitting the label off keeps the transition model at four
//! classes, which is what makes parsing fast (each of the ≤ 2n + 1
//! transitions costs about 90 hash lookups and 4 additions each). Trained
//! with a dynamic oracle (Goldberg & Nivre 2012) on predicted tags, in
//! [`crate::train`].
//!
//! Weights, label names and Brown clusters live in one `.nkw` file of kind
//! "parser".

pub(crate) mod features;
pub(crate) mod state;

use std::path::Path;

use self::features::{label_features, transition_features, Atoms};
use self::state::{State, ACTIONS, LEFT, REDUCE};
use super::perceptron::{argmax, Clusters, Model, WeightFile};
use super::{ModelError, ModelFile, ModelSource, Sentence};

/// Assigns heads and UD relations. Read-only after loading; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    pub(crate) actions: Model,
    pub(crate) labels: Model,
    /// Label class → relation name ("root" is not among them).
    pub(crate) label_names: Vec<String>,
    pub(crate) clusters: Clusters,
}

impl Parser {
    /// Loads parser weights from a `.nkw` file of kind "parser".
    pub fn load(path: &Path) -> Result<Parser, ModelError> {
        Parser::from_model_file(&ModelFile::read(path)?)
    }

    /// Loads `parser.nkw` from `models`.
    pub fn from_source(models: &ModelSource) -> Result<Parser, ModelError> {
        Parser::from_model_file(&models.open("parser.nkw")?)
    }

    /// Decodes the bytes of a weight file of kind "parser".
    pub fn from_model_file(file: &ModelFile) -> Result<Parser, ModelError> {
        Parser::from_file(&file.weights("parser")?).map_err(|message| file.corrupt(message))
    }

    /// Decodes a weight file already read.
    pub(crate) fn from_file(file: &WeightFile) -> Result<Parser, String> {
        let section = |name: &str| {
            file.section(name)
                .ok_or_else(|| format!("missing section {name:?}"))
        };
        let actions = Model::from_compact_bytes(section("actions.model")?)?;
        let labels = Model::from_compact_bytes(section("labels.model")?)?;
        let names =
            std::str::from_utf8(section("labels")?).map_err(|_| "label section is not UTF-8")?;
        let label_names: Vec<String> = names.lines().map(str::to_string).collect();
        if actions.classes() != ACTIONS || labels.classes() != label_names.len() {
            return Err("label table does not match the model sizes".to_string());
        }
        let clusters = Clusters::from_bytes(section("clusters")?)?;
        Ok(Parser {
            actions,
            labels,
            label_names,
            clusters,
        })
    }

    /// Encodes as a weight file of kind "parser" with `metadata`.
    pub(crate) fn to_file(&self, metadata: serde_json::Value) -> WeightFile {
        let mut f = WeightFile::new("parser", metadata);
        f.sections
            .push(("actions.model".into(), self.actions.to_compact_bytes()));
        f.sections
            .push(("labels.model".into(), self.labels.to_compact_bytes()));
        f.sections
            .push(("labels".into(), self.label_names.join("\n").into_bytes()));
        f.sections
            .push(("clusters".into(), self.clusters.to_bytes()));
        f
    }

    /// A smaller parser keeping only the `actions` most important
    /// transition features and `labels` label features (for the size
    /// budget of shipped weights).
    pub fn pruned(&self, actions: usize, labels: usize) -> Parser {
        Parser {
            actions: self.actions.pruned(actions),
            labels: self.labels.pruned(labels),
            label_names: self.label_names.clone(),
            clusters: self.clusters.clone(),
        }
    }

    /// The label id of the root relation (label ids are class + 1; 0 = none).
    pub(crate) fn root_label(&self) -> u16 {
        self.label_names.len() as u16 + 1
    }

    /// Sets `head` and `deprel` of every token. Uses forms and tags.
    pub fn predict(&self, sentence: &mut Sentence) {
        let n = sentence.tokens.len();
        if n == 0 {
            return;
        }
        let atoms = Atoms::new(&sentence.tokens, &self.clusters);
        let mut state = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let mut scores = [0.0f32; ACTIONS];
        let mut label_scores = vec![0.0f32; self.labels.classes()];
        // At most 2n + 1 transitions; the cap only guards against a bug.
        let mut steps = 0;
        while !state.is_terminal() && steps <= 2 * n + 2 {
            steps += 1;
            // A forced move (one legal transition) needs no scoring.
            let action = match forced(&state) {
                Some(a) => a,
                None => {
                    feats.clear();
                    transition_features(&state, &atoms, &mut feats);
                    self.actions.score_into(&feats, &mut scores);
                    best_legal(&state, &scores)
                }
            };
            // LEFT arcs are labelled when made (the dependent is complete);
            // RIGHT arcs when their dependent is reduced.
            let label = match action {
                LEFT if state.b == n => self.root_label(),
                LEFT | REDUCE => {
                    let dep = state.s0();
                    let head = if action == LEFT {
                        state.b
                    } else {
                        state.heads[dep]
                    };
                    feats.clear();
                    label_features(&state, &atoms, head, dep, &mut feats);
                    self.labels.score_into(&feats, &mut label_scores);
                    argmax(&label_scores) as u16 + 1
                }
                _ => 0,
            };
            if action == REDUCE {
                state.set_label(state.s0(), label);
            }
            state.apply(action, label);
        }
        self.write(&state, sentence);
    }

    /// Copies the parse into the tokens, keeping exactly one root: the first
    /// word attached to the root wins; any other is attached to it.
    fn write(&self, state: &State, sentence: &mut Sentence) {
        let n = state.n;
        let root = (0..n).find(|&i| state.heads[i] == n).unwrap_or(0);
        for (i, t) in sentence.tokens.iter_mut().enumerate() {
            let (head, label) = (state.heads[i], state.labels[i]);
            if i == root {
                t.head = None;
                t.deprel = "root".to_string();
            } else if head >= n {
                t.head = Some(root);
                t.deprel = "parataxis".to_string();
            } else {
                t.head = Some(head);
                t.deprel = self
                    .label_names
                    .get(usize::from(label).wrapping_sub(1))
                    .cloned()
                    .unwrap_or_else(|| "dep".to_string());
            }
        }
    }
}

/// The only legal transition, if there is just one.
pub(crate) fn forced(state: &State) -> Option<usize> {
    let mut only = None;
    for a in 0..ACTIONS {
        if state.legal(a) {
            if only.is_some() {
                return None;
            }
            only = Some(a);
        }
    }
    only
}

/// The highest-scoring legal transition.
pub(crate) fn best_legal(state: &State, scores: &[f32]) -> usize {
    let mut best = usize::MAX;
    for a in 0..ACTIONS {
        if state.legal(a) && (best == usize::MAX || scores[a] > scores[best]) {
            best = a;
        }
    }
    // Non-terminal states always have a legal transition, so the fallback
    // is never taken; `predict` also caps the number of steps.
    if best == usize::MAX {
        LEFT
    } else {
        best
    }
}
