//! The averaged perceptron shared by the tagger, parser and recognizer, and
//! the weight-file format (SKELETON).
