//! `newskg stats`: counts, centrality and connectivity of a [`KnowledgeGraph`].
//!
//! Counts documents, entities by type (and how many carry aliases, i.e. were
//! merged from several names), concepts, and facts by relation, by stance,
//! negated, reported and hedged. Centrality ranks entities by degree (facts
//! they take part in) and by PageRank; connectivity gives the weakly connected
//! components' sizes.
//!
//! Both centralities look at the graph as undirected: in a fact graph the
//! direction says who acts on whom, not who points to whom, and a directed
//! PageRank would rank every subject of many facts (the newsmakers) lowest.
//! PageRank is a sparse power iteration written here, O(iterations × facts),
//! rather than `petgraph::algo::page_rank`, whose dense loop is O(iterations ×
//! nodes² × degree) and would not finish on a 20,000-article graph; a test
//! checks both agree on the ranking of a small graph.

use std::collections::BTreeMap;
use std::fmt;

use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;

use super::{KnowledgeGraph, NodeKind};

/// How many entries each ranking keeps, and each list shows.
const TOP: usize = 10;
/// PageRank damping factor (the usual 0.85).
const DAMPING: f64 = 0.85;
/// PageRank stops after this many iterations or when ranks move less than
/// [`TOLERANCE`] in total.
const MAX_ITERATIONS: usize = 100;
const TOLERANCE: f64 = 1e-10;

/// An entity and its centrality score.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    /// Node id ("entity/claudia-sheinbaum").
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its type.
    pub kind: NodeKind,
    /// Degree (a whole number) or PageRank (in (0, 1]).
    pub score: f64,
}

/// What `newskg stats` prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Stats {
    /// Documents the graph covers.
    pub documents: usize,
    /// Named entities.
    pub entities: usize,
    /// Entities per type ("Person", ...), in a fixed type order, zeros included.
    pub entities_by_type: Vec<(String, usize)>,
    /// Entities known by more than one name (with `schema:alternateName`s).
    pub entities_with_aliases: usize,
    /// Concepts (non-named fact arguments).
    pub concepts: usize,
    /// Facts, negated ones included.
    pub facts: usize,
    /// Facts per relation label, most frequent first.
    pub facts_by_relation: Vec<(String, usize)>,
    /// Facts per stance ("(none)" when unknown), most frequent first.
    pub facts_by_stance: Vec<(String, usize)>,
    /// Facts the text denies.
    pub negated: usize,
    /// Facts attributed to a speaker.
    pub reported: usize,
    /// Hedged facts (modality Possible).
    pub possible: usize,
    /// Top entities by degree.
    pub by_degree: Vec<Ranked>,
    /// Top entities by PageRank.
    pub by_pagerank: Vec<Ranked>,
    /// Sizes of the weakly connected components, largest first.
    pub components: Vec<usize>,
}

impl KnowledgeGraph {
    /// Counts, centrality and components of the graph.
    pub fn stats(&self) -> Stats {
        let entity_nodes = self.nodes().filter(|n| n.kind.is_entity());
        let mut by_type: BTreeMap<NodeKind, usize> = [
            NodeKind::Person,
            NodeKind::Organization,
            NodeKind::Place,
            NodeKind::Misc,
        ]
        .into_iter()
        .map(|k| (k, 0))
        .collect();
        let (mut entities, mut entities_with_aliases) = (0, 0);
        for node in entity_nodes {
            entities += 1;
            *by_type.entry(node.kind).or_default() += 1;
            entities_with_aliases += usize::from(!node.aliases.is_empty());
        }
        let mut relations: BTreeMap<String, usize> = BTreeMap::new();
        let mut stances: BTreeMap<String, usize> = BTreeMap::new();
        let (mut negated, mut reported, mut possible) = (0, 0, 0);
        for (_, _, edge) in self.edges() {
            *relations.entry(edge.relation.clone()).or_default() += 1;
            let stance = edge.stance.clone().unwrap_or_else(|| "(none)".to_owned());
            *stances.entry(stance).or_default() += 1;
            negated += usize::from(edge.negated);
            reported += usize::from(edge.is_reported());
            possible += usize::from(edge.modality == "Possible");
        }
        let degrees: Vec<f64> = self
            .graph
            .node_indices()
            .map(|n| {
                self.graph
                    .edges_directed(n, petgraph::Direction::Outgoing)
                    .count()
                    + self
                        .graph
                        .edges_directed(n, petgraph::Direction::Incoming)
                        .count()
            })
            .map(|d| d as f64)
            .collect();
        Stats {
            documents: self.documents.len(),
            entities,
            entities_by_type: by_type
                .into_iter()
                .map(|(k, n)| (k.to_string(), n))
                .collect(),
            entities_with_aliases,
            concepts: self.nodes().filter(|n| n.kind == NodeKind::Concept).count(),
            facts: self.edge_count(),
            facts_by_relation: most_frequent(relations),
            facts_by_stance: most_frequent(stances),
            negated,
            reported,
            possible,
            by_degree: self.top_entities(&degrees),
            by_pagerank: self.top_entities(&self.page_rank()),
            components: self.component_sizes(),
        }
    }

    /// PageRank of every node (by index) on the undirected view of the graph,
    /// each fact a link both ways; a node without facts spreads its rank
    /// evenly. Ranks sum to 1.
    fn page_rank(&self) -> Vec<f64> {
        let n = self.graph.node_count();
        if n == 0 {
            return Vec::new();
        }
        let mut degree = vec![0usize; n];
        for e in self.graph.edge_references() {
            degree[e.source().index()] += 1;
            degree[e.target().index()] += 1;
        }
        let mut rank = vec![1.0 / n as f64; n];
        for _ in 0..MAX_ITERATIONS {
            let dangling: f64 = (0..n).filter(|&i| degree[i] == 0).map(|i| rank[i]).sum();
            let base = (1.0 - DAMPING) / n as f64 + DAMPING * dangling / n as f64;
            let mut next = vec![base; n];
            for e in self.graph.edge_references() {
                let (s, t) = (e.source().index(), e.target().index());
                next[t] += DAMPING * rank[s] / degree[s] as f64;
                next[s] += DAMPING * rank[t] / degree[t] as f64;
            }
            let change: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
            rank = next;
            if change < TOLERANCE {
                break;
            }
        }
        rank
    }

    /// The [`TOP`] entities by `scores` (indexed like the nodes), ties by id.
    fn top_entities(&self, scores: &[f64]) -> Vec<Ranked> {
        let mut ranked: Vec<Ranked> = self
            .graph
            .node_indices()
            .filter(|&i| self.graph[i].kind.is_entity())
            .map(|i| {
                let node = &self.graph[i];
                Ranked {
                    id: node.id.clone(),
                    label: node.label.clone(),
                    kind: node.kind,
                    score: scores.get(i.index()).copied().unwrap_or(0.0),
                }
            })
            .filter(|r| r.score > 0.0)
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        ranked.truncate(TOP);
        ranked
    }

    /// Sizes of the weakly connected components, largest first.
    fn component_sizes(&self) -> Vec<usize> {
        let mut sets = UnionFind::<usize>::new(self.graph.node_count());
        for e in self.graph.edge_references() {
            sets.union(e.source().index(), e.target().index());
        }
        let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
        for label in sets.into_labeling() {
            *sizes.entry(label).or_default() += 1;
        }
        let mut sizes: Vec<usize> = sizes.into_values().collect();
        sizes.sort_by(|a, b| b.cmp(a));
        sizes
    }
}

/// Counts sorted most frequent first, then by name.
fn most_frequent(counts: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let types: Vec<String> = self
            .entities_by_type
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect();
        writeln!(f, "documents   {}", self.documents)?;
        writeln!(f, "entities    {} ({})", self.entities, types.join(", "))?;
        writeln!(
            f,
            "  with aliases (merged names) {}",
            self.entities_with_aliases
        )?;
        writeln!(f, "concepts    {}", self.concepts)?;
        writeln!(
            f,
            "facts       {} (negated {}, reported {}, possible {})",
            self.facts, self.negated, self.reported, self.possible
        )?;
        list(f, "facts by relation", &self.facts_by_relation)?;
        list(f, "facts by stance", &self.facts_by_stance)?;
        ranking(f, "most central entities by degree", &self.by_degree, 0)?;
        ranking(f, "most central entities by PageRank", &self.by_pagerank, 4)?;
        let shown: Vec<String> = self
            .components
            .iter()
            .take(TOP)
            .map(usize::to_string)
            .collect();
        let more = if self.components.len() > TOP {
            ", …"
        } else {
            ""
        };
        let singletons = self.components.iter().filter(|&&s| s == 1).count();
        writeln!(f)?;
        writeln!(
            f,
            "connected components {} (sizes {}{more}; {singletons} isolated nodes)",
            self.components.len(),
            if shown.is_empty() {
                "-".to_owned()
            } else {
                shown.join(", ")
            },
        )
    }
}

fn list(f: &mut fmt::Formatter<'_>, title: &str, items: &[(String, usize)]) -> fmt::Result {
    writeln!(f)?;
    writeln!(f, "{title}")?;
    let width = items
        .iter()
        .take(TOP)
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (key, n) in items.iter().take(TOP) {
        writeln!(f, "  {key:<width$}  {n:>5}")?;
    }
    if items.len() > TOP {
        writeln!(f, "  … {} more", items.len() - TOP)?;
    }
    Ok(())
}

fn ranking(
    f: &mut fmt::Formatter<'_>,
    title: &str,
    items: &[Ranked],
    decimals: usize,
) -> fmt::Result {
    writeln!(f)?;
    writeln!(f, "{title}")?;
    let names: Vec<String> = items
        .iter()
        .map(|r| format!("{} ({})", r.label, r.kind))
        .collect();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for (i, (r, name)) in items.iter().zip(&names).enumerate() {
        writeln!(f, "  {:>2}. {name:<width$}  {:.decimals$}", i + 1, r.score)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn pagerank_and_degree_put_the_star_centre_first() {
        let graph = KnowledgeGraph::from_store(&fixture::star(6)).unwrap();
        let stats = graph.stats();
        assert_eq!(stats.by_pagerank[0].id, "entity/centre");
        assert_eq!(stats.by_degree[0].id, "entity/centre");
        assert_eq!(stats.by_degree[0].score, 6.0);
        let total: f64 = graph.page_rank().iter().sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn pagerank_agrees_with_petgraph_on_a_small_graph() {
        let graph = KnowledgeGraph::from_store(&fixture::star(5)).unwrap();
        // petgraph's dense PageRank on the same undirected view (edges both ways).
        let mut both = petgraph::graph::DiGraph::<(), ()>::new();
        for _ in 0..graph.node_count() {
            both.add_node(());
        }
        for e in graph.graph.edge_references() {
            both.add_edge(e.source(), e.target(), ());
            both.add_edge(e.target(), e.source(), ());
        }
        let theirs = petgraph::algo::page_rank(&both, DAMPING, 100);
        let ours = graph.page_rank();
        let order = |r: &[f64]| {
            let mut idx: Vec<usize> = (0..r.len()).collect();
            idx.sort_by(|&a, &b| r[b].total_cmp(&r[a]).then(a.cmp(&b)));
            idx
        };
        assert_eq!(order(&ours)[..3], order(&theirs)[..3]);
    }

    #[test]
    fn counts_and_components() {
        let stats = KnowledgeGraph::from_store(&fixture::news())
            .unwrap()
            .stats();
        assert_eq!(stats.documents, 2);
        assert_eq!(stats.entities, 5);
        assert_eq!(
            stats.entities_by_type,
            [
                ("Person".into(), 2),
                ("Organization".into(), 2),
                ("Place".into(), 1),
                ("Misc".into(), 0)
            ]
        );
        assert_eq!(stats.entities_with_aliases, 2);
        assert_eq!(stats.concepts, 3);
        assert_eq!(stats.facts, 5);
        assert_eq!((stats.negated, stats.reported, stats.possible), (1, 1, 0));
        assert_eq!(stats.facts_by_stance[0], ("Enact".to_owned(), 2));
        assert_eq!(stats.components, [4, 2, 2]);
        assert_eq!(stats.by_degree[0].label, "Claudia Sheinbaum");
        // networkx 3.6 `_pagerank_python` on the undirected view gives 0.1623
        // for Sheinbaum and Mexico and 0.0877 for Donald Trump.
        assert_eq!(stats.by_pagerank[0].label, "Claudia Sheinbaum");
        assert!((stats.by_pagerank[0].score - 0.1623).abs() < 5e-5);
        let trump = stats
            .by_pagerank
            .iter()
            .find(|r| r.label == "Donald Trump")
            .unwrap();
        assert!((trump.score - 0.0877).abs() < 5e-5);
        let text = stats.to_string();
        assert!(
            text.starts_with(
                "documents   2\nentities    5 (Person 2, Organization 2, Place 1, Misc 0)\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("connected components 3 (sizes 4, 2, 2; 0 isolated nodes)"),
            "{text}"
        );
        assert!(
            text.contains(" 1. Claudia Sheinbaum (Person)  2\n"),
            "{text}"
        );
    }

    #[test]
    fn an_empty_graph_has_empty_stats() {
        let stats = KnowledgeGraph::default().stats();
        assert_eq!((stats.facts, stats.components.len()), (0, 0));
        assert!(stats.by_pagerank.is_empty());
        assert!(stats
            .to_string()
            .contains("connected components 0 (sizes -; 0 isolated nodes)"));
    }
}
