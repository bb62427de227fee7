//! SVG without Graphviz: a radial layout written here, so that `export
//! --format svg` and the explorer of `newskg serve` draw pictures on machines
//! without `dot` (issue 12).
//!
//! Why radial and not a general layered layout (Graphviz's, or the
//! `layout-rs` crate's): the pictures drawn are ego graphs, one entity and
//! what is within a few facts of it, which rings around the centre show
//! well, in a hundred lines with no dependency. The centre is the node asked
//! for (or the most connected one); ring `r` holds the nodes `r` facts away,
//! in id order, so the same graph always gives the same bytes. Facts between
//! the same two nodes share one line whose label lists their relations.

use std::collections::{BTreeMap, VecDeque};
use std::fmt::Write as _;
use std::io::Write;

use petgraph::visit::EdgeRef;

use super::dot::{stance_colour, style};
use super::{escape_markup, GraphError, KnowledgeGraph, NodeKind, RenderFormat};

/// Distance between rings, in pixels.
const RING: f64 = 180.0;
/// Longest label drawn, in characters.
const MAX_LABEL: usize = 26;
/// Relations listed on one line before "…".
const MAX_RELATIONS: usize = 3;

impl KnowledgeGraph {
    /// Draws the graph as SVG with the built-in radial layout around
    /// `centre` (a node id such as `entity/mira-kessel`; the most connected
    /// node when `None` or unknown). With `link_prefix`, each node links to
    /// `{link_prefix}{node id}`.
    pub fn write_svg(
        &self,
        centre: Option<&str>,
        link_prefix: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), GraphError> {
        let g = &self.graph;
        let centre = centre
            .and_then(|id| self.index.get(id).copied())
            .or_else(|| {
                g.node_indices().max_by_key(|&n| {
                    (
                        g.edges_directed(n, petgraph::Direction::Outgoing).count()
                            + g.edges_directed(n, petgraph::Direction::Incoming).count(),
                        std::cmp::Reverse(n),
                    )
                })
            });
        // Breadth-first distances, edge direction ignored; unreached nodes
        // go on an outer ring.
        let mut ring: BTreeMap<usize, usize> = BTreeMap::new();
        if let Some(c) = centre {
            ring.insert(c.index(), 0);
            let mut queue = VecDeque::from([c]);
            while let Some(n) = queue.pop_front() {
                let d = ring[&n.index()];
                for next in g.neighbors_undirected(n) {
                    if let std::collections::btree_map::Entry::Vacant(v) = ring.entry(next.index())
                    {
                        v.insert(d + 1);
                        queue.push_back(next);
                    }
                }
            }
        }
        let outer = ring.values().max().map_or(0, |m| m + 1);
        let mut rings: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for n in g.node_indices() {
            rings
                .entry(*ring.get(&n.index()).unwrap_or(&outer))
                .or_default()
                .push(n.index());
        }
        let max_ring = rings.keys().max().copied().unwrap_or(0) as f64;
        let half = max_ring * RING + 140.0;
        let mut position = vec![(0.0, 0.0); g.node_count()];
        for (r, members) in &rings {
            let count = members.len().max(1) as f64;
            for (k, &n) in members.iter().enumerate() {
                let radius = *r as f64 * RING;
                // Odd rings are turned half a step so labels interleave.
                let angle = std::f64::consts::TAU * (k as f64 + 0.5 * (*r % 2) as f64) / count
                    - std::f64::consts::FRAC_PI_2;
                position[n] = (half + radius * angle.cos(), half + radius * angle.sin());
            }
        }
        let size = 2.0 * half;
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ego-graph\" width=\"{size:.0}\" height=\"{size:.0}\" viewBox=\"0 0 {size:.0} {size:.0}\" font-family=\"Helvetica, Arial, sans-serif\">\n<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#606060\"/></marker></defs>\n"
        );
        // One line per ordered pair of nodes.
        let mut pairs: BTreeMap<(usize, usize), Vec<&super::Edge>> = BTreeMap::new();
        for e in g.edge_references() {
            pairs
                .entry((e.source().index(), e.target().index()))
                .or_default()
                .push(e.weight());
        }
        for ((s, t), edges) in &pairs {
            let ((x1, y1), (x2, y2)) = (position[*s], position[*t]);
            // Stop short of the target's label box.
            let (dx, dy) = (x2 - x1, y2 - y1);
            let len = (dx * dx + dy * dy).sqrt().max(1.0);
            let (ex, ey) = (x2 - dx / len * 40.0, y2 - dy / len * 16.0);
            let all_negated = edges.iter().all(|e| e.negated);
            let colour = stance_colour(edges[0].stance.as_deref());
            let mut label: Vec<String> = edges
                .iter()
                .take(MAX_RELATIONS)
                .map(|e| {
                    let mut l = if e.negated {
                        format!("NOT {}", e.relation)
                    } else {
                        e.relation.clone()
                    };
                    if e.is_reported() {
                        l.push_str(" (reported)");
                    }
                    l
                })
                .collect();
            if edges.len() > MAX_RELATIONS {
                label.push(format!("… {} more", edges.len() - MAX_RELATIONS));
            }
            let dash = if all_negated {
                " stroke-dasharray=\"6 4\""
            } else {
                ""
            };
            let _ = writeln!(
                svg,
                "<g class=\"fact\"><title>{}</title><line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{ex:.1}\" y2=\"{ey:.1}\" stroke=\"{colour}\" stroke-width=\"1.4\"{dash} marker-end=\"url(#arrow)\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{colour}\">{}</text></g>",
                escape_markup(&label.join("; ")),
                (x1 + ex) / 2.0,
                (y1 + ey) / 2.0 - 3.0,
                escape_markup(&clip(&label.join("; "), 2 * MAX_LABEL)),
            );
        }
        for n in g.node_indices() {
            let node = &g[n];
            let (x, y) = position[n.index()];
            let (shape, fill) = style(node.kind);
            let label = clip(&node.label, MAX_LABEL);
            let w = 7.0 * label.chars().count() as f64 + 18.0;
            let body = match shape {
                "box" | "note" | "house" => format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"26\" rx=\"3\" fill=\"{fill}\" stroke=\"#333\"/>",
                    x - w / 2.0,
                    y - 13.0
                ),
                _ => format!(
                    "<ellipse cx=\"{x:.1}\" cy=\"{y:.1}\" rx=\"{:.1}\" ry=\"14\" fill=\"{fill}\" stroke=\"#333\"/>",
                    w / 2.0
                ),
            };
            let weight = if Some(n) == centre {
                " font-weight=\"bold\""
            } else {
                ""
            };
            let text = format!(
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"middle\"{weight}>{}</text>",
                y + 4.0,
                escape_markup(&label)
            );
            let title = format!("{} ({})", node.label, node.kind);
            let inner = format!("<title>{}</title>{body}{text}", escape_markup(&title));
            match link_prefix.filter(|_| node.kind != NodeKind::Other) {
                Some(prefix) => {
                    let _ = writeln!(
                        svg,
                        "<a class=\"node\" href=\"{}{}\">{inner}</a>",
                        escape_markup(prefix),
                        escape_markup(&node.id)
                    );
                }
                None => {
                    let _ = writeln!(svg, "<g class=\"node\">{inner}</g>");
                }
            }
        }
        svg.push_str("</svg>\n");
        out.write_all(svg.as_bytes())?;
        Ok(())
    }

    /// SVG from Graphviz when it is installed, else from the built-in
    /// layout ([`KnowledgeGraph::write_svg`]): `export --format svg` works
    /// on every machine.
    pub fn render_svg(&self, centre: Option<&str>, out: &mut dyn Write) -> Result<(), GraphError> {
        let mut image = Vec::new();
        match self.render(RenderFormat::Svg, &mut image) {
            Ok(()) => {
                out.write_all(&image)?;
                Ok(())
            }
            Err(GraphError::DotMissing) => self.write_svg(centre, None, out),
            Err(e) => Err(e),
        }
    }
}

/// `s` cut to `max` characters with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    if s.chars().count() > max {
        s.chars().take(max - 1).chain(['…']).collect()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    #[test]
    fn draws_well_formed_svg_without_graphviz() {
        let store = fixture::news();
        let graph = KnowledgeGraph::from_store(&store).unwrap_or_else(|e| panic!("{e}"));
        let mut out = Vec::new();
        assert!(graph.write_svg(None, Some("/"), &mut out).is_ok());
        let svg = String::from_utf8(out).unwrap_or_default();
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
            "{svg}"
        );
        // Well-formed XML: every element closes.
        let mut reader = quick_xml::Reader::from_str(&svg);
        let mut elements = 0;
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(quick_xml::events::Event::Start(_) | quick_xml::events::Event::Empty(_)) => {
                    elements += 1
                }
                Ok(_) => {}
                Err(e) => panic!("not well-formed: {e}\n{svg}"),
            }
        }
        assert!(elements > graph.node_count() * 3, "{elements}");
        // Every node is drawn once, with its link, and every fact line.
        for node in graph.nodes() {
            assert!(
                svg.contains(&format!("href=\"/{}\"", node.id)),
                "{}",
                node.id
            );
        }
        assert_eq!(svg.matches("<a class=\"node\"").count(), graph.node_count());
        // The same graph gives the same bytes.
        let mut again = Vec::new();
        assert!(graph.write_svg(None, Some("/"), &mut again).is_ok());
        assert_eq!(String::from_utf8(again).unwrap_or_default(), svg);
    }

    #[test]
    fn labels_are_escaped() {
        assert_eq!(
            escape_markup("a<b & \"c\">"),
            "a&lt;b &amp; &quot;c&quot;&gt;"
        );
        assert_eq!(clip("abcdef", 4), "abc…");
    }
}
