//! The `newskg` command line: parses arguments, runs one command, maps the
//! outcome to an exit code.

fn main() {}
