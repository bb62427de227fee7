//! `newskg train`: reproduce the shipped model files (wired at merge).

use std::process::ExitCode;

use clap::Args;

/// Train a model from its corpus.
#[derive(Args, Debug)]
pub struct TrainArgs {}

pub fn run(_args: TrainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("training is wired when the trainers land")
}
