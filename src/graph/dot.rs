//! Graphviz: the graph as DOT text, and SVG/PNG by piping that text through
//! the `dot` program.
//!
//! Nodes are shaped and coloured by kind (a person an ellipse, an organisation
//! a box, a place a house, a misc entity a diamond, a concept a note); facts
//! are edges labelled with their relation and coloured by stance. A negated
//! fact is a dashed red edge labelled "NOT …"; a reported fact is dotted,
//! labelled "… (reported)", with the speaker in its tooltip. Node and edge
//! order is the graph's (sorted by id), so the same store always gives the
//! same bytes: diffs of exports mean changes in the data.
//!
//! Rendering shells out to Graphviz rather than laying out in Rust because
//! Graphviz is the reference layout engine and is one `apt-get` away.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use super::{Edge, GraphError, KnowledgeGraph, Node, NodeKind};

/// An image format Graphviz renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderFormat {
    /// Scalable vector graphics (`dot -Tsvg`).
    Svg,
    /// Portable network graphics (`dot -Tpng`).
    Png,
}

impl RenderFormat {
    /// The `-T` name Graphviz knows it by.
    pub fn as_str(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
        }
    }
}

/// Shape and fill colour of a node kind.
pub(super) fn style(kind: NodeKind) -> (&'static str, &'static str) {
    match kind {
        NodeKind::Person => ("ellipse", "#8dd3c7"),
        NodeKind::Organization => ("box", "#80b1d3"),
        NodeKind::Place => ("house", "#b3de69"),
        NodeKind::Misc => ("diamond", "#fdb462"),
        NodeKind::Concept => ("note", "#f0f0f0"),
        NodeKind::Other => ("plaintext", "#ffffff"),
    }
}

/// Edge colour of a stance: hostile red-brown, friendly green, neutral grey.
pub(super) fn stance_colour(stance: Option<&str>) -> &'static str {
    match stance {
        Some("Oppose" | "Criticize" | "Threaten" | "Accuse" | "Attack") => "#b35806",
        Some("Support" | "Praise" | "Cooperate") => "#1b7837",
        _ => "#404040",
    }
}

impl KnowledgeGraph {
    /// Writes the graph as a Graphviz `digraph`, nodes then edges, in id order.
    pub fn write_dot(&self, out: &mut dyn Write) -> Result<(), GraphError> {
        writeln!(out, "digraph newskg {{")?;
        writeln!(
            out,
            "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\"];"
        )?;
        writeln!(
            out,
            "  node [style=filled, fontname=\"Helvetica\", fontsize=11];"
        )?;
        writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
        for node in self.nodes() {
            write_node(out, node)?;
        }
        for (source, target, edge) in self.edges() {
            self.write_edge(out, source, target, edge)?;
        }
        writeln!(out, "}}")?;
        Ok(())
    }

    fn write_edge(
        &self,
        out: &mut dyn Write,
        source: &Node,
        target: &Node,
        edge: &Edge,
    ) -> Result<(), GraphError> {
        let mut label = edge.relation.clone();
        let mut tooltip = format!("{} {} {}", source.label, edge.relation, target.label);
        let (mut colour, mut line) = (stance_colour(edge.stance.as_deref()), "solid");
        if edge.negated {
            label = format!("NOT {label}");
            tooltip = format!("NOT: {tooltip}");
            (colour, line) = ("#d7191c", "dashed");
        }
        if edge.is_reported() {
            label.push_str(" (reported)");
            if !edge.negated {
                line = "dotted";
            }
            match &edge.attributed_to {
                Some(speaker) => {
                    tooltip.push_str(&format!(" (reported by {})", self.label_of(speaker)));
                }
                None => tooltip.push_str(" (reported)"),
            }
        }
        if let Some(stance) = &edge.stance {
            tooltip.push_str(&format!(" [{stance}]"));
        }
        if let Some(sentence) = &edge.sentence {
            tooltip.push_str(&format!("\n{sentence}"));
        }
        writeln!(
            out,
            "  {} -> {} [id={}, label={}, color=\"{colour}\", fontcolor=\"{colour}\", style={line}, tooltip={}];",
            quote(&source.id),
            quote(&target.id),
            quote(&edge.id),
            quote(&label),
            quote(&tooltip),
        )?;
        Ok(())
    }

    /// Renders the graph with Graphviz `dot -T<format>` into `out`.
    ///
    /// Fails with [`GraphError::DotMissing`] when Graphviz is not installed.
    pub fn render(&self, format: RenderFormat, out: &mut dyn Write) -> Result<(), GraphError> {
        let mut dot = Vec::new();
        self.write_dot(&mut dot)?;
        let mut child = match Command::new("dot")
            .arg(format!("-T{}", format.as_str()))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(GraphError::DotMissing)
            }
            Err(e) => return Err(GraphError::Io(e)),
        };
        // Feed stdin from a thread: a large graph would otherwise fill both
        // pipes and deadlock.
        let mut stdin = child.stdin.take().ok_or(GraphError::DotMissing)?;
        let feeder = std::thread::spawn(move || stdin.write_all(&dot));
        let mut image = Vec::new();
        if let Some(mut stdout) = child.stdout.take() {
            stdout.read_to_end(&mut image)?;
        }
        let mut stderr = String::new();
        if let Some(mut err) = child.stderr.take() {
            err.read_to_string(&mut stderr)?;
        }
        let status = child.wait()?;
        let fed = feeder.join().unwrap_or(Ok(()));
        if !status.success() {
            return Err(GraphError::DotFailed {
                format: format.as_str(),
                status,
                stderr: stderr.trim().to_owned(),
            });
        }
        fed?;
        out.write_all(&image)?;
        Ok(())
    }
}

fn write_node(out: &mut dyn Write, node: &Node) -> Result<(), GraphError> {
    let (shape, fill) = style(node.kind);
    let mut tooltip = format!("{} ({})", node.label, node.kind);
    match node.mentions {
        0 => {}
        1 => tooltip.push_str(", 1 mention"),
        n => tooltip.push_str(&format!(", {n} mentions")),
    }
    if !node.titles.is_empty() {
        tooltip.push_str(&format!("\ntitles: {}", node.titles.join(", ")));
    }
    if !node.aliases.is_empty() {
        tooltip.push_str(&format!("\nalso: {}", node.aliases.join(", ")));
    }
    writeln!(
        out,
        "  {} [label={}, shape={shape}, fillcolor=\"{fill}\", tooltip={}];",
        quote(&node.id),
        quote(&node.label),
        quote(&tooltip),
    )?;
    Ok(())
}

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as
/// `\n` (Graphviz's centred line break), other control characters dropped.
fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            c if c.is_control() => {}
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;

    fn dot_of(graph: &KnowledgeGraph) -> String {
        let mut out = Vec::new();
        graph.write_dot(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn dot_is_stable_and_styled() {
        let store = fixture::news();
        let first = dot_of(&KnowledgeGraph::from_store(&store).unwrap());
        let second = dot_of(&KnowledgeGraph::from_store(&store).unwrap());
        assert_eq!(first, second);
        assert!(first.starts_with("digraph newskg {\n"));
        assert!(first.ends_with("}\n"));
        assert!(first.contains(
            "  \"entity/claudia-sheinbaum\" [label=\"Claudia Sheinbaum\", shape=ellipse,"
        ));
        assert!(first.contains("\"concept/directive\" [label=\"directive\", shape=note,"));
        let negated = first.lines().find(|l| l.contains("NOT issue")).unwrap();
        assert!(
            negated.contains("style=dashed") && negated.contains("#d7191c"),
            "{negated}"
        );
        let reported = first
            .lines()
            .find(|l| l.contains("threaten (reported)"))
            .unwrap();
        assert!(reported.contains("style=dotted"), "{reported}");
        assert!(
            reported.contains("reported by Claudia Sheinbaum"),
            "{reported}"
        );
        // The evidence sentence's quotes and line break are escaped.
        assert!(first.contains("ruled out a \\\"U.S. military intervention\\\".\\nShe said so."));
        // Nodes come in id order.
        let cbp = first.find("\"entity/cbp\" [").unwrap();
        let mexico = first.find("\"entity/mexico\" [").unwrap();
        assert!(cbp < mexico);
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("a \"b\"\\c\nd\re"), "\"a \\\"b\\\"\\\\c\\nde\"");
    }

    #[test]
    #[allow(clippy::print_stderr)]
    fn graphviz_accepts_it() {
        let graph = KnowledgeGraph::from_store(&fixture::news()).unwrap();
        let mut svg = Vec::new();
        match graph.render(RenderFormat::Svg, &mut svg) {
            Err(GraphError::DotMissing) => {
                eprintln!("skipped: Graphviz `dot` not on PATH");
            }
            Err(e) => panic!("dot rejected the output: {e}"),
            Ok(()) => {
                let svg = String::from_utf8(svg).unwrap();
                assert!(svg.contains("<svg"), "{svg}");
                assert!(svg.contains("Claudia Sheinbaum"));
            }
        }
    }
}
