//! Facts and entities as flat records: the `extract --format jsonl` contract
//! of DESIGN.md (which `shared/tools/score_facts.py` reads) and a TSV view.
//!
//! This is where byte spans become character offsets (Unicode scalar values),
//! as every consumer outside Rust counts characters.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};

use serde::Serialize;

use crate::extract::{Argument, DocFacts, Fact};
use crate::kg::{slug, EntityId, Resolver};

/// Instance namespace of ids in records (the same IRIs the store uses).
pub const ID_BASE: &str = "https://w3id.org/newskg/id/";

/// One `{"kind":"entity",…}` line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityRecord {
    /// Always "entity".
    pub kind: &'static str,
    /// Entity IRI.
    pub id: String,
    /// Fullest proper name.
    pub label: String,
    /// Person, Organization, Place or Misc.
    #[serde(rename = "type")]
    pub entity_type: &'static str,
    /// Finer type ("Country"), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Every other name seen.
    pub aliases: Vec<String>,
    /// Titles and roles seen.
    pub titles: Vec<String>,
    /// Mentions over the documents read.
    pub mentions: usize,
    /// IRIs of the entities it is a part of ("the Norwegian government":
    /// Norway's), when a document says so.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub part_of: Vec<String>,
}

/// One side of a fact: id, label and type.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArgumentRecord {
    /// Entity or concept IRI.
    pub id: String,
    /// Name or noun phrase.
    pub label: String,
    /// Person, Organization, Place, Misc or Concept.
    #[serde(rename = "type")]
    pub arg_type: &'static str,
}

/// One `{"kind":"fact",…}` line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactRecord {
    /// Always "fact".
    pub kind: &'static str,
    /// Document id (content hash).
    pub doc: String,
    /// Where the document came from.
    pub source: String,
    /// Subject.
    pub subject: ArgumentRecord,
    /// Normalised relation ("reject", "rule out").
    pub relation: String,
    /// Stance class, when known.
    pub stance: Option<&'static str>,
    /// Object.
    pub object: ArgumentRecord,
    /// Whether the text denies the relation.
    pub negated: bool,
    /// Asserted, Reported or Possible.
    pub modality: &'static str,
    /// Who the fact is attributed to.
    pub attributed_to: Option<ArgumentRecord>,
    /// 0..1, two decimals.
    pub confidence: f64,
    /// The sentence the fact comes from.
    pub sentence: String,
    /// First character of the sentence in the document text.
    pub char_start: usize,
    /// One past its last character.
    pub char_end: usize,
    /// Extraction pattern.
    pub pattern: String,
}

/// The IRI of a concept label.
pub fn concept_iri(label: &str) -> String {
    format!("{ID_BASE}concept/{}", slug(label))
}

/// The IRI of an entity id.
pub fn entity_iri(id: &EntityId) -> String {
    format!("{ID_BASE}entity/{id}")
}

fn argument(
    arg: &Argument,
    doc: &DocFacts,
    ids: &[EntityId],
    resolver: &Resolver,
) -> ArgumentRecord {
    match arg {
        Argument::Entity(i) => {
            let id = &ids[*i];
            let (label, arg_type) = resolver.get(id).map_or((id.0.clone(), "Misc"), |e| {
                (e.label.clone(), e.label_type.as_str())
            });
            ArgumentRecord {
                id: entity_iri(id),
                label,
                arg_type,
            }
        }
        Argument::Concept { label, .. } => ArgumentRecord {
            id: concept_iri(label),
            label: label.clone(),
            arg_type: "Concept",
        },
        // The fact a clause states, named by its own subject, relation and
        // object; its id is that fact's statement node in the RDF model.
        Argument::Statement(i) => ArgumentRecord {
            id: crate::rdf::statement_iri(doc, ids, *i).unwrap_or_default(),
            label: statement_label(doc, *i, ids, resolver, 0, false),
            arg_type: "Statement",
        },
        // Only a statement's content has no object; its label shows none.
        Argument::Absent => ArgumentRecord {
            id: String::new(),
            label: String::new(),
            arg_type: "Absent",
        },
    }
}

/// A fact's object as its record shows it: what a denial introduces is
/// labelled as the words denied ("deny | Vantor sell mill"), although the
/// fact it links to is the denier's negated claim; "deny | Vantor not sell
/// mill" would read as a double negative.
fn object(f: &Fact, doc: &DocFacts, ids: &[EntityId], resolver: &Resolver) -> ArgumentRecord {
    let mut record = argument(&f.object, doc, ids, resolver);
    if let (Argument::Statement(i), true) = (&f.object, newskg_extract::denies(&f.relation)) {
        record.label = statement_label(doc, *i, ids, resolver, 0, true);
    }
    record
}

/// "Trump sign directive", "prices could fall": the words of the fact at
/// index `i`.
/// `denied`: the fact is what a denial introduces, shown without the
/// negation the denial gave it ([`object`]).
fn statement_label(
    doc: &DocFacts,
    i: usize,
    ids: &[EntityId],
    resolver: &Resolver,
    depth: usize,
    denied: bool,
) -> String {
    let Some(f) = doc.facts.get(i).filter(|_| depth < 4) else {
        return String::new();
    };
    let side = |a: &Argument| match a {
        Argument::Statement(j) => statement_label(doc, *j, ids, resolver, depth + 1, false),
        other => argument(other, doc, ids, resolver).label,
    };
    // A denial's content is negated by the denial (`attribution`), so its
    // words carry no "not" (a content the denial did not negate, as where
    // the parse hung it elsewhere, shows none either).
    let not = if f.negated && !denied { " not" } else { "" };
    // "Kessel say (prices could fall)": the modal is part of what was said;
    // without it a forecast reads as an event.
    let modal = f
        .modal
        .as_deref()
        .map(|m| format!(" {m}"))
        .unwrap_or_default();
    // "board ask management to seek buyers": a relation that carries what
    // the verb makes of its object reads with the object inside it.
    let words: Vec<&str> = f.relation.split_whitespace().collect();
    let (before, after) = match f.object_inside {
        Some(n) if n < words.len() => (words[..n].join(" "), words[n..].join(" ")),
        _ => (f.relation.clone(), String::new()),
    };
    let label = format!(
        "{}{modal}{not} {before} {} {after}",
        side(&f.subject),
        side(&f.object)
    );
    // "analysts say (the market would rise if a coalition is formed)": the
    // condition is part of what was said.
    match &f.condition {
        Some(condition) => format!("{} {condition}", label.trim_end()),
        None => label.trim_end().to_string(),
    }
}

/// Whether fact `f` is a record of its own: a fact with no object ("the
/// talks failed") is shown only as what its statement says ("Ruiz | say |
/// talks fail").
pub fn has_record(f: &Fact) -> bool {
    f.object != Argument::Absent
}

/// The fact records of one document whose entities resolved to `ids`, in
/// the order of the facts that [`has_record`].
pub fn fact_records(doc: &DocFacts, ids: &[EntityId], resolver: &Resolver) -> Vec<FactRecord> {
    let text = &doc.analyzed.doc.text;
    // Character offset of every sentence start and end, computed in one pass.
    let mut char_at = std::collections::HashMap::new();
    for s in &doc.analyzed.sentences {
        char_at.insert(s.span.start, 0);
        char_at.insert(s.span.end, 0);
    }
    let ends = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    for (chars, byte) in ends.enumerate() {
        if let Some(c) = char_at.get_mut(&byte) {
            *c = chars;
        }
    }
    doc.facts
        .iter()
        .filter(|f| has_record(f))
        .filter_map(|f: &Fact| {
            let sentence = doc.analyzed.sentences.get(f.sentence)?;
            Some(FactRecord {
                kind: "fact",
                doc: doc.analyzed.doc.id.0.clone(),
                source: doc.analyzed.doc.source.clone(),
                subject: argument(&f.subject, doc, ids, resolver),
                relation: f.relation.clone(),
                stance: f.stance.map(|s| s.as_str()),
                object: object(f, doc, ids, resolver),
                negated: f.negated,
                modality: f.modality.as_str(),
                attributed_to: f
                    .attributed_to
                    .as_ref()
                    .map(|a| argument(a, doc, ids, resolver)),
                confidence: (f64::from(f.confidence) * 100.0).round() / 100.0,
                sentence: sentence.span.of(text).to_string(),
                char_start: char_at[&sentence.span.start],
                char_end: char_at[&sentence.span.end],
                pattern: f.pattern.as_str().to_string(),
            })
        })
        .collect()
}

/// The entity record of every entity `resolver` knows, in order of first
/// sight, with the wholes `part_of` gives each.
pub fn entity_records(
    resolver: &Resolver,
    part_of: &BTreeMap<EntityId, BTreeSet<EntityId>>,
) -> Vec<EntityRecord> {
    resolver
        .entities()
        .map(|e| EntityRecord {
            kind: "entity",
            id: entity_iri(&e.id),
            label: e.label.clone(),
            entity_type: e.label_type.as_str(),
            subtype: e.subtype.clone(),
            aliases: e
                .aliases
                .iter()
                .filter(|a| **a != e.label)
                .cloned()
                .collect(),
            titles: e.titles.iter().cloned().collect(),
            mentions: e.mentions,
            part_of: part_of
                .get(&e.id)
                .map(|wholes| wholes.iter().map(entity_iri).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// Collects records over many documents and writes them in the contract's
/// order: every entity first (each once, with all its aliases), then facts.
#[derive(Default)]
pub struct RecordWriter {
    facts: Vec<FactRecord>,
    part_of: BTreeMap<EntityId, BTreeSet<EntityId>>,
}

impl RecordWriter {
    /// Adds one document's facts and the links between its entities.
    pub fn add(&mut self, doc: &DocFacts, ids: &[EntityId], resolver: &Resolver) {
        self.facts.extend(fact_records(doc, ids, resolver));
        for (part, whole) in doc.part_of_links(ids) {
            self.part_of
                .entry(part.clone())
                .or_default()
                .insert(whole.clone());
        }
    }

    /// Writes JSON Lines: entities, then facts.
    pub fn write_jsonl(&self, resolver: &Resolver, out: &mut dyn Write) -> io::Result<()> {
        for e in entity_records(resolver, &self.part_of) {
            serde_json::to_writer(&mut *out, &e)?;
            out.write_all(b"\n")?;
        }
        for f in &self.facts {
            serde_json::to_writer(&mut *out, f)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// Writes facts as TSV, one line each, after a header line when `header`.
pub fn write_tsv(facts: &[FactRecord], header: bool, out: &mut dyn Write) -> io::Result<()> {
    if header {
        writeln!(
            out,
            "doc\tsubject\tsubject_type\trelation\tstance\tobject\tobject_type\tnegated\tmodality\tattributed_to\tconfidence\tchar_start\tchar_end\tsentence"
        )?;
    }
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    for f in facts {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.2}\t{}\t{}\t{}",
            f.doc,
            clean(&f.subject.label),
            f.subject.arg_type,
            clean(&f.relation),
            f.stance.unwrap_or(""),
            clean(&f.object.label),
            f.object.arg_type,
            f.negated,
            f.modality,
            f.attributed_to
                .as_ref()
                .map_or(String::new(), |a| clean(&a.label)),
            f.confidence,
            f.char_start,
            f.char_end,
            clean(&f.sentence)
        )?;
    }
    Ok(())
}
