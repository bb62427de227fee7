//! Dependency parser: a tagged [`Sentence`] in, `head` and `deprel` set on
//! every token (exactly one root, labelled "root").
//!
//! An arc-eager transition parser ([`state`]), greedy or with a beam
//! ([`beam`], trained globally by [`global`]; the width is in the file), with two averaged
//! perceptrons: one picks the transition from Zhang & Nivre (2011) style
//! features ([`features`]), the other picks the UD relation of each arc once
//! the dependent's subtree is complete: when a LEFT arc is made, or when a
//! RIGHT dependent is reduced (its right dependents, such as the `mark` of an
//! `advcl` or the `case` of an `obl`, are known only then). Splitting the label off keeps the transition model at four
//! classes, which is what makes parsing fast (each of the ≤ 2n + 1
//! transitions costs about 90 hash lookups and 4 additions each; a beam
//! multiplies that by its width). The greedy model is trained with a
//! dynamic oracle (Goldberg & Nivre 2012), the beam model with max-violation
//! updates, both on predicted tags, in [`crate::train`].
//!
//! Weights, label names and Brown clusters live in one `.nkw` file of kind
//! "parser".

pub(crate) mod beam;
pub(crate) mod features;
pub(crate) mod global;
pub(crate) mod state;

use std::path::Path;

use self::beam::{apply_labelled, label_due};
use self::features::{transition_features, Atoms};
use self::state::{State, ACTIONS, LEFT};
use super::perceptron::{Clusters, Model, WeightFile};
use super::{ModelError, ModelFile, ModelSource, Sentence};

/// The widest beam a parser file may ask for.
pub const MAX_BEAM: usize = 64;

/// Assigns heads and UD relations. Read-only after loading; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Parser {
    pub(crate) actions: Model,
    pub(crate) labels: Model,
    /// Label class → relation name ("root" is not among them).
    pub(crate) label_names: Vec<String>,
    pub(crate) clusters: Clusters,
    /// Beam width used when parsing (1: greedy). A model is decoded with
    /// the width it was trained with: a greedily trained model loses with
    /// a beam, a globally trained one with less beam than it learnt with.
    pub(crate) beam: usize,
    /// Hypotheses scoring more than this below the best one are dropped
    /// even when the beam has room (threshold pruning): where the model is
    /// sure, one hypothesis goes on and the step costs what a greedy one
    /// does. Infinite: a full beam.
    pub(crate) beam_margin: f32,
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
        // Dense since issue 13's larger budget; compact before.
        let actions = match file.section("actions.dense") {
            Some(bytes) => Model::from_dense_bytes(bytes)?,
            None => Model::from_compact_bytes(section("actions.model")?)?,
        };
        let labels = Model::from_compact_bytes(section("labels.model")?)?;
        let names =
            std::str::from_utf8(section("labels")?).map_err(|_| "label section is not UTF-8")?;
        let label_names: Vec<String> = names.lines().map(str::to_string).collect();
        if actions.classes() != ACTIONS || labels.classes() != label_names.len() {
            return Err("label table does not match the model sizes".to_string());
        }
        let clusters = Clusters::from_bytes(section("clusters")?)?;
        // Files from before the beam have no such section: greedy.
        let beam = match file.section("beam") {
            None => 1,
            Some(bytes) => std::str::from_utf8(bytes)
                .ok()
                .and_then(|t| t.trim().parse::<usize>().ok())
                .filter(|&w| (1..=MAX_BEAM).contains(&w))
                .ok_or_else(|| format!("beam width must be 1 to {MAX_BEAM}"))?,
        };
        let beam_margin = match file.section("beam.margin") {
            None => f32::INFINITY,
            Some(bytes) => std::str::from_utf8(bytes)
                .ok()
                .and_then(|t| t.trim().parse::<f32>().ok())
                .filter(|m| *m >= 0.0)
                .ok_or("beam margin must be a number >= 0")?,
        };
        Ok(Parser {
            actions,
            labels,
            label_names,
            clusters,
            beam,
            beam_margin,
        })
    }

    /// Encodes as a weight file of kind "parser" with `metadata`.
    pub(crate) fn to_file(&self, metadata: serde_json::Value) -> WeightFile {
        let mut f = WeightFile::new("parser", metadata);
        f.sections
            .push(("actions.dense".into(), self.actions.to_dense_bytes()));
        f.sections
            .push(("labels.model".into(), self.labels.to_compact_bytes()));
        f.sections
            .push(("labels".into(), self.label_names.join("\n").into_bytes()));
        f.sections
            .push(("clusters".into(), self.clusters.to_bytes()));
        f.sections
            .push(("beam".into(), self.beam.to_string().into_bytes()));
        f.sections.push((
            "beam.margin".into(),
            self.beam_margin.to_string().into_bytes(),
        ));
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
            beam: self.beam,
            beam_margin: self.beam_margin,
        }
    }

    /// The beam width this parser decodes with (1: greedy).
    pub fn beam_width(&self) -> usize {
        self.beam
    }

    /// The same weights decoded with another beam width (clamped to
    /// `1..=MAX_BEAM`); for measuring, since a model is best at the width
    /// it was trained with.
    pub fn with_beam_width(mut self, width: usize) -> Parser {
        self.beam = width.clamp(1, MAX_BEAM);
        self
    }

    /// The score margin of threshold pruning (infinite: none).
    pub fn beam_margin(&self) -> f32 {
        self.beam_margin
    }

    /// The same parser with another threshold-pruning margin (negative or
    /// NaN: none, i.e. infinite).
    pub fn with_beam_margin(mut self, margin: f32) -> Parser {
        self.beam_margin = if margin >= 0.0 { margin } else { f32::INFINITY };
        self
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
        let state = if self.beam > 1 {
            beam::decode(
                &self.actions,
                &self.labels,
                self.root_label(),
                &atoms,
                n,
                self.beam,
                self.beam_margin,
            )
        } else {
            self.greedy(&atoms, n)
        };
        self.write(&state, sentence);
    }

    /// Greedy decoding: the best transition at each step. The same as a
    /// beam of width 1 (a test checks it), without the beam's copies.
    pub(crate) fn greedy(&self, atoms: &Atoms, n: usize) -> State {
        let mut state = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let mut scores = [0.0f32; ACTIONS];
        let mut label_scores = vec![0.0f32; self.labels.classes()];
        // Exactly 2n transitions; the cap only guards against a bug.
        let mut steps = 0;
        while !state.is_terminal() && steps <= 2 * n + 2 {
            steps += 1;
            // A forced move (one legal transition) needs no scoring.
            let action = match forced(&state) {
                Some(a) => a,
                None => {
                    feats.clear();
                    transition_features(&state, atoms, &mut feats);
                    self.actions.score_into(&feats, &mut scores);
                    best_legal(&state, &scores)
                }
            };
            let (label, _, _) = label_due(
                &state,
                action,
                atoms,
                &self.labels,
                self.root_label(),
                &mut feats,
                &mut label_scores,
            );
            apply_labelled(&mut state, action, label);
        }
        state
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
