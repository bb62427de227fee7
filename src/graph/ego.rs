//! Ego graphs: one entity and everything within `depth` facts of it.
//!
//! The entity is found by id, label or alias, case-insensitively (so
//! `--entity sheinbaum` works); the neighbourhood is walked ignoring edge
//! direction (who opposes whom matters less than who is involved) and the
//! result is the subgraph induced by the nodes reached, as networkx's
//! `ego_graph(G, n, radius, undirected=True)` does. When nothing matches, the
//! error lists the closest names by edit distance, the way a shell suggests
//! commands.

use std::collections::{BTreeSet, VecDeque};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::{GraphError, KnowledgeGraph, Node, NodeKind};

/// How many close names an unknown-entity error suggests.
const SUGGESTIONS: usize = 5;

impl KnowledgeGraph {
    /// The subgraph around `entity` (id, label or alias, any case) out to
    /// `depth` facts, edge direction ignored. `depth` 0 is the node alone.
    ///
    /// When several nodes share the name, the best match is taken: an exact
    /// id first, then a label, then an alias; among equals an entity before a
    /// concept, then the most mentioned, then the smallest id.
    pub fn ego(&self, entity: &str, depth: usize) -> Result<KnowledgeGraph, GraphError> {
        let centre = self.find(entity).ok_or_else(|| GraphError::UnknownEntity {
            name: entity.to_owned(),
            close: self.close_names(entity),
        })?;
        let mut seen = BTreeSet::from([centre]);
        let mut queue = VecDeque::from([(centre, 0)]);
        while let Some((n, d)) = queue.pop_front() {
            if d == depth {
                continue;
            }
            for dir in [Direction::Outgoing, Direction::Incoming] {
                for e in self.graph.edges_directed(n, dir) {
                    let next = if dir == Direction::Outgoing {
                        e.target()
                    } else {
                        e.source()
                    };
                    if seen.insert(next) {
                        queue.push_back((next, d + 1));
                    }
                }
            }
        }
        let nodes: Vec<Node> = seen.iter().map(|&n| self.graph[n].clone()).collect();
        let mut documents = BTreeSet::new();
        let edges = self
            .graph
            .edge_references()
            .filter(|e| seen.contains(&e.source()) && seen.contains(&e.target()))
            .map(|e| {
                documents.insert(e.weight().document.clone());
                let (s, t) = (&self.graph[e.source()], &self.graph[e.target()]);
                (s.id.clone(), t.id.clone(), e.weight().clone())
            })
            .collect();
        documents.remove("");
        Ok(KnowledgeGraph::build(nodes, edges, documents))
    }

    /// Like [`KnowledgeGraph::ego`], keeping at most `max_nodes` nodes: the
    /// centre and the neighbours with the most facts linking them to it
    /// (then the most mentioned, then by id). A hub of a large store has
    /// hundreds of neighbours; a picture of all of them shows none.
    pub fn ego_limited(
        &self,
        entity: &str,
        depth: usize,
        max_nodes: usize,
    ) -> Result<KnowledgeGraph, GraphError> {
        let ego = self.ego(entity, depth)?;
        if ego.node_count() <= max_nodes {
            return Ok(ego);
        }
        let Some(centre) = self.find(entity).map(|c| self.graph[c].id.clone()) else {
            return Ok(ego);
        };
        let mut links: std::collections::BTreeMap<&str, usize> = Default::default();
        for (s, t, _) in ego.edges() {
            if s.id == centre {
                *links.entry(t.id.as_str()).or_default() += 1;
            } else if t.id == centre {
                *links.entry(s.id.as_str()).or_default() += 1;
            }
        }
        let mut ranked: Vec<&Node> = ego.nodes().filter(|n| n.id != centre).collect();
        ranked.sort_by_key(|n| {
            (
                std::cmp::Reverse(links.get(n.id.as_str()).copied().unwrap_or(0)),
                std::cmp::Reverse(n.mentions),
                n.id.clone(),
            )
        });
        let mut keep: BTreeSet<String> = ranked
            .iter()
            .take(max_nodes.saturating_sub(1))
            .map(|n| n.id.clone())
            .collect();
        keep.insert(centre);
        let nodes: Vec<Node> = ego
            .nodes()
            .filter(|n| keep.contains(&n.id))
            .cloned()
            .collect();
        let mut documents = BTreeSet::new();
        let edges = ego
            .edges()
            .filter(|(s, t, _)| keep.contains(&s.id) && keep.contains(&t.id))
            .map(|(s, t, e)| {
                documents.insert(e.document.clone());
                (s.id.clone(), t.id.clone(), e.clone())
            })
            .collect();
        documents.remove("");
        Ok(KnowledgeGraph::build(nodes, edges, documents))
    }

    /// The node `name` denotes, if any (see [`KnowledgeGraph::ego`]).
    fn find(&self, name: &str) -> Option<NodeIndex> {
        let wanted = name.trim().to_lowercase();
        let slug = wanted.replace(' ', "-");
        self.graph
            .node_indices()
            .filter_map(|i| {
                let node = &self.graph[i];
                let id = node.id.to_lowercase();
                let tier = if id == wanted
                    || node.iri.to_lowercase() == wanted
                    || id.split_once('/').is_some_and(|(_, s)| s == slug)
                {
                    0
                } else if node.label.to_lowercase() == wanted {
                    1
                } else if node.aliases.iter().any(|a| a.to_lowercase() == wanted) {
                    2
                } else {
                    return None;
                };
                let concept = node.kind == NodeKind::Concept;
                Some((
                    (tier, concept, u64::MAX - node.mentions, node.id.clone()),
                    i,
                ))
            })
            .min()
            .map(|(_, i)| i)
    }

    /// Up to [`SUGGESTIONS`] labels close to `name`: containing it, or within
    /// an edit distance of a third of its length.
    fn close_names(&self, name: &str) -> Vec<String> {
        let wanted = name.trim().to_lowercase();
        let limit = (wanted.chars().count() / 3).max(1);
        let mut scored: Vec<(usize, String)> = Vec::new();
        for node in self.graph.node_weights() {
            let best = std::iter::once(&node.label)
                .chain(&node.aliases)
                .map(|n| {
                    let lower = n.to_lowercase();
                    if !wanted.is_empty() && (lower.contains(&wanted) || wanted.contains(&lower)) {
                        0
                    } else {
                        edit_distance(&lower, &wanted)
                    }
                })
                .min()
                .unwrap_or(usize::MAX);
            if best <= limit {
                scored.push((best, node.label.clone()));
            }
        }
        scored.sort();
        scored.dedup_by(|a, b| a.1 == b.1);
        scored
            .into_iter()
            .take(SUGGESTIONS)
            .map(|(_, l)| l)
            .collect()
    }
}

/// Levenshtein distance over Unicode scalar values.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn ids(g: &KnowledgeGraph) -> Vec<&str> {
        g.nodes().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn a_limited_ego_keeps_the_centre_and_its_closest() {
        let g = KnowledgeGraph::from_store(&fixture::star(12)).unwrap_or_else(|e| panic!("{e}"));
        let full = g.ego("entity/centre", 1).unwrap_or_else(|e| panic!("{e}"));
        let small = g
            .ego_limited("entity/centre", 1, 5)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(full.node_count() > 5, "{}", full.node_count());
        assert_eq!(small.node_count(), 5);
        assert!(small.node("entity/centre").is_some());
        assert_eq!(small.edge_count(), 4);
    }

    #[test]
    fn depth_one_and_two_differ() {
        let graph = KnowledgeGraph::from_store(&fixture::star(4)).unwrap();
        let one = graph.ego("Leaf 0", 1).unwrap();
        assert_eq!(ids(&one), ["entity/centre", "entity/far0", "entity/leaf0"]);
        assert_eq!(one.edge_count(), 2);
        let two = graph.ego("leaf 0", 2).unwrap();
        assert_eq!(two.node_count(), 7, "centre, its 4 leaves, far0, farther0");
        assert_eq!(two.edge_count(), 6);
        assert_eq!(graph.ego("entity/leaf0", 0).unwrap().node_count(), 1);
    }

    #[test]
    fn finds_by_alias_and_slug() {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        for name in [
            "sheinbaum",
            "PRESIDENT SHEINBAUM",
            "claudia-sheinbaum",
            "Claudia Sheinbaum",
        ] {
            let ego = graph.ego(name, 1).unwrap();
            assert!(ego.node("entity/claudia-sheinbaum").is_some(), "{name}");
            assert!(ego.node("entity/cbp").is_none(), "{name}");
        }
        let ego = graph.ego("sheinbaum", 1).unwrap();
        assert_eq!(ego.documents().len(), 2);
    }

    #[test]
    fn unknown_names_suggest_close_ones() {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        let err = graph.ego("Sheinbam", 1).unwrap_err();
        let GraphError::UnknownEntity { close, .. } = &err else {
            panic!("{err}");
        };
        assert_eq!(close, &["Claudia Sheinbaum"]);
        assert!(matches!(
            graph.ego("zzzzzzzz", 1),
            Err(GraphError::UnknownEntity { close, .. }) if close.is_empty()
        ));
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
    }
}
