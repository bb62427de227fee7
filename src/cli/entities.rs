//! `newskg entities`: every entity with its aliases and mention count.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{output, StoreArgs};

/// List the entities of the store: id, type, label, aliases, titles and
/// mention count, most mentioned first.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    /// Only this type: Person, Organization, Place or Misc
    #[arg(long = "type", short = 't')]
    entity_type: Option<String>,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = args.store.open_existing()?;
    let mut entities = store.entities()?;
    if let Some(t) = &args.entity_type {
        entities.retain(|e| e.label_type.as_str().eq_ignore_ascii_case(t));
    }
    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
    let mut out = output::stdout();
    writeln!(out, "id\ttype\tlabel\tmentions\taliases\ttitles")?;
    for e in &entities {
        let aliases: Vec<&str> = e
            .aliases
            .iter()
            .filter(|a| **a != e.label)
            .map(String::as_str)
            .collect();
        let titles: Vec<&str> = e.titles.iter().map(String::as_str).collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            e.id,
            e.subtype.as_deref().unwrap_or(e.label_type.as_str()),
            e.label,
            e.mentions,
            aliases.join("; "),
            titles.join("; ")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
