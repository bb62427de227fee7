//! Facts → quads: the RDF model of docs/rdf-model.md, without a store.
//!
//! [`doc_graph`] makes the named graph of one document (document node, run
//! node, mentions, concepts, relations, facts as statement nodes plus direct
//! triples for facts the text does not deny); [`entity_description`] makes
//! one entity's description for `id:graph/entities`. The store writes
//! exactly these quads, and `extract --format ttl|nq` prints them
//! ([`doc_quads`]), so both paths share one mapping.

use std::collections::{BTreeMap, HashMap, HashSet};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use sha2::{Digest, Sha256};

use crate::extract::{Argument, DocFacts, Fact, Modality, Stance};
use crate::kg::{Entity, EntityId};
use crate::nlp::EntityLabel;

use super::vocab::{
    term, Ids, ENTITY_COUNT, FACT_COUNT, LINK_FACTS, LINK_SOURCE, LINK_STANCE, LINK_TARGET,
    NEGATED_FACT_COUNT, NKG, PROV, RDF, RDFS, SCHEMA, SKOS, STANCE_LINK, XSD,
};
use super::RunInfo;

/// Collects quads of one graph.
struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn add(&mut self, s: &NamedNode, p: NamedNode, o: impl Into<Term>) {
        self.quads
            .push(Quad::new(s.clone(), p, o.into(), self.graph.clone()));
    }
}

fn int(n: usize) -> Literal {
    Literal::from(i64::try_from(n).unwrap_or(i64::MAX))
}

fn typed(value: &str, datatype: &str) -> Literal {
    Literal::new_typed_literal(value, term(XSD, datatype))
}

/// The quads of one document in the store: its own graph and the
/// descriptions of `entities` in `id:graph/entities`. `ids[i]` is the graph
/// id of `doc.entities[i]`.
pub fn doc_quads(
    doc: &DocFacts,
    ids: &[EntityId],
    entities: &[&Entity],
    run: &RunInfo,
) -> Vec<Quad> {
    doc_quads_with(&Ids::default(), doc, ids, entities, run)
}

/// [`doc_quads`] with instance IRIs under another base.
pub fn doc_quads_with(
    base: &Ids,
    doc: &DocFacts,
    ids: &[EntityId],
    entities: &[&Entity],
    run: &RunInfo,
) -> Vec<Quad> {
    let mut quads = doc_graph(base, doc, ids, run);
    for entity in entities {
        quads.extend(entity_description(base, entity));
    }
    quads
}

/// The description of one entity in `id:graph/entities`.
pub fn entity_description(base: &Ids, entity: &Entity) -> Vec<Quad> {
    let mut w = GraphWriter {
        graph: base.entities_graph().into(),
        quads: Vec::new(),
    };
    let e = base.entity(&entity.id);
    let class = match entity.label_type {
        EntityLabel::Person => term(SCHEMA, "Person"),
        EntityLabel::Organization => term(SCHEMA, "Organization"),
        EntityLabel::Place => term(SCHEMA, "Place"),
        EntityLabel::Misc => term(NKG, "Misc"),
    };
    w.add(&e, term(RDF, "type"), class);
    if let Some(subtype) = &entity.subtype {
        if let Some(class) = place_class(subtype) {
            w.add(&e, term(RDF, "type"), term(SCHEMA, class));
        }
        w.add(&e, term(NKG, "subtype"), Literal::from(subtype.as_str()));
    }
    w.add(
        &e,
        term(RDFS, "label"),
        Literal::from(entity.label.as_str()),
    );
    w.add(
        &e,
        term(SCHEMA, "name"),
        Literal::from(entity.label.as_str()),
    );
    w.add(
        &e,
        term(NKG, "entityType"),
        Literal::from(entity.label_type.as_str()),
    );
    for alias in &entity.aliases {
        w.add(
            &e,
            term(SCHEMA, "alternateName"),
            Literal::from(alias.as_str()),
        );
    }
    for title in &entity.titles {
        w.add(&e, term(SCHEMA, "jobTitle"), Literal::from(title.as_str()));
    }
    w.quads
}

/// The schema.org class of a place subtype the model names.
fn place_class(subtype: &str) -> Option<&'static str> {
    match subtype.to_ascii_lowercase().as_str() {
        "country" => Some("Country"),
        "city" | "town" => Some("City"),
        "state" | "province" | "region" | "administrativearea" | "county" => {
            Some("AdministrativeArea")
        }
        _ => None,
    }
}

/// The named graph `id:doc/<DocId>` of one document.
pub fn doc_graph(base: &Ids, facts: &DocFacts, ids: &[EntityId], run: &RunInfo) -> Vec<Quad> {
    let doc = &facts.analyzed.doc;
    let d = base.doc(&doc.id);
    let mut w = GraphWriter {
        graph: d.clone().into(),
        quads: Vec::new(),
    };
    // The document.
    w.add(&d, term(RDF, "type"), term(SCHEMA, "NewsArticle"));
    if let Some(title) = &doc.title {
        w.add(&d, term(SCHEMA, "headline"), Literal::from(title.as_str()));
    }
    if let Some(date) = &doc.date {
        w.add(
            &d,
            term(SCHEMA, "datePublished"),
            Literal::from(date.as_str()),
        );
    }
    if let Some(url) = doc.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        w.add(&d, term(SCHEMA, "url"), url);
    }
    w.add(&d, term(NKG, "source"), Literal::from(doc.source.as_str()));
    w.add(
        &d,
        term(PROV, "generatedAtTime"),
        typed(&run.started, "dateTime"),
    );
    let r = base.run(&run.id);
    w.add(&d, term(PROV, "wasGeneratedBy"), r.clone());
    w.add(
        &d,
        term(NKG, "sentenceCount"),
        int(facts.analyzed.sentences.len()),
    );
    // The run.
    w.add(&r, term(RDF, "type"), term(PROV, "Activity"));
    w.add(
        &r,
        term(RDFS, "label"),
        Literal::from(run.software.as_str()),
    );
    w.add(
        &r,
        term(NKG, "software"),
        Literal::from(run.software.as_str()),
    );
    w.add(&r, term(NKG, "models"), Literal::from(run.models.as_str()));
    w.add(
        &r,
        term(PROV, "startedAtTime"),
        typed(&run.started, "dateTime"),
    );
    // Mentions: two document entities may resolve to one graph entity.
    let mut mentions: BTreeMap<&EntityId, usize> = BTreeMap::new();
    for (entity, id) in facts.entities.iter().zip(ids) {
        *mentions.entry(id).or_default() += entity.mentions;
    }
    for (id, count) in mentions {
        let e = base.entity(id);
        w.add(&d, term(SCHEMA, "mentions"), e.clone());
        w.add(&e, term(NKG, "mentionCount"), int(count));
    }
    // Links between entities the document states ("the Norwegian
    // government" is part of Norway), in its graph: replacing the document
    // replaces them.
    for (part, whole) in facts.part_of_links(ids) {
        w.add(&base.entity(part), term(NKG, "partOf"), base.entity(whole));
    }
    for fact in &facts.facts {
        add_fact(&mut w, base, facts, ids, &d, fact);
    }
    let mut quads = dedup(w.quads);
    // Counted on the deduplicated quads, then put in their sorted places
    // (sorting the whole graph again would format every quad again).
    for count in doc_precomputed(&d, &quads) {
        let key = count.to_string();
        if let Err(at) = quads.binary_search_by(|q| q.to_string().cmp(&key)) {
            quads.insert(at, count);
        }
    }
    quads
}

/// The document's own counts (`nkg:entityCount`, `nkg:factCount`,
/// `nkg:negatedFactCount`), counted from its deduplicated quads so that
/// they count what the graph holds (two facts with one identity are one
/// statement node). They live in the document graph, so a replacement or
/// re-ingest replaces them with it; the article-summary query reads them
/// instead of grouping every mention and fact of the store (6 s on the
/// 21k-article bench).
pub(super) fn doc_counts(d: &NamedNode, quads: &[Quad]) -> Vec<Quad> {
    let (mentions, rdf_type, fact, negated) = (
        term(SCHEMA, "mentions"),
        term(RDF, "type"),
        term(NKG, "Fact"),
        term(NKG, "negated"),
    );
    let yes = Term::from(Literal::from(true));
    let fact = Term::from(fact);
    let count = |p: &NamedNode, o: Option<&Term>| {
        quads
            .iter()
            .filter(|q| &q.predicate == p && o.is_none_or(|o| &q.object == o))
            .count()
    };
    let mut w = GraphWriter {
        graph: d.clone().into(),
        quads: Vec::new(),
    };
    w.add(d, term(NKG, ENTITY_COUNT), int(count(&mentions, None)));
    w.add(d, term(NKG, FACT_COUNT), int(count(&rdf_type, Some(&fact))));
    w.add(
        d,
        term(NKG, NEGATED_FACT_COUNT),
        int(count(&negated, Some(&yes))),
    );
    w.quads
}

/// Everything store format 3 precomputes in a document graph, from the
/// graph's other quads: [`doc_counts`] and [`stance_links`]. The mapping
/// and the store's recount (an upgrade, a `load`) both call this, so they
/// write the same quads.
pub(super) fn doc_precomputed(d: &NamedNode, quads: &[Quad]) -> Vec<Quad> {
    let mut precomputed = doc_counts(d, quads);
    precomputed.extend(stance_links(d, quads));
    precomputed
}

/// The document's stance links (`nkg:StanceLink`): for each entity, stance
/// and entity, how many of the document's facts (statement nodes with
/// `nkg:negated false`) have that subject, stance and object, where both
/// sides are entities the document mentions (`schema:mentions`). They live
/// in the document graph, so a replacement or re-ingest replaces them with
/// it. The stance-network query sums them over the documents instead of
/// joining four properties of every fact of the store (112,000 facts on the
/// 21k-article bench, of which 6,200 are between entities): 0.8 to 0.2 s
/// there. A fact node belongs to one document (its IRI hashes the
/// document's id), so the sum counts each fact once.
///
/// Each link is `<doc>#stance-<hash>` (`<doc>-stance-<hash>` when the
/// document's IRI has a fragment, under a base ending in `#`), a node
/// under the document's IRI, since a recount knows the document, not the
/// base the store was written under: the hash is of the link's entities
/// and stance.
pub(super) fn stance_links(d: &NamedNode, quads: &[Quad]) -> Vec<Quad> {
    let (mentions, subject, object, stance, negated) = (
        term(SCHEMA, "mentions"),
        term(NKG, "subject"),
        term(NKG, "object"),
        term(NKG, "stance"),
        term(NKG, "negated"),
    );
    let asserted = Term::from(Literal::from(false));
    let mentioned: HashSet<&Term> = quads
        .iter()
        .filter(|q| {
            q.predicate == mentions
                && matches!(&q.subject, NamedOrBlankNode::NamedNode(s) if s == d)
        })
        .map(|q| &q.object)
        .collect();
    // Each fact node's subjects, objects and stances, and whether it has
    // `nkg:negated false`: every combination is a link, as a join finds.
    #[derive(Default)]
    struct Sides<'a> {
        asserted: bool,
        subjects: Vec<&'a Term>,
        objects: Vec<&'a Term>,
        stances: Vec<&'a Term>,
    }
    let mut facts: HashMap<&NamedOrBlankNode, Sides<'_>> = HashMap::new();
    for q in quads {
        let p = &q.predicate;
        if p != &subject && p != &object && p != &stance && p != &negated {
            continue;
        }
        let sides = facts.entry(&q.subject).or_default();
        if p == &subject {
            sides.subjects.push(&q.object);
        } else if p == &object {
            sides.objects.push(&q.object);
        } else if p == &stance {
            sides.stances.push(&q.object);
        } else if q.object == asserted {
            sides.asserted = true;
        }
    }
    let mut links: HashMap<(&Term, &Term, &Term), usize> = HashMap::new();
    for sides in facts.values().filter(|f| f.asserted) {
        for s in sides.subjects.iter().filter(|s| mentioned.contains(*s)) {
            for o in sides.objects.iter().filter(|o| mentioned.contains(*o)) {
                for st in &sides.stances {
                    *links.entry((s, st, o)).or_default() += 1;
                }
            }
        }
    }
    let mut w = GraphWriter {
        graph: d.clone().into(),
        quads: Vec::new(),
    };
    for ((s, st, o), n) in links {
        let key = format!("{s}\n{st}\n{o}");
        let digest = Sha256::digest(key.as_bytes());
        let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        // Under a base that ends in `#` the document's IRI has its
        // fragment already, which the link's extends (an IRI has one).
        let mark = if d.as_str().contains('#') { '-' } else { '#' };
        let link = NamedNode::new_unchecked(format!("{}{mark}stance-{hash}", d.as_str()));
        w.add(&link, term(RDF, "type"), term(NKG, STANCE_LINK));
        w.add(&link, term(NKG, LINK_SOURCE), s.clone());
        w.add(&link, term(NKG, LINK_STANCE), st.clone());
        w.add(&link, term(NKG, LINK_TARGET), o.clone());
        w.add(&link, term(NKG, LINK_FACTS), int(n));
    }
    w.quads
}

/// Sorted, without repeats (a concept or relation used twice is described once).
fn dedup(mut quads: Vec<Quad>) -> Vec<Quad> {
    quads.sort_by_cached_key(|q| q.to_string());
    quads.dedup();
    quads
}

/// The IRI of an argument, describing a concept in the graph on the way;
/// `None` for an index out of range (never panic on bad input). A statement
/// is the node of the fact it links to (described when that fact is).
fn argument(
    w: &mut GraphWriter,
    base: &Ids,
    facts: &DocFacts,
    ids: &[EntityId],
    arg: &Argument,
) -> Option<NamedNode> {
    if let Argument::Concept { label, head } = arg {
        let c = base.concept(label);
        w.add(&c, term(RDF, "type"), term(SKOS, "Concept"));
        w.add(&c, term(RDFS, "label"), Literal::from(label.as_str()));
        w.add(&c, term(NKG, "head"), Literal::from(head.as_str()));
        return Some(c);
    }
    argument_iri(base, facts, ids, arg, 0)
}

/// The IRI of an argument, describing nothing. Statements nest at most a
/// few levels ("X said Y claimed P"); deeper or cyclic links name nothing.
fn argument_iri(
    base: &Ids,
    facts: &DocFacts,
    ids: &[EntityId],
    arg: &Argument,
    depth: usize,
) -> Option<NamedNode> {
    match arg {
        Argument::Entity(i) => ids.get(*i).map(|id| base.entity(id)),
        Argument::Concept { label, .. } => Some(base.concept(label)),
        Argument::Statement(i) if depth < 4 => {
            fact_iri(base, facts, ids, facts.facts.get(*i)?, depth + 1)
        }
        Argument::Statement(_) | Argument::Absent => None,
    }
}

/// The IRI of the statement node of fact `i` of a document (the node a
/// clause object links to), under the default base.
pub fn statement_iri(facts: &DocFacts, ids: &[EntityId], i: usize) -> Option<String> {
    let base = Ids::default();
    fact_iri(&base, facts, ids, facts.facts.get(i)?, 0).map(|n| n.into_string())
}

/// The statement node of `fact`: its IRI hashes the fact's identity.
fn fact_iri(
    base: &Ids,
    facts: &DocFacts,
    ids: &[EntityId],
    fact: &Fact,
    depth: usize,
) -> Option<NamedNode> {
    let s = argument_iri(base, facts, ids, &fact.subject, depth)?;
    // A fact with no object (what "the talks had failed" states) hashes
    // an empty one.
    let o = match &fact.object {
        Argument::Absent => String::new(),
        object => argument_iri(base, facts, ids, object, depth)?.into_string(),
    };
    let hash = fact_hash(
        &facts.analyzed.doc.id.0,
        fact.sentence,
        s.as_str(),
        &fact.relation,
        &o,
        fact.negated,
    );
    Some(base.fact(&hash))
}

fn stance_node(stance: Stance) -> NamedNode {
    term(NKG, stance.as_str())
}

fn modality_node(modality: Modality) -> NamedNode {
    term(NKG, modality.as_str())
}

/// First 16 hex digits of SHA-256 over the fact's identity (the model's rule).
pub(crate) fn fact_hash(
    doc: &str,
    sentence: usize,
    s: &str,
    relation: &str,
    o: &str,
    negated: bool,
) -> String {
    let key = format!("{doc}\n{sentence}\n{s}\n{relation}\n{o}\n{negated}");
    let digest = Sha256::digest(key.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

fn add_fact(
    w: &mut GraphWriter,
    base: &Ids,
    facts: &DocFacts,
    ids: &[EntityId],
    d: &NamedNode,
    fact: &Fact,
) {
    let (Some(s), Some(f)) = (
        argument(w, base, facts, ids, &fact.subject),
        fact_iri(base, facts, ids, fact, 0),
    ) else {
        return;
    };
    // A fact with no object is a statement's content only: its node has a
    // subject and a predicate, and no edge of its own.
    let o = argument(w, base, facts, ids, &fact.object);
    if o.is_none() && fact.object != Argument::Absent {
        return;
    }
    let p = base.relation(&fact.relation);
    w.add(&p, term(RDF, "type"), term(NKG, "Relation"));
    w.add(
        &p,
        term(RDFS, "label"),
        Literal::from(fact.relation.as_str()),
    );
    if let Some(stance) = fact.stance {
        w.add(&p, term(NKG, "stance"), stance_node(stance));
    }
    if let (false, Some(o)) = (fact.negated, &o) {
        w.add(&s, p.clone(), o.clone());
    }
    let doc = &facts.analyzed.doc;
    w.add(&f, term(RDF, "type"), term(NKG, "Fact"));
    w.add(&f, term(NKG, "subject"), s);
    w.add(&f, term(NKG, "predicate"), p);
    if let Some(o) = o {
        w.add(&f, term(NKG, "object"), o);
    }
    w.add(&f, term(NKG, "negated"), Literal::from(fact.negated));
    w.add(&f, term(NKG, "modality"), modality_node(fact.modality));
    if let Some(stance) = fact.stance {
        w.add(&f, term(NKG, "stance"), stance_node(stance));
    }
    if let Some(speaker) = fact
        .attributed_to
        .as_ref()
        .and_then(|a| argument(w, base, facts, ids, a))
    {
        w.add(&f, term(NKG, "attributedTo"), speaker);
    }
    // Rounded, so an f32 such as 0.87 is written 0.87, not 0.8700000047683716.
    let confidence = (f64::from(fact.confidence) * 10_000.0).round() / 10_000.0;
    w.add(
        &f,
        term(NKG, "confidence"),
        typed(&confidence.to_string(), "double"),
    );
    if let Some(sentence) = facts.analyzed.sentences.get(fact.sentence) {
        let span = sentence.span;
        if let (Some(before), Some(text)) = (
            doc.text.get(..span.start),
            doc.text.get(span.start..span.end),
        ) {
            let start = before.chars().count();
            w.add(&f, term(NKG, "sentence"), Literal::from(text));
            w.add(&f, term(NKG, "charStart"), int(start));
            w.add(&f, term(NKG, "charEnd"), int(start + text.chars().count()));
        }
    }
    w.add(
        &f,
        term(NKG, "pattern"),
        Literal::from(fact.pattern.as_str()),
    );
    w.add(&f, term(PROV, "wasDerivedFrom"), d.clone());
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::DocEntity;
    use crate::input::Document;
    use crate::nlp::{AnalyzedDoc, Sentence, Span};
    use crate::rdf::vocab::DEFAULT_BASE;

    /// A hand-built document: "Ann Lee rejected the plan. Acme did not confirm the deal."
    pub(crate) fn sample(source: &str, text: &str) -> (DocFacts, Vec<EntityId>, Vec<Entity>) {
        let doc = Document::from_text(source, text);
        let first_end = text.find('.').map(|i| i + 1).unwrap_or(text.len());
        let sentences = vec![
            Sentence {
                span: Span::new(0, first_end),
                tokens: Vec::new(),
            },
            Sentence {
                span: Span::new((first_end + 1).min(text.len()), text.len()),
                tokens: Vec::new(),
            },
        ];
        let analyzed = AnalyzedDoc {
            doc,
            sentences,
            entities: Vec::new(),
        };
        let doc_entity = |label: &str, t: EntityLabel, mentions| DocEntity {
            label: label.into(),
            label_type: t,
            subtype: None,
            aliases: vec![],
            titles: vec![],
            mentions,
            part_of: None,
        };
        let fact = |s, r: &str, st, o, negated, sentence| Fact {
            subject: s,
            relation: r.into(),
            stance: st,
            object: o,
            negated,
            modality: if negated {
                Modality::Asserted
            } else {
                Modality::Reported
            },
            modal: None,
            condition: None,
            attributed_to: (!negated).then_some(Argument::Entity(1)),
            confidence: 0.87,
            sentence,
            pattern: crate::extract::Pattern::Svo,
            object_inside: None,
        };
        let concept = |l: &str, h: &str| Argument::Concept {
            label: l.into(),
            head: h.into(),
        };
        let facts = DocFacts {
            analyzed,
            entities: vec![
                doc_entity("Ann Lee", EntityLabel::Person, 2),
                doc_entity("Acme", EntityLabel::Organization, 1),
            ],
            mentions: vec![],
            facts: vec![
                fact(
                    Argument::Entity(0),
                    "reject",
                    Some(Stance::Oppose),
                    concept("the plan", "plan"),
                    false,
                    0,
                ),
                fact(
                    Argument::Entity(1),
                    "confirm",
                    Some(Stance::Support),
                    concept("the deal", "deal"),
                    true,
                    1,
                ),
                fact(
                    Argument::Entity(0),
                    "support",
                    Some(Stance::Support),
                    Argument::Entity(1),
                    false,
                    0,
                ),
                // Out-of-range indexes are skipped, never a panic.
                fact(
                    Argument::Entity(9),
                    "meet",
                    None,
                    Argument::Entity(0),
                    false,
                    7,
                ),
            ],
        };
        let ids = vec![EntityId("ann-lee".into()), EntityId("acme".into())];
        let entities = vec![
            Entity {
                id: ids[0].clone(),
                label: "Ann Lee".into(),
                label_type: EntityLabel::Person,
                subtype: None,
                aliases: ["Lee".to_string()].into(),
                titles: ["minister".to_string()].into(),
                mentions: 2,
            },
            Entity {
                id: ids[1].clone(),
                label: "Acme".into(),
                label_type: EntityLabel::Organization,
                subtype: None,
                aliases: Default::default(),
                titles: Default::default(),
                mentions: 1,
            },
        ];
        (facts, ids, entities)
    }

    /// An in-memory store holding [`sample`]'s two-sentence document
    /// ("a.txt"): the fixture of the query and server tests.
    pub(crate) fn sample_store() -> crate::rdf::Store {
        let Ok(store) = crate::rdf::Store::in_memory() else {
            panic!("no store")
        };
        let (facts, ids, entities) = sample(
            "a.txt",
            "Ann Lee rejected the plan. Acme did not confirm the deal.",
        );
        let refs: Vec<&Entity> = entities.iter().collect();
        assert!(store.ingest(&facts, &ids, &refs, &run()).is_ok());
        store
    }

    pub(crate) fn run() -> RunInfo {
        RunInfo {
            id: "r1".into(),
            software: "newskg 0.1.0".into(),
            models: "test".into(),
            started: "2025-01-01T00:00:00Z".into(),
        }
    }

    #[test]
    fn negated_fact_has_a_statement_node_but_no_direct_triple() {
        let (facts, ids, entities) = sample(
            "a.txt",
            "Ann Lee rejected the plan. Acme did not confirm the deal.",
        );
        let refs: Vec<&Entity> = entities.iter().collect();
        let quads = doc_quads(&facts, &ids, &refs, &run());
        let has = |s: &str, p: &str, o: &str| {
            quads.iter().any(|q| {
                q.subject.to_string().contains(s)
                    && q.predicate.as_str().ends_with(p)
                    && q.object.to_string().contains(o)
            })
        };
        assert!(has("entity/ann-lee", "rel/reject", "concept/the-plan"));
        assert!(!has("entity/acme", "rel/confirm", "concept/the-deal"));
        assert!(has("fact/", "#predicate", "rel/confirm"));
        assert!(has("fact/", "#negated", "\"true\""));
        assert!(has("fact/", "#charStart", "\"27\""));
        assert!(has("fact/", "#confidence", "\"0.87\""), "rounded");
        assert!(has("entity/ann-lee", "jobTitle", "minister"));
        assert!(!quads
            .iter()
            .any(|q| q.predicate.as_str().ends_with("rel/meet")));
        assert!(
            !quads.iter().any(|q| q.to_string().contains("rel/meet")),
            "bad fact skipped"
        );
    }

    #[test]
    fn a_part_of_link_is_in_the_document_graph() {
        let (mut facts, ids, entities) = sample(
            "a.txt",
            "Ann Lee rejected the plan. Acme did not confirm the deal.",
        );
        let refs: Vec<&Entity> = entities.iter().collect();
        let part_of = |quads: &[Quad]| {
            quads
                .iter()
                .filter(|q| q.predicate.as_str().ends_with("#partOf"))
                .map(|q| {
                    (
                        q.subject.to_string(),
                        q.object.to_string(),
                        q.graph_name.to_string(),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert!(part_of(&doc_quads(&facts, &ids, &refs, &run())).is_empty());
        facts.entities[1].part_of = Some(0);
        // An index out of range is skipped, never a panic.
        facts.entities[0].part_of = Some(9);
        let links = part_of(&doc_quads(&facts, &ids, &refs, &run()));
        assert_eq!(links.len(), 1, "{links:?}");
        assert!(links[0].0.ends_with("entity/acme>"), "{links:?}");
        assert!(links[0].1.ends_with("entity/ann-lee>"), "{links:?}");
        assert!(links[0].2.contains("/doc/"), "{links:?}");
    }

    /// "Acme said the talks failed": the statement links to the node of a
    /// fact with no object, which has a subject and a predicate but no
    /// object and no direct triple.
    #[test]
    fn a_fact_with_no_object_is_a_statement_node_only() {
        let (mut facts, ids, entities) = sample(
            "a.txt",
            "Ann Lee rejected the plan. Acme said the talks failed.",
        );
        let mut said = facts.facts[1].clone();
        said.relation = "say".into();
        said.stance = None;
        said.negated = false;
        said.object = Argument::Statement(facts.facts.len() + 1);
        let mut content = said.clone();
        content.subject = Argument::Concept {
            label: "talks".into(),
            head: "talk".into(),
        };
        content.relation = "fail".into();
        content.object = Argument::Absent;
        facts.facts.push(said);
        facts.facts.push(content);
        let refs: Vec<&Entity> = entities.iter().collect();
        let quads = doc_quads(&facts, &ids, &refs, &run());
        let of = |p: &str| -> Vec<String> {
            quads
                .iter()
                .filter(|q| q.predicate.as_str().ends_with(p))
                .map(|q| format!("{} {}", q.subject, q.object))
                .collect()
        };
        let Some(node) = of("#predicate")
            .into_iter()
            .find(|x| x.ends_with("rel/fail>"))
            .and_then(|x| x.split(' ').next().map(str::to_string))
        else {
            panic!("no node for the content: {:?}", of("#predicate"))
        };
        let talks = format!("{node} <{}concept/talks>", crate::rdf::vocab::DEFAULT_BASE);
        assert!(of("#subject").contains(&talks), "{:?}", of("#subject"));
        assert!(
            !of("#object").iter().any(|x| x.starts_with(&node)),
            "no object"
        );
        assert!(
            of("#object").iter().any(|x| x.ends_with(&node)),
            "the statement links to it"
        );
        assert!(of("rel/fail").is_empty(), "no direct triple");
    }

    /// Stance links count a document's asserted facts between entities it
    /// mentions, per subject, stance and object; negated facts, facts with
    /// a concept on one side and facts without a stance are not counted.
    #[test]
    fn stance_links_count_the_asserted_facts_between_mentioned_entities() {
        let id = |local: &str| NamedNode::new_unchecked(format!("{DEFAULT_BASE}{local}"));
        let d = id("doc/d1");
        let graph = GraphName::from(d.clone());
        let (vantor, kessel, ruiz, plan) = (
            id("entity/vantor"),
            id("entity/kessel"),
            id("entity/ana-ruiz"),
            id("concept/plan"),
        );
        let mut quads = Vec::new();
        let mut add = |s: &NamedNode, p: NamedNode, o: Term| {
            quads.push(Quad::new(s.clone(), p, o, graph.clone()));
        };
        for e in [&vantor, &kessel, &ruiz] {
            add(&d, term(SCHEMA, "mentions"), e.clone().into());
        }
        // (fact, subject, stance, object, negated)
        let facts = [
            ("f1", &vantor, Some("Oppose"), &kessel, false),
            ("f2", &vantor, Some("Oppose"), &kessel, false),
            ("f3", &vantor, Some("Oppose"), &kessel, true),
            ("f4", &vantor, Some("Support"), &kessel, false),
            ("f5", &ruiz, Some("Praise"), &vantor, false),
            ("f6", &ruiz, Some("Oppose"), &plan, false),
            ("f7", &kessel, None, &ruiz, false),
        ];
        for (f, subject, stance, object, negated) in facts {
            let f = id(&format!("fact/{f}"));
            add(&f, term(RDF, "type"), term(NKG, "Fact").into());
            add(&f, term(NKG, "subject"), subject.clone().into());
            add(&f, term(NKG, "object"), object.clone().into());
            add(&f, term(NKG, "negated"), Literal::from(negated).into());
            if let Some(stance) = stance {
                add(&f, term(NKG, "stance"), term(NKG, stance).into());
            }
        }
        let links = stance_links(&d, &quads);
        // Each link: its type, source, stance, target and count; in the
        // document's graph, under the document's IRI.
        assert_eq!(links.len(), 3 * 5, "{links:?}");
        assert!(links.iter().all(|q| q.graph_name == graph
            && q.subject
                .to_string()
                .starts_with(&format!("<{d}#stance-", d = d.as_str()))));
        let mut counted: Vec<(String, String, String, String)> = Vec::new();
        for link in links.iter().filter(|q| q.predicate == term(RDF, "type")) {
            let value = |local: &str| {
                links
                    .iter()
                    .find(|q| q.subject == link.subject && q.predicate == term(NKG, local))
                    .map(|q| q.object.to_string())
                    .unwrap_or_default()
            };
            assert_eq!(link.object, Term::from(term(NKG, STANCE_LINK)));
            counted.push((
                value(LINK_SOURCE),
                value(LINK_STANCE),
                value(LINK_TARGET),
                value(LINK_FACTS),
            ));
        }
        counted.sort();
        let n = |v: i64| Literal::from(v).to_string();
        assert_eq!(
            counted,
            [
                (
                    ruiz.to_string(),
                    term(NKG, "Praise").to_string(),
                    vantor.to_string(),
                    n(1)
                ),
                (
                    vantor.to_string(),
                    term(NKG, "Oppose").to_string(),
                    kessel.to_string(),
                    n(2)
                ),
                (
                    vantor.to_string(),
                    term(NKG, "Support").to_string(),
                    kessel.to_string(),
                    n(1)
                ),
            ]
        );
        // The same quads in another order give the same links (a recount
        // reads them from the store, an ingest from the mapping).
        let mut reversed = quads.clone();
        reversed.reverse();
        let sorted = |mut q: Vec<Quad>| {
            q.sort_by_cached_key(ToString::to_string);
            q
        };
        assert_eq!(sorted(stance_links(&d, &reversed)), sorted(links.clone()));
        // Under a base ending in `#`, the link IRI is still an IRI.
        let hashed = NamedNode::new_unchecked("https://example.org/kg#doc/d1");
        let rehomed: Vec<Quad> = quads
            .iter()
            .map(|q| match &q.subject {
                NamedOrBlankNode::NamedNode(s) if s == &d => Quad::new(
                    hashed.clone(),
                    q.predicate.clone(),
                    q.object.clone(),
                    q.graph_name.clone(),
                ),
                _ => q.clone(),
            })
            .collect();
        let under_hash = stance_links(&hashed, &rehomed);
        assert_eq!(under_hash.len(), links.len());
        for q in under_hash {
            let NamedOrBlankNode::NamedNode(link) = &q.subject else {
                panic!("{q}")
            };
            assert!(
                link.as_str()
                    .starts_with("https://example.org/kg#doc/d1-stance-"),
                "{q}"
            );
            assert!(NamedNode::new(link.as_str()).is_ok(), "{q}");
        }
        // A document that mentions neither side has none.
        quads.retain(|q| q.predicate != term(SCHEMA, "mentions"));
        assert!(stance_links(&d, &quads).is_empty());
    }

    #[test]
    fn hash_is_sixteen_hex() {
        let h = fact_hash("d", 0, "s", "r", "o", false);
        assert_eq!(h.len(), 16);
        assert_ne!(h, fact_hash("d", 0, "s", "r", "o", true));
    }
}
