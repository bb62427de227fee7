//! The averaged perceptron shared by the tagger, the parser and the
//! recognizer, and the weight-file format they are saved in.
//!
//! Features are 64-bit hashes ([`feature`]); a [`Model`] maps each known
//! feature to one weight per class. Training lives apart, in [`Trainer`],
//! whose [`Trainer::finish`] returns the averaged runtime [`Model`].

mod clusters;
mod model;
mod train;
mod weights;

pub use clusters::Clusters;
pub use model::{argmax, atom, combine, feature, Model};
pub(crate) use model::{Fnv, FnvMap};
pub use train::{Rng, Trainer};
pub use weights::{WeightFile, FORMAT_VERSION};
