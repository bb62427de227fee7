//! `newskg entities`: every entity with its aliases and mention count.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;

use super::{output, StoreArgs};

/// List the entities of the store: id, type, label, aliases, titles and
/// mention count, most mentioned first.
#[derive(Args, Debug)]
pub struct EntitiesArgs {
    /// Only this type, as the type column shows it or its coarse type:
    /// Person, Organization, Place, Misc, or a finer one such as Country
    /// (which Place includes)
    #[arg(long = "type", short = 't')]
    entity_type: Option<String>,
    #[command(flatten)]
    store: StoreArgs,
}

pub fn run(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = args.store.open_existing()?;
    let mut entities = store.entities()?;
    if let Some(t) = &args.entity_type {
        let known = known_types(&entities);
        if !known.iter().any(|k| k.eq_ignore_ascii_case(t)) {
            anyhow::bail!(
                "unknown --type {t:?}: the entity types in {} are {}",
                args.store.store,
                known.join(", ")
            );
        }
        entities.retain(|e| e.has_type(t));
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
            e.type_name(),
            e.label,
            e.mentions,
            aliases.join("; "),
            titles.join("; ")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The four coarse types, then the subtypes the store's entities have.
fn known_types(entities: &[newskg::Entity]) -> Vec<String> {
    use newskg::nlp::EntityLabel;
    let mut known: Vec<String> = [
        EntityLabel::Person,
        EntityLabel::Organization,
        EntityLabel::Place,
        EntityLabel::Misc,
    ]
    .iter()
    .map(|l| l.as_str().to_owned())
    .collect();
    let subtypes: std::collections::BTreeSet<&str> = entities
        .iter()
        .filter_map(|e| e.subtype.as_deref())
        .collect();
    known.extend(
        subtypes
            .into_iter()
            .filter(|s| !known.iter().any(|k| k.eq_ignore_ascii_case(s)))
            .map(str::to_owned)
            .collect::<Vec<_>>(),
    );
    known
}
