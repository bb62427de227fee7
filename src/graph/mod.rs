//! Graph analysis and drawing: the store's entities and facts projected onto
//! a petgraph graph, for Graphviz DOT/SVG, GraphML, CSV and JSON exports, ego
//! graphs, degree and PageRank centrality and connected components.
//!
//! Entry point: [`KnowledgeGraph::from_store`] reads the store (the RDF model of
//! `docs/rdf-model.md`) with a few SPARQL queries and builds a directed
//! multigraph: one node per entity or concept ([`Node`]), one edge per fact
//! statement node ([`Edge`]), negated facts included (their `nkg:Fact` node is
//! the only place they live). [`KnowledgeGraph::ego`] cuts the neighbourhood of
//! one entity; the `write_*` methods serialise; [`KnowledgeGraph::stats`] sums up.
//!
//! Why a projection rather than drawing straight from SPARQL results: the
//! exports and the centrality measures all need the same node/edge view, and
//! building it once (nodes and edges inserted in sorted id order) makes every
//! writer deterministic for free: the same store gives byte-identical output.
//!
//! ```
//! use newskg::graph::KnowledgeGraph;
//!
//! let store = oxigraph::store::Store::new()?;
//! let graph = KnowledgeGraph::from_store(&store)?;
//! let mut dot = Vec::new();
//! graph.write_dot(&mut dot)?;
//! assert!(String::from_utf8(dot)?.starts_with("digraph newskg {"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod csv;
mod dot;
mod ego;
mod graphml;
mod json;
mod project;
mod stats;
mod svg;

#[cfg(test)]
mod fixture;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

pub use csv::{EDGES_HEADER, NODES_HEADER};
pub use dot::RenderFormat;
pub use stats::{Ranked, Stats};

/// A graph operation that failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum GraphError {
    /// A SPARQL query of the projection did not parse (a bug in this module).
    #[error("graph projection query `{name}` is invalid")]
    QuerySyntax {
        /// Which of the projection's queries.
        name: &'static str,
        /// The parser's error.
        #[source]
        source: oxigraph::sparql::SparqlSyntaxError,
    },
    /// Evaluating a SPARQL query on the store failed.
    #[error("graph projection query `{name}` failed on the store")]
    Query {
        /// Which of the projection's queries.
        name: &'static str,
        /// The store's error.
        #[source]
        source: oxigraph::sparql::QueryEvaluationError,
    },
    /// `--entity` named nothing in the graph.
    #[error("no entity or concept named `{name}` in the graph{}", suggestions(.close))]
    UnknownEntity {
        /// The name asked for.
        name: String,
        /// The closest names the graph has (may be empty).
        close: Vec<String>,
    },
    /// Graphviz is needed to render SVG or PNG but is not installed.
    #[error("Graphviz `dot` not found on PATH; install graphviz (apt-get install graphviz) or use --format dot")]
    DotMissing,
    /// Graphviz ran but failed.
    #[error("Graphviz `dot -T{format}` failed ({status}): {stderr}")]
    DotFailed {
        /// The output format asked of `dot`.
        format: &'static str,
        /// How `dot` exited.
        status: std::process::ExitStatus,
        /// What `dot` printed on stderr.
        stderr: String,
    },
    /// Writing the output failed.
    #[error("cannot write the graph")]
    Io(#[from] std::io::Error),
}

fn suggestions(close: &[String]) -> String {
    if close.is_empty() {
        String::new()
    } else {
        format!("; did you mean: {}?", close.join(", "))
    }
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    /// `schema:Person`.
    Person,
    /// `schema:Organization`.
    Organization,
    /// `schema:Place`.
    Place,
    /// `nkg:Misc`: a named thing of another kind (events, laws, nationalities).
    Misc,
    /// `skos:Concept`: a non-named thing ("U.S. military intervention").
    Concept,
    /// A fact argument the store does not describe (should not happen).
    Other,
}

impl NodeKind {
    /// The name used in exports ("Person", "Concept", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Place => "Place",
            NodeKind::Misc => "Misc",
            NodeKind::Concept => "Concept",
            NodeKind::Other => "Other",
        }
    }

    /// Whether this is a named entity (not a concept or an undescribed node).
    pub fn is_entity(self) -> bool {
        matches!(
            self,
            NodeKind::Person | NodeKind::Organization | NodeKind::Place | NodeKind::Misc
        )
    }

    /// Parses an `nkg:entityType` value or a class local name.
    fn from_type_name(name: &str) -> Option<NodeKind> {
        Some(match name {
            "Person" => NodeKind::Person,
            "Organization" => NodeKind::Organization,
            "Place" | "Country" | "City" | "AdministrativeArea" => NodeKind::Place,
            "Misc" => NodeKind::Misc,
            _ => return None,
        })
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An entity or concept.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Short stable id: the IRI from `entity/` or `concept/` on
    /// ("entity/claudia-sheinbaum"); unique in the graph.
    pub id: String,
    /// The full IRI.
    pub iri: String,
    /// `rdfs:label` (or the id when the store has none).
    pub label: String,
    /// Entity type, or concept.
    pub kind: NodeKind,
    /// `schema:alternateName`s, sorted.
    pub aliases: Vec<String>,
    /// `schema:jobTitle`s, sorted.
    pub titles: Vec<String>,
    /// Node ids of the entities it is a part of (`nkg:partOf`: "the
    /// Norwegian government" is Norway's), sorted.
    pub part_of: Vec<String>,
    /// Mentions summed over all document graphs (`nkg:mentionCount`).
    pub mentions: u64,
    /// Documents that mention it (`schema:mentions`) or state a fact about it.
    pub documents: usize,
}

/// A fact: one `nkg:Fact` statement node.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Short stable id of the statement node ("fact/3f2a…").
    pub id: String,
    /// Relation label ("rule out").
    pub relation: String,
    /// Short id of the relation node ("rel/rule-out").
    pub relation_id: String,
    /// Stance local name ("Oppose"), from the fact or else its relation.
    pub stance: Option<String>,
    /// Whether the text denies the fact.
    pub negated: bool,
    /// "Asserted", "Reported" or "Possible".
    pub modality: String,
    /// Node id of who the text attributes the fact to, when reported.
    pub attributed_to: Option<String>,
    /// Extractor confidence in [0, 1].
    pub confidence: Option<f64>,
    /// Short id of the source document ("doc/…").
    pub document: String,
    /// The evidence sentence.
    pub sentence: Option<String>,
    /// Start of the sentence in the document text (Unicode scalar values).
    pub char_start: Option<u64>,
    /// End of the sentence in the document text (Unicode scalar values).
    pub char_end: Option<u64>,
}

impl Edge {
    /// Whether the fact is reported speech (attributed to someone).
    pub fn is_reported(&self) -> bool {
        self.modality == "Reported" || self.attributed_to.is_some()
    }
}

/// The knowledge graph as a directed multigraph of entities, concepts and facts.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    /// Nodes in id order, edges in (source, target, relation, id) order.
    graph: DiGraph<Node, Edge>,
    /// Node id → index.
    index: BTreeMap<String, NodeIndex>,
    /// Short ids of the documents the graph covers.
    documents: BTreeSet<String>,
}

impl KnowledgeGraph {
    /// Builds a graph from nodes, edges (`(source id, target id, edge)`) and
    /// documents, sorting everything so that output order is stable. Edges
    /// whose ends are not among `nodes` are dropped.
    fn build(
        mut nodes: Vec<Node>,
        mut edges: Vec<(String, String, Edge)>,
        documents: BTreeSet<String>,
    ) -> KnowledgeGraph {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        nodes.dedup_by(|a, b| a.id == b.id);
        edges.sort_by(|a, b| {
            (&a.0, &a.1, &a.2.relation, &a.2.id).cmp(&(&b.0, &b.1, &b.2.relation, &b.2.id))
        });
        let mut graph = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut index = BTreeMap::new();
        for node in nodes {
            let id = node.id.clone();
            index.insert(id, graph.add_node(node));
        }
        for (source, target, edge) in edges {
            if let (Some(&s), Some(&t)) = (index.get(&source), index.get(&target)) {
                graph.add_edge(s, t, edge);
            }
        }
        KnowledgeGraph {
            graph,
            index,
            documents,
        }
    }

    /// The petgraph graph underneath (node and edge indices are in stable order).
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// Number of nodes (entities and concepts).
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges (facts).
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node with short id `id`.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.graph[i])
    }

    /// Nodes in id order.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        self.graph.node_weights()
    }

    /// Edges as `(source, target, fact)` in stable order.
    pub fn edges(&self) -> impl Iterator<Item = (&Node, &Node, &Edge)> {
        self.graph.edge_indices().filter_map(|e| self.edge_ends(e))
    }

    /// Short ids of the documents covered.
    pub fn documents(&self) -> &BTreeSet<String> {
        &self.documents
    }

    /// The label to show for node `id` (the id itself when unknown).
    pub fn label_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.node(id).map_or(id, |n| n.label.as_str())
    }

    fn edge_ends(&self, e: EdgeIndex) -> Option<(&Node, &Node, &Edge)> {
        let (s, t) = self.graph.edge_endpoints(e)?;
        Some((&self.graph[s], &self.graph[t], &self.graph[e]))
    }
}

/// The local part of an IRI from its `entity/`, `concept/`, `rel/`, `fact/` or
/// `doc/` segment on, so ids do not depend on the (overridable) instance base.
fn short_id(iri: &str) -> String {
    for marker in [
        "/entity/",
        "/concept/",
        "/rel/",
        "/fact/",
        "/doc/",
        "/graph/",
    ] {
        if let Some(i) = iri.rfind(marker) {
            return iri[i + 1..].to_owned();
        }
    }
    iri.to_owned()
}

/// The local name of an IRI (after the last `#` or `/`): `nkg:Oppose` → "Oppose".
fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Escapes text and attribute values for XML and HTML (GraphML, SVG and
/// the explorer's pages share it): the five special characters as
/// entities, and characters XML 1.0 forbids (control characters other
/// than tab, line feed and carriage return) dropped.
pub(crate) fn escape_markup(s: &str) -> String {
    let mut e = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => e.push_str("&amp;"),
            '<' => e.push_str("&lt;"),
            '>' => e.push_str("&gt;"),
            '"' => e.push_str("&quot;"),
            '\'' => e.push_str("&apos;"),
            '\t' | '\n' | '\r' => e.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => e.push(c),
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_ids_drop_the_base() {
        assert_eq!(
            short_id("https://w3id.org/newskg/id/entity/claudia-sheinbaum"),
            "entity/claudia-sheinbaum"
        );
        assert_eq!(short_id("http://example.org/kg/concept/x"), "concept/x");
        assert_eq!(short_id("urn:x"), "urn:x");
        assert_eq!(local_name("https://w3id.org/newskg/ns#Oppose"), "Oppose");
    }

    #[test]
    fn unknown_entity_message_lists_close_names() {
        let err = GraphError::UnknownEntity {
            name: "Sheinbam".into(),
            close: vec!["Claudia Sheinbaum".into()],
        };
        assert_eq!(
            err.to_string(),
            "no entity or concept named `Sheinbam` in the graph; did you mean: Claudia Sheinbaum?"
        );
    }
}
