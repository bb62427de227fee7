//! The projection: an oxigraph store in, a [`KnowledgeGraph`] out.
//!
//! Reads the RDF model of `docs/rdf-model.md` with a handful of flat SPARQL
//! SELECTs over the union of all graphs (entities, labels, aliases, titles,
//! mention counts, concepts, relations, documents, facts) and joins them in
//! Rust. Flat queries rather than one big one because multi-valued properties
//! (several aliases, a fact with two speakers) would multiply the rows of a
//! join; here each is collected into a sorted set, which also makes the result
//! independent of the store's row order.
//!
//! Mention counts are read per named graph (`GRAPH ?g`) and summed: the union
//! default graph is a set, so two documents that both state
//! `id:entity/x nkg:mentionCount 3` would otherwise count once.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;

use super::{local_name, short_id, Edge, GraphError, KnowledgeGraph, Node, NodeKind};

const PREFIXES: &str = "\
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX schema: <http://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
";

const ENTITY_TYPES: &str = "
SELECT ?e ?declared ?class WHERE {
  { ?e nkg:entityType ?declared }
  UNION
  { ?e a ?class .
    VALUES ?class { schema:Person schema:Organization schema:Place nkg:Misc
                    schema:Country schema:City schema:AdministrativeArea } }
  FILTER(isIRI(?e))
}";

const LABELS: &str = "
SELECT ?x ?label ?name WHERE {
  { ?x rdfs:label ?label } UNION { ?x schema:name ?name }
  FILTER(isIRI(?x))
}";

const ALIASES: &str = "SELECT ?x ?alias WHERE { ?x schema:alternateName ?alias }";

const TITLES: &str = "SELECT ?x ?title WHERE { ?x schema:jobTitle ?title }";

const PARTS: &str = "SELECT ?x ?whole WHERE { ?x nkg:partOf ?whole }";

const MENTION_COUNTS: &str = "SELECT ?x ?g ?n WHERE { GRAPH ?g { ?x nkg:mentionCount ?n } }";

const MENTIONING_DOCS: &str = "SELECT ?d ?x WHERE { ?d schema:mentions ?x }";

const CONCEPTS: &str = "SELECT ?c WHERE { ?c a skos:Concept FILTER(isIRI(?c)) }";

// Every document graph describes the relations it uses: matched in the
// union default graph, the two patterns would join each graph's triple with
// every other graph's (quadratic in the documents a relation occurs in);
// within one graph they join once per graph.
const RELATION_STANCES: &str =
    "SELECT DISTINCT ?r ?stance WHERE { GRAPH ?g { ?r a nkg:Relation ; nkg:stance ?stance } }";

const DOCUMENTS: &str = "SELECT ?d WHERE { ?d a schema:NewsArticle FILTER(isIRI(?d)) }";

// A fact and its properties are written in its document's graph: matched
// inside that graph, each lookup reads one graph instead of the union of all.
const FACTS: &str = "
SELECT ?f ?s ?p ?o ?negated ?modality ?stance ?speaker ?confidence ?sentence ?start ?end ?doc ?g
WHERE {
  GRAPH ?g {
    ?f a nkg:Fact ; nkg:subject ?s ; nkg:predicate ?p ; nkg:object ?o .
    FILTER(isIRI(?s) && isIRI(?o))
    OPTIONAL { ?f nkg:negated ?negated }
    OPTIONAL { ?f nkg:modality ?modality }
    OPTIONAL { ?f nkg:stance ?stance }
    OPTIONAL { ?f nkg:attributedTo ?speaker }
    OPTIONAL { ?f nkg:confidence ?confidence }
    OPTIONAL { ?f nkg:sentence ?sentence }
    OPTIONAL { ?f nkg:charStart ?start }
    OPTIONAL { ?f nkg:charEnd ?end }
    OPTIONAL { ?f prov:wasDerivedFrom ?doc }
  }
}";

/// One fact's columns, each keeping the smallest value seen when a property
/// has several (so row order never matters).
#[derive(Default)]
struct FactRow {
    subject: String,
    predicate: String,
    object: String,
    values: BTreeMap<&'static str, String>,
}

const FACT_OPTIONALS: [&str; 10] = [
    "negated",
    "modality",
    "stance",
    "speaker",
    "confidence",
    "sentence",
    "start",
    "end",
    "doc",
    "g",
];

impl KnowledgeGraph {
    /// Projects the whole store (the union of its graphs) onto a graph.
    ///
    /// Nodes are every entity (`nkg:entityType` or a schema.org class) and
    /// every `skos:Concept`; edges are every `nkg:Fact`, negated ones
    /// included. An empty store gives an empty graph.
    pub fn from_store(store: &Store) -> Result<KnowledgeGraph, GraphError> {
        // 1. Entities and their kind: the declared type wins over classes.
        let mut kinds: BTreeMap<String, (Option<NodeKind>, BTreeSet<NodeKind>)> = BTreeMap::new();
        select(store, "entity types", ENTITY_TYPES, |row| {
            let Some(e) = text(row, "e") else { return };
            let slot = kinds.entry(e).or_default();
            if let Some(kind) = text(row, "declared").and_then(|t| NodeKind::from_type_name(&t)) {
                slot.0 = Some(slot.0.map_or(kind, |k| k.min(kind)));
            }
            if let Some(kind) =
                text(row, "class").and_then(|c| NodeKind::from_type_name(local_name(&c)))
            {
                slot.1.insert(kind);
            }
        })?;
        let mut node_kinds: BTreeMap<String, NodeKind> = kinds
            .into_iter()
            .filter_map(|(iri, (declared, classes))| {
                Some((iri, declared.or_else(|| classes.first().copied())?))
            })
            .collect();
        select(store, "concepts", CONCEPTS, |row| {
            if let Some(c) = text(row, "c") {
                node_kinds.entry(c).or_insert(NodeKind::Concept);
            }
        })?;

        // 2. Descriptions: labels, aliases, titles, mentions.
        let mut labels: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        select(store, "labels", LABELS, |row| {
            let Some(x) = text(row, "x") else { return };
            if let Some(l) = text(row, "label") {
                labels.entry(x.clone()).or_default().insert(l);
            }
            if let Some(n) = text(row, "name") {
                names.entry(x).or_default().insert(n);
            }
        })?;
        let aliases = multimap(store, "aliases", ALIASES, "x", "alias")?;
        let titles = multimap(store, "titles", TITLES, "x", "title")?;
        let parts = multimap(store, "parts", PARTS, "x", "whole")?;
        let mut mentions: BTreeMap<String, u64> = BTreeMap::new();
        select(store, "mention counts", MENTION_COUNTS, |row| {
            let (Some(x), Some(n)) = (text(row, "x"), text(row, "n")) else {
                return;
            };
            *mentions.entry(x).or_default() += n.trim().parse::<u64>().unwrap_or(0);
        })?;
        let mut node_docs = multimap(store, "mentioning documents", MENTIONING_DOCS, "x", "d")?;

        // 3. Relations' stances, documents.
        let mut relation_stances: BTreeMap<String, String> = BTreeMap::new();
        select(store, "relation stances", RELATION_STANCES, |row| {
            if let (Some(r), Some(s)) = (text(row, "r"), text(row, "stance")) {
                let stance = local_name(&s).to_owned();
                let slot = relation_stances.entry(r).or_insert_with(|| stance.clone());
                if stance < *slot {
                    *slot = stance;
                }
            }
        })?;
        let mut documents = BTreeSet::new();
        select(store, "documents", DOCUMENTS, |row| {
            if let Some(d) = text(row, "d") {
                documents.insert(short_id(&d));
            }
        })?;

        // 4. Facts.
        let mut facts: BTreeMap<String, FactRow> = BTreeMap::new();
        select(store, "facts", FACTS, |row| {
            let (Some(f), Some(s), Some(p), Some(o)) = (
                text(row, "f"),
                text(row, "s"),
                text(row, "p"),
                text(row, "o"),
            ) else {
                return;
            };
            let fact = facts.entry(f).or_default();
            if fact.subject.is_empty()
                || (s.as_str(), p.as_str(), o.as_str())
                    < (&fact.subject, &fact.predicate, &fact.object)
            {
                (fact.subject, fact.predicate, fact.object) = (s, p, o);
            }
            for var in FACT_OPTIONALS {
                if let Some(v) = text(row, var) {
                    let slot = fact.values.entry(var).or_insert_with(|| v.clone());
                    if v < *slot {
                        *slot = v;
                    }
                }
            }
        })?;

        // 5. Join. Fact arguments the store does not describe still get a node.
        let mut edges = Vec::with_capacity(facts.len());
        for (iri, fact) in facts {
            let get = |k: &str| fact.values.get(k).cloned();
            let doc_iri = get("doc").or_else(|| get("g")).unwrap_or_default();
            let document = short_id(&doc_iri);
            if !document.is_empty() {
                documents.insert(document.clone());
                for end in [&fact.subject, &fact.object] {
                    node_docs
                        .entry(end.clone())
                        .or_default()
                        .insert(doc_iri.clone());
                }
            }
            for end in [&fact.subject, &fact.object] {
                node_kinds.entry(end.clone()).or_insert(NodeKind::Other);
            }
            let stance = get("stance")
                .map(|s| local_name(&s).to_owned())
                .or_else(|| relation_stances.get(&fact.predicate).cloned());
            let edge = Edge {
                id: short_id(&iri),
                relation: first(&labels, &fact.predicate)
                    .unwrap_or_else(|| local_name(&fact.predicate).replace('-', " ")),
                relation_id: short_id(&fact.predicate),
                stance,
                negated: get("negated").is_some_and(|n| n == "true" || n == "1"),
                modality: get("modality")
                    .map_or_else(|| "Asserted".to_owned(), |m| local_name(&m).to_owned()),
                attributed_to: get("speaker").map(|s| short_id(&s)),
                confidence: get("confidence").and_then(|c| c.trim().parse().ok()),
                document,
                sentence: get("sentence"),
                char_start: get("start").and_then(|c| c.trim().parse().ok()),
                char_end: get("end").and_then(|c| c.trim().parse().ok()),
            };
            edges.push((short_id(&fact.subject), short_id(&fact.object), edge));
        }

        let nodes = node_kinds
            .into_iter()
            .map(|(iri, kind)| {
                let id = short_id(&iri);
                Node {
                    label: first(&labels, &iri)
                        .or_else(|| first(&names, &iri))
                        .unwrap_or_else(|| id.clone()),
                    kind,
                    aliases: all(&aliases, &iri),
                    titles: all(&titles, &iri),
                    part_of: all(&parts, &iri).iter().map(|w| short_id(w)).collect(),
                    mentions: mentions.get(&iri).copied().unwrap_or(0),
                    documents: node_docs.get(&iri).map_or(0, BTreeSet::len),
                    iri,
                    id,
                }
            })
            .collect();
        Ok(KnowledgeGraph::build(nodes, edges, documents))
    }
}

/// Runs one SELECT with the union of all graphs as default graph, calling
/// `each` on every solution.
fn select(
    store: &Store,
    name: &'static str,
    body: &str,
    mut each: impl FnMut(&QuerySolution),
) -> Result<(), GraphError> {
    let mut query = SparqlEvaluator::new()
        .parse_query(&format!("{PREFIXES}{body}"))
        .map_err(|source| GraphError::QuerySyntax { name, source })?;
    query.dataset_mut().set_default_graph_as_union();
    let results = query
        .on_store(store)
        .execute()
        .map_err(|source| GraphError::Query { name, source })?;
    if let QueryResults::Solutions(solutions) = results {
        for solution in solutions {
            each(&solution.map_err(|source| GraphError::Query { name, source })?);
        }
    }
    Ok(())
}

/// Runs a two-column SELECT into `key → sorted values`.
fn multimap(
    store: &Store,
    name: &'static str,
    body: &str,
    key: &str,
    value: &str,
) -> Result<BTreeMap<String, BTreeSet<String>>, GraphError> {
    let mut map: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    select(store, name, body, |row| {
        if let (Some(k), Some(v)) = (text(row, key), text(row, value)) {
            map.entry(k).or_default().insert(v);
        }
    })?;
    Ok(map)
}

/// A bound variable as text: an IRI, a literal's lexical form, or `_:id`.
fn text(row: &QuerySolution, var: &str) -> Option<String> {
    Some(match row.get(var)? {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        Term::BlankNode(b) => format!("_:{}", b.as_str()),
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    })
}

fn first(map: &BTreeMap<String, BTreeSet<String>>, key: &str) -> Option<String> {
    map.get(key)?.first().cloned()
}

fn all(map: &BTreeMap<String, BTreeSet<String>>, key: &str) -> Vec<String> {
    map.get(key)
        .map_or_else(Vec::new, |s| s.iter().cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn projects_entities_concepts_and_facts() {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        let sheinbaum = graph.node("entity/claudia-sheinbaum").unwrap();
        assert_eq!(sheinbaum.label, "Claudia Sheinbaum");
        assert_eq!(sheinbaum.kind, NodeKind::Person);
        assert_eq!(sheinbaum.aliases, ["President Sheinbaum", "Sheinbaum"]);
        assert_eq!(sheinbaum.titles, ["president"]);
        assert_eq!(sheinbaum.mentions, 7 + 2, "summed over both documents");
        assert_eq!(sheinbaum.documents, 2);
        let mexico = graph.node("entity/mexico").unwrap();
        assert_eq!(mexico.kind, NodeKind::Place);
        let concept = graph.node("concept/us-military-intervention").unwrap();
        assert_eq!(concept.kind, NodeKind::Concept);
        assert_eq!(concept.label, "U.S. military intervention");
        assert_eq!(graph.documents().len(), 2);

        let facts: Vec<_> = graph.edges().collect();
        let (s, o, oppose) = facts
            .iter()
            .find(|(_, _, e)| e.relation == "rule out")
            .unwrap();
        assert_eq!(
            (s.id.as_str(), o.id.as_str()),
            (
                "entity/claudia-sheinbaum",
                "concept/us-military-intervention"
            )
        );
        assert_eq!(oppose.stance.as_deref(), Some("Oppose"));
        assert!(!oppose.negated);
        assert_eq!(oppose.confidence, Some(0.87));
        assert_eq!((oppose.char_start, oppose.char_end), (Some(120), Some(245)));
        assert_eq!(oppose.document, "doc/d1");

        let (_, _, negated) = facts.iter().find(|(_, _, e)| e.negated).unwrap();
        assert_eq!(negated.relation, "issue");
        assert_eq!(
            negated.stance.as_deref(),
            Some("Enact"),
            "the relation's stance"
        );

        let (_, _, reported) = facts.iter().find(|(_, _, e)| e.is_reported()).unwrap();
        assert_eq!(reported.modality, "Reported");
        assert_eq!(
            reported.attributed_to.as_deref(),
            Some("entity/claudia-sheinbaum")
        );
        assert_eq!(
            graph.label_of("entity/claudia-sheinbaum"),
            "Claudia Sheinbaum"
        );
    }

    #[test]
    fn a_part_of_link_is_on_the_part_s_node() {
        let fx = fixture::Fixture::new();
        fx.entity("norway", "Place", "Norway")
            .entity("norway-government", "Organization", "Norway government")
            .document("d1", &[("norway", 2), ("norway-government", 1)])
            .part_of("d1", "norway-government", "norway");
        let graph = KnowledgeGraph::from_store(&fx.store).unwrap();
        let part = graph.node("entity/norway-government").unwrap();
        assert_eq!(part.part_of, ["entity/norway"]);
        assert!(graph.node("entity/norway").unwrap().part_of.is_empty());
        let mut json = Vec::new();
        graph.write_json(&mut json).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let parts: Vec<&serde_json::Value> = json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|n| n.get("part_of"))
            .collect();
        assert_eq!(parts, [&serde_json::json!(["entity/norway"])], "{json}");
    }

    #[test]
    fn an_empty_store_gives_an_empty_graph() {
        let graph = KnowledgeGraph::from_store(&Store::new().unwrap()).unwrap();
        assert_eq!((graph.node_count(), graph.edge_count()), (0, 0));
    }
}
