//! The stages chained: the functions the CLI, examples, tests and benches call.
//!
//! SKELETON: to be filled in.
