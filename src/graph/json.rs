//! JSON in networkx's node-link format, read back with
//! `networkx.node_link_graph(data)` by every networkx version, and by
//! d3-force layouts.
//!
//! `{"directed": true, "multigraph": true, "graph": {..}, "nodes": [{"id": ..}],
//! "edges": [{"source": .., "target": .., "key": <fact id>, ..}], "links": [..]}`;
//! unknown values are `null`. The edge list is written twice, under both
//! names, because networkx changed its default (issue 9, item 9):
//! `node_link_graph` reads `edges` from 3.6 on, `links` before (3.4 and 3.5
//! with a FutureWarning), and d3 reads `links`. Field order is fixed by the
//! structs below, so output is deterministic.

use std::io::Write;

use serde::Serialize;

use super::{GraphError, KnowledgeGraph};

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphInfo,
    nodes: Vec<JsonNode<'a>>,
    /// networkx ≥ 3.6.
    edges: &'a [JsonLink<'a>],
    /// networkx < 3.6 and d3: the same list.
    links: &'a [JsonLink<'a>],
}

#[derive(Serialize)]
struct GraphInfo {
    name: &'static str,
    documents: usize,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    iri: &'a str,
    aliases: &'a [String],
    titles: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    part_of: &'a [String],
    mentions: u64,
    documents: usize,
}

#[derive(Serialize)]
struct JsonLink<'a> {
    source: &'a str,
    target: &'a str,
    key: &'a str,
    relation: &'a str,
    stance: Option<&'a str>,
    negated: bool,
    modality: &'a str,
    reported: bool,
    attributed_to: Option<&'a str>,
    confidence: Option<f64>,
    document: &'a str,
    sentence: Option<&'a str>,
    char_start: Option<u64>,
    char_end: Option<u64>,
}

impl KnowledgeGraph {
    /// Writes the graph as one networkx node-link JSON document.
    pub fn write_json(&self, out: &mut dyn Write) -> Result<(), GraphError> {
        let edges: Vec<JsonLink<'_>> = self
            .edges()
            .map(|(s, t, e)| JsonLink {
                source: &s.id,
                target: &t.id,
                key: &e.id,
                relation: &e.relation,
                stance: e.stance.as_deref(),
                negated: e.negated,
                modality: &e.modality,
                reported: e.is_reported(),
                attributed_to: e.attributed_to.as_deref(),
                confidence: e.confidence,
                document: &e.document,
                sentence: e.sentence.as_deref(),
                char_start: e.char_start,
                char_end: e.char_end,
            })
            .collect();
        let doc = NodeLink {
            directed: true,
            multigraph: true,
            graph: GraphInfo {
                name: "newskg",
                documents: self.documents.len(),
            },
            nodes: self
                .nodes()
                .map(|n| JsonNode {
                    id: &n.id,
                    label: &n.label,
                    kind: n.kind.as_str(),
                    iri: &n.iri,
                    aliases: &n.aliases,
                    titles: &n.titles,
                    part_of: &n.part_of,
                    mentions: n.mentions,
                    documents: n.documents,
                })
                .collect(),
            edges: &edges,
            links: &edges,
        };
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::from)?;
        writeln!(out)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn node_link_json_parses() {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        let mut out = Vec::new();
        graph.write_json(&mut out).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["directed"], true);
        assert_eq!(value["multigraph"], true);
        assert_eq!(value["graph"]["documents"], 2);
        let nodes = value["nodes"].as_array().unwrap();
        let links = value["links"].as_array().unwrap();
        assert_eq!((nodes.len(), links.len()), (8, 5));
        // networkx ≥ 3.6 reads `edges`, older versions and d3 `links`.
        assert_eq!(value["edges"], value["links"]);
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        // (serde_json's map sorts keys.)
        assert_eq!(
            keys,
            ["directed", "edges", "graph", "links", "multigraph", "nodes"]
        );
        assert!(nodes
            .iter()
            .any(|n| n["id"] == "entity/claudia-sheinbaum" && n["type"] == "Person"));
        let negated = links.iter().find(|l| l["negated"] == true).unwrap();
        assert_eq!(negated["source"], "entity/white-house");
        assert_eq!(negated["target"], "concept/directive");
        assert_eq!(negated["key"], "fact/a2");
        // Every link end is a node id.
        for link in links {
            for end in ["source", "target"] {
                assert!(nodes.iter().any(|n| n["id"] == link[end]), "{link}");
            }
        }
    }
}
